"""The rule engine: what a rule is, discovery of rule packs, selection, and checking.

A rule is one class in one file: its id, family, default severity, the kinds of document it
applies to, its legal source, its documentation (the class docstring), its message templates with
named arguments, its options, and its examples (a snippet it must flag and a near-miss it must
leave alone, run by one generic test and printed by ``ent-lint explain``).

Rules work at one of three scopes:

- a document (:class:`Rule`, ``check(document, text)``),
- one deliberation (:class:`DeliberationRule`, ``check_deliberation(delib, document, text)``),
- an archive (:class:`ArchiveRule`): ``collect`` takes small picklable facts from each document,
  ``finish`` judges them once every document is read (one deliberation number on two acts...).

Built-in rules (the ``rules/`` folder, installed as ``ent_lint.rules``) and third-party packs
register the same way: through the ``ent_lint.rules`` entry-point group.  A local folder of
rule files can be added with ``--rules-dir``.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import inspect
import pkgutil
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Iterable, Optional, Union

from .config import ENTRY_POINT_GROUP
from .errors import ConfigError
from .findings import SEVERITY_RANK, Finding, Location, Severity
from .i18n import N_
from .model import Deliberation, Document, Span
from .text import TextView

KINDS = ("extract", "minutes", "list", "convention", "other")
#: the kinds that record a sitting, a deliberation or a convention: what a rule applies to unless it
#: says otherwise (a bulletin, an arrêté, a convocation is "other": no record to check)
RECORDS = ("extract", "minutes", "list", "convention")


@dataclass(frozen=True)
class Message:
    """A message template with named arguments (``{voters}``), and the fix hint that goes with it.

    A sentence with a count has its ``plural`` form and names the argument (``count``) that
    chooses between them (ngettext): "1 clear day" / "2 clear days"."""

    text: str
    fix: Optional[str] = None
    plural: Optional[str] = None
    count: Optional[str] = None
    #: the severity of this message when it is not the rule's (a secretary not named is a
    #: warning where one named but absent is an error); ``rules`` and ``explain`` show it
    severity: Optional[Severity] = None


@dataclass(frozen=True)
class Option:
    """A rule option: its type (int, float, bool, str or list), default value and help."""

    type: type
    default: Any
    help: str

    def coerce(self, value: Any, where: str) -> Any:
        """The value as the option's type; a value of another type is a :class:`ConfigError`.

        setup.cfg gives strings: "3", "true", "a, b" are read as the type asks."""
        if isinstance(value, str) and self.type is not str:
            value = _from_ini(value, self.type)
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if self.type is list and isinstance(value, list):
            return [str(v) for v in value]
        if isinstance(value, self.type) and not (self.type is int and isinstance(value, bool)):
            return value
        raise ConfigError(N_("{where}: expected {type}, got {value}"), where=where, type=self.type.__name__,
                          value=repr(value))


def _from_ini(text: str, kind: type) -> Any:
    text = text.strip()
    try:
        if kind is bool and text.lower() in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            return text.lower() in ("true", "yes", "on", "1")
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
    except ValueError:
        return text
    if kind is list:
        return [v.strip() for v in text.replace("\n", ",").split(",") if v.strip()]
    return text


@dataclass(frozen=True)
class Examples:
    """A short document the rule must flag (``bad``) and a near-miss it must leave alone (``good``).

    Both are plain text as a council writes it; the generic test reads them as ent-lint reads a
    ``.txt`` file and checks them with this rule alone.  An archive rule's example may be several
    documents (a tuple of texts), checked as one run."""

    bad: Union[str, tuple[str, ...]]
    good: Union[str, tuple[str, ...]]
    #: the rule options of both runs; in a value, ``{folder}`` is the folder where ``files`` are
    #: written and ``{example}`` is "bad" or "good" (``{folder}/{example}.csv``)
    options: Optional[dict[str, Any]] = None
    #: side files the options name (a published CSV...): file name -> text
    files: Optional[dict[str, str]] = None

    @staticmethod
    def documents(example: Union[str, tuple[str, ...]]) -> tuple[str, ...]:
        return (example,) if isinstance(example, str) else tuple(example)


@dataclass
class Hit:
    """What a rule reports; the engine turns it into a :class:`Finding`."""

    code: str
    args: dict = field(default_factory=dict)
    span: Optional[Span] = None
    severity: Optional[Severity] = None
    locations: list[Location] = field(default_factory=list)  # archive rules: every document involved
    text: Optional[str] = None  # a rule pack's own sentence, when it declares no messages
    fix: Optional[str] = None  # and its own fix hint


class Rule:
    """One check over a document.  Subclasses set the class attributes and implement :meth:`check`.

    The class docstring is the rule's documentation, with the sections "What it checks",
    "Why it matters" and "How to fix"; ``ent-lint explain``, the README's rule table and SARIF's
    rule help come from it, with the examples.
    """

    id: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    summary: ClassVar[str]
    source: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    #: the kinds of document the rule applies to (``Document.kind``)
    kinds: ClassVar[tuple[str, ...]] = RECORDS
    scope: ClassVar[str] = "document"
    #: message name -> template; a finding's code is ``<rule id>/<name>``
    messages: ClassVar[dict[str, Message]] = {}
    options: ClassVar[dict[str, Option]] = {}
    examples: ClassVar[Optional[Examples]] = None
    #: the severities its findings take in some documents whatever the message (severity -> when,
    #: an English msgid): ``rules`` and ``explain`` show them beside the default
    severity_when: ClassVar[dict[Severity, str]] = {}

    def __init__(self, **options: Any):
        where = f"[rules.{getattr(self, 'id', type(self).__name__)}]"  # as the configuration writes it
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            known = ", ".join(sorted(self.options)) or "-"
            raise ConfigError(N_("{where}: unknown option {option} (known: {known})"), where=where,
                              option=repr(unknown[0]), known=known)
        self.settings = {name: option.default for name, option in self.options.items()}
        for name, value in options.items():
            self.settings[name] = self.options[name].coerce(value, f"{where} {name}")

    def check(self, document: Document, text: TextView) -> Iterable[Hit]:
        raise NotImplementedError

    def hit(self, code: str, span: Optional[Span] = None, *, severity: Optional[Severity] = None,
            locations: Iterable[Location] = (), **args: Any) -> Hit:
        """A finding of message ``code`` (a key of :attr:`messages`) with its arguments.

        A rule pack without messages may pass its sentence as ``code``: it is shown as written."""
        if code in self.messages:
            return Hit(code, args, span, severity or self.messages[code].severity, list(locations))
        if self.messages:
            raise KeyError(f"rule {self.id}: no message {code!r} (declared: {', '.join(self.messages)})")
        fix = args.pop("fix", None)
        return Hit("text", args, span, severity, list(locations), text=code, fix=fix)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def extras(cls) -> str:
        """The rule's examples and options, as ``explain`` and SARIF's rule help print them after
        its documentation."""
        out = []
        if cls.examples:
            for title, example in (("Example (flagged):", cls.examples.bad),
                                   ("Near-miss (not flagged):", cls.examples.good)):
                documents = cls.examples.documents(example)
                out += ["", title]
                for number, text in enumerate(documents, 1):
                    if len(documents) > 1:
                        out.append(f"  document {number}:")
                    out += [f"    {line}" for line in text.strip().splitlines()]
        if cls.options:
            out += ["", f"Options ([tool.ent-lint.rules.{cls.id}]):"]
            out += [f"    {name} ({o.type.__name__}, default {o.default!r}): {o.help}" for name, o in cls.options.items()]
        return "\n".join(out)

    @classmethod
    def severities(cls) -> list[Severity]:
        """The severities its findings carry by default, the rule's first, then the other ones
        its messages declare (most severe first)."""
        others = {m.severity for m in cls.messages.values() if m.severity and m.severity != cls.severity}
        others |= set(cls.severity_when) - {cls.severity}
        return [cls.severity, *sorted(others, key=lambda s: -SEVERITY_RANK[s])]

    @classmethod
    def describe(cls) -> dict:
        """The rule's identity, as ``ent-lint rules --format json`` and the web API list it."""
        return {"id": cls.id, "family": cls.family, "severity": cls.severity, "summary": cls.summary,
                "source": cls.source, "kinds": list(cls.kinds), "scope": cls.scope,
                "messages": {f"{cls.id}/{name}": m.text for name, m in cls.messages.items()},
                "severities": {f"{cls.id}/{name}": m.severity or cls.severity for name, m in cls.messages.items()},
                "severity_when": dict(cls.severity_when),
                "options": {name: {"type": o.type.__name__, "default": o.default, "help": o.help}
                            for name, o in cls.options.items()},
                "examples": {"bad": cls.examples.bad, "good": cls.examples.good} if cls.examples else None}


