"""Attendance written as a grid of every member: one row per member, a mark under the column
that says how the member took part.

    Conseillers          Présent   Excusé   Absent   Pouvoir donné à
    ROBIN Jean-Yves         X
    BRIAND Hugues                     X              AUGER Carole
    ÉPAUD Nadine                               X

A mark ("X", "x", "✓", "oui") under « Présent(e) » makes the member present; a name under
« Pouvoir donné à » (« Procuration à », « Représenté(e) par », « Mandataire ») makes a proxy; a
mark under « Absent(e) » or « Excusé(e) » leaves the member absent.  The grid comes as a table
of cells (a PDF's drawn table) or as text in columns (a layout exported to text): the columns of
text are found from where the headings stand.  A row that names nobody, marks nothing or marks
two ways is not guessed: the grid's reading is then in doubt.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import regex

from .. import patterns
from ..model import Proxy
from .names import clean_name, looks_like_person, person
from .recognisers import Case, recogniser
from .tables import TableReading
from .text import View, fold

PART = "attendance-grid"

_ROLES = [
    ("member", patterns.compile(r"^(?:noms?(?:\s+(?:et\s+)?prenoms?)?|prenoms?\s+(?:et\s+)?noms?|conseillers?"
                                r"(?:\s+(?:municipaux|communautaires))?|membres?|elus?|delegues?(?:\s+titulaires)?"
                                r"|administrateurs?)$")),
    ("holder", patterns.compile(r"^(?:(?:pouvoir|procuration|mandat)s?\s+(?:donnee?s?\s+)?(?:a|au)\b"
                                r"|represente?e?s?\s+par|mandataires?)")),
    ("present", patterns.compile(r"^presente?s?$|^present\(e\)$")),
    ("absent", patterns.compile(r"^(?:absente?s?|excusee?s?|absente?s?\s+excusee?s?|absent\(e\)|excuse\(e\))$")),
]
_MARK = patterns.compile(r"^(?:x|✓|✔|☒|oui|\*)$", regex.IGNORECASE)
# the cells of a line laid out in columns: words a single space apart (compiled once: handing the
# string to regex.finditer looked it up in regex's cache at each call, slower than the match)
_CELL = patterns.compile(r"\S+(?: \S+)*")


@recogniser(PART, "grid-heading",
            Case("Nom Prénom", "member"),
            Case("Conseillers municipaux", "member"),
            Case("Présente", "present"),
            Case("Excusé(e)", "absent"),
            Case("Pouvoir donné à", "holder"),
            Case("Présents : 12", None),
            Case("Nombre de conseillers", None))
def grid_heading(text: str) -> Optional[str]:
    """The heading of a column of an attendance grid: the member, or how the member took part."""
    folded = " ".join(fold(text).strip(" .…:").split())
    if regex.search(r"\d", folded):
        return None
    return next((role for role, pattern in _ROLES if pattern.match(folded)), None)


def _roles(header: Sequence[str], member_first: bool = True) -> Optional[list[Optional[str]]]:
    """What each column of a grid's header says; None when it is no grid's.  In a table of
    cells the members' column may follow others (a community council's « Commune », whose cells
    are left alone); in text columns a row begins with its member's name."""
    roles = [grid_heading.read(cell) if cell else None for cell in header]
    members = roles[:1] == ["member"] if member_first else roles.count("member") == 1
    if not members or "present" not in roles or not {"absent", "holder"} & set(roles):
        return None
    return roles


def _read_row(reading: TableReading, roles: list[Optional[str]], row: Sequence[str]) -> None:
    cells: dict[str, list[str]] = {}
    for role, cell in zip(roles, row):
        if role and cell and cell.strip(" -–—"):
            cells.setdefault(role, []).append(cell.strip())
    who = clean_name(" ".join(cells.get("member", [])))
    holder = clean_name(" ".join(cells.get("holder", []))) if cells.get("holder") else None
    marked = [role for role in ("present", "absent") if any(_MARK.match(c) for c in cells.get(role, []))]
    if who is None or not looks_like_person(who):
        reading.doubtful |= bool(marked or holder)  # a mark for nobody: a row slipped
        return
    if holder and marked != ["present"]:
        reading.proxies.append(Proxy(grantor=person(who), holder=person(holder)))
    elif marked == ["present"]:
        reading.present.append(person(who))
    elif marked == ["absent"]:
        reading.absent.append(person(who))
    else:
        reading.doubtful = True  # marked nowhere, or two ways


def read_grid(rows: Sequence[Sequence[str]]) -> Optional[TableReading]:
    """The reading of a grid of cells whose first row holds a member column and a « Présent »
    column."""
    roles = _roles(rows[0], member_first=False) if rows else None
    if roles is None:
        return None
    reading = TableReading(roster=True)
    for row in rows[1:]:
        _read_row(reading, roles, row)
    return reading if reading.present else None


@recogniser(PART, "grid-in-text-columns",
            Case("NOM            PRÉSENT   ABSENT   POUVOIR À\nDURAND Paul       X\n"
                 "MARTIN Léa                  X      DURAND Paul\nROUX Jean                   X",
                 (["DURAND Paul"], [("MARTIN Léa", "DURAND Paul")], ["ROUX Jean"])),
            Case("Nom           Présent   Absent\nDURAND Paul      X\nMARTIN Léa                 X",
                 (["DURAND Paul"], [], ["MARTIN Léa"])),
            Case("Nom           Montant   Date\nDURAND Paul   300       2024", None))
