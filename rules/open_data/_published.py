"""What the open-data rules share: the facts taken from each act, the published CSV, and the
matching of its rows to the acts (by number and date).

A row and an act are the same deliberation when their numbers are the same without separators
("2023/11/27-31" and "2023_11_27_31") and their dates are the same; a row whose number is that of
one act only, at another date, is that act with a wrong date.  An act that states no number is
matched by its date and subject.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from ent_lint.actes import number_key, subject_key
from ent_lint.engine import ArchiveRule, Option
from ent_lint.errors import ConfigError
from ent_lint.findings import Location
from ent_lint.scdl import VOTES, one_line, stated_votes

CSV_OPTION = {"csv": Option(str, "", "the published SCDL CSV to compare with the acts (set by --scdl)")}


def act_facts(document) -> list[dict]:
    """Each deliberation's number, date, subject and stated votes, with where they were read."""
    facts = []
    for delib in document.deliberations:
        if not delib.deliberative:
            continue
        span = delib.spans.get("number") or delib.spans.get("title")
        facts.append({
            "number": delib.number if delib.sure("number") else None,
            "date": delib.session.date.isoformat() if delib.session.date and delib.sure("session.date") else None,
            "subject": one_line(delib.title) if delib.title and delib.sure("title") else None,
            "votes": stated_votes(delib),
            "unanimous": bool(delib.vote.unanimous) and delib.sure("vote"),
            "page": span.page if span else None, "line": span.line if span else None,
            "evidence": span.text if span else None,
        })
    return facts


@dataclass
class Act:
    path: str
    fact: dict

    @property
    def location(self) -> Location:
        return Location(self.path, self.fact.get("page"), self.fact.get("line"), self.fact.get("evidence"))

    @property
    def name(self) -> str:
        return self.fact.get("number") or self.fact.get("subject") or "(no number)"


@dataclass
class Row:
    line: int  # in the CSV file, the header being line 1
    values: dict[str, str]

    def location(self, path: str) -> Location:
        return Location(path, None, self.line, ",".join(self.values.get(c, "") for c in ("DELIB_ID", "DELIB_DATE")))


@dataclass
class Matching:
    pairs: list[tuple[Act, Row]] = field(default_factory=list)
    acts_alone: list[Act] = field(default_factory=list)
    rows_alone: list[Row] = field(default_factory=list)


def read_rows(path: str) -> list[Row]:
    """The rows of a published CSV (comma or semicolon separated, UTF-8 with or without BOM)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: the published CSV cannot be read ({exc})") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    missing = [c for c in ("DELIB_ID", "DELIB_DATE") if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"{path}: not an SCDL deliberations CSV (no {missing[0]} column)")
    return [Row(number + 2, {k: (v or "").strip() for k, v in row.items() if k})
            for number, row in enumerate(reader)]


def match(facts: list[tuple[str, Any]], rows: list[Row]) -> Matching:
    """Each row of the CSV paired with the act it publishes: first the same number and date,
    then an act of that number alone, or one with no number by its date and subject."""
    acts = [Act(path, fact) for path, fact in facts]
    found = Matching()
    taken: set[int] = set()
    rows_left = []
    for row in rows:
        act = next((a for a in acts if id(a) not in taken and _same_number_and_date(a, row)), None)
        if act is None:
            rows_left.append(row)
        else:
            _pair(found, taken, act, row)
    for row in rows_left:
        act = (_one(acts, taken, lambda a, row=row: _same_number(a, row))
               or _one(acts, taken, lambda a, row=row: _same_date_and_subject(a, row)))
        if act is None:
            found.rows_alone.append(row)
        else:
            _pair(found, taken, act, row)
    found.acts_alone = [a for a in acts if id(a) not in taken]
    return found


def _pair(found: Matching, taken: set[int], act: Act, row: Row) -> None:
    found.pairs.append((act, row))
    taken.add(id(act))


def _one(acts: list[Act], taken: set[int], fits) -> Optional[Act]:
    """The only act not paired yet that ``fits``, or None (none, or several)."""
    candidates = [a for a in acts if id(a) not in taken and fits(a)]
    return candidates[0] if len(candidates) == 1 else None


def _same_number_and_date(act: Act, row: Row) -> bool:
    key = (number_key(row.values.get("DELIB_ID", "")), _date(row.values.get("DELIB_DATE")))
    return bool(act.fact["number"]) and (number_key(act.fact["number"]), act.fact["date"]) == key


def _same_number(act: Act, row: Row) -> bool:
    number = number_key(row.values.get("DELIB_ID", ""))
    return bool(act.fact["number"] and number) and number_key(act.fact["number"]) == number


def _same_date_and_subject(act: Act, row: Row) -> bool:
    return (not act.fact["number"] and bool(act.fact["subject"])
            and act.fact["date"] == _date(row.values.get("DELIB_DATE"))
            and subject_key(act.fact["subject"]) == subject_key(row.values.get("DELIB_OBJET", "")))


def _date(text: Optional[str]) -> Optional[str]:
    """An ISO date as written in the CSV; a French one ("27/11/2023") made ISO."""
    text = (text or "").strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date().isoformat()
    except ValueError:
        return text or None


def differences(act: Act, row: Row) -> dict[str, list]:
    """What the row says otherwise than the act: "date", "subject", "votes" (column, act, row)."""
    found: dict[str, list] = {}
    row_date = _date(row.values.get("DELIB_DATE"))
    if act.fact["date"] and row_date and row_date != act.fact["date"]:
        found["date"] = [act.fact["date"], row_date]
    subject = row.values.get("DELIB_OBJET", "")
    if act.fact["subject"] and subject and subject_key(subject) != subject_key(act.fact["subject"]):
        found["subject"] = [act.fact["subject"], subject]
    votes = []
    for column in VOTES:
        stated, published = act.fact["votes"].get(column), row.values.get(column, "")
        if stated is not None and published.isdigit() and int(published) != stated:
            votes.append((column, stated, int(published)))
    against = row.values.get("VOTE_CONTRE", "")
    if act.fact["unanimous"] and "VOTE_CONTRE" not in act.fact["votes"] and against.isdigit() and int(against):
        votes.append(("VOTE_CONTRE", 0, int(against)))
    if votes:
        found["votes"] = votes
    return found


class PublishedCsvRule(ArchiveRule):
    """An archive rule over the acts and the published CSV given by its option ``csv``; silent
    without one.  The CSV is read when the rule is built: one that cannot be read is a usage
    error, not a finding."""

    options = CSV_OPTION

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.rows = read_rows(self.settings["csv"]) if self.settings["csv"] else None

    def collect(self, document, text) -> list:
        return act_facts(document) if self.rows is not None else []

    def matching(self, facts: list[tuple[str, Any]]) -> Optional[Matching]:
        return match(facts, self.rows) if self.rows is not None else None


# The examples of the family: one act, and published CSVs that say it right or wrong.
EXAMPLE_ACT = """\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Commune de Saint-Alban-des-Prés
Séance du 14 mars 2024
Membres en exercice : 15
Présents : 12
Votants : 12
Délibération n° 2024-012 : Tarifs de la cantine scolaire
Le conseil municipal, après en avoir délibéré, par 10 voix pour, 1 contre et 1 abstention, FIXE les tarifs.
"""


def example_csv(*rows: str) -> str:
    """A published CSV with the columns the family compares, and ``rows``."""
    return "\n".join(["DELIB_ID,DELIB_DATE,DELIB_OBJET,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION", *rows]) + "\n"
