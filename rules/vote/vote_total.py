"""vote-total: for + against + abstentions against the voters of the deliberation."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message

from ._helpers import expected_voters


class VoteTotal(DeliberationRule):
    """What it checks:
    For a vote given in figures, that for + against + abstentions equals the voters of that
    deliberation (the declared voters, less the members who left for this item).

    Why it matters:
    Figures that do not add up make the majority, and so the decision, uncertain.

    How to fix:
    Recount the vote; record the members who did not take part.
    """

    id = "vote-total"
    family = "vote"
    severity = "error"
    summary = "for + against + abstentions ≠ voters of that deliberation"
    source = "CGCT art. L2121-20"
    messages = {
        "total": Message("the vote adds up to {total} (for: {for_}, against: {against}, abstentions: {abstain}) "
                         "but there is {voters} voter",
                         plural="the vote adds up to {total} (for: {for_}, against: {against}, abstentions: "
                                "{abstain}) but there are {voters} voters", count="voters",
                         fix="recount the vote and the voters of this item"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 15
Nombre de membres présents : 12
Nombre de votants : 14
Délibération n° 2024-07 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, FIXE les tarifs,
par 10 voix pour, 2 contre et 1 abstention.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 15
Nombre de membres présents : 12
Nombre de votants : 14
Délibération n° 2024-07 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, FIXE les tarifs,
par 11 voix pour, 2 contre et 1 abstention.
""")

    def check_deliberation(self, delib, document, text):
        vote = delib.vote
        if vote.for_ is None or not delib.sure("vote", "counts.voting"):
            return
        cast = vote.for_ + (vote.against or 0)
        total = cast + (vote.abstain or 0)
        expected = expected_voters(delib)
        if expected and total not in expected and cast not in expected:
            yield self.hit("total", delib.spans.get("vote"), total=total, for_=vote.for_,
                           against=vote.against or 0, abstain=vote.abstain or 0, voters=sorted(expected)[-1])
