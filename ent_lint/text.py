"""Text helpers shared by the parser and the rules: folding, and a view of lines with offsets
back to spans.

Rules receive a :class:`TextView` of the whole document: they look for their own phrases in it
(``find``) and point at what they found with the span it gives."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence

from .model import Span
from .readers import Line

if TYPE_CHECKING:
    import regex

_PUNCT = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-",
          "\u2011": "-", "\u2010": "-", "\u00a0": " ", "\u202f": " ", "\t": " ", "\u00ad": "-"}


def _fold_char(char: str) -> str:
    char = _PUNCT.get(char, char)
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character: one character each."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
# the runs of non-ASCII characters of a text, kept by split (the ASCII runs between them)
_NON_ASCII_RUNS = re.compile(r"([^\x00-\x7f]+)")
#: short texts already folded: the parser and the rules fold the same lines and names many times
#: in one document.  Forgotten at each document's start (:func:`new_document`): kept across
#: documents, it would serve a benchmark whose documents differ by one line far better than an
#: archive of real ones.
_FOLDED: dict[str, str] = {}
_FOLDED_SIZE = 4096  # texts kept, at most (then forgotten all at once)
_FOLDED_LENGTH = 200  # characters of a text kept, at most: a whole page is folded once anyway
_PER_DOCUMENT: list[Callable[[], None]] = [_FOLDED.clear]


def per_document(forget: Callable[[], None]) -> Callable[[], None]:
    """Register what forgets a memo kept for one document (``functools.lru_cache``'s
    ``cache_clear``): :func:`new_document` calls it."""
    _PER_DOCUMENT.append(forget)
    return forget


def new_document() -> None:
    """A new document begins: what was kept for the last one is forgotten."""
    for forget in _PER_DOCUMENT:
        forget()


def _fold_ascii(text: str) -> str:
    return text.lower().replace("\t", " ").replace("`", "'")


def fold(text: str) -> str:
    """Lower case without accents, typographic quotes and dashes made plain; same length."""
    folded = _FOLDED.get(text)
    if folded is not None:
        return folded
    if text.isascii():
        folded = _fold_ascii(text)
    else:
        # the ASCII runs folded at C speed, only the other characters looked up in the table one
        # by one (the whole text translated looked every character up: slower by a third)
        parts = _NON_ASCII_RUNS.split(text)
        parts[::2] = [_fold_ascii(part) for part in parts[::2]]
        parts[1::2] = [part.translate(_FOLD) for part in parts[1::2]]
        folded = "".join(parts)
    if len(text) <= _FOLDED_LENGTH:
        if len(_FOLDED) >= _FOLDED_SIZE:
            _FOLDED.clear()
        _FOLDED[text] = folded
    return folded


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def weekday_name(day: dt.date) -> str:
    """The French name of the day of the week ("jeudi")."""
    return WEEKDAYS[day.weekday()]


def french_date(day: dt.date | str) -> str:
    """A date as French readers write it ("14 mars 2024"); an ISO string is accepted."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def deaccent(text: str) -> str:
    """The text without accents, case kept (for display-neutral comparisons)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text)


class View:
    """Consecutive lines joined by newlines, with the folded text for matching.

    Offsets found by matching ``folded`` are the same in ``text``; :meth:`span` turns them back
    into the page, line and column of the file.
    """

    def __init__(self, lines: Sequence[Line]):
        self.lines = list(lines)
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line.text) + 1
        self.text = "\n".join(line.text for line in self.lines)
        self.folded = fold(self.text)
        self._of_lines: dict[tuple[Callable, int], Any] = {}

    # a cached property: computed on first use, then an attribute of the view, read without a call
    # (the parsers read it for each line in many places: for speed)
    @functools.cached_property
    def folded_lines(self) -> list[str]:
        """Each line folded (computed once: fold keeps lengths, so this is ``folded`` cut at newlines)."""
        return self.folded.split("\n") if self.lines else []

    def of_line(self, reading: Callable[[str], Any], index: int) -> Any:
        """``reading`` of folded line ``index``, read once for this view: the parsers ask the same
        of a line in several places."""
        key = (reading, index)
        if key not in self._of_lines:
            self._of_lines[key] = reading(self.folded_lines[index])
        return self._of_lines[key]

    def line_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def span(self, start: int, end: Optional[int] = None) -> Span:
        index = self.line_index(start)
        line = self.lines[index] if self.lines else Line(None, 1, "", "")
        column = start - self.starts[index] if self.lines else 0
        snippet = self.text[start:end if end is not None else start].strip()
        if "\n" in snippet:
            snippet = " ".join(snippet.split())
        return Span(page=line.page, line=line.number, column=line.column(column), text=snippet,
                    ocr=line.ocr, unsure=line.unsure)

    def name_span(self, start: int, end: int, name: str) -> Span:
        """The span of ``name`` (a value cleaned of a civility or an office) inside the text
        between ``start`` and ``end``: from its first word to its last, so that the span holds
        the whole value and not the cleaned value's length counted from ``start``."""
        written = self.text[start:end]
        words = name.split()
        first = written.find(words[0]) if words else -1
        if first < 0:
            return self.span(start, start + len(name))
        last = written.rfind(words[-1])
        stop = last + len(words[-1]) if last >= first else first + len(name)
        return self.span(start + first, start + stop)

    def line_span(self, index: int) -> Span:
        line = self.lines[index]
        return Span(page=line.page, line=line.number, column=1, text=line.text.strip(),
                    ocr=line.ocr, unsure=line.unsure)

    def sub(self, start_line: int, end_line: int) -> "View":
        return View(self.lines[start_line:end_line])

    def find(self, pattern) -> Iterator[tuple["regex.Match", Span]]:
        """Each match of ``pattern`` (a compiled pattern written for folded text: lower case, no
        accents) with the span where it stands in the document."""
        for match in pattern.finditer(self.folded):
            yield match, self.span(match.start(), match.end())

    def original(self, match) -> str:
        """The document's own text (case and accents kept) of a match found in ``folded``."""
        return " ".join(self.text[match.start():match.end()].split())


TextView = View
