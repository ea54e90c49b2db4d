"""A word cut at the end of a PDF line: a hyphenation to join, or the hyphen of a compound to keep.

pdfium joins a word cut at the end of a line and marks the cut with U+FFFE, whether the hyphen
was a word processor's hyphenation (« convo-|qué », « GA-|TARD ») or the hyphen of a compound
that fell at the end of the line (« Jean-|Paul », « vingt-|cinq », « Lavaur-|le-Haut »,
« ci-|dessus »).  The hyphen is kept where French compounds show it: a small then a capital
letter, a number in words, a piece that only stands in compounds, a place name that goes on with
another hyphen, « SAINT- ».
"""

from __future__ import annotations

from .. import patterns

CUT = "\ufffe"

_NUMBERS = {"dix", "vingt", "trente", "quarante", "cinquante", "soixante", "quatre", "cent", "cents"}
_UNITS = {"un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "et", "onze",
          "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts"}
#: pieces written before a hyphen and never cut from a longer word by hyphenation
_BEFORE = {"ci", "non", "elle", "elles", "lui", "eux", "moi", "soi", "nous", "vous", "centre", "mini",
           "co", "rond", "demi", "semi", "anti", "ex", "vice", "saint", "sainte", "notre", "grand", "grande",
           "arrière", "après", "avant", "porte", "nord", "sud"}
#: pieces written after a hyphen
_AFTER = {"même", "mêmes", "dessus", "dessous", "midi"}

_WORD_BEFORE = patterns.compile(r"(\p{L}+)$")
_WORD_AFTER = patterns.compile(r"^(\p{L}+)(-?)")


def keeps_hyphen(before: str, after: str) -> bool:
    """Whether the cut between ``before`` (the text up to the cut) and ``after`` (the text from
    just after it) was a compound's hyphen."""
    left = _WORD_BEFORE.search(before)
    right = _WORD_AFTER.search(after)
    if not left or not right:
        return False
    head, tail, more = left.group(1), right.group(1), right.group(2)
    if head[-1].islower() and tail[0].isupper():
        return True
    low_head, low_tail = head.casefold(), tail.casefold()
    if more and tail[0].islower() and head[0].isupper():  # « Lavaur-|le-Haut », « Saint-Pierre-|les-Nonain »
        return True
    if low_head in _NUMBERS and low_tail in _UNITS:
        return True
    return low_head in _BEFORE or low_tail in _AFTER


def join_cuts(text: str) -> str:
    """``text`` with each cut joined: a hyphen where a compound was cut, nothing where a word was."""
    if CUT not in text:
        return text
    pieces = text.split(CUT)
    joined = pieces[0]
    for piece in pieces[1:]:
        joined += ("-" if keeps_hyphen(joined, piece) else "") + piece
    return joined
