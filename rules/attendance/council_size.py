"""council-size: a legal council size outside the L2121-2 table, or members in office above it."""

from __future__ import annotations

from ent_lint import reference
from ent_lint.engine import DeliberationRule, Examples, Message

from .._common import first_span


class CouncilSize(DeliberationRule):
    """What it checks:
    That the legal size of a municipal council is one of the sizes of CGCT L2121-2 and that
    the members in office do not exceed it.

    Why it matters:
    A size outside the table is a typing error that distorts the quorum and the convocation
    delay.

    How to fix:
    Use the legal size for the commune's population (7, 11, 15, 19, 23, 27, 29, 33...).
    """

    id = "council-size"
    family = "attendance"
    severity = "error"
    summary = "legal size not in the L2121-2 table, or members in office above it"
    source = reference.COUNCIL_SIZES_SOURCE
    messages = {
        "not-legal": Message("{size} is not a legal council size (CGCT L2121-2)",
                             fix="use the size of the table for the population"),
        "above-size": Message("{in_office} members in office exceed the legal size {size}"),
        "above-largest": Message("{in_office} members in office exceed the largest council ({largest})"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Membres afférents au conseil : 13
En exercice : 13
Présents : 10
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Membres afférents au conseil : 15
En exercice : 14
Présents : 10
Objet : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        if delib.body in ("community council", "syndicate committee"):
            return  # the table of L2121-2 sizes municipal councils only
        size, in_office = delib.counts.legal_size, delib.counts.in_office
        if size is not None and size not in reference.LEGAL_SIZES:
            yield self.hit("not-legal", first_span(delib, "counts.legal_size"), size=size)
        elif size is not None and in_office is not None and in_office > size:
            yield self.hit("above-size", first_span(delib, "counts.in_office"), in_office=in_office, size=size)
        elif size is None and in_office is not None and in_office > max(reference.LEGAL_SIZES):
            yield self.hit("above-largest", first_span(delib, "counts.in_office"),
                           in_office=in_office, largest=max(reference.LEGAL_SIZES))
