"""A PDF finding on its page: where its evidence stands (a box), and the page as an image.

The box comes from the characters of pdfium's text layer (the same text the lines were read
from, so a line number and a column lead to its characters) or, on a page read by OCR, from
tesseract's word boxes kept on the line.  Boxes are in PDF points from the top-left corner of
the page as shown (its crop box), as pdfplumber measures them.  A page is rendered by pdfium at
a bounded size, the box drawn over it.
"""

from __future__ import annotations

import io
from typing import Iterable, Optional

from .. import patterns
from ..errors import InputError
from ..findings import Box, Finding
from ..i18n import N_
from . import Line, Source, hyphens
from .charboxes import CharBoxes

_NEWLINE = patterns.compile(r"\r\n|\r|\n")
#: the longest side of a page image, in pixels
MAX_SIDE = 1400


def locate(data: bytes, source: Source, findings: Iterable[Finding]) -> None:
    """Set the :attr:`~ent_lint.findings.Finding.box` of each finding of a PDF that points at a
    page line, where its evidence (or else its line) is found."""
    wanted = [f for f in findings if f.page is not None and f.line is not None]
    if not wanted:
        return
    pages: dict[int, Optional[_Page]] = {}
    doc = None
    try:
        for finding in wanted:
            line = source.line_at(finding.page, finding.line)
            if line is None:
                continue
            if line.words is not None:
                finding.box = _ocr_box(finding, line, source)
                continue
            if finding.page not in pages:
                kept = source.loaded.get(finding.page - 1) if source.loaded is not None else None
                if kept is not None:  # loaded while reading
                    pages[finding.page] = _Page.of(finding.page, *kept)
                else:
                    if doc is None:
                        import pypdfium2 as pdfium

                        doc = pdfium.PdfDocument(data)
                    pages[finding.page] = _Page.read(doc, finding.page) if finding.page <= len(doc) else None
            page = pages[finding.page]
            if page is not None:
                finding.box = page.box(finding, line)
    finally:
        if doc is not None:
            doc.close()


def _evidence(finding: Finding) -> str:
    return (finding.evidence or "").split("\n")[0].strip()


def _find(text: str, evidence: str, column: Optional[int]) -> Optional[tuple[int, int]]:
    """Where ``evidence`` stands in ``text``: at the column when it is there, else its first
    occurrence, ignoring case; None when it is not in the text."""
    if not evidence:
        return None
    start = (column or 1) - 1
    if text[start:start + len(evidence)] == evidence:
        return start, start + len(evidence)
    found = text.find(evidence)
    if found < 0:
        found = text.casefold().find(evidence.casefold())
    return (found, found + len(evidence)) if found >= 0 else None


def _ocr_box(finding: Finding, line: Line, source: Source) -> Optional[Box]:
    """The OCR words that hold the evidence: in its line, else in the nearest line of the page
    that holds it (a table cell placed on a neighbouring row), else the words at its column."""
    evidence = _evidence(finding)
    span = _find(line.raw, evidence, finding.column)
    if span is None and evidence:
        others = sorted((other for other in source.lines if other.page == line.page and other.words),
                        key=lambda other: abs(other.number - line.number))
        for other in others:
            found = _find(other.raw, evidence, None)
            if found is not None:
                line, span = other, found
                break
    following = source.line_at(line.page, line.number + 1)
    if span is None and evidence and following is not None and following.words:
        # evidence that runs onto the next line ("... et de la" / "Jeunesse")
        found = _find(f"{line.raw} {following.raw}", evidence, finding.column)
        if found is not None and found[1] > len(line.raw):
            rest = found[1] - len(line.raw) - 1
            boxes = ([w for w in line.words if w[1] > found[0]] + [w for w in following.words if w[0] < rest])
            return _union_words(finding.page, boxes)
    if span is None:
        start = (finding.column or 1) - 1
        span = (start, start + max(1, len(evidence))) if evidence else (0, len(line.raw))
    boxes = [w for w in line.words if w[0] < span[1] and w[1] > span[0]] or line.words
    return _union_words(finding.page, boxes)


def _union_words(page: int, boxes: list[tuple]) -> Optional[Box]:
    if not boxes:
        return None
    return _rounded(Box(page, min(w[2] for w in boxes), min(w[3] for w in boxes),
                        max(w[4] for w in boxes), max(w[5] for w in boxes)))


