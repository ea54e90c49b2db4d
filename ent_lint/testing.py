"""Helpers for rule authors' tests: check a document with some rules only.

The built-in rules are tested the same way (a document, and the findings it must and must not
give); a rule pack can test its rules on its own documents without the rest of the catalogue::

    from ent_lint.testing import lint_with, lint_text

    def test_mayor_signs():
        found = lint_with("tests/cases/no-signature.txt", MayorSigns)
        assert [(f.rule, f.line) for f in found] == [("mayor-signs", 3)]
        assert lint_text("Extrait ... signé : le maire", MayorSigns) == []   # the near-miss

Both go through the same :class:`~ent_lint.linter.Linter` as the command line.
"""

from __future__ import annotations

from typing import Any

from .engine import Checker, Rule
from .errors import InputError
from .findings import Finding
from .linter import Linter


def linter_for(*rules: type[Rule], options: dict[str, dict[str, Any]] | None = None, **read) -> Linter:
    """A linter with ``rules`` alone (and ``rule-crash``), each with its ``options``."""
    from .engine import RuleCrash

    options = options or {}
    classes = [*rules, RuleCrash]
    checker = Checker([cls(**options.get(cls.id, {})) for cls in classes], {cls.id: cls.severity for cls in classes})
    return Linter(checker=checker, **read)


def lint_with(path: str, *rules: type[Rule], **options) -> list[Finding]:
    """The findings of ``rules`` alone on the document at ``path`` (read as ent-lint reads it),
    archive rules included (over this one document).

    ``options`` go to the reader: ``ocr``, ``max_pages``, ``engine``."""
    linter = linter_for(*rules, **options)
    result = linter.check_path(path)
    if result.error:
        raise InputError(path, result.error, result.outcome.value)
    return result.findings + linter.finish([result]).findings


def lint_text(text: str | tuple[str, ...], *rules: type[Rule], name: str = "example.txt",
              options: dict[str, dict[str, Any]] | None = None) -> list[Finding]:
    """The findings of ``rules`` alone on ``text``, read as a ``.txt`` file named ``name``; several
    texts are several documents of one run (``example-1.txt``...), for archive rules."""
    linter = linter_for(*rules, options=options)
    texts = (text,) if isinstance(text, str) else tuple(text)
    names = [name] if len(texts) == 1 else [f"{name.rsplit('.', 1)[0]}-{n}.txt" for n in range(1, len(texts) + 1)]
    results = []
    for each, document in zip(names, texts):
        result = linter.check(each, document.encode("utf-8"))
        if result.error:
            raise InputError(each, result.error, result.outcome.value)
        results.append(result)
    return [f for r in results for f in r.findings] + linter.finish(results).findings


def run_example(rule: type[Rule], which: str) -> list[Finding]:
    """The findings of ``rule`` alone on its example ``which`` ("bad" or "good"), with the
    example's options and side files (written to a temporary folder for the run)."""
    import tempfile
    from pathlib import Path

    examples = rule.examples
    with tempfile.TemporaryDirectory() as folder:
        for name, content in (examples.files or {}).items():
            Path(folder, name).write_text(content, encoding="utf-8")
        options = {key: value.replace("{folder}", folder).replace("{example}", which) if isinstance(value, str) else value
                   for key, value in (examples.options or {}).items()}
        return lint_text(getattr(examples, which), rule, options={rule.id: options} if options else None)
