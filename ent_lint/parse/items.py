"""Items: where each agenda point or deliberation of minutes begins.

Every line is offered to the heading recognisers below; each way of numbering is a *family*
("2020-038 TITLE", "DE-2015/11", "1. Title", "II - Title", ...).  Minutes number their items one
way, and other numbered lines (an enumeration inside an item, the list of the mayor's delegated
decisions, the agenda itself) use other ways or do not carry votes.  So the family kept is the
one whose headings form a rising sequence and cut the text into parts that each hold a vote or
a decision.  Where no numbered family does, the agenda ("Ordre du jour" and its entries) is
looked for again as unnumbered headings in the body.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns
from .recognisers import Case, of_part, recogniser
from .reports import report_opening
from .text import View, fold
from .vote_columns import row_vote

PART = "item-heading"


_DIGITS = patterns.compile(r"\d+")
_SUFFIX = patterns.compile(r"\s*(?:bis|ter|quater)$")


@dataclass(frozen=True)
class Heading:
    """An item heading as read on one line."""

    number: Optional[str]
    title: Optional[str]
    style: str  # the recogniser that read it
    key: tuple = ()
    line: int = -1  # index in the view, set by the segmenter
    separator: str = ""  # between a small number and its title: "1." and "1)" are two ways
    shape: str = ""  # the number's shape when OCR damaged its figures ("20l7.l2.l8'l8")

    @property
    def family(self) -> str:
        """The way of numbering: the number's shape ("2014/25" and "N°2014/26" are one way,
        "DBC 2021-082" another) and, for small numbers, the separator."""
        if self.shape:
            return self.shape
        if self.number is None:
            return self.style
        shape = _DIGITS.sub("9", _SUFFIX.sub("", fold(self.number)).replace(" ", ""))
        if self.style in ("roman", "spaced-roman"):
            shape = "I"
        elif self.style == "lettered":
            shape = "A"
        return shape + self.separator


_DATE_SERIAL = patterns.compile(r"^\s*(?:19|20)\d{2}\s?\.\s?\d{2}\s?\.\s?\d{2}\s*-\s*(?P<serial>\d{1,3})")


def _key(number: str) -> tuple:
    """The figures of a number, for ordering: "DE-2015/11" -> (2015, 11), "1 BIS" -> (1,).
    A sitting's date and a serial ("2017.12.18 - 5") are ordered by the serial alone: the date
    is the same on every heading, and OCR may damage its figures."""
    serial = _DATE_SERIAL.match(fold(number))
    if serial:
        return (int(serial["serial"]),)
    return tuple(int(d) for d in _DIGITS.findall(number))


def _title_ok(title: str) -> bool:
    """A heading's title starts with a capital or a digit-free word and is not a sentence cut
    at a figure ("1. 500 euros", "2. et ...")."""
    title = title.strip(" -–—:.")
    return len(title) >= 3 and (title[:1].isupper() or title[:1] in "«\"'(" or bool(_O_FOR_CAPITAL.match(title))
                                or bool(_ADDRESS.match(title)))


# a title that opens on an address: "1 Boulevard Mendès France - désaffectation", "12 bis rue
# des Lilas : cession"
_ADDRESS = patterns.compile(
    r"""(?xi)^\d{1,4}(?:\s*(?:bis|ter))?,?\s+(?:rue|boulevard|bd|avenue|av\.|place|chemin|route|impasse|all[ée]e
    |quai|cours|square|rond-point|lotissement|hameau|lieu-dit|r[ée]sidence|voie|sentier|parvis|esplanade)\b""")


# a title in capitals whose first letter OCR read as a zero: "0FFRES PROMOTIONNELLES"
_O_FOR_CAPITAL = patterns.compile(r"^0\p{Lu}{3}")


# the outcome a list of deliberations writes after the title: "title – Adoptée à l'unanimité",
# "title : approuvée par 15 voix pour", "title : ajournée", "title      Vote : unanimité", or the
# next cell of its table joined to the title "title Adoptée (18 pour, 2 abstentions)"; or that
# the point had nothing to decide: "Questions diverses : sans objet", "Informations – néant"
_OUTCOME_AFTER_TITLE = patterns.compile(
    r"(?i:\s+[-–—]|\s*:)\s+(?i:adopt|rejet|approuv|refus|ajourn|retir|report)(?i:[ée]e?s?)\b.*$"
    r"|\s{2,}(?i:vote)\s*:.*$"
    r"|(?i:\s+[-–—]|\s*:)\s+(?i:sans\s+objet|n[ée]ant)\s*\.?$"
    r"|\s+(?:Adopt|Approuv|Rejet|Refus|ADOPT|APPROUV|REJET|REFUS)(?i:[ée]e?s?)\s+(?:(?i:à\s+l'unanimit)|\(|par\s+\d).*$")


def _reading(match, text: str, style: str, number_group: str = "num") -> Optional[Heading]:
    number = " ".join(text[match.start(number_group):match.end(number_group)].split()) if match[number_group] else None
    number = number.rstrip(".") or None if number else None  # "2025-011." as OCR ended it
    title = text[match.start("title"):].strip(" -–—:.\t") if match["title"] else ""
    title = _OUTCOME_AFTER_TITLE.sub("", title)
    if number is None and not title:
        return None
    return Heading(number, title or None, style, _key(number) if number else ())


# --- the ways of writing a heading --------------------------------------------------------------

_LABELLED = patterns.compile(
    r"""(?x)^\s*(?:[-–•]\s+)?(?:(?:deliberation|delib\.?)\s*(?:n\s*°|no\b\.?|numero|n\.)?|decision\s*(?:n\s*°|no\b\.?)|n\s*°|no\.?\s)\s*
    (?P<num>(?:[a-z]{1,4}\s?[-_]?\s?)?\d[\w/._-]*(?:\s*-\s*\d{1,3}\b)?)
    (?:\s+du\s+\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})?       # "N° DP 2021-312 du 15 septembre 2021"
    \s*(?:(?:[-:.]|objet\s*:)\s*(?P<title>\S.*))?$""")


_FIGURES = patterns.compile(r"\d{1,4}")


@recogniser(PART, "labelled",
            Case("Délibération n° 2023-45 : Renouvellement de la convention", ("2023-45", "Renouvellement de la convention")),
            Case("DELIBERATION N°12 - TARIFS DE LA CANTINE", ("12", "TARIFS DE LA CANTINE")),
            Case("N° DBC 2021-082 - Stratégies et ressources foncières", ("DBC 2021-082", "Stratégies et ressources foncières")),
            Case("N°2015/25 : Travaux de voirie", ("2015/25", "Travaux de voirie")),
            Case("Délibération n°2022-01", ("2022-01", None)),
            Case("Délibération n° 2023-088 – Tarifs du port : approuvée par 15 voix pour et 4 contre",
                 ("2023-088", "Tarifs du port")),
            Case("Décision n° B-2024-14 - Fonds de concours à la commune", ("B-2024-14", "Fonds de concours à la commune")),
            Case("DÉCISION MODIFICATIVE N° 2 - BUDGET ANNEXE", None),
            Case("No 2024-03   Objet : Cession d'un délaissé de voirie        Vote : 15 pour, 2 abstentions",
                 ("2024-03", "Cession d'un délaissé de voirie")),
            Case("- Délibération n° 2024-40 : Compte de gestion 2023 : adoptée à l'unanimité",
                 ("2024-40", "Compte de gestion 2023")),
            Case("- Délibération n° 2024-42 : Acquisition du terrain : ajournée", ("2024-42", "Acquisition du terrain")),
            Case("N° 2024-43 : Travaux : approbation du marché", ("2024-43", "Travaux : approbation du marché")),
            Case("Délibération n° 2025-011.", ("2025-011", None)),
            Case("N° 2024-17. Tarifs de la cantine", ("2024-17", "Tarifs de la cantine")),
            Case("N° 2024.17 : Tarifs de la cantine", ("2024.17", "Tarifs de la cantine")),
            Case("N° de SIRET : 123", None))
def labelled(text: str) -> Optional[Heading]:
    """"Délibération n° X : title", "N° X - title": a number behind its label."""
    match = _LABELLED.match(fold(text))
    if not match or not _FIGURES.search(match["num"]):
        return None
    heading = _reading(match, text, "labelled")
    if heading and heading.title and not _title_ok(heading.title):
        return None
    return heading


# the register's prefix in capitals, then its label: "DCM n° 24-001", "DEL N°2024-015"
_PREFIX_AND_LABEL = patterns.compile(
    r"""(?x)^\s*(?:(?i:d[ée]lib[ée]ration)\s+|(?i:d[ée]lib)\.\s*)?(?P<prefix>\p{Lu}{1,5})\.?\s*(?:n\s*°|N\s*°|No\.?|N[o°]|num[ée]ro)\s*
    (?P<num>\d{2,4}(?:\s?[/_.-]\s?\d{1,4}){1,2})(?![\d/])\s*(?:[-–—:.]\s*(?P<title>\S.*))?$""")
# labels of other acts or registers: a law, a decree, a road, a company's number
_NOT_A_REGISTER = {"LOI", "SIRET", "SIREN", "RD", "RN", "VC", "CR", "ARRET", "ART", "CGCT", "BP", "TVA", "PLU"}


@recogniser(PART, "prefix-and-label",
            Case("DCM n° 24-001 : Débat d'orientation budgétaire", ("DCM 24-001", "Débat d'orientation budgétaire")),
            Case("DEL N°2024-015 – Tarifs de la cantine", ("DEL 2024-015", "Tarifs de la cantine")),
            Case("Délibération CS n° 2023/07 : Prix de l'eau", ("CS 2023/07", "Prix de l'eau")),
            Case("DCC No 12-2024", ("DCC 12-2024", None)),
            Case("LOI n° 2020-1379 du 14 novembre 2020", None),
            Case("RD n° 950 : la chaussée est refaite", None),
            Case("dcm n° 24-001 : pas en capitales", None))
def prefix_and_label(text: str) -> Optional[Heading]:
    """"DCM n° 24-001 : title": a register's prefix in capitals, its label "n°", then the number."""
    match = _PREFIX_AND_LABEL.match(text)
    if not match or match["prefix"] in _NOT_A_REGISTER:
        return None
    number = f"{match['prefix']} {' '.join(match['num'].split())}"
    title = (match["title"] or "").strip(" -–—:.\t")
    if title and not _title_ok(title):
        return None
    return Heading(number, title or None, "prefix-and-label", _key(match["num"]))


