"""Perturbation bench: does the parser read ways of writing, or does it fit files?

Each text document of the corpus (``.txt``, ``.md``: a PDF cannot be rewritten so) that has a gold
file is rewritten by one family of benign rewrites at a time -- a way a council could equally have
written it, changing no value the gold records -- written to a temporary folder under its own file
name (so its gold file still applies) and measured with ``bench/accuracy.py``'s own functions.
A parser that reads ways of writing barely moves; one that fits files falls.

Every rewrite is deterministic (seeded by ``--seed``, the family and the file name).  A guard keeps
each rewrite honest: every gold subject and name that the folded document contains before the
rewrite must still be there after it; a document whose rewrite breaks one is left out of that
family and listed ("skipped").  Usage::

    python bench/perturb.py [--seed N] [--family NAME ...] [--diff] [--keep DIR] [--json FILE] [NAME_GLOB...]

prints one row per family: fields accuracy, precision of warnings and errors and recall of the
catchable defects, each against the unperturbed baseline, and the documents and fields that
changed.  ``--keep DIR`` leaves the rewritten documents in DIR/<family>/ to be read.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import random
import sys
import tempfile
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import regex
import yaml

HERE = Path(__file__).resolve().parent


def _accuracy():
    if "accuracy" in sys.modules:
        return sys.modules["accuracy"]
    spec = importlib.util.spec_from_file_location("accuracy", HERE / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


acc = _accuracy()
TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Family:
    """One way of rewriting a whole document: ``rewrite(text, rng, gold) -> text``."""

    name: str
    doc: str
    rewrite: Callable[[str, random.Random, dict], str]


FAMILIES: dict[str, Family] = {}


def family(name: str, doc: str):
    def wrap(function):
        FAMILIES[name] = Family(name, doc, function)
        return function
    return wrap


# --- what the gold names ----------------------------------------------------------------------

def gold_names(gold: dict) -> list[str]:
    sitting = gold.get("sitting") or {}
    names = [sitting.get("president")] + list(sitting.get("secretary") or [])
    names += list(sitting.get("present") or []) + list(sitting.get("absent") or [])
    for proxy in sitting.get("proxies") or []:
        names += [proxy.get("grantor"), proxy.get("holder")]
    return [n for n in names if n]


def surnames(gold: dict) -> set[str]:
    """The surnames of the people the gold names: their words in capitals, or the last word."""
    found: set[str] = set()
    for name in gold_names(gold):
        words = [w for w in regex.findall(r"[\p{L}'’-]+", name) if len(w) > 1]
        caps = [w for w in words if w.isupper()]
        found.update(caps or words[-1:])
    return {w for w in found if len(w) > 2}


def _guard_fold(text: str) -> str:
    """What a rewrite may not change: the letters and digits, whatever their case, accents, spacing
    and punctuation, and the way « n° » is written before a figure."""
    text = acc.fold(text.replace("œ", "oe").replace("Œ", "OE"))
    return regex.sub(r"\bn(?:o|umero)?\s*(?=\d)", "", text).replace(" ", "")


def guarded_values(gold: dict) -> list[str]:
    """The gold values a rewrite must leave as they are written: the items' subjects, the names."""
    subjects = [_guard_fold((item.get("subject") or "")[:60]) for item in gold.get("items") or []]
    names = ["".join(acc._tokens(name)) for name in gold_names(gold)]
    return [v for v in subjects + names if len(v) >= 4]


def broken_values(before: str, after: str, gold: dict) -> list[str]:
    """The gold values the text held before the rewrite and no longer holds, and the defects'
    quotes that the measure would no longer find where they are (it folds them as it reads)."""
    fb, fa = _guard_fold(before), _guard_fold(after)
    broken = [v for v in guarded_values(gold) if v in fb and v not in fa]
    quotes = [acc.fold(d["quote"]) for d in gold.get("defects") or [] if d.get("quote")]
    fb, fa = acc.fold(before), acc.fold(after)
    return broken + [q for q in quotes if q and q in fb and q not in fa]


# --- helpers ----------------------------------------------------------------------------------

def _lines_sub(text: str, change: Callable[[str], str]) -> str:
    return "".join(change(line) for line in text.splitlines(keepends=True))


