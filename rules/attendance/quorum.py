"""quorum: more than half of the members in office physically present, or a second convocation."""

from __future__ import annotations

from ent_lint import reference
from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.model import Deliberation
from ent_lint.people import present_people

from .._common import first_span


def _present(delib: Deliberation) -> int | None:
    """The members present: the declared count, else the present list read with certainty."""
    if delib.counts.present is None and delib.present and delib.sure("present"):
        return len(present_people(delib))
    return delib.counts.present


class Quorum(DeliberationRule):
    """What it checks:
    That more than half of the members in office were physically present (proxies do not
    count), unless the document says the council met on a second convocation "sans condition
    de quorum".  In the COVID-19 windows (until 30/09/2021, and 10/11/2021 to 31/07/2022) one
    third sufficed.

    Why it matters:
    A deliberation taken without quorum is illegal and is annulled by the administrative court.

    How to fix:
    If the quorum was not reached, the sitting must be convened again (three days at least);
    mention the second convocation in the deliberation.
    """

    id = "quorum"
    family = "attendance"
    severity = "error"
    summary = "present ≤ half of members in office, no second convocation mentioned"
    source = "CGCT art. L2121-17; " + reference.COVID_SOURCE
    messages = {
        "not-reached": Message("quorum not reached: {present} member present of {in_office} in office ({needed} needed)",
                               plural="quorum not reached: {present} members present of {in_office} in office "
                                      "({needed} needed)", count="present",
                               fix="convene the council again, or mention the second convocation"),
        "not-reached-covid": Message("quorum not reached: {present} member present of {in_office} in office "
                                     "({needed} needed, COVID-19 rule of one third)",
                                     plural="quorum not reached: {present} members present of {in_office} in "
                                            "office ({needed} needed, COVID-19 rule of one third)",
                                     count="present",
                                     fix="convene the council again, or mention the second convocation"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 15
Nombre de membres présents : 7
Nombre de membres représentés : 5
Nombre de votants : 12
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 15
Nombre de membres présents : 7
Nombre de membres représentés : 5
Nombre de votants : 12
Le quorum n'ayant pas été atteint le 5 mars, le conseil s'est réuni sur deuxième convocation,
sans condition de quorum.
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        in_office = delib.counts.in_office
        present = _present(delib)
        if not in_office or present is None or delib.second_convocation or delib.attendance_changed:
            return
        if not delib.sure("counts.in_office", "counts.present"):
            return
        covid = reference.in_covid_window(delib.session.date)
        failed = present * 3 < in_office if covid else present * 2 <= in_office
        if failed:
            needed = (in_office + 2) // 3 if covid else in_office // 2 + 1
            yield self.hit("not-reached-covid" if covid else "not-reached",
                           first_span(delib, "counts.present", "list.present"),
                           present=present, in_office=in_office, needed=needed)
