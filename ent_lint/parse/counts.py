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

from .. import patterns
from . import dates
from .recognisers import Case, of_part, recogniser
from .text import View, fold, holds_any

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
                   |\b(?:qui\s+)?ont\s+pris\s+part\s+(?:a\s+la\s+(?:deliberation){s<=1}|au\s+vote)
                   |\bayant\s+pris\s+part\s+au\s+vote|\bsuffrages\s+exprimes)
    | (?P<absent>\babsents?(?:\s+excuses?)?)
"""
# A word every label of _LABELS holds ("represente" holds "present"; "ont pris part", "ayant pris
# part" hold "pris"; the last, "en séance", is _IN_SITTING): a line holding none holds no label, and
# the patterns that open with a label, costly to try at each character (their optional words come
# first), are not run on it (for speed).
_LABEL_WORDS = ("exercice", "afferent", "legal", "present", "pouvoir", "procuration", "votant", "pris",
                "suffrages", "absent")
_IN_SITTING = patterns.compile(r"en\s+seance")


def may_hold_a_label(folded: str) -> bool:
    """Whether the folded text holds a word that a count's label holds (see ``_LABEL_WORDS``)."""
    return holds_any(folded, _LABEL_WORDS) or "seance" in folded and bool(_IN_SITTING.search(folded))


COUNT = patterns.compile(
    rf"""(?x)(?:{_LABELS})
    (?:\s*\(\s*e?\s*s?\s*\))?\s*(?:[:=]|\.{{2,}})?\s*(?P<n>\d{{1,3}})(?![\d/:h?]|[.,]\s?\d|[oil|]+\b)
    (?!\s+(?:votants?|presents?|representes?|absents?|procurations?|pouvoirs?|en\s+exercice)\b(?!\s*:))
    """)
COUNT_BEFORE = patterns.compile(  # not the figure of the label before ("Présents : 8  Votants : 11")
    r"(?<![\d/?])(?<!:\s{0,4})(?<!:\s{0,4}\d)(?<!:\s{0,4}\d\d)(?P<n>\d{1,3})\s+(?:(?:membres?|conseillers?(?:\s+municipaux)?|elus?)\s+)?"
    r"(?P<label>en\s+exercice|presents?|representes?|votants?|procurations?|pouvoirs?)\b")
# A label alone on its line may carry a letter that OCR misread ("en seamce :"): the line being
# only a label, the word is still known.
_LABELS_READ_BY_OCR = (_LABELS.replace(r"en\s+seance)", r"en\s+s\p{L}{2,3}ce)")
                       .replace(r"(?:en\s+)?exercice)", r"(?:en\s+)?(?:exercice){s<=1})")  # "en eyercice"
                       .replace(r"|\bpouvoirs?|", r"|\b(?:pouvoirs?){s<=1}|"))  # "Po5vOirS"
LABEL_ONLY = patterns.compile(rf"""(?x)^\s*(?:{_LABELS_READ_BY_OCR})(?:\s*\(\s*e?\s*s?\s*\))?\s*[:=]?\s*$""")


# A piece of each label LABEL_ONLY reads, whatever letter OCR misread: "exercice" with one letter
# wrong keeps "exer" or ends "ce", as "en séance" does; "pouvoir" keeps "pou" or "voir"; the others
# are read as written ("representes" holds "present", "ont pris part" "pris").  A text without
# any is not matched (for speed: LABEL_ONLY tries each label's optional words at its start).
_LABEL_ALONE_WORDS = ("ce", "exer", "afferent", "legal", "present", "pou", "voir", "procuration", "votant",
                      "pris", "suffrages", "absent")


def label_only(folded: str) -> Optional[regex.Match]:
    """``LABEL_ONLY.match(folded)``, not tried on a text without a word of ``_LABEL_ALONE_WORDS``."""
    return LABEL_ONLY.match(folded) if holds_any(folded, _LABEL_ALONE_WORDS) else None