_CAPS_WORD = regex.compile(r"\b\p{Lu}[\p{Lu}'’-]+\b")
_LOWER = regex.compile(r"\p{Ll}")


def _is_caps_line(line: str, keep: set[str]) -> bool:
    """A line written in capitals (a heading, a decision) that names no one the gold names."""
    words = regex.findall(r"\p{L}+", line)
    if len(words) < 3 or _LOWER.search(line):
        return False
    return not any(w in keep for w in words)


# --- punctuation ------------------------------------------------------------------------------

_BEFORE_MARK = regex.compile(r"(?<=[\p{L}\d)»])[ \t\u00a0\u202f]*(?P<mark>[:;!?])(?=[ \t]|$)", regex.M)


def _space_before_marks(space: str) -> Callable:
    def rewrite(text: str, rng: random.Random, gold: dict) -> str:
        return _BEFORE_MARK.sub(lambda m: space + m["mark"], text)
    return rewrite


family("colon-nbsp", "a no-break space (U+00A0) before « : ; ! ? »")(_space_before_marks("\u00a0"))
family("colon-narrow", "a narrow no-break space (U+202F) before « : ; ! ? »")(_space_before_marks("\u202f"))
family("colon-tight", "no space before « : ; ! ? » (« Présents: 12 »)")(_space_before_marks(""))
family("colon-spaced", "a plain space before « : ; ! ? » (« Présents : 12 »)")(_space_before_marks(" "))

_NUMERO = regex.compile(r"\b[nN][°º][ \t]*(?=\d)")


def _numero(written: str) -> Callable:
    def rewrite(text: str, rng: random.Random, gold: dict) -> str:
        return _NUMERO.sub(written, text)
    return rewrite


family("numero-N", "« n°12 » written « N°12 »")(_numero("N°"))
family("numero-spaced", "« n°12 » written « n° 12 »")(_numero("n° "))
family("numero-no", "« n°12 » written « no 12 » (a typewriter's or an OCR's « n° »)")(_numero("no "))

# --- dashes -----------------------------------------------------------------------------------

_SPACED_DASH = regex.compile(r"(?<=\S)(?P<a>[ \t]+)[-–—](?P<b>[ \t]+)(?=\S)")


def _dash(dash: str) -> Callable:
    def rewrite(text: str, rng: random.Random, gold: dict) -> str:
        return _SPACED_DASH.sub(lambda m: m["a"] + dash + m["b"], text)
    return rewrite


family("dash-en", "a spaced dash between parts written « – » (en dash)")(_dash("–"))
family("dash-em", "a spaced dash between parts written « — » (em dash)")(_dash("—"))
family("dash-hyphen", "a spaced dash between parts written « - » (hyphen)")(_dash("-"))

# --- civilities -------------------------------------------------------------------------------

_FULL_CIVILITY = regex.compile(r"\b(?:(?P<m>Monsieur|MONSIEUR|monsieur)|(?P<f>Madame|MADAME|madame)"
                               r"|(?P<mm>Messieurs|MESSIEURS)|(?P<ff>Mesdames|MESDAMES))(?=[ \t]+\p{Lu})")
_SHORT_CIVILITY = regex.compile(r"\b(?:(?P<m>M\.|Mr\.?)|(?P<f>Mme\.?|MME\.?|Mme\b))(?=[ \t]+\p{Lu})")


@family("civility-short", "« Monsieur X » written « M. X », « Madame X » « Mme X », « Messieurs » « MM. »")
def _civility_short(text: str, rng: random.Random, gold: dict) -> str:
    short = {"m": "M.", "f": "Mme", "mm": "MM.", "ff": "Mmes"}
    return _FULL_CIVILITY.sub(lambda m: short[m.lastgroup], text)


@family("civility-full", "« M. X » written « Monsieur X », « Mme X » « Madame X »")
def _civility_full(text: str, rng: random.Random, gold: dict) -> str:
    return _SHORT_CIVILITY.sub(lambda m: {"m": "Monsieur", "f": "Madame"}[m.lastgroup], text)


