"""fold, written for speed (ASCII runs lowered at once, other characters looked up), folds each
character as its definition says: one character in, the same one character out whatever surrounds it."""

from __future__ import annotations

import random

from ent_lint import text


def _by_definition(value: str) -> str:
    return "".join(text._fold_char(char) for char in value)


def test_fold_is_each_character_folded():
    draw = random.Random(9)
    specials = "\t`’‘ʼ–—‑‐\u00a0\u202f\u00adÉéÈÀÇçŒœÆæÏîÔûÜÿßİıǅᾯ`ﬁ№€°²"
    pool = [chr(code) for code in range(0x20, 0x2500)] + list(specials) * 20 + list("abc XYZ 019 .,;:'\n") * 50
    samples = ["", "é", "É\t`x", "Séance du 1er mars", "L’ÉCOLE\tMATERNELLE — « Œuvre »", "`\u1fef`"]
    samples += ["".join(draw.choice(pool) for _ in range(draw.randint(1, 400))) for _ in range(400)]
    samples += ["".join(draw.choice(pool) for _ in range(draw.randint(300, 3000))) for _ in range(20)]
    for sample in samples:
        folded = text.fold(sample)
        assert folded == _by_definition(sample), sample
        assert len(folded) == len(sample)


def test_fold_of_a_french_line():
    assert text.fold("Le Conseil, après en avoir délibéré, à l’unanimité\tAPPROUVE") == \
        "le conseil, apres en avoir delibere, a l'unanimite approuve"
