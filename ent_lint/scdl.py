"""SCDL « Délibérations » (2.1.5): the open-data CSV of a collectivity's deliberations.

One row per deliberation, the schema's columns in its order.  A row's values come from two
places and are never invented:

- what the document states: the number (DELIB_ID), the date of the sitting (DELIB_DATE), the
  subject (DELIB_OBJET), the collectivity (COLL_NOM), the date of transmission to the
  prefecture (PREF_DATE) and the votes (VOTE_*);
- what the collectivity gives, the document being silent on it: the SIRET, the matière code
  (whose label, DELIB_MATIERE_NOM, is taken from the @actes classification), the prefecture's
  identifier, the document's URL, the budget; from the command line, the configuration
  (``[tool.ent-lint.scdl]``, by column name) or a sidecar file keyed by document file name
  (``name`` for all its deliberations, ``name#2`` for its second one).  A given value may fill
  a column the document leaves empty (the number of an extract that prints none); where the
  document states another value, the row is refused: the two disagree.  COLL_NOM is the one
  exception: the name given (the official « Commune de Cogolin ») replaces the header's form.

The votes: the schema wants the five VOTE_* columns all filled or all empty, and VOTE_REEL to be
the sum of VOTE_POUR, VOTE_CONTRE and VOTE_ABSTENTION.  They are filled when the document gives
the vote in figures (a tally that leaves out the votes against or the abstentions has none of
them: "15 voix pour et 2 abstentions"), with the members in office and the item's voters.
« À l'unanimité » alone does not say how many abstained (abstentions are compatible with
unanimity), so it gives no figures and the VOTE_* columns stay empty.

A row is checked before it is written: the required columns, the patterns and types, and the
schema's ``custom_checks`` as Validata runs them (SIRET checksum, year interval, cohesive
columns, column comparisons, the sum of the votes, the level-1 label of the matière).  A row
that fails is reported by file and column and left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .errors import ConfigError
from .i18n import N_
from .text import fold

COLUMNS = ("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
           "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL",
           "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL")
REQUIRED = ("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
            "DELIB_OBJET")
VOTES = ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
DATES = ("DELIB_DATE", "PREF_DATE")
#: the level-1 headings of the national @actes nomenclature, as the SCDL check knows them (the
#: classification files prefectures send write them without accents, one with a typo)
LEVEL_ONE = {"1": "commande publique", "2": "urbanisme", "3": "domaine et patrimoine", "4": "fonction publique",
             "5": "institutions et vie politique", "6": "libertés publiques et pouvoirs de police",
             "7": "finances locales", "8": "domaines de compétences par thèmes",
             "9": "autres domaines de compétences"}

SIRET = re.compile(r"^\d{14}$")
MATIERE_CODE = re.compile(r"^\d\.\d{1,2}$")
BUDGET_YEAR = re.compile(r"^[0-9]{4}(/[0-9]{4})?$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")
LA_POSTE = "356000000"  # its establishments' SIRETs fail Luhn: their digits add up to a multiple of 5


@dataclass(frozen=True)
class Problem:
    """Why a row is not written: the document (and item), the column, and what is wrong."""

    file: str
    column: str
    message: str
    item: Optional[int] = None  # 1-based, for a document of several deliberations

    def __str__(self) -> str:
        where = f"{self.file}#{self.item}" if self.item is not None else self.file
        return f"{where}: {self.column}: {self.message}"


# ---------------------------------------------------------------------------------------------
# values read from the document


def item_voters(delib) -> Optional[int]:
    """The voters of this deliberation, when the document states them for it."""
    counts = delib.counts
    if counts.voting is None or delib.attendance_changed or not delib.sure("counts.voting"):
        return None
    if delib.counts_for_item or not delib.not_voting:
        return counts.voting
    return None  # the sitting's voters, some of whom left this item: its own figure is not stated


def stated_votes(delib) -> dict[str, int]:
    """The VOTE_* figures the document states for this deliberation, each only where stated."""
    figures = {}
    if delib.counts.in_office is not None and delib.sure("counts.in_office"):
        figures["VOTE_EFFECTIF"] = delib.counts.in_office
    voters = item_voters(delib)
    if voters is not None:
        figures["VOTE_REEL"] = voters
    vote = delib.vote
    if vote.for_ is not None and not vote.ballot and delib.sure("vote"):
        figures["VOTE_POUR"] = vote.for_
        figures["VOTE_CONTRE"] = vote.against or 0
        figures["VOTE_ABSTENTION"] = vote.abstain or 0
    return figures


def document_values(delib) -> dict[str, str]:
    """The columns the document states for one deliberation (what was read without certainty is
    left out)."""
    values = {}
    if delib.authority and delib.sure("authority"):
        values["COLL_NOM"] = one_line(delib.authority)
    if delib.number and delib.sure("number"):
        values["DELIB_ID"] = one_line(delib.number)
    if delib.session.date and delib.sure("session.date"):
        values["DELIB_DATE"] = delib.session.date.isoformat()
    if delib.title and delib.sure("title"):
        values["DELIB_OBJET"] = one_line(delib.title)
    if isinstance(delib.transmitted_on, dt.date) and delib.sure("transmitted_on"):
        values["PREF_DATE"] = delib.transmitted_on.isoformat()
    figures = stated_votes(delib)
    if all(column in figures for column in VOTES):  # all five or none (cohesive columns)
        values.update({column: str(figures[column]) for column in VOTES})
    return values


def one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# values given by the collectivity


def matiere_label(code: str, classification) -> Optional[str]:
    """DELIB_MATIERE_NOM for an @actes code: the level-1 heading, "/", the level-2 label, in
    lower case without commas or parentheses (as the schema asks)."""
    labels = classification.label(code) if classification is not None else None
    level_one = LEVEL_ONE.get(code.split(".")[0])
    if not labels or len(labels) < 2 or level_one is None:
        return None
    second = re.sub(r"[,()]", "", labels[1]).lower()
    return f"{level_one}/{' '.join(second.split())}"


def read_sidecar(path: str) -> dict[str, dict[str, str]]:
    """Per-document values: a TOML file of tables named after the documents, or a CSV file with a
    ``file`` column; the other keys are column names."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".toml":
            import tomllib

            with open(path, "rb") as handle:
                data = tomllib.load(handle)
            if not all(isinstance(v, dict) for v in data.values()):
                raise ConfigError(f"{path}: expected one table per document, [\"name.pdf\"] or [\"name.pdf#2\"]")
            table = {key: {k: _text(v) for k, v in values.items()} for key, values in data.items()}
        elif suffix == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle))
            if rows and "file" not in rows[0]:
                raise ConfigError(f"{path}: the sidecar CSV needs a 'file' column")
            table = {}
            for row in rows:
                key = (row.pop("file") or "").strip()
                table.setdefault(key, {}).update({k: v.strip() for k, v in row.items() if k and v and v.strip()})
        else:
            raise ConfigError(f"{path}: a sidecar is a .toml or a .csv file")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError, a bad CSV
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    for key, values in table.items():
        check_columns(values, f"{path} [{key}]")
    return table