_PREFIXED = patterns.compile(
    r"""(?x)^\s*(?P<num>(?:delib|dcm|del|dbc|de|dl|dc|cm|d)\s?[_.-]?\s?\d{2,4}(?:\s?[/_.-]\s?\d{1,4}){1,3})
    (?![\d/])\s*(?:[-:]\s*)?(?P<title>\S.*)?$""")


# the register's own prefix in capitals, whatever its letters (the body's initials: "DCC" for the
# community council, "CS" for a syndicate's committee, "DB" for the bureau), then year and serial
_CAPITALS_PREFIXED = patterns.compile(
    r"""(?x)^\s*(?P<num>\p{Lu}{1,5}\s?[_-]?\s?(?:19|20)\d{2}\s?[/_.-]\s?\d{1,4}(?:[/_.-]\d{1,4})?)
    (?![\d/])\s*(?:[-–—:]\s*)?(?P<title>\S.*)?$""")
# "ZAC 2020-2025", "PLU 2019-2030": a span of years, no register number
_YEAR_RANGE = patterns.compile(r"^\D*(?:19|20)\d{2}\s?[-/]\s?(?:19|20)\d{2}$")


@recogniser(PART, "prefixed",
            Case("DCC-2022-031 – Approbation du compte administratif", ("DCC-2022-031", "Approbation du compte administratif")),
            Case("CS 2023/07 : Tarifs de l'eau", ("CS 2023/07", "Tarifs de l'eau")),
            Case("ZAC 2020-2025 : bilan de la concertation", None),
            Case("Le 2022-031 est retiré", None),
            Case("DE-2015/11 Approbation du compte rendu", ("DE-2015/11", "Approbation du compte rendu")),
            Case("D 2024-12 – Tarifs municipaux", ("D 2024-12", "Tarifs municipaux")),
            Case("DEL 2025-03 : Budget primitif", ("DEL 2025-03", "Budget primitif")),
            Case("DL-056-07-13 : Acquisition d'un terrain", ("DL-056-07-13", "Acquisition d'un terrain")),
            Case("D2018-66 Election des membres", ("D2018-66", "Election des membres")),
            Case("D.2024.015 – Tarifs communaux", ("D.2024.015", "Tarifs communaux")),
            Case("de 2015 à 2020 la commune a", None))
def prefixed(text: str) -> Optional[Heading]:
    """"DE-2015/11 title", "D 2024-12 – title", "DL-056-07-13": a register prefix, then figures;
    or any prefix of capitals before a year and a serial ("DCC-2022-031", "CS 2023/07")."""
    match = _PREFIXED.match(fold(text)) or _CAPITALS_PREFIXED.match(text)
    if not match or _YEAR_RANGE.match(match["num"]):
        return None
    heading = _reading(match, text, "prefixed")
    if heading.title and not _title_ok(heading.title):
        return None
    return heading


# the year first, then the register's prefix and the serial: "2024-DCM-015", "2023/DEL/45"
_YEAR_PREFIX_SERIAL = patterns.compile(
    r"""(?x)^\s*(?P<num>(?:19|20)\d{2}\s?[-/_.]\s?\p{Lu}{1,5}\s?[-/_.]\s?\d{1,4})(?![\d/])
    \s*(?:[-–—:]\s*)?(?P<title>\S.*)?$""")


@recogniser(PART, "year-prefix-serial",
            Case("2024-DCM-015 : Budget primitif", ("2024-DCM-015", "Budget primitif")),
            Case("2023/DEL/45 - Tarifs de la cantine", ("2023/DEL/45", "Tarifs de la cantine")),
            Case("2024-ZAC-2 la zone est créée", None),
            Case("2024 - PLU - révision", None))
def year_prefix_serial(text: str) -> Optional[Heading]:
    """"2024-DCM-015 : title": the year, the register's prefix in capitals, then the serial."""
    match = _YEAR_PREFIX_SERIAL.match(text)
    if not match:
        return None
    heading = _reading(match, text, "year-prefix-serial")
    if heading.title and not _title_ok(heading.title):
        return None
    return heading


_YEAR_SERIAL = patterns.compile(
    r"""(?x)^\s*(?P<num>
      (?:19|20)\d{2}\s?\.\s?\d{2}\s?\.\s?\d{2}\s*-\s*\d{1,3}(?:\s*bis)?   # "2017.07.04 - 1 BIS"
    | (?:19|20)\d{2}\s?[/_.-]\s?\d{1,4}(?:\s?[/_-]\s?\d{1,3})?             # "2020-038", "2014/25"
    | \d{1,4}\s?/\s?(?:19|20)\d{2}                                         # "25/2014"
    )(?![\d/.,%€])\s*(?:[-:]\s*)?(?P<title>\S.*)$""")


# the sitting's date and a serial alone on the line: "2014.09.15 - 5"
_SITTING_SERIAL = patterns.compile(r"^\s*(?:19|20)\d{2}\s?\.\s?\d{2}\s?\.\s?\d{2}\s*-\s*\d{1,3}(?:\s*bis)?\s*$")


@recogniser(PART, "year-serial",
            Case("2020-038 SUBVENTION EXCEPTIONNELLE", ("2020-038", "SUBVENTION EXCEPTIONNELLE")),
            Case("2014/25 – DECISIONS MODIFICATIVES", ("2014/25", "DECISIONS MODIFICATIVES")),
            Case("2017.07.04 - 1 BIS Election des délégués", ("2017.07.04 - 1 BIS", "Election des délégués")),
            Case("2020- 047 REDEVANCE ORANGE", ("2020- 047", "REDEVANCE ORANGE")),
            Case("2021-2022 : année scolaire", None),
            Case("2019.05.06-8 0FFRES DE LA BOUTIQUE", ("2019.05.06-8", "0FFRES DE LA BOUTIQUE")),
            Case("2020-040 0,5 % de la dotation", None),
            Case("2019-2020 Les tarifs", ("2019-2020", "Les tarifs")),
            Case("2024-032  Vote du compte administratif 2023  Adoptée (18 pour, 2",
                 ("2024-032", "Vote du compte administratif 2023")),
            Case("2014.09.15 - 5", ("2014.09.15 - 5", None)),
            Case("2020-038", None))
def year_serial(text: str) -> Optional[Heading]:
    """"2020-038 TITLE", "2014/25 – TITLE", "2017.07.04 - 1 Title": a year and a serial number.
    The sitting's date and a serial ("2014.09.15 - 5") may stand alone, the title under it."""
    match = _YEAR_SERIAL.match(fold(text))
    if not match:
        alone = _SITTING_SERIAL.match(fold(text))
        return Heading(" ".join(text.split()), None, "year-serial", _key(text)) if alone else None
    heading = _reading(match, text, "year-serial")
    if not heading.title or not _title_ok(heading.title):
        return None
    return heading