class DeliberationRule(Rule):
    """A rule that judges one deliberation at a time."""

    scope: ClassVar[str] = "deliberation"

    def check(self, document: Document, text: TextView) -> Iterable[Hit]:
        for delib in document.deliberations:
            yield from self.check_deliberation(delib, document, text) or ()

    def check_deliberation(self, delib: Deliberation, document: Document, text: TextView) -> Iterable[Hit]:
        raise NotImplementedError


class ArchiveRule(Rule):
    """A rule over every document of a run.

    :meth:`collect` returns small facts from one document (JSON values: they are cached with the
    document's findings, so a warm run still sees them); :meth:`finish` receives every document's
    facts as ``(path, fact)`` pairs and gives the findings, each naming the documents involved."""

    scope: ClassVar[str] = "archive"

    def check(self, document: Document, text: TextView) -> Iterable[Hit]:
        return ()

    def collect(self, document: Document, text: TextView) -> list:
        raise NotImplementedError

    def finish(self, facts: list[tuple[str, Any]]) -> Iterable[Hit]:
        raise NotImplementedError


class RuleCrash(Rule):
    """What it checks:
    Nothing in the document: this finding says that a rule failed on it.  The other rules'
    findings stand; the failed rule's are missing.

    Why it matters:
    A document is never declared clean because a rule broke on it.

    How to fix:
    Report the traceback (``--format json`` or ``--verbose``) to the rule's authors.
    """

    id = "rule-crash"
    family = "reading"
    severity = "error"
    summary = "a rule failed on this document; the other rules' findings stand"
    source = "ent-lint"
    kinds = KINDS
    messages = {"crash": Message("rule {rule} failed on this document ({error}); its findings are missing",
                                 fix="report it with the traceback (--format json shows it)")}

    def check(self, document, text):
        return ()


