"""Readers: files in, pages of numbered text lines and tables out.

Only this package knows file formats.  Everything downstream sees a :class:`Source`: numbered
lines (with the page for PDFs), the tables found on the pages, and the page count.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import Optional

from ..errors import InputError
from ..i18n import N_


@dataclass(slots=True)
class Line:
    page: Optional[int]
    number: int
    text: str
    """The text the parser reads (markup removed)."""
    raw: str
    """The line as it stands in the file, for display."""
    colmap: Optional[list[int]] = None
    ocr: bool = False
    #: OCR read a word of this line with low confidence: its names may be misread
    unsure: bool = False
    #: OCR lines: each word's place in :attr:`raw` and its box on the page, in points
    #: ``(start, end, x0, top, x1, bottom)``
    words: Optional[list[tuple]] = None

    def column(self, index: int) -> int:
        """1-based column in :attr:`raw` of the character at ``index`` in :attr:`text`."""
        if self.colmap is None:
            return index + 1
        if not self.colmap:
            return 1
        return self.colmap[min(index, len(self.colmap) - 1)] + 1


@dataclass(slots=True)
class Cell:
    text: str
    page: Optional[int]
    line: int


@dataclass(slots=True)
class Table:
    page: Optional[int]
    rows: list[list[Cell]]


@dataclass
class Source:
    path: str
    kind: str
    lines: list[Line]
    tables: list[Table] = field(default_factory=list)
    page_count: Optional[int] = None

    def line_at(self, page: Optional[int], number: int) -> Optional[Line]:
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = {}
            for line in self.lines:
                index.setdefault((line.page, line.number), line)
        return index.get((page, number))


TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
MAX_TEXT_BYTES = 20 * 1024**2  # a text input larger than this is refused (--max-size)


def read(path: str, *, engine: str = "fast", **options) -> Source:
    """Read a file into a :class:`Source`, or raise :class:`InputError` with a one-line reason.

    ``engine`` chooses how PDFs are read: ``fast`` takes the text layer through pypdfium2 and
    uses pdfplumber only on pages that show a table; ``pdfplumber`` reads every page with it.
    """
    return read_data(path, load(path), engine=engine, **options)


def load(path: str) -> bytes:
    """The bytes of a file, or :class:`InputError` for a missing path, a folder, anything but a
    regular file (a FIFO would block the read, a device never ends), or an I/O error."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(path, N_("no such file")) from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise InputError(path, N_("is a directory, not a file"))
    if not stat.S_ISREG(mode):
        raise InputError(path, N_("not a regular file (a FIFO, a socket or a device): not read"), "unsupported-type")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None


def read_data(name: str, data: bytes, *, engine: str = "fast", ocr: str = "auto", max_pages: int = 200,
              ocr_threads: int = 1, max_size: int = MAX_TEXT_BYTES) -> Source:
    """Read a document given as bytes (a file's, or a zip member's) named ``name``.

    For PDFs, ``ocr`` (auto, always, never) says which pages go through OCR: auto reads the
    pages without a usable text layer; ``max_pages`` refuses longer files (0: no limit).
    ``max_size`` refuses longer texts (bytes, 0: no limit)."""
    if not data.strip():
        raise InputError(name, N_("file is empty"))
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".pdf" or data[:1024].lstrip().startswith(b"%PDF-"):
        from . import pdf

        return pdf.read_pdf(name, data, engine=engine, ocr=ocr, max_pages=max_pages, ocr_threads=ocr_threads)
    if suffix in TEXT_SUFFIXES or not suffix:
        from . import text

        if max_size and len(data) > max_size:
            raise InputError(name, f"text of {len(data)} bytes, more than {max_size} (see --max-size)", "too-large")

        return text.read_text(name, data, markdown=suffix in {".md", ".markdown"})
    raise InputError(name, N_("unsupported file type {suffix} (expected .pdf, .txt or .md)").format(suffix=repr(suffix)),
                     "unsupported-type")