# A figure as OCR may read it: 1 as l, I, |, ! or a quote; 0 as O; a stray quote or bracket.
_OCR_FIGURE = r"""[\dlI|!O'"(»]"""
_OCR_DATE_SERIAL = patterns.compile(
    rf"""(?x)^\s*(?P<num>2{_OCR_FIGURE}{{3,5}}\s?\.\s?{_OCR_FIGURE}{{2,3}}\s?\.\s?{_OCR_FIGURE}{{2,3}}
    \s*[-–'"]\s*["']?(?P<serial>[\dlI|]{{1,3}}))\s+(?P<title>\S.*)$""")
_OCR_ONES = str.maketrans("lI|!", "1111")


_FIGURES_DOTS_DASHES = patterns.compile(r"[\d.\s-]+")


@recogniser(PART, "ocr-date-serial",
            Case("20l7.l2.l8'l8 ADHESION AU SYNDICAT DES EAUX", ("20l7.l2.l8'l8", "ADHESION AU SYNDICAT DES EAUX")),
            Case("2019.03.11-I ADOPTION DU COMPTE RENDU", ("2019.03.11-I", "ADOPTION DU COMPTE RENDU")),
            Case('2019.03.11-"17 TARIFS DES MUSEES', ('2019.03.11-"17', "TARIFS DES MUSEES")),
            Case("2(»I9.03.11-3 VENTE D'UN TERRAIN", ("2(»I9.03.11-3", "VENTE D'UN TERRAIN")),
            Case("2019.03.11-4 VENTE D'UN TERRAIN", None),
            Case("2l'l.ll.ll-I Il a été dit", None))
def ocr_date_serial(text: str) -> Optional[Heading]:
    """"2017.12.18-18 TITLE" as OCR damages its figures ("20l7.l2.l8'l8", "2017.12.18-I"): the
    sitting's date and a serial, read as written and ordered by the serial."""
    match = _OCR_DATE_SERIAL.match(text)
    if not match or not _title_ok(match["title"]) or not match["title"][:2].isupper():
        return None
    number = match["num"]
    if number.replace(" ", "").replace("–", "-").isascii() and _FIGURES_DOTS_DASHES.fullmatch(
            number) or sum(c.isdigit() for c in number) < 5:
        return None  # figures all read: the year-serial recogniser's; too few: not a number
    serial = int(match["serial"].translate(_OCR_ONES))
    return Heading(number, match["title"].strip(" -–—:."), "ocr-date-serial", (serial,), shape="9.9.9-9")


_ORDINAL = patterns.compile(r"^\s*\d{1,2}\s*(?:[.)/°]|-)?\s*(?:-\s*)?(?=\S)")


@recogniser(PART, "ordinal-and-number",
            Case("3 – N° 2018-024 - Exercice 2017 – Compte de gestion", ("2018-024", "Exercice 2017 – Compte de gestion")),
            Case("12. DE-2015/22 Tarifs de la cantine", ("DE-2015/22", "Tarifs de la cantine")),
            Case("3 – Exercice 2017", None))
def ordinal_and_number(text: str) -> Optional[Heading]:
    """"3 – N° 2018-024 - title": the place on the agenda, then the register number."""
    match = _ORDINAL.match(fold(text))
    if not match:
        return None
    rest = text[match.end():]
    for inner in (labelled, prefixed, year_serial):
        heading = inner.read(rest)
        if heading is not None and heading.number:
            return heading
    return None


_NUMBERED = patterns.compile(
    r"""(?x)^\s*(?:point\s+(?:n°\s*)?)?(?P<num>\d{1,2}(?:\.\d{1,2})?)
    (?P<sep>\s*°\s*[)./-]|\s*[.)/°]|\s+-|\s*:)(?!\d)\s*(?P<title>\S.{4,})$""")


@recogniser(PART, "numbered",
            Case("1. Exercice des pouvoirs délégués au Président", ("1", "Exercice des pouvoirs délégués au Président")),
            Case("3) Tarifs de la cantine", ("3", "Tarifs de la cantine")),
            Case("13/ Questions diverses", ("13", "Questions diverses")),
            Case("5°) Questions diverses : sans objet", ("5", "Questions diverses")),
            Case("6. Informations diverses – Néant.", ("6", "Informations diverses")),
            Case("7. Questions diverses : sans objet de vote, le maire informe", ("7", "Questions diverses : sans objet de vote, le maire informe")),
            Case("2°) Subvention au centre communal d'action sociale", ("2", "Subvention au centre communal d'action sociale")),
            Case("1°/ Vote du compte administratif 2023", ("1", "Vote du compte administratif 2023")),
            Case("Point 4 : Convention avec le SDIS", ("4", "Convention avec le SDIS")),
            Case("2 - Budget primitif 2021", ("2", "Budget primitif 2021")),
            Case("11 - 1 Boulevard Mendès France - désaffectation de la caserne",
                 ("11", "1 Boulevard Mendès France - désaffectation de la caserne")),
            Case("4. 12 bis rue des Lilas : cession d'une parcelle", ("4", "12 bis rue des Lilas : cession d'une parcelle")),
            Case("1. 500 euros pour l'association", None),
            Case("2. 12 logements sociaux sont prévus", None),
            Case("2. et de dire que", None))
def numbered(text: str) -> Optional[Heading]:
    """"1. Title", "3) Title", "13/ Title", "Point 4 : Title": a small number and its title."""
    match = _NUMBERED.match(fold(text))
    if not match:
        return None
    heading = _reading(match, text, "numbered")
    if not heading.title or not _title_ok(heading.title):
        return None
    separator = match["sep"].strip() or "-"
    return Heading(heading.number, heading.title, "numbered", heading.key, separator=separator)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_ROMAN = patterns.compile(r"^\s*(?P<num>[IVXL]{1,6})\s*(?P<sep>[.)/°-]|\s-|\s–)\s*(?P<title>\S.{3,})$")


def _roman(numeral: str) -> Optional[int]:
    values = [_ROMAN_VALUES[c] for c in numeral.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 90 else None


@recogniser(PART, "roman",
            Case("II - Approbation du procès-verbal", ("II", "Approbation du procès-verbal")),
            Case("IV. FINANCES", ("IV", "FINANCES")),
            Case("VI) Questions diverses", ("VI", "Questions diverses")),
            Case("I - le conseil", None),
            Case("MI - compte", None))
def roman(text: str) -> Optional[Heading]:
    """"II - Title", "IV. TITLE": a Roman numeral in capitals and its title."""
    match = _ROMAN.match(text)
    if not match or not _title_ok(match["title"]):
        return None
    value = _roman(match["num"])
    if value is None:
        return None
    return Heading(match["num"], match["title"].strip(" -–—:."), "roman", (value,),
                   separator=match["sep"].strip())


_LETTERED = patterns.compile(r"^\s*(?P<num>[A-Z])\s*(?P<sep>[.)/]|\s?[-–—]|\s?:)\s+(?P<title>\S.{3,})$")
# a first name's initial before a surname ("A. DUPONT", "J.-P. MARTIN") is no letter of a list
_INITIAL = patterns.compile(r"^\p{Lu}{2,}(?:\s*$|\s*,|\s+\p{Ll})")


@recogniser(PART, "lettered",
            Case("A – Compte administratif 2023", ("A", "Compte administratif 2023")),
            Case("B) Tarifs de la cantine", ("B", "Tarifs de la cantine")),
            Case("C. FINANCES LOCALES", ("C", "FINANCES LOCALES")),
            Case("D/ Questions diverses", ("D", "Questions diverses")),
            Case("M. Paul DURAND, Maire", None),
            Case("A. DUPONT donne pouvoir à B. MARTIN", None),
            Case("a) les tarifs des enfants", None),
            Case("B - le conseil décide", None))
def lettered(text: str) -> Optional[Heading]:
    """"A – Title", "B) Title", "C. TITLE": a capital letter of the alphabet and its title."""
    match = _LETTERED.match(text)
    if not match or not _title_ok(match["title"]):
        return None
    separator = match["sep"].strip()
    if separator == "." and (match["num"] == "M" or _INITIAL.match(match["title"])):
        return None  # "M." is Monsieur; "A. DUPONT", an initial
    title = match["title"].strip(" -–—:.")
    return Heading(match["num"], title, "lettered", (ord(match["num"]) - ord("A") + 1,), separator=separator)


# A number, one space, then the title: no dot, dash or bracket between them.  The title must
# begin with a word (a capital, then a letter), and not one that makes the line a count, a date
# or an address ("12 Conseillers", "3 Mai 2021", "4 Rue des Lilas").
_SPACED_TITLE = r"(?P<title>\p{Lu}[\p{L}'’](?:.{2,}))"
_NOT_A_TITLE = patterns.compile(
    r"""(?x)^(?:conseillers?|membres?|presents?|votants?|absents?|excuses?|pouvoirs?|procurations?
    |voix|pour|contre|abstentions?|heures?|h\b|rue|avenue|allee|chemin|route|place|bd|boulevard
    |janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre
    |m\.|mm\.?|mme|mmes|mlle|monsieur|madame|messieurs)\b""")
_SPACED_ROMAN = patterns.compile(r"^\s*(?P<num>[IVX]{1,5})[ \t]+" + _SPACED_TITLE + "$")
_SPACED_NUMBER = patterns.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2})?)[ \t]+" + _SPACED_TITLE + "$")


