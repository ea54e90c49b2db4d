"""PDFs: the text layer through pypdfium2, tables through pdfplumber.

The fast engine reads every page's text with pypdfium2 (about 40 times faster than pdfplumber's
``extract_text``) and opens pdfplumber only for the pages that show a table.  The ``pdfplumber``
engine reads every page with pdfplumber; both must give the same parsed model.
"""

from __future__ import annotations

import ctypes
import functools
import io
from typing import NamedTuple

from .. import budget, patterns
from ..errors import InputError
from ..i18n import N_
from . import Cell, Line, Source, Table
from . import hyphens, layout
from .charboxes import bare
from . import ocr as _ocr

# A page "shows a table" when it carries a school identifier (UAI) or the rules of a grid.
_TABLE_HINT = patterns.compile(r"\b\d{7}\s?[A-Za-z]\b|\t")
_MIN_RULES = 6
_COLUMN_GAP = 6.0  # points between two words of different cells; a space is about 2.5


def _open_pdfium(path: str, data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text:
            try:  # an owner password alone: the empty user password opens it
                return pdfium.PdfDocument(data, password="")
            except pdfium.PdfiumError:
                raise InputError(path, N_("encrypted PDF: a password is required to open it")) from None
        if "format" in text or "file" in text or "data" in text:
            raise InputError(path, N_("corrupt or truncated PDF: it cannot be opened")) from None
        raise InputError(path, N_("PDF cannot be opened"), detail=str(exc)) from None


def _page_lines(number: int, text: str) -> list[Line]:
    lines = []
    for index, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        # pdfium joins a word cut at the end of a line and marks the cut with U+FFFE: the hyphen
        # of a compound ("Jean-|Paul", "vingt-|cinq") is kept, a split word ("convo-|qué") joined
        if "\ufffe" in raw:
            raw = hyphens.join_cuts(raw)
        raw = raw.replace("\x02", "-").rstrip()
        lines.append(Line(number, index, raw.strip(), raw))
    return lines


#: fewer letters than this over a page-sized image: a stamp, a header or a footer laid over a scan
OVERLAY_LETTERS = 200


def _overlay_only(page, letters: int) -> bool:
    """Whether the page is a scanned image whose text layer (of ``letters`` letters) is only what
    was added over it (the prefecture's stamp, a running footer): the page's own text is in the
    image."""
    if letters >= OVERLAY_LETTERS:
        return False
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    covered = 0.0
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return covered >= 0.5 * width * height


def _without_own_text(page, text: str) -> bool:
    """Whether OCR reads the page when it is left to decide: its text layer is not language, or
    it is only what was laid over a scan."""
    letters = _ocr.count_letters(text)  # counted once for both
    return not _ocr.usable(text, letters) or _overlay_only(page, letters)


def _blank(page) -> bool:
    """Whether the page holds no object at all (no text, image, drawing or annotation): blank
    without rendering it."""
    import pypdfium2.raw as pdfium_c

    return pdfium_c.FPDFPage_CountObjects(page.raw) == 0 and pdfium_c.FPDFPage_GetAnnotCount(page.raw) == 0


def _needs_tables(page, text: str) -> bool:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if _TABLE_HINT.search(text):
        return True
    # the page's own objects (not those inside forms), by pdfium's functions: ``get_objects``
    # would make a Python object of each one (a sixth of the time of reading a page of text),
    # called bare (see charboxes.bare: a word processor's page has an object a line or more)
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    get_object, get_type = _object_functions()
    raw = page.raw
    rules = 0
    for index in range(count):
        obj = get_object(raw, index)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        if get_type(obj) == pdfium_c.FPDF_PAGEOBJ_PATH:
            rules += 1
            if rules >= _MIN_RULES:
                return True
    return False


class _Handle(ctypes.c_void_p):
    """A handle a bare function returns: kept as a ctypes pointer (a plain c_void_p would come
    back as a Python int, which a bare call would pass as a 32-bit int)."""


@functools.cache
def _object_functions() -> tuple:
    """pdfium's functions for a page's object at an index and an object's type, bare."""
    import pypdfium2.raw as pdfium_c

    get_object = bare(pdfium_c.FPDFPage_GetObject)
    get_object.restype = _Handle
    return get_object, bare(pdfium_c.FPDFPageObj_GetType)


def _in_order(textpage, text: str, engine: str) -> str:
    """The page's text as the fast engine reads it: its lines in reading order (the pdfplumber
    engine reads the page again by itself)."""
    return layout.reading_order(textpage, text) if engine == "fast" else text


OCR_MODES = ("auto", "always", "never")


#: text pages kept loaded once read, at most: a document of a few pages has its findings located
#: without loading a page twice (which costs as much as reading it); a longer one's findings
#: load their pages again, so that its memory stays that of a few pages
KEEP_PAGES = 16


class LoadedPages:
    """A pdfium document and some of its text pages as reading left them loaded:
    ``(page, textpage, text)`` by 0-based page index."""

    def __init__(self, doc):
        self.doc = doc
        self.pages: dict[int, tuple] = {}

    def keep(self, index: int, page, textpage, text: str) -> bool:
        if len(self.pages) >= KEEP_PAGES:
            return False
        self.pages[index] = (page, textpage, text)
        return True

    def get(self, index: int):
        return self.pages.get(index)

    def close(self) -> None:
        for page, textpage, _ in self.pages.values():
            textpage.close()
            page.close()
        self.pages.clear()
        self.doc.close()


def read_pdf(path: str, data: bytes, *, engine: str = "fast", ocr: str = "auto", max_pages: int = 200,
             ocr_threads: int = 1) -> Source:
    loaded = LoadedPages(_open_pdfium(path, data))
    try:
        source = _read_pdf(path, data, loaded, engine=engine, ocr=ocr, max_pages=max_pages, ocr_threads=ocr_threads)
    except BaseException:  # an error, or the timeout's alarm: nothing stays open
        loaded.close()
        raise
    if loaded.pages:
        source.loaded = loaded
    else:
        loaded.close()
    return source


def _read_pdf(path: str, data: bytes, loaded: LoadedPages, *, engine: str, ocr: str, max_pages: int,
              ocr_threads: int) -> Source:
    doc = loaded.doc
    try:
        page_count = len(doc)
        if max_pages and page_count > max_pages:
            raise InputError(path, N_("PDF has {pages} pages, more than --max-pages {max_pages}").format(
                pages=page_count, max_pages=max_pages), "too-large")
        lines: list[Line] = []
        table_pages: list[int] = []
        scanned: list[int] = []
        texts: dict[int, str] = {}
        blank = 0
        for index in range(page_count):
            page = doc[index]
            textpage = None
            kept = False
            try:
                if _blank(page):  # without objects, no text: its text page need not be made
                    blank += 1
                    continue  # a word processor's empty page: nothing to render, nothing to read
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                if ocr == "always" or (ocr == "auto" and _without_own_text(page, text)):
                    scanned.append(index)
                    continue
                if not text.strip():
                    continue  # --ocr never: a page without text gives nothing
                if engine == "fast" and _needs_tables(page, text):
                    table_pages.append(index)
                texts[index] = _in_order(textpage, text, engine)
                kept = loaded.keep(index, page, textpage, text)
            finally:
                if not kept:
                    if textpage is not None:
                        textpage.close()
                    page.close()
        if scanned and ocr != "never":
            ocr_lines, ocr_tables = _read_scans(doc, scanned, path, ocr_threads)
        else:
            ocr_lines, ocr_tables = {}, []
    except InputError:
        raise
    except Exception as exc:  # pdfium raises on damaged page trees
        raise InputError(path, N_("corrupt PDF: a page cannot be read"), detail=f"{exc.__class__.__name__}: {exc}") \
            from None
    if blank == page_count:
        raise InputError(path, N_("every page is blank"))
    if not texts and not ocr_lines:
        if ocr != "never":  # every page to OCR was a render bomb, left unrendered
            raise InputError(path, N_("no page can be read: the pages without text draw too much to be rendered"
                                      " for OCR (more than 100,000 path segments)"))
        raise InputError(path, N_("no page has a text layer (a scan?) and OCR is off (--ocr never)"))
    text_pages = sorted(texts) if engine == "fast" else []
    plumber_pages = table_pages if engine == "fast" else sorted(texts)
    plumber_lines, tables = _plumber(path, data, plumber_pages, with_text=engine != "fast")
    by_page: dict[int, list[Line]] = {i: _page_lines(i + 1, texts[i]) for i in text_pages}
    for line in plumber_lines:
        by_page.setdefault(line.page - 1, []).append(line)
    by_page.update(ocr_lines)
    lines = [line for index in sorted(by_page) for line in by_page[index]]
    for number, line in enumerate(lines, 1):  # numbered through the document: a line number names one line
        line.page_line, line.number = line.number, number
    tables += ocr_tables
    _locate_cells(tables, lines)
    return Source(path, "pdf", lines, tables, page_count=page_count)


def _read_scans(doc, pages: list[int], path: str, threads: int):
    """Lines and tables of pages read by OCR; a clear error when OCR cannot run."""
    reason = _ocr.available()
    if reason:
        listed = ", ".join(str(i + 1) for i in pages[:10]) + (" ..." if len(pages) > 10 else "")
        sentence = (N_("pages {pages} have no text layer and OCR cannot run: {why}") if len(pages) > 1
                    else N_("page {pages} has no text layer and OCR cannot run: {why}"))
        raise InputError(path, sentence.format(pages=listed, why=reason))
    budget.grant_ocr(len(pages))  # the default timeout grows with the pages to read
    lines: dict[int, list[Line]] = {}
    tables: list[Table] = []
    for index, scan in _ocr.ocr_pages(doc, pages, path, threads).items():
        read = scan.lines_with_confidence()
        raws = [text for text, _ in read]
        cleaned = [_ocr.clean_line(raw) for raw in raws]
        lines[index] = [Line(index + 1, number, text, raw, colmap, ocr=True,
                             unsure=confidence < _ocr.SURE_CONFIDENCE, words=boxes)
                        for number, ((text, colmap), (raw, confidence), boxes)
                        in enumerate(zip(cleaned, read, scan.line_boxes()), 1)]
        if _TABLE_HINT.search("\n".join(text for text, _ in cleaned)):
            for rows in _column_tables(scan):
                tables.append(Table(index + 1, [[Cell(_ocr.clean_line(c)[0], index + 1, 0) for c in row]
                                                for row in rows]))
    return lines, tables


def _plumber(path: str, data: bytes, pages: list[int], *, with_text: bool) -> tuple[list[Line], list[Table]]:
    if not pages:
        return [], []
    import pdfplumber

    lines: list[Line] = []
    tables: list[Table] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index in pages:
                page = pdf.pages[index]
                try:
                    if with_text:
                        lines.extend(_page_lines(index + 1, page.extract_text() or ""))
                    for rows in page_tables(page):
                        tables.append(
                            Table(index + 1, [[Cell(c, index + 1, 0) for c in row] for row in rows])
                        )
                finally:
                    page.close()
    except Exception as exc:
        raise InputError(path, N_("corrupt PDF: a page cannot be read"), detail=f"{exc.__class__.__name__}: {exc}") \
            from None
    return lines, tables


def _join(fragments: list[str]) -> str:
    text = ""
    for fragment in fragments:
        fragment = fragment.strip()
        if not fragment:
            continue
        text = f"{text}{fragment}" if not text or text.endswith("-") else f"{text} {fragment}"
    return text


def page_tables(page) -> list[list[list[str]]]:
    """Tables of one pdfplumber page: ruled ones by its line strategy, others by word columns."""
    found = []
    for table in page.find_tables():
        rows = [[_join((cell or "").split("\n")) for cell in row] for row in table.extract()]
        rows = [[c for c in row] for row in rows if any(row)]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 3:
            found.append(rows)
    if found:
        return found
    return _column_tables(page)


class Segment(NamedTuple):
    """Words of one physical line that stand together: one cell's text on that line."""

    x0: float
    x1: float
    top: float
    text: str


def _segments(words: list[dict]) -> list[Segment]:
    """Split a physical line's words into cells where the gap is wider than a space."""
    groups: list[list[dict]] = []
    for word in words:
        if groups and word["x0"] - groups[-1][-1]["x1"] <= _COLUMN_GAP:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [Segment(g[0]["x0"], g[-1]["x1"], g[0]["top"], " ".join(w["text"] for w in g)) for g in groups]


def _column_tables(page) -> list[list[list[str]]]:
    """Tables drawn without rules: runs of lines of three cells or more, with the narrow lines
    between them (wrapped cells), each run made into rows and columns by :func:`_block_table`."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2)
    physical: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if physical and abs(physical[-1][0]["top"] - word["top"]) <= 2:
            physical[-1].append(word)
        else:
            physical.append([word])
    lines = [_segments(sorted(line, key=lambda w: w["x0"])) for line in physical]
    width = float(page.width)
    tables = []
    block: list[list[Segment]] = []
    previous: list[Segment] = []
    for segs in lines + [[]]:
        multi = len(segs) >= 3
        narrow = bool(segs) and all(s.x1 - s.x0 < 0.45 * width for s in segs)
        if multi or (narrow and block):
            if multi and not block and previous and len(previous) < 3 and 0 < segs[0].top - previous[0].top <= 8:
                block.append(previous)  # a wrapped header cell can start just above the first row
            block.append(segs)
        else:
            table = _block_table(block)
            if table:
                tables.append(table)
            block = []
        previous = segs
    return tables


def _block_table(block: list[list[Segment]]) -> list[list[str]] | None:
    """Rows and columns of one run of lines: columns start where the widest lines' cells start;
    a row is an anchor line (a line with nearly every cell) and the wrapped lines around it."""
    anchors_all = [segs for segs in block if len(segs) >= 3]
    if len(anchors_all) < 2:
        return None
    _drop_text_after(block, anchors_all)
    widest = max(len(segs) for segs in block)
    anchors = [segs for segs in block if len(segs) >= max(3, widest - 1)]
    starts = [min(segs[i].x0 for segs in block if len(segs) == widest) for i in range(widest)]

    def column(segment: Segment) -> int:
        centre = (segment.x0 + segment.x1) / 2
        return max((i for i, start in enumerate(starts) if start <= centre + 1), default=0)

    table = []
    for group in _rows(block, anchors):
        cells: list[list[str]] = [[] for _ in range(widest)]
        for segs in sorted(group, key=lambda s: s[0].top):
            for segment in segs:
                cells[column(segment)].append(segment.text)
        table.append([_join(c) for c in cells])
    return table


def _drop_text_after(block: list[list[Segment]], rows: list[list[Segment]]) -> None:
    """Trailing short lines belong to the last row when they are closer to it than rows are to
    each other (a wrapped cell); farther ones are the text after the table."""
    gaps = [b[0].top - a[0].top for a, b in zip(rows, rows[1:]) if b[0].top - a[0].top > 0.5]
    last = rows[-1][0].top
    while len(block[-1]) < 3 and (not gaps or block[-1][0].top - last >= 0.75 * min(gaps)):
        block.pop()


def _rows(block: list[list[Segment]], anchors: list[list[Segment]]) -> list[list[list[Segment]]]:
    """Lines grouped into rows: by the blank space between rows when every group then holds one
    anchor line, else each line with the nearest anchor line (rows set close together)."""
    tops = [segs[0].top for segs in block]
    gaps = [b - a for a, b in zip(tops, tops[1:]) if b - a > 0.5]
    pitch = min(gaps) if gaps else 0
    groups: list[list[list[Segment]]] = [[block[0]]]
    for previous, segs in zip(block, block[1:]):
        if segs[0].top - previous[0].top > pitch * 1.3:
            groups.append([segs])
        else:
            groups[-1].append(segs)
    if all(sum(1 for segs in g if any(segs is a for a in anchors)) == 1 for g in groups):
        return groups
    groups = [[] for _ in anchors]
    for segs in block:
        nearest = min(range(len(anchors)), key=lambda i: (abs(anchors[i][0].top - segs[0].top), i))
        groups[nearest].append(segs)
    return groups


def _locate_cells(tables: list[Table], lines: list[Line]) -> None:
    """Give each table cell the number of the page line where its text stands.

    A row is placed by its longest cell (the most distinctive text); its other cells are looked
    for a few lines around it, since wrapped cells spread over neighbouring lines.
    """
    if not tables:  # most documents: nothing to place
        return
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for table in tables:
        page_lines = by_page.get(table.page, [])
        cursor = 0
        for row in table.rows:
            anchor = max(row, key=lambda c: len(c.text))
            found = _find(page_lines, anchor.text, cursor, len(page_lines))
            if found is None:
                for cell in row:
                    cell.line = page_lines[cursor].number if page_lines else 1
                continue
            cursor = found
            for cell in row:
                near = _find(page_lines, cell.text, max(0, found - 2), found + 3, around=found)
                cell.line = page_lines[near if near is not None else found].number


def _find(lines: list[Line], text: str, start: int, stop: int, around: int | None = None):
    probe = text.split(" ")[0][:24]
    if not probe:
        return None
    hits = [i for i in range(start, min(stop, len(lines))) if probe in lines[i].text]
    if not hits:
        return None
    if around is None:
        return hits[0]
    return min(hits, key=lambda i: (abs(i - around), i))
