"""Votes: figures against voters, unanimity, a stated outcome."""

from __future__ import annotations

from ent_lint.engine import Rule

from ent_lint.people import present_people

from ._common import first_span


def expected_voters(delib) -> set[int]:
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
    return {counts.voting, counts.voting - leaving}


class VoteTotal(Rule):
    """What it checks:
    For a vote given in figures, that for + against + abstentions equals the voters of that
    deliberation (the declared voters, less the members who left for this item).

    Why it matters:
    Figures that do not add up make the majority, and so the decision, uncertain.

    Example:
    "Votants : 30" and "par 20 voix pour, 3 contre et 2 abstentions" (25).

    How to fix:
    Recount the vote; record the members who did not take part.
    """

    id = "vote-total"
    family = "vote"
    severity = "error"
    summary = "for + against + abstentions ≠ voters of that deliberation"
    source = "CGCT art. L2121-20"

    def check(self, document):
        for delib in document.deliberations:
            vote = delib.vote
            if vote.for_ is None or not delib.sure("vote", "counts.voting"):
                continue
            cast = vote.for_ + (vote.against or 0)
            total = cast + (vote.abstain or 0)
            expected = expected_voters(delib)
            if expected and total not in expected and cast not in expected:
                want = sorted(expected)[-1]
                yield self.hit(
                    f"the vote adds up to {total} ({vote.for_} for, {vote.against or 0} against, "
                    f"{vote.abstain or 0} abstentions) but there are {want} voters",
                    delib.spans.get("vote"), fix="recount the vote and the voters of this item")


class UnanimityWithDissent(Rule):
    """What it checks:
    "À l'unanimité" stated together with votes against.  Abstentions are not votes cast, so
    unanimity with abstentions is correct usage.

    Why it matters:
    A unanimous vote with votes against is a contradiction that a court reads against the act.

    Example:
    "Adopté à l'unanimité (Pour : 27, Contre : 2)".

    How to fix:
    Write the figures ("par 27 voix pour et 2 contre") instead of "à l'unanimité".
    """

    id = "unanimity-with-dissent"
    family = "vote"
    severity = "error"
    summary = "\"unanimité\" stated with votes against"
    source = "CGCT art. L2121-20"

    def check(self, document):
        for delib in document.deliberations:
            if delib.vote.unanimous and delib.vote.against and delib.sure("vote"):
                yield self.hit(f"unanimity is stated with {delib.vote.against} votes against",
                               delib.spans.get("vote"),
                               fix="state the vote in figures instead of « à l'unanimité »")


class VoteMissing(Rule):
    """What it checks:
    A deliberation whose outcome is not stated: neither "à l'unanimité" nor figures.

    Why it matters:
    The register must record the result of each vote (CGCT L2121-23); without it the act
    cannot be checked.

    Example:
    "Après en avoir délibéré, le conseil municipal APPROUVE..." and no vote.

    How to fix:
    Add the outcome: « à l'unanimité » or « par N voix pour, N contre et N abstentions ».
    """

    id = "vote-missing"
    family = "vote"
    severity = "warning"
    summary = "a deliberation without a stated outcome"
    source = "CGCT art. L2121-23"
    kinds = ("extract", "minutes")

    def check(self, document):
        # minutes summarise the debates: an outcome left out there is worth a note, not a warning;
        # so is a document taken for an extract without saying it is one
        severity = None if document.kind == "extract" and document.title else "info"
        for delib in document.deliberations:
            if delib.vote.stated or not (delib.decisions or delib.deliberative) or not delib.sure("vote"):
                continue
            yield self.hit(
                f"deliberation {delib.number or delib.title or ''} states no vote".replace("  ", " "),
                first_span(delib, "number", "title", "deliberated"),
                fix="state the outcome of the vote", severity=severity)


RULES = [VoteTotal, UnanimityWithDissent, VoteMissing]