def _spaced(match, style: str, key: tuple) -> Optional[Heading]:
    title = match["title"].strip(" -–—:.")
    if len(title) < 4 or _NOT_A_TITLE.match(fold(title)):
        return None
    return Heading(match["num"], title, style, key, separator=" ")


@recogniser(PART, "spaced-roman",
            Case("I Convention avec le syndicat des eaux.", ("I", "Convention avec le syndicat des eaux")),
            Case("IV SIVOM et voirie", ("IV", "SIVOM et voirie")),
            Case("I have a dream", None),
            Case("VI Mai 2021", None),
            Case("X", None))
def spaced_roman(text: str) -> Optional[Heading]:
    """"II Title": a Roman numeral and its title with nothing but a space between them."""
    match = _SPACED_ROMAN.match(text)
    value = _roman(match["num"]) if match else None
    if value is None:
        return None
    return _spaced(match, "spaced-roman", (value,))


@recogniser(PART, "spaced-number",
            Case("1 Aide aux clubs sportifs", ("1", "Aide aux clubs sportifs")),
            Case("3 Location de la salle des fêtes", ("3", "Location de la salle des fêtes")),
            Case("2.1 Dénomination de la rue du Lavoir", ("2.1", "Dénomination de la rue du Lavoir")),
            Case("14 Conseillers en exercice", None),
            Case("1.5 million d'euros", None),
            Case("20 MME TARDIEU, M. VASSEUR", None),
            Case("3 mai 2021", None),
            Case("12 Rue des Lilas", None))
def spaced_number(text: str) -> Optional[Heading]:
    """"1 Title": a small number and its title with nothing but a space between them."""
    match = _SPACED_NUMBER.match(text)
    if not match:
        return None
    return _spaced(match, "spaced-number", _key(match["num"]))


_QUESTION = patterns.compile(
    r"""(?x)^\s*(?:question|point|affaire|dossier|rapport)\s+(?:n\s*[°o"]\s*|no\.?\s+|numero\s+)?
    (?P<num>\d{1,3}(?:\s*bis)?)\b\s*(?:[-:.)]\s*)?(?P<title>\S.*)?$""")


@recogniser(PART, "question",
            Case("QUESTION No 1", ("1", None)),
            Case("Point n°4 : Convention avec le SDIS", ("4", "Convention avec le SDIS")),
            Case("AFFAIRE N° 12 - TARIFS", ("12", "TARIFS")),
            Case("Point sur les travaux de la salle", None),
            Case("question 3 posée par M. DUPONT", None))
def question(text: str) -> Optional[Heading]:
    """"QUESTION N° 1", "Point n°4 : title", "AFFAIRE N° 12": a numbered point of the agenda."""
    match = _QUESTION.match(fold(text))
    if not match:
        return None
    heading = _reading(match, text, "question")
    if heading.title and not _title_ok(heading.title):
        return None
    return heading


_CAPITALS = patterns.compile(r"^[\p{Lu}\d][\p{Lu}\d\s'’.,:;()«»/&–—-]{5,118}$")
_NOT_A_HEADING = patterns.compile(
    r"^\s*(?:presents?|absents?|excuses?|pouvoirs?|procurations?|secretaire|ordre\s+du\s+jour"
    r"|republique|departement|arrondissement|canton|commune|ville|mairie|seance|conseil\s+municipal"
    r"|proces|compte[\s-]+rendu|extrait|le\s+maire|la\s+maire|le\s+president|pour\b|contre\b|abstention|vu\b"
    r"|considerant|decide|approuve|autorise|article|page|total|dont|nombre|delibere)")


@recogniser(PART, "capitals",
            Case("COMPTE ADMINISTRATIF 2005 :", (None, "COMPTE ADMINISTRATIF 2005")),
            Case("SUBVENTIONS AUX ASSOCIATIONS", (None, "SUBVENTIONS AUX ASSOCIATIONS")),
            Case("PRÉSENTS : M. DUPONT", None),
            Case("MM. LEROY, LIVET, GUESNIER", None),
            Case("DÉCIDE", None),
            Case("Le Conseil municipal", None))
def capitals(text: str) -> Optional[Heading]:
    """A line in capitals: the heading of an unnumbered item ("COMPTE ADMINISTRATIF 2005 :")."""
    stripped = text.strip()
    if not _CAPITALS.match(stripped) or sum(c.isalpha() for c in stripped) < 6 or "," in stripped:
        return None  # a comma: names in capitals, not a heading
    if _NOT_A_HEADING.match(fold(stripped)):
        return None
    return Heading(None, stripped.rstrip(" :.;,"), "capitals")


_OBJET = patterns.compile(r"^\s*objet\s*:\s*(?P<title>\S.{3,})$")


@recogniser(PART, "objet",
            Case("Objet : Renouvellement de la convention ENT", (None, "Renouvellement de la convention ENT")),
            Case("Objet :", None))
def objet(text: str) -> Optional[Heading]:
    """"Objet : title": the subject of an unnumbered deliberation."""
    match = _OBJET.match(fold(text))
    if not match:
        return None
    return Heading(None, text[match.start("title"):].strip(), "objet")


# A symbol font's glyph (Wingdings, read as a private-use character) or an arrow before a short
# title: how word processors mark unnumbered items.  Dashes and round bullets, which mark the
# entries of lists inside an item, are not such marks.
_BULLETED = patterns.compile(r"^\s*[\p{Co}➢➤►▶■▪◆❖⇒→]+\s*(?P<title>\p{Lu}.{2,100}?)\s*$")


@recogniser(PART, "bulleted",
            Case("\uf0d8 Vente du pré communal", (None, "Vente du pré communal")),
            Case("➢ Travaux de voirie 2022", (None, "Travaux de voirie 2022")),
            Case("- Salle des fêtes,", None),
            Case("\uf0d8 les tarifs de la cantine", None),
            Case("Cession du chemin de la Source", None))
def bulleted(text: str) -> Optional[Heading]:
    """"➢ Title": an unnumbered item marked by a symbol before it."""
    match = _BULLETED.match(text)
    if not match or match["title"].rstrip().endswith((",", ";")):
        return None
    return Heading(None, match["title"].strip(" :"), "bulleted")


# The point that closes the agenda, unnumbered after numbered items: "Questions diverses",
# "Affaires diverses", "Divers", "Informations (diverses)".
_CLOSING = patterns.compile(
    r"""(?x)^\s*(?:[-–•·*>➢►\p{Co}]\s*)?
    (?P<title>(?:questions?|affaires?|informations?|points?|sujets?)\s+(?:et\s+informations?\s+)?diverse?s?
    | divers | informations? | tour\s+de\s+table)
    \s*[.:]?\s*$""")


@recogniser("closing-heading", "closing",
            Case("Questions diverses", (None, "Questions diverses")),
            Case(" Affaires diverses", (None, "Affaires diverses")),
            Case("- DIVERS :", (None, "DIVERS")),
            Case("Informations.", (None, "Informations")),
            Case("INFORMATIONS DIVERSES", (None, "INFORMATIONS DIVERSES")),
            Case("Questions diverses : M. DUPONT demande", None),
            Case("- Travaux divers nécessaires à la création du circuit.", None))
def closing(text: str) -> Optional[Heading]:
    """"Questions diverses", "Affaires diverses", "Divers": the last point of the agenda."""
    match = _CLOSING.match(fold(text))
    if not match:
        return None
    return Heading(None, text[match.start("title"):match.end("title")].strip(), "closing")