@family("civility-mr", "« M. X » and « Monsieur X » written « Mr X »")
def _civility_mr(text: str, rng: random.Random, gold: dict) -> str:
    text = _FULL_CIVILITY.sub(lambda m: {"m": "Mr", "f": "Mme", "mm": "MM.", "ff": "Mmes"}[m.lastgroup], text)
    return regex.sub(r"\bM\.(?=[ \t]+\p{Lu})", "Mr", text)


_PERSON = r"\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}"
_MISTERS = regex.compile(rf"\bM\.[ \t]+{_PERSON}(?:[ \t]*,[ \t]*M\.[ \t]+{_PERSON})+")


@family("civility-mm", "a run « M. X, M. Y, M. Z » written « MM. X, Y, Z »")
def _civility_mm(text: str, rng: random.Random, gold: dict) -> str:
    def plural(m) -> str:
        return "MM. " + regex.sub(r"(,[ \t]*)M\.[ \t]+", r"\1", m[0][2:].lstrip())
    return _MISTERS.sub(plural, text)

# --- case -------------------------------------------------------------------------------------


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@family("surname-title", "surnames in capitals written in title case (« DUPONT » → « Dupont »)")
def _surname_title(text: str, rng: random.Random, gold: dict) -> str:
    names = {w for w in surnames(gold) if w.isupper()}
    if not names:
        return text
    word = regex.compile(r"\b(?:" + "|".join(map(regex.escape, sorted(names, key=len, reverse=True))) + r")\b")

    def line_change(line: str) -> str:
        others = [w for w in _CAPS_WORD.findall(line) if w not in names and len(w) > 3
                  and acc.fold(w) not in acc.CIVILITIES]
        return line if len(others) >= 2 else word.sub(lambda m: _title(m[0]), line)
    return _lines_sub(text, line_change)


@family("surname-caps", "surnames in title case written in capitals (« Dupont » → « DUPONT »)")
def _surname_caps(text: str, rng: random.Random, gold: dict) -> str:
    names = {w for w in surnames(gold) if not w.isupper()}
    if not names:
        return text
    word = regex.compile(r"\b(?:" + "|".join(map(regex.escape, sorted(names, key=len, reverse=True))) + r")\b")
    return word.sub(lambda m: m[0].upper(), text)


def _sentence(line: str, goes_on: bool) -> str:
    """A line in capitals in sentence case: lower case but for the first word of the line and of
    each part after a spaced dash or a colon; a word holding a figure (« 2014/26 », « N°12 »,
    « 20l7.l2.l8 » as OCR read it) stays as written; a line that goes on a heading begins in lower
    case.  Acronyms do not matter: the measure folds case."""
    out: list[str] = []
    capital = not goes_on
    for token in regex.split(r"(\s+)", line):
        if not token or token.isspace() or regex.search(r"\d", token):
            out.append(token)
            continue
        word = token.lower()
        if capital and regex.search(r"\p{L}{2}", word):
            at = regex.search(r"\p{L}", word).start()
            word = word[:at] + word[at].upper() + word[at + 1:]
            capital = False
        out.append(word)
        if token in ("-", "–", "—", ":") or token.endswith(":"):
            capital = True
    return "".join(out)


@family("headings-sentence", "lines in capitals (headings, decisions) written in sentence case")
def _headings_sentence(text: str, rng: random.Random, gold: dict) -> str:
    keep = surnames(gold)
    out: list[str] = []
    previous = ""
    for line in text.splitlines(keepends=True):
        if _is_caps_line(line, keep):
            goes_on = _is_caps_line(previous, keep) and not previous.rstrip().endswith((".", ":", ";"))
            out.append(_sentence(line, goes_on))
        else:
            out.append(line)
        previous = line
    return "".join(out)


@family("headings-caps", "the lines of the items' subjects written in capitals")
def _headings_caps(text: str, rng: random.Random, gold: dict) -> str:
    subjects = [acc.fold(item.get("subject") or "") for item in gold.get("items") or []]

    def line_change(line: str) -> str:
        folded = acc.fold(line)
        hit = len(folded) >= 12 and any(folded in s for s in subjects)  # a line of a subject, not of the body
        return line.upper() if hit else line
    return _lines_sub(text, line_change)

