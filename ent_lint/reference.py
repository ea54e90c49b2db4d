"""Reference tables of the domain, as data, each with its source.

Rules read these; nothing else in the code repeats them.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

#: Council size by population (CGCT art. L2121-2): (lowest population, seats).
COUNCIL_SIZES_SOURCE = "CGCT art. L2121-2"
COUNCIL_SIZES: list[tuple[int, int]] = [
    (0, 7), (100, 11), (500, 15), (1_500, 19), (2_500, 23), (3_500, 27), (5_000, 29),
    (10_000, 33), (20_000, 35), (30_000, 39), (40_000, 43), (50_000, 45), (60_000, 49),
    (80_000, 53), (100_000, 55), (150_000, 59), (200_000, 61), (250_000, 65), (300_000, 69),
]
LEGAL_SIZES = frozenset(seats for _, seats in COUNCIL_SIZES)
#: 27 seats or more: 3,500 inhabitants or more (L2121-12 then applies: 5 clear days).
SEATS_FROM_3500 = 27


def legal_size_for(members: int) -> Optional[int]:
    """The smallest legal council size that holds ``members`` (vacancies make fewer)."""
    return next((seats for _, seats in COUNCIL_SIZES if seats >= members), None)


#: Convocation delays in clear days (CGCT L2121-11, L2121-12, L5211-1).
CONVOCATION_SOURCE = "CGCT art. L2121-11, L2121-12, L5211-1"
CLEAR_DAYS_SMALL = 3
CLEAR_DAYS_LARGE = 5
#: Alsace-Moselle keeps local rules for communes under 3,500 (CGCT L2541-1, L2541-2).
ALSACE_MOSELLE = frozenset({"57", "67", "68"})

#: COVID-19 sitting rules (loi 2020-290, loi 2020-1379, loi 2021-1465): quorum of one third,
#: two proxies per member.  The start of the first window, the ordonnance 2020-391 of
#: 1 April 2020, is a hypothesis [?]; the rest is in the rulebook.
COVID_SOURCE = "loi n° 2020-1379, loi n° 2021-1465 (quorum 1/3, two proxies)"
COVID_WINDOWS: list[tuple[dt.date, dt.date]] = [
    (dt.date(2020, 4, 2), dt.date(2021, 9, 30)),
    (dt.date(2021, 11, 10), dt.date(2022, 7, 31)),
]


def in_covid_window(day: Optional[dt.date]) -> bool:
    return day is not None and any(start <= day <= end for start, end in COVID_WINDOWS)


#: Signature by the mayor and the secretary (CGCT L2121-23 as in force since 1 July 2022).
SIGNATURE_REFORM = dt.date(2022, 7, 1)

#: Académies and the départements they cover (Code de l'éducation, art. R222-2 and its annex;
#: Normandie merged Caen and Rouen in 2020, whose old domains stay in use).
ACADEMIES_SOURCE = "Code de l'éducation, art. R222-2"
ACADEMIES: dict[str, frozenset[str]] = {
    "aix-marseille": frozenset({"04", "05", "13", "84"}),
    "amiens": frozenset({"02", "60", "80"}),
    "besancon": frozenset({"25", "39", "70", "90"}),
    "bordeaux": frozenset({"24", "33", "40", "47", "64"}),
    "clermont": frozenset({"03", "15", "43", "63"}),
    "corse": frozenset({"2A", "2B", "20"}),
    "creteil": frozenset({"77", "93", "94"}),
    "dijon": frozenset({"21", "58", "71", "89"}),
    "grenoble": frozenset({"07", "26", "38", "73", "74"}),
    "lille": frozenset({"59", "62"}),
    "limoges": frozenset({"19", "23", "87"}),
    "lyon": frozenset({"01", "42", "69"}),
    "montpellier": frozenset({"11", "30", "34", "48", "66"}),
    "nancy-metz": frozenset({"54", "55", "57", "88"}),
    "nantes": frozenset({"44", "49", "53", "72", "85"}),
    "nice": frozenset({"06", "83"}),
    "normandie": frozenset({"14", "27", "50", "61", "76"}),
    "caen": frozenset({"14", "50", "61"}),
    "rouen": frozenset({"27", "76"}),
    "orleans-tours": frozenset({"18", "28", "36", "37", "41", "45"}),
    "paris": frozenset({"75"}),
    "poitiers": frozenset({"16", "17", "79", "86"}),
    "reims": frozenset({"08", "10", "51", "52"}),
    "rennes": frozenset({"22", "29", "35", "56"}),
    "strasbourg": frozenset({"67", "68"}),
    "toulouse": frozenset({"09", "12", "31", "32", "46", "65", "81", "82"}),
    "versailles": frozenset({"78", "91", "92", "95"}),
    "guadeloupe": frozenset({"971"}),
    "martinique": frozenset({"972"}),
    "guyane": frozenset({"973"}),
    "reunion": frozenset({"974"}),
    "mayotte": frozenset({"976"}),
}

#: UAI (ex-RNE): seven digits and a check letter (Éducation nationale, BCE nomenclature).
UAI_SOURCE = "Éducation nationale, Base centrale des établissements (UAI)"
UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def uai_check_letter(digits: str) -> str:
    return UAI_LETTERS[int(digits) % 23]


def uai_department(uai: str) -> Optional[str]:
    """The département a UAI belongs to: 083 -> "83", 620 -> "2A", 720 -> "2B", 974 -> "974"."""
    head = uai[:3]
    if head == "620":
        return "2A"
    if head == "720":
        return "2B"
    if head.startswith("97"):
        return head
    if head.startswith("0") and "01" <= head[1:] <= "95":
        return head[1:]
    return None


def postcode_department(code: str) -> str:
    if code.startswith("97"):
        return code[:3]
    if code.startswith("20"):
        return "2A" if int(code) < 20200 else "2B"
    return code[:2]


#: School type codes (nature of the UAI): public and private nursery, elementary, primary [?].
SCHOOL_TYPES_SOURCE = "BCE natures d'établissement [?]"
SCHOOL_TYPES: dict[str, str] = {
    "EMPU": "école maternelle publique", "EEPU": "école élémentaire publique",
    "EPPU": "école primaire publique", "EMPR": "école maternelle privée",
    "EEPR": "école élémentaire privée", "EPPR": "école primaire privée",
}

#: Official names of the Ministry of Education by date of the decree naming the government: the
#: date, the short form, the parts after "Éducation nationale" (folded), and the full name as the
#: decree writes it (what a fix hint quotes).  Source: the decrees relating to the composition of
#: the Government (17/05/2017, 16/10/2018, 06/07/2020, 20/05/2022, 11/01/2024, 08/02/2024,
#: 21/09/2024, 23/12/2024, 12/10/2025), as listed in RULEBOOK.md.
MINISTRY_SOURCE = "décrets relatifs à la composition du Gouvernement"
MINISTRY_NAMES: list[tuple[dt.date, str, frozenset[str], str]] = [
    (dt.date(2017, 5, 17), "Éducation nationale", frozenset(), "ministère de l'Éducation nationale"),
    (dt.date(2018, 10, 16), "Éducation nationale et Jeunesse", frozenset({"jeunesse"}),
     "ministère de l'Éducation nationale et de la Jeunesse"),
    (dt.date(2020, 7, 6), "Éducation nationale, Jeunesse et Sports", frozenset({"jeunesse", "sports"}),
     "ministère de l'Éducation nationale, de la Jeunesse et des Sports"),
    (dt.date(2022, 5, 20), "Éducation nationale et Jeunesse", frozenset({"jeunesse"}),
     "ministère de l'Éducation nationale et de la Jeunesse"),
    (dt.date(2024, 1, 11), "Éducation nationale, Jeunesse, Sports et Jeux olympiques et paralympiques",
     frozenset({"jeunesse", "sports", "jeux olympiques et paralympiques"}),
     "ministère de l'Éducation nationale, de la Jeunesse, des Sports et des Jeux olympiques et paralympiques"),
    (dt.date(2024, 2, 8), "Éducation nationale et Jeunesse", frozenset({"jeunesse"}),
     "ministère de l'Éducation nationale et de la Jeunesse"),
    (dt.date(2024, 9, 21), "Éducation nationale", frozenset(), "ministère de l'Éducation nationale"),
    (dt.date(2024, 12, 23), "Éducation nationale, Enseignement supérieur et Recherche",
     frozenset({"enseignement superieur", "recherche"}),
     "ministère de l'Éducation nationale, de l'Enseignement supérieur et de la Recherche"),
    (dt.date(2025, 10, 12), "Éducation nationale", frozenset(), "ministère de l'Éducation nationale"),
]


def ministry_name_on(day: dt.date) -> Optional[tuple[dt.date, str, frozenset[str], str]]:
    current = None
    for entry in MINISTRY_NAMES:
        if entry[0] <= day:
            current = entry
    return current


def ministry_periods(parts: frozenset[str]) -> list[tuple[dt.date, Optional[dt.date]]]:
    """The periods during which a name with these parts was in force."""
    periods = []
    for index, (start, _, entry_parts, _) in enumerate(MINISTRY_NAMES):
        if entry_parts == parts:
            end = MINISTRY_NAMES[index + 1][0] if index + 1 < len(MINISTRY_NAMES) else None
            periods.append((start, end))
    return periods
