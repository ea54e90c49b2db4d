"""Attendance said in sentences inside a paragraph of the head, as the short minutes of a small
commune write it: "Le Maire constate que 8 conseillers sur 11 sont présents. Mme A a donné
procuration à M. B. Mme C est absente excusée et M. D est absent."

A sentence names each person with a civility; the reading gives the text of each name as
written (folded offsets equal the text's).
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from .recognisers import Case, recogniser
from .text import fold

PART = "attendance-sentence"

_CIVILITY = r"(?:m\.|mme\.?|mlle\.?|monsieur|madame|mr\.?)"
_PERSON = rf"{_CIVILITY}\s*\p{{L}}[^,;.()\n]{{1,50}}?"
_PROXY = patterns.compile(
    rf"(?:^|(?<=[.;]\s))\s*(?P<g>{_PERSON})\s+(?:a\s+donne|donne)\s+(?:son\s+|sa\s+)?(?:pouvoir|procuration|mandat)"
    rf"\s+(?:a|au)\s+(?P<h>{_PERSON})\s*(?=[.;]|\s+et\s|$)")
_ABSENT = patterns.compile(
    rf"(?:^|(?<=[.;]\s)|(?<=\set\s))\s*(?P<who>{_PERSON})\s+(?:est|etait)\s+absente?"
    r"(?:\s+(?:et\s+)?excusee?)?\s*(?=[.;,]|\s+et\s|$)")


def _texts(pattern: regex.Pattern, text: str, groups: tuple[str, ...], word: str) -> list[tuple]:
    """The groups of each match; ``word``: what every match holds (a text without it is not
    scanned, for speed)."""
    folded = fold(text)
    if word not in folded:
        return []
    return [tuple(text[m.start(g):m.end(g)].strip() for g in groups) for m in pattern.finditer(folded)]


@recogniser(PART, "proxy-in-a-sentence",
            Case("le quorum est atteint. Mme Odile CASSE a donné procuration à M. Bernard PRIEUR. Mme Lucie VAYRE",
                 [("Mme Odile CASSE", "M. Bernard PRIEUR")]),
            Case("M. Paul ROUX donne pouvoir à Mme Anne VIAL et M. Luc BRUN à M. Paul DAVID.",
                 [("M. Paul ROUX", "Mme Anne VIAL")]),
            Case("Le Maire rappelle que chaque membre peut donner procuration à un autre.", None))
def proxies_in_sentences(text: str) -> Optional[list[tuple[str, str]]]:
    """"Mme A a donné procuration à M. B." inside a paragraph: (grantor, holder) of each."""
    return _texts(_PROXY, text, ("g", "h"), "donne") or None


@recogniser(PART, "absent-in-a-sentence",
            Case("Mme Lucie VAYRE est absente excusée et M. Fabien RIGOT est absent.",
                 ["Mme Lucie VAYRE", "M. Fabien RIGOT"]),
            Case("procuration à M. Bernard PRIEUR. M. Paul ROUX est absent.", ["M. Paul ROUX"]),
            Case("Le Maire est absent de la commune jusqu'au 12 mai.", None),
            Case("M. Paul ROUX, absent lors du dernier conseil, demande la parole.", None))
def absent_in_sentences(text: str) -> Optional[list[str]]:
    """"Mme C est absente excusée et M. D est absent." inside a paragraph: the names."""
    return [found[0] for found in _texts(_ABSENT, text, ("who",), "absent")] or None
