"""address-incomplete: a school's address without postcode and commune."""

from __future__ import annotations

from ent_lint import patterns
from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import example_convention, schools

# A postcode followed by the commune: "83310 COGOLIN", "20000 Ajaccio", "2A000 AJACCIO"
POSTCODE_TOWN = patterns.compile(r"(?<!\d)(?:\d{5}|2[AB]\d{3})\s+\p{L}")


class AddressIncomplete(Rule):
    """What it checks:
    That each school's address has a postcode and a commune.

    Why it matters:
    An address without them cannot be checked against the UAI and the académie, and the annex
    does not identify the school.

    How to fix:
    Complete the address: "IMPASSE DES PITCHOUNS 83310 COGOLIN".
    """

    id = "address-incomplete"
    family = "schools"
    severity = "warning"
    summary = "school address without postcode or commune"
    source = "completeness"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "address": Message("the address of {school} has no postcode and commune: « {address} »",
                           fix="add the postcode and the commune"),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0831475C | RIALET | IMPASSE DES PITCHOUNS |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0831475C | RIALET | IMPASSE DES PITCHOUNS 83310 COGOLIN |"))

    def check(self, document, text):
        for school in schools(document):
            if school.address is not None and not POSTCODE_TOWN.search(school.address):
                yield self.hit("address", school.spans.get("address"), school=school.name or school.uai,
                               address=school.address)