def _label_alone(folded: str) -> Optional[regex.Match]:
    """LABEL_ONLY on a folded line (read once per line of a view with :meth:`View.of_line`: three
    ways of writing the counts look for labels alone on the same lines)."""
    return label_only(folded)


_QUORUM = patterns.compile(r"\bquorum\b")
_BARE_FIGURE = patterns.compile(r"^\s*(?P<n>\d{1,3})\s*$")
_RULE = patterns.compile(r"^[\s_.\-–—=*]*$")  # a line of underscores or dashes between cells


# "Présents : huit", "Membres en exercice : onze": a label, its colon and the figure in words.
COUNT_WORDS = patterns.compile(
    rf"""(?x)(?:{_LABELS})(?:\s*\(\s*e?\s*s?\s*\))?\s*:\s*
    (?P<w>(?!et\b|premier\b|mil\b|mille\b|cents?\b){dates.NUMBER_WORDS})\b(?!\s*(?:heures?|h\b|euros?|ans?\b|%))""")


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
    if not may_hold_a_label(folded):
        return []
    return [(m.start(), m.end(), _key(m), int(m["n"])) for m in COUNT.finditer(folded)]


# a colon, then a number's first word: what COUNT_WORDS reads after its label (a cheap test,
# which COUNT_WORDS, trying its labels at each character, is not: for speed)
_COLON_THEN_NUMBER_WORD = patterns.compile(rf":\s*{dates.NUMBER_WORD}")


def count_patterns(folded: str) -> list:
    """Of COUNT and COUNT_WORDS, those that may match the folded text: COUNT reads a figure,
    COUNT_WORDS a colon then a number's word (``_COLON_THEN_NUMBER_WORD``); the other not tried
    (for speed)."""
    found = [COUNT] if _FIGURE.search(folded) else []
    if ":" in folded and _COLON_THEN_NUMBER_WORD.search(folded):
        found.append(COUNT_WORDS)
    return found


def _labels_then_words(folded: str) -> list[tuple[int, int, str, int]]:
    found = []
    if ":" not in folded or not may_hold_a_label(folded) or not _COLON_THEN_NUMBER_WORD.search(folded):
        return found  # a label, its colon, then the figure in words
    for match in COUNT_WORDS.finditer(folded):
        number = dates.words_to_int(match["w"])
        if number and number < 1000 and _key(match) != "absent":
            found.append((match.start(), match.end(), _key(match), number))
    return found


def _figures_first(folded: str) -> list[tuple[int, int, str, int]]:
    if not may_hold_a_label(folded):
        return []  # each label COUNT_BEFORE reads holds one of the words (for speed)
    return [(m.start(), m.end(), _before_key(m["label"]), int(m["n"])) for m in COUNT_BEFORE.finditer(folded)]


# "Quorum atteint avec 11 élus représentés", "le quorum est atteint avec 15 membres présents ou
# représentés": the members there in person or by proxy, who vote (not "minimum 7 élus").
_QUORUM_MEMBERS = patterns.compile(
    r"\bquorum\b[^.;()]{0,40}?\bavec\s+(?P<n>\d{1,3})\s+(?:elus?|membres?|conseillers?)\s+"
    r"(?:presents?\s+ou\s+)?representes?\b")


# "procède à l'appel nominal des 33 conseillers municipaux": the roll call of the members in
# office, as the minutes of an installation write it
_ROLL_CALL = patterns.compile(
    r"\bappel\s+(?:nominal\s+)?des\s+(?P<n>\d{1,3})\s+(?:conseillers|membres|elus)\b"
    r"(?!\s+(?:presents?|absents?|representes?|votants?)\b)")


def _roll_call(folded: str) -> list[tuple[int, int, str, int]]:
    if "appel" not in folded:
        return []  # the word _ROLL_CALL opens with (for speed)
    return [(m.start("n"), m.end(), "in_office", int(m["n"])) for m in _ROLL_CALL.finditer(folded)]


_FIGURE = patterns.compile(r"\d")


