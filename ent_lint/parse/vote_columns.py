"""A list of deliberations written as a table without rules whose last columns hold the votes:

    N°         Objet                                   Pour   Contre   Abst.
    2025-031   Décision modificative n° 2              13     0        0

The heading line names the columns of figures; each row ends with one figure per column.  A
row's figures are its vote only under such a heading; elsewhere figures at the end of a line
are left alone.
"""

from __future__ import annotations

from typing import Optional

from .. import patterns
from .recognisers import Case, recogniser
from .text import View, fold

PART = "vote-columns"

_LABELS = {"pour": "for", "contre": "against", "abstention": "abstain", "abstentions": "abstain",
           "abst": "abstain", "abs": "abstain"}
# the heading of the vote columns, at the end of a line that names the item ("Objet", "Intitulé")
_HEADING = patterns.compile(
    r"(?:objet|intitule|libelle|titre)\b.*?\s(?P<labels>(?:pour|contre|abst(?:ention)?s?\.?)"
    r"(?:\s+(?:pour|contre|abst(?:ention)?s?\.?)){1,2})\s*$")
# one figure per column at the end of a row (a PDF's text may keep one space between them)
ROW_FIGURES = patterns.compile(r"\s(?P<figures>\d{1,3}(?:\s+\d{1,3}){1,2})\s*$")


@recogniser(PART, "vote-columns-heading",
            Case("N°        Objet                                 Pour   Contre   Abst.", ["for", "against", "abstain"]),
            Case("Numéro   Intitulé                    POUR    CONTRE", ["for", "against"]),
            Case("N° Objet Pour Contre Abst.", ["for", "against", "abstain"]),
            Case("N°   Objet   Vote", None),
            Case("Objet : vote pour ou contre", None))
def columns_heading(text: str) -> Optional[list]:
    """"N°  Objet  Pour  Contre  Abst.": the labels of the vote columns, in their order."""
    match = _HEADING.search(fold(text))
    if not match:
        return None
    return [_LABELS[label.rstrip(".")] for label in match["labels"].split()]


def row_vote(view: View, index: int) -> Optional[dict]:
    """The vote written at the end of line ``index`` under a heading of vote columns above it
    (within the 40 lines before): {"for": 13, "against": 0, "abstain": 0}; None elsewhere."""
    row = ROW_FIGURES.search(view.lines[index].text)
    if not row:
        return None
    figures = [int(f) for f in row["figures"].split()]
    for above in range(index - 1, max(-1, index - 40), -1):
        labels = columns_heading.read(view.lines[above].text)
        if labels:
            return dict(zip(labels, figures)) if len(labels) == len(figures) else None
    return None


def without_vote_columns(view: View, index: int, title: Optional[str]) -> Optional[str]:
    """A row's title without the figures of its vote columns ("Tarifs 2026 11 2 0" -> "Tarifs
    2026"), only under a heading of vote columns."""
    if not title or row_vote(view, index) is None:
        return title
    return ROW_FIGURES.sub("", title).strip() or title