# --- lines ------------------------------------------------------------------------------------


def _paragraph_ok(lines: list[str]) -> bool:
    if len(lines) < 3 and not (len(lines) == 1 and len(lines[0]) > 130):
        return False
    first = lines[0].strip()
    if not regex.match(r"\p{Lu}\p{Ll}", first) or regex.match(r"(?i)(vu|consid|d[ée]cide|article)\b", first):
        return False
    if any(len(ln.strip()) < 55 for ln in lines[:-1]):
        return False  # lines ended short: a list ("Lot 1 : ...", "Lot 2 : ..."), not running text
    return all(len(ln.strip()) >= 30 and not regex.match(r"\s*(?:[-–—•*]|\d)", ln)
               and _LOWER.search(ln) and ":" not in ln.strip()[-3:] for ln in lines)


@family("rewrap", "paragraphs of running text wrapped at another width (55 to 95 characters)")
def _rewrap(text: str, rng: random.Random, gold: dict) -> str:
    width = rng.randint(55, 95)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        # lines far longer than a page's width: a word processor's export, one paragraph a line
        paragraphs = [[ln] for ln in run] if max((len(ln) for ln in run), default=0) > 130 else [run]
        for lines in paragraphs:
            if _paragraph_ok(lines):
                out.extend(line + "\n" for line in textwrap.wrap(" ".join(ln.strip() for ln in lines), width))
            else:
                out.extend(ln + "\n" for ln in lines)
        run.clear()

    for line in text.split("\n"):
        if line.strip():
            run.append(line)
        else:
            flush()
            out.append(line + "\n")
    flush()
    return "".join(out)[:-1]  # the split gave one line more than the text ends


@family("crlf", "lines ended by CR LF (a Windows export)")
def _crlf(text: str, rng: random.Random, gold: dict) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


_COUNT_LINE = regex.compile(
    r"(?i)^(?P<label>[ \t]*(?:nombre\s+de\s+)?(?:membres|conseillers|élus)?[ \t]*(?:en\s+exercice|présents?|presents?"
    r"|votants?|pouvoirs?|procurations?|représentés?|representes?|absents?)[ \t\u00a0\u202f]*):[ \t]*(?P<n>\d{1,3})[ \t]*$")


@family("tabs-counts", "a tab between a count's label and its figure (« Présents :<TAB>12 »)")
def _tabs_counts(text: str, rng: random.Random, gold: dict) -> str:
    return _lines_sub(text, lambda line: _COUNT_LINE.sub(lambda m: f"{m['label'].rstrip()} :\t{m['n']}",
                                                         line.rstrip("\r\n")) + line[len(line.rstrip("\r\n")):])

# --- letters ----------------------------------------------------------------------------------


@family("caps-unaccented", "capitals without their accents (« DÉLIBÉRATION » → « DELIBERATION »)")
def _caps_unaccented(text: str, rng: random.Random, gold: dict) -> str:
    return "".join(unicodedata.normalize("NFD", c)[0] if c.isupper() and not c.isascii() and c not in "ŒÆ" else c
                   for c in text)


_OE_WORDS = regex.compile(r"(?i)\b(c|s|v|n|b|man|ch|rem|)(oe)(?=u|il)")


@family("ligature-split", "« œ » written « oe » (« voeu », « oeuvre »)")
def _ligature_split(text: str, rng: random.Random, gold: dict) -> str:
    return text.replace("œ", "oe").replace("Œ", "OE")


@family("ligature-join", "« oe » written « œ » where French writes it (« vœu », « œuvre »)")
def _ligature_join(text: str, rng: random.Random, gold: dict) -> str:
    return _OE_WORDS.sub(lambda m: m[1] + ("Œ" if m[2].isupper() else "œ"), text)

# --- counts -----------------------------------------------------------------------------------


_COUNT_FIGURE = regex.compile(
    r"(?i)(?P<label>\b(?:en\s+exercice|présents?|presents?|votants?|pouvoirs?|procurations?|représentés?"
    r"|representes?|qui\s+ont\s+pris\s+part\s+(?:à|a)\s+la\s+délibération)[ \t\u00a0\u202f]*:[ \t]*)(?P<n>\d{1,2})\b(?![\d/.,:h])")


