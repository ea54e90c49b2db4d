"""What the attendance rules share: members listed for part of the sitting only."""

from __future__ import annotations

import re

from ent_lint.model import Deliberation, Person
from ent_lint.people import find, person


def part_of_sitting(delib: Deliberation) -> bool:
    """Whether a member is listed for part of the sitting only ("à partir de la question 14"):
    the declared counts may then describe the opening or the later items."""
    return any(p.for_part_of_sitting for p in delib.present + delib.absent
               + [x.grantor for x in delib.proxies])


# the note beside a substitute who sits and votes for a member of a committee: "suppléant de M.
# Yves BROSSEAU", "suppléante de Mme X", "en remplacement de M. X"
_STANDS_IN_FOR = re.compile(
    r"^\s*(?:suppl[ée]ante?|en\s+remplacement|rempla[çc]ante?)\s+(?:de\s+|d'|du\s+)?(?:titulaire\s+)?"
    r"(?P<who>[^()]{2,60}?)\s*\.?$", re.IGNORECASE)


def substitutes(delib: Deliberation) -> list[Person]:
    """The members present who sit for a member named absent ("M. Paul ROUX (suppléant de M. Yves
    BROSSEAU)", Yves BROSSEAU excused): in the present count, not among the members in office."""
    found = []
    for who in delib.present:
        match = _STANDS_IN_FOR.match(who.note or "")
        if match and find(delib.absent, person(match["who"])) is not None:
            found.append(who)
    return found