# "8 conseillers sur 11 sont présents", "12 présents sur 15", "Présents : 12 sur 15 en exercice":
# the members present out of the members in office
_MEMBERS = r"(?:conseillers?|membres?|elus?|delegues?)(?:\s+(?:municipaux|communautaires|titulaires))?"
_OUT_OF = patterns.compile(
    rf"""(?x)(?<![\d/.,])(?:
      (?P<p>\d{{1,3}})\s+(?:{_MEMBERS}\s+)?presente?s?\s+sur\s+(?P<m>\d{{1,3}})(?![\d/.,]\d)
    | (?P<p>\d{{1,3}})\s+{_MEMBERS}\s+sur\s+(?P<m>\d{{1,3}})(?:\s+(?:en\s+exercice|{_MEMBERS}))*
      \s+(?:sont|etaient|etant)\s+presente?s?
    | presente?s?\s*:\s*(?P<p>\d{{1,3}})\s+sur\s+(?P<m>\d{{1,3}})(?![\d/.,]\d))""")


def _out_of(folded: str) -> list[tuple[int, int, str, int]]:
    found = []
    if "sur" not in folded:
        return found  # the word each way of _OUT_OF holds (for speed)
    for match in _OUT_OF.finditer(folded):
        if int(match["p"]) <= int(match["m"]):
            found += [(match.start(), match.end(), "present", int(match["p"])),
                      (match.start("m"), match.end(), "in_office", int(match["m"]))]
    return found


@recogniser(PART, "present-out-of-in-office",
            Case("Le Maire constate que 8 conseillers sur 11 sont présents ; le quorum est atteint.",
                 {"present": 8, "in_office": 11}),
            Case("12 présents sur 15, le quorum est atteint", {"present": 12, "in_office": 15}),
            Case("Présents : 9 sur 11 en exercice", {"present": 9, "in_office": 11}),
            Case("4 conseillers sur 15 ont voté contre", None),
            Case("14 présents sur 12", None))
def present_out_of_in_office(text: str) -> Optional[dict]:
    """"8 conseillers sur 11 sont présents": the present and the members in office."""
    return _as_dict(_out_of(fold(" ".join(text.split()))))


def figures_in_line(folded: str) -> list[tuple[int, int, str, int]]:
    """(start, end, key, figure) of each count written on one folded line, in order."""
    found = _labels_then_words(folded)
    if _FIGURE.search(folded):  # what the other ways read holds a figure
        found = _labels_first(folded) + _figures_first(folded) + found + _roll_call(folded) + _out_of(folded)
    quorum = _QUORUM.search(folded) if "quorum" in folded else None  # its word, a cheap test first
    if quorum:  # "quorum atteint avec 11 élus représentés": members there, in person or not
        found = [f for f in found if f[0] < quorum.start() or f[2] not in ("represented", "present")
                 or regex.search(r"pouvoirs?|procurations?", folded[f[0]:f[1]])
                 or f[2] == "present" and not regex.match(r"\s*ou\s+represente", folded[f[1]:])]
        members = _QUORUM_MEMBERS.search(folded)
        if members:
            found.append((members.start("n"), members.end(), "voting", int(members["n"])))
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
            Case("Ont pris part au vote : 11", {"voting": 11}),
            Case("N'ont pas pris part au vote : 2", None),
            Case("Présents : 16 jusqu'à la délibération n°2015/62", {"present": 16}),
            Case("Présents : 8  Votants : 11", {"present": 8, "voting": 11}),
            Case("Nombre de membres en exercice : 11 Présents : 8 Votants : 11",
                 {"in_office": 11, "present": 8, "voting": 11}),
            Case("Quorum atteint avec 11 élus représentés (minimum 7 élus représentés).", None),
            Case("Le quorum est atteint avec 15 membres présents ou représentés.", None),
            Case("Nombre de votants : 12.", {"voting": 12}),
            Case("Présents : 12, représentés : 2", {"present": 12, "represented": 2}),
            Case("Nombre de conseillers : en exercice 15, présents 12, votants 14",
                 {"in_office": 15, "present": 12, "voting": 14}),
            Case("Présents : 12,5 % des inscrits", None),
            Case("Présents : M. DUPONT, Mme MARTIN", None))
