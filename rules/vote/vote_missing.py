"""vote-missing: a deliberation whose outcome is not stated."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.i18n import N_

from .._common import first_span


class VoteMissing(DeliberationRule):
    """What it checks:
    A deliberation whose outcome is not stated: neither "à l'unanimité" nor figures.

    Why it matters:
    The register must record the result of each vote (CGCT L2121-23); without it the act
    cannot be checked.

    How to fix:
    Add the outcome: « à l'unanimité » or « par N voix pour, N contre et N abstentions ».
    """

    id = "vote-missing"
    family = "vote"
    severity = "warning"
    summary = "a deliberation without a stated outcome"
    source = "CGCT art. L2121-23"
    kinds = ("extract", "minutes")
    severity_when = {"info": N_("in minutes, which summarise the debates, or in a document that does not say it is"
                                " an extract")}
    messages = {
        "missing": Message("deliberation {item} states no vote", fix="state the outcome of the vote"),
        "missing-unnamed": Message("deliberation states no vote", fix="state the outcome of the vote"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 15
Nombre de votants : 14
Délibération n° 2024-07 : Convention de déneigement
Le conseil municipal, après en avoir délibéré, AUTORISE le Maire à signer la convention.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 15
Nombre de votants : 14
Délibération n° 2024-07 : Convention de déneigement
Le conseil municipal, après en avoir délibéré, à l'unanimité, AUTORISE le Maire à signer la convention.
""")

    def check_deliberation(self, delib, document, text):
        if delib.vote.stated or not (delib.decisions or delib.deliberative) or not delib.sure("vote"):
            return
        # minutes summarise the debates: an outcome left out there is worth a note, not a warning;
        # so is a document taken for an extract without saying it is one
        severity = None if document.kind == "extract" and document.title else "info"
        span = first_span(delib, "decided", "number", "title", "deliberated")
        item = " ".join((delib.number or delib.title or "").split())
        if item:
            yield self.hit("missing", span, severity=severity, item=item)
        else:
            yield self.hit("missing-unnamed", span, severity=severity)
