"""The boxes of a pdfium text page's characters, read many at a time.

pypdfium2's ``PdfTextPage.get_charbox`` makes new ctypes numbers at every call and passes the
page through its wrapper: about half of its time.  Reading order and the findings' places read
boxes by the hundred on every page, so this reads them through pdfium's own functions into
numbers made once per page.
"""

from __future__ import annotations

import ctypes
import functools
from typing import Iterable, Optional


@functools.cache  # made once: the same two for every page
def _functions() -> tuple:
    """pdfium's functions for the tight and the loose box of a character, bare (see :func:`bare`)."""
    import pypdfium2.raw as pdfium_c

    return bare(pdfium_c.FPDFText_GetCharBox), bare(pdfium_c.FPDFText_GetLooseCharBox), pdfium_c.FS_RECTF


def bare(function):
    """pdfium's C function ``function`` (a pypdfium2 binding) without its argument types: ctypes
    then passes the page, the index and the pointers made once as they are, instead of checking
    and converting each argument at every call (half the time of a call, for the boxes read by
    the hundred).  The values passed must be those the binding would pass: handles, small ints
    and pointers.  It returns a C int (an FPDF_BOOL, a count, a type); give it another
    ``restype`` for a handle."""
    return type(function)(ctypes.cast(function, ctypes.c_void_p).value)


class CharBoxes:
    """Boxes of the characters of one text page, ``(left, bottom, right, top)`` in PDF points,
    as ``PdfTextPage.get_charbox`` gives them: tight (the glyph's), or loose (the font's)."""

    def __init__(self, textpage):
        self.textpage = textpage  # kept: pdfium's page lives as long as its Python object
        self._raw = textpage.raw
        self._tight_box, self._loose_box, rectangle = _functions()
        self._rect = rectangle()
        self._rect_ref = ctypes.byref(self._rect)
        self._sides = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        self._side_refs = tuple(ctypes.byref(side) for side in self._sides)

    def tight_boxes(self, indexes: Iterable[int]) -> list[tuple[float, float, float, float]]:
        """The tight box of the character at each index, in one loop (a finding's characters)."""
        read, raw = self._tight_box, self._raw
        left, right, bottom, top = self._sides
        to_left, to_right, to_bottom, to_top = self._side_refs
        boxes = []
        for index in indexes:
            if not read(raw, index, to_left, to_right, to_bottom, to_top):  # pdfium's order: left, right, bottom, top
                _failed()
            boxes.append((left.value, bottom.value, right.value, top.value))
        return boxes

    def union(self, text: str, start: int, end: int) -> Optional[tuple[float, float, float, float]]:
        """The union of the tight boxes of the characters of ``text[start:end]`` (the page's text)
        that are not blanks, those without a box left out (a generated character has none):
        ``(left, bottom, right, top)``, None when no character has one.  What :meth:`tight_boxes`
        of those characters gives, filtered and reduced with min and max, in one loop without a
        list (a finding's place)."""
        read, raw = self._tight_box, self._raw
        left_side, right_side, bottom_side, top_side = self._sides
        to_left, to_right, to_bottom, to_top = self._side_refs
        union = None
        for index in range(start, end):
            if text[index].isspace():
                continue
            if not read(raw, index, to_left, to_right, to_bottom, to_top):
                _failed()
            x0, y0, x1, y1 = left_side.value, bottom_side.value, right_side.value, top_side.value
            if not (x1 > x0 or y1 > y0):
                continue
            if union is None:
                left, bottom, right, top = union = x0, y0, x1, y1
                continue
            # as min() and max() compare, so that the same one of equal (or NaN) values wins
            if x0 < left:
                left = x0
            if y0 < bottom:
                bottom = y0
            if x1 > right:
                right = x1
            if y1 > top:
                top = y1
        if union is None:
            return None
        return left, bottom, right, top

    def loose(self, index: int) -> tuple[float, float, float, float]:
        """The loose box of the character at ``index`` (a line's first and last)."""
        rect = self._rect
        if not self._loose_box(self._raw, index, self._rect_ref):
            _failed()
        return rect.left, rect.bottom, rect.right, rect.top


def _failed():
    import pypdfium2 as pdfium

    raise pdfium.PdfiumError("Failed to get charbox.")