def label_then_figure(text: str) -> Optional[dict]:
    """"Présents : 14", "En exercice : 15 - Votants : 14": each label with its figure."""
    folded = fold(" ".join(text.split()))
    found = figures_in_line(folded)
    return _as_dict([f for f in found if f in _labels_first(folded)])


@recogniser(PART, "label-then-figure-in-words",
            Case("Membres en exercice : onze - Présents : huit - Votants : dix",
                 {"in_office": 11, "present": 8, "voting": 10}),
            Case("Nombre de conseillers présents : vingt-trois", {"present": 23}),
            Case("Présents : et aussi M. DURAND", None),
            Case("Présents : Mme Une TELLE", None))
def label_then_figure_in_words(text: str) -> Optional[dict]:
    """"Présents : huit": a label and its figure written in words."""
    return _as_dict(_labels_then_words(fold(" ".join(text.split()))))


@recogniser(PART, "figure-then-label",
            Case("15 présents ; 6 pouvoirs", {"present": 15, "represented": 6}),
            Case("29 membres en exercice", {"in_office": 29}),
            Case("Après avoir constaté que le quorum était atteint (15 présents ; 6 pouvoirs)",
                 {"present": 15, "represented": 6}),
            Case("la salle de 200 places", None),
            Case("Présents : 8  Votants : 11", None))
def figure_then_label(text: str) -> Optional[dict]:
    """"15 présents ; 6 pouvoirs": the figure first."""
    folded = fold(" ".join(text.split()))
    found = figures_in_line(folded)
    return _as_dict([f for f in found if f in _figures_first(folded)])


# "en exercice : il", "délibération : ii": OCR read the two ones of "11" as letters (in an old
# style typeface "1" looks like "I", "l" or "i"; "1?" is a letter the reader already could not
# tell).  The figure is read, as one read with doubt: no warning or error stands on it.
_OCR_ONES = patterns.compile(
    rf"""(?x)(?:{_LABELS})(?:\s*\(\s*e?\s*s?\s*\))?\s*:\s*
    (?P<ones>(?=[1il|?]{{2}}\b)(?![1]{{2}})[1il|?]{{2}})\s*[.,;]?\s*$""")
# how _OCR_ONES ends: a line ending otherwise is not scanned with it (for speed)
_ONES_AT_THE_END = patterns.compile(r"[1il|?]\s*[.,;]?\s*$")


@recogniser(PART, "label-then-ones-read-as-letters",
            Case("en exercice : il", {"in_office": 11}),
            Case("qui ont pris part à la délibération : ii", {"voting": 11}),
            Case("Nombre de membres présents : 1i.", {"present": 11}),
            Case("En exercice : 11", None),
            Case("Présents : il est rappelé que", None),
            Case("Absents : Li WEI", None))
def label_then_ones_read_as_letters(text: str) -> Optional[dict]:
    """"En exercice : il": a label whose figure, the last thing on the line, is "11" read by OCR
    as letters.  Read as 11, with doubt."""
    found = ocr_ones_in_line(fold(" ".join(text.split())))
    return _as_dict(found)


def ocr_ones_in_line(folded: str) -> list[tuple[int, int, str, int]]:
    """(start, end, key, figure) of a count whose figure OCR read as letters: "il" for 11, or a
    figure with a letter among its digits ("1O", "l2")."""
    if not may_hold_a_label(folded) or ":" not in folded:
        return []  # both ways read a label, then a colon
    match = _OCR_ONES.search(folded) if _ONES_AT_THE_END.search(folded) else None
    if match is None or _key(match) == "absent":
        return _digits_and_letters(folded)
    return [(match.start(), match.end("ones"), _key(match), 11)]


