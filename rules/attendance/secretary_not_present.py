"""secretary-not-present: no secretary of the sitting named, or one who is not present."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.people import find, present_people

from .._common import first_span


class SecretaryNotPresent(DeliberationRule):
    """What it checks:
    That a secretary of the sitting is named, and is among the members present.

    Why it matters:
    The council names one of its members secretary at the start of each sitting (CGCT
    L2121-15); since July 2022 the secretary signs the deliberations.

    How to fix:
    Name the secretary chosen among the members present.
    """

    id = "secretary-not-present"
    family = "attendance"
    severity = "error"
    summary = "no secretary named, or the secretary is not among the present"
    source = "CGCT art. L2121-15"
    messages = {
        "unnamed": Message("no secretary of the sitting is named",
                           fix="add « Secrétaire de séance : » with the member chosen", severity="warning"),
        "not-present": Message("the secretary {secretary} is not listed present",
                               fix="the secretary must be chosen among the members present"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT
Absents : Léa GIRAUD
Secrétaire de séance : Léa GIRAUD
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT
Absents : Léa GIRAUD
Secrétaire de séance : Mme ROUX Anne
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        if not delib.present or not delib.sure("present", "secretary"):
            return
        if delib.secretary is None:
            yield self.hit("unnamed", first_span(delib, "list.present"))
        elif find(present_people(delib), delib.secretary) is None:
            yield self.hit("not-present", delib.spans.get("secretary"), secretary=delib.secretary.name)
