"""Parsers: a :class:`~ent_lint.readers.Source` in, a typed :class:`~ent_lint.model.Document` out.

The parsers know French council documents and nothing about rules or file formats.
"""

from __future__ import annotations

import datetime as dt

import regex

from ..model import Blank, Document
from ..readers import Source
from . import convention, deliberation, mentions
from .text import View

_DELIBERATION_SIGNS = regex.compile(
    r"conseil\s+(?:municipal|communautaire)|deliberation|seance|en\s+exercice|presents?\s*:")


def parse(source: Source) -> Document:
    view = View(source.lines)
    document = Document(path=source.path, kind=source.kind, page_count=source.page_count)
    start = convention.find_start(view)
    head = view.sub(0, start) if start is not None else view
    if _DELIBERATION_SIGNS.search(head.folded):
        document.deliberations = deliberation.parse_deliberations(head)
    if start is not None:
        document.conventions = [convention.parse_convention(
            view.sub(start, len(view.lines)), source.tables, source.page_count)]
    document.mentions = mentions.collect(view)
    document.department = mentions.department(view)
    document.reference_date = _reference_date(document)
    return document


def _reference_date(document: Document) -> dt.date | None:
    for delib in document.deliberations:
        if delib.session.date:
            return delib.session.date
    for conv in document.conventions:
        if conv.signed_on and not isinstance(conv.signed_on, Blank):
            return conv.signed_on
    return None
