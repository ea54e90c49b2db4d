"""Attendance written as a table: one row per absent member, one column per way of being absent.

    | Absents        | Ni pouvoir | Suppléant  | Pouvoir donné à |
    | Jeanne AUBRY   | X          |            |                 |
    | Paul QUESNEL   |            |            | Marc DURAND     |

The first column names the member; a name under "Pouvoir donné à" (or "Procuration à",
"Représenté par", "Mandataire") makes a proxy; a mark under "Ni pouvoir", "Excusé", or a
substitute under "Suppléant", leaves the member absent.  The columns are read from their
headings, so their order and number do not matter.  A row that names nobody, or that marks
nothing, is not guessed: the table's reading is then in doubt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from .. import patterns
from ..model import Person, Proxy
from .names import clean_name, person
from .recognisers import Case, recogniser
from .text import View, fold

PART = "attendance-column"

_HEADINGS = [
    ("holder", patterns.compile(r"^(?:(?:pouvoir|procuration|mandat|delegation)s?\s+(?:donnee?s?\s+)?(?:a|au)\b"
                                r"|represente?e?s?\s+par|mandataires?|porteur)")),
    ("absent", patterns.compile(r"^(?:ni\s+pouvoir|sans\s+pouvoir|excusee?s?|absente?s?\s+excusee?s?"
                                r"|non\s+excusee?s?|ni\s+suppleant)")),
    ("substitute", patterns.compile(r"^suppleante?s?\b")),
    ("member", patterns.compile(r"^(?:absente?s?|membres?\s+absente?s?|conseillers?\s+absente?s?|elus?\s+absente?s?)$")),
]


_FIGURE_OR_COLON = patterns.compile(r"[\d:]")


@recogniser(PART, "column-heading",
            Case("Pouvoir donné à…", "holder"),
            Case("Représenté par", "holder"),
            Case("Sans pouvoir", "absent"),
            Case("Suppléant", "substitute"),
            Case("Absents", "member"),
            Case("Montant HT", None),
            Case("Absents excusés : 3", None))
def column_heading(text: str) -> Optional[str]:
    """The heading of a column of an attendance table: who it names or what it marks."""
    folded = " ".join(fold(text).strip(" .…:").split())
    if _FIGURE_OR_COLON.search(folded):
        return None  # "Absents excusés : 3": a label and its count, not a column's heading
    return next((role for role, pattern in _HEADINGS if pattern.match(folded)), None)


@dataclass
class TableReading:
    """What an attendance table says: the absent members and the proxies, and its doubts."""

    absent: list[Person] = field(default_factory=list)
    proxies: list[Proxy] = field(default_factory=list)
    doubtful: bool = False
    present: list[Person] = field(default_factory=list)  # a grid of every member names them too
    roster: bool = False  # a grid of every member: its lists are whole


# a « Présent » column: the table lists every member, a grid (ent_lint/parse/grids.py), where
# « Absent » heads a column of marks, not of names
_PRESENT_COLUMN = patterns.compile(r"^present(?:e|\(e\))?s?$")


def _roles(header: Sequence[str]) -> Optional[list[Optional[str]]]:
    """What each column says; None for a table that is no table of the absent.  The members'
    column may follow others (a community council's « Commune », whose cells are left alone)."""
    roles = [column_heading.read(cell) for cell in header]
    if roles.count("member") != 1 or "holder" not in roles:
        return None
    if roles[0] != "member" and any(_PRESENT_COLUMN.match(fold(cell).strip(" .:")) for cell in header):
        return None
    return roles


_NOTE_ASIDE = patterns.compile(r"\([^()]*\)?")


def _member(cell: str) -> Optional[str]:
    return clean_name(_NOTE_ASIDE.sub(" ", cell).strip(" -–—"))


def read_table(rows: Sequence[Sequence[str]]) -> Optional[TableReading]:
    """The reading of a table whose first row holds attendance headings; None for any other."""
    roles = _roles(rows[0]) if rows else None
    if roles is None:
        return None
    reading = TableReading()
    for cells in _rows_rejoined([_by_role(roles, row) for row in rows[1:]]):
        _read_row(reading, cells)
    return reading


@recogniser(PART, "row-cut-in-two",
            Case("|Absents|Ni pouvoir|Pouvoir donné à|\n|Jeanne AUBRY|X| |\n|-| |Marc DURAND|\n|Paul QUESNEL| | |",
                 [("Paul QUESNEL", "Marc DURAND")]),
            Case("|Absents|Ni pouvoir|Pouvoir donné à|\n|Paul QUESNEL| | |\n|-| |Marc DURAND|",
                 [("Paul QUESNEL", "Marc DURAND")]),
            Case("|Absents|Ni pouvoir|Pouvoir donné à|\n|Jeanne AUBRY|X| |\n|Paul QUESNEL| |Marc DURAND|", None),
            Case("|Absents|Ni pouvoir|Pouvoir donné à|\n|Jeanne AUBRY| | |\n|-| |Marc DURAND|\n|Paul QUESNEL| | |",
                 None))
def row_cut_in_two(text: str) -> Optional[list[tuple[str, str]]]:
    """A table whose member's row the export cut in two: the proxies read from rejoined rows."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.split("\n")]
    roles = _roles(rows[0])
    if roles is None:
        return None
    joined = [c for c in _rows_rejoined([_by_role(roles, row) for row in rows[1:]]) if c.get("rejoined")]
    reading = TableReading()
    for cells in joined:
        _read_row(reading, cells)
    return [(p.grantor.name, p.holder.name) for p in reading.proxies] or None


def _marks(cells: dict[str, str]) -> bool:
    return any(value.strip(" -–—") for role, value in cells.items() if role != "member")


def _rows_rejoined(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A member's row cut in two by the export ("|-| |Marc DURAND|" over "|Paul QUESNEL| | |"): a
    row that names nobody but marks something, beside a row that names someone and marks
    nothing, is one row; not when it could join either of its neighbours.  The rejoined row is
    read, the table then in doubt."""
    joined: list[dict[str, str]] = []
    for index, cells in enumerate(rows):
        last = joined[-1] if joined else None
        after = rows[index + 1] if index + 1 < len(rows) else None
        if last is not None and _halves(last, cells):
            if after is not None and _halves(cells, after):
                joined.append(dict(cells, undecided="yes"))  # above or below: not guessed
                continue
            joined[-1] = {role: " ".join((last.get(role, "") + " " + cells.get(role, "")).split())
                          for role in set(last) | set(cells)}
            joined[-1]["rejoined"] = "yes"
            continue
        joined.append(cells)
    return joined


def _halves(first: dict[str, str], second: dict[str, str]) -> bool:
    """Whether two rows are the halves of one: one names only, the other marks only."""
    if any(cells.get("rejoined") or cells.get("undecided") for cells in (first, second)):
        return False
    named = [_member(c.get("member", "")) is not None for c in (first, second)]
    marked = [_marks(c) for c in (first, second)]
    return named[0] != named[1] and marked[0] != marked[1] and named[0] != marked[0]


def _by_role(roles: list[Optional[str]], row: Sequence[str]) -> dict[str, str]:
    """A row's cells by what their column says; two columns may mark one thing ("Ni pouvoir",
    "Ni suppléant")."""
    cells: dict[str, str] = {}
    for role, cell in zip(roles, row):
        if role:
            cells[role] = " ".join((cells.get(role, "") + " " + cell).split())
    return cells


def _read_row(reading: TableReading, cells: dict[str, str]) -> None:
    who = _member(cells.get("member", ""))
    holder = clean_name(cells["holder"]) if cells.get("holder") else None
    reading.doubtful |= bool(cells.get("rejoined"))
    if who is None:
        reading.doubtful |= any(cells.values())  # a proxy or a mark for nobody: a row slipped
    elif holder:
        reading.proxies.append(Proxy(grantor=person(who), holder=person(holder)))
    elif cells.get("absent") or cells.get("substitute"):
        reading.absent.append(person(who))
    else:
        reading.doubtful = True  # named, marked nowhere


def _pipe_cells(text: str) -> Optional[list[str]]:
    stripped = text.strip()
    if not (stripped.startswith("|") and stripped.count("|") >= 3):
        return None
    return [cell.strip() for cell in stripped.strip("|").split("|")]


_PIPE_RULE = patterns.compile(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*")


def pipe_tables(view: View) -> list[list[list[str]]]:
    """The tables written with pipes in the text ("|Absents|Pouvoir donné à|"), blank lines
    between their rows allowed, and empty cells kept in their columns."""
    tables: list[list[list[str]]] = []
    run: list[list[str]] = []
    for line in view.lines + [None]:
        text = line.text if line is not None else "-"
        if not text.strip() or "|" in text and _PIPE_RULE.fullmatch(text):  # a rule has one (for speed)
            continue
        cells = _pipe_cells(text)
        if cells is not None:
            run.append(cells)
            continue
        if len(run) >= 2:
            tables.append(run)
        run = []
    return tables


def attendance_table(tables: Sequence[Sequence[Sequence[str]]]) -> Optional[TableReading]:
    """The first table that reads as attendance."""
    for rows in tables:
        reading = read_table(rows)
        if reading is not None and (reading.absent or reading.proxies or reading.doubtful):
            return reading
    return None
