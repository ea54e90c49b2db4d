"""term-inconsistency: one notion named two ways in one document."""

from __future__ import annotations

from ent_lint import patterns
from ent_lint.engine import KINDS, Examples, Message, Rule

# Notions that one document should name one way: notion -> {variant: pattern in folded text}.
TERMS = {
    "ENT": {
        "Espace Numérique de Travail": patterns.compile(r"\bespaces?\s+numeriques?\s+de\s+travail\b"),
        "Environnement Numérique de Travail": patterns.compile(r"\benvironnements?\s+numeriques?\s+de\s+travail\b"),
    },
}
#: for each notion, a word that every variant's pattern holds (not optional): a text without it
#: names the notion no way, and is spared the scans (for speed)
WORDS = {"ENT": "numerique"}


class TermInconsistency(Rule):
    """What it checks:
    One notion named two ways in one document, e.g. "Espace Numérique de Travail" and
    "Environnement Numérique de Travail" for the ENT.

    Why it matters:
    Two names for one thing invite the question whether two things are meant.

    How to fix:
    Use one name throughout.
    """

    id = "term-inconsistency"
    family = "convention"
    severity = "info"
    summary = "one notion named two ways in one document"
    source = "form"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "two-names": Message("the {notion} is called « {variant} » here and « {main} » elsewhere",
                             fix="write « {main} » throughout"),
    }
    examples = Examples(
        bad="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Objet
La DSDEN ouvre l'Espace Numérique de Travail aux écoles de la commune.
Annexe : écoles raccordées à l'Environnement Numérique de Travail
""",
        good="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Objet
La DSDEN ouvre les espaces numériques de travail aux écoles de la commune.
Annexe : écoles raccordées à l'Espace Numérique de Travail
""")

    def check(self, document, text):
        for notion, variants in TERMS.items():
            if WORDS[notion] not in text.folded:
                continue
            found = {variant: [span for _, span in text.find(pattern)] for variant, pattern in variants.items()}
            ranked = sorted(((variant, spans) for variant, spans in found.items() if spans),
                            key=lambda item: -len(item[1]))
            for variant, spans in ranked[1:]:
                yield self.hit("two-names", spans[0], notion=notion, variant=variant, main=ranked[0][0])
