"""The counts of the sitting: members in office, legal size, present, represented, voting.

Ways of writing them, each a recogniser with its cases:

- a label and its figure: "Présents : 14", "En exercice : 15 - Présents : 12 - Votants : 14",
  "qui ont pris part à la délibération : 11" (a label cut over two lines is read joined);
- a figure and its label: "15 présents ; 6 pouvoirs", "29 membres en exercice";
- a column of labels, then a column of figures (a table or a margin box exported as text:
  "Nombre de conseillers en exercice :", "en séance :", "Pouvoirs :", then "29", "27", "2").

In a sentence about the quorum, "11 élus représentés" counts the members there in person or not:
it is not the number of proxies ("15 présents ; 6 pouvoirs" there still are counts).
"""

from __future__ import annotations

from typing import Optional

import regex

from .recognisers import Case, of_part, recogniser
from .text import View, fold

PART = "counts"
KEYS = ("in_office", "legal_size", "present", "represented", "voting", "absent")

_LABELS = r"""
      (?P<in_office>\b(?:nombre\s+de\s+)?(?:membres?|conseillers?(?:\s+municipaux|\s+communautaires)?
                   |elus?)?\s*(?:en\s+)?exercice)
    | (?P<legal_size>\b(?:membres?\s+|conseillers?\s+)?afferents?(?:\s+au\s+conseil(?:\s+\w+)?)?
                   |\bnombre\s+legal(?:\s+de\s+(?:membres|conseillers))?)
    | (?P<present>\b(?:nombre\s+de\s+)?(?:membres?\s+|elus?\s+|conseillers?\s+)?presents?
                   |\b(?:conseillers?\s+|membres?\s+)?en\s+seance)
    | (?P<represented>\b(?:absents?\s+)?representes?|\bpouvoirs?|\bprocurations?
                   |\bont\s+donne\s+pouvoir)
    | (?P<voting>\b(?:nombre\s+de\s+)?(?:membres?\s+|conseillers?\s+|elus?\s+)?votants?
                   |\bqui\s+ont\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)
                   |\bayant\s+pris\s+part\s+au\s+vote|\bsuffrages\s+exprimes)
    | (?P<absent>\babsents?(?:\s+excuses?)?)
"""
COUNT = regex.compile(
    rf"""(?x)(?:{_LABELS})
    (?:\s*\(\s*e?\s*s?\s*\))?\s*(?:[:=]|\.{{2,}})?\s*(?P<n>\d{{1,3}})(?![\d/.,:h?])
    (?!\s+(?:votants?|presents?|representes?|absents?|procurations?|pouvoirs?|en\s+exercice)\b)
    """)
COUNT_BEFORE = regex.compile(
    r"(?<![\d/?])(?P<n>\d{1,3})\s+(?:(?:membres?|conseillers?(?:\s+municipaux)?|elus?)\s+)?"
    r"(?P<label>en\s+exercice|presents?|representes?|votants?|procurations?|pouvoirs?)\b")
# A label alone on its line may carry a letter that OCR misread ("en seamce :"): the line being
# only a label, the word is still known.
_LABELS_READ_BY_OCR = _LABELS.replace(r"en\s+seance)", r"en\s+s\p{L}{2,3}ce)")
LABEL_ONLY = regex.compile(rf"""(?x)^\s*(?:{_LABELS_READ_BY_OCR})(?:\s*\(\s*e?\s*s?\s*\))?\s*[:=]?\s*$""")
_QUORUM = regex.compile(r"\bquorum\b")
_BARE_FIGURE = regex.compile(r"^\s*(?P<n>\d{1,3})\s*$")
_RULE = regex.compile(r"^[\s_.\-–—=*]*$")  # a line of underscores or dashes between cells


def _key(match) -> str:
    return next(k for k in KEYS if match[k])


def _before_key(label: str) -> str:
    if "exercice" in label:
        return "in_office"
    if label.startswith("present"):
        return "present"
    if label.startswith(("represent", "procuration", "pouvoir")):
        return "represented"
    return "voting"


def _labels_first(folded: str) -> list[tuple[int, int, str, int]]:
    return [(m.start(), m.end(), _key(m), int(m["n"])) for m in COUNT.finditer(folded)]


def _figures_first(folded: str) -> list[tuple[int, int, str, int]]:
    return [(m.start(), m.end(), _before_key(m["label"]), int(m["n"])) for m in COUNT_BEFORE.finditer(folded)]


