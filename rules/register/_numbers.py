"""What a deliberation number says: its year, its serial part, a key that ignores how it is
written, and the facts the register's archive rules take from each act."""

from __future__ import annotations

from typing import Optional

import regex

from ent_lint import patterns
from ent_lint.model import Deliberation, Document, Span
from ent_lint.text import TextView, fold

from .._common import DATES_IN_NUMBERS, embedded_date  # noqa: F401  (embedded_date: the register's rules use it from here)

#: a year standing as its own part of a number: not inside a longer run of digits ("DEL2023-12",
#: "2024/07", "25/2014"; not "120245")
YEAR = patterns.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DIGITS = patterns.compile(r"\d+")
#: "n°", "no", "numéro" written in front of the number itself
_LABEL = patterns.compile(r"^\s*(?:n\s*°|no\b\.?|numero)\s*")
#: what, on the number's line, says the number is the act's number in the register rather than
#: its place on the agenda ("Délibération n° 12", "DCM n°12", "Acte n° 12")
_REGISTER_LABEL = patterns.compile(r"\b(?:deliberations?|delib|dcm|del|acte)\b[^\n]{0,12}$")
_ROMAN = patterns.compile(r"^[ivxl]+$")
_WORD = patterns.compile(r"[\p{L}\d]+")
#: words that say nothing of a subject
_STOP = frozenset("""a au aux avec ce ces cet cette d dans de des du en et l la le les leur leurs
    n no par pour qui que sa ses son sur un une""".split())
#: two subjects sharing this share of the words of the shorter one are one act written twice
SAME_SUBJECT = 0.5


def embedded_year(number: str) -> Optional[int]:
    """The year a number embeds as one of its parts, when it has another numeric part beside it
    ("2024-12", "DEL2023-12", "25/2014"); None for a bare "2023" (a serial), for a number with
    two years ("2019-2020": a span of years, not a register year) and for one without."""
    years = YEAR.findall(number)
    if len(years) != 1 or len(DIGITS.findall(number)) < 2:
        return None
    return int(years[0])


def serial(number: str) -> Optional[int]:
    """The serial part of a number: its last run of digits that is neither its year nor part of
    an embedded date ("2024-045" → 45, "2023/11/27-31" → 31, "12" → 12); None for a span of
    years ("2019-2020"), which has no serial part."""
    if len(YEAR.findall(number)) > 1 and embedded_date(number) is None:
        return None
    taken = _date_and_year(number)
    runs = [m for m in DIGITS.finditer(number)
            if not any(start <= m.start() and m.end() <= end for start, end in taken)]
    return int(runs[-1].group()) if runs else None


def _date_and_year(number: str) -> list[tuple[int, int]]:
    """Where a number's embedded date and year stand."""
    taken = [match.span() for pattern in DATES_IN_NUMBERS for match in pattern.finditer(number)]
    if embedded_year(number) is not None:
        taken.extend(m.span() for m in YEAR.finditer(number))
    return taken


def number_key(number: str) -> str:
    """The number with case, spaces, separators, "n°" and leading zeros ignored:
    "N° 2024-007", "2024/7" and "2024 - 07" are one key."""
    folded = _LABEL.sub("", fold(number))
    parts = regex.findall(r"[a-z]+|\d+", folded)
    return "-".join(str(int(p)) if p.isdigit() else p for p in parts)


def series(number: str) -> str:
    """The shape of a number: its letters and how many numeric parts it has ("DEL2024-12" and
    "DEL2024-13" are one series; "2024-12" and "DEL2024-12" are two)."""
    folded = _LABEL.sub("", fold(number))
    letters = "".join(regex.findall(r"[a-z]+", folded))
    return f"{letters}#{len(DIGITS.findall(folded))}"


def collectivity(authority: str) -> str:
    """The collectivity folded, its words separated by single spaces ("Saint-Alban" = "SAINT ALBAN")."""
    return " ".join(_WORD.findall(fold(authority)))


def subject_words(title: str) -> set[str]:
    return {w for w in _WORD.findall(fold(title)) if w not in _STOP and len(w) > 1}


def same_subject(first: str, second: str) -> bool:
    """Whether two subjects are one act's, written alike or nearly (an extract and the minutes of
    one sitting): most words of the shorter one are in the other."""
    a, b = subject_words(first), subject_words(second)
    if not a or not b:
        return fold(first).strip() == fold(second).strip()
    return len(a & b) / min(len(a), len(b)) >= SAME_SUBJECT


def _line_before(text: TextView, span: Span, lines: dict[tuple, int]) -> str:
    """The folded text of the number's line before the number (``lines``: (page, line) → index)."""
    index = lines.get((span.page, span.line))
    if index is None:
        return ""
    folded = text.folded_lines[index]
    column = folded.find(fold(span.text)) if span.text else -1
    return folded[:column] if column >= 0 else ""


def in_register(number: str, text: TextView, span: Optional[Span], lines: dict[tuple, int]) -> bool:
    """Whether the number is the act's number in the register of deliberations ("2024-12",
    "DE-2015/22", "Délibération n° 12") rather than its place on the agenda of one sitting
    ("3) Tarifs", "II - Budget", "Point 4"), which starts again at every sitting."""
    key = number_key(number)
    letters = [p for p in key.split("-") if p.isalpha() and p != "bis"]
    if embedded_year(number) is not None or embedded_date(number) is not None:
        return True
    if letters and not all(_ROMAN.match(p) for p in letters):
        return True
    return span is not None and bool(_REGISTER_LABEL.search(_line_before(text, span, lines)))


def number_facts(document: Document, text: TextView) -> list[dict]:
    """One fact per numbered act of a known collectivity: what the archive rules of this family
    compare across documents.  Acts without a number, a collectivity or a subject, information
    points and numbers read without certainty give none."""
    facts = []
    lines = {(line.page, line.number): index for index, line in enumerate(text.lines)}
    for delib in document.deliberations:
        fact = _fact(delib, text, lines)
        if fact is not None:
            facts.append(fact)
    return facts


def _numbered_act(delib: Deliberation) -> bool:
    """An act of a known collectivity, with a subject and a number read with certainty."""
    return bool(delib.number and delib.authority and delib.title and delib.deliberative
                and delib.sure("number", "title") and number_key(delib.number))


def _fact(delib: Deliberation, text: TextView, lines: dict[tuple, int]) -> Optional[dict]:
    if not _numbered_act(delib):
        return None
    span = delib.spans.get("number")
    sitting = delib.session.date if delib.sure("session.date") else None
    year = embedded_year(delib.number)
    return {
        "collectivity": collectivity(delib.authority),
        "authority": delib.authority,
        "number": delib.number,
        "key": number_key(delib.number),
        "series": series(delib.number),
        "year": year,
        "serial": serial(delib.number),
        "dated": embedded_date(delib.number) is not None,
        "register": in_register(delib.number, text, span, lines),
        "sitting": sitting.isoformat() if sitting else None,
        "subject": delib.title,
        "page": span.page if span else None,
        "line": span.line if span else None,
        "evidence": span.text if span else delib.number,
    }


def numbered_per_sitting(facts: list[dict]) -> bool:
    """Whether a collectivity's numbers of one year start again at each sitting: two sittings
    both have an act numbered 1, or two numbers each stand at two sittings."""
    sittings_of: dict[str, set[str]] = {}
    for fact in facts:
        sittings_of.setdefault(fact["key"], set()).add(fact["sitting"])
    first_acts = {f["sitting"] for f in facts if f["serial"] == 1}
    shared = sum(len(sittings) > 1 for sittings in sittings_of.values())
    return len(first_acts) > 1 or shared > 1
