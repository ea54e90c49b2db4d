"""academy-domain-mismatch: the académie of a school's email domain against its département."""

from __future__ import annotations

import regex

from ent_lint import patterns, reference
from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import example_convention, school_department, schools

DOMAIN = patterns.compile(r"@ac-(?P<academy>[a-z-]+)\.fr$", regex.IGNORECASE)


class AcademyDomainMismatch(Rule):
    """What it checks:
    That the académie of a school's email domain (ac-nice.fr) covers the school's département
    (from its postcode, or failing it from its UAI).

    Why it matters:
    An email of another académie does not reach the school.

    How to fix:
    Use the domain of the school's académie.
    """

    id = "academy-domain-mismatch"
    family = "schools"
    severity = "error"
    summary = "email domain académie does not cover the school's département"
    source = reference.ACADEMIES_SOURCE
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "domain": Message("{email}: académie de {academy} does not cover département {department}"),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse | Courriel |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN | ecole.0830556D@ac-lyon.fr |",
            "| EMPU | 0831475C | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN | ecole.0831475C@ac-nice.fr |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse | Courriel |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN | ecole.0830556D@ac-nice.fr |",
            "| EMPU | 0831475C | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN | ecole.0831475C@ac-nice.fr |"))

    def check(self, document, text):
        for school in schools(document):
            match = DOMAIN.search(school.email or "")
            if not match:
                continue
            covered = reference.ACADEMIES.get(match["academy"].lower())
            department = school_department(school) or reference.uai_department(school.uai or "")
            if covered and department and department not in covered:
                yield self.hit("domain", school.spans.get("email"), email=school.email, academy=match["academy"],
                               department=department)
