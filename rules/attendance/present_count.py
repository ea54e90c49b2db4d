"""present-count: the members declared present against the members listed present."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.people import present_people

from .._common import first_span
from ._helpers import part_of_sitting


class PresentCount(DeliberationRule):
    """What it checks:
    The number of members declared present against the members listed present.  The presiding
    mayor counts as present whether or not the list names him.

    Why it matters:
    The present count decides the quorum and the number of voters; a count that does not match
    its own list makes the prefecture ask which one is true.

    How to fix:
    Count the names again, add the missing member to the list or correct the figure.
    """

    id = "present-count"
    family = "attendance"
    severity = "error"
    summary = "declared present ≠ members listed present (the presiding mayor counts)"
    source = "register consistency"
    messages = {
        "mismatch": Message("{declared} members declared present, but {listed} is listed present",
                            plural="{declared} members declared present, but {listed} are listed present",
                            count="listed",
                            fix="make the present count and the present list agree"),
        "mismatch-president": Message("{declared} members declared present, but {listed} is listed present "
                                      "(the president included)",
                                      plural="{declared} members declared present, but {listed} are listed "
                                             "present (the president included)", count="listed",
                                      fix="make the present count and the present list agree"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 7
Nombre de membres présents : 7
Le conseil municipal s'est réuni sous la présidence de M. Jean DURAND, Maire.
Présents : Paul MARTIN - Anne ROUX - Luc PETIT - Marie BLANC - Hugo FAURE
Absents : Léa GIRAUD
Secrétaire de séance : Anne ROUX
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 7
Nombre de membres présents : 6
Le conseil municipal s'est réuni sous la présidence de M. Jean DURAND, Maire.
Présents : Paul MARTIN - Anne ROUX - Luc PETIT - Marie BLANC - Hugo FAURE
Absents : Léa GIRAUD
Secrétaire de séance : Anne ROUX
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        declared = delib.counts.present
        if declared is None or not delib.present or delib.attendance_changed:
            return
        if not delib.sure("counts.present", "present") or part_of_sitting(delib):
            return
        listed = len(present_people(delib))
        allowed = {listed} if delib.session.president else {listed, listed + 1}
        if declared not in allowed:
            yield self.hit("mismatch-president" if delib.session.president else "mismatch",
                           first_span(delib, "counts.present", "list.present"), declared=declared, listed=listed)
