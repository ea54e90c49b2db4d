"""uai-checksum: the check letter of each UAI."""

from __future__ import annotations

from ent_lint import reference
from ent_lint.engine import KINDS, Examples, Message, Rule

from ._helpers import UAI, example_convention, schools


class UaiChecksum(Rule):
    """What it checks:
    The check letter of each UAI: ``"ABCDEFGHJKLMNPRSTUVWXYZ"[int(seven digits) % 23]``.

    Why it matters:
    A wrong letter means a mistyped identifier: the school named is not the one meant.

    How to fix:
    Copy the UAI from the school directory (annuaire de l'éducation).
    """

    id = "uai-checksum"
    family = "schools"
    severity = "error"
    summary = "UAI check letter wrong"
    source = reference.UAI_SOURCE
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "letter": Message("UAI {uai}: the check letter should be {expected}", fix="{digits}{expected}"),
        "format": Message("UAI {uai} is not seven digits and a letter"),
    }
    examples = Examples(
        bad=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556E | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0831475C | LES PITCHOUNS | 5 RUE DES ÉCOLES 83310 COGOLIN |"),
        good=example_convention(
            "| Type | UAI | Nom de l'école | Adresse |",
            "| EEPU | 0830556D | LES ÉCUREUILS | 2 RUE DU STADE 83310 COGOLIN |",
            "| EMPU | 0831475c | LES PITCHOUNS | 5 RUE DES ÉCOLES 83310 COGOLIN |"))

    def check(self, document, text):
        for school in schools(document):
            match = UAI.match(school.uai or "")
            if match:
                expected = reference.uai_check_letter(match["digits"])
                if match["letter"].upper() != expected:
                    yield self.hit("letter", school.spans.get("uai"), uai=school.uai, expected=expected,
                                   digits=match["digits"])
            elif school.uai:
                yield self.hit("format", school.spans.get("uai"), uai=school.uai)
