"""deliberation-number-date: a deliberation number that embeds another date than the sitting's."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message

from .._common import embedded_date, first_span


class DeliberationNumberDate(DeliberationRule):
    """What it checks:
    A deliberation number that embeds a date ("2023/11/27-31") against the sitting's date.

    Why it matters:
    A number copied from another sitting points to the wrong act in the register and in
    @actes.

    How to fix:
    Renumber the deliberation with the sitting's date.
    """

    id = "deliberation-number-date"
    family = "dates"
    severity = "warning"
    summary = "a number that embeds a date other than the sitting's"
    source = "consistency"
    messages = {
        "other-date": Message("number {number} embeds {embedded:date}, but the sitting is on {sitting:date}",
                              fix="use the sitting's date in the number"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Délibération n° 2023/10/16-12 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Délibération n° 2023/11/27-12 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        if not delib.number or delib.session.date is None:
            return
        embedded = embedded_date(delib.number)
        if embedded and embedded != delib.session.date:
            yield self.hit("other-date", first_span(delib, "number"), number=delib.number,
                           embedded=embedded.isoformat(), sitting=delib.session.date.isoformat())