def _text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def check_columns(values: dict, where: str) -> None:
    unknown = sorted(set(values) - set(COLUMNS))
    if unknown:
        raise ConfigError(f"{where}: unknown column {unknown[0]!r} (the SCDL columns: {', '.join(COLUMNS)})")


# ---------------------------------------------------------------------------------------------
# rows


@dataclass
class Row:
    file: str
    item: Optional[int]
    values: dict[str, str]


def build_row(delib, given: dict[str, tuple[str, str]], file: str, item: Optional[int],
              classification) -> tuple[Row, list[Problem]]:
    """One deliberation's row: the document's values, and the given ones (column -> (value,
    where it comes from)) where the document is silent."""
    read = document_values(delib)
    values = {}
    problems = []
    for column in COLUMNS:
        stated = read.get(column)
        value, origin = given.get(column, (None, None))
        if stated and value and column != "COLL_NOM" and stated != value:
            problems.append(Problem(file, column, N_("the document states {stated}, {origin} gives {value}").format(
                stated=repr(stated), origin=origin, value=repr(value)), item))
        values[column] = value if column == "COLL_NOM" and value else (stated or value or "")
    code = values["DELIB_MATIERE_CODE"]
    if code and not values["DELIB_MATIERE_NOM"]:
        label = matiere_label(code, classification)
        if label is None:
            problems.append(Problem(file, "DELIB_MATIERE_CODE",
                                    N_("{code} is not a matière of the classification").format(
                code=repr(code)), item))
        else:
            values["DELIB_MATIERE_NOM"] = label
    return Row(file, item, values), problems


