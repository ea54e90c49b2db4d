"""Parsers: a :class:`~ent_lint.readers.Source` in, a typed :class:`~ent_lint.model.Document` out.

The parsers know French council documents and nothing about rules or file formats.
"""

from __future__ import annotations

import datetime as dt

from .. import patterns
from ..model import Blank, Document
from ..readers import Source
from . import convention, deliberation, department, kinds
from .text import View

_DELIBERATION_SIGNS = patterns.compile(
    r"conseil\s+(?:municipal|communautaire)|deliberation|seance|en\s+exercice|presents?\s*:")


def parse(source: Source) -> Document:
    view = View(source.lines)
    document = Document(path=source.path, format=source.kind, page_count=source.page_count)
    rest, regions, drafts = [], [], []
    line = 0
    first_start = None
    while (start := convention.find_start(view, line)) is not None:
        first_start = start if first_start is None else first_start
        end = convention.find_end(view, start)
        rest.extend(view.lines[line:start])
        regions.append(view.sub(start, end))
        drafts.append(convention.is_draft(view, end))
        line = end
    rest.extend(view.lines[line:])
    council = View(rest) if regions else view
    other = kinds.names_other(view)  # an arrêté, a convocation...: no deliberation to read in it
    if other is None and _DELIBERATION_SIGNS.search(council.folded):
        document.deliberations = deliberation.parse_deliberations(
            council, [[[cell.text for cell in row] for row in table.rows] for table in source.tables])
    document.conventions = [convention.parse_convention(region, tables, source.page_count)
                            for region, tables in zip(regions, _tables_by_region(source, regions))]
    for conv, draft, region in zip(document.conventions, drafts, regions):
        conv.draft = draft
        conv.first_line, conv.last_line = region.line_span(0), region.line_span(len(region.lines) - 1)
    document.department = department.department(view)
    document.reference_date = _reference_date(document)
    document.kind, title_line = kinds.document_kind(view, document, other)
    if title_line is None and document.kind == "convention" and first_start is not None:
        title_line = convention.opening_title(view, first_start)  # a title too long to read as one alone
    if title_line is not None:
        document.title = _title(view, title_line)
    if document.kind == "minutes":
        for conv in document.conventions:
            conv.draft = True  # annexed to the sitting that approves it: signed afterwards
    return document


def _title(view: View, index: int) -> str:
    """The line where the document names itself, with the lines in capitals that continue it."""
    parts = [view.lines[index].text.strip()]
    for line in view.lines[index + 1:index + 3]:
        text = line.text.strip()
        if not (parts[0].isupper() and text.isupper() and len(text) < 80):
            break
        parts.append(text)
    return " ".join(" ".join(parts).split())


def _tables_by_region(source: Source, regions: list[View]) -> list[list]:
    """Each table goes to the convention whose lines hold it; a table in none goes to the last."""
    shares: list[list] = [[] for _ in regions]
    if not regions:
        return shares
    places = [{(line.page, line.number) for line in region.lines} for region in regions]
    for table in source.tables:
        cells = [(cell.page, cell.line) for row in table.rows for cell in row]
        owner = next((i for i, place in enumerate(places) if any(c in place for c in cells)),
                     len(regions) - 1)
        shares[owner].append(table)
    return shares


def _reference_date(document: Document) -> dt.date | None:
    for delib in document.deliberations:
        if delib.session.date:
            return delib.session.date
    for conv in document.conventions:
        if conv.signed_on and not isinstance(conv.signed_on, Blank):
            return conv.signed_on
    return None
