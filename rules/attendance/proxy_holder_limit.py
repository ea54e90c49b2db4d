"""proxy-holder-limit: a member holding more proxies than the law allows."""

from __future__ import annotations

from collections import defaultdict

from ent_lint import reference
from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.people import same_person


class ProxyHolderLimit(DeliberationRule):
    """What it checks:
    That no member holds more than one proxy (two during the COVID-19 windows).

    Why it matters:
    A second proxy is void (CGCT L2121-20): the vote it carried must not be counted.

    How to fix:
    Give the second proxy to another member present, or count that member as absent.
    """

    id = "proxy-holder-limit"
    family = "attendance"
    severity = "error"
    summary = "a holder carries more than one proxy (two in COVID windows)"
    source = "CGCT art. L2121-20; " + reference.COVID_SOURCE
    messages = {
        "too-many": Message("{holder} holds {held} proxies (at most {limit})",
                            fix="a member present may hold one proxy only"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 7
Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT
Pouvoirs :
Marie BLANC à Paul MARTIN
Hugo FAURE à Paul MARTIN
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 11 février 2021
Nombre de membres en exercice : 7
Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT
Pouvoirs :
Marie BLANC à Paul MARTIN
Hugo FAURE à Paul MARTIN
Objet : Report de la fête communale
Le conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE le report de la fête.
""")

    def check_deliberation(self, delib, document, text):
        if not delib.sure("proxies"):
            return
        limit = 2 if reference.in_covid_window(delib.session.date) else 1
        held = defaultdict(list)
        for proxy in delib.proxies:
            key = next((k for k in held if same_person(k, proxy.holder)), proxy.holder)
            held[key].append(proxy)
        for holder, proxies in held.items():
            if len(proxies) > limit:
                yield self.hit("too-many", proxies[limit].span, holder=holder.name, held=len(proxies), limit=limit)
