"""The faster forms some rules take (for speed) give what the plain forms gave.

A rule that spares itself a scan, or derives one scan from another, must find exactly what the
scan would have found: these cases compare the two on texts built to make them differ.
"""

from __future__ import annotations

import pytest

from ent_lint.engine import discover
from ent_lint.testing import lint_text

SECRETARY = discover()["secretary-ambiguous"]


@pytest.mark.parametrize("text", [
    "Gymnase Robert Deschamp et Salle Jean Moulin",
    "Jean Paul Marie Dupont, Anne-Marie Le Goff et Pierre Martin Durand",
    "M. Denis Vanecke Évoque Paul Martin\nMarie Curie Sklodowska",
    "Aa Bb Cc Dd Ee Ff",
    "",
])
def test_full_names_apart_are_those_finditer_gives(text):
    from ent_lint.rules.names.name_spelling import FULL_NAME, _apart

    overlapping = list(FULL_NAME.finditer(text, overlapped=True))
    assert [m.span() for m in _apart(overlapping)] == [m.span() for m in FULL_NAME.finditer(text)]


def test_a_designation_after_the_name_is_still_read():
    """NAME_BEFORE's scan is spared only where no "est désignée" stands: here it stands."""
    text = """\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND, Paul MARTIN, Anne ROUX, Luc PETIT, Marie LEROY
Secrétaire de séance : Mme Anne ROUX
Délibération n° 2024-07 : Désignation du secrétaire de séance
M. Paul MARTIN a été choisi secrétaire de séance.
Adopté à l'unanimité.
"""
    found = [f for f in lint_text(text, SECRETARY) if f.rule == "secretary-ambiguous"]
    assert [(f.line, f.args["first"], f.args["second"]) for f in found] == [(6, "Mme Anne ROUX", "M. Paul MARTIN")]
