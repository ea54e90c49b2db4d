"""The library API the command line, a web service or a batch runner call the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .engine import Checker
from .findings import Finding
from .model import Document
from .readers import Source, read


@dataclass
class Report:
    path: str
    document: Optional[Document] = None
    findings: list[Finding] = field(default_factory=list)
    error: Optional[str] = None
    source: Optional[Source] = None


def extract(path: str, *, engine: str = "fast", **options) -> Document:
    """Read and parse one file; raises :class:`~ent_lint.errors.InputError` when unreadable.

    ``options``: ``ocr`` (auto, always, never), ``max_pages``, ``ocr_threads``."""
    from .parse import parse

    return parse(read(path, engine=engine, **options))


def lint(path: str, checker: Optional[Checker] = None, *, engine: str = "fast", **options) -> Report:
    """Read, parse and check one file.  An unreadable file gives a report with ``error`` set."""
    from .config import Settings, build_checker
    from .errors import InputError
    from .parse import parse

    if checker is None:
        checker = build_checker(Settings())
    try:
        source = read(path, engine=engine, **options)
    except InputError as exc:
        return Report(path, error=exc.message)
    document = parse(source)
    return Report(path, document, checker.check(document), source=source)


def plain(document: Document, locations: bool = False) -> dict:
    """A document as `ent-lint extract --format json` prints it: plain values; ``locations`` adds
    the ``spans`` beside them."""
    exclude = None if locations else {
        "mentions": True,
        "deliberations": {"__all__": {"spans"}},
        "conventions": {"__all__": {"spans": True, "schools": {"__all__": {"spans"}}}},
    }
    return document.model_dump(mode="json", by_alias=True, exclude=exclude)