def _with_closing(view: View, chosen: list[Heading], end: int) -> list[Heading]:
    """The items, and the closing points written after the last of them, unnumbered ("Questions
    diverses" after "12. Tarifs"): one of each way of naming them."""
    if len(chosen) < 2:
        return chosen
    added: list[Heading] = []
    for index in range(chosen[-1].line + 1, end):
        heading = closing.read(view.lines[index].text)
        if heading is not None and not any(fold(h.title or "") == fold(heading.title) for h in chosen + added):
            added.append(Heading(None, heading.title, "closing", (), index))
    return chosen + added


HEADING_RECOGNISERS = of_part(PART)
# strongest first: a register number beats a plain figure when both cut the text equally well
_STRENGTH = {"labelled": 7, "prefix-and-label": 7, "prefixed": 6, "year-prefix-serial": 6, "year-serial": 5, "ocr-date-serial": 5, "ordinal-and-number": 5, "question": 4,
             "numbered": 3, "roman": 2, "lettered": 2, "spaced-number": 2, "spaced-roman": 1, "capitals": 1, "bulleted": 1,
             "objet": 0}
# the recognisers that read the mark before a heading, which the others never see
_SEES_THE_MARK = {"bulleted"}


# the recognisers whose every reading holds a figure (a number in digits; folding makes no
# figure of what was none): a line without one is offered to the others only (for speed: most
# lines of a text have no figure, and each recogniser tried costs a pattern or two)
_NEED_A_FIGURE = {"labelled", "prefix-and-label", "prefixed", "year-prefix-serial", "year-serial", "ocr-date-serial",
                  "ordinal-and-number", "numbered", "spaced-number", "question"}
_WITHOUT_FIGURES = [item for item in HEADING_RECOGNISERS if item.name not in _NEED_A_FIGURE]
_FIGURE = patterns.compile(r"\d")
_LEAD = patterns.compile(r"^[\s\p{Co}•·►▪■◆→>*_]+")


def _figure_or_other(char: str) -> bool:
    """An ASCII figure, or a character outside ASCII (which may be a figure ``\\d`` reads)."""
    return char in "0123456789" or not char.isascii()


def _capital_or_other(char: str) -> bool:
    """An ASCII capital, or a character outside ASCII (which may be a capital ``\\p{Lu}`` reads)."""
    return "A" <= char <= "Z" or not char.isascii()


# What the first character of every reading of each recogniser can be: ``char`` is the first of
# the line the recogniser is given (``bare``, its lead taken away, so no space opens it), ``folded``
# the same folded, which the recognisers that fold the line match.  Each test holds for every
# match of the recogniser's patterns, read off their openings (their ``^\s*`` reads nothing on a
# bare line); tests/test_heading_first_character.py tries them on each recogniser.  A line is
# offered only to the recognisers whose test its first character passes (for speed: a line of
# text would otherwise be tried by a dozen of them, each a pattern or two).
_FIRST_CHARACTER = {
    "labelled": lambda char, folded: folded in "-–•dn",  # "délibération", "décision", "n°", "no", "- "
    "prefix-and-label": lambda char, folded: char in "dD" or _capital_or_other(char),  # "délibération", a prefix
    "prefixed": lambda char, folded: folded in "dc" or _capital_or_other(char),  # "dcm", "cm"...; a prefix
    "year-prefix-serial": lambda char, folded: char in "12",  # 19.., 20..
    "year-serial": lambda char, folded: _figure_or_other(folded),
    "ocr-date-serial": lambda char, folded: char == "2",
    "ordinal-and-number": lambda char, folded: _figure_or_other(folded),
    "numbered": lambda char, folded: folded == "p" or _figure_or_other(folded),  # "point", a figure
    "roman": lambda char, folded: char in "IVXL",
    "lettered": lambda char, folded: "A" <= char <= "Z",
    "spaced-roman": lambda char, folded: char in "IVX",
    "spaced-number": lambda char, folded: _figure_or_other(char),
    "question": lambda char, folded: folded in "qpadr",  # question, point, affaire, dossier, rapport
    "capitals": lambda char, folded: _capital_or_other(char) or char in "0123456789",
    "objet": lambda char, folded: folded == "o",
}


class _Offered(dict):
    """The recognisers a line is offered to, by (its first character, whether it holds a figure,
    whether the line as written opens with a character outside ASCII): filled on first sight of
    each (the tests of ``_FIRST_CHARACTER`` run once each).  The one that sees the mark reads
    only a line opening with one of its marks, none of them ASCII."""

    def __missing__(self, key: tuple[str, bool, bool]) -> list:
        char, figure, marked = key
        folded = fold(char)
        offered = self[key] = [
            item for item in (HEADING_RECOGNISERS if figure else _WITHOUT_FIGURES)
            if (marked if item.name in _SEES_THE_MARK else _FIRST_CHARACTER[item.name](char, folded))]
        return offered


_OFFERED = _Offered()


def read_heading(text: str) -> Optional[Heading]:
    """The first recogniser's reading of a line, if any reads it as a heading."""
    if len(text) > 250 or not text.strip():
        return None
    bare = _LEAD.sub("", text)  # a bullet or a symbol font's arrow before the heading
    first = bare.lstrip()[:1]
    figure = bool(_FIGURE.search(text))
    if first:
        recognisers = _OFFERED[first, figure, not text.lstrip()[:1].isascii()]
    else:
        recognisers = HEADING_RECOGNISERS if figure else _WITHOUT_FIGURES
    for item in recognisers:
        heading = item.read(text if item.name in _SEES_THE_MARK else bare)
        if heading is not None:
            return heading
    return None


# --- choosing the headings of the minutes -------------------------------------------------------

# A vote or a decision: what a part of minutes holds when it is an item.
OUTCOME = patterns.compile(
    r"unanimite|unanimement|\bvoix\b|\bpour\s*:|\bcontre\s*:|abstention|\bvote\s*:|\badopte|\bapprouve|\brejete"
    r"|\bdecide|\bdelibere|\bdesigne|\bautorise|\baccepte|\bvalide|\bemet\b|\bprend\s+acte|\bprennent\s+acte"
    r"|\bfixe\b|\bdit\s+que|\bpour\s+\d|\bcontre\s+\d|scrutin|votants"
    # or says the item was put off or withdrawn: "Ce point est ajourné", "retiré de l'ordre du jour"
    r"|\bajourne(?:e|s|es)?\b|\bretire(?:e|s|es)?\s+de\s+l'?\s*ordre\s+du\s+jour")


def _rising(headings: list[Heading]) -> list[Heading]:
    """The longest run of headings whose numbers never go down (numbers read as figures)."""
    if not headings or not headings[0].key:
        return headings
    best: list[int] = [1] * len(headings)
    back: list[int] = [-1] * len(headings)
    for i, current in enumerate(headings):
        for j in range(max(0, i - 200), i):
            if headings[j].key <= current.key and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    end = max(range(len(headings)), key=lambda i: (best[i], -i))
    chain = []
    while end >= 0:
        chain.append(headings[end])
        end = back[end]
    return chain[::-1]


# what a list of deliberations says of each: its outcome, or that it was put off or withdrawn
_LIST_OUTCOME = patterns.compile(OUTCOME.pattern + r"|[-–—:]\s+(?:ajourne|retire|reporte)e?s?\b")


# the closing point of a list of decisions, which decides nothing: "5°) Questions diverses : sans objet"
_CLOSING_TITLE = patterns.compile(r"^\s*(?:(?:questions?|affaires?|informations?|points?)\s+diverse?s?|divers)\b")


def _says_outcomes(view: View, run: list[Heading]) -> bool:
    """Each line of the run says its outcome, but for the closing point that may end it."""
    last = run[-1]
    if last.title and _CLOSING_TITLE.match(fold(last.title)):
        run = run[:-1]
    return all(_LIST_OUTCOME.search(view.folded_lines[h.line]) or row_vote(view, h.line) for h in run)


def _without_lists(view: View, headings: list[Heading]) -> list[Heading]:
    """Headings minus the runs of three or more rising headings that stand on consecutive lines:
    an agenda or an enumeration, not items; unless each says its outcome (a list of the
    deliberations, "N° 2022-58 : title – Adoptée à l'unanimité")."""
    kept: list[Heading] = []
    run: list[Heading] = []

    def flush():
        if len(run) < 3 or _says_outcomes(view, run):
            kept.extend(run)  # each line saying its outcome: a list of the decisions, no agenda
        run.clear()

    for heading in headings:
        # the body taking the agenda's first entry up again right under it starts afresh
        rises = not heading.key or not run[-1:] or heading.key > run[-1].key
        if run and rises and _adjacent(view, run[-1].line, heading.line):
            run.append(heading)
        else:
            flush()
            run.append(heading)
    flush()
    return kept


