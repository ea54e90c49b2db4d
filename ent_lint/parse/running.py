"""The running title of the pages: a header or footer repeated on every page that names the
sitting and its date ("CM – 15.09.2014", "Conseil municipal du 15 septembre 2014 – page 3",
"PV séance du 15/09/2014").

Templates carry it from one sitting to the next, and it is where an old date survives: the
sitting's date written a third way.  A line counts as a running title when the same words (page
numbers aside) stand at the top of two pages or more, or at the bottom of two pages or more (three times or more in a
text without pages), name a sitting (conseil, CM, séance, procès-verbal, compte rendu) and hold
a date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Optional, Sequence

from .. import patterns
from . import dates
from .recognisers import Case, recogniser
from .text import fold

PART = "running-title"

_SITTING = patterns.compile(r"\b(?:c\.?\s?m\.?|conseil\b|seance|proces[\s-]verbal|p\.?\s?v\.?|compte[\s-]rendu|c\.?\s?r\.?)(?!\w)")
# page numbers and their words, left out when lines are compared: "page 3", "3/12", "- 3 -"
_PAGE = patterns.compile(r"\bpage\s+\d+(?:\s*(?:/|sur)\s*\d+)?|(?<![\d./])\d{1,3}\s*/\s*\d{1,3}(?![\d./])|^\s*-?\s*\d{1,3}\s*-?\s*$"
                         r"|[-–]\s*\d{1,3}\s*[-–]")
_FIGURE = patterns.compile(r"\d")
_LONGEST = 120  # a running title is a short line


def _titled_date(folded_line: str) -> Optional[tuple[dt.date, int, int]]:
    """The date of a line that names a sitting, and where it stands."""
    if len(folded_line) > _LONGEST or not _SITTING.search(folded_line):
        return None
    value, match = dates.first_date(folded_line)
    return (value, match.start(), match.end()) if value else None


@recogniser(PART, "sitting-and-date",
            Case("CM – 15.09.2019", dt.date(2019, 9, 15)),
            Case("Conseil municipal du 15 septembre 2014 – page 3", dt.date(2014, 9, 15)),
            Case("PV séance du 15/09/2014", dt.date(2014, 9, 15)),
            Case("Vu la délibération du conseil municipal du 11 septembre 2014 portant sur les tarifs de la "
                 "cantine scolaire et de la garderie périscolaire pour l'année scolaire", None),
            Case("Mairie de Saint-Martin – 15.09.2014", None))
def sitting_and_date(text: str) -> Optional[dt.date]:
    """A short line naming the sitting with its date."""
    found = _titled_date(fold(text).strip())
    return found[0] if found else None


def _page_edges(lines: Sequence, depth: int = 3) -> tuple[set[int], set[int]]:
    """The indexes of the first and of the last ``depth`` lines with text of each page: where
    headers and footers stand."""
    by_page: dict[object, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.page is not None and line.text.strip():
            by_page[line.page].append(index)
    heads = {i for indexes in by_page.values() for i in indexes[:depth]}
    feet = {i for indexes in by_page.values() for i in indexes[-depth:]}
    return heads, feet


def running_title(lines: Sequence) -> Optional[tuple[int, dt.date, int, int]]:
    """The first line of the running title (its index in ``lines``), its date and where the date
    stands in it; ``None`` when no line names the sitting with a date on several pages."""
    pages_of_text = {line.page for line in lines if line.text.strip()}
    if None not in pages_of_text and len(pages_of_text) < 2:
        return None  # the text on one page: no line of it stands on two (for speed)
    seen: dict[str, list[int]] = defaultdict(list)
    heads, feet = _page_edges(lines)
    edges = heads | feet
    for index, line in enumerate(lines):
        folded = fold(line.text).strip()
        if folded and len(folded) <= _LONGEST and (line.page is None or index in edges):
            if _FIGURE.search(folded):  # every page number holds a figure (the test is cheaper: for speed)
                folded = _PAGE.sub(" ", folded)
            seen[" ".join(folded.split())].append(index)
    for indexes in seen.values():
        pages = {lines[i].page for i in indexes if lines[i].page is not None}
        if len(pages) < 2 and (pages or len(indexes) < 3):
            continue
        if pages and not (set(indexes) <= heads or set(indexes) <= feet):
            continue  # a header on one page and a footer on another: a line of the text
        found = _titled_date(fold(lines[indexes[0]].text))
        if found:
            return indexes[0], found[0], found[1], found[2]
    return None
