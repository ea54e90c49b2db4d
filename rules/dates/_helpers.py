"""What the date rules share: the deliberation's dates by name, and dates read from the text
(folded: lower case, no accents) in digits or in words."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import regex

#: the deliberation's dates: field -> (message name, what the message calls it)
DELIBERATION_DATES = {
    "convened_on": ("convocation", "the convocation date"),
    "posted_on": ("posting", "the posting date"),
    "signed_on": ("signature", "the signature date"),
    "transmitted_on": ("transmission", "the transmission date"),
    "published_on": ("publication", "the publication date"),
    "convention_end": ("end", "the convention's end date"),
}

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}
_UNITS = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
    "mil": 1000,
}
_NUMBER_WORD = (r"(?:zero|une?|premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
                r"treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|"
                r"mille|mil|et)")
#: a number in words: words joined by spaces or hyphens ("vingt-sept", "deux mille vingt-trois")
NUMBER_WORDS = rf"{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*"
MONTH = r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
#: "27/11/2023", "27.11.23", "27 - 11 - 2023"
DIGIT_DATE = (r"(?<![\d/])(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?"
              r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")


def words_to_int(text: str) -> Optional[int]:
    """'deux mille vingt-trois' -> 2023, 'vingt-sept' -> 27, '1er' -> 1, '27' -> 27."""
    text = text.strip()
    if text == "1er":
        return 1
    if text.isdigit():
        return int(text)
    words = [w for w in regex.split(r"[\s-]+", text) if w and w != "et"]
    if not words or any(w not in _UNITS for w in words):
        return None
    total = current = 0
    previous = None
    for word in words:
        value = _UNITS[word]
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
    return total + current


def make_date(day: str, month: str, year: str) -> Optional[dt.date]:
    """The date of a day, month and year as written (digits or words; a month by its name or
    its number; a year in two digits is 19xx from 70)."""
    d, y = words_to_int(day), words_to_int(year)
    m = int(month) if month.isdigit() else MONTHS.get(month)
    if d is None or m is None or y is None:
        return None
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
