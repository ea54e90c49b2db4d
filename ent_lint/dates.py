"""French dates and numbers as councils write them, in digits or in words: what the parser and
the rules both read (patterns written for folded text: lower case, no accents)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from . import patterns

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

_UNITS = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
    "mil": 1000,
}
# A whole word: "cinq" is not the start of "cinquante", nor "sept" of "septembre".
NUMBER_WORD = r"(?:zero|une?|premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|" \
              r"treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|" \
              r"mille|mil|et)\b"
# A number in words: words joined by spaces or hyphens ("deux-mille-vingt-et-un").
NUMBER_WORDS = rf"{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*"
MONTH = r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

# Patterns run on folded text (lower case, no accents).
# (?=\d) first: every match opens with a figure, and the look-ahead lets the engine skip to the
# next figure instead of trying the look-behind at every character (for speed; same matches)
DIGIT_DATE = patterns.compile(r"(?=\d)(?<![\d/])(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?"
                              r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")


_WORD_EDGE = patterns.compile(r"[\s-]+")


def words_to_int(text: str) -> Optional[int]:
    """'deux mille vingt-trois' -> 2023, 'vingt-sept' -> 27, '1er' -> 1."""
    text = text.strip()
    if text == "1er":
        return 1
    if text.isdigit():
        return int(text)
    total = current = 0
    previous = None
    seen = False
    for word in _WORD_EDGE.split(text):
        if not word or word == "et":
            continue
        value = _UNITS.get(word)
        if value is None:
            return None
        seen = True
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and previous == "quatre":
            current += 76  # quatre-vingt(s) = 80
        else:
            current += value
        previous = word
    return total + current if seen else None


def _year(text: str) -> Optional[int]:
    year = words_to_int(text)
    if year is None:
        return None
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


def make_date(day: str, month: str, year: str) -> Optional[dt.date]:
    d = words_to_int(day)
    m = MONTHS.get(month) if not month.isdigit() else int(month)
    y = _year(year)
    if d is None or m is None or y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
