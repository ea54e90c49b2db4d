"""person-in-two-lists: one member listed present and also absent or represented."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.model import Deliberation, Person
from ent_lint.people import same_person


def _one_member(who: Person, other: Person) -> bool:
    """Whether two entries of the lists name one member: the same key, or the same person
    written with a full name on both sides (a surname alone may name another member)."""
    if who.normalized == other.normalized:
        return True
    return same_person(who, other) and len(who.normalized.split()) > 1 and len(other.normalized.split()) > 1


def _not_present(delib: Deliberation) -> list[tuple[Person, str]]:
    """The members listed absent or represented for the whole sitting, with their list."""
    others = [(p, "absent") for p in delib.absent] + [(p.grantor, "represented") for p in delib.proxies]
    return [(other, where) for other, where in others if not other.for_part_of_sitting]


class PersonInTwoLists(DeliberationRule):
    """What it checks:
    That no member is listed both present and absent, or both present and represented.

    Why it matters:
    A member cannot be in the room and represented at once; the counts built on the lists are
    then wrong.

    How to fix:
    Keep the member in the one list that is true.
    """

    id = "person-in-two-lists"
    family = "attendance"
    severity = "error"
    summary = "one member both present and absent or represented"
    source = "register consistency"
    messages = {
        "absent": Message("{name} is listed present and absent",
                          fix="a member is either present, represented or absent"),
        "represented": Message("{name} is listed present and represented",
                               fix="a member is either present, represented or absent"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND - Patrick GARNIER - Anne ROUX - Luc PETIT
Pouvoirs :
Patrick GARNIER à Anne ROUX
Absents : Léa GIRAUD
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND - Patrick GARNIER - Anne ROUX - Luc PETIT
Pouvoirs :
Jean-Pascal GARNIER à Anne ROUX
Absents : Léa GIRAUD
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        if delib.attendance_changed or not delib.sure("present", "absent", "proxies"):
            return
        others = _not_present(delib)
        for who in delib.present:
            if who.for_part_of_sitting:
                continue  # "present until item 62" may be "represented from item 63"
            for other, where in others:
                if _one_member(who, other):
                    yield self.hit(where, other.span or who.span, name=who.name)