# "en exercice : 1O", "Présents : l2": OCR read a 0 as the letter O, a 1 as l or I, among digits
_OCR_DIGITS = patterns.compile(
    rf"""(?x)(?:{_LABELS})(?:\s*\(\s*e?\s*s?\s*\))?\s*:\s*
    (?P<fig>(?=[0-9oil|]{{2,3}}\b)(?=[oil|]*\d)(?=\d*[oil|])[0-9oil|]{{2,3}})\b(?!\s*(?:h\b|heures?|euros?|%))""")
_AS_DIGIT = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1"})


def _digits_and_letters(folded: str) -> list[tuple[int, int, str, int]]:
    if not may_hold_a_label(folded) or ":" not in folded or not _FIGURE.search(folded):
        return []  # a label, a colon and a figure with a digit: what _OCR_DIGITS reads
    return [(m.start(), m.end("fig"), _key(m), int(m["fig"].translate(_AS_DIGIT)))
            for m in _OCR_DIGITS.finditer(folded) if _key(m) != "absent"]


@recogniser(PART, "label-then-digits-read-as-letters",
            Case("en exercice : 1O", {"in_office": 10}),
            Case("Présents : l2 – Votants : 14", {"present": 12}),
            Case("Membres en exercice : 2O.", {"in_office": 20}),
            Case("Présents : lo", None),
            Case("Présents : 12", None),
            Case("Absents : Li WEI", None))
def label_then_digits_read_as_letters(text: str) -> Optional[dict]:
    """"En exercice : 1O": a figure whose 0 OCR read as the letter O (or 1 as l): read, with doubt."""
    return _as_dict(_digits_and_letters(fold(" ".join(text.split()))))


@recogniser(PART, "roll-call-of-the-members",
            Case("Le doyen procède à l'appel nominal des 27 conseillers municipaux.", {"in_office": 27}),
            Case("Mme Anne MARTIN procède à l'appel des 19 membres du conseil", {"in_office": 19}),
            Case("Il est procédé à l'appel des conseillers.", None),
            Case("procède à l'appel des 3 candidats", None),
            Case("après l'appel des 12 conseillers présents", None))
def roll_call_of_the_members(text: str) -> Optional[dict]:
    """"Procède à l'appel nominal des 27 conseillers municipaux": the members in office called
    one by one at the opening of an installation."""
    return _as_dict(_roll_call(fold(" ".join(text.split()))))


@recogniser(PART, "quorum-with-members-there",
            Case("Quorum atteint avec 11 élus représentés (minimum 7 élus représentés).", {"voting": 11}),
            Case("Le quorum est atteint avec 15 membres présents ou représentés.", {"voting": 15}),
            Case("Le quorum (8 membres) est atteint.", None),
            Case("Quorum atteint avec 9 élus présents.", None))
def quorum_with_members_there(text: str) -> Optional[dict]:
    """"Quorum atteint avec 11 élus représentés": the members there in person or by proxy, that
    is the voters."""
    members = _QUORUM_MEMBERS.search(fold(" ".join(text.split())))
    return {"voting": int(members["n"])} if members else None


def column(view: View, first: int, stop: int) -> list[tuple[int, str, int, int]]:
    """Counts written as a column of labels, then a column of figures: (label line, key, figure,
    figure line) for each pair, when as many bare figures follow the labels."""
    labels: list[tuple[int, str]] = []
    figures: list[tuple[int, int]] = []
    for index in range(first, stop):
        folded = view.folded_lines[index]
        if _RULE.match(folded):
            continue
        label = view.of_line(_label_alone, index)
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


# "16 jusqu'à la délibération n°2015/62": a figure that opens its line and a few words that
# qualify it, not a label of another count, a unit or a date.
_FIGURE_OPENS = patterns.compile(
    r"^\s*(?P<n>\d{1,3})\s+(?!(?:er|e|eme|h|heures?|%|euros?|€|janvier|fevrier|mars|avril|mai|juin|juillet"
    r"|aout|septembre|octobre|novembre|decembre|rue|avenue)\b)(?=\p{L})")