def grid_in_text_columns(text: str) -> Optional[tuple]:
    """A grid laid out in columns of text: the members present, the proxies, the absent."""
    rows = _text_grid(text.split("\n"))
    reading = read_grid(rows) if rows else None
    if reading is None:
        return None
    return ([p.name for p in reading.present], [(p.grantor.name, p.holder.name) for p in reading.proxies],
            [p.name for p in reading.absent])


def _columns(header: str) -> Optional[list[tuple[int, int, str]]]:
    """The heading cells of a grid's header line, with where each stands, when it is one."""
    if "present" not in fold(header):
        return None  # a header has a column of the members present (a cheap test first, for speed)
    cells = [(m.start(), m.end(), m[0]) for m in _CELL.finditer(header)]
    if len(cells) < 3 or _roles([c[2] for c in cells]) is None:
        return None
    return cells


def _place(columns: list[tuple[int, int, str]], start: int, end: int, mark: bool) -> int:
    """The column a cell of a row stands under: a mark by its middle, a name by its start."""
    if mark:
        middle = (start + end) / 2
        return min(range(1, len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - middle))
    return max((i for i in range(len(columns)) if columns[i][0] <= start + 2), default=0)


def _text_row(columns: list[tuple[int, int, str]], line: str) -> Optional[list[str]]:
    cells = [""] * len(columns)
    pieces = [(m.start(), m.end(), m[0]) for m in _CELL.finditer(line)]
    if not pieces or pieces[0][0] > columns[0][0] + 2 or _MARK.match(pieces[0][2]):
        return None  # a row begins with its member's name
    cells[0] = pieces[0][2]
    for start, end, piece in pieces[1:]:
        where = _place(columns, start, end, bool(_MARK.match(piece)))
        cells[where] = f"{cells[where]} {piece}".strip()
    return cells


def _text_grid(lines: Sequence[str]) -> Optional[list[list[str]]]:
    """The header and rows of the first grid laid out in columns of text among ``lines``."""
    for index, header in enumerate(lines):
        columns = _columns(header)
        if columns is None:
            continue
        rows: list[list[str]] = [[c[2] for c in columns]]
        for line in lines[index + 1:]:
            if not line.strip():
                if len(rows) > 1:
                    break
                continue
            row = _text_row(columns, line)
            if row is None:
                break
            rows.append(row)
        return rows if len(rows) > 1 else None
    return None


def grid_tables(view: View, stop: int) -> list[list[list[str]]]:
    """The grid laid out in text columns in the head of the document (before line ``stop``)."""
    rows = _text_grid([line.text for line in view.lines[:stop]])
    return [rows] if rows else []


def attendance_grid(tables: Sequence[Sequence[Sequence[str]]]) -> Optional[TableReading]:
    """The first table that reads as a grid of every member."""
    for rows in tables:
        reading = read_grid([[cell or "" for cell in row] for row in rows])
        if reading is not None:
            return reading
    return None


# --- lists side by side: one column per list ----------------------------------------------------
#
#     Présents            Absents excusés         Pouvoirs
#     Thierry BOUVET      Nadine COUÉ             Nadine COUÉ à Thierry BOUVET
#     Sylvie AUBRY        Lucie POILANE
#
# Each heading names a list; each cell under it is one entry of that list.

def _cells(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m[0]) for m in _CELL.finditer(line)]


def lists_side_by_side(lines: Sequence[str], kind_of: Callable[[str], Optional[str]]) -> dict[str, list[tuple[int, str]]]:
    """The entries of lists written side by side, by kind, each with its line: ``kind_of`` names
    the list a heading cell labels ("Présents" → "present"), None for any other cell."""
    for index, line in enumerate(lines):
        heads = _cells(line)
        kinds = [kind_of(cell) for _, _, cell in heads]
        if len(heads) < 2 or None in kinds or len(set(kinds)) != len(kinds):
            continue
        entries: dict[str, list[tuple[int, str]]] = {kind: [] for kind in kinds}
        for row in range(index + 1, len(lines)):
            cells = _cells(lines[row])
            if not cells:
                break
            for start, _, cell in cells:
                where = max((i for i, head in enumerate(heads) if head[0] <= start + 2), default=None)
                if where is None:
                    return {}  # a cell before the first column: no grid of lists
                entries[kinds[where]].append((row, cell))
        return entries if sum(map(len, entries.values())) else {}
    return {}


@recogniser(PART, "lists-side-by-side",
            Case("Présents            Excusés            Pouvoirs\nPaul DURAND         Léa MARTIN         Léa MARTIN à Paul DURAND\n"
                 "Anne ROUX           Luc PETIT",
                 {"present": ["Paul DURAND", "Anne ROUX"], "absent": ["Léa MARTIN", "Luc PETIT"],
                  "proxies": ["Léa MARTIN à Paul DURAND"]}),
            Case("Nom                 Montant\nAssociation ABC     300", None))
def side_by_side(text: str) -> Optional[dict]:
    """Lists written side by side, one column per list: the entries of each."""
    labels = {"presents": "present", "excuses": "absent", "absents excuses": "absent", "absents": "absent",
              "pouvoirs": "proxies", "procurations": "proxies"}
    found = lists_side_by_side(text.split("\n"), lambda cell: labels.get(fold(cell).strip(" :")))
    return {kind: [cell for _, cell in cells] for kind, cells in found.items()} or None