class TooManyFindings(Rule):
    """What it checks:
    Nothing in the document: this finding says that a rule found more than 100 problems in one
    document, and how many of them are left out of the report.

    Why it matters:
    A document made of one defect repeated (a text of blanks, a template pasted a thousand times)
    would otherwise fill the report with millions of lines; the first hundred show what to fix.

    How to fix:
    Fix what the first findings show and check the document again.
    """

    id = "too-many-findings"
    family = "reading"
    severity = "warning"  # each one takes the severity of the worst finding it leaves out
    summary = "a rule found more than 100 problems in a document: the rest are left out"
    source = "ent-lint"
    kinds = KINDS
    messages = {"capped": Message(
        "{count} more finding of {rule} left out (at most {limit} per rule and document)",
        plural="{count} more findings of {rule} left out (at most {limit} per rule and document)", count="count")}

    def check(self, document, text):
        return ()


MAX_PER_RULE = 100  # findings of one rule in one document; the rest become one too-many-findings


def _rules_in(obj) -> list[type[Rule]]:
    if inspect.isclass(obj) and issubclass(obj, Rule):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [r for item in obj for r in _rules_in(item)]
    if inspect.ismodule(obj):
        if hasattr(obj, "RULES"):
            return _rules_in(obj.RULES)
        found = [value for value in vars(obj).values()
                 if inspect.isclass(value) and issubclass(value, Rule) and value.__module__ == obj.__name__
                 and getattr(value, "id", None)]
        if hasattr(obj, "__path__"):  # a package: its modules, one rule per file, in folders
            for info in pkgutil.iter_modules(obj.__path__, obj.__name__ + "."):
                if not info.name.rsplit(".", 1)[-1].startswith("_"):  # "_x": helpers, not rules
                    found.extend(_rules_in(importlib.import_module(info.name)))
        return found
    raise ConfigError(f"rule plugin gave {obj!r}, not a rule, a list of rules or a module")


def _load_dir(folder: str) -> list[type[Rule]]:
    path = Path(folder)
    if not path.is_dir():
        raise ConfigError(N_("--rules-dir {folder}: not a directory"), folder=str(folder))
    found: list[type[Rule]] = []
    for file in sorted(path.glob("*.py")):
        name = f"ent_lint_local_rules.{file.stem}"
        spec = importlib.util.spec_from_file_location(name, file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # a broken local rule file is a usage error
            raise ConfigError(f"{file}: cannot load rules ({exc.__class__.__name__}: {exc})") from None
        found.extend(_rules_in(module))
    return found


def discover(rules_dirs: Iterable[str] = ()) -> dict[str, type[Rule]]:
    """Every available rule by id: entry-point packs first, then local folders."""
    from importlib.metadata import entry_points

    classes: list[type[Rule]] = [RuleCrash, TooManyFindings]
    points = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: (p.name != "builtin", p.name))
    seen_values = set()
    for point in points:
        if point.value in seen_values:
            continue
        seen_values.add(point.value)
        try:
            classes.extend(_rules_in(point.load()))
        except ConfigError:
            raise
        except Exception as exc:
            raise ConfigError(f"rule plugin {point.name!r} cannot be loaded: {exc}") from None
    for folder in rules_dirs:
        classes.extend(_load_dir(folder))
    registry: dict[str, type[Rule]] = {}
    for cls in classes:
        if cls.id in registry and registry[cls.id] is not cls:
            raise ConfigError(f"two rules share the id {cls.id!r}")
        registry[cls.id] = cls
    return registry