def figure_below(view: View, first: int, stop: int) -> list[tuple[int, str, int, int]]:
    """A label alone on its line ("Présents :") and its figure opening the next line ("16
    jusqu'à la délibération n°2015/62"): (label line, key, figure, figure line) of each.  The
    figure must be followed by a word in lower case: "20 MME COCHAT" is a list with a figure
    read from the margin."""
    found = []
    for index in range(first, min(stop, len(view.lines)) - 1):
        label = view.of_line(_label_alone, index)
        if not label or _key(label) == "absent":
            continue
        below = view.folded_lines[index + 1]
        figure = _FIGURE_OPENS.match(below)
        if figure and view.lines[index + 1].text[figure.end():figure.end() + 1].islower() \
                and not figures_in_line(below) and not view.of_line(_label_alone, index + 1):
            found.append((index, _key(label), int(figure["n"]), index + 1))
    return found


_ROW_CELL = patterns.compile(r"\S+(?: \S+)*")  # cells of a row of text: words a single space apart


def _row_labels(folded: str) -> Optional[list[tuple[int, int, str]]]:
    """A line that is only count labels side by side ("En exercice   Présents   Votants"), each
    with where it stands; None for any other line."""
    found = _ROW_CELL.finditer(folded.replace("|", " "))
    first = next(found, None)
    if first is None or not label_only(first[0]):
        return None  # the first cell is no label: the others not cut out (for speed)
    cells = [(m.start(), m.end(), m[0]) for m in (first, *found)]
    labels = []
    for start, end, cell in cells:
        label = label_only(cell)
        if not label or _key(label) == "absent" and len(cells) < 3:
            return None
        labels.append((start, end, _key(label)))
    return labels if len(labels) >= 2 else None


def labels_in_a_row(view: View, first: int, stop: int) -> list[tuple[int, str, int, int]]:
    """Counts written as a row of labels over a row of figures, one figure under each label:
    (label line, key, figure, figure line) of each."""
    for index in range(first, min(stop, len(view.lines))):
        labels = _row_labels(view.folded_lines[index])
        if labels is None:
            continue
        below = next((i for i in range(index + 1, min(index + 3, len(view.lines))) if view.folded_lines[i].strip()), None)
        figures = [] if below is None else [(m.start(), m.end(), m[0]) for m in _ROW_CELL.finditer(
            view.folded_lines[below].replace("|", " "))]
        if len(figures) != len(labels) or not all(_BARE_FIGURE.match(f[2]) for f in figures):
            continue
        return [(index, key, int(figure[2]), below) for (_, _, key), figure in zip(labels, figures)
                if key != "absent"]
    return []


@recogniser(PART, "labels-in-a-row-figures-below",
            Case("En exercice   Présents   Représentés   Votants\n    11            8           2            10",
                 {"in_office": 11, "present": 8, "represented": 2, "voting": 10}),
            Case("| Membres en exercice | Présents | Votants |\n| 15 | 12 | 14 |",
                 {"in_office": 15, "present": 12, "voting": 14}),
            Case("En exercice   Présents   Votants\n    11            8", None),
            Case("Présents   Absents\nDURAND    MARTIN", None))
def labels_in_a_row_figures_below(text: str) -> Optional[dict]:
    """A row of count labels over a row of figures (a table exported as text)."""
    from ..readers import Line

    view = View([Line(None, i + 1, t, t) for i, t in enumerate(text.split("\n"))])
    return {key: n for _, key, n, _ in labels_in_a_row(view, 0, len(view.lines))} or None


@recogniser(PART, "label-then-figure-below",
            Case("Présents :\n16 jusqu'à la délibération n°2015/62", {"present": 16}),
            Case("Procurations :\n1 jusqu'à la délibération n°4\n2 à partir de la délibération n°5",
                 {"represented": 1}),
            Case("Présents :\n12 rue de la Mairie", None),
            Case("Votants :\n14", None),
            Case("Présents :\n3 juin 2024", None),
            Case("Présents :\n12 présents, 2 pouvoirs", None),
            Case("Présents :\n20 MME COCHAT, M. DURAND", None))
