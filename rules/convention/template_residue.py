"""template-residue: template text left unfilled."""

from __future__ import annotations

import regex

from ent_lint import patterns
from ent_lint.engine import KINDS, Examples, Message, Rule

# Template text, in folded text: a form not chosen ("3 an(s)"), a field in capitals ("[MONTANT]",
# "<NOM DU MAIRE>", "XXX"), a name left as a line ("M. ______"), the two civilities of a model
# left side by side ("Madame/Monsieur le Maire"), a mail-merge field ("{{nom}}").
RESIDUE = patterns.compile(
    r"""(?<!\w)
        (?:\d+\s+(?:an|mois|annee|jour|semaine|exemplaire|page|ecole|classe)\(s\)
         |(?P<capitals>\[[a-z0-9 _/'-]{3,40}\]|<[a-z _]{3,30}>|\bx{3,}\b)
         |\b(?:m|mme|monsieur|madame)\.?\s*_{3,}
         |\b(?:madame|monsieur|mme|m)\b\.?\s*/\s*(?:madame|monsieur|mme|m)\b\.?
         |\{\{[^}]{1,40}\}\})""", regex.VERBOSE)
#: what every match of RESIDUE holds, one of them: a text without any is spared its scan (for speed)
_MARKS = ("(s)", "[", "<", "xxx", "___", "/", "{{")


class TemplateResidue(Rule):
    """What it checks:
    Template text left unfilled: "3 an(s)", "[MONTANT]", "M. ______", "XXX".  A field counts
    only in capitals, as templates write them: "[sic]" or "[voir annexe]" is the writer's own.

    Why it matters:
    Residue shows the template was not finished; the prefecture reads the act as a draft.

    How to fix:
    Choose the form ("3 ans") or fill the field.
    """

    id = "template-residue"
    family = "convention"
    severity = "warning"
    summary = "template left unfilled: \"3 an(s)\", \"[MONTANT]\", \"M. ______\", \"XXX\""
    source = "completeness"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "residue": Message("a choice or blank of the model left as it was: « {residue} »",
                           fix="fill in the blank or keep only the right choice"),
    }
    examples = Examples(
        bad="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Représentée par M. ______, Maire,
Et la DSDEN du Var, d'autre part,
Article 1. Durée
La présente convention est conclue pour une durée de 3 an(s).
""",
        good="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Représentée par M. Paul RIGAUD, Maire,
Et la DSDEN du Var, d'autre part,
Article 1. Durée
La présente convention est conclue pour une durée de 3 ans [voir annexe].
""")

    def check(self, document, text):
        if not any(mark in text.folded for mark in _MARKS):
            return
        for match, span in text.find(RESIDUE):
            if match["capitals"] and any(char.islower() for char in span.text):
                continue
            yield self.hit("residue", span, residue=span.text)
