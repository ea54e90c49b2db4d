"""school-type-code: the nature code of each school."""

from __future__ import annotations

from ent_lint import reference
from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import example_convention, schools


class SchoolTypeCode(Rule):
    """What it checks:
    That the school type is a known code: EMPU, EEPU, EPPU (public nursery, elementary,
    primary) or EMPR, EEPR, EPPR (private).

    Why it matters:
    An unknown code is a typing error in the annex.

    How to fix:
    Use the code of the school's nature.
    """

    id = "school-type-code"
    family = "schools"
    severity = "warning"
    summary = "unknown school type code"
    source = reference.SCHOOL_TYPES_SOURCE
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "unknown": Message("unknown school type code {type_code}", fix="one of " + ", ".join(reference.SCHOOL_TYPES)),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EPUU | 0831475C | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EPPR | 0831475C | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN |"))

    def check(self, document, text):
        for school in schools(document):
            if school.type and school.type.upper() not in reference.SCHOOL_TYPES:
                yield self.hit("unknown", school.spans.get("type"), type_code=school.type)