class _Page:
    """One page's text layer: its text, its lines' offsets in it, and its characters' boxes."""

    def __init__(self, number: int, text: str, textpage, origin: tuple[float, float]):
        self.number, self.text, self.origin = number, text, origin
        self.boxes = CharBoxes(textpage)
        self.lines: list[tuple[int, int]] = []
        start = 0
        for match in _NEWLINE.finditer(text):
            self.lines.append((start, match.start()))
            start = match.end()
        self.lines.append((start, len(text)))

    @classmethod
    def read(cls, doc, number: int) -> "_Page":
        page = doc[number - 1]
        textpage = page.get_textpage()
        return cls.of(number, page, textpage, textpage.get_text_range())

    @classmethod
    def of(cls, number: int, page, textpage, text: str) -> "_Page":
        left, _, _, top = page.get_cropbox()
        return cls(number, text, textpage, (left, top))

    def box(self, finding: Finding, line: Line) -> Optional[Box]:
        """The evidence in its line; else its occurrence on the page nearest to the line (a
        table cell placed on a neighbouring row, or the pdfplumber engine's own line numbers);
        else the whole line."""
        evidence = _evidence(finding)
        whole = None
        number = line.page_line or line.number  # the line in this page's text layer
        if number <= len(self.lines):
            start, end = self.lines[number - 1]
            shown, where = _as_read(self.text, start, end)
            if shown.strip() == line.raw.strip():
                found = _find(shown, evidence, finding.column)
                if found:
                    return self._union(where[found[0]], where[found[1] - 1] + 1)
                whole = (where[0], where[-1] + 1) if where else None
                if number < len(self.lines) and evidence:  # evidence running onto the next line
                    after, where_after = _as_read(self.text, *self.lines[number])
                    found = _find(f"{shown} {after}", evidence, finding.column)
                    if found is not None and found[1] > len(shown) and where_after:
                        end = min(found[1] - len(shown) - 1, len(where_after))
                        return self._union(where[found[0]], where_after[max(0, end - 1)] + 1)
        if evidence:
            folded, wanted = self.text.casefold(), evidence.casefold()
            hits = []
            at = folded.find(wanted)
            while at >= 0 and len(hits) < 1000:
                hits.append(at)
                at = folded.find(wanted, at + 1)
            if hits:
                best = min(hits, key=lambda hit: abs(self._line_of(hit) - number))
                return self._union(best, best + len(evidence))
        return self._union(*whole) if whole else None

    def _line_of(self, offset: int) -> int:
        return next((number for number, (start, end) in enumerate(self.lines, 1) if offset <= end), len(self.lines))

    def _union(self, start: int, end: int) -> Optional[Box]:
        union = self.boxes.union(self.text, start, end)  # a generated character has no box: left out
        if union is None:
            return None
        left, top = self.origin
        x0, bottom, x1, y1 = union
        return _rounded(Box(self.number, x0 - left, top - y1, x1 - left, top - bottom))


def _as_read(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """A line of the page's text as the reader shows it (cut words joined, as
    :func:`ent_lint.readers.pdf._page_lines` does), with each character's index in ``text``."""
    segment = text[start:end]
    if "\ufffe" not in segment and "\x02" not in segment:  # most lines: shown as they are
        return segment, list(range(start, start + len(segment)))
    shown, where = [], []
    for offset, char in enumerate(segment):
        if char == "\ufffe":
            if hyphens.keeps_hyphen(segment[:offset], segment[offset + 1:]):
                shown.append("-")
                where.append(start + offset)
            continue
        shown.append("-" if char == "\x02" else char)
        where.append(start + offset)
    return "".join(shown), where


def _rounded(box: Box) -> Box:
    return Box(box.page, round(box.x0, 1), round(box.top, 1), round(box.x1, 1), round(box.bottom, 1))


def page_image(data: bytes, name: str, page: int, boxes: Iterable[Box] = (), *,
               max_side: int = MAX_SIDE, fmt: str = "PNG") -> tuple[bytes, float]:
    """Page ``page`` (1-based) of a PDF as an image whose longest side is at most ``max_side``
    pixels, each box drawn over it (a red frame on a light wash); and the scale (pixels per
    point).  A page too complex to render in bounded time is an :class:`InputError`."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    from .ocr import too_complex
    from .pdf import _open_pdfium

    doc = _open_pdfium(name, data)
    try:
        if not 1 <= page <= len(doc):
            raise InputError(name, N_("no page {page} in this PDF").format(page=page))
        pdf_page = doc[page - 1]
        try:
            if too_complex(pdf_page):
                raise InputError(name, N_("page {page} is too complex to be shown").format(page=page), "too-large")
            width, height = pdf_page.get_size()
            scale = min(max_side / max(width, height, 1.0), 2.0)
            image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        finally:
            pdf_page.close()
    except pdfium.PdfiumError as exc:
        raise InputError(name, f"PDF page cannot be shown ({exc})") from None
    finally:
        doc.close()
    boxes = [b for b in boxes if b.page == page]
    if boxes:
        wash = image.copy()
        draw = ImageDraw.Draw(wash)
        for box in boxes:
            draw.rectangle(_pixels(box, scale), fill=(255, 214, 0))
        image = _blend(image, wash)
        draw = ImageDraw.Draw(image)
        for box in boxes:
            draw.rectangle(_pixels(box, scale), outline=(200, 0, 32), width=max(2, round(scale * 1.2)))
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, format="JPEG", quality=70, optimize=True)
    else:
        image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue(), scale


def _pixels(box: Box, scale: float, margin: float = 2.0) -> tuple[int, int, int, int]:
    return (int((box.x0 - margin) * scale), int((box.top - margin) * scale),
            int((box.x1 + margin) * scale) + 1, int((box.bottom + margin) * scale) + 1)


def _blend(image, wash):
    from PIL import Image

    return Image.blend(image, wash, 0.35)
