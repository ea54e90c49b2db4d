"""missing-signature: the signature blocks of a deliberation or of a convention's parties."""

from __future__ import annotations

from ent_lint import reference
from ent_lint.engine import Examples, Message, Rule
from ent_lint.i18n import N_
from ent_lint.people import find

from .._common import first_span
from ._helpers import signed_record


#: the signatures a deliberation lacks, as the message names them
MISSING = {("mayor",): N_("the mayor"), ("secretary",): N_("the secretary of the sitting"),
           ("mayor", "secretary"): N_("the mayor and the secretary of the sitting"),
           ("president",): N_("the president"),
           ("president", "secretary"): N_("the president and the secretary of the sitting")}


class MissingSignature(Rule):
    """What it checks:
    A deliberation of a sitting since 1 July 2022 without the signature block of the mayor
    (or president) and of the secretary; a convention without a signature for each party.

    Why it matters:
    Since the reform of 1 July 2022 (CGCT L2121-23) deliberations are signed by the mayor and
    the secretary of the sitting; an unsigned convention binds no one.

    How to fix:
    Add the missing signature block.
    """

    id = "missing-signature"
    family = "convention"
    severity = "warning"
    summary = "no signature block for the mayor and the secretary, or for each party"
    source = "CGCT art. L2121-23"
    messages = {
        "deliberation": Message("no signature block for {missing:term}",
                                fix="add the missing blocks (« Le Maire, » or « Le Président, », « Le secrétaire de "
                                    "séance, ») with the names under them"),
        "parties": Message("{parties} parties but {signatures} signature",
                           plural="{parties} parties but {signatures} signatures", count="signatures", fix="add a signature block for each party"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Présents : Marc ÉTIENNE, Paul RIGAUD, Anne ROUX
Secrétaire de séance : Anne ROUX
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
Le Maire,
Marc ÉTIENNE
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Présents : Marc ÉTIENNE, Paul RIGAUD, Anne ROUX
Secrétaire de séance : Anne ROUX
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
Le Maire,
Marc ÉTIENNE
La secrétaire de séance,
Anne ROUX
""")

    def check(self, document, text):
        if document.deliberations and signed_record(document):
            yield from self._deliberation(document.deliberations[-1])
        for conv in document.conventions:
            if conv.draft:
                continue  # a draft quoted in the minutes is signed after the council approves it
            named = [p for p in conv.parties if p.name]
            signed = max(len(conv.signatories), conv.signature_blocks)
            if len(named) >= 2 and signed < len(named):
                yield self.hit("parties", conv.spans.get("signed_place") or conv.spans.get("title"),
                               parties=len(named), signatures=signed)

    def _deliberation(self, delib):
        if not delib.session.date or delib.session.date < reference.SIGNATURE_REFORM:
            return
        missing = []
        president = delib.session.president
        if "mayor" not in delib.signature_roles and not (president and find(delib.signatories, president)):
            missing.append("mayor" if delib.body in (None, "municipal council") else "president")
        if "secretary" not in delib.signature_roles and not (
                delib.secretary and find(delib.signatories, delib.secretary)):
            missing.append("secretary")
        if missing:
            yield self.hit("deliberation", first_span(delib, "vote", "number", "deliberated"),
                           missing=MISSING[tuple(missing)])