def check_row(values: dict[str, str]) -> list[tuple[str, str]]:
    """(column, what is wrong) for every constraint of the schema the row breaks, its
    ``custom_checks`` included."""
    wrong = [(column, N_("required, and neither the document nor the options give it"))
             for column in REQUIRED if not values.get(column)]
    dates, numbers = _dates(values, wrong), _votes(values, wrong)
    for check in (_siret, _matiere, _budget, _url):
        wrong += check(values)
    if "PREF_DATE" in dates and "DELIB_DATE" in dates and dates["PREF_DATE"] < dates["DELIB_DATE"]:
        wrong.append(("PREF_DATE", N_("{sent} is before the deliberation, {decided}").format(
            sent=values["PREF_DATE"], decided=values["DELIB_DATE"])))
    wrong += _vote_sums(numbers)
    return wrong


def _siret(values: dict[str, str]) -> list[tuple[str, str]]:
    siret = values.get("COLL_SIRET", "")
    if siret and not SIRET.match(siret):
        return [("COLL_SIRET", N_("{siret} is not 14 digits").format(siret=repr(siret)))]
    if siret and not siret_valid(siret):
        return [("COLL_SIRET", N_("{siret} fails the SIRET checksum (Luhn)").format(siret=repr(siret)))]
    return []


def _dates(values: dict[str, str], wrong: list[tuple[str, str]]) -> dict[str, dt.date]:
    """The date columns read; the ones that are no date are added to ``wrong``."""
    dates = {}
    for column in DATES:
        if values.get(column):
            try:
                dates[column] = dt.date.fromisoformat(values[column])
            except ValueError:
                wrong.append((column, N_("{value} is not a date (YYYY-MM-DD)").format(value=repr(values[column]))))
    return dates


def _matiere(values: dict[str, str]) -> list[tuple[str, str]]:
    wrong = []
    code = values.get("DELIB_MATIERE_CODE", "")
    if code and not MATIERE_CODE.match(code):
        wrong.append(("DELIB_MATIERE_CODE", N_("{code} does not match {pattern}").format(
            code=repr(code), pattern=r"^\d\.\d{1,2}$")))
    label = values.get("DELIB_MATIERE_NOM", "")
    if label:
        heading, slash, _ = label.partition("/")
        if not slash:
            wrong.append(("DELIB_MATIERE_NOM",
                          N_("{label} has no '/' between the two levels").format(label=repr(label))))
        elif fold(heading.strip()) not in {fold(h) for h in LEVEL_ONE.values()}:
            wrong.append(("DELIB_MATIERE_NOM", N_("{heading} is not a level-1 heading of the @actes nomenclature")
                          .format(heading=repr(heading))))
    return wrong


def _votes(values: dict[str, str], wrong: list[tuple[str, str]]) -> dict[str, int]:
    """The VOTE_* columns read as numbers; the ones that are not, and a half-filled set, are
    added to ``wrong``."""
    numbers = {}
    for column in VOTES:
        text = values.get(column, "")
        if text and text.isdigit():
            numbers[column] = int(text)
        elif text:
            wrong.append((column, N_("{text} is not a whole number").format(text=repr(text))))
    filled = [c for c in VOTES if values.get(c)]
    if filled and len(filled) < len(VOTES):
        wrong.append(("VOTE_EFFECTIF", N_("the VOTE_* columns must be all filled or all empty (filled: {filled})")
                      .format(filled=", ".join(filled))))
    return numbers


