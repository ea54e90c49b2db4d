"""proxy-count: the members declared represented against the proxies listed."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message

from .._common import first_span
from ._helpers import part_of_sitting


class ProxyCount(DeliberationRule):
    """What it checks:
    The number of members declared represented against the proxies listed.

    Why it matters:
    Each represented member is a vote cast by someone else; a count that does not match the
    listed proxies makes the vote figures unverifiable.

    How to fix:
    List every proxy with its holder, or correct the count.
    """

    id = "proxy-count"
    family = "attendance"
    severity = "error"
    summary = "declared represented ≠ proxies listed"
    source = "register consistency"
    messages = {
        "mismatch": Message("{declared} members declared represented, but {listed} proxy is listed",
                            plural="{declared} members declared represented, but {listed} proxies are listed",
                            count="listed",
                            fix="make the represented count and the proxy list agree"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 7
Nombre de membres présents : 4
Nombre de membres représentés : 3
Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT
Pouvoirs :
Marie BLANC à Paul MARTIN
Hugo FAURE à Anne ROUX
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 7
Nombre de membres présents : 4
Nombre de membres représentés : 3
Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT
Pouvoirs :
Marie BLANC à Paul MARTIN
Hugo FAURE à Anne ROUX
Léa GIRAUD à Luc PETIT
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        declared = delib.counts.represented
        if declared is None or delib.attendance_changed or not delib.sure("counts.represented", "proxies"):
            return
        if part_of_sitting(delib) or (not delib.proxies and "list.proxies" not in delib.spans):
            return
        if declared != len(delib.proxies):
            yield self.hit("mismatch", first_span(delib, "counts.represented", "list.proxies"),
                           declared=declared, listed=len(delib.proxies))
