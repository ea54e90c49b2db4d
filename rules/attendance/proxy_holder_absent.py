"""proxy-holder-absent: a proxy given to a member who is not present."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.people import find, present_people


class ProxyHolderAbsent(DeliberationRule):
    """What it checks:
    That every proxy holder is among the members present (the president included).

    Why it matters:
    A proxy given to an absent member cannot be used: the vote it carries is void.

    How to fix:
    Check the name of the holder; if the holder was absent the proxy is void.
    """

    id = "proxy-holder-absent"
    family = "attendance"
    severity = "error"
    summary = "a proxy holder is not present"
    source = "CGCT art. L2121-20"
    messages = {
        "not-present": Message("proxy holder {holder} is not listed present",
                               fix="a proxy must be given to a member present"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Le conseil municipal s'est réuni sous la présidence de M. Jean DURAND, Maire.
Présents : Paul MARTIN - Anne ROUX - Luc PETIT - Marie BLANC
Pouvoirs :
Hugo FAURE à Léa GIRAUD
Absents : Léa GIRAUD
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Le conseil municipal s'est réuni sous la présidence de M. Jean DURAND, Maire.
Présents : Paul MARTIN - Anne ROUX - Luc PETIT - Marie BLANC
Pouvoirs :
Hugo FAURE à Jean DURAND
Absents : Léa GIRAUD
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        if not delib.present or not delib.sure("present", "proxies"):
            return
        present = present_people(delib)
        for proxy in delib.proxies:
            if find(present, proxy.holder) is None:
                yield self.hit("not-present", proxy.span, holder=proxy.holder.name)