def _adjacent(view: View, first: int, second: int) -> bool:
    """Nothing but blank lines and one wrapped title line between two headings (a line that
    decides something, "12 votes pour", is an item's body)."""
    between = [view.folded_lines[i] for i in range(first + 1, second) if view.folded_lines[i].strip()]
    return len(between) <= 1 and not any(OUTCOME.search(line) for line in between)


def _score(view: View, headings: list[Heading], end: int) -> int:
    """How many of the parts cut by these headings hold an outcome (or are rows of a list with
    columns of votes)."""
    bounds = [h.line for h in headings] + [end]
    starts = view.starts + [len(view.folded)]
    return sum(bool(OUTCOME.search(view.folded, starts[a], starts[min(b, len(view.lines))])
                    or a < len(view.lines) and row_vote(view, a))
               for a, b in zip(bounds, bounds[1:]))


def _nested(inner: list[Heading], outer: list[Heading]) -> bool:
    """Whether every heading of ``inner`` stands between two consecutive headings of ``outer``."""
    return any(a.line < inner[0].line and inner[-1].line < b.line for a, b in zip(outer, outer[1:]))


def _one_count(view: View, inner: list[Heading], outer: list[Heading]) -> bool:
    """Whether the register numbers of ``inner`` stand after places on the agenda that carry on
    the count of ``outer`` ("1 –", "2 –", then "3 – N° 2018-024", "4 – N° 2018-025"...): one
    agenda, not decisions listed inside one of its points."""
    ordinals = [_ordinal(view, h) for h in inner]
    if None in ordinals or any(len(h.key) != 1 for h in outer):
        return False
    count = sorted(ordinals + [h.key[0] for h in outer])
    return count == list(range(count[0], count[0] + len(count)))


def _running_lines(view: View) -> set[str]:
    """Lines written three times or more alike: running headers and footers of the pages."""
    seen: dict[str, int] = {}
    for folded in view.folded_lines:
        key = folded.strip()
        if key:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 3}


# "BIS", "TER" on the line under a number alone: a second heading of that number
SUFFIX_LINE = patterns.compile(r"^\s*(?:bis|ter|quater)\s*$")


def _with_suffix(view: View, index: int, heading: Heading) -> Optional[str]:
    """The heading's number, with the "BIS" written on the line under it when the number stands
    alone ("2017.07.04 - 1" / "BIS")."""
    following = view.folded_lines[index + 1] if index + 1 < len(view.lines) else ""
    if heading.number and not heading.title and SUFFIX_LINE.match(following):
        return f"{heading.number} {following.strip().upper()}"
    return heading.number


def choose_headings(view: View, first: int, end: int) -> list[Heading]:
    """The item headings of lines ``first`` to ``end``: the best family, or the agenda's entries,
    and the closing point ("Questions diverses") after them."""
    return _with_closing(view, _headings(view, first, end), end)


def _headings(view: View, first: int, end: int) -> list[Heading]:
    found: list[Heading] = []
    repeated = _running_lines(view)
    for index in range(first, end):
        if view.folded_lines[index].strip() in repeated:
            continue
        heading = read_heading(view.lines[index].text)
        if heading is not None:
            number = _with_suffix(view, index, heading)
            found.append(Heading(number, heading.title, heading.style, heading.key, index,
                                 heading.separator, heading.shape))
    families: dict[str, list[Heading]] = {}
    for heading in found:
        families.setdefault(heading.family, []).append(heading)
    sections = [h for h in found if h.style == "roman"]
    numbered = {family: _counted_per_section(headings, sections)
                for family, headings in families.items() if family not in ("objet", "agenda", "capitals", "bulleted")}
    chosen = _best_family(view, numbered, end)
    if chosen:
        chosen = _with_strays(view, chosen, families[chosen[0].family], end)
        chosen = _with_ordinal_ends(view, chosen, found)
        return _with_sections(view, chosen, families)
    agenda = agenda_headings(view, first, end)
    closed = closed_by_votes(view, first, end, repeated)
    if len(closed) >= 3:
        return _union(closed, agenda)
    if len(agenda) >= 2:
        return agenda
    introduced = introduced_by_reports(view, first, end)
    if introduced:
        return introduced
    chosen = _unnumbered(view, families, end)
    if chosen:
        return chosen
    # one deliberation: its number's heading (the "Objet :" under it gives the title), or its
    # "Objet :" line
    return [h for h in found if h.style in _REGISTER_STYLES][:1] or [
        h for h in found if h.style == "objet"][:1]


def _counted_per_section(headings: list[Heading], sections: list[Heading]) -> list[Heading]:
    """Letters or small numbers that count again from the first under each Roman section ("I.
    FINANCES", "A.", "B.", "II. PERSONNEL", "A."...): numbered and ordered by their section, then
    by their own count ("I.A", "II.A": "A" alone names three points).  Headings that never count
    again, or without sections, are left as they are."""
    if len(sections) < 2 or not headings or headings[0].style not in ("lettered", "numbered") \
            or _rising(headings) == headings:
        return headings
    counted = []
    for heading in headings:
        above = [s for s in sections if s.line < heading.line]
        if not above:
            return headings
        counted.append(Heading(f"{above[-1].number}.{heading.number}", heading.title, heading.style,
                               above[-1].key + heading.key, heading.line, heading.separator, heading.shape))
    return counted if _rising(counted) == counted else headings


_REGISTER_STYLES = ("labelled", "prefix-and-label", "prefixed", "year-prefix-serial", "year-serial")


def _with_strays(view: View, chosen: list[Heading], family: list[Heading], end: int) -> list[Heading]:
    """The chosen items, and the register numbers of their family written out of order between
    them ("DL-066" placed between "DL-056" and "DL-057") when each cuts a part that decides."""
    if chosen[0].style not in _REGISTER_STYLES:
        return chosen
    keys = {h.key for h in chosen}
    lines = {h.line for h in chosen}
    strays = [h for h in _without_lists(view, family)
              if h.line not in lines and h.key not in keys and chosen[0].line < h.line < chosen[-1].line
              and _one_figure_apart(h, max((c for c in chosen if c.line < h.line), key=lambda c: c.line))]
    if not strays:
        return chosen
    merged = sorted(chosen + strays, key=lambda h: h.line)
    decides = {h.line for h, nxt in zip(merged, merged[1:] + [None])
               if _score(view, [h], nxt.line if nxt else end)}
    return [h for h in merged if h.line in lines or h.line in decides]


_LEADING_FIGURES = patterns.compile(r"\s*(\d+)")


def _ordinal(view: View, heading: Heading) -> Optional[int]:
    match = _ORDINAL.match(view.folded_lines[heading.line])
    return int(_LEADING_FIGURES.match(match[0])[1]) if match else None


def _with_ordinal_ends(view: View, chosen: list[Heading], found: list[Heading]) -> list[Heading]:
    """The deliberations numbered "3 – N° 2018-024 - title", and the points of the same count
    that hold no deliberation ("1 – Observations sur le compte rendu", "39 - Questions
    diverses"): the small numbers that count from 1 up to the first right above it (a summary
    higher up counts too, but further), and those that count on after the last."""
    if chosen[0].style not in _REGISTER_STYLES:
        return chosen
    ordinals = [_ordinal(view, h) for h in chosen]
    if None in ordinals:
        return chosen
    plain = [h for h in found if h.style == "numbered"]
    head = _counting(reversed([h for h in plain if h.line < chosen[0].line]), range(ordinals[0] - 1, 0, -1))
    tail = _counting([h for h in plain if h.line > chosen[-1].line], range(ordinals[-1] + 1, ordinals[-1] + 4))
    if len(head) < ordinals[0] - 1:
        head = []  # the count from 1 must be whole
    return head[::-1] + chosen + tail


def _counting(headings, numbers: range) -> list[Heading]:
    """The headings numbered as ``numbers`` says, in that order, as long as the count runs
    without a gap."""
    kept: list[Heading] = []
    wanted = iter(numbers)
    number = next(wanted, None)
    for heading in headings:
        if number is None:
            break
        if heading.key == (number,):
            kept.append(heading)
            number = next(wanted, None)
    return kept


