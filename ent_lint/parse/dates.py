"""Dates, times and numbers as French council documents write them, in digits or in words."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import regex

from .. import patterns
from ..dates import (DIGIT_DATE, MONTH, MONTHS, NUMBER_WORD, NUMBER_WORDS, WEEKDAY, WEEKDAYS,  # noqa: F401
                     make_date, words_to_int)

TEXT_DATE = patterns.compile(
    rf"(?:(?P<wd>{WEEKDAY})\s+)?(?P<d>1er|[0-3]?\d|{NUMBER_WORDS})\s+(?:du\s+mois\s+d[e']\s*)?"
    rf"(?P<m>{MONTH})\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d)")
WORDS_DATE = patterns.compile(
    rf"l'an\s+(?P<y>{NUMBER_WORDS})\s*,?\s*(?:et\s+)?le\s+(?:(?P<wd>{WEEKDAY})\s+)?"
    rf"(?P<d>1er|[0-3]?\d|{NUMBER_WORDS})\s+(?:du\s+mois\s+d[e']\s*)?(?P<m>{MONTH})")
# a whole date in words, the year too: "vingt-quatre novembre deux mil vingt-trois"
ALL_WORDS_DATE = patterns.compile(
    rf"(?:(?P<wd>{WEEKDAY})\s+)?(?P<d>1er|{NUMBER_WORDS})\s+(?P<m>{MONTH})\s+(?P<y>(?:deux\s+)?mil(?:le)?(?:[\s-]+{NUMBER_WORD})*)")
# the opening sentence giving the date in words without "L'an": "Le neuf avril deux mille
# vingt-quatre, à vingt heures, le conseil municipal...", "Le mardi 9 avril de l'an deux mil
# vingt-quatre"; not the day the convocation was sent ("Le deux avril deux mille vingt-quatre,
# le maire a convoqué...")
OPENING_WORDS_DATE = patterns.compile(
    rf"(?m)^[ \t]*le\s+(?:(?P<wd>{WEEKDAY})\s+)?(?P<d>1er|[0-3]?\d|{NUMBER_WORDS})\s+(?P<m>{MONTH})\s*,?\s+"
    rf"(?:de\s+l'an\s+)?(?P<y>(?:deux\s+)?mil(?:le)?(?:[\s-]+{NUMBER_WORD})*+)")
# what follows the date of the day the convocation was sent
_CONVOCATION_SENT = patterns.compile(
    r"\W*(?:(?:a\s+\S+\s+heures?\W*)?(?:le|la)\s+(?:maire|presidente?)\s+a\s+(?:convoque|adresse|envoye)|(?:convocation|envoi)\b)")
WEEKDAY_DIGITS = patterns.compile(rf"(?P<wd>{WEEKDAY})\s+(?P<date>{DIGIT_DATE.pattern})")
TIME = patterns.compile(
    rf"(?<![\d])(?P<h>[0-2]?\d)\s?(?:heures?|h|:)\s?(?P<min>[0-5]\d)?(?!\d)"  # "20 heures 30": not "20 h"
    rf"|(?P<wh>{NUMBER_WORDS})\s+heures?(?:\s+(?P<wm>{NUMBER_WORDS}|et\s+demie|quart))?")
# Placeholders where a date should be: "le .....", "__/__/____", "../../....", "XX/XX/XXXX".
BLANK = patterns.compile(
    r"(?:[._\u2026]{3,}(?:\s*/\s*[._\u2026]{2,}){0,2}"
    r"|_{1,}\s*/\s*_{1,}\s*/\s*_{2,}|\.{2}\s*/\s*\.{2}\s*/\s*\.{2,4}"
    r"|xx\s*/\s*xx\s*/\s*x{2,4}|\bxx\b(?:\s+\w+\s+x{2,4})?)")


def date_from_match(match: regex.Match) -> Optional[dt.date]:
    return make_date(match["d"], match["m"], match["y"])


_FIGURE = patterns.compile(r"\d")


def first_date(folded: str) -> tuple[Optional[dt.date], Optional[regex.Match]]:
    """The first date written in digits or with a month name in a folded string."""
    if not _FIGURE.search(folded):
        return None, None  # both ways write the year in figures (a cheap test before them: for speed)
    best, best_date = None, None
    for pattern in (DIGIT_DATE, TEXT_DATE):
        match = pattern.search(folded)
        if match and (best is None or match.start() < best.start()):
            date = date_from_match(match)
            if date:
                best, best_date = match, date
    return (best_date, best) if best else (None, None)


def parse_time(folded: str) -> Optional[str]:
    if "h" not in folded and ":" not in folded:
        return None  # every way of TIME holds one ("heures", "h", "20:30"): not searched (for speed)
    match = TIME.search(folded)
    if not match:
        return None
    if match["h"] is not None:
        hour, minute = int(match["h"]), int(match["min"] or 0)
    else:
        hour = words_to_int(match["wh"])
        extra = match["wm"] or ""
        minute = 30 if "demie" in extra else 15 if "quart" in extra else words_to_int(extra) or 0
        if hour is None:
            return None
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def weekday_name(date: dt.date) -> str:
    return WEEKDAYS[date.weekday()]


def words_date(folded: str) -> Optional[regex.Match]:
    """The sitting's date written in words in the opening sentence: "L'an deux mille vingt-quatre,
    le neuf avril", else "Le neuf avril deux mille vingt-quatre" at the start of a line."""
    # Each pattern needs a word ("l'an"; "mil" of the year): a text without it is not searched,
    # nor the pattern compiled (long ones: 5 ms of the first document).
    found = WORDS_DATE.search(folded) if "l'an" in folded else None
    if found:
        return found
    if "mil" not in folded:
        return None
    return next((m for m in OPENING_WORDS_DATE.finditer(folded)
                 if not _CONVOCATION_SENT.match(folded, m.end(), m.end() + 80)), None)
