"""The library API: the same :class:`~ent_lint.linter.Linter` the command line and the web use.

    from ent_lint.api import lint
    result = lint("deliberation.pdf")
    for finding in result.findings: ...
"""

from __future__ import annotations

from typing import Optional

from .errors import InputError
from .linter import Linter, Result
from .model import Document

Report = Result  # the name this API gave its results before the one core


def extract(path: str, *, engine: str = "fast", timeout: Optional[float] = None, **options) -> Document:
    """Read and parse one file; raises :class:`~ent_lint.errors.InputError` when it is not read.

    ``options``: ``ocr`` (auto, always, never), ``max_pages``, ``ocr_threads``."""
    result = Linter(engine=engine, timeout=timeout, **options).check_path(path, keep=True, rules=False)
    if result.error:
        raise InputError(path, result.error, result.outcome.value)
    return result.document


def lint(path: str, linter: Optional[Linter] = None, *, engine: str = "fast", timeout: Optional[float] = None,
         **options) -> Result:
    """Read, parse and check one file with the project's defaults (or ``linter``).  A file that
    is not checked gives a result whose ``outcome`` and ``error`` say why; the result keeps the
    source and the document."""
    linter = linter or Linter(engine=engine, timeout=timeout, **options)
    return linter.check_path(path, keep=True)


def plain(document: Document, locations: bool = False) -> dict:
    """A document as `ent-lint extract --format json` prints it: plain values; ``locations`` adds
    the ``spans`` beside them."""
    exclude = None if locations else {
        "deliberations": {"__all__": {"spans"}},
        "conventions": {"__all__": {"spans": True, "first_line": True, "last_line": True,
                                    "schools": {"__all__": {"spans"}}}},
    }
    return document.model_dump(mode="json", by_alias=True, exclude=exclude)
