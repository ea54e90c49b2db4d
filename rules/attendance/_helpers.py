"""What the attendance rules share: members listed for part of the sitting only."""

from __future__ import annotations

from ent_lint.model import Deliberation


def part_of_sitting(delib: Deliberation) -> bool:
    """Whether a member is listed for part of the sitting only ("à partir de la question 14"):
    the declared counts may then describe the opening or the later items."""
    return any(p.for_part_of_sitting for p in delib.present + delib.absent
               + [x.grantor for x in delib.proxies])