def _one_figure_apart(stray: Heading, before: Heading) -> bool:
    """Whether two register numbers differ by their serial alone ("DL-066-07-13" and
    "DL-056-07-13"), not by their year ("2008/15" cited among the 2009 deliberations)."""
    return len(stray.key) == len(before.key) >= 2 and sum(a != b for a, b in zip(stray.key, before.key)) == 1


def _with_sections(view: View, chosen: list[Heading], families: dict[str, list[Heading]]) -> list[Heading]:
    """The chosen items, and the sections above them that hold none: an agenda in Roman-numbered
    sections ("IV. PERSONNEL") holding the numbered deliberations, whose sections without any
    ("I. DESIGNATION DU SECRETAIRE", "IX. QUESTIONS DIVERSES") are items themselves."""
    for family, headings in families.items():
        if not headings or headings[0].style not in ("roman", "spaced-roman"):
            continue
        sections = _rising(_without_lists(view, headings))
        if len(sections) < 3 or sections[0].family == chosen[0].family or sections[0].line > chosen[0].line:
            continue  # sections open before the first item; numerals inside an item are its own
        bounds = [h.line for h in sections] + [len(view.lines)]
        holding = [any(a < h.line < b for h in chosen) for a, b in zip(bounds, bounds[1:])]
        if sum(holding) >= 2:
            empty = [h for h, holds in zip(sections, holding) if not holds]
            return sorted(chosen + empty, key=lambda h: h.line)
    return chosen


def _unnumbered(view: View, families: dict[str, list[Heading]], end: int) -> list[Heading]:
    """Unnumbered headings marked by a symbol, or in capitals (a title wrapped over two lines
    counted once), when most parts under them decide something: items, not layout."""
    capitals = [h for i, h in enumerate(families.get("capitals", []))
                if i == 0 or h.line - families["capitals"][i - 1].line > 1]
    for family, headings in (("bulleted", families.get("bulleted", [])), ("capitals", capitals)):
        chosen = _best_family(view, {family: headings}, end)
        if family == "capitals":
            chosen = _merge_sections(view, chosen, end)
        if len(chosen) >= 3 and 2 * _score(view, chosen, end) >= len(chosen):
            return chosen
    return []


def _merge_sections(view: View, headings: list[Heading], end: int) -> list[Heading]:
    """Unnumbered headings whose part decides nothing, followed by more of the same item, are
    sections of the item before them ("INVESTISSEMENT" inside "BUDGET PRIMITIF 2006 :")."""
    kept: list[Heading] = []
    for i, heading in enumerate(headings):
        stop = headings[i + 1].line if i + 1 < len(headings) else end
        last = i + 1 == len(headings)
        if kept and not last and not _score(view, [heading], stop):
            continue
        kept.append(heading)
    return kept


def _best_family(view: View, families: dict[str, list[Heading]], end: int) -> list[Heading]:
    """The family whose rising headings cut the most parts holding an outcome (two at least)."""
    runs = {family: _rising(_without_lists(view, headings)) for family, headings in families.items()}
    runs = {family: headings for family, headings in runs.items() if len(headings) >= 2}
    best: tuple = (0, 0, 0)
    chosen: list[Heading] = []
    for family, headings in runs.items():
        if any(_nested(headings, other) and not _one_count(view, headings, other)
               for name, other in runs.items() if name != family):
            continue  # decisions listed inside one item (the mayor's, the bureau's), not items
        score = _score(view, headings, end)
        rank = (score, max(_STRENGTH[h.style] for h in headings), len(headings))
        if score >= 2 and rank > best:
            best, chosen = rank, headings
    return chosen


# --- items that each close on a line of their vote ---------------------------------------------

# "Vote : à l'unanimité", "Vote : 3 ABSTENTIONS / 7 POUR": the line that closes an item
VOTE_LINE = patterns.compile(r"^\s*(?:vote|resultat\s+du\s+vote)s?\s*:")


def vote_line(folded: str) -> Optional[regex.Match]:
    """``VOTE_LINE.match(folded)``, not tried where "vote", which it reads, is not written (for
    speed: asked of every line)."""
    return VOTE_LINE.match(folded) if "vote" in folded else None
_NOT_A_TITLE_LINE = patterns.compile(
    r"^\s*(?:vu\b|considerant|monsieur|madame|le\s+maire|la\s+maire|le\s+conseil|il\s+est|apres\b|page\b)")


def closed_by_votes(view: View, first: int, end: int, repeated: set[str]) -> list[Heading]:
    """Unnumbered items that each end on a line of their vote ("Vote : à l'unanimité"): the
    heading of the next item is the line after it, past the page's header or the agenda."""
    headings: list[Heading] = []
    votes = [i for i in range(first, end) if vote_line(view.folded_lines[i])]
    if len(votes) < 3:
        return []
    headers = _page_header_keys(view)
    for vote in votes:
        index = _next_text_line(view, vote + 1, end, repeated, headers)
        if index is not None and agenda_label(view.folded_lines[index]):
            index = _next_text_line(view, agenda_entries(view, index, end)[1], end, repeated, headers)
        if index is None or index in votes or headings and headings[-1].line == index:
            continue
        text = _ENTRY_LABEL.sub("", view.lines[index].text).strip()
        if 4 <= len(text) <= 250 and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "(«\"") \
                and not _NOT_A_TITLE_LINE.match(view.folded_lines[index]):
            headings.append(Heading(None, text, "closed-by-vote", (len(headings) + 1,), index))
    return headings


_PAGE_TOP = 25  # lines at the top of a page where its header stands
# a prefecture's stamp, a page number, a date alone: lines of a page's header or margin
_STAMP = patterns.compile(r"^\s*(?:\|\s*)?(?:envoye|recu|publie|affiche)\s+(?:en\s+prefecture\s+)?le\b|^\s*id\s*:"
                          r"|^[\d\s/.,:-]*$|^\s*\d{1,2}\s+\p{L}+\s+\d{4}\s*$")


_NOT_LETTER = patterns.compile(r"[^a-z]")


def _header_key(folded: str) -> str:
    return _NOT_LETTER.sub("", folded)


_PAGE_NUMBER = patterns.compile(r"^\s*\d{1,3}\s*(?:/\s*\d{1,3}\s*)?$")  # "3", "2/8": the header's end


def _page_header_keys(view: View) -> set[str]:
    """The short lines written at the top of two pages or more: a header each page repeats."""
    pages: dict[str, set] = {}
    for line, folded in zip(view.lines, view.folded_lines):
        key = _header_key(folded)
        if line.number <= _PAGE_TOP and len(key) >= 4 and len(folded.strip()) <= 40 \
                and not vote_line(folded):
            pages.setdefault(key, set()).add(line.page)
    return {key for key, seen in pages.items() if len(seen) >= 2}


def _past_page_header(view: View, index: int, end: int, headers: set[str]) -> int:
    """The line after the header block at the top of a page (short lines, the last of which a
    header that other pages repeat); ``index`` itself when no header stands there."""
    if index >= end or view.lines[index].number > _PAGE_TOP:
        return index
    page = view.lines[index].page
    after = index
    for i in range(index, min(end, index + _PAGE_TOP)):
        folded = view.folded_lines[i]
        if view.lines[i].page != page or len(folded.strip()) > 40 or vote_line(folded):
            break
        if _header_key(folded) in headers or _PAGE_NUMBER.match(folded):
            after = i + 1
    return after


def _union(closed: list[Heading], agenda: list[Heading]) -> list[Heading]:
    """The items closed by their votes, and the agenda's entries found in the body between them
    (an item that no vote line precedes)."""
    lines = {h.line for h in closed}
    more = [h for h in agenda if not any(abs(h.line - line) <= 2 for line in lines)]
    return sorted(closed + more, key=lambda h: h.line)


def _next_text_line(view: View, index: int, end: int, repeated: set[str], headers: set[str]) -> Optional[int]:
    """The first line from ``index`` that holds text and is neither a running header or footer,
    a stamp, nor the header repeated at the top of the page."""
    index = _past_page_header(view, index, end, headers)
    while index < end and (not view.folded_lines[index].strip() or view.folded_lines[index].strip() in repeated
                           or _STAMP.match(view.folded_lines[index])):
        index += 1
    return index if index < end else None


# --- items whose title the member who reports on it follows --------------------------------------

# a line that holds a bullet of a symbol font alone ("Ø", "o", "•"), between a title and its report
_SYMBOL_ALONE = patterns.compile(r"^\s*[\p{Co}•·►▪■◆→>*_oØ–-]?\s*$")
_SENTENCE_END = patterns.compile(r"[.,;]\s*$")


