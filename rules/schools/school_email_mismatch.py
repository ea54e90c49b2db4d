"""school-email-mismatch: the UAI inside a school's email against the school's UAI."""

from __future__ import annotations

from ent_lint import patterns, reference
from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import example_convention, schools

# The UAI in an email: ecole.0831475C@ac-nice.fr, ce.0830556d@ac-nice.fr, 0830556D.ecole@...
EMAIL_UAI = patterns.compile(r"(?<!\d)(?P<uai>\d{7}[A-Za-z])(?=@|\.|$)")


class SchoolEmailMismatch(Rule):
    """What it checks:
    That the UAI inside a school's email (ecole.0831475C@ac-nice.fr) is the school's UAI.  The
    letter may be written in lower case.

    Why it matters:
    The ENT accounts and the mail of one school would go to another.

    How to fix:
    Write the email from the school's own UAI.
    """

    id = "school-email-mismatch"
    family = "schools"
    severity = "error"
    summary = "the UAI inside a school's email ≠ the school's UAI"
    source = reference.UAI_SOURCE
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "email": Message("{school} has UAI {uai} but its email {email} names {email_uai}",
                         fix="use the email built on {uai}"),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse | Courriel |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN | ecole.0830556d@ac-nice.fr |",
            "| EPPU | 0831475C | PISAN-MALASPINA | 8 RUE DU PORT 83310 COGOLIN | ecole.0831515w@ac-nice.fr |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse | Courriel |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN | ecole.0830556d@ac-nice.fr |",
            "| EPPU | 0831475C | PISAN-MALASPINA | 8 RUE DU PORT 83310 COGOLIN | ecole.0831475c@ac-nice.fr |"))

    def check(self, document, text):
        for school in schools(document):
            if not school.email or not school.uai:
                continue
            match = EMAIL_UAI.search(school.email)
            if match and match["uai"].upper() != school.uai.upper():
                yield self.hit("email", school.spans.get("email"), school=school.name or "school", uai=school.uai,
                               email=school.email, email_uai=match["uai"])
