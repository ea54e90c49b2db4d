"""end-date-mismatch: the end date the council approved against the convention's."""

from __future__ import annotations

import datetime as dt

from ent_lint.engine import Examples, Message, Rule


class EndDateMismatch(Rule):
    """What it checks:
    The end date of the convention stated in the deliberation against the convention's own.

    Why it matters:
    The council approved a term; a convention ending on another date is not the one approved.

    How to fix:
    Write the same end date in both.
    """

    id = "end-date-mismatch"
    family = "convention"
    severity = "error"
    summary = "end date in the deliberation ≠ end date in the convention"
    source = "consistency"
    # in minutes, a convention annexed to one item cannot be matched to the others
    kinds = ("extract", "convention")
    messages = {
        "end": Message("the deliberation ends the convention on {deliberation:date}, "
                       "the convention on {convention:date}"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention
qui prendra fin le 27 décembre 2026.

Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Durée
La présente convention prendra fin le 31 août 2026.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention
qui prendra fin le 27 décembre 2026.

Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Durée
La présente convention prendra fin le 27 décembre 2026.
""")

    def check(self, document, text):
        for conv in document.conventions:
            for delib in document.deliberations:
                if (isinstance(delib.convention_end, dt.date) and isinstance(conv.end_date, dt.date)
                        and delib.convention_end != conv.end_date):
                    yield self.hit("end", conv.spans.get("end_date"), deliberation=delib.convention_end.isoformat(),
                                   convention=conv.end_date.isoformat())
