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


def test_what_is_kept_of_a_document_is_forgotten_when_the_next_begins(monkeypatch):
    """The folds and the squashed names are memos for one document: each check starts without
    the last one's (a memo across documents would flatter a benchmark of near-identical ones)."""
    from ent_lint import text
    from ent_lint.linter import Linter
    from ent_lint.parse import names

    linter = Linter()
    first = "Séance du 3 mars 2025\nPrésents : M. Paul DURAND, Mme Léa MARTIN\nSecrétaire : Mme Léa MARTIN\n"
    linter.check("a.txt", first.encode())
    assert "présents : m. paul durand, mme léa martin".replace("é", "e") in text._FOLDED.values()
    names._squashed("M. Paul DURAND")  # as comparing two spellings of a name does
    assert names._squashed.cache_info().currsize > 0
    begun = []
    real = text.new_document
    monkeypatch.setattr(text, "new_document", lambda: (begun.append(dict(text._FOLDED)), real()))
    linter.check("b.txt", "Séance du 4 mars 2025\n".encode())
    assert begun and begun[0]  # the first document's folds were there when the second began
    assert not any("durand" in folded for folded in text._FOLDED.values())
    assert names._squashed.cache_info().currsize == 0