def figures_in_line(folded: str) -> list[tuple[int, int, str, int]]:
    """(start, end, key, figure) of each count written on one folded line, in order."""
    found = _labels_first(folded) + _figures_first(folded)
    quorum = _QUORUM.search(folded)
    if quorum:  # "quorum atteint avec 11 élus représentés": members there, in person or not
        found = [f for f in found if f[0] < quorum.start() or f[2] != "represented"
                 or regex.search(r"pouvoirs?|procurations?", folded[f[0]:f[1]])]
    return sorted(found)


def _as_dict(found) -> Optional[dict]:
    result: dict = {}
    for _, _, key, number in found:
        result.setdefault(key, number)
    return result or None


@recogniser(PART, "label-then-figure",
            Case("En exercice : 15 - Présents : 12 - Pouvoirs : 2 - Votants : 14",
                 {"in_office": 15, "present": 12, "represented": 2, "voting": 14}),
            Case("Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14-Le quorum étant atteint",
                 {"in_office": 15, "present": 14, "voting": 14}),
            Case("qui ont pris part à la délibération : 11", {"voting": 11}),
            Case("Présents : 16 jusqu'à la délibération n°2015/62", {"present": 16}),
            Case("Quorum atteint avec 11 élus représentés (minimum 7 élus représentés).", None),
            Case("Présents : M. DUPONT, Mme MARTIN", None))
def label_then_figure(text: str) -> Optional[dict]:
    """"Présents : 14", "En exercice : 15 - Votants : 14": each label with its figure."""
    folded = fold(" ".join(text.split()))
    found = figures_in_line(folded)
    return _as_dict([f for f in found if f in _labels_first(folded)])


@recogniser(PART, "figure-then-label",
            Case("15 présents ; 6 pouvoirs", {"present": 15, "represented": 6}),
            Case("29 membres en exercice", {"in_office": 29}),
            Case("Après avoir constaté que le quorum était atteint (15 présents ; 6 pouvoirs)",
                 {"present": 15, "represented": 6}),
            Case("la salle de 200 places", None))
def figure_then_label(text: str) -> Optional[dict]:
    """"15 présents ; 6 pouvoirs": the figure first."""
    folded = fold(" ".join(text.split()))
    found = figures_in_line(folded)
    return _as_dict([f for f in found if f in _figures_first(folded)])


def column(view: View, first: int, stop: int) -> list[tuple[int, str, int, int]]:
    """Counts written as a column of labels, then a column of figures: (label line, key, figure,
    figure line) for each pair, when as many bare figures follow the labels."""
    labels: list[tuple[int, str]] = []
    figures: list[tuple[int, int]] = []
    for index in range(first, stop):
        folded = view.folded_lines[index]
        if _RULE.match(folded):
            continue
        label = LABEL_ONLY.match(folded)
        if label and not figures:
            labels.append((index, _key(label)))
            continue
        figure = _BARE_FIGURE.match(folded)
        if figure and labels:
            figures.append((index, int(figure["n"])))
            if len(figures) == len(labels):
                break
            continue
        if figures:
            break  # the figures stop short of the labels: not a column
        if labels and not regex.match(r"^\s*nombre\s+de\s+\w+\s*$", folded):
            labels = []  # text between labels: they are not one column
    if len(labels) < 2 or len(figures) != len(labels):
        return []
    return [(li, key, n, fi) for (li, key), (fi, n) in zip(labels, figures)]


@recogniser(PART, "label-column",
            Case("Nombre de conseillers\nen exercice :\n_____\nNombre de conseillers\nen séance :\n_____\n"
                 "Pouvoirs :\n_____\n29\n\n27\n\n2",
                 {"in_office": 29, "present": 27, "represented": 2}),
            Case("Nombre de conseillers\nen exercice :\nNombre de conseillers\nen seamce :\nPouvoirs :\n23\n19\n3",
                 {"in_office": 23, "present": 19, "represented": 3}),
            Case("Présents :\nVotants :\nLe conseil a délibéré.\n12", None))
def label_column(text: str) -> Optional[dict]:
    """A column of labels, then the column of their figures (a table exported as text)."""
    from ..readers import Line

    view = View([Line(None, i + 1, t, t) for i, t in enumerate(text.split("\n"))])
    pairs = column(view, 0, len(view.lines))
    return {key: n for _, key, n, _ in pairs} or None


COUNT_RECOGNISERS = of_part(PART)
