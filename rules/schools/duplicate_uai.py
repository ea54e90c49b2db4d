"""duplicate-uai: one UAI listed twice in the schools annex."""

from __future__ import annotations

from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import example_convention, schools


class DuplicateUai(Rule):
    """What it checks:
    That no UAI is listed twice in the schools annex (the letter's case aside).

    Why it matters:
    A duplicated line usually hides a school that was forgotten.

    How to fix:
    Remove the duplicate or correct the UAI of the other school.
    """

    id = "duplicate-uai"
    family = "schools"
    severity = "warning"
    summary = "one UAI listed twice"
    source = "consistency"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "twice": Message("UAI {uai} is listed twice"),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0830556D | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0831475C | LES MIMOSAS | 4 RUE DES PINS 83310 COGOLIN |"))

    def check(self, document, text):
        seen = set()
        for school in schools(document):
            key = (school.uai or "").upper()
            if key and key in seen:
                yield self.hit("twice", school.spans.get("uai"), uai=school.uai)
            seen.add(key)
