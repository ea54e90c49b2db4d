"""Phrases found anywhere in a document that rules judge: one pass over the whole text.

Ministry names, the names given to one notion, template residue, date placeholders, weekdays
written beside a date, and postcodes (to know the collectivity's département).
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

import regex

from ..model import Mention
from . import dates
from .text import View

MINISTRY = regex.compile(
    r"minist[eè]re\s+de\s+l'\s?education\s+nationale"
    r"(?P<rest>(?:\s*(?:,|\bet\b)\s*(?:de\s+la\s+|des\s+|de\s+l'\s?|du\s+|de\s+)?"
    r"(?:jeunesse|sports?|vie\s+associative|enseignement\s+superieur|recherche|innovation"
    r"|jeux\s+olympiques\s+et\s+paralympiques))*)")
MINISTRY_PARTS = {
    "jeunesse": "jeunesse", "sport": "sports", "vie associative": "vie associative",
    "enseignement superieur": "enseignement superieur", "recherche": "recherche",
    "innovation": "innovation", "jeux olympiques": "jeux olympiques et paralympiques",
}
# Notions that one document should name one way.  Each entry: notion -> {variant: pattern}.
TERMS = {
    "ENT": {
        "Espace Numérique de Travail": regex.compile(r"\bespaces?\s+numeriques?\s+de\s+travail\b"),
        "Environnement Numérique de Travail": regex.compile(r"\benvironnements?\s+numeriques?\s+de\s+travail\b"),
    },
}
RESIDUE = regex.compile(
    r"(?<!\w)(?P<r>\d+\s+(?:an|mois|annee|jour|semaine|exemplaire|page|ecole|classe)\(s\)"
    r"|\[(?:[A-Z0-9 _/'-]|[ÉÈÀ]){3,40}\]|<(?:[A-Z _]){3,30}>|\b(?:m|mme|monsieur|madame)\.?\s*_{3,}"
    r"|\bX{3,}\b|\{\{[^}]{1,40}\}\})")
BLANK_CONTEXT = regex.compile(r"\ble\s*(?=[._\u2026]{3}|_{2}|\.{2}\s*/|xx\b)|\bdu\s*(?=[._]{3}|_{2})|\bdate\s*:\s*(?=[._]{3}|_{2})")
WEEKDAY_DATE = regex.compile(
    rf"\b(?P<wd>{dates.WEEKDAY})\s+(?:(?P<digits>{dates.DIGIT_DATE.pattern})"
    rf"|(?P<d2>1er|[0-3]?\d|{dates.NUMBER_WORDS})\s+(?P<m2>{dates.MONTH})\s+(?P<y2>(?:19|20)\d\d))")
# The look-behind after the digits (the character before the five of them) lets the engine skip
# ahead to digits: twice as fast on long documents as a look-behind in front.
POSTCODE = regex.compile(r"(?P<code>(?:0[1-9]|[1-8]\d|9[0-5]|2[abAB]|97[1-6])\d{3})(?<![\d/.,-].....)"
                         r"\s+(?P<town>\p{L}[\p{L}'-]+)")


def ministry_parts(text: str) -> frozenset[str]:
    return frozenset(part for key, part in MINISTRY_PARTS.items() if key in text)


def collect(view: View) -> list[Mention]:
    text, folded = view.text, view.folded
    found: list[Mention] = []
    for match in MINISTRY.finditer(folded):
        found.append(Mention(kind="ministry", text=" ".join(text[match.start():match.end()].split()),
                             value=",".join(sorted(ministry_parts(match["rest"]))),
                             span=view.span(match.start(), match.end())))
    for notion, variants in TERMS.items():
        for variant, pattern in variants.items():
            for match in pattern.finditer(folded):
                found.append(Mention(kind="term", text=text[match.start():match.end()],
                                     value=f"{notion}\t{variant}", span=view.span(match.start(), match.end())))
    for match in RESIDUE.finditer(text):
        found.append(Mention(kind="residue", text=match["r"], span=view.span(match.start("r"), match.end("r"))))
    for match in BLANK_CONTEXT.finditer(folded):
        blank = dates.BLANK.match(folded, match.end())
        if blank:
            line_start = folded.rfind("\n", 0, match.start()) + 1
            signed = regex.search(r"\bfait\s+a\b", folded[line_start:match.start()])
            found.append(Mention(kind="blank", text=text[match.start():blank.end()],
                                 value="signature" if signed else None,
                                 span=view.span(match.start(), blank.end())))
    for match in WEEKDAY_DATE.finditer(folded):
        if match["digits"]:
            value = dates.make_date(match["d"], match["m"], match["y"])
        else:
            value = dates.make_date(match["d2"], match["m2"], match["y2"])
        if value:
            found.append(Mention(kind="weekday", text=text[match.start():match.end()],
                                 value=f"{match['wd']}\t{value.isoformat()}",
                                 span=view.span(match.start(), match.end())))
    return found


def department(view: View) -> Optional[str]:
    """The département most postcodes of the document point to (the collectivity's, mostly)."""
    codes = Counter()
    for match in POSTCODE.finditer(view.text):
        code = match["code"].upper()
        codes[code[:3] if code.startswith("97") else code[:2]] += 1
    if not codes:
        return None
    return codes.most_common(1)[0][0]
