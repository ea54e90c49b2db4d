"""Proxies written as a mark shared by two names.

Some councils do not write "X donne pouvoir à Y": they put the same mark beside the absent member
and beside the member who holds the proxy, "Présents : Anatole (Pr**), ..." and "Excusés :
Ysaline (Pr**), ...".  A mark is a proxy's abbreviation followed by asterisks or a figure.
"""

from __future__ import annotations

from typing import Optional

from .. import patterns
from ..model import Person, Proxy
from .recognisers import Case, recogniser
from .text import fold

PART = "proxy-mark"

_MARK = patterns.compile(
    r"""(?x)^\s*(?:pr|p|pouv(?:oir)?|proc(?:uration)?|procu)\.?\s*
    (?P<mark>\*{1,8}|\d{1,2})\s*$""")


@recogniser(PART, "shared-mark",
            Case("Pr**", "**"),
            Case("P1", "1"),
            Case("pouvoir 2", "2"),
            Case("procuration à Gontran", None),
            Case("jusqu'au point 3", None))
def shared_mark(note: str) -> Optional[str]:
    """"(Pr**)", "(P1)", "(pouvoir 2)": the mark beside a name that pairs it with another."""
    match = _MARK.match(fold(note))
    return match["mark"] if match else None


def _by_mark(people: list[Person]) -> dict[str, list[Person]]:
    marked: dict[str, list[Person]] = {}
    for who in people:
        mark = shared_mark.read(who.note) if who.note else None
        if mark:
            marked.setdefault(mark, []).append(who)
    return marked


def proxies_by_mark(present: list[Person], absent: list[Person]) -> tuple[list[Proxy], bool]:
    """The proxies the marks pair (grantor absent, holder present), and whether some mark could
    not be paired one to one (then the proxies are in doubt)."""
    holders, grantors = _by_mark(present), _by_mark(absent)
    proxies = []
    for mark, granting in grantors.items():
        holding = holders.get(mark, [])
        if len(granting) == 1 and len(holding) == 1:
            proxies.append(Proxy(grantor=granting[0], holder=holding[0], span=granting[0].span))
    paired = {proxy.grantor.normalized for proxy in proxies}
    unpaired = any(g.normalized not in paired for group in grantors.values() for g in group)
    return proxies, unpaired or len(holders) > len(proxies)
