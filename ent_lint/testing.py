"""Helpers for rule authors' tests: check a document with some rules only.

The built-in rules are tested the same way (a document, and the findings it must and must not
give); a rule pack can test its rules on its own documents without the rest of the catalogue::

    from ent_lint.testing import lint_with

    def test_mayor_signs():
        found = lint_with("tests/cases/no-signature.txt", MayorSigns)
        assert [(f.rule, f.line) for f in found] == [("mayor-signs", 3)]
        assert lint_with("tests/cases/signed.txt", MayorSigns) == []   # the near-miss
"""

from __future__ import annotations

from .api import extract
from .engine import Checker, Rule
from .findings import Finding


def lint_with(path: str, *rules: type[Rule], **options) -> list[Finding]:
    """The findings of ``rules`` alone on the document at ``path`` (read as ent-lint reads it).

    ``options`` go to the reader: ``ocr``, ``max_pages``, ``engine``."""
    checker = Checker([cls() for cls in rules], {cls.id: cls.severity for cls in rules})
    return checker.check(extract(path, **options))
