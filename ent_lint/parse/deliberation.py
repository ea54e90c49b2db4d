"""Deliberations and minutes: header, attendance, items, votes and signatures.

All patterns run on folded text (lower case, no accents, plain quotes and dashes); values are
then cut from the original text at the same offsets, so names keep their spelling.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

import regex
from pydantic import BaseModel

from .. import patterns
from ..i18n import N_
from ..model import Blank, Counts, Deliberation, Person, Proxy, Session, Span, Vote
from . import dates
from .items import OUTCOME, SUFFIX_LINE, Heading, agenda_label, choose_headings, read_heading
from .mentions import PUBLISHED, TRANSMITTED
from .votes import read_vote, tally_before
from .vote_columns import without_vote_columns
from .decision import decision_at
from .running import running_title
from .marks import proxies_by_mark
from .tables import TableReading, attendance_table, pipe_tables
from .grids import attendance_grid, grid_tables, lists_side_by_side
from .counts import (column, count_patterns, figure_below, figures_in_line, labels_in_a_row, margin_figures,
                     may_hold_a_label, ocr_ones_in_line)
from .secretary import choosing_mentioned, names_a_secretary, secretary_in
from .sitting import (PRESIDENT_RECOGNISERS, Found, mayor_elected_and_installed, office_that_opens, opening_hour,
                      sitting_dates)
from .titles import MOST_LINES, paragraph_title, title_goes_on
from .civilities import headed_surnames, plural_runs, role_words_as_surnames, surname_alone
from .names import (CIVILITY, civility, clean_name, find, is_role, join_spaced_surname, looks_like_person, person, same_person,
                    split_names, two_people)
from . import proxies as proxies_read, sentences
from .text import View, fold, holds_any

# --- attendance -------------------------------------------------------------------------------

LIST_LABEL = patterns.compile(
    r"""(?x)
    ^\s*(?:[-+•*>➢►\p{Co}]\s*)?                      # a bullet: "+ Présents :", "- Absents :"
    (?:\d{1,3}\s+(?=etaient|etait|sont))?         # a count printed in the margin, read into the line
    (?:(?:etaient|sont|etait|est|membres?|elus?|conseillers?(?:\s+(?:municipaux|communautaires))?
       |delegues?(?:\s+(?:titulaires?|suppleante?s?))?|administrateurs?|administratrices?)\s+)?
    (?:
      (?P<proxies>(?:absente?s?[\s,]+)?(?:(?:et\s+)?excusee?s?[\s,]+)?(?:\(?e?s?\)?\s*)?(?:et\s+)?
                 (?:ayant\s+donne|ont\s+donne|a\s+donne|qui\s+ont\s+donne|avec)\s+(?:pouvoirs?|procurations?|mandats?)(?:\s+[a-z]+)?
                 |pouvoirs?(?:\s+donnes?)?|(?:procuration){s<=1}s?|absente?s?\s+representee?s?|representee?s?|mandats?)
    | (?P<present>(?:presente?s?\s+et\s+)?(?:presents?|present\(e\)s|presente?s?)
                 (?:\s+avec\s+voix\s+deliberative)?)        # "Présentes et présents", substitutes that vote
    | (?P<absent>absente?s?(?:\s*-?\s*(?:et\s+)?excusee?s?)?(?:\s+non\s+(?:representee?s?|excusee?s?))?
                |excusee?s?)
    | (?P<secretary>secretaires?(?:\s+de\s+(?:la\s+)?seance)?(?:\s+(?:designee?s?|nommee?s?|elue?s?|choisie?s?))?)
    )
    (?:\s*\(\s*e?\s*s?\s*\)\s*s?)?\s*(?:\(\s*(?P<n>\d{1,3})\s*\))?\s*(?P<colon>:|$)   # "Excusé(e)s :"
    """)
# A word every reading of LIST_LABEL holds: "present" (in "representes" too), "absent", "excuse",
# "pouvoir", "mandat", "secretaire"; "procuration" read with one letter wrong keeps "procu" or
# "ration" whole.  A line holding none is not matched (for speed: LIST_LABEL tries its optional
# words first).
_LIST_LABEL_WORDS = ("present", "absent", "excuse", "pouvoir", "mandat", "secretaire", "procu", "ration")


def _may_be_a_list_label(folded: str) -> bool:
    return holds_any(folded, _LIST_LABEL_WORDS)


BODY_START = patterns.compile(
    r"""(?x)^\s*(?:vu\b|considerant|le\s+rapporteur|rapporteur\s*:
    |(?:monsieur|madame)\s+le\s+maire\s+(?:expose|presente|rappelle|informe|indique)
    |le\s+maire\s+(?:expose|presente|rappelle|informe)|objet\s*:\s*\S|expose\s+des\s+motifs)""")


def body_start(folded: str) -> Optional[regex.Match]:
    """``BODY_START.match(folded)``, not tried on a line whose first letter opens none of its
    words ("vu", "considérant", "le", "rapporteur", "monsieur", "madame", "objet", "exposé"): for
    speed, asked of every line of the head."""
    return BODY_START.match(folded) if folded.lstrip()[:1] in _BODY_START_LETTERS else None


_BODY_START_LETTERS = "vclrmoe"
MARGIN_NUMBER = patterns.compile(r"^\d{1,2}\s+(?=\S)")  # a count printed in the margin, read into the line
ITEM_AFTER_LISTS = patterns.compile(r"^\s*deliberation\s+(?:n°|no\.?|numero)\s*\S*\d")
NEANT = patterns.compile(r"^\s*(?:neant|aucun|aucune|-|/)\s*\.?\s*$")

# A proxy whose grantor is the name before it: "M. Jacques CHEVALIER, Conseiller municipal
# délégué, pouvoir donné à M. Georges LECLEVE".
HOLDER_ONLY = patterns.compile(
    r"^(?:(?:a|ayant)\s+donne\s+|donne\s+|donnant\s+)?(?:son\s+|sa\s+)?(?:pouvoir|procuration|mandat)"
    r"(?:\s+donnee?)?\s+(?:a|au)\s+(?P<h>[^()]+?)\)?\s*(?:\([^()]*\)?\s*)?\.?$")
# the words of which every match of HOLDER_ONLY holds one: an entry without any is not matched (for speed)
_HOLDER_ONLY_WORDS = ("pouvoir", "procuration", "mandat")
# a note after the holder's name: "... à M. B. BERTHOU (jusqu'à la question n°13)."
_PROXY_NOTE = r"\s*(?:\([^()]*\)?)?\s*\.?$"
PROXY_PATTERNS = [
    patterns.compile(
        r"^(?P<g>.+?)\s*(?:\(|,|:|-)?\s*(?:qui\s+)?(?:(?:a|ayant)\s+donne\s+|donne\s+|donnant\s+)?"
        r"(?:(?:son\s+|sa\s+)?(?:pouvoir|pourvoir|procuration|mandat|delegation)(?:\s+de\s+vote)?"
        r"(?:\s+donnee?)?\s+)"
        r"(?:(?:a|au|aux)\s+|(?<=donne\s|donnee\s))(?P<h>[^()]+?)\)?" + _PROXY_NOTE),  # "donné à", "à" left out
    patterns.compile(r"^(?P<g>.+?)\s*(?:,|\()?\s*represente?e?\s+par\s+(?P<h>[^()]+?)\)?" + _PROXY_NOTE),
    patterns.compile(r"^(?:pouvoir|procuration)\s+de\s+(?P<g>.+?)\s+a\s+(?P<h>.+?)\s*\.?$"),
    patterns.compile(r"^(?P<g>[^()]+?)\s+(?:a|par|=>|->|→)\s+(?P<h>[^()]+?)\s*\.?$"),
]
# the words each of PROXY_PATTERNS needs, one of them at least: a pattern is not
# tried where its words are not written (for speed: the first tries its grantor at every length)
_PROXY_WORDS = [("pouvoir", "pourvoir", "procuration", "mandat", "delegation"),  # "X a donné pouvoir à Y"
                ("represent",),  # "X représenté par Y"
                ("pouvoir", "procuration"),  # "Pouvoir de X à Y"
                (" a ", " par ", "=>", "->", "→")]  # "X à Y" (the text's spaces made single spaces)

# A proxy written as a sentence, each side named with a civility, on a line of its own.
PROXY_SENTENCE = patterns.compile(
    r"^\s*(?:m\.|mme\.?|madame|monsieur|mr\.?|mlle)\s*\S[^,;]{1,50}?\s+(?:a|ayant)\s+donne\s+"
    r"(?:son\s+|sa\s+)?(?:pouvoir|pourvoir|procuration|mandat)\s+(?:a|au)\s+(?:m\.|mme\.?|madame|monsieur|mr\.?|mlle)")

# --- items, votes, changes of attendance ----------------------------------------------------

HEADING = patterns.compile(
    r"""(?x)^\s*(?:
      (?:deliberation\s+)?(?:n°|no\.?|numero)\s*(?P<num>[\w/._-]*\d[\w/._-]*)\s*(?:[:-]\s*(?P<title>.*))?$
    | (?P<num>\d{4}\s?[/_.-]\s?\d{1,4}(?:[/_.-][\w-]+)?)\s*[-:]\s*(?P<title>\S.+)$
    | (?P<num>(?:de|dcm|del|d)[_-]?\d{4}[_-]\d+[\w_-]*)\b\s*[:-]?\s*(?P<title>.*)$
    | (?P<num>(?:dl|delib)[_-]?\d{2,4}(?:[_/.-]\d{1,4}){1,3})\b\s*[:-]?\s*(?P<title>.*)$
    | objet\s*:\s*(?P<title>\S.+)$
    | (?:point\s+(?:n°\s*)?)?(?P<num>\d{1,2})\s*(?:\)|°|\s[-.]\s)\s*(?P<title>\S.{5,})$
    )""")
DELIBERATED = patterns.compile(r"apres\s+en\s+avoir\s+delibere|delibere|le\s+conseil\s+\w+\s*,?\s+decide")
# a motion put to the council ("nous vous proposons d'affecter", "il est proposé au conseil de"):
# the item is to be voted on, whether or not its outcome is written; not the chair's words in a
# verbatim record ("je vous propose de passer au point suivant")
PROPOSED = patterns.compile(
    r"(?<!\bje\s+)\bvous\s+propos(?:e|ons|ent)\s+(?:d'|de\b|l'|le\b|la\b|les\b)"
    r"|\bpropose\s+au\s+conseil\s+(?:\w+\s+)?d['e]|\bil\s+est\s+propose\s+au\s+conseil")
NAME_IN_SENTENCE = (
    r"(?P<who>(?:m\.|mme|mlle|monsieur|madame|mr)\s*[^,;()\n]{2,60}?)")
NOT_VOTING = patterns.compile(
    NAME_IN_SENTENCE + r"\s*(?:,[^,]{0,80},)?\s*(?:\(?\s*(?:interesse|concerne)e?s?[^)]*\)?\s*,?\s*)?"
    # "se retire et ne participe ni au débat ni au vote"
    r"(?:(?:se\s+retire|quitte\s+la\s+salle|sort\s+de\s+la\s+salle)\s*,?\s*et\s+)?"
    r"(?:ne\s+prend|ne\s+prenant|n'a\s+pas\s+pris|ne\s+participe|ne\s+participant|n'a\s+pas\s+participe"
    r"|ne\s+prennent)\s+(?:part\s+)?(?:ni\s+(?:au|a\s+la)\s+(?:debat|discussion|deliberation)\s+ni\s+au\s+vote"
    r"|(?:pas|part|point)?\s*(?:part\s+)?(?:au|a\s+ce|a\s+la)?\s*(?:vote|deliberation|debat))")
# The same without a civility, on the text as written: "Dominique BARBE ne prend pas part au vote".
NOT_VOTING_NAMED = patterns.compile(
    r"(?<![\p{L}'’])(?P<who>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+"
    r"(?:ne\s+prend\s+pas\s+part|ne\s+participe\s+pas|n['’]a\s+pas\s+pris\s+part|n['’]a\s+pas\s+participé)"
    r"\s+(?:au\s+vote|à\s+la\s+délibération|au\s+débat)")
LEAVES = patterns.compile(
    NAME_IN_SENTENCE + r"\s*(?:,[^,]{0,80},)?\s*(?:quitte|a\s+quitte|sort\s+de|se\s+retire\s+de|s'est\s+retiree?\s+de)"
    r"\s+(?:la\s+|l')?(?P<where>salle|seance|assemblee|reunion)(?P<rest>[^.\n]{0,80})")
# "la Présidente ayant quitté la salle", "Monsieur le Maire s'étant retiré", "le Maire se retire
# pour le vote": the one who presides leaves, named by the office (the compte administratif is
# voted without the mayor, CGCT L2121-14)
LEAVES_BY_OFFICE = patterns.compile(
    r"""(?x)(?<![\p{L}])(?:(?:monsieur|madame|m\.|mme)\s+)?(?:le|la)\s+(?P<office>maire|presidente?)\b
    \s*(?:,[^,]{0,80},)?\s*
    (?:(?:quitte|a\s+quitte|ayant\s+quitte|sort|sortant|est\s+sortie?)\s+(?:de\s+)?(?:la\s+|l')
         (?P<where>salle|seance|assemblee|reunion)
      |(?:se\s+retire|se\s+retirant|s'est\s+retiree?|s'etant\s+retiree?)
         (?:\s+de\s+(?:la\s+|l')(?P<where>salle|seance|assemblee|reunion))?)
    (?P<rest>[^.\n]{0,80})""")
ARRIVES = patterns.compile(
    r"(?:arrivee\s+de\s+" + NAME_IN_SENTENCE
    + r"(?=\s*(?:[,;.(]|\s(?:a|avant|apres|au|aux|lors|pendant|en\s+cours|pour|des)\s|$))"  # "Arrivée de Mme X à 20 h 45"
    + r"|" + NAME_IN_SENTENCE.replace("who", "who2")
    + r"\s+(?:arrive|rejoint|entre)\s+(?:en\s+|la\s+|dans\s+la\s+)?(?:seance|salle|assemblee))")
RETURNS = patterns.compile(NAME_IN_SENTENCE + r"\s+(?:revient|reintegre|rentre|regagne)")
DECISION = patterns.compile(
    r"(?:^\s*(?:-\s*)?|(?<=[,:]\s*))(?P<verb>APPROUVE|AUTORISE|D[ÉE]CIDE|ADOPTE|DONNE|CHARGE|DIT|ACCEPTE|D[ÉE]SIGNE|FIXE"
    r"|SOLLICITE|PREND\s+ACTE|[ÉE]MET|VALIDE|ACCORDE|ATTRIBUE|CR[ÉE]E|OPTE|PR[ÉE]CISE|D[ÉE]CLARE"
    r"|ARR[ÊE]TE|CONFIRME|ENT[ÉE]RINE|RENOUVELLE|AUTORISENT|APPROUVENT|D[ÉE]CIDENT)\b(?P<rest>.*)$")

# --- header ---------------------------------------------------------------------------------

AUTHORITY = patterns.compile(
    r"(?P<epci>communaute\s+(?:de\s+communes|d'agglomeration|urbaine)\s+[^\n,]{2,60}"
    r"|metropole\s+[^\n,]{2,40})"
    r"|\b(?:commune|ville|mairie|conseil\s+municipal)\s+(?:de\s+la\s+commune\s+)?(?:de\s+|d')\s*"
    r"(?P<name>[^\n,.]{2,40}?)\s*(?:$|\n|,|\.|\s+du\b|\s+-|\s+seance|\s+\()")
PLACE = patterns.compile(
    r"(?:reuni|reunie|reunis|rassemble)e?s?\s*,?\s+(?:en\s+session\s+(?:ordinaire|extraordinaire)\s*,?\s+)?"
    r"(?:(?:en|a|au|dans)\s+(?:la\s+|le\s+|l'|les\s+)?)"
    r"(?P<place>[^,\n]+?(?:\n[^,\n]+?)?)\s*(?:,|\s+sous\b|\s+en\s+seance|\s+apres\b|\.|$)")
CONVENED = patterns.compile(
    r"(?:date\s+de\s+(?:la\s+)?convocation(?:\s+du\s+conseil(?:\s+\w+)?)?|convocation\s+(?:du\s+conseil\s+\w+\s*)?"
    r"(?:a\s+ete\s+)?(?:adressee|envoyee|faite|transmise|du)?|convoquee?s?(?:\s+\w+){0,3}\s+le)\s*:?\s*(?:le\s+)?")
POSTED = patterns.compile(r"date\s+d'affichage(?:\s+de\s+la\s+convocation)?\s*:?\s*|convocation\s+affichee\s+le\s*")
SIGNED = patterns.compile(r"(?:fait\s+et\s+delibere|pour\s+extrait\s+(?:certifie\s+)?conforme)[^\n]*?,?\s*le\s*")
URGENCY = patterns.compile(r"\burgence\b(?!\s+sanitaire)")
SECOND_CONVOCATION = patterns.compile(
    r"sans\s+condition\s+de\s+quorum|(?:deuxieme|seconde|nouvelle)\s+convocation"
    r"|quorum\s+n'(?:ayant|a)\s+pas\s+ete\s+atteint")
CONVENTION_DURATION = patterns.compile(
    r"duree\s+de\s+(?P<n>\d{1,2}|" + dates.NUMBER_WORDS + r")\s+(?P<unit>ans?|annees?|mois)\b")
ENDS_ON = patterns.compile(r"(?:prendra\s+fin|expirera|arrivera\s+a\s+echeance|se\s+terminera)\s+le\s*")
SIGNATURE_ROLE = patterns.compile(
    r"(?:^\s*|\s{2,}|,\s+)(?:pour\s+extrait\s+conforme\s*,?\s*)?(?:le|la)\s+(?P<role>maire|president|presidente"
    r"|secretaire(?:\s+de\s+seance)?|adjointe?\s+au\s+maire)\b")


# A word every match of each of these patterns holds; they run over a whole document or item,
# trying their openings at each character: a text without any of the words is not scanned (for
# speed).  tests/test_parse_speed_forms.py checks each on the fixtures' documents.
_NEEDS = {
    SECOND_CONVOCATION: ("quorum", "convocation"),
    ENDS_ON: ("fin", "expirera", "echeance", "terminera"),
    CONVENED: ("convo",),  # "convocation", "convoqués"
    POSTED: ("affich",),
    LEAVES: ("quitte", "sort", "retire"),
    LEAVES_BY_OFFICE: ("quitte", "sort", "retir"),
    NOT_VOTING: ("pren", "pris", "particip"),
    NOT_VOTING_NAMED: ("part",),  # "prend pas part", "participé": on the text as written
    RETURNS: ("revient", "reintegre", "rentre", "regagne"),
    ARRIVES: ("arrive", "rejoint", "entre"),
    DELIBERATED: ("delibere", "decide"),
    PROPOSED: ("propos",),
    TRANSMITTED: ("transmis", "prefe"),
    PUBLISHED: ("publi", "affich", "ligne"),
    SIGNED: ("delibere", "conforme"),
    PLACE: ("reuni", "rassemble"),
    URGENCY: ("urgence",),
}


def _scan(pattern, text: str, start: int = 0, end: Optional[int] = None):
    """``pattern.finditer(text, start, end)``, or nothing where the text lacks the words of
    ``_NEEDS``."""
    if not holds_any(text, _NEEDS[pattern], start, end):
        return iter(())
    return pattern.finditer(text, start, len(text) if end is None else end)


def _search(pattern, text: str, start: int = 0, end: Optional[int] = None):
    """``pattern.search(text, start, end)``, or None where the text lacks the words of ``_NEEDS``."""
    return next(_scan(pattern, text, start, end), None)


# the role each match of SIGNATURE_ROLE names ("presidente" holds "president")
_SIGNATURE_ROLE_WORDS = ("maire", "president", "secretaire")


def _signature_roles(folded: str) -> list:
    """The matches of SIGNATURE_ROLE in a folded line, none looked for in a line without a role's
    word (for speed: asked of every line of the signature block)."""
    return list(SIGNATURE_ROLE.finditer(folded)) if holds_any(folded, _SIGNATURE_ROLE_WORDS) else []


# two signature blocks side by side whose spaces a PDF collapsed: "La Maire, Anne ROUX Le
# secrétaire de séance, Paul DURAND": the second role opens right after a surname in capitals
COLLAPSED_BLOCKS = patterns.compile(
    r"(\p{Lu}{2,}[,.]?)\s(\s?(?:Le|La|LE|LA)\s+(?:[Ss]ecr[ée]taire|SECR[ÉE]TAIRE|[Mm]aire|MAIRE|[Pp]r[ée]sidente?|PR[ÉE]SIDENTE?)\b)")
# what each role of COLLAPSED_BLOCKS ends with ("Secrétaire", "Maire", "Président"...): a line
# without any is not searched (for speed)
_ROLE_ENDINGS = ("aire", "AIRE", "sident", "SIDENT")


def date_after(view: View, end: int, window: int = 60):
    """The date, or a placeholder, that follows offset ``end`` (on the same or next line)."""
    chunk = view.folded[end:end + window]
    stripped = chunk.lstrip(" :")
    lead = len(chunk) - len(stripped)
    blank = dates.BLANK.match(stripped)
    if blank:
        return Blank(text=view.text[end + lead:end + lead + blank.end()]), view.span(end + lead, end + lead + blank.end())
    # the date right there, or after one short word ("vendredi 18 octobre 2013")
    space = chunk.find(" ", lead, lead + 9)
    starts = [lead] if space < 0 else [lead, space + 1]
    for pattern in (dates.DIGIT_DATE, dates.TEXT_DATE, dates.ALL_WORDS_DATE):
        for start in starts:
            match = pattern.match(chunk, start)
            value = dates.date_from_match(match) if match else None
            if value:
                return value, view.span(end + match.start(), end + match.end())
    return None, None


class _List:
    def __init__(self, kind: str, label_index: int, count: Optional[int]):
        self.kind = kind
        self.label_index = label_index
        self.count = count
        self.parts: list[tuple[int, str]] = []  # (line index, text)
        self.breaks: set[int] = set()  # lines where a second label adds to this list


# a count's label whose end is on the next line: "qui ont pris part à la" / "délibération : 11",
# "Nombre de conseillers afférents au Conseil" / "Municipal : 18", "Membres en" / "exercice : 15"
_CUT_LABEL = patterns.compile(r"(?:qui\s+ont\s+pris\s+part\s+a\s+la|ayant\s+pris\s+part|nombre\s+de\s+\w+"
                              r"|afferents?(?:\s+au(?:\s+conseil)?)?|(?:membres?|conseillers?)\s+en)\s*$")
# a word each way of _CUT_LABEL holds: a line without any is not searched (for speed)
_CUT_LABEL_WORDS = ("pris", "nombre", "afferent", "membre", "conseiller")


def _ones_read_as_letters(folded: str, next_line: Optional[str]) -> list[tuple[int, int, str, int]]:
    """A count whose figure OCR read as letters ("en exercice : il"), on the line or on a label
    cut over two lines; only what starts on the first line."""
    if next_line is None:
        return ocr_ones_in_line(folded)
    return [f for f in ocr_ones_in_line(folded + " " + next_line) if f[0] < len(folded)]


def _finishes_a_cut_name(before: str, text: str) -> bool:
    """"... - Gilbert VARRENNE - Antoine" then "VERMOREL-MARQUES.": the line ends a name that the
    line before began (a first name alone, no separator after it)."""
    if before.rstrip().endswith((",", ";", "-", "–", "—", ".", ")")):
        return False
    last = split_names(before)[-1] if split_names(before) else ""
    pieces = split_names(text)
    if len(last.split()) != 1 or len(pieces) > 2 or not pieces or len(pieces[0].split()) > 2:
        return False
    return looks_like_person(f"{last} {pieces[0].strip(' .')}") and not looks_like_person(pieces[0].strip(" ."))


def _holder_cut_off(before: str, text: str) -> bool:
    """"…; Mme Julie VRIGNAUD" then "à M. Rémy BAILLARGEAU.", "M. Yves ROQUES à M." then "Rémi
    CAUSSE.": the line is the holder of the proxy the line before began."""
    civility = proxies_read.holder_begun.read(before)
    if civility is not None:  # "M. Yves ROQUES à M." then "Rémi CAUSSE."
        pieces = split_names(text)
        return bool(pieces) and looks_like_person(f"{civility} {pieces[0]}".strip())
    if before.rstrip().endswith((",", ";", ".")):
        return False
    return proxies_read.holder_on_next_line.read(text) is not None


def _is_count_line(folded: str) -> bool:
    """A line that is only counts, in figures or in words ("Elus présents : dix-sept")."""
    stripped = folded.strip()
    return may_hold_a_label(stripped) and any(bool(pattern.match(stripped)) and len(pattern.sub("", stripped).strip(" -:,;")) < 4
               for pattern in count_patterns(stripped))


# "Secrétaire de séance désignée : ...", "Date de convocation : ...": another label, the list has ended
_OTHER_LABEL = patterns.compile(
    r"^\s*(?:secretaires?|nombre|date|objet|rapporteur|quorum|convocation|presidence|presidente?)\b[^:]{0,40}:")


def _looks_like_list_line(text: str, plural: bool = False) -> bool:
    """Whether a line under a list's label goes on with the list; ``plural``: a plural civility
    before it heads its first entries ("MM. Leroy," then "Livet, Guesnier")."""
    if agenda_label(fold(text)) or read_heading(text) and read_heading(text).style != "capitals":
        return False  # "ORDRE DU JOUR", "1) Vote des subventions": the list has ended
    if _OTHER_LABEL.match(fold(text)):
        return False
    if text.lstrip().startswith("|"):
        return False  # a table's row ("|Absents|Pouvoir donné à|"): the table says the rest
    pieces = split_names(text)
    if not pieces:
        return False
    headed = headed_surnames(pieces, plural)
    good = sum(1 for p, h in zip(pieces, headed) if clean_name(p) and looks_like_person(p) or is_role(p) or h
               or " a " in fold(p) or "pouvoir" in fold(p))
    return good * 2 >= len(pieces)


class AttendanceParser:
    """The attendance block at the head of a deliberation or of minutes."""

    def __init__(self, view: View):
        self.view = view
        self.lists: dict[str, _List] = {}
        self.counts = Counts()
        self.count_spans: dict[str, Span] = {}
        self.count_doubts: set[str] = set()  # counts whose figure was read with doubt
        self.secretary: Optional[Person] = None
        self.end = len(view.lines)
        self.lost: dict[str, list[str]] = {}  # per list, the entries that name someone unread

    def parse(self, limit: Optional[int] = None) -> None:
        """Read the lists and counts before the body (and before line ``limit``, the first item)."""
        folded_lines = self.view.folded_lines
        body = next((i for i, f in enumerate(folded_lines) if body_start(f)), len(folded_lines))
        body = min(body, 400, len(folded_lines) if limit is None else limit)
        self._current: Optional[_List] = None
        self._blanks = 0  # blank lines since the list's last line
        for index in range(min(body, len(folded_lines))):
            folded = folded_lines[index]
            if ("deliberation" in folded and any(entry.parts for entry in self.lists.values())  # its word first
                    and ITEM_AFTER_LISTS.match(folded)):
                body = index  # "Délibération n° 2022-01" after the lists: the first item begins
                break
            self._counts(index, folded)
            if not self._label(index, folded):
                self._continuation(index, folded)
        self._column_counts(min(body, len(self.view.lines)))
        self._side_by_side(min(body, len(self.view.lines)))
        self._sentences(min(body, len(self.view.lines)))
        if self.secretary is None:
            self._secretary_in_a_sentence()
        if not self.lists and self.secretary is None:
            self.end = 0
        elif self.end == len(self.view.lines):
            self.end = min(body, len(self.view.lines))

    def _label(self, index: int, folded: str) -> bool:
        """A list's label ("Présents :", "Absents excusés", "Secrétaire de séance : X"): start or
        resume that list.  False when the line is no label."""
        label = LIST_LABEL.match(folded) if _may_be_a_list_label(folded) else None
        if not label or not (label["colon"] == ":" or len(folded.strip()) == label.end() - label.start()
                             or label["n"]):
            return False
        if _is_count_line(folded):
            return True  # "Ont donné pouvoir : 6" beside the list, in a second column
        kind = next(k for k in ("proxies", "present", "absent", "secretary") if label[k])
        if kind == "secretary":
            self._secretary(index, label.end())
            if self.secretary is not None:
                self.end = index + 1
            self._current = None
            return True
        if kind in self.lists:
            self._current = self.lists[kind]
            self._current.breaks.add(index)  # "Excusés : ..." then "Absents : ..."
        else:
            self._current = self.lists[kind] = _List(kind, index, int(label["n"]) if label["n"] else None)
        self._blanks = 0
        rest = self.view.lines[index].text[label.end():].strip(" :")
        if rest:
            self._current.parts.append((index, rest))
        return True

    def _continuation(self, index: int, folded: str) -> None:
        """A line under a list's label: more names, or the end of the list."""
        current = self._current
        text = self.view.lines[index].text
        if current is None and PROXY_SENTENCE.match(folded):
            self._proxy_sentence(index, text)
            return
        if current is None or _is_count_line(folded):
            return
        if not text.strip():
            self._blanks += 1
            return
        margin = MARGIN_NUMBER.match(text.lstrip())
        if margin and civility(fold(text.lstrip()[margin.end():])):
            text = text.lstrip()[margin.end():]  # "20 MME COCHAT, ...": 20 is in the margin
        if (current.parts and self._blanks > 1 and not civility(fold(text.lstrip()))
                and not is_role(text)):
            self._current = None  # after blank lines, only "MMES FAUVEL, ..." goes on with the list
            return
        cut = bool(current.parts) and (_finishes_a_cut_name(current.parts[-1][1], text)
                                       or _holder_cut_off(current.parts[-1][1], text))
        plural = bool(current.parts) and plural_runs(split_names(" ; ".join(p for _, p in current.parts)))[-1:] == [True]
        if not (cut or _looks_like_list_line(text, plural)) or names_a_secretary(folded):
            self._current = None  # a sentence, a heading, the agenda: the list has ended
            return
        current.parts.append((index, text.strip()))
        self._blanks = 0

    def _proxy_sentence(self, index: int, text: str) -> None:
        """"Madame A. ROUX a donné pouvoir à Monsieur B. BERTHOU" under no label: a proxy all the
        same; the lines of such sentences make the list of proxies."""
        entry = self.lists.get("proxies")
        if entry is None:
            entry = self.lists["proxies"] = _List("proxies", index, None)
        elif entry.parts and entry.parts[-1][0] != index - 1:
            entry.breaks.add(index)
        entry.parts.append((index, text.strip()))

    def _side_by_side(self, stop: int) -> None:
        """Lists written side by side under their labels, one column each, where no label with a
        colon gives them: each cell is one entry."""
        if any(kind in self.lists for kind in ("present", "absent", "proxies")):
            return
        found = lists_side_by_side([line.text for line in self.view.lines[:stop]], _label_kind)
        for kind, cells in found.items():
            entry = self.lists[kind] = _List(kind, cells[0][0] - 1 if cells else 0, None)
            entry.parts = list(cells)
            entry.breaks = {index for index, _ in cells}

    def _sentences(self, stop: int) -> None:
        """Proxies and absences said in sentences of a paragraph ("Mme A a donné procuration à M.
        B. Mme C est absente excusée."), where no label gives those lists."""
        listed = {index for entry in self.lists.values() for index, _ in entry.parts}
        paragraphs: list[tuple[int, str]] = []  # (first line, text joined): a sentence may wrap
        for index in range(stop):
            text = self.view.lines[index].text.strip()
            if index in listed or not text:
                continue
            if paragraphs and index - 1 not in listed and self.view.lines[index - 1].text.strip():
                paragraphs[-1] = (paragraphs[-1][0], f"{paragraphs[-1][1]} {text}")
            else:
                paragraphs.append((index, text))
        for kind, read in (("proxies", sentences.proxies_in_sentences), ("absent", sentences.absent_in_sentences)):
            if kind in self.lists:
                continue
            for index, paragraph in paragraphs:
                found = read.read(paragraph)
                for entry in found or []:
                    text = f"{entry[0]} a donné procuration à {entry[1]}" if kind == "proxies" else entry
                    self.lists.setdefault(kind, _List(kind, index, None)).parts.append((index, text))
                    self.lists[kind].breaks.add(index)

    def _secretary_in_a_sentence(self) -> None:
        where = secretary_in(self.view.folded)
        if where:
            name = clean_name(" ".join(self.view.text[where[0]:where[1]].split()))
            if name:
                self.secretary = person(name, self.view.span(*where))

    def _counts(self, index: int, folded: str) -> None:
        base = self.view.starts[index]
        found = figures_in_line(folded)
        cut = (not found and index + 1 < len(self.view.lines) and holds_any(folded, _CUT_LABEL_WORDS)
               and _CUT_LABEL.search(folded))
        if cut:  # "qui ont pris part à la" / "délibération : 11": a label cut over two lines
            found = [f for f in figures_in_line(folded + " " + self.view.folded_lines[index + 1])
                     if f[0] < len(folded)]
        doubtful = [] if found else _ones_read_as_letters(folded, self.view.folded_lines[index + 1] if cut else None)
        for start, end, key, number in found + doubtful:
            if key == "absent" or getattr(self.counts, key) is not None:
                continue
            setattr(self.counts, key, number)
            self.count_spans[f"counts.{key}"] = self.view.span(base + start, base + min(end, len(folded)))
            if doubtful:
                self.count_doubts.add(key)

    def _column_counts(self, stop: int) -> None:
        """Counts written as a column of labels, then a column of figures."""
        for label_line, key, number, figure_line in (column(self.view, 0, stop) + figure_below(self.view, 0, stop)
                                                     + labels_in_a_row(self.view, 0, stop)):
            if key != "absent" and getattr(self.counts, key) is None:
                setattr(self.counts, key, number)
                self.count_spans[f"counts.{key}"] = self.view.line_span(figure_line)
        for label_line, key, number, figure_line in margin_figures(self.view, 0, stop):
            if getattr(self.counts, key) is None:  # figures read from a margin: with doubt
                setattr(self.counts, key, number)
                self.count_spans[f"counts.{key}"] = self.view.line_span(figure_line)
                self.count_doubts.add(key)

    def _secretary(self, index: int, after: int) -> None:
        text = self.view.lines[index].text[after:].strip(" :")
        line = index
        while not text and line + 1 < len(self.view.lines) and line < index + 3:
            line += 1
            text = self.view.lines[line].text.strip()
        if names_a_secretary(fold(text)):
            return  # "Secrétaire de séance" over "Madame E. SEILLE est désignée ...": the sentence says
        pieces = split_names(text)  # "Secrétaires de séance : Bertrand DUBOIS ; Marc LEVEQUE"
        name = clean_name(pieces[0] if pieces else text)
        if name:
            start = self.view.starts[line] + self.view.lines[line].text.find(name.split()[0])
            self.secretary = person(name, self.view.span(start, start + len(name)))

    def people(self, kind: str) -> tuple[list[Person], list[Proxy]]:
        """The names of one list, and the proxies written inside it."""
        entry = self.lists.get(kind)
        if entry is None:
            return [], []
        people, proxies, self.lost[kind] = _names_and_proxies(self.view, entry.parts, entry.breaks,
                                                              proxies_list=kind == "proxies")
        return people, proxies


_ENDS_WITH_PREPOSITION = patterns.compile(r"\b(?:à|a|au|par|de|pour)$")


def _label_kind(cell: str) -> Optional[str]:
    """The list a label alone names ("Présents", "Absents excusés", "Pouvoirs"), if it is one."""
    label = LIST_LABEL.match(fold(cell))
    if not label or label.end() < len(cell.rstrip()) or label["secretary"]:
        return None
    return next(k for k in ("proxies", "present", "absent") if label[k])


def _joined(view: View, parts: list[tuple[int, str]], line_breaks_separate: bool,
            breaks: frozenset[int] = frozenset()):
    """Join a list's lines into one string, keeping each character's offset in the view."""
    text = ""
    offsets: list[int] = []
    for index, part in parts:
        line = view.lines[index].text
        start = view.starts[index] + max(0, line.find(part))
        if text:
            if index in breaks or (not line_breaks_separate and not text.rstrip().endswith((",", ";", "-"))
                                   and not _ENDS_WITH_PREPOSITION.search(text.rstrip())
                                   and civility(fold(part)) and civility(fold(part)).end()):
                glue = " ; "  # "M. NICOLAS, Maire" then "MME. COCHAT, ..." on the next line
            elif text.endswith("-") and not text.endswith(" -") and part[:1].isalpha():
                glue = ""  # a name hyphenated across lines
            elif not line_breaks_separate and _whole_names_meet(text, part):
                glue = " ; "  # "... - Muriel NIGGEL" then "Jean-Pierre PLUS - ...": two people
            else:  # one entry a line, unless the line ends a proxy the line before began
                glue = " ; " if line_breaks_separate and not _holder_cut_off(text, part) else " "
            if glue:
                text += glue
                offsets.extend([offsets[-1]] * len(glue))
        text += part
        offsets.extend(range(start, start + len(part)))
    formula = _FORMING_THE_MAJORITY.search(text)
    if formula:  # "... MM. JACQUOT, PERNOT formant la majorité des membres en exercice"
        text, offsets = text[:formula.start()], offsets[:formula.start()]
    return text, offsets


# the old formula closing a present list, its end often on the next line
_FORMING_THE_MAJORITY = patterns.compile(
    r"(?i)\s+(?:formant|formant\s+ainsi|lesquels\s+forment|qui\s+forment)(?:\s+(?:la\s+majorit[ée]|le\s+quorum)\b.*)?$")


_PIECE_EDGE = patterns.compile(r"\s[-–—]\s|[,;]")
_PARTICLE_END = patterns.compile(r"(?i)(?:\b(?:le|la|de|du|des|van|von|der|mc|mac|à|a|au|par|pour)|\b[dl]['’])\s*$")


_NOTE_ASIDE = patterns.compile(r"\([^()]*\)?")


def _whole_names_meet(before: str, after: str) -> bool:
    """Whether a line ends with a whole name and the next begins with another: a list whose line
    break is its separator.  "Julien LE" / "GLOU" and "Eric" / "DUCLOS" are one name cut."""
    if before.count("(") > before.count(")") or proxies_read.holder_begun.read(before) is not None:
        return False  # "X (pouvoir" / "donné à Y)": a note goes on; "X à M." / "Rémi CAUSSE": one proxy
    last = _PIECE_EDGE.split(_NOTE_ASIDE.sub(" ", before).rstrip())[-1].strip()
    first = _PIECE_EDGE.split(_NOTE_ASIDE.sub(" ", after).lstrip())[0].strip()
    if not last or not first or _PARTICLE_END.search(last) or proxies_read.holder_on_next_line.read(first):
        return False  # "Julien LE" / "GLOU"; "Mme Julie VRIGNAUD" / "à M. Rémy BAILLARGEAU": one entry
    return all(len(_name_words(p)) >= 2 and looks_like_person(p)
               and any(w.isupper() and len(w) > 1 for w in _name_words(p)) for p in (last, first))


def _name_words(piece: str) -> list[str]:
    """The words of a name, civility and stray punctuation aside: "M. Franck" is one word."""
    opening = civility(fold(piece))
    rest = piece[opening.end():] if opening else piece
    return [w for w in rest.split() if any(c.isalpha() for c in w)]


_INLINE_SEPARATOR = patterns.compile(r"\s[-–—]\s|[,;]|\s[-–—]$")


def _names_and_proxies(view: View, parts, breaks, proxies_list: bool):
    inline = any(_INLINE_SEPARATOR.search(p) for _, p in parts)
    if proxies_list and inline:
        # one proxy a line, or proxies run on and wrapped ("X donne procuration à Y - Z" /
        # "donne procuration à W"): the reading that finds more proxies is the layout
        by_line = _read_list(view, parts, breaks, True, False)
        run_on = _read_list(view, parts, breaks, True, True)
        return run_on if (len(run_on[1]), _whole_names(run_on[1])) > (len(by_line[1]), _whole_names(by_line[1])) \
            else by_line
    return _read_list(view, parts, breaks, proxies_list, inline)


def _whole_names(proxies: list[Proxy]) -> int:
    """How many sides of these proxies are whole names: "à Mme Catherine" / "LEBRETON, …" cut at
    the line break leaves a first name alone."""
    return sum(len(side.name.split()) >= 2 for proxy in proxies for side in (proxy.grantor, proxy.holder))


def _read_list(view: View, parts, breaks, proxies_list: bool, inline: bool):
    text, offsets = _joined(view, parts, not inline, frozenset(breaks))
    people: list[Person] = []
    proxies: list[Proxy] = []
    lost: list[str] = []  # entries that name someone and could not be read
    entries = _compound_surnames(_split_outside_parentheses(text, proxies_list and not inline), text)
    headed = plural_runs([piece for piece, _ in entries])  # "MM. Leroy, Livet": Livet is a person
    surnames = role_words_as_surnames([piece for piece, _ in entries])  # "Mmes PERRIN, MAIRE, LEBON"
    for number, ((piece, position), plural) in enumerate(zip(entries, headed)):
        start = offsets[position] if 0 <= position < len(offsets) else (offsets[0] if offsets else 0)
        span = view.span(start, start + len(piece))
        if number in surnames:
            people.append(person(piece.strip(" ."), span))
            continue
        proxy = parse_proxy(piece, span) or _holder_of_the_entry_before(piece, people, span)
        if proxy is not None:
            proxies.append(proxy)
            continue
        if NEANT.match(fold(piece)):
            continue
        name = clean_name(piece)
        if name and (looks_like_person(piece) or plural and surname_alone(name)):
            people.extend(_people_in(view, piece, name, start))
        elif _meant_someone(piece):
            lost.append(piece)
    return people, proxies, lost


def _holder_of_the_entry_before(piece: str, people: list[Person], span: Optional[Span]) -> Optional[Proxy]:
    """"X, donne pouvoir à Y", "X, représentée par Y": the entry is the holder of the person
    read just before, who becomes the grantor."""
    folded = fold(" ".join(piece.split()))
    holder_only = HOLDER_ONLY.match(folded) if holds_any(folded, _HOLDER_ONLY_WORDS) else None
    represented_by = proxies_read.represented_by.read(piece)
    if not (holder_only or represented_by) or not people:
        return None
    holder = clean_name(represented_by or " ".join(piece.split())[holder_only.start("h"):holder_only.end("h")])
    if not holder:
        return None
    grantor = people.pop()
    if grantor.note is None:
        grantor.note = _note(piece)
    return Proxy(grantor=grantor, holder=person(holder, span), span=grantor.span)


# a word in capitals that could be a surname: "BRIDET", "LE GALL"; not "MM", "MMES", "CCAS"-like
_SURNAME_IN_CAPITALS = patterns.compile(r"(?<![\p{L}])\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})*(?![\p{L}.])")


def _meant_someone(piece: str) -> bool:
    """Whether an entry that was read as no one and no proxy still names someone: a civility
    before a name, or a surname in capitals; not a label ("Bias :"), a role ("Adjoints"), a
    civility alone ("MMES") or a note."""
    text = " ".join(piece.split()).strip(" ,;.-–—")
    if not text or text.endswith(":") or is_role(text):
        return False
    opening = civility(fold(text))
    rest = text[opening.end():] if opening else text
    words = [w for w in _SURNAME_IN_CAPITALS.findall(rest) if not CIVILITY.fullmatch(fold(w))]
    return bool(words) and not all(is_role(w) for w in words)


def _people_in(view: View, piece: str, name: str, start: int) -> list[Person]:
    """The person a list's entry names, or the two whose separator was lost."""
    pair = two_people.read(name)
    if pair is None:
        return [person(name, view.name_span(start, start + len(piece), name), note=_note(piece))]
    second = start + piece.find(pair[1])
    return [person(pair[0], view.span(start, start + len(pair[0]))),
            person(pair[1], view.span(second, second + len(pair[1])), note=_note(piece))]


_DASH_GAP = patterns.compile(r"\s*[-–—]\s*")


def _compound_surnames(pieces: list[str], text: str) -> list[tuple[str, int]]:
    """Each piece with where it starts in ``text`` (-1 when not found), "Philippe ROUVIER - COROUGE"
    made one: a surname in two parts joined by a spaced dash, which the list's own dashes cut.  A
    piece that begins with a lone word in capitals (no first name, no civility) after a dash,
    following a first name and surname, is the end of that surname."""
    merged: list[tuple[str, int]] = []
    cursor = 0
    for piece in pieces:
        at = text.find(piece, cursor)
        gap = text[cursor:at] if at >= 0 else ""
        cursor = at + len(piece) if at >= 0 else cursor
        head = piece.split(" ", 1)[0]
        before = merged[-1][0].split() if merged else []
        if (before and _DASH_GAP.fullmatch(gap) and head.isupper() and len(head) > 2
                and (" " not in piece or fold(piece.split(" ", 1)[1]).startswith(("donne", "a donne", "pouvoir", "(")))
                and before[-1].isupper() and not civility(fold(piece))
                and any(w[:1].isupper() and not w.isupper() for w in before[:-1])):
            merged[-1] = (f"{merged[-1][0]}-{piece}", merged[-1][1])
            continue
        merged.append((piece, at))
    return merged


_NOTE_AT_END = patterns.compile(r"\(([^()]{2,120})\)?\s*[.,;]?\s*$")


def _note(piece: str) -> Optional[str]:
    """The comment in parentheses after a name, if any."""
    if "(" not in piece:
        return None  # what _NOTE_AT_END opens with (for speed: it is tried at each character)
    match = _NOTE_AT_END.search(" ".join(piece.split()))
    return match[1].strip() if match else None


def _split_outside_parentheses(text: str, lines_only: bool) -> list[str]:
    if lines_only:
        return [p.strip() for p in text.split(" ; ") if p.strip()]
    pieces = split_names(text)
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].count("(") > merged[-1].count(")"):
            merged[-1] = f"{merged[-1]}, {piece}"
        else:
            merged.append(piece)
    return merged


def parse_proxy(text: str, span: Optional[Span] = None) -> Optional[Proxy]:
    folded = fold(" ".join(text.split()))
    original = " ".join(text.split())
    for pattern, words in zip(PROXY_PATTERNS, _PROXY_WORDS):
        match = pattern.match(folded) if holds_any(folded, words) else None
        if not match:
            continue
        grantor = clean_name(join_spaced_surname(_from_civility(original[match.start("g"):match.end("g")])))
        holder = clean_name(join_spaced_surname(_GLUED_NOTE.sub(" ", original[match.start("h"):match.end("h")])))
        if grantor and holder:
            note = _note(original[match.end("h"):]) if "(" in original[match.end("h"):] else None
            return Proxy(grantor=person(grantor, span, note=note), holder=person(holder, span), span=span)
    return _proxy_with_a_note_between(original, span)


def _proxy_with_a_note_between(original: str, span: Optional[Span]) -> Optional[Proxy]:
    """"J.-P. RIOU (Maire) à E. KERVELLA": the grantor's note stands before the holder."""
    found = proxies_read.note_between.read(original)
    if found is None:
        return None
    grantor, holder = clean_name(_from_civility(found[0])), clean_name(join_spaced_surname(found[2]))
    if not (grantor and holder and looks_like_person(found[0]) and looks_like_person(found[2])):
        return None
    return Proxy(grantor=person(grantor, span, note=found[1]), holder=person(holder, span), span=span)


# "D.NICOLASjusqu'à la question 3)": OCR glued the note to the name.
_GLUED_NOTE = patterns.compile(r"(?<=\p{Lu}\p{L}*)(?=jusqu['’]|à\s+partir\b|a\s+partir\b)")
_CIVILITY_WORD = patterns.compile(r"(?<=^|\s)(?:Monsieur|Madame|Mademoiselle|MONSIEUR|MADAME|M\.|Mr\.?|MR\.?|Mme|Mlle|MME|MLLE)"
                                  r"(?=\s|\.|\p{Lu})")


def _from_civility(grantor: str) -> str:
    """":?:? décembre 2017 Monsieur A. ATLAN": a grantor written with a civility begins there; what
    comes before it is read from a margin (a date, stray marks), not part of the name."""
    if civility(fold(grantor.strip(" :;,.-"))):
        return grantor
    starts = [m.start() for m in _CIVILITY_WORD.finditer(grantor)]
    return grantor[starts[-1]:] if len(starts) == 1 else grantor


_FROM_LATER = patterns.compile(r"\ba\s+partir\s+d|\bdes\s+(?:la|le)\s+(?:question|point|deliberation)")


def _granted_later(proxy: Proxy, present: list[Person]) -> bool:
    """"X, pouvoir donné à Y (à partir de la délibération n°63)" with X listed present: at the
    opening X is there; the proxy counts only for the later items."""
    return bool(proxy.grantor.note) and bool(_FROM_LATER.search(fold(proxy.grantor.note))) \
        and find(present, proxy.grantor) is not None


# --- the whole deliberation ------------------------------------------------------------------


def _header(view: View, delib: Deliberation, stop: int) -> None:
    """The sitting's head: the body and authority, the dates, the time and place, the president,
    the convocation and its posting."""
    head_end = view.starts[stop] if stop < len(view.starts) else len(view.text)
    head = view.folded[:max(head_end, 0)] or view.folded[:3000]
    _body_and_authority(view, delib, head)
    words = dates.words_date(head)
    session = delib.session
    if words:
        session.date_in_words = dates.date_from_match(words)
        delib.spans["session.date_in_words"] = view.span(words.start(), words.end())
    sitting = _sitting_date(view, delib, head, words)
    _running_title(view, delib)
    _time_and_place(view, delib, head, words.end() if words else (sitting.end if sitting else 0), sitting)
    _president(view, delib, head)
    _convocation(view, delib, head)
    delib.urgency = bool(_search(URGENCY, head))
    delib.second_convocation = bool(_search(SECOND_CONVOCATION, view.folded))


def _body_and_authority(view: View, delib: Deliberation, head: str) -> None:
    if "communautaire" in head:
        delib.body = "community council"
    elif "comite syndical" in head and "conseil municipal" not in head:
        delib.body = "syndicate committee"  # a syndicate's committee, an EPCI too (CGCT L5211-1)
    elif "conseil municipal" in head or "municipal" in head:
        delib.body = "municipal council"
    match = AUTHORITY.search(head)
    if match:
        group = "epci" if match["epci"] else "name"
        delib.authority = view.text[match.start(group):match.end(group)].strip(" '" if group == "name" else None)
        delib.spans["authority"] = view.span(match.start(), match.end())


def _time_and_place(view: View, delib: Deliberation, head: str, anchor: int, sitting: Optional[Found]) -> None:
    """The hour after the opening formula or the date, and the place the council met."""
    session = delib.session
    session.time = dates.parse_time(head[anchor:anchor + 60].split("\n")[0]) if anchor else None
    if session.time is None and sitting:
        session.time = dates.parse_time(head[sitting.end:sitting.end + 40].split("\n")[0])
    if session.time is None:
        session.time = opening_hour.read(head[:3000])
    match = _search(PLACE, head)
    if match:
        place = " ".join(view.text[match.start("place"):match.end("place")].split())
        if len(place) <= 80:
            session.place = place
            delib.spans["session.place"] = view.span(match.start("place"), match.end("place"))


def _convocation(view: View, delib: Deliberation, head: str) -> None:
    """When the council was convened and the convocation posted."""
    for field, pattern in (("convened_on", CONVENED), ("posted_on", POSTED)):
        for match in _scan(pattern, head):
            value, span = date_after(view, match.end())
            if value is None:
                continue
            if (field == "posted_on" and "convocation" not in match[0] and delib.session.date
                    and isinstance(value, dt.date) and value > delib.session.date):
                field = "published_on"  # a bare "date d'affichage" after the sitting: the minutes'
            setattr(delib, field, value)
            delib.spans[field] = span
            break


def _running_title(view: View, delib: Deliberation) -> None:
    found = running_title(view.lines)
    if found:
        index, value, start, end = found
        delib.session.date_in_running_title = value
        delib.spans["session.date_in_running_title"] = view.span(view.starts[index] + start, view.starts[index] + end)


def _president(view: View, delib: Deliberation, head: str) -> None:
    """The president named in the head; else, in minutes that install the council, the mayor
    elected and installed (who presides once elected)."""
    readers = [(reader, head) for reader in PRESIDENT_RECOGNISERS]
    readers.append((mayor_elected_and_installed, view.folded[:40000]))
    for reader, text in readers:
        where = reader.read(text)
        name = clean_name(" ".join(_MARGIN_FIGURE.sub(" ", view.text[where[0]:where[1]]).split())) if where else None
        if name:
            delib.session.president = person(name, view.name_span(where[0], where[1], name))
            delib.spans["session.president"] = delib.session.president.span
            return


_MARGIN_FIGURE = patterns.compile(r"\n\s*\d{1,3}\s+")  # "Monsieur\n\n29 David NICOLAS": 29 is in the margin


def _sitting_date(view: View, delib: Deliberation, head: str, words) -> Optional[Found]:
    """The sitting's date from its strongest place in the head; doubtful when two strong places
    disagree and one of them was read by OCR."""
    session, spans = delib.session, delib.spans
    found = sitting_dates(head)
    sitting = found[0] if found else None
    if session.date_in_words is not None:
        # the opening formula ("L'an deux mille ..., le ...") is the sitting's: a date in digits
        # that differs counts only in the heading above it, not in a reference further down
        agree = [f for f in found if f.date == session.date_in_words]
        heading = [f for f in found if f.start < words.start() and f.strength >= 2]
        sitting = agree[0] if agree else heading[0] if heading else None
    if sitting is None and session.date_in_words is None:
        sitting = _first_date_in_head(head)
    if sitting:
        _set_sitting_date(view, delib, sitting, found, words)
    elif session.date_in_words:
        session.date = session.date_in_words
        spans["session.date"] = spans["session.date_in_words"]
    return sitting


def _first_date_in_head(head: str) -> Optional[Found]:
    """The first date written in the head, but the convocation's: the sitting's, weakly."""
    convened = _search(CONVENED, head)
    for match in dates.TEXT_DATE.finditer(head[:1500]):
        if convened and convened.end() <= match.start() <= convened.end() + 3:
            continue
        value = dates.date_from_match(match)
        if value:
            return Found(value, match.start(), match.end(), 1, match["wd"])
    return None


def _set_sitting_date(view: View, delib: Deliberation, sitting: Found, found: list[Found], words) -> None:
    """The sitting's date and weekday, in doubt when another strong place gives another date and
    one of the two was read by OCR."""
    session, spans = delib.session, delib.spans
    session.date = sitting.date
    spans["session.date"] = view.span(sitting.start, sitting.end)
    if sitting.weekday:
        session.weekday = sitting.weekday
        spans["session.weekday"] = spans["session.date"]
    others = [f for f in found if f.strength >= 2 and f.date != sitting.date]
    if session.date_in_words and session.date_in_words != sitting.date:
        others.append(Found(session.date_in_words, words.start(), words.end(), 3))
    if any(view.span(f.start).ocr or spans["session.date"].ocr for f in others):
        delib.doubts["session.date"] = N_("the sitting's date is read two ways on a scanned page")


def _tail_dates(view: View, delib: Deliberation, start_line: int) -> None:
    start = view.starts[start_line] if start_line < len(view.starts) else len(view.text)
    tail = view.folded
    for field, pattern in (("transmitted_on", TRANSMITTED), ("published_on", PUBLISHED),
                           ("signed_on", SIGNED)):
        for match in _scan(pattern, tail, start):
            value, span = date_after(view, match.end())
            if value is not None:
                setattr(delib, field, value)
                delib.spans[field] = span
                break


def _sentence_people(view: View, pattern, start: int, end: int, group: str = "who") -> list[Person]:
    people = []
    for match in _scan(pattern, view.folded, start, end):
        g = group if match[group] else f"{group}2" if f"{group}2" in match.groupdict() else group
        if not match[g]:
            continue
        for begin, stop in _each_civility(view.text, match.start(g), match.end(g)):
            name = clean_name(view.text[begin:stop])
            if name:
                people.append(person(name, view.span(begin, stop)))
    return people


_SUBJECT_LABEL = patterns.compile(r"objet\s*:\s*")


# "Mme Laure PASQUIER et M. Yann BRIAND ne prennent pas part au vote": two people, each with a civility
_NEXT_CIVILITY = patterns.compile(r"\s*(?:,|\bet\b)\s*(?=(?:M\.|Mme|Mlle|Monsieur|Madame|MM\.)\s)")


def _each_civility(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the people a sentence names one after another, each with a civility."""
    spans, begin = [], start
    for match in _NEXT_CIVILITY.finditer(text, start, end):
        spans.append((begin, match.start()))
        begin = match.end()
    return spans + [(begin, end)]


def _title(view: View, heading: Heading) -> Optional[str]:
    """The heading's title, with the lines in capitals that continue it, or the "Objet :" line
    under a heading that is only a number (or above it), or the short paragraph in sentence case
    under it."""
    parts = [heading.title] if heading.title else []
    for index in range(heading.line + 1, min(heading.line + 5, len(view.lines))):
        text = view.lines[index].text.strip()
        if not text:
            if parts:
                break
            continue
        goes_on, added = _title_line(view, index, text, bool(parts))
        parts.extend(added)
        if not goes_on:
            break
    title = " ".join(" ".join(parts or _subject_above(view, heading.line)).split())
    return title or None


def _title_line(view: View, index: int, text: str, started: bool) -> tuple[bool, list[str]]:
    """What a line under a heading adds to its title, and whether the title may go on below it."""
    folded = fold(text)
    if SUFFIX_LINE.match(folded) and not started:
        return True, []  # "BIS" under the number: the number's, read with it
    subject = _SUBJECT_LABEL.match(folded)
    if subject and not started:
        return False, [text[subject.end():]]
    other = read_heading(text)
    numbered = other is not None and other.style != "capitals"
    if not started and not _in_capitals(text) and not numbered:
        title = paragraph_title(_paragraph(view, index))  # "Mise en place de ..." in sentence case
        return False, [title] if title else []
    if numbered or not _in_capitals(text) or started and OUTCOME.search(folded):
        return False, []  # "LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE" under the title is its outcome
    return True, [text]


def _wrapped(view: View, heading: Heading, title: Optional[str]) -> Optional[str]:
    """The title, and the line that ends it when it was wrapped after a word ("Modification des
    statuts de la communauté" / "relative à la compétence eau potable").  Not on a page read by
    OCR: its line breaks may cut a word, or join a column beside it."""
    if not title or title.endswith((".", ":", ";", ",")) or view.lines[heading.line].ocr:
        return title
    end = title.split()[-1]
    for index in range(heading.line, min(heading.line + 4, len(view.lines) - 1)):
        if view.lines[index].text.rstrip().endswith(end):
            more = title_goes_on.read(view.lines[index + 1].text)
            return f"{title} {more}" if more else title
    return title


def _subject_above(view: View, line: int) -> list[str]:
    """"Objet : Vente de bois" on the line or two above a heading that is only a number
    ("Délibération n° 2023-045"): the subject written before the number."""
    for index in range(line - 1, max(line - 3, -1), -1):
        text = view.lines[index].text.strip()
        subject = _SUBJECT_LABEL.match(fold(text))
        if subject and len(text) > subject.end():
            return [text[subject.end():]]
        if text:
            return []
    return []


def _paragraph(view: View, index: int) -> list[str]:
    """The non-blank lines from ``index`` on, one more than a title may hold at most."""
    lines: list[str] = []
    while index < len(view.lines) and view.lines[index].text.strip() and len(lines) <= MOST_LINES:
        lines.append(view.lines[index].text.strip())
        index += 1
    return lines


def _in_capitals(text: str) -> bool:
    """A line in capitals, but for a few letters OCR or an abbreviation wrote small ("No1")."""
    letters = list(filter(str.isalpha, text))  # filter and map: the loops in C (for speed)
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= 0.85 * len(letters)


def _item_copy(template: Deliberation) -> Deliberation:
    """A copy for one item: its own lists, mappings and sub-models; the people are shared.

    (A deep copy of the whole model cost a third of the parse time on minutes.)"""
    own = {}
    for name in type(template).model_fields:
        value = getattr(template, name)
        if isinstance(value, list):
            own[name] = list(value)
        elif isinstance(value, dict):
            own[name] = dict(value)
        elif isinstance(value, (Counts, Vote)):
            own[name] = value.model_copy()  # plain values only: a shallow copy is whole
        elif isinstance(value, Session):
            # plain values but for the president, whose own are plain or a frozen span: a copy of
            # each is whole (a deep copy took half of this function's time: for speed)
            own[name] = value.model_copy(update={"president": value.president.model_copy()}
                                         if value.president is not None else None)
        elif isinstance(value, BaseModel) and not isinstance(value, (Person, Span)):
            own[name] = value.model_copy(deep=True)
    # given to the copy at once, as setting each field would (no validation either way), but
    # without a pydantic __setattr__ for each (for speed)
    return template.model_copy(update=own)


def _head_stop(view: View, attendance: "AttendanceParser", first_item: Optional[int]) -> int:
    """Where the head of the document ends: at the first item of minutes, else at the body of the
    deliberation ("Vu", "Considérant", "Objet :") after the attendance."""
    if first_item is not None:
        return max(first_item, attendance.end)
    start = attendance.end
    return next((i for i in range(start, min(len(view.lines), start + 40))
                 if body_start(view.folded_lines[i])), start if start else len(view.lines))


@dataclass
class _Lists:
    """The opening's lists, as the labels, marks and attendance table give them, and what the
    reading of them leaves in doubt."""

    present: list[Person]
    absent: list[Person]
    proxies: list[Proxy]
    unpaired: bool = False  # a proxy's mark that pairs no two names
    arriving: bool = False  # members the table shows absent, named present
    read: Optional[dict[str, bool]] = None  # which lists gave names
    absent_named: bool = False


def _lists(attendance: "AttendanceParser", table: Optional[TableReading]) -> _Lists:
    present, present_proxies = attendance.people("present")
    proxy_names, proxies = attendance.people("proxies")
    absent, absent_proxies = attendance.people("absent")
    for more in (present_proxies, absent_proxies):  # one proxy written in two lists is one proxy
        proxies = proxies + _other_proxies(proxies, more)
    if table is not None and table.roster and not present:
        present = list(table.present)
    marked, unpaired = proxies_by_mark(present, absent)
    proxies += _new_grantors(proxies, marked)
    arriving = table is not None and any(find(table.absent, p) for p in present)
    if table is not None:
        present, absent, proxies = _with_table(table, present, absent, proxies)
    present = [p for p in present if not _arrives_later(p, proxies)]
    proxies = [p for p in proxies if not _granted_later(p, present)]
    read = {"present": bool(present or present_proxies), "proxies": bool(proxy_names or proxies),
            "absent": bool(absent or absent_proxies)}
    return _Lists(present, absent, proxies, unpaired, arriving, read, bool(absent) or bool(absent_proxies))


def _template(view: View, attendance: "AttendanceParser", head_stop: int,
              table: Optional[TableReading] = None) -> Deliberation:
    """What every item of the sitting shares: header, counts, lists and secretary."""
    lists = _lists(attendance, table)
    template = Deliberation(counts=attendance.counts)
    _header(view, template, head_stop)
    template.spans.update(attendance.count_spans)
    for key in attendance.count_doubts:
        template.doubts[f"counts.{key}"] = N_("a figure of the counts read with doubt (letters among its digits, or apart from its label)")
    template.present = lists.present
    if template.session.president is None:
        template.session.president = _mayor_in_the_list(lists.present)
        if template.session.president is not None and template.session.president.span is not None:
            template.spans["session.president"] = template.session.president.span
    template.proxies = lists.proxies
    template.absent = [p for p in lists.absent if not any(same_person(p, x.grantor) for x in lists.proxies)]
    _secretary(view, template, attendance, head_stop)
    _label_counts(view, template, attendance)
    absent_read = _absent_read(attendance, lists, table)
    cut_short = _cut_short(attendance)
    template.lists_complete = bool(lists.present) and absent_read and not cut_short and (
        "proxies" in attendance.lists or bool(lists.proxies) or template.counts.represented == 0)
    _doubt_ocr_lists(template)
    _doubt_lists(template, lists, table)
    _doubt_unread_lists(template, attendance, lists.read or {})
    for kind in cut_short:
        template.doubts[kind] = N_("the list ends with « … » or « etc. »: it does not name everyone")
    return template


def _secretary(view: View, template: Deliberation, attendance: "AttendanceParser", head_stop: int) -> None:
    """The secretary the head names; in doubt where a sentence about choosing one could not be read."""
    template.secretary = attendance.secretary
    if attendance.secretary is not None:
        template.spans["secretary"] = attendance.secretary.span
    elif choosing_mentioned.read(view.text[:_offset(view, head_stop)]):
        template.doubts["secretary"] = N_("a sentence about choosing the secretary whose name could not be read")


def _absent_read(attendance: "AttendanceParser", lists: _Lists, table: Optional[TableReading]) -> bool:
    """Whether the absent were read: names, or a word saying there are none ("néant"), not "voir
    page 2"; or a grid of every member, which names them all."""
    entry = attendance.lists.get("absent")
    return entry is not None and (lists.absent_named or _says_none(entry)) or table is not None and table.roster


_PRESIDING_NOTE = patterns.compile(r"^(?:maire|presidente?|president\s+de\s+seance)$")


def _mayor_in_the_list(present: list[Person]) -> Optional[Person]:
    """"Présents : M. Thierry VUILLERMOZ (Maire), ...": where no sentence says who presides, the
    one member the list names as mayor (or president), if only one."""
    named = [p for p in present if p.note and _PRESIDING_NOTE.match(fold(p.note).strip(" ,()."))]
    return named[0] if len(named) == 1 else None


def _doubt_lists(template: Deliberation, lists: _Lists, table: Optional[TableReading]) -> None:
    """The doubts that the marks and the attendance table leave on the lists."""
    if lists.unpaired:
        template.doubts["proxies"] = N_("a proxy's mark beside a name that no other name carries")
    if table is not None and table.doubtful:
        for field in ("proxies", "absent") + (("present",) if table.roster else ()):
            template.doubts[field] = N_("a row of the attendance table that names nobody or marks nothing")
    if lists.arriving:  # absent at the opening, named present: from which item on, nothing says
        template.doubts["present"] = N_("members absent at the opening who arrive at a point not stated")


def _doubt_unread_lists(template: Deliberation, attendance: "AttendanceParser", read: dict[str, bool]) -> None:
    """Lists whose text, or some proxy sentence of it, could not be read as names."""
    for kind, entry in attendance.lists.items():
        if kind in read and entry.parts and (not read[kind] or attendance.lost.get(kind)) and not _says_none(entry):
            template.doubts[kind] = N_("text under the label that could not be read as names")
    if _unread_proxy_sentences(attendance):
        template.doubts["proxies"] = N_("a proxy written as a sentence whose names could not be read")


# "Hélène MARCHAL, Jacques THOMAS, ...": a list that says it names only some
_CUT_SHORT = patterns.compile(r"(?:\.\.\.|…|\betc\b\.?)\s*\)?\s*[.;,]?\s*$")
_CUT_SHORT_WORDS = ("...", "…", "etc")  # one of which each match holds: a cheap test first (for speed)


def _cut_short(attendance: "AttendanceParser") -> list[str]:
    """The lists that end with « … » or « etc. »: they do not name everyone."""
    return [kind for kind, entry in attendance.lists.items()
            if kind in ("present", "proxies", "absent") and entry.parts
            and holds_any(entry.parts[-1][1], _CUT_SHORT_WORDS) and _CUT_SHORT.search(entry.parts[-1][1])]


def _label_counts(view: View, template: Deliberation, attendance: "AttendanceParser") -> None:
    """Where each list stands, and the count its label gives ("Présents (12) :")."""
    for kind in ("present", "proxies", "absent"):
        entry = attendance.lists.get(kind)
        if entry is None:
            continue
        template.spans[f"list.{kind}"] = view.line_span(entry.label_index)
        field = {"present": "present", "proxies": "represented", "absent": None}[kind]
        if entry.count is not None and field and getattr(template.counts, field) is None:
            setattr(template.counts, field, entry.count)
            template.spans[f"counts.{field}"] = view.line_span(entry.label_index)


_ARRIVAL = patterns.compile(r"\ba\s+partir\s+d|\barrivee?s?\b|\bdes\s+(?:la|le)\s+(?:question|point|deliberation)")


def _arrives_later(who: Person, proxies: list[Proxy]) -> bool:
    """A member listed present "(à partir de la question n°4)" who gave a proxy until then: at
    the opening he is represented, not present."""
    return bool(who.note) and bool(_ARRIVAL.search(fold(who.note))) and any(
        same_person(who, p.grantor) for p in proxies)


def _unread_proxy_sentences(attendance: "AttendanceParser") -> bool:
    entry = attendance.lists.get("proxies")
    return entry is not None and any(PROXY_SENTENCE.match(fold(text)) and parse_proxy(text) is None
                                     for _, text in entry.parts)


def _other_proxies(proxies: list[Proxy], more: list[Proxy]) -> list[Proxy]:
    """The proxies of ``more`` that ``proxies`` do not hold already: the same grantor to the same
    holder, written in the absence list ("X (pouvoir à Y)") and again under "Pouvoirs", is one."""
    return [p for p in more if not any(same_person(p.grantor, x.grantor) and same_person(p.holder, x.holder)
                                       for x in proxies)]


def _new_grantors(proxies: list[Proxy], more: list[Proxy]) -> list[Proxy]:
    """The proxies of ``more`` whose grantor no proxy of ``proxies`` has."""
    return [p for p in more if not any(same_person(p.grantor, x.grantor) for x in proxies)]


def _with_table(table: TableReading, present: list[Person], absent: list[Person], proxies: list[Proxy]):
    """The lists with what the attendance table adds.  A member the table shows absent or
    represented was not present at the opening, even when the list of present members names
    him (as one who arrived later)."""
    away = table.absent + [p.grantor for p in table.proxies]
    present = [p for p in present if not find(away, p)]
    proxies = proxies + _new_grantors(proxies, table.proxies)
    absent = absent + [p for p in table.absent if not find(absent, p)]
    return present, absent, proxies


def _says_none(entry: _List) -> bool:
    """The list says there is nobody in it: "Absents : néant"."""
    return any(NEANT.match(fold(text)) for _, text in entry.parts)


_NO_SPAN = Span(line=0)  # where a list has none (a span is frozen: one made once, for speed)


def _doubt_ocr_lists(delib: Deliberation) -> None:
    """Names OCR read with low confidence, or with letters it could not read ("S?RI"), may be
    misread, and a misread label loses a whole list: such lists are not a base for counting (the
    counts, digits repaired only where certain, still are)."""
    if any(p.span is not None and p.span.unsure for p in delib.present) or \
            delib.spans.get("list.present", _NO_SPAN).unsure:
        for field in ("present", "absent", "proxies"):
            delib.doubts[field] = N_("list read by OCR with low confidence")
        return
    for field, people in (("present", delib.present), ("absent", delib.absent),
                          ("proxies", [p.grantor for p in delib.proxies] + [p.holder for p in delib.proxies])):
        if any(p.span is not None and p.span.unsure for p in people) or \
                delib.spans.get(f"list.{field}", _NO_SPAN).unsure:
            delib.doubts[field] = N_("list read by OCR with low confidence")
        elif any(_GARBLED.search(p.name) for p in people):
            delib.doubts[field] = N_("names with unreadable letters: text from OCR")


# a letter OCR could not read, a digit or a stray capital inside a word: "S?RI", "NiCOLAS", "F4UVEL"
_GARBLED = patterns.compile(r"\p{L}[?\d]|[?\d]\p{L}|\p{Ll}\p{Lu}\p{Lu}")


@dataclass
class _Part:
    """The lines of one item: from its heading (or the end of the attendance) to the next."""

    first: int
    stop: int
    heading: Optional[Heading]


def _parts(view: View, start_line: int, headings: list[Heading]) -> list[_Part]:
    headings = [h for h in headings if h.line >= start_line]
    if len(headings) <= 1:
        return [_Part(start_line, len(view.lines), headings[0] if headings else None)]
    bounds = [h.line for h in headings] + [len(view.lines)]
    return [_Part(h.line, stop, h) for h, stop in zip(headings, bounds[1:])]


_NUMBER_IN_TEXT = patterns.compile(r"(?:deliberation|acte)\s+n°\s*(?P<num>[\w/._-]*\d[\w/._-]*)")


def _name_item(view: View, delib: Deliberation, part: _Part, single: bool) -> None:
    heading = part.heading
    if heading is not None:
        line = view.lines[heading.line]
        if heading.number:
            delib.number = heading.number
            column = line.text.find(heading.number)
            base = view.starts[heading.line] + max(column, 0)
            delib.spans["number"] = (view.span(base, base + len(heading.number)) if column >= 0
                                     else view.line_span(heading.line))
        delib.title = without_vote_columns(view, heading.line, _wrapped(view, heading, _title(view, heading)))
        if delib.title:
            delib.spans["title"] = view.line_span(heading.line)
    if single and delib.number is None:
        # an extract without a heading line: its number may stand in the text
        match = _NUMBER_IN_TEXT.search(view.folded)
        if match:
            delib.number = view.text[match.start("num"):match.end("num")]
            delib.spans["number"] = view.span(match.start("num"), match.end("num"))


class _Sitting:
    """Who is there as the items go: arrivals join, members who leave for good are gone."""

    def __init__(self, template: Deliberation):
        self.present = list(template.present)
        self.proxies = list(template.proxies)
        self.changed = False
        self.leaving: dict[str, Proxy] = {}  # who leaves for good with a proxy, by name
        self.later: list[Person] = []  # who arrives after an item's vote, for the next item

    def item_attendance(self, view: View, delib: Deliberation, begin: int, end: int) -> list[Person]:
        """Fill the item's lists; return the members who left the sitting for good."""
        arrived = self._arrivals(view, begin, end)
        left_rest = []
        for match in _scan(LEAVES, view.folded, begin, end):
            name = clean_name(view.text[match.start("who"):match.end("who")])
            if not name:
                continue
            who = person(name, view.span(match.start("who"), match.end("who")))
            self._proxy_on_leaving(view, who, match.end("who"), match.end("where"))
            for_item = match["where"] == "salle" or "vote" in match["rest"] or "point" in match["rest"]
            (delib.left if for_item else left_rest).append(who)
        president = delib.session.president
        for match in _scan(LEAVES_BY_OFFICE, view.folded, begin, end):
            if president is None or find(delib.left, president):
                continue
            who = person(president.name, view.span(match.start(), match.end("office")))
            # withdrawn for the vote of this item, unless the sitting is left ("quitte la séance")
            (left_rest if match["where"] in ("seance", "reunion") else delib.left).append(who)
        not_voting = _sentence_people(view, NOT_VOTING, begin, end)
        for match in _scan(NOT_VOTING_NAMED, view.text, begin, end):
            name = clean_name(match["who"])
            if name and not find(not_voting, person(name)):
                not_voting.append(person(name, view.span(match.start("who"), match.end("who"))))
        returned = _sentence_people(view, RETURNS, begin, end)
        for who in arrived:
            if not find(self.present, who):
                self.present.append(who)
                self.changed = True
        delib.arrived = arrived
        delib.present = list(self.present)
        delib.proxies = list(self.proxies)
        delib.attendance_changed = self.changed
        for who in delib.left:
            if not find(not_voting, who) and not find(returned, who):
                not_voting.append(who)
        delib.not_voting = not_voting
        delib.left = delib.left + left_rest
        return left_rest

    def _arrivals(self, view: View, begin: int, end: int) -> list[Person]:
        """The members who arrive for this item: those its text names, less those written after
        its vote ("Arrivée de Mme X" between the vote of item 1 and the heading of item 2), who
        join from the next item, with those held over from the item before."""
        arrived, self.later = self.later, []
        first, stop = bisect_right(view.starts, begin) - 1, bisect_right(view.starts, max(end - 1, begin))
        for who in _sentence_people(view, ARRIVES, begin, end):
            line = bisect_right(view.starts, view.starts[first] + _offset_in(view, who, begin)) - 1
            after_the_vote = (line > first and read_vote(view, first, line)[0].stated
                              and not read_vote(view, line, stop)[0].stated)
            (self.later if after_the_vote else arrived).append(who)
        return arrived

    def _proxy_on_leaving(self, view: View, who: Person, verb: int, after: int) -> None:
        """"M. X quitte la séance et donne pouvoir à M. Y": Y votes for X once X is gone (the
        grantor's note, "quitte la séance", says the proxy is for part of the sitting)."""
        holder = proxies_read.leaves_with_proxy.read(view.text[after:after + 160])
        name = clean_name(holder) if holder else None
        if name:
            grantor = person(who.name, who.span, note=" ".join(view.text[verb:after].split()))
            self.leaving[who.normalized] = Proxy(grantor=grantor, holder=person(name, who.span), span=who.span)

    def gone(self, left_rest: list[Person]) -> None:
        for who in left_rest:
            found = find(self.present, who)
            if found:
                self.present.remove(found)
                self.changed = True
            proxy = self.leaving.get(who.normalized)
            if proxy is not None and not find([p.grantor for p in self.proxies], who):
                self.proxies.append(proxy)


def _offset_in(view: View, who: Person, begin: int) -> int:
    """Where a person read in a sentence stands, from the start of the line of ``begin``."""
    at = view.text.find(who.span.text, begin) if who.span is not None and who.span.text else -1
    line_start = view.starts[bisect_right(view.starts, begin) - 1]
    return (at if at >= 0 else begin) - line_start


def _convention_terms(view: View, delib: Deliberation, begin: int, end: int) -> None:
    """The duration and end date of a convention, as the deliberation states them."""
    # the pattern's first word looked for first: the long pattern compiled and run only then
    duration = CONVENTION_DURATION.search(view.folded, begin, end) if view.folded.find("duree", begin, end) >= 0 else None
    if duration:
        amount = dates.words_to_int(duration["n"])
        if amount:
            unit = "M" if duration["unit"].startswith("mois") else "Y"
            delib.convention_duration = f"P{amount}{unit}"
            delib.spans["convention_duration"] = view.span(duration.start(), duration.end())
    ends = _search(ENDS_ON, view.folded, begin, end)
    if ends:
        value, span = date_after(view, ends.end())
        if value is not None:
            delib.convention_end = value
            delib.spans["convention_end"] = span


def _offset(view: View, line: int) -> int:
    return view.starts[line] if line < len(view.starts) else len(view.text)


def parse_deliberations(view: View, tables: Sequence[Sequence[Sequence[str]]] = ()) -> list[Deliberation]:
    """The deliberations of the text; ``tables`` are the rows of cells of the tables the reader
    found on the pages (an attendance table may be one)."""
    headings = choose_headings(view, 0, len(view.lines))
    first_item = headings[0].line if len(headings) > 1 else None
    attendance = AttendanceParser(view)
    attendance.parse(first_item)
    piped = pipe_tables(view)
    table = attendance_table(list(tables) + piped)
    if table is None:  # a grid of every member, drawn, written with pipes or laid out in columns of text
        table = attendance_grid(list(tables) + piped + grid_tables(view, first_item or min(len(view.lines), 150)))
    template = _template(view, attendance, _head_stop(view, attendance, first_item), table)
    start_line = attendance.end
    parts = _parts(view, start_line, headings)
    single = len(parts) == 1
    sitting = _Sitting(template)
    deliberations = []
    for number, part in enumerate(parts, 1):
        begin, end = _offset(view, part.first), _offset(view, part.stop)
        # the last item takes the template itself: nothing reads it after (a copy spared, for speed)
        delib = template if number == len(parts) else _item_copy(template)
        delib.counts_for_item = single
        _name_item(view, delib, part, single)
        left_rest = sitting.item_attendance(view, delib, begin, end)
        vote, span, vote_doubt = read_vote(view, part.first, part.stop)
        if single and not vote.stated:
            vote, span, vote_doubt = tally_before(view, 0, part.first) or (vote, span, vote_doubt)
        delib.vote = vote
        if vote_doubt:
            delib.doubts["vote"] = vote_doubt
        if span:
            delib.spans["vote"] = span
        delib.decisions = _decisions(view.lines[part.first:part.stop])
        _convention_terms(view, delib, begin, end)
        delib.spans["deliberated"] = view.span(begin, begin)
        decided = decision_at(view.text[begin:end], view.folded[begin:end])
        if decided:
            delib.spans["decided"] = view.span(begin + decided[0], begin + decided[1])
        delib.deliberative = bool(_search(DELIBERATED, view.folded, begin, end) or delib.decisions or vote.stated
                                  or _search(PROPOSED, view.folded, begin, end))
        deliberations.append(delib)
        sitting.gone(left_rest)
    last = deliberations[-1] if deliberations else None
    if last is not None:
        _signatures(view, last, parts[-1].first)
        _tail_dates(view, last, attendance.end)
        lists_end = max((i + 1 for entry in attendance.lists.values() for i, _ in entry.parts), default=0)
        _president_who_signs(view, deliberations, _offset(view, parts[0].first), lists_end)
    return deliberations


def _president_who_signs(view: View, deliberations: list[Deliberation], head_end: int, lists_end: int) -> None:
    """"Le Maire ouvre la séance" and "Le Maire, Bernard PRIVAT" at the end: where nothing else
    names the president, the one who signs as the office that opened the sitting (the only
    signature of the last lines), if a member present."""
    last = deliberations[-1]
    if last.session.president is not None:
        return
    office = office_that_opens(view.folded[:head_end])
    if office is None:
        return
    first = max(lists_end, len(view.lines) - 25)
    signer = _sole_signature(view, first, office)
    if signer is None or last.present and not find(last.present, signer):
        return
    for delib in deliberations:
        delib.session.president = signer.model_copy()
        delib.spans["session.president"] = signer.span


def _sole_signature(view: View, first: int, office: str) -> Optional[Person]:
    """The name under or beside the only signature role of lines ``first`` on, if that role is
    ``office`` ("Le Maire, Bernard PRIVAT", or "Le Maire," then "Bernard PRIVAT")."""
    found = [(i, m) for i in range(first, len(view.lines)) for m in _signature_roles(fold(view.lines[i].text))]
    if len(found) != 1 or found[0][1]["role"] not in (office, office.rstrip("e")):
        return None
    index, role = found[0]
    rest = view.lines[index].text[role.end():].strip(" ,:")
    if not rest:
        index = next((i for i in range(index + 1, len(view.lines)) if view.lines[i].text.strip()), None)
        rest = view.lines[index].text.strip(" ,") if index is not None else ""
    name = clean_name(rest) if rest and len(rest) < 60 else None
    return person(name, view.line_span(index)) if name and looks_like_person(rest) else None


def _decisions(lines) -> list[str]:
    """Operative paragraphs (APPROUVE..., AUTORISE...), wrapped lines joined."""
    decisions: list[str] = []
    open_paragraph = False
    for line in lines:
        text = " ".join(line.text.split())
        found = DECISION.search(text)
        if found:
            text = text[found.start("verb"):]
            decisions.append(text)
            open_paragraph = not text.endswith((".", ",", ";", ":"))
        elif open_paragraph and text and not text[:1].isupper():
            decisions[-1] += " " + text
            open_paragraph = not text.endswith((".", ",", ";", ":"))
        else:
            open_paragraph = False
    return decisions


_WIDE_SPACE = patterns.compile(r"\s{2,}|\t")


def _side_by_side(text: str) -> list[str]:
    """Names printed side by side in a signature block: "Hervé CASTELLI   Inès JOLY".

    Columns are split on wide spaces, or where a capitalised first name follows a surname in
    capitals (the spaces collapse when a PDF is read).
    """
    pieces = _WIDE_SPACE.split(text.strip())
    result = []
    for piece in pieces:
        words = piece.split()
        start = 0
        for i in range(1, len(words) - 1):
            if words[i - 1].isupper() and len(words[i - 1]) > 1 and words[i][:1].isupper() and not words[i].isupper():
                result.append(" ".join(words[start:i]))
                start = i
        result.append(" ".join(words[start:]))
    return result


def _signatures(view: View, delib: Deliberation, start_line: int) -> None:
    """The signature block after the last vote: roles (mayor, secretary) and names."""
    vote_span = delib.spans.get("vote")
    first = start_line
    if vote_span is not None:
        for index, line in enumerate(view.lines):
            if line.page == vote_span.page and line.number == vote_span.line:
                first = index + 1
                break
    roles: list[str] = []
    names: list[Person] = []
    for index in range(first, min(len(view.lines), first + 25)):
        text = view.lines[index].text.strip()
        if any(word in text for word in _ROLE_ENDINGS):
            text = COLLAPSED_BLOCKS.sub(r"\1   \2", text)
        folded = fold(text)
        found = _signature_roles(folded)
        role = found[0] if found else None
        if role:
            roles += ["secretary" if r["role"].startswith("secretaire") else "mayor" for r in found]
            rest = text[role.end():].strip(" ,:") if len(found) == 1 else ""
            name = clean_name(rest) if rest else None
            if name:
                names.append(person(name, view.line_span(index)))
            continue
        if text and len(text) < 80 and not text.endswith("."):
            for piece in _side_by_side(text):
                name = clean_name(piece)
                if name and name == piece.strip(" ,"):
                    names.append(person(name, view.line_span(index)))
    delib.signature_roles = sorted(set(roles))
    delib.signatories = names
