"""Readers: files in, pages of numbered text lines and tables out.

Only this package knows file formats.  Everything downstream sees a :class:`Source`: numbered
lines (with the page for PDFs), the tables found on the pages, and the page count.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from typing import Optional

from .. import patterns
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
    #: PDFs: the line's number within its page, as the page's text layer counts it (``number``
    #: counts through the document)
    page_line: Optional[int] = None

    def __post_init__(self):
        # the parser reads a no-break or thin space as a space; those spaces are not printable
        # (str.isprintable), a test far cheaper than the translation most lines do not need
        if not self.text.isascii() and not self.text.isprintable():
            self.text = self.text.translate(_SPACES)
        # the only blanks left are spaces and tabs: a run too long needs more of them than
        # MAX_BLANKS, which is counted in C and spares most lines the search
        if len(self.text) > MAX_BLANKS and self.text.count(" ") + self.text.count("\t") > MAX_BLANKS:
            self.text, self.colmap = _bounded_blanks(self.text, self.colmap)

    def column(self, index: int) -> int:
        """1-based column in :attr:`raw` of the character at ``index`` in :attr:`text`."""
        if self.colmap is None:
            return index + 1
        if not self.colmap:
            return 1
        return self.colmap[min(index, len(self.colmap) - 1)] + 1


#: blanks in a row that the parser reads, at most: a run of a hundred thousand spaces would make
#: every pattern that looks for "blanks then a word" try each of its positions in turn (quadratic);
#: a layout's widest gap between two columns is far shorter, and the columns shown stay the file's
MAX_BLANKS = 32
#: no-break, thin, figure and other typographic spaces (word processors put them before « : »,
#: « ; », inside « 12 500 € » and « n° 12 »): one character each, so columns stay the same
_SPACES = str.maketrans({c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u202f\u205f\u3000"})
_LONG_BLANKS = patterns.compile(rf"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{{{MAX_BLANKS + 1},}}")


def _bounded_blanks(text: str, colmap: Optional[list[int]]) -> tuple[str, Optional[list[int]]]:
    """``text`` with each run of more than MAX_BLANKS blanks cut to MAX_BLANKS, and the column
    map that leads each character kept back to its place in the line as written."""
    runs = list(_LONG_BLANKS.finditer(text))
    if not runs:
        return text, colmap
    columns = colmap if colmap is not None else range(len(text))
    pieces: list[str] = []
    kept: list[int] = []
    position = 0
    for run in runs:
        end = run.start() + MAX_BLANKS
        pieces.append(text[position:end])
        kept.extend(columns[position:end])
        position = run.end()
    pieces.append(text[position:])
    kept.extend(columns[position:])
    return "".join(pieces), kept


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
    #: PDFs: pages as pdfium loaded them while reading, kept so that findings are located
    #: without loading their pages again (:func:`ent_lint.readers.pages.locate`); released by
    #: :meth:`close`, never pickled
    loaded: object = field(default=None, repr=False, compare=False)

    def close(self) -> None:
        """Release what reading kept open (a PDF's loaded pages); the lines and tables stay."""
        if self.loaded is not None:
            self.loaded.close()
            self.loaded = None

    def __getstate__(self):
        return {**self.__dict__, "loaded": None}

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


def load(path: str, *, max_text: Optional[int] = None) -> bytes:
    """The bytes of a file, or :class:`InputError` for a missing path, a folder, anything but a
    regular file (a FIFO would block the read, a device never ends), an I/O error, or a text
    (not a PDF) longer than ``max_text`` bytes (refused before it is read)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise system_error(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, N_("is a directory, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, N_("not a regular file (a FIFO, a socket or a device): not read"), "unsupported-type")
    try:
        # the file's descriptor read directly: ``open()`` would add a status, a terminal test and
        # a seek to the system calls, and two objects, for every document of a run
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            if max_text and info.st_size > max_text and not path.lower().endswith(".pdf") \
                    and not _head(descriptor).lstrip().startswith(b"%PDF-"):
                raise too_long(path, info.st_size, max_text)
            return _read_all(descriptor, info.st_size)
        finally:
            os.close(descriptor)
    except OSError as exc:
        raise system_error(path, exc) from None


def _head(descriptor: int) -> bytes:
    """The first kilobyte of a file, the file left at its start."""
    if hasattr(os, "pread"):
        return os.pread(descriptor, 1024, 0)
    head = os.read(descriptor, 1024)
    os.lseek(descriptor, 0, os.SEEK_SET)
    return head


def _read_all(descriptor: int, size: int) -> bytes:
    """A file's bytes to its end, in one read when it is ``size`` bytes as its status said (a
    regular file reads short only at its end), more when it grew since."""
    chunks = []
    want = min(max(size, 0) + 1, 1 << 30)  # a read of more than 2 GB would come back short
    while True:
        chunk = os.read(descriptor, want)
        if chunk:
            chunks.append(chunk)
        if len(chunk) < want:
            break
        want = max(want, 64 * 1024)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


#: a fixed sentence per kind of system error; the system's own words go to the detail
_SYSTEM_ERRORS = {
    errno.ENOENT: N_("no such file"),
    errno.EACCES: N_("cannot be read: permission denied"),
    errno.EPERM: N_("cannot be read: permission denied"),
    errno.EIO: N_("cannot be read: input/output error (a failing disk or network share?)"),
    errno.ENAMETOOLONG: N_("cannot be read: the file name is too long"),
    errno.ELOOP: N_("cannot be read: too many levels of symbolic links"),
    errno.ENOTDIR: N_("no such file (a part of the path is not a folder)"),
    errno.EISDIR: N_("is a directory, not a file"),
    errno.EMFILE: N_("cannot be read: too many files open at once"),
    errno.ENFILE: N_("cannot be read: too many files open at once"),
    errno.ENOMEM: N_("cannot be read: out of memory"),
}


def system_error(path: str, exc: OSError) -> InputError:
    """An OSError as an unreadable input: the sentence of its kind, the system's words as detail
    (only the detail for a kind without a sentence)."""
    sentence = _SYSTEM_ERRORS.get(exc.errno, N_("cannot be read (system error)"))
    detail = exc.strerror or str(exc)
    return InputError(path, sentence, detail=None if sentence == N_("no such file") else detail)


def too_long(path: str, size: int, limit: int) -> InputError:
    return InputError(path, N_("text of {size} bytes, more than {limit} (see --max-size)").format(
        size=size, limit=limit), "too-large")


def read_data(name: str, data: bytes, *, engine: str = "fast", ocr: str = "auto", max_pages: int = 200,
              ocr_threads: int = 1, max_size: int = MAX_TEXT_BYTES) -> Source:
    """Read a document given as bytes (a file's, or a zip member's) named ``name``.

    For PDFs, ``ocr`` (auto, always, never) says which pages go through OCR: auto reads the
    pages without a usable text layer; ``max_pages`` refuses longer files (0: no limit).
    ``max_size`` refuses longer texts (bytes, 0: no limit)."""
    if not data or data.isspace():  # as ``not data.strip()``, without copying the file
        raise InputError(name, N_("file is empty"))
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".pdf" or data[:1024].lstrip().startswith(b"%PDF-"):
        from . import pdf

        return pdf.read_pdf(name, data, engine=engine, ocr=ocr, max_pages=max_pages, ocr_threads=ocr_threads)
    if suffix in TEXT_SUFFIXES or not suffix:
        from . import text

        if max_size and len(data) > max_size:
            raise too_long(name, len(data), max_size)

        return text.read_text(name, data, markdown=suffix in {".md", ".markdown"})
    raise InputError(name, unsupported(suffix), "unsupported-type")


def unsupported(suffix: str) -> str:
    """Why a file of this type is not read: the types that are, and how to convert a Word or
    OpenDocument file."""
    return N_("unsupported file type {suffix} (accepted: .pdf, .txt, .md, .zip; convert a Word or OpenDocument"
              " file to PDF first: libreoffice --headless --convert-to pdf FILE)").format(suffix=repr(suffix))
