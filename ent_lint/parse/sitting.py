"""The sitting's own date and its president, read in the head of the document.

A date of the sitting is written in several places: "Séance du 11 mars 2021" in the heading, "Le
conseil municipal du 11 mars 2021" in a margin box or a running header, "L'an deux mille vingt et
un, le onze mars" in the opening.  Each place is a recogniser, strongest first; a date cited from
another sitting ("approbation du procès-verbal de la séance du 30 juin") is not the sitting's.
When two strong places disagree and one was read by OCR, the date is doubtful.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns
from . import dates
from .recognisers import Case, of_part, recogniser
from .text import fold, holds_any

DATE_PART = "sitting-date"

# What the same line says before a date that belongs to another sitting: "approbation du compte
# rendu de la séance du 30 juin", "la délibération du conseil municipal du 11 septembre", "la
# précédente séance du", "convocation du".
EARLIER_SITTING = patterns.compile(
    r"(?:approbation|adoption|lecture|approuve|adopte|valide|observations?|rectification)\b"
    r"|\b(?:deliberations?|decisions?|arretes?)\s+(?:n\S*\s+)?(?:du|de\s+la|de\s+l')\s*$"
    r"|(?:precedente?|derniere?|anterieure?|prochaine?|suivante?)\s+$|convocation|\bdepuis\b")


@dataclass(frozen=True)
class Found:
    """A date of the sitting and where it stands in the text given."""

    date: dt.date
    start: int
    end: int
    strength: int
    weekday: Optional[str] = None


def _after(context: regex.Pattern, strength: int, joined_by_du: bool = True):
    """A reader of the dates that follow ``context``: after its first "du" ("séance du", "réunion
    du conseil municipal du"), or right after it."""
    def read_all(folded: str, dates_at: Optional[dict] = None) -> list[Found]:
        """``dates_at``: the first date after each offset, kept for the other readers of the same
        text (two places often lead to one date: "séance du conseil municipal du 3 mai")."""
        dates_at = {} if dates_at is None else dates_at
        found = []
        for match in context.finditer(folded):
            line_start = folded.rfind("\n", 0, match.start()) + 1
            if EARLIER_SITTING.search(folded[max(line_start, match.start() - 80):match.start()]):
                continue
            starts = ([du.end() for du in _DU.finditer(folded, match.end(), min(len(folded), match.end() + 50))]
                      if joined_by_du else [match.end()])
            for start in starts:
                if start not in dates_at:
                    dates_at[start] = dates.first_date(folded[start:start + 40])
                value, date = dates_at[start]
                if value and date.start() <= 12:
                    found.append(Found(value, start + date.start(), start + date.end(), strength,
                                       date.groupdict().get("wd")))
                    break
        return found
    return read_all


_DU = patterns.compile(r"\bdu\s+")
_SEANCE = patterns.compile(r"(?:seance|reunion|session)\b")
_CONSEIL = patterns.compile(r"conseil\s+(?:municipal|communautaire|d'agglomeration)\b")
_LE = patterns.compile(rf"(?m)^\s*le\s+(?=(?:{dates.WEEKDAY}\s+)?\d)")

_read_seance = _after(_SEANCE, 3)
_read_conseil = _after(_CONSEIL, 2)
_read_le = _after(_LE, 2, joined_by_du=False)


def _first(found: list[Found]) -> Optional[dt.date]:
    return found[0].date if found else None


@recogniser(DATE_PART, "seance-du",
            Case("Séance du 11 mars 2021", dt.date(2021, 3, 11)),
            Case("SÉANCE PUBLIQUE DU LUNDI 15 SEPTEMBRE 2014", dt.date(2014, 9, 15)),
            Case("Réunion du conseil municipal du 8 juin 2020", dt.date(2020, 6, 8)),
            Case("PROCES VERBAL DE LA SEANCE DU 23 JUILLET 2020", dt.date(2020, 7, 23)),
            Case("Approbation du compte rendu de la séance du 30 juin 2021", None))
def seance_du(text: str) -> Optional[dt.date]:
    """"Séance du 11 mars 2021", "Réunion du ...": the sitting named with its date."""
    return _first(_read_seance(fold(text)))


@recogniser(DATE_PART, "conseil-du",
            Case("Compte rendu\nconseil municipal du\n8 juin 2020", dt.date(2020, 6, 8)),
            Case("CONSEIL MUNICIPAL DU 24 MARS 2006", dt.date(2006, 3, 24)),
            Case("le conseil municipal de la commune, dûment convoqué le 25 novembre 2022", None),
            Case("la délibération du conseil municipal du 11 septembre 2019", None),
            Case("Approbation du procès-verbal du conseil municipal du 27 mai 2020", None))
def conseil_du(text: str) -> Optional[dt.date]:
    """"Conseil municipal du 8 juin 2020": a heading, a margin box, a running header."""
    return _first(_read_conseil(fold(text)))


@recogniser(DATE_PART, "le-date",
            Case("Le jeudi 24 octobre 2013 à 17 h 30, le Conseil municipal", dt.date(2013, 10, 24)),
            Case("le 28 octobre à 18 h 00, les conseillers", None))
def le_date(text: str) -> Optional[dt.date]:
    """"Le jeudi 24 octobre 2013 à 17 h 30": the opening sentence with its date."""
    return _first(_read_le(fold(text)))


@recogniser("sitting-date-in-words", "opening-in-words",
            Case("L'an deux mille vingt-quatre, le neuf avril, à vingt heures", dt.date(2024, 4, 9)),
            Case("Le neuf avril deux mille vingt-quatre, à vingt heures, le conseil municipal", dt.date(2024, 4, 9)),
            Case("LE TRENTE ET UN MAI DEUX MIL VINGT-CINQ à 19 h, les membres", dt.date(2025, 5, 31)),
            Case("Le mardi 9 avril de l'an deux mille vingt-quatre, le conseil, dûment convoqué, s'est réuni",
                 dt.date(2024, 4, 9)),
            Case("Le deux avril deux mille vingt-quatre, le maire a convoqué le conseil", None),
            Case("Le douze mars deux mille vingt-quatre à dix-neuf heures, le conseil, régulièrement convoqué",
                 dt.date(2024, 3, 12)),
            Case("Le deux avril deux mille vingt-quatre, convocation a été adressée aux conseillers", None),
            Case("Le neuf avril, à vingt heures, le conseil municipal", None),
            Case("Vu la délibération prise le neuf avril deux mille vingt-trois", None))
def opening_in_words(text: str) -> Optional[dt.date]:
    """"L'an deux mille vingt-quatre, le neuf avril", "Le neuf avril deux mille vingt-quatre": the
    opening sentence's date in words."""
    match = dates.words_date(fold(text))
    return dates.date_from_match(match) if match else None


SITTING_DATE_RECOGNISERS = of_part(DATE_PART)
_READERS = [_read_seance, _read_conseil, _read_le]


def sitting_dates(folded_head: str) -> list[Found]:
    """Every date of the sitting written in the head, strongest first, then in text order."""
    dates_at: dict = {}  # read once for the three readers of this text (for speed)
    found = [f for read in _READERS for f in read(folded_head, dates_at)]
    return sorted(found, key=lambda f: (-f.strength, f.start))


# --- the president --------------------------------------------------------------------------

PRESIDENT_PART = "president"
_PRESIDENT = [
    # the name may go on after a line break, blank lines and a figure printed in the margin
    patterns.compile(r"sous\s+la\s+presidence\s+de\s+(?P<name>[^,\n]{3,80}(?:\n(?:[ \t]*\n)*(?:\d{1,3}[ \t]+)?[^,\n]{1,40})?)"),
    patterns.compile(r"(?m)^\s*(?:presidence|president(?:e)?\s+de\s+(?:la\s+)?seance)\s*:\s*(?P<name>[^,\n]{3,80})"),
    patterns.compile(r"\bpresidee?\s+par\s+(?P<name>[^,\n]{3,80}(?:\n[^,\n]{1,40})?)"),
    # the convocation sent by the president, named with the office: "par Ysaline VASSEUR, Présidente"
    patterns.compile(r"\bconvocation\b[^.]{0,160}?\bpar\s+(?P<name>(?!le\b|la\b|les\b|l')[^,\n]{3,60}),"
                     r"\s*(?:le\s+|la\s+)?(?:president|presidente|maire)\b(?!\s+(?:de\s+la\s+|du\s+|des\s+)(?!seance))"),
    # the office, then the name: "sous la présidence de Monsieur le Maire, Stéphane DELPEYRAT"
    patterns.compile(r"\bpresidence\s+de\s+(?:monsieur|madame|m\.|mme)\s+(?:le|la)\s+(?:maire|presidente?)\s*,?\s+"
                     r"(?:(?:monsieur|madame|m\.|mme)\s+)?(?P<name>\p{L}[^,\n.()]{2,60}(?:\n[^,\n.()]{1,40})?)"),
]


# the word each of _PRESIDENT holds: a text without it is not searched (for speed: each is tried
# on the whole head of every document)
_PRESIDENT_WORDS = [("presidence",), ("presiden",), ("preside",), ("convocation",), ("presidence",)]


def _president(number: int):
    pattern, words = _PRESIDENT[number], _PRESIDENT_WORDS[number]

    def read(text: str) -> Optional[tuple[int, int]]:
        folded = fold(text)
        match = pattern.search(folded) if holds_any(folded, words) else None
        return (match.start("name"), match.end("name")) if match else None
    return read


@recogniser(PRESIDENT_PART, "sous-la-presidence",
            Case("s'est réuni sous la présidence de Monsieur Denis JUVIN - Maire", (34, 62)),
            Case("sous la présidence de Monsieur\n\n29 David NICOLAS, Maire", (22, 48)),
            Case("la présidence de la commission", None))
def sous_la_presidence(text: str) -> Optional[tuple[int, int]]:
    """"sous la présidence de Monsieur X, Maire": where the president's name stands."""
    return _president(0)(text)


@recogniser(PRESIDENT_PART, "presidence-label",
            Case("Présidence : M. Hubert BRIGAND", (13, 30)),
            Case("Président de séance : Mme Anne MARTIN", (22, 37)),
            Case("la présidence : un rôle", None),
            Case("Le président du SIVU", None))
def presidence_label(text: str) -> Optional[tuple[int, int]]:
    """"Présidence : M. X", "Président de séance : X": a label, then the name."""
    return _president(1)(text)


@recogniser(PRESIDENT_PART, "presidee-par",
            Case("La séance est présidée par Monsieur Paul LE BIHAN, Maire", (27, 49)),
            Case("présidé par le doyen d'âge", (12, 26)),
            Case("la commission présidente", None))
def presidee_par(text: str) -> Optional[tuple[int, int]]:
    """"présidée par X": the sitting presided by a named member."""
    return _president(2)(text)


@recogniser(PRESIDENT_PART, "office-then-name",
            Case("sous la présidence de Monsieur le Maire, Stéphane DELPEYRAT.", (41, 59)),
            Case("sous la présidence de Madame la Présidente, Mme Anne ROUX, assistée de", (48, 57)),
            Case("sous la présidence de Monsieur le Maire.", None))
def office_then_name(text: str) -> Optional[tuple[int, int]]:
    """"sous la présidence de Monsieur le Maire, X": the office, then the name."""
    return _president(4)(text)


@recogniser(PRESIDENT_PART, "convened-by",
            Case("La convocation du conseil a été adressée le 2 mai 2021 par Ysaline VASSEUR, Présidente.",
                 (59, 74)),
            Case("La convocation a été adressée par Mme Anne ROUX, Maire, le 3 mars", (34, 47)),
            Case("La convocation a été faite par le Maire.", None),
            Case("convocation envoyée par Paul DUPONT, président de la commission des finances", None))
def convened_by(text: str) -> Optional[tuple[int, int]]:
    """"La convocation ... par X, Président": the president, who convenes the sitting, when no
    sentence says who presided."""
    return _president(3)(text)


# The sitting that installs a new council opens under the outgoing mayor, the oldest member
# presides the election, and the mayor elected presides the rest and signs: "M. X a été
# proclamé Maire et a été immédiatement installé", "Mme X, élue maire, est installée".
_INSTALLED = patterns.compile(
    r"(?:^|\n|[.:]\s)\s*(?P<name>(?:m\.|mme|monsieur|madame)\s*[^,\n()]{3,60}?)\s*,?\s+"
    r"(?:a\s+ete\s+proclamee?\s+maire|elue?\s+maire\s*,?\s+(?:est|a\s+ete))\b[^.\n]{0,60}?"
    r"\b(?:immediatement\s+)?installee?\b")


@recogniser("sitting-president-installation", "mayor-elected-and-installed",
            Case("M. Paul DURAND a été proclamé Maire de Lézardrieux et a été immédiatement installé.",
                 (0, 14)),
            Case("Madame Anne ROUX, élue maire, est immédiatement installée dans ses fonctions.", (0, 16)),
            Case("M. Paul DURAND a été proclamé adjoint et immédiatement installé.", None),
            Case("Monsieur le Maire proclame installés les conseillers municipaux.", None))
def mayor_elected_and_installed(text: str) -> Optional[tuple[int, int]]:
    """The mayor elected and installed in the sitting that installs the council: its president
    once elected, when the head of the minutes names no president."""
    folded = fold(text)
    if "installe" not in folded:  # what both ways of writing it end with: the pattern is not tried (for speed)
        return None
    match = _INSTALLED.search(folded)
    return (match.start("name"), match.end("name")) if match else None


# The opening names the office, not the person: "Le Maire ouvre la séance à 19h05", "Monsieur le
# Maire déclare la séance ouverte", "sous la présidence de Madame la Présidente".  Not the deputy
# ("l'adjoint au maire ouvre la séance"), not who opens in the mayor's absence.
_OPENED_BY_THE_OFFICE = patterns.compile(
    r"""(?x)(?:(?:monsieur|madame|m\.|mme)\s+)?(?:le|la)\s+(?P<office>maire|presidente?)\s+
    (?:ouvre\s+la\s+seance|a\s+ouvert\s+la\s+seance|declare\s+(?:la\s+seance\s+ouverte|ouverte\s+la\s+seance))
    |sous\s+la\s+presidence\s+(?:du|de\s+(?:monsieur|madame|m\.|mme)\s+(?:le|la))\s+(?P<office>maire|presidente?)
    (?!\s*,?\s*(?:m\.|mme|monsieur|madame)?\s*\p{L}{2,}\s+\p{L}{2,})""")
# Who may not open in the mayor's place, before "le maire ouvre la séance" (tried at a match's start:
# as a lookbehind written first in _OPENED_BY_THE_OFFICE, the engine tried it at every character).
# the office each way of _OPENED_BY_THE_OFFICE names ("presidente" holds "president")
_OFFICE_WORDS = ("maire", "president")
_NOT_IN_PLACE_OF = patterns.compile(
    r"(?<!adjointe?\s+au\s+|absence\s+d[eu]\s+(?:la\s+|l')?|empechement\s+d[eu]\s+(?:la\s+)?)")


@recogniser("sitting-opened-by-the-office", "opened-by-the-office",
            Case("Le Maire ouvre la séance à 19h05 et constate que le quorum est atteint.", "maire"),
            Case("Monsieur le Maire ouvre la séance à 20 h.", "maire"),
            Case("Madame la Présidente déclare la séance ouverte.", "presidente"),
            Case("le conseil s'est réuni sous la présidence de Monsieur le Maire.", "maire"),
            Case("L'adjoint au Maire ouvre la séance à 20 h.", None),
            Case("En l'absence du Maire, M. Paul ROUX ouvre la séance.", None),
            Case("Le Maire ouvre le débat sur le budget.", None),
            Case("sous la présidence de Monsieur le Maire, Paul ROUX.", None))
def opened_by_the_office(text: str) -> Optional[str]:
    """The office ("maire", "president") of whoever opens the sitting, when the opening names the
    office and not the person."""
    return office_that_opens(fold(text))


def office_that_opens(folded: str) -> Optional[str]:
    """:func:`opened_by_the_office` on a text already folded."""
    if not holds_any(folded, _OFFICE_WORDS):
        return None  # the office every way of writing it names (for speed)
    position = 0
    while (match := _OPENED_BY_THE_OFFICE.search(folded, position)) is not None:
        # the lookbehind stood before the first way only ("sous la présidence" opens the second)
        if match[0].startswith("sous") or _NOT_IN_PLACE_OF.match(folded, match.start()):
            return match["office"]
        position = match.start() + 1  # the leftmost start the lookbehind allows, as one search did
    return None


PRESIDENT_RECOGNISERS = of_part(PRESIDENT_PART)

# The hour the sitting opened, in the opening sentence wherever its date stands: "Le neuf avril
# deux mille vingt-quatre, à vingt heures, le conseil", "La séance est ouverte à 20 h 15", "le
# jeudi 27 juin 2024 à 18 heures".  Not the hour of the convocation or of a posting.
_OPENING_HOUR = patterns.compile(
    rf"""(?x)(?:(?:{dates.MONTH}|\d{{4}}|{dates.NUMBER_WORD})\s*,?\s+|ouverte\s+|reunie?s?\s+|,\s*)
    a\s+(?P<time>(?:[0-2]?\d\s?(?:heures?|h)(?:\s?[0-5]\d)?|(?:{dates.NUMBER_WORDS})\s+heures?
      (?:\s+(?:{dates.NUMBER_WORDS}|et\s+demie|et\s+quart))?))\b""")
# Where the opening hour may not start (tried at a match's start: as a lookbehind written first in
# _OPENING_HOUR, the engine tried it at every character of the text, which cost most of its time).
_NOT_AFTER_CONVOCATION = patterns.compile(r"(?<!convoque[^.\n]{0,60}|affiche[^.\n]{0,60}|transmis[^.\n]{0,60})")
# "à" and an hour: what every opening hour holds, found at little cost before _OPENING_HOUR is run.
_AT_AN_HOUR = patterns.compile(rf"a\s+(?:[0-2]?\d\s?(?:heures?|h)|(?:{dates.NUMBER_WORDS})\s+heures?)")


@recogniser("sitting-time", "opening-hour",
            Case("Le neuf avril deux mille vingt-quatre, à vingt heures, le conseil municipal", "20:00"),
            Case("La séance est ouverte à 20 h 15 sous la présidence de M. Paul ROUX", "20:15"),
            Case("le jeudi 27 juin 2024 à 18 heures, salle des fêtes", "18:00"),
            Case("le mardi, à dix-neuf heures trente, le conseil", "19:30"),
            Case("le mardi, à vingt heures cinquante, le conseil", "20:50"),  # not "cinq" and the rest
            Case("dûment convoqué le 3 mars 2024 à 18 heures", None),
            Case("une subvention de 20 000 euros à 3 heures de route", None))
def opening_hour(text: str) -> Optional[str]:
    """The hour in the opening sentence of the sitting."""
    folded = fold(text)
    if not _AT_AN_HOUR.search(folded):
        return None
    position = 0
    while (match := _OPENING_HOUR.search(folded, position)) is not None:
        if _NOT_AFTER_CONVOCATION.match(folded, match.start()):
            return dates.parse_time(match["time"])
        position = match.start() + 1  # the leftmost start the lookbehind allows, as one search did
    return None
