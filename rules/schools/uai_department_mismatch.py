"""uai-department-mismatch: the département of a UAI against the school's postcode."""

from __future__ import annotations

from ent_lint import reference
from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import UAI, example_convention, school_department, schools


class UaiDepartmentMismatch(Rule):
    """What it checks:
    That the département in a UAI (its first three digits: 083 for the Var) is the département
    of the school's postcode.

    Why it matters:
    A UAI of another département belongs to another school.

    How to fix:
    Check the UAI in the school directory.
    """

    id = "uai-department-mismatch"
    family = "schools"
    severity = "error"
    summary = "UAI département ≠ département of the school's postcode"
    source = reference.UAI_SOURCE
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "department": Message("UAI {uai} is in département {uai_department}, the address in {address_department}"),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0061234X | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0831475C | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN |"))

    def check(self, document, text):
        for school in schools(document):
            if not school.uai or not UAI.match(school.uai):
                continue
            postcode_department = school_department(school)
            uai_department = reference.uai_department(school.uai)
            if postcode_department and uai_department and postcode_department != uai_department:
                yield self.hit("department", school.spans.get("uai"), uai=school.uai, uai_department=uai_department,
                               address_department=postcode_department)