def resolve_ids(registry: dict[str, type[Rule]], names: Iterable[str], where: str) -> set[str]:
    """Rule ids for a list of ids, aliases, families or ALL; unknown names are an error."""
    aliases = {alias: cls.id for cls in registry.values() for alias in cls.aliases}
    families = {cls.family for cls in registry.values()}
    ids: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name.upper() == "ALL":
            ids.update(registry)
        elif name in registry:
            ids.add(name)
        elif name in aliases:
            ids.add(aliases[name])
        elif name in families:
            ids.update(i for i, cls in registry.items() if cls.family == name)
        else:
            raise ConfigError(N_("{where:term}: unknown rule or family {name} (see `ent-lint rules`)"), where=where,
                              name=repr(name))
    return ids


def render(cls: type[Rule], hit: Hit, lang: str = "en") -> tuple[str, Optional[str]]:
    """The sentence and fix hint of a hit (English: what ``Finding.message`` keeps)."""
    from .i18n import format_message

    if hit.text is not None:
        return hit.text, hit.fix
    return format_message(cls.messages[hit.code], hit.args, lang)


def _takes_text(method) -> bool:
    """Whether a rule pack's ``check`` takes the text view (rules written before it take only
    the document); asked once per function, not for every document: a signature costs 15 µs,
    times every rule."""
    key = getattr(method, "__func__", method)  # the same for the method of every instance
    known = _TAKES_TEXT.get(key)
    if known is None:
        try:
            known = len(inspect.signature(method).parameters) >= 2
        except (TypeError, ValueError):
            known = True
        _TAKES_TEXT[key] = known
    return known


_TAKES_TEXT: dict = {}


