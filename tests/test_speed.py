"""What the speed-ups of the short-document path must keep: the same output as the slower way."""

from __future__ import annotations

import random

import pytest

from ent_lint import i18n, text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_decimal_is_babels_format_decimal(lang):
    """The summary's seconds, written without Babel, are what Babel writes, ties included
    (half to even on the decimal value: 0.125 -> 0.12, 0.155 -> 0.16)."""
    from babel.numbers import format_decimal

    draw = random.Random(14)
    values = [0, 0.0, 0.005, 0.015, 0.125, 0.155, 1.005, 2.675, 59.999, 99.995, 1234.565, 123456.789, 1e-9]
    values += [draw.uniform(0, 1000) for _ in range(2000)] + [i / 1000 for i in range(5000)]
    values += [-1.5, float("inf")]  # Babel's own way, whatever it is
    for value in values:
        assert i18n.decimal(value, lang) == format_decimal(value, format="0.00", locale=lang), value


def test_decimal_signs():
    assert i18n.decimal(3.6, "fr") == "3,60"
    assert i18n.decimal(0.125, "en") == "0.12"


def test_fold_remembered_is_fold():
    """fold remembers short texts: a remembered text folds as a fresh one, long texts are not
    kept, and the memory is bounded."""
    samples = ["Élue", "M. Jean-Noël DUPONT", "L’ÉCOLE\tMATERNELLE", "x" * 300, "Séance du 1er mars"]
    fresh = [text.fold(s) for s in samples]
    again = [text.fold(s) for s in samples]
    assert fresh == again == ["elue", "m. jean-noel dupont", "l'ecole maternelle", "x" * 300, "seance du 1er mars"]
    assert "x" * 300 not in text._FOLDED
    for index in range(text._FOLDED_SIZE + 10):
        text.fold(f"ligne {index} é")
    assert len(text._FOLDED) <= text._FOLDED_SIZE
