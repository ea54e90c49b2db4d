"""What the vote rules share: the voters a vote may add up to."""

from __future__ import annotations

from ent_lint.model import Deliberation
from ent_lint.people import present_people, same_person


def expected_voters(delib: Deliberation) -> set[int]:
    """The voter figures a vote of this item may add up to."""
    counts = delib.counts
    leaving = len(delib.not_voting)
    if delib.attendance_changed or counts.voting is None:
        # voters counted from the lists: only lists read whole and with certainty
        if not delib.present or not delib.lists_complete or not delib.sure("present", "proxies"):
            return set()
        return {len(present_people(delib)) + len(delib.proxies) - leaving}
    if delib.counts_for_item:
        return {counts.voting}
    # a member who withdraws takes the proxies he holds along: they are not voted either
    held = sum(1 for proxy in delib.proxies for who in delib.not_voting if same_person(proxy.holder, who))
    return {counts.voting, counts.voting - leaving, counts.voting - leaving - held}