def _vote_sums(numbers: dict[str, int]) -> list[tuple[str, str]]:
    wrong = []
    for low, high in (("VOTE_REEL", "VOTE_EFFECTIF"), ("VOTE_POUR", "VOTE_REEL"), ("VOTE_CONTRE", "VOTE_REEL"),
                      ("VOTE_ABSTENTION", "VOTE_REEL")):
        if low in numbers and high in numbers and numbers[low] > numbers[high]:
            wrong.append((high, N_("{high} {high_value} is less than {low} {low_value}").format(
                high=high, high_value=numbers[high], low=low, low_value=numbers[low])))
    parts = [numbers.get(c) for c in ("VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")]
    if "VOTE_REEL" in numbers and None not in parts and numbers["VOTE_REEL"] != sum(parts):
        wrong.append(("VOTE_REEL", N_("{voters} voters, but {for_} for + {against} against + {abstain} abstentions"
                                      " = {total}").format(
            voters=numbers["VOTE_REEL"], for_=parts[0], against=parts[1], abstain=parts[2], total=sum(parts))))
    return wrong


def _url(values: dict[str, str]) -> list[tuple[str, str]]:
    url = values.get("DELIB_URL", "")
    if url and not URI.match(url):
        return [("DELIB_URL", N_("{url} is not an address (uri)").format(url=repr(url)))]
    return []


def _budget(values: dict[str, str]) -> list[tuple[str, str]]:
    year, name = values.get("BUDGET_ANNEE", ""), values.get("BUDGET_NOM", "")
    wrong = []
    if year and not BUDGET_YEAR.match(year):
        wrong.append(("BUDGET_ANNEE", f"{year!r} is not a year or an interval YYYY/YYYY"))
    elif "/" in year:
        first, last = year.split("/")
        if int(first) >= int(last):
            wrong.append(("BUDGET_ANNEE", f"{year!r}: the interval's first year must come before its last"))
    if bool(year) != bool(name):
        wrong.append(("BUDGET_ANNEE", "BUDGET_ANNEE and BUDGET_NOM must be both filled or both empty"))
    return wrong


def siret_valid(siret: str) -> bool:
    """The Luhn checksum of a SIRET (La Poste's establishments excepted, as INSEE numbers them)."""
    total = 0
    for position, char in enumerate(reversed(siret)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    if total % 10 == 0:
        return True
    return siret.startswith(LA_POSTE) and sum(map(int, siret)) % 5 == 0


# ---------------------------------------------------------------------------------------------
# the export


@dataclass
class Export:
    rows: list[Row]
    problems: list[Problem]
    #: sidecar entries that name no deliberation of the run (a misspelt file name)
    unused: list[str]

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in self.rows:
            writer.writerow(row.values)
        return out.getvalue()


def given_values(name: str, item: int, options: dict[str, str], config: dict[str, str],
                 sidecar: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """The values given for one deliberation, with where each comes from: the configuration,
    then the command line, then the sidecar's entry for the document, then for the item."""
    given = {column: (value, "the configuration") for column, value in config.items() if value}
    given.update({column: (value, "the command line") for column, value in options.items() if value})
    for key in sidecar_keys(name, item):
        for column, value in sidecar.get(key, {}).items():
            given[column] = (value, f"the sidecar [{key}]")
    return given


def sidecar_keys(name: str, item: int) -> list[str]:
    """The sidecar entries for one deliberation, the most specific last: the document as named
    on the command line or by its file name alone, then the same with ``#item``."""
    base = Path(name.split("!")[-1]).name
    return [name, base, f"{name}#{item}", f"{base}#{item}"]


def export(documents: Iterable[tuple[str, object]], *, options: dict[str, str], config: dict[str, str],
           sidecar: dict[str, dict[str, str]], classification) -> Export:
    """The rows of the deliberations of ``documents`` (name, parsed document) and the problems
    of the rows left out."""
    check_columns(options, "command line")
    check_columns(config, "[tool.ent-lint.scdl]")
    rows, problems = [], []
    used: set[str] = set()
    for name, document in documents:
        delibs = [d for d in document.deliberations if d.deliberative]
        if not delibs:
            problems.append(Problem(name, "DELIB_ID", N_("no deliberation was recognised in this document")))
            continue
        for index, delib in enumerate(delibs, 1):
            item = index if len(delibs) > 1 else None
            used.update(sidecar_keys(name, index))
            given = given_values(name, index, options, config, sidecar)
            row, found = build_row(delib, given, name, item, classification)
            found += [Problem(name, column, message, item) for column, message in check_row(row.values)]
            if found:
                problems.extend(found)
            else:
                rows.append(row)
    return Export(rows, problems, sorted(set(sidecar) - used))
