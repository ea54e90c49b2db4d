"""Plain text and Markdown: encodings, light markup, and tab or pipe tables."""

from __future__ import annotations

from .. import patterns
from ..errors import InputError
from ..i18n import N_
from . import Cell, Line, Source, Table

# Emphasis and heading markup that word processors' Markdown exports leave around the text.
_MARKUP = patterns.compile(r"</?[A-Za-z][^<>\n]*>|\*\*|(?<!_)__(?!_)|^\#{1,6}[ \t]+|^\*(?=\S)|(?<=\S)\*[ \t]*$|\\$")
_RULE = patterns.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_PIPE_SEPARATOR = patterns.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode(path: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Notepad's "Unicode")
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, N_("UTF-16 text that cannot be decoded"), "unsupported-type") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, N_("binary file, not text (NUL bytes found)"), "unsupported-type")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean(raw: str) -> tuple[str, list[int] | None]:
    """Remove Markdown markup; return the text and, if it moved, each character's raw column."""
    if _RULE.match(raw):
        return "", None
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _MARKUP.finditer(raw):
        pieces.append((start, match.start()))
        start = match.end()
    if not pieces:
        return raw.rstrip(), None
    pieces.append((start, len(raw)))
    text: list[str] = []
    colmap: list[int] = []
    for begin, end in pieces:
        text.append(raw[begin:end])
        colmap.extend(range(begin, end))
    joined = "".join(text)
    stripped = joined.rstrip()
    return stripped, colmap[: len(stripped)]


def _cells(line: Line) -> list[str] | None:
    """A row's cells.  Between pipes an empty cell keeps its column (« | Paul DURAND | | X | »: the
    mark is under the third heading); between tabs, which also align text, empty cells are none."""
    raw = line.text
    if "\t" in raw:
        cells = [c for c in (c.strip() for c in raw.split("\t")) if c]
        return cells if len(cells) >= 3 else None
    if raw.lstrip().startswith("|") and raw.count("|") >= 3:
        cells = [c.strip() for c in raw.strip().strip("|").split("|")]
        return cells if len(cells) >= 3 and any(cells) else None
    return None


def find_tables(lines: list[Line]) -> list[Table]:
    """Runs of at least two lines of three or more tab- or pipe-separated cells."""
    tables: list[Table] = []
    run: list[list[Cell]] = []
    for line in lines + [Line(None, 0, "", "")]:
        if _PIPE_SEPARATOR.match(line.text) and run:
            continue
        cells = _cells(line)
        if cells:
            run.append([Cell(c, line.page, line.number) for c in cells])
            continue
        if len(run) >= 2:
            tables.append(Table(None, run))
        run = []
    return tables


# The line breaks of str.splitlines, but for the form feed: a page break, kept apart.
_LINE_BREAK = patterns.compile(r"\r\n|[\n\r\v\x1c-\x1e\x85\u2028\u2029]")


def read_text(path: str, data: bytes, *, markdown: bool) -> Source:
    """Lines numbered as an editor numbers them.  A text with form feeds (pdftotext's page
    breaks) is in pages: each line knows its page, and the page count is known."""
    text = decode(path, data)
    page = 1 if "\f" in text else None
    lines = []
    pieces = _LINE_BREAK.split(text)
    if pieces and pieces[-1] == "":
        pieces.pop()
    for number, raw in enumerate(pieces, start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        cleaned, colmap = clean(raw)
        lines.append(Line(page, number, cleaned, raw, colmap))
    if page is not None and lines and not any(line.page == page for line in lines if line.text.strip()):
        page -= 1  # a form feed at the very end closes the last page, it opens none
        lines = [line if line.page <= page else Line(page, line.number, line.text, line.raw, line.colmap)
                 for line in lines]
    return Source(path, "text", lines, find_tables(lines), page_count=page)
