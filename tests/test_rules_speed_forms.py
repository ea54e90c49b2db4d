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
    text = SECRETARY.examples.bad.replace("est désigné secrétaire", "a été choisi secrétaire")
    assert "a été choisi secrétaire" in text  # the rule's own example, its designation written otherwise
    found = [f for f in lint_text(text, SECRETARY) if f.rule == "secretary-ambiguous"]
    assert [(f.line, f.args["first"], f.args["second"]) for f in found] == [(6, "Mme Anne ROUX", "M. Paul MARTIN")]


def test_term_variants_each_hold_their_notion_s_word():
    """term-inconsistency scans a text only when it holds the notion's word: every variant's
    match holds it, so a text without it has no match to lose."""
    from ent_lint.rules.convention.term_inconsistency import TERMS, WORDS
    from ent_lint.text import fold

    assert set(WORDS) == set(TERMS)
    for notion, variants in TERMS.items():
        for variant, pattern in variants.items():
            match = pattern.search(fold(f"l'{variant} et les {variant}s"))
            assert match and WORDS[notion] in match.group()
            assert pattern.search(fold(variant).replace(WORDS[notion], "")) is None
    rule = discover()["term-inconsistency"]
    text = "Convention relative à l'Espace Numérique de Travail\nAnnexe : l'Environnement Numérique de Travail\n"
    assert [f.args["variant"] for f in lint_text(text, rule) if f.rule == "term-inconsistency"] == [
        "Environnement Numérique de Travail"]
