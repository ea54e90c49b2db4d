"""member-total: the members in office against the distinct members named in the lists."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.model import Person
from ent_lint.people import find, present_people

from .._common import first_span
from ._helpers import part_of_sitting, substitutes


def _distinct(named: list[Person]) -> int:
    """How many people the entries name, each written one way or another."""
    people, keys = [], set()
    for who in named:
        if who.normalized in keys or find(people, who) is not None:
            continue  # the same key is the same person: no need to compare with each
        keys.add(who.normalized)
        people.append(who)
    return len(people)


class MemberTotal(DeliberationRule):
    """What it checks:
    Members in office against the distinct members named across the present, represented and
    absent lists, when the document gives all three.

    Why it matters:
    A member missing from every list, or one named twice, hides an attendance error.

    How to fix:
    Name every member in office in exactly one list.
    """

    id = "member-total"
    family = "attendance"
    severity = "error"
    summary = "members in office ≠ distinct members named in the lists"
    source = "register consistency"
    messages = {
        "mismatch": Message("{in_office} members in office, but {named} distinct member is named as present, "
                            "represented or absent",
                            plural="{in_office} members in office, but {named} distinct members are named as "
                                   "present, represented or absent", count="named",
                            fix="name every member in office once, in the present, proxy or absent list"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 8
Le conseil municipal s'est réuni sous la présidence de M. Jean DURAND, Maire.
Présents : Paul MARTIN - Anne ROUX - Luc PETIT - Marie BLANC
Pouvoirs :
Hugo FAURE à Paul MARTIN
Absents : Léa GIRAUD
Secrétaire de séance : Anne ROUX
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 8
Le conseil municipal s'est réuni sous la présidence de M. Jean DURAND, Maire.
Présents : Paul MARTIN - Anne ROUX - Luc PETIT - Marie BLANC
Pouvoirs :
Hugo FAURE à Paul MARTIN
Absents : Léa GIRAUD - Noé VIDAL
Secrétaire de séance : Anne ROUX
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        if delib.counts.in_office is None or not delib.lists_complete or delib.attendance_changed:
            return
        if not delib.sure("counts.in_office", "present", "proxies", "absent") or part_of_sitting(delib):
            return
        sitting_for = substitutes(delib)  # a substitute sits for a member named absent: one seat
        present = [p for p in present_people(delib) if p not in sitting_for]
        named = _distinct(present + [p.grantor for p in delib.proxies] + delib.absent)
        if named != delib.counts.in_office:
            yield self.hit("mismatch", first_span(delib, "counts.in_office"),
                           in_office=delib.counts.in_office, named=named)