@family("counts-words", "the counts written in words (« Présents : douze »)")
def _counts_words(text: str, rng: random.Random, gold: dict) -> str:
    from num2words import num2words

    return _COUNT_FIGURE.sub(lambda m: m["label"] + num2words(int(m["n"]), lang="fr"), text)


@family("counts-order", "two lines of counts in the other order (« Votants » before « Présents »)")
def _counts_order(text: str, rng: random.Random, gold: dict) -> str:
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if _COUNT_LINE.match(lines[i].rstrip("\r")) and _COUNT_LINE.match(lines[i + 1].rstrip("\r")):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            break
    return "\n".join(lines)


_PART_IN_VOTE = r"(?i:\bqui\s+ont\s+pris\s+part\s+(?:à|a)\s+la\s+délibération)"


def _voting(label: str) -> Callable:
    """The voters' label written ``label``: « Votants » or « qui ont pris part à la délibération »
    where it is a count's label (before its colon)."""
    def rewrite(text: str, rng: random.Random, gold: dict) -> str:
        return regex.sub(rf"(?m)(?:(?:(?<=^[ \t]*)|(?<=[-–,;][ \t]*))(?:Nombre\s+de\s+)?[Vv]otants|{_PART_IN_VOTE})"
                         r"(?=[ \t\u00a0\u202f]*:)", label, text)
    return rewrite


family("voting-votants", "« qui ont pris part à la délibération : 10 » written « Votants : 10 »")(_voting("Votants"))
family("voting-nombre", "« Votants : 14 » (or « qui ont pris part à la délibération ») written « Nombre de votants »")(
    _voting("Nombre de votants"))
family("voting-part", "« Votants : 14 » (or « qui ont pris part à la délibération ») written « Ont pris part au vote »")(
    _voting("Ont pris part au vote"))

# --- running ----------------------------------------------------------------------------------


def text_documents(corpus: Path, gold_dir: Path, patterns: list[str]) -> list[tuple[str, dict]]:
    found = []
    for gold_file in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        name = gold["file"]
        if not name.endswith(TEXT_SUFFIXES) or not (corpus / name).is_file():
            continue
        if patterns and not any(fnmatch.fnmatch(name, p) for p in patterns):
            continue
        found.append((name, gold))
    return found


def read_text(path: Path) -> tuple[str, str]:
    """The text of a document and the encoding to write it back in (its own when it can hold
    the rewrite: UTF-8 with or without its byte-order mark, or Windows-1252)."""
    from ent_lint.readers.text import decode

    data = path.read_bytes()
    try:
        data.decode("utf-8")
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        encoding = "cp1252"
    return decode(str(path), data), encoding