def label_then_figure_below(text: str) -> Optional[dict]:
    """A label alone on its line, its figure opening the next, with words that qualify it."""
    from ..readers import Line

    view = View([Line(None, i + 1, t, t) for i, t in enumerate(text.split("\n"))])
    return {key: n for _, key, n, _ in figure_below(view, 0, len(view.lines))} or None


def _margin_figure(view: View, index: int) -> Optional[int]:
    """The figure of a count printed in the margin and read into line ``index`` ("29 David
    NICOLAS, Maire", "21 Étaient présents"), or a figure alone on its line."""
    bare = _BARE_FIGURE.match(view.folded_lines[index])
    if bare:
        return int(bare["n"])
    figure = _FIGURE_OPENS.match(view.folded_lines[index])
    text = view.lines[index].text
    if figure is None or figures_in_line(view.folded_lines[index]):
        return None
    after = text[figure.end():]
    return int(figure["n"]) if after[:1].isupper() or regex.match(r"(?:d['’]|l['’]|de\s|du\s)", after) else None


def margin_figures(view: View, first: int, stop: int) -> list[tuple[int, str, int, int]]:
    """A scanned page's margin box read into the text: its labels alone on their lines
    ("Nombre de conseillers en exercice :", "en séance :", "Pouvoirs :"), their figures each
    opening one of the lines that follow ("29 d'Avranches, dûment convoqué", "21 Étaient
    présents"), in order.  Read only when the figures agree with each other (present and
    represented within the members in office)."""
    labels: list[tuple[int, str]] = []
    figures: list[tuple[int, int]] = []
    for index in range(first, min(stop, len(view.lines))):
        label = view.of_line(_label_alone, index)
        if label and _key(label) in ("in_office", "present", "represented"):
            if _key(label) not in (key for _, key in labels):  # "Pouvoirs" again: the list's heading
                labels.append((index, _key(label)))
        elif labels and len(figures) < len(labels):
            figure = _margin_figure(view, index)
            if figure is not None:
                figures.append((index, figure))
    if len(labels) < 2 or len(figures) != len(labels):
        return []
    values = {key: n for (_, key), (_, n) in zip(labels, figures)}
    if "in_office" in values and values.get("present", 0) + values.get("represented", 0) > values["in_office"]:
        return []
    return [(li, key, n, fi) for (li, key), (fi, n) in zip(labels, figures)]


@recogniser(PART, "margin-figures",
            Case("Nombre de conseillers\nen exercice :\nNombre de conseillers\nen séance :\n"
                 "L'an deux mille vingt, le conseil municipal de la ville\n23 de Brécey, dûment convoqué,\n"
                 "17 Étaient présents : M. DURAND, Maire\nPouvoirs :\n4",
                 {"in_office": 23, "present": 17, "represented": 4}),
            Case("en exercice :\nen séance :\nPo5vOirS :\nDate de la convocation :\n3 mars 2021\n"
                 "15 Paul DURAND, Maire\n12 MME ROUX, M. PETIT,\n2 MM. BLANC, FAURE",
                 {"in_office": 15, "present": 12, "represented": 2}),
            Case("en exercice :\nen séance :\n12 Paul DURAND, Maire\n15 MME ROUX", None),
            Case("en exercice :\nen séance :\n15 Paul DURAND, Maire", None))
def margin_figures_reading(text: str) -> Optional[dict]:
    """Labels of a margin box alone on their lines, their figures opening the lines after."""
    from ..readers import Line

    view = View([Line(None, i + 1, t, t) for i, t in enumerate(text.split("\n"))])
    return {key: n for _, key, n, _ in margin_figures(view, 0, len(view.lines))} or None


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
