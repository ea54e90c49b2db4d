"""The boxes of a pdfium text page's characters, read many at a time.

pypdfium2's ``PdfTextPage.get_charbox`` makes new ctypes numbers at every call and passes the
page through its wrapper: about half of its time.  Reading order and the findings' places read
boxes by the hundred on every page, so this reads them through pdfium's own functions into
numbers made once per page.
"""

from __future__ import annotations

import ctypes
from typing import Iterable


class CharBoxes:
    """Boxes of the characters of one text page, ``(left, bottom, right, top)`` in PDF points,
    as ``PdfTextPage.get_charbox`` gives them: tight (the glyph's), or loose (the font's)."""

    def __init__(self, textpage):
        import pypdfium2.raw as pdfium_c

        self.textpage = textpage  # kept: pdfium's page lives as long as its Python object
        self._raw = textpage.raw
        self._tight_box = pdfium_c.FPDFText_GetCharBox
        self._loose_box = pdfium_c.FPDFText_GetLooseCharBox
        self._rect = pdfium_c.FS_RECTF()
        self._sides = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()

    def tight_boxes(self, indexes: Iterable[int]) -> list[tuple[float, float, float, float]]:
        """The tight box of the character at each index, in one loop (a finding's characters)."""
        read, raw = self._tight_box, self._raw
        left, right, bottom, top = self._sides
        boxes = []
        for index in indexes:
            if not read(raw, index, left, right, bottom, top):  # pdfium's order: left, right, bottom, top
                _failed()
            boxes.append((left.value, bottom.value, right.value, top.value))
        return boxes

    def loose(self, index: int) -> tuple[float, float, float, float]:
        """The loose box of the character at ``index`` (a line's first and last)."""
        rect = self._rect
        if not self._loose_box(self._raw, index, rect):
            _failed()
        return rect.left, rect.bottom, rect.right, rect.top


def _failed():
    import pypdfium2 as pdfium

    raise pdfium.PdfiumError("Failed to get charbox.")
