"""duplicate-number: one deliberation number on two acts with different subjects."""

from __future__ import annotations

from typing import Optional

from ent_lint.engine import ArchiveRule, Examples, Message
from ent_lint.findings import Location

from ._numbers import number_facts, numbered_per_sitting, same_subject


class DuplicateNumber(ArchiveRule):
    """What it checks:
    Across every document of a run, one deliberation number given to two or more acts of the
    same collectivity whose subjects differ.  The same act found twice (its extract and the
    minutes of its sitting) is one act: subjects are compared by their words, not to the letter.
    Numbers with a year ("2024-07") are compared whatever the sitting; serial numbers without
    one ("Délibération n° 12") within the sitting's year, since they start again each year (or
    within the sitting when the collectivity numbers each sitting from 1); a place on the agenda
    ("3) Tarifs") only within its own document.

    Why it matters:
    The number identifies the act in the register, in @actes and in every later reference to it:
    a number shared by two acts leaves it unclear which one a later decision amends or repeals.

    How to fix:
    Give each act its own number, and correct the register, the extracts and @actes alike.
    """

    id = "duplicate-number"
    family = "register"
    severity = "warning"
    summary = "one deliberation number on acts with different subjects"
    source = "register consistency"
    messages = {
        "shared": Message("number {number} is given to {count} acts with different subjects ({authority})",
                          fix="give each act its own number in the register"),
        "shared_in_year": Message("number {number} is given to {count} acts with different subjects in {year}"
                                  " ({authority})", fix="give each act of the year its own number"),
        "shared_at_sitting": Message("number {number} is given to {count} acts with different subjects at the"
                                     " sitting of {sitting:date} ({authority})",
                                     fix="give each act of the sitting its own number"),
    }
    examples = Examples(
        bad="""\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2024

Délibération n° 2024-07 : Subventions aux associations
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les subventions.

Délibération n° 2024-07 : Tarifs de la cantine scolaire
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2024

Délibération n° 2024-07 : Subventions aux associations
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les subventions.

Délibération n° 2024-08 : Tarifs de la cantine scolaire
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""")

    def collect(self, document, text):
        return number_facts(document, text)

    def finish(self, facts):
        groups: dict[tuple, list[tuple[str, dict]]] = {}
        for path, fact, scope in _scoped(facts):
            groups.setdefault((fact["collectivity"], fact["key"], scope), []).append((path, fact))
        found = []
        for (_, _, scope), members in groups.items():
            acts = _acts(fact["subject"] for _, fact in members)
            if acts < 2:
                continue
            members.sort(key=lambda m: (m[0], m[1]["page"] or 0, m[1]["line"] or 0))
            places = {(path, f["page"], f["line"]): Location(path, f["page"], f["line"], f["evidence"])
                      for path, f in members}
            first = members[0][1]
            found.append(self._hit(scope, list(places.values()), number=first["number"], count=acts,
                                   authority=first["authority"]))
        return sorted(found, key=lambda hit: (hit.locations[0].path, hit.locations[0].page or 0,
                                              hit.locations[0].line or 0))

    def _hit(self, scope: tuple, locations: list, **args):
        """The message names the year or the sitting the number is unique in, when it has no year."""
        if scope and scope[0] == "year":
            return self.hit("shared_in_year", locations=locations, year=int(scope[1]), **args)
        if scope:
            return self.hit("shared_at_sitting", locations=locations, sitting=scope[-1], **args)
        return self.hit("shared", locations=locations, **args)


def _scoped(facts):
    """Each fact with the scope its number is unique in (see :func:`_scope`); a serial whose
    sitting date is unknown cannot be placed and is left out."""
    year_pools: dict[tuple, list[dict]] = {}
    for _, fact in facts:
        if _serial_of_the_year(fact):
            year_pools.setdefault((fact["collectivity"], fact["sitting"][:4]), []).append(fact)
    per_sitting = {pool for pool, members in year_pools.items() if numbered_per_sitting(members)}
    for path, fact in facts:
        scope = _scope(path, fact, per_sitting)
        if scope is not None:
            yield path, fact, scope


def _serial_of_the_year(fact: dict) -> bool:
    """A number of the register without a year or a date, at a known sitting ("Délibération n° 12")."""
    return fact["year"] is None and not fact["dated"] and fact["register"] and bool(fact["sitting"])


def _scope(path: str, fact: dict, per_sitting: set) -> Optional[tuple]:
    """Nothing for a number with a year or a date; the year for a serial of the register (the
    sitting when the collectivity numbers each sitting from 1); the document and sitting for a
    place on the agenda; None when the sitting a serial needs is unknown."""
    if fact["year"] is not None or fact["dated"]:
        return ()
    if not fact["sitting"]:
        return None
    if not fact["register"]:
        return ("sitting", path, fact["sitting"])
    year = fact["sitting"][:4]
    if (fact["collectivity"], year) in per_sitting:
        return ("sitting", None, fact["sitting"])
    return ("year", year)


def _acts(subjects) -> int:
    """How many different acts these subjects name: a subject like one already seen is that act."""
    acts: list[list[str]] = []
    for subject in subjects:
        act = next((a for a in acts if any(same_subject(subject, other) for other in a)), None)
        if act is None:
            acts.append([subject])
        else:
            act.append(subject)
    return len(acts)