def encoded(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:  # a narrow no-break space in a Windows-1252 document
        return text.encode("utf-8")


@dataclass
class Run:
    family: str
    results: list
    summary: dict
    skipped: dict[str, list[str]]
    unchanged: list[str]


def perturb(fam: Family, documents: list[tuple[str, dict]], corpus: Path, out: Path, seed: int) -> tuple[dict, list[str]]:
    """Write the rewritten documents to ``out``; return the skipped ones (with the values their
    rewrite broke) and those the family left as they were."""
    out.mkdir(parents=True, exist_ok=True)
    skipped: dict[str, list[str]] = {}
    unchanged: list[str] = []
    for name, gold in documents:
        original, encoding = read_text(corpus / name)
        rewritten = fam.rewrite(original, random.Random(f"{seed}:{fam.name}:{name}"), gold)
        broken = broken_values(original, rewritten, gold)
        if broken:
            skipped[name] = broken
            rewritten = original
        elif rewritten == original:
            unchanged.append(name)
        (out / name).write_bytes(encoded(rewritten, encoding))
    return skipped, unchanged


def run_family(fam: Optional[Family], documents, corpus: Path, gold_dir: Path, seed: int,
               keep: Optional[Path]) -> Run:
    names = [name for name, _ in documents]
    if fam is None:
        results = acc.measure(gold_dir, corpus, names)
        return Run("(none)", results, acc.totals(results), {}, [])
    with tempfile.TemporaryDirectory(prefix="perturb-") as tmp:
        out = (keep / fam.name) if keep else Path(tmp)
        skipped, unchanged = perturb(fam, documents, corpus, out, seed)
        results = acc.measure(gold_dir, out, names)
    return Run(fam.name, results, acc.totals(results), skipped, unchanged)


def changes(base: Run, run: Run) -> list[str]:
    """The documents whose figures moved, with the fields that did."""
    before = {r.name: r for r in base.results}
    lines = []
    for r in run.results:
        b = before.get(r.name)
        if b is None:
            continue
        moved = [f"{f} {b.fields[f].right}→{r.fields[f].right}" for f in acc.FIELDS
                 if r.fields[f].right != b.fields[f].right]
        moved += [f"{f} invented {b.fields[f].invented}→{r.fields[f].invented}" for f in acc.FIELDS
                  if r.fields[f].invented != b.fields[f].invented]
        if r.kind_tool != b.kind_tool:
            moved.append(f"kind {b.kind_tool}→{r.kind_tool}")
        if r.true_findings != b.true_findings or r.findings != b.findings:
            moved.append(f"W+E {b.true_findings}/{b.findings}→{r.true_findings}/{r.findings}")
        if r.found_defects != b.found_defects:
            moved.append(f"defects {b.found_defects}→{r.found_defects}")
        if moved:
            lines.append(f"{r.name}: {', '.join(moved)}")
    return lines


def _figures(summary: dict) -> str:
    return (f"{100 * summary['field_accuracy']:5.1f}% ({summary['fields_right']}/{summary['fields_stated']})"
            f"  {summary['true_findings']:>2}/{summary['findings']:<2}"
            f"  {summary['defects_found']:>2}/{summary['defects']:<2}")


def print_table(base: Run, runs: list[Run], diff: bool) -> None:
    print(f"{'family':18} {'fields':>17} {'Δ':>6}  {'W+E':>5}  {'recall':>6}  {'docs moved':>10}  skipped")
    print(f"{'(unperturbed)':18} {_figures(base.summary)} {'':>6}")
    for run in runs:
        delta = 100 * (run.summary["field_accuracy"] - base.summary["field_accuracy"])
        moved = changes(base, run)
        print(f"{run.family:18} {_figures(run.summary)} {delta:+6.1f}  {len(moved):>10}  "
              f"{len(run.skipped)}" + (f" ({len(run.unchanged)} untouched)" if run.unchanged else ""))
        if diff:
            for line in moved:
                print(f"    {line}")
            for name, values in run.skipped.items():
                print(f"    skipped {name}: would change {', '.join(repr(v[:40]) for v in values[:3])}")
            if diff > 1:
                _print_field_diffs(base, run)


def _print_field_diffs(base: Run, run: Run) -> None:
    before = {r.name: set(r.diffs + r.false_findings) for r in base.results}
    for r in run.results:
        for line in r.diffs + [f"FALSE {x}" for x in r.false_findings]:
            if line not in before.get(r.name, set()):
                print(f"      {r.name[:30]}: {line[:150]}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="*", help="file name globs to rewrite (default: every text document)")
    parser.add_argument("--corpus", type=Path, default=acc.CORPUS)
    parser.add_argument("--gold", type=Path, default=acc.GOLD)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--diff", action="count", default=0, help="list the documents that moved (twice: the values)")
    parser.add_argument("--keep", type=Path, help="leave the rewritten documents in this folder")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"perturb: corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    documents = text_documents(args.corpus, args.gold, args.patterns)
    base = run_family(None, documents, args.corpus, args.gold, args.seed, None)
    runs = [run_family(FAMILIES[name], documents, args.corpus, args.gold, args.seed, args.keep)
            for name in (args.family or FAMILIES)]
    print(f"ent-lint under benign rewrites: {len(documents)} text documents, seed {args.seed}")
    print_table(base, runs, args.diff)
    if args.json:
        import json

        figures = {run.family: {k: run.summary[k] for k in ("field_accuracy", "fields_right", "fields_stated",
                                                             "true_findings", "findings", "defects_found", "defects")}
                   for run in [base] + runs}
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
