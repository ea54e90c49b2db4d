"""unanimity-with-dissent: "à l'unanimité" stated with votes against."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message


class UnanimityWithDissent(DeliberationRule):
    """What it checks:
    "À l'unanimité" stated together with votes against.  Abstentions are not votes cast, so
    unanimity with abstentions is correct usage.

    Why it matters:
    A unanimous vote with votes against is a contradiction that a court reads against the act.

    How to fix:
    Write the figures ("par 27 voix pour et 2 contre") instead of "à l'unanimité".
    """

    id = "unanimity-with-dissent"
    family = "vote"
    severity = "error"
    summary = "\"unanimité\" stated with votes against"
    source = "CGCT art. L2121-20"
    messages = {
        "against": Message("unanimity is stated with {against} vote against",
                           plural="unanimity is stated with {against} votes against", count="against",
                           fix="state the vote in figures instead of « à l'unanimité »"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 29
Nombre de votants : 29
Délibération n° 2024-07 : Tarifs de la salle des fêtes
Le conseil municipal, après en avoir délibéré, FIXE les tarifs de location.
Adopté à l'unanimité (Pour : 27, Contre : 2).
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 29
Nombre de votants : 29
Délibération n° 2024-07 : Tarifs de la salle des fêtes
Le conseil municipal, après en avoir délibéré, FIXE les tarifs de location.
Adopté à l'unanimité (Pour : 27, Abstentions : 2).
""")

    def check_deliberation(self, delib, document, text):
        if delib.vote.unanimous and delib.vote.against and delib.sure("vote"):
            yield self.hit("against", delib.spans.get("vote"), against=delib.vote.against)