@dataclass
class Checker:
    """Selected rules with their effective severities, and the files some rules are silenced in."""

    rules: list[Rule]
    severities: dict[str, Severity]
    min_severity: Severity = "info"
    #: (glob, rule ids): ``per-file-ignores``
    ignores: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    #: the rules whose severity the configuration sets: theirs wins over a message's own
    overridden: frozenset[str] = frozenset()
    #: (kind, rules silenced) -> the rules that apply, once per kind and ignore set rather than
    #: once per document (see :meth:`_active`)
    _selection: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _active(self, document: Document, name: Optional[str]) -> tuple[list[tuple[Rule, bool]], list[Rule]]:
        """The document and deliberation rules that apply to the document, each with whether its
        ``check`` takes the text view, and the archive rules that do."""
        silenced = _ignored(self.ignores, name or document.path)
        key = (document.kind, silenced)
        selected = self._selection.get(key)
        if selected is None:
            active = [rule for rule in self.rules if rule.id not in silenced and document.kind in rule.kinds]
            selected = self._selection[key] = (
                [(rule, _takes_text(rule.check)) for rule in active if rule.scope != "archive"],
                [rule for rule in active if rule.scope == "archive"])
        return selected

    def check(self, document: Document, text: Optional[TextView] = None,
              name: Optional[str] = None) -> list[Finding]:
        """The findings of the document and deliberation rules; a rule that raises gives one
        ``rule-crash`` finding and the others stand."""
        text = text if text is not None else TextView([])
        found: list[Finding] = []
        for rule, takes_text in self._active(document, name)[0]:
            try:
                hits = list(rule.check(document, text) if takes_text else rule.check(document))
            except Exception as exc:  # one failing rule must not lose the others' findings
                found.append(self._crash(rule, exc, document.path))
                continue
            if hits:  # most rules find nothing: no generator made for them (a microsecond each, 45 rules)
                found.extend(self._finding(rule, hit, document.path) for hit in hits)
        return self._kept(found)

    def collect(self, document: Document, text: Optional[TextView] = None,
                name: Optional[str] = None) -> tuple[dict[str, list], list[Finding]]:
        """Each archive rule's facts about this document, and a ``rule-crash`` for a rule whose
        ``collect`` raised."""
        text = text if text is not None else TextView([])
        facts: dict[str, list] = {}
        crashes = []
        for rule in self._active(document, name)[1]:
            try:
                facts[rule.id] = list(rule.collect(document, text) or ())
            except Exception as exc:
                crashes.append(self._crash(rule, exc, document.path))
        return facts, crashes

    def finish(self, facts: Iterable[tuple[str, dict[str, list]]]) -> list[Finding]:
        """The archive rules' findings over every document's facts (``(path, facts)`` pairs)."""
        by_rule: dict[str, list[tuple[str, Any]]] = {}
        for path, document_facts in facts:
            for rule_id, items in (document_facts or {}).items():
                by_rule.setdefault(rule_id, []).extend((path, item) for item in items)
        found = []
        for rule in self.rules:
            if rule.scope != "archive":
                continue
            try:
                hits = list(rule.finish(by_rule.get(rule.id, [])))
            except Exception as exc:
                found.append(self._crash(rule, exc, "(archive)"))
                continue
            for hit in hits:
                first = hit.locations[0] if hit.locations else Location("(archive)")
                finding = self._finding(rule, hit, first.path)
                finding.page, finding.line, finding.evidence = first.page, first.line, first.evidence
                finding.related = list(hit.locations[1:])
                found.append(finding)
        return self._kept(found)

    def _finding(self, rule: Rule, hit: Hit, path: str) -> Finding:
        span = hit.span
        message, fix = render(type(rule), hit)
        return Finding(
            rule=rule.id, severity=(self.severities[rule.id] if rule.id in self.overridden
                                    else hit.severity or self.severities[rule.id]), message=message, path=path,
            page=span.page if span else None, line=span.line if span else None,
            column=span.column if span else None, evidence=span.text if span else None,
            fix=fix, ocr=bool(span and span.ocr), code=f"{rule.id}/{hit.code}", args=dict(hit.args),
            related=[Location(where.path or path, where.page, where.line, where.evidence) for where in hit.locations])

    def _crash(self, rule: Rule, exc: Exception, path: str) -> Finding:
        error = f"{exc.__class__.__name__}: {exc}"
        hit = Hit("crash", {"rule": rule.id, "error": error})
        finding = Finding(rule=RuleCrash.id, severity="error", message=render(RuleCrash, hit)[0], path=path,
                          fix=RuleCrash.messages["crash"].fix, code="rule-crash/crash", args=hit.args,
                          traceback="".join(traceback.format_exception(exc)))
        return finding

    def _kept(self, found: list[Finding]) -> list[Finding]:
        floor = SEVERITY_RANK[self.min_severity]
        findings: dict[tuple, Finding] = {}
        for finding in found:
            if SEVERITY_RANK[finding.severity] < floor:
                continue
            key = (finding.path, finding.rule, finding.page, finding.line, finding.column, finding.message)
            findings.setdefault(key, finding)
        order = sorted(findings.values(), key=lambda f: (f.page or 0, f.line or 0, f.column or 0, f.rule, f.message))
        by_rule: dict[tuple[str, str], list[Finding]] = {}
        for finding in order:
            by_rule.setdefault((finding.path, finding.rule), []).append(finding)
        if all(len(group) <= MAX_PER_RULE for group in by_rule.values()):
            return order
        kept = []
        for (path, rule_id), group in by_rule.items():
            kept += group[:MAX_PER_RULE]
            if len(group) > MAX_PER_RULE:
                left = group[MAX_PER_RULE:]
                worst = max((f.severity for f in left), key=SEVERITY_RANK.__getitem__)
                hit = Hit("capped", {"count": len(left), "rule": rule_id, "limit": MAX_PER_RULE}, severity=worst)
                kept.append(self._finding(TooManyFindings(), hit, path))
        return sorted(kept, key=lambda f: (f.page or 0, f.line or 0, f.column or 0, f.rule, f.message))


def _ignored(ignores: list[tuple[str, frozenset[str]]], path: str) -> frozenset[str]:
    """The rule ids ``per-file-ignores`` silences for ``path`` (a glob matches the path as given,
    any tail of it, or, without a slash, the file name)."""
    if not ignores:
        return frozenset()
    posix = path.replace("\\", "/")
    name = posix.rsplit("/", 1)[-1]
    silenced: set[str] = set()
    for pattern, ids in ignores:
        if (fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(posix, f"*/{pattern}")
                or ("/" not in pattern and fnmatch.fnmatch(name, pattern))):
            silenced |= ids
    return frozenset(silenced)
