"""What a user reads, in French (the default) or English: gettext catalogues managed with Babel.

The msgids are the English texts: a rule's message templates and fix hints as the rule writes
them (with their ``{named}`` placeholders), its summary, and the strings marked ``_()`` /
``ngettext()`` in the code.  Domain ``ent_lint`` holds those; domain ``ent_lint_docs`` holds the
rules' documentation, paragraph by paragraph.  A finding keeps its code and arguments and is
rendered here, at output, in the reader's language.

Dates (``{x:date}``) are written in Babel's "long" format of the language ("14 mars 2024",
"March 14, 2024"), ``{x:weekday}`` is the name of its day ("jeudi", "Thursday"), and
``{x:act_date}`` is a date as the act itself writes it, always in French, for fix hints that
quote the wording to put in the document; ``{x:periods}`` writes ``[[start, end], ...]``,
``{x:period}`` an ISO period ("P3Y": "3 ans"), ``{x:votes}`` the vote counts a published CSV
row gives otherwise than its act, and ``{x:term}`` translates an English text the
rule marked with ``N_()`` (a role, a subject of the CGCT).

``python -m ent_lint.i18n extract|update|compile`` maintains the catalogues (see README).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import gettext as _gettext
import importlib
import string
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
DOMAIN = "ent_lint"
DOCS_DOMAIN = "ent_lint_docs"
LOCALE_DIR = Path(__file__).parent / "locale"
#: the section titles of a rule's documentation, translated through the docs domain
SECTION_TITLES = ("What it checks:", "Why it matters:", "How to fix:", "Example:", "Example (flagged):",
                  "Near-miss (not flagged):")

_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("ent_lint_lang", default=DEFAULT)


def check_lang(lang: Optional[str]) -> str:
    """The language, or the current one when None; an unknown one is a :class:`ConfigError`."""
    if lang is None:
        return _LANG.get()
    if lang not in LANGUAGES:
        from .errors import ConfigError

        raise ConfigError(N_("unknown language {lang} (known: {known})"), lang=repr(lang), known=", ".join(LANGUAGES))
    return lang


def use(lang: str) -> None:
    """Make ``lang`` the language of this command (or of this request's task)."""
    _LANG.set(check_lang(lang))


def current() -> str:
    return _LANG.get()


@contextlib.contextmanager
def language(lang: Optional[str]) -> Iterator[str]:
    token = _LANG.set(check_lang(lang))
    try:
        yield _LANG.get()
    finally:
        _LANG.reset(token)


@lru_cache(maxsize=None)
def translations(lang: str, domain: str = DOMAIN) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang``; English, the msgids' language, needs none."""
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(domain, LOCALE_DIR, [lang], fallback=True)


def _(text: str) -> str:
    """``text`` in the current language."""
    return translations(_LANG.get()).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``n`` in the current language."""
    return translations(_LANG.get()).ngettext(singular, plural, n)


def N_(text: str) -> str:
    """A text marked for the catalogue, translated later (where the language is known)."""
    return text


class Translator:
    """``_`` and ``ngettext`` of one language, for code that is given its language."""

    def __init__(self, lang: Optional[str] = None):
        self.lang = check_lang(lang)
        catalogue = translations(self.lang)
        self._ = catalogue.gettext
        self.ngettext = catalogue.ngettext


# --- dates and messages ---------------------------------------------------------------------------

def _as_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def format_date(value: Any, lang: str) -> str:
    """Babel's "long" date of the language; French writes the first of the month "1er"."""
    from babel.dates import format_date as babel_date

    day = _as_date(value)
    text = babel_date(day, format="long", locale=lang)
    return "1er" + text[1:] if lang == "fr" and day.day == 1 else text


#: the decimal sign of each language (CLDR's, as Babel gives it)
_DECIMAL_SIGN = {"fr": ",", "en": "."}


def decimal(value: float, lang: str) -> str:
    """A number of seconds with two decimals, as the language writes it ("0,25" in French).

    Babel's ``format_decimal(value, format="0.00")``, written out: importing Babel's numbers
    and loading a locale's data costs about 30 ms, which every run paid for its last line."""
    from decimal import Decimal

    sign = _DECIMAL_SIGN.get(lang)
    number = Decimal(str(value))
    if sign is None or not number.is_finite() or number.is_signed():
        from babel.numbers import format_decimal

        return format_decimal(value, format="0.00", locale=lang)
    whole, _, fraction = f"{number.quantize(Decimal('0.01')):f}".partition(".")  # half to even, as Babel
    return f"{whole}{sign}{fraction}"


#: put before a term in French, where a preposition may have to contract with its article, then removed
_TERM = "\u2063"
_CONTRACTED = {"de le": "du", "de les": "des", "à le": "au", "à les": "aux"}


def _contracted(text: str) -> str:
    """French prepositions contracted with the article that opens a term put after them: "de" +
    "le nombre de votants" is "du nombre de votants" ("de la liste", "de l'objet" stay)."""
    if _TERM not in text:  # nothing to contract nor to remove (most sentences: spares the search)
        return text
    import re

    text = re.sub(rf"\b(de|à) {_TERM}(les?) ", lambda m: f"{_CONTRACTED[f'{m[1]} {m[2]}']} ", text)
    return text.replace(_TERM, "")


class Formatter(string.Formatter):
    """``str.format`` with the date specs of the message templates, in one language."""

    #: the specs :meth:`format_field` reads itself; any other is ``format(value, spec)``, as in str.format
    SPECS = frozenset({"date", "act_date", "weekday", "term", "period", "votes", "periods"})

    def __init__(self, lang: str):
        self.lang = lang

    def format(self, format_string: str, /, *args: Any, **kwargs: Any) -> str:
        if _plain(format_string):  # str.format's own loop, in C: the same text, four times faster
            text = format_string.format(*args, **kwargs)
        elif (fields := _fields(format_string)) is not None:
            text = self._filled(fields, args, kwargs)
        else:
            text = super().format(format_string, *args, **kwargs)
        return _contracted(text) if self.lang == "fr" else text

    def _filled(self, fields: tuple, args: tuple, kwargs: dict) -> str:
        """``string.Formatter.vformat``'s loop over a template parsed once (see :func:`_fields`):
        each field got, converted and formatted as it does, without parsing the template again."""
        out = []
        for literal, name, spec, conversion in fields:
            if literal:
                out.append(literal)
            if name is not None:
                value, _ = self.get_field(name, args, kwargs)
                out.append(self.format_field(self.convert_field(value, conversion), spec))
        return "".join(out)

    def format_field(self, value: Any, spec: str) -> str:
        if spec == "date":
            return format_date(value, self.lang)
        if spec == "act_date":
            return format_date(value, "fr")
        if spec == "weekday":
            from babel.dates import format_date as babel_date

            return babel_date(_as_date(value), format="EEEE", locale=self.lang)
        if spec == "term":  # an English text marked N_() where it was made
            term = translations(self.lang).gettext(value)
            return _TERM + term if self.lang == "fr" else term
        if spec == "period":  # an ISO period of years or months: "P3Y"
            amount, unit = int(value[1:-1]), value[-1]
            tr = translations(self.lang)
            form = (tr.ngettext("{n} year", "{n} years", amount) if unit == "Y"
                    else tr.ngettext("{n} month", "{n} months", amount))
            return form.format(n=amount)
        if spec == "votes":  # [[column, in the CSV, in the act], ...]: a published row against its act
            tr = translations(self.lang)
            return ", ".join(tr.gettext("{column} {published} in the CSV, {stated} in the act").format(
                column=column, published=published, stated=stated) for column, published, stated in value)
        if spec == "periods":  # [[start, end or None], ...]
            tr = translations(self.lang)
            return tr.gettext("; ").join(
                (tr.gettext("from {start} to {end}") if end else tr.gettext("since {start}")).format(
                    start=format_date(start, self.lang), end=format_date(end, self.lang) if end else "")
                for start, end in value)
        return super().format_field(value, spec)


@lru_cache(maxsize=1024)  # the templates of the catalogue and the rules' messages
def _plain(template: str) -> bool:
    """Whether ``template`` has no field that :class:`Formatter` formats otherwise than
    ``str.format``: no spec of its own, none made of other fields."""
    try:
        return all(spec is None or (spec not in Formatter.SPECS and "{" not in spec)
                   for _, _, spec, _ in string.Formatter().parse(template))
    except ValueError:  # a malformed template: the long way says so as it always did
        return False


@lru_cache(maxsize=1024)  # the templates of the catalogue and the rules' messages
def _fields(template: str) -> Optional[tuple]:
    """The parts of ``template`` as ``string.Formatter.parse`` gives them, when
    :meth:`Formatter._filled` fills them as ``vformat`` does: every field named (no automatic
    numbering), no spec made of other fields; else None (the long way)."""
    try:
        fields = tuple(string.Formatter().parse(template))
    except ValueError:
        return None
    if any(name == "" or (spec and "{" in spec) for _, name, spec, _ in fields):
        return None
    return fields


def format_message(message, args: dict, lang: str, fix: bool = True) -> tuple[str, Optional[str]]:
    """A :class:`~ent_lint.engine.Message`'s sentence and fix hint with ``args``, in ``lang``
    (``fix=False``: the sentence alone, the hint None)."""
    tr = translations(lang)
    formatter = Formatter(lang)
    if message.plural and message.count:
        template = tr.ngettext(message.text, message.plural, int(args[message.count]))
    else:
        template = tr.gettext(message.text)
    text = formatter.format(template, **args)
    return text, formatter.format(tr.gettext(message.fix), **args) if message.fix and fix else None


@lru_cache(maxsize=None)
def templates(rules_dirs: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every rule's message by code (``rule-id/name``): what a finding is rendered from."""
    from .engine import discover

    return {f"{cls.id}/{name}": message for cls in discover(rules_dirs).values()
            for name, message in cls.messages.items()}


def finding_text(finding, lang: Optional[str] = None, rules_dirs: Iterable[str] = (),
                 fix: bool = True) -> tuple[str, Optional[str]]:
    """A finding's sentence and fix hint in ``lang``, from its code and arguments (``fix=False``:
    the hint is not made, None; a report that never prints it spares formatting it).

    A finding whose code no rule declares (a rule pack writing its own sentences) is shown as
    it was written."""
    lang = check_lang(lang)
    message = templates(tuple(rules_dirs)).get(finding.code) if finding.code else None
    if message is None:
        return finding.message, finding.fix if fix else None
    try:
        return format_message(message, finding.args, lang, fix)
    except (KeyError, IndexError, ValueError, TypeError):  # arguments of another version (an old cache)
        return finding.message, finding.fix if fix else None


def reason(text: str, lang: Optional[str] = None, detail: Optional[str] = None, *, verbose: bool = False) -> str:
    """Why a document was not checked, in ``lang``.

    Workers write reasons in English (the cache keeps them whatever the reader's language): a
    reason is a catalogue msgid, or a msgid whose ``{placeholders}`` were filled, read back here
    by matching the msgid's literal parts and put into the translation with the same values
    (a value that is itself a msgid translated too).  ``detail`` is the system's own words
    (an OSError's, a PDF library's), in English: added in English, and otherwise only when
    ``verbose``, so that a French line stays French."""
    lang = check_lang(lang)
    sentence = _reason(text, lang)
    if detail and (verbose or lang == "en"):
        return f"{sentence} ({detail})"
    return sentence


def _reason(text: str, lang: str) -> str:
    tr = translations(lang)
    if lang == "en" or tr.gettext(text) != text:
        return tr.gettext(text)
    for pattern, msgid in _patterns(lang):
        match = pattern.fullmatch(text)
        if match:
            return tr.gettext(msgid).format(**{k: tr.gettext(v) for k, v in match.groupdict().items()})
    return text


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list:
    import re

    catalogue = getattr(translations(lang), "_catalog", {})
    found = []
    for msgid in catalogue:
        if not isinstance(msgid, str) or "{" not in msgid:
            continue
        parts = re.split(r"\{(\w+)\}", msgid)
        literal = "".join(parts[0::2])
        if not re.search(r"[^\W\d_]{3}", literal):  # "{name}: {reason}" would match any colon
            continue
        regex = "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
                        for index, part in enumerate(parts))
        try:
            found.append((len(literal), re.compile(regex, re.DOTALL), msgid))
        except re.error:  # a placeholder twice: not a reason
            continue
    return [(pattern, msgid) for _, pattern, msgid in sorted(found, key=lambda item: -item[0])]


def summary(cls, lang: Optional[str] = None) -> str:
    return translations(check_lang(lang)).gettext(cls.summary)


def source(cls, lang: Optional[str] = None) -> str:
    """A rule's legal source ("CGCT art. L2121-17"; "consistency": a check of the document itself)."""
    return translations(check_lang(lang)).gettext(cls.source)


def documentation(cls, lang: Optional[str] = None) -> str:
    """A rule's documentation in ``lang``, paragraph by paragraph through the docs domain; a
    paragraph without a translation stays in English."""
    lang = check_lang(lang)
    text = cls.documentation()
    if lang == "en":
        return text
    return "\n\n".join(_doc_paragraph(part, lang) for part in text.split("\n\n"))


def _doc_paragraph(paragraph: str, lang: str) -> str:
    docs = translations(lang, DOCS_DOMAIN)
    head, newline, body = paragraph.partition("\n")
    if head.strip() in SECTION_TITLES:
        return docs.gettext(head.strip()) + (newline + docs.gettext(body) if body else "")
    return docs.gettext(paragraph)


def extras(cls, lang: Optional[str] = None) -> str:
    """A rule's examples and options (:meth:`Rule.extras`), their titles in ``lang``."""
    lang = check_lang(lang)
    text = cls.extras()
    if lang == "en":
        return text
    docs = translations(lang, DOCS_DOMAIN)
    tr = translations(lang)
    options = {f"    {name} ({o.type.__name__}, default {o.default!r}): {o.help}": (name, o)
               for name, o in getattr(cls, "options", {}).items()}
    out = []
    for line in text.split("\n"):
        if line in SECTION_TITLES:
            line = docs.gettext(line)
        elif line.startswith("  document ") and line.endswith(":"):
            line = tr.gettext("  document {number}:").format(number=line[len("  document "):-1])
        elif line.startswith("Options ([tool.ent-lint.rules."):
            line = tr.gettext("Options ([tool.ent-lint.rules.{rule}]):").format(rule=cls.id)
        elif line in options:
            name, option = options[line]
            line = "    " + tr.gettext("{name} ({type}, default {default}): {help}").format(
                name=name, type=option.type.__name__, default=repr(option.default), help=tr.gettext(option.help))
        out.append(line)
    return "\n".join(out)



# --- the catalogues: extract, update, compile --------------------------------------------------

def _catalogue_path(lang: str, domain: str, suffix: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}{suffix}"


def build_template():
    """The POT of domain ``ent_lint``: every rule's messages and summary, and the strings marked
    in the code and in the rules' folder (Babel's python extractor, keywords ``_``, ``N_``,
    ``gettext`` and ``ngettext``, also called as methods: ``self._``, ``tr.ngettext``)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    from . import __version__
    from .engine import discover

    catalogue = Catalog(project="ent-lint", version=__version__, charset="utf-8", fuzzy=False)
    for cls in sorted(discover().values(), key=lambda c: c.id):
        where = [(f"rule:{cls.id}", 0)]
        catalogue.add(cls.summary, locations=where, auto_comments=[f"summary of {cls.id}"])
        catalogue.add(cls.source, locations=where, auto_comments=[f"legal source of {cls.id}"])
        for name, option in cls.options.items():
            catalogue.add(option.help, locations=where, auto_comments=[f"help of the option {name} of {cls.id}"])
        for name, message in cls.messages.items():
            code = f"{cls.id}/{name}"
            msgid = (message.text, message.plural) if message.plural else message.text
            catalogue.add(msgid, locations=where, auto_comments=[code],
                          flags=["python-brace-format"])
            if message.fix:
                catalogue.add(message.fix, locations=where, auto_comments=[f"fix of {code}"],
                              flags=["python-brace-format"])
    # the rules/ folder, installed as ent_lint.rules: the texts its rules mark with N_()
    builtin_rules = importlib.import_module("ent_lint.rules")
    keywords = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
    for folder, prefix in ((Path(__file__).parent, "ent_lint"), (Path(builtin_rules.__path__[0]), "rules")):
        for filename, lineno, msgid, comments, _context in extract_from_dir(
                str(folder), method_map=[("**.py", "python")], keywords=keywords):
            catalogue.add(msgid, locations=[(f"{prefix}/{filename}", lineno)], auto_comments=comments)
    return catalogue


CLICK_DOMAIN = "click"


def build_click_template():
    """The POT of domain ``click``: click's own messages (usage errors, "Usage:", the help
    option's text), extracted from the installed click; the command line binds them
    (:func:`ent_lint.cli_support.use_click_language`)."""
    import importlib.metadata

    import click
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalogue = Catalog(project="click", version=importlib.metadata.version("click"),
                        charset="utf-8", fuzzy=False)
    folder = Path(click.__file__).parent
    for filename, lineno, msgid, comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")], keywords={"_": None, "gettext": None, "ngettext": (1, 2)}):
        catalogue.add(msgid, locations=[(f"click/{filename}", lineno)], auto_comments=comments)
    return catalogue


def _templates():
    return ((DOMAIN, build_template()), (CLICK_DOMAIN, build_click_template()))


def extract() -> list[Path]:
    from babel.messages.pofile import write_po

    written = []
    for domain, template in _templates():
        path = LOCALE_DIR / f"{domain}.pot"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            write_po(handle, template, width=100, omit_header=False, sort_output=False)
        written.append(path)
    return written


def update() -> list[Path]:
    """Merge the POTs into each language's PO (new msgids untranslated, gone ones obsolete)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    written = []
    for domain, template in _templates():
        for lang in LANGUAGES:
            if lang == "en":
                continue
            path = _catalogue_path(lang, domain, ".po")
            if path.exists():
                with open(path, "rb") as handle:
                    catalogue = read_po(handle, locale=lang)
            else:
                catalogue = Catalog(locale=lang, project=template.project, charset="utf-8", fuzzy=False)
            catalogue.update(template, no_fuzzy_matching=True)
            with open(path, "wb") as handle:
                write_po(handle, catalogue, width=100, ignore_obsolete=True)
            written.append(path)
    return written


def compile_catalogues(locale_dir: Path = LOCALE_DIR, out_dir: Optional[Path] = None) -> list[Path]:
    """Every ``<lang>/LC_MESSAGES/<domain>.po`` compiled to its ``.mo`` (beside it, or under
    ``out_dir``), the docs domain's included when present."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        lang = po.parent.parent.name
        with open(po, "rb") as handle:
            catalogue = read_po(handle, locale=lang)
        target = (out_dir / po.relative_to(locale_dir) if out_dir else po).with_suffix(".mo")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            write_mo(handle, catalogue, use_fuzzy=False)
        written.append(target)
    return written


def main(argv: Optional[list[str]] = None) -> int:
    import sys

    argv = sys.argv[1:] if argv is None else argv
    commands = {"extract": extract, "update": update, "compile": compile_catalogues}
    if len(argv) != 1 or argv[0] not in commands:
        print("usage: python -m ent_lint.i18n extract|update|compile", file=sys.stderr)
        return 2
    for path in commands[argv[0]]():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