def introduced_by_reports(view: View, first: int, end: int) -> list[Heading]:
    """Unnumbered items whose title stands right above the line of the member who reports on
    it ("BUDGET PRIMITIF 2006 :" / "Madame X donne lecture du rapport suivant :"), when three
    or more are written so and two decide something.  The sections of a report (budget tables
    under headings in capitals) are no items, since no member introduces them; an item that
    decides nothing stays one (its vote is missing)."""
    headings: list[Heading] = []
    for index in range(first, end):
        if report_opening.read(view.lines[index].text) is None:
            continue
        above = _text_above(view, index - 1, first)
        found = _introduced(view, above, first) if above is not None else None
        if found is not None and (not headings or headings[-1].line < found[0]):
            line, title = found
            read = read_heading(title)  # "Objet : Tarifs", "N° 12 – Tarifs": the title its way of writing gives
            number, title = (read.number, read.title) if read is not None and read.title else (None, title)
            headings.append(Heading(number, title, "introduced", (len(headings) + 1,), line))
    if len(headings) < 3 or _score(view, headings, end) < 2:
        return []
    return headings


def _text_above(view: View, index: int, first: int) -> Optional[int]:
    """The nearest line at or above ``index`` that holds more than a symbol."""
    while index >= first and _SYMBOL_ALONE.match(view.lines[index].text):
        index -= 1
    return index if index >= first else None


def _introduced(view: View, line: int, first: int) -> Optional[tuple[int, str]]:
    """The line and title of a heading written above a report: a title, not a sentence, a
    figure or an outcome; with the heading in capitals it stands under ("TRAVAUX :" / "Ø" /
    "ÉCLAIRAGE DU PARC") when a symbol parts the two."""
    text = view.lines[line].text.strip()
    folded = view.folded_lines[line]
    if (len(text) > 150 or sum(c.isalpha() for c in text) < 4 or not _title_ok(text) or _SENTENCE_END.search(text)
            or OUTCOME.search(folded) or _NOT_A_TITLE_LINE.match(folded) or report_opening.read(text)):
        return None
    title = text.strip(" :")
    above = _text_above(view, line - 1, first)
    if above is None or above == line - 1 or not view.lines[above].text.rstrip().endswith(":"):
        return line, title
    announced = capitals.read(view.lines[above].text)
    return (above, f"{announced.title} : {title}") if announced else (line, title)


# --- the agenda, found again in the body --------------------------------------------------------

AGENDA_LABEL = patterns.compile(r"^\s*ordre\s+du\s+jou[rt]\b")


def agenda_label(folded: str) -> Optional[regex.Match]:
    """``AGENDA_LABEL.match(folded)``, not tried where "ordre", which it reads, is not written (for
    speed: asked of every line)."""
    return AGENDA_LABEL.match(folded) if "ordre" in folded else None
_BULLET = patterns.compile(r"^\s*(?:[-–—•·*_>»:➢✓]+\s*|\d{1,2}\s*[.)/-]\s*|[a-z]\s*\)\s*)+")


def agenda_entries(view: View, first: int, end: int) -> tuple[list[str], int]:
    """The entries of the agenda ("Ordre du jour" then one entry a line), and the line after it."""
    entries, _numbers, after = _agenda(view, first, end)
    return entries, after


def _agenda(view: View, first: int, end: int) -> tuple[list[str], list[Optional[str]], int]:
    """The agenda's entries, the number written before each ("1.", "2)"; None for a dash), and
    the line after it."""
    label = next((i for i in range(first, min(end, first + 400))
                  if agenda_label(view.folded_lines[i])), None)
    if label is None:
        return [], [], first
    entries: list[str] = []
    numbers: list[Optional[str]] = []
    bulleted = 0
    index = label + 1
    blanks = 0
    while index < end and len(entries) < 60:
        text = view.lines[index].text.strip()
        if not text:
            blanks += 1
            if entries and blanks > 1:
                break
            index += 1
            continue
        bullet = _BULLET.match(text)
        unbulleted = bool(entries and bulleted and not bullet)
        if unbulleted and blanks:
            break  # a blank line, then a line without the entries' bullet: the body
        if unbulleted and text[:1].islower():
            entries[-1] += " " + text  # an entry wrapped over two lines
            index += 1
            continue
        blanks = 0
        entry = _BULLET.sub("", text).strip()
        if _body_again(entries, entry) or entries and not _entry_like(entry):
            break
        if _entry_like(entry):
            entries.append(entry)
            numbers.append(_written_number(text))
            bulleted += bool(bullet)
        index += 1
    return entries, numbers, index


def _body_again(entries: list[str], entry: str) -> bool:
    """Whether the body takes the first entry up again, in the same or nearly the same words."""
    return fold(entry) in {fold(e) for e in entries} or bool(entries) and same_words(entries[0], entry)


def _entry_like(entry: str) -> bool:
    """A line that can be an agenda entry: neither a scrap nor a sentence."""
    return 4 <= len(entry) <= 160 and not (entry.endswith((".", ":")) and len(entry) > 40)


def _written_number(text: str) -> Optional[str]:
    match = _AGENDA_NUMBER.match(text)
    return match["number"] if match else None


_AGENDA_NUMBER = patterns.compile(r"^\s*(?P<number>\d{1,2})\s*[.)/-]")


def _counted(numbers: list[Optional[str]]) -> list[Optional[str]]:
    """The agenda's numbers when they count its entries from 1 ("1.", "2.", "3."): the numbers the
    body's unnumbered headings stand for; otherwise none (dashes, or a list that does not count)."""
    if numbers and numbers == [str(n) for n in range(1, len(numbers) + 1)]:
        return numbers
    return [None] * len(numbers)


def _similar(entry: str, line: str) -> float:
    a, b = fold(entry), fold(line)
    n = min(len(a), len(b), 50)
    if n < 6:
        return 0.0
    return difflib.SequenceMatcher(None, a[:n], b[:n], autojunk=False).ratio()


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if len(w) >= 3 or w.isdigit()]


def _near_word(word: str, words: set[str]) -> bool:
    """Whether ``word`` is among ``words``, or one letter off one of five letters or more (OCR's
    "tendu" for "rendu", "social" for "sociale")."""
    if word in words:
        return True
    return len(word) >= 5 and any(abs(len(word) - len(w)) <= 1 and len(w) >= 5
                                  and difflib.SequenceMatcher(None, word, w).ratio() >= 0.85 for w in words)


def same_words(entry: str, line: str) -> bool:
    """Whether ``line`` says the agenda's ``entry`` again in its own order: nearly every word of
    the entry is there ("Avenant convention animation de la vie sociale auprès du Centre Social"
    for "Centre Social Intercommunal – Avenant à la convention … Animation de la vie sociale"),
    a few added ("du Conseil Municipal"), and the line opens on one of them."""
    wanted, there = _words(entry), _words(line)
    if len(wanted) < 3 or not there or not _near_word(there[0], set(wanted)):
        return False
    found = sum(_near_word(word, set(there)) for word in wanted)
    return found >= 0.8 * len(wanted)


def _heading_line(text: str) -> bool:
    """A line that can be a heading: not a sentence ending on a full stop."""
    return not text.rstrip().endswith(".")


def _says_entry(entry: str, line: str) -> bool:
    """Whether a line of the body is the agenda's entry as a heading: its beginning written again
    (within a length a heading keeps), or its words in another order on a line that is no
    sentence (a heading may say more than the agenda: up to 240 characters)."""
    if len(line) < 4:
        return False
    if len(line) <= 1.6 * len(entry) + 20 and _similar(entry, line) >= 0.8:
        return True
    return len(line) <= 240 and _heading_line(line) and same_words(entry, line)


# the label a body writes before the agenda's entry: "Objet : Vote du budget", "Point 2 : ..."
_ENTRY_LABEL = patterns.compile(r"(?i)^\s*(?:objet|point(?:\s+n\s*°)?\s*\d{0,2})\s*:\s*(?=\S)")


def agenda_headings(view: View, first: int, end: int) -> list[Heading]:
    """Each agenda entry found again, in order, as a line of the body."""
    entries, written, body = _agenda(view, first, end)
    if len(entries) < 2:
        return []
    headings: list[Heading] = []
    cursor = body
    for number, (entry, label) in enumerate(zip(entries, _counted(written)), 1):
        for index in range(cursor, end):
            line = _ENTRY_LABEL.sub("", _BULLET.sub("", view.lines[index].text)).strip()
            if _says_entry(entry, line):
                headings.append(Heading(label, line, "agenda", (number,), index))
                cursor = index + 1
                break
    return headings
