"""Votes: the outcome of one item, read from the first statement of a vote in that item.

An item may hold several votes (a tariff for children, then one for adults); the figures of one
statement are never mixed with another's, and votes are never added across items.  A
*statement* is the line that speaks of a vote and the lines of its tally just under it
("POUR : 21 / CONTRE : 0 / ABSTENTION : 0").  Each way of writing figures is a recogniser.
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from ..i18n import N_
from ..model import Span, Vote
from . import dates
from .recognisers import Case, of_part, recogniser
from .text import View, fold, holds_any
from .vote_columns import row_vote

PART = "vote"

_NUMBER = rf"(?:\d{{1,3}}|{dates.NUMBER_WORDS})"


def _int(text: str) -> Optional[int]:
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in ("neant", "aucun", "aucune", "zero"):
        return 0
    value = dates.words_to_int(text)
    return value if value is not None and value < 1000 else None


def _figures(pattern: regex.Pattern, text: str) -> Optional[dict]:
    found: dict = {}
    for match in pattern.finditer(fold(text)):
        for key in ("for", "against", "abstain"):
            if match.groupdict().get(key) and key not in found:
                value = _int(match[key])
                if value is not None:
                    found[key] = value
    return found or None


# "par 12 voix contre 3": the votes for, then "contre" and the votes against (no word after them)
_VOTES_AGAINST_VOTES = patterns.compile(
    rf"""(?x)\bpar\s+(?P<for>{_NUMBER})\s+(?:voix|votes?|suffrages?)\s+contre\s+(?!et\b)(?P<against>{_NUMBER})\b
    (?!\s*(?:(?:voix|votes?)\s+)?(?:pour|contre|abstentions?|favorables?)\b)""")


@recogniser(PART, "votes-against-votes",
            Case("Le Conseil, par 12 voix contre 3, fixe les tarifs", {"for": 12, "against": 3}),
            Case("adopté par quinze voix contre deux", {"for": 15, "against": 2}),
            Case("par 10 voix pour, 2 voix contre et 1 abstention", None),
            Case("par 12 voix contre 3 abstentions", None),
            Case("Rejetée par 10 voix contre et 7 voix pour", None),
            Case("par 2 voix contre (MM. MORVAN et PRIGENT)", None))
def votes_against_votes(text: str) -> Optional[dict]:
    """"par 12 voix contre 3": so many for, so many against."""
    if "par" not in fold(text):  # the pattern's first word (a long pattern, not compiled for nothing)
        return None
    found = _figures(_VOTES_AGAINST_VOTES, text)
    return found if found and len(found) == 2 else None


# "adoptée par 14 voix", "Le Conseil, par 14 voix, approuve": so many votes for, the word "pour"
# left out; not "rejetée par 10 voix" (votes against) nor "élu par 9 voix" (a ballot)
_ADOPTED_BY_VOTES = patterns.compile(
    rf"""(?x)(?:\b(?:adopte|approuve|vote)e?s?\s+(?:a\s+la\s+majorite\s+)?|(?:^|,)\s*)
    par\s+(?P<for>{_NUMBER})\s+(?:voix|votes|suffrages)\b
    (?!\s*(?:[«"']\s*)?(?:pour|contre|favorables?|defavorables?|d'abstention|sur)\b)""")


@recogniser(PART, "adopted-by-votes",
            Case("Délibération adoptée par 14 voix.", {"for": 14}),
            Case("Le Conseil municipal, par 12 voix, approuve le projet", {"for": 12}),
            Case("adopté par quinze voix et une abstention", {"for": 15}),
            Case("Rejetée par 10 voix.", None),
            Case("M. DUPONT est élu par 9 voix", None),
            Case("adoptée par 14 voix pour", None),
            Case("par 12 voix sur 15", None))
def adopted_by_votes(text: str) -> Optional[dict]:
    """"adoptée par 14 voix": the votes for, without the word "pour"."""
    if "par" not in fold(text):  # a word the pattern needs, as above
        return None
    return _figures(_ADOPTED_BY_VOTES, text)


# the word may stand in quotes: 15 voix « Pour », 2 « Abstention »
_Q = r"""(?:[«"']\s*)?"""
# between a figure and its word: "voix" (a sentence may wrap before it), or spaces on one line; a
# figure at the end of a line is not the next line's label ("Votants : 11" / "Pour : 10")
_GAP = r"(?:\s+(?:voix|votes?)\s+|[ \t]+)"
_AFTER = patterns.compile(
    rf"""(?x)(?<![\w/.,-])
    (?:(?P<for>{_NUMBER})(?:\s+(?P<voix>voix|votes?)\s+|[ \t]+){_Q}(?:pour\b|favorables?\b)
    | (?P<for>{_NUMBER})\s+(?P<voix>voix|votes?)\s+sur\s+{_NUMBER}\b    # "19 voix sur 21"
    | (?P<against>{_NUMBER}){_GAP}{_Q}(?:contre\b|defavorables?\b)
    | (?P<abstain>{_NUMBER}){_GAP}{_Q}abstentions?\b)""")


# Each way _AFTER reads a figure ends with one of these words ("defavorable" holds "favorable"): a
# text without any is not scanned, _AFTER being costly to try at each character (for speed).
_AFTER_WORDS = ("pour", "favorable", "voix", "vote", "contre", "abstention")
_LABEL_THEN_FIGURE = patterns.compile(r"\b(?:pour|contre|abstentions?)\s*[:=]?\s*\d")


@recogniser(PART, "figures-before-words",
            Case("adoptée par 14 voix POUR", {"for": 14}),
            Case("Par 13 voix POUR – 1 voix CONTRE", {"for": 13, "against": 1}),
            Case("3 ABSTENTIONS / 7 POUR", {"for": 7, "abstain": 3}),
            Case("par DEUX voix POUR, une voix contre et quatre abstentions", {"for": 2, "against": 1, "abstain": 4}),
            Case("par 20 voix pour, 3 contre et 2 abstentions", {"for": 20, "against": 3, "abstain": 2}),
            Case("2 votes contre 1 abstention 9 votes pour", {"for": 9, "against": 2, "abstain": 1}),
            Case("par 12 voix « Pour », 2 voix « Contre » et 1 voix « Abstention »",
                 {"for": 12, "against": 2, "abstain": 1}),
            Case("(Vote à main levée : 11 voix « pour » et 3 « Abstention »)", {"for": 11, "abstain": 3}),
            Case("par 9 voix \"Pour\" et une \"Abstention\"", {"for": 9, "abstain": 1}),
            Case("avec 52 voix pour, 0 contre et 6 abstentions :", {"for": 52, "against": 0, "abstain": 6}),
            Case("adopte la décision par 19 voix sur 21, deux conseillers s'étant abstenus", {"for": 19}),
            Case("le 3 sur 5 de la liste", None),
            Case("l'article 3 pour la durée", None),
            Case("POUR : 21 CONTRE : 0 ABSTENTION : 0", None),
            Case("Pour 8\n Abstention 1\n Contre 0", None),
            Case("Votants : 11\nPour : 10\nContre : 0\nAbstentions : 1", None),
            Case("le budget 2021 pour 3 ans", None))
def figures_before_words(text: str) -> Optional[dict]:
    """"14 voix pour", "DEUX voix POUR", "3 contre", "2 abstentions": each figure before its word.
    A bare "N pour" counts only beside a figure against or abstaining ("7 POUR / 3 ABSTENTIONS")."""
    folded = fold(text)
    if not holds_any(folded, _AFTER_WORDS):
        return None
    figure_first = _AFTER.search(folded)
    if figure_first is None:
        return None
    label_first = _LABEL_THEN_FIGURE.search(folded)
    if label_first and label_first.start() < figure_first.start():
        return None  # "POUR : 21 CONTRE : 0": each figure is its label's, read the other way
    found = _figures(_AFTER, text)
    if found and "for" in found and not ("against" in found or "abstain" in found):
        if not any(m["voix"] for m in _AFTER.finditer(fold(text)) if m["for"]):
            del found["for"]
    return found or None


# A tally table: a row of labels, and under it a row of as many figures, column by column
# ("Pour   Contre   Abstention" / "13   0   0"), as word processors and PDFs lay it out.
_TALLY_LABEL = r"(?:pour|contre|abstentions?|votants?|suffrages\s+exprimes|exprimes|nuls?|blancs?)"
LABELS_ROW = patterns.compile(rf"^\s*\|?\s*{_TALLY_LABEL}(?:\s*[:|/;–-]?\s*{_TALLY_LABEL}){{1,6}}\s*[:|]?\s*$")
FIGURES_ROW = patterns.compile(r"^\s*\|?\s*\d{1,3}(?:\s*[|/;–-]?\s*\d{1,3}){1,6}\s*\|?\s*$")
# the rule a plain-text table draws under its labels: "|------|------|", "+----+----+"
TABLE_RULE = patterns.compile(r"^\s*[|+]?[\s|+:=-]*-{3,}[\s|+:=-]*$")
_LABEL_KEYS = {"pour": "for", "contre": "against", "abstention": "abstain", "abstentions": "abstain"}


@recogniser(PART, "labels-over-figures",
            Case("Pour      Contre      Abstention\n 13          0           0", {"for": 13, "against": 0, "abstain": 0}),
            Case("VOTANTS | EXPRIMÉS | POUR | CONTRE | ABSTENTIONS\n18 | 16 | 16 | 0 | 2",
                 {"for": 16, "against": 0, "abstain": 2}),
            Case("Pour Contre\n12 3", {"for": 12, "against": 3}),
            Case("| Votants | Pour | Contre | Abstentions |\n|---|---|---|---|\n| 11 | 9 | 1 | 1 |",
                 {"for": 9, "against": 1, "abstain": 1}),
            Case("Pour Contre Abstention\n12 3", None),
            Case("Présents Votants\n12 14", None),
            Case("Pour la commune\n12 3 4", None))
def labels_over_figures(text: str) -> Optional[dict]:
    """A row of labels ("Pour Contre Abstention") over a row of figures, one under each."""
    if "\n" not in text:
        return None  # one line: no row under another (for speed)
    lines = [line for line in fold(text).split("\n") if line.strip() and not TABLE_RULE.match(line)]
    for top, bottom in zip(lines, lines[1:]):
        if not (LABELS_ROW.match(top) and FIGURES_ROW.match(bottom)):
            continue
        labels = regex.findall(_TALLY_LABEL, top)
        figures = regex.findall(r"\d{1,3}", bottom)
        found = {_LABEL_KEYS[label]: int(figure) for label, figure in zip(labels, figures) if label in _LABEL_KEYS}
        if len(labels) == len(figures) and found:
            return found
    return None


# the members counted by what they voted: "4 conseillers ayant voté contre", "3 membres se sont
# abstenus", "2 élus votent contre"
_MEMBERS_VOTING = patterns.compile(
    rf"""(?x)(?<![\w/.,-])(?P<n>{_NUMBER})\s+(?:conseill(?:ers?|eres?)|membres?|elue?s?|delegue(?:e|s|es)?)
    (?:\s+(?:municipaux|communautaires|presents?|titulaires))?\s*,?\s*
    (?:(?:ayant|ont|qui\s+ont)\s+vote|votent|votant|ont\s+vote)\s+(?P<how>pour|contre)\b
    |(?<![\w/.,-])(?P<n>{_NUMBER})\s+(?:conseill(?:ers?|eres?)|membres?|elue?s?|delegue(?:e|s|es)?)
    \s*,?\s*(?:se\s+sont\s+abstenue?s|s'abstenant|s'etant\s+abstenue?s|s'abstiennent)(?P<how>)""")


@recogniser(PART, "members-counted-by-their-vote",
            Case("Adopté à la majorité, 4 conseillers ayant voté contre (MM. JACOB et RIVIÈRE)", {"against": 4}),
            Case("trois membres se sont abstenus, les autres ayant voté pour", {"abstain": 3}),
            Case("12 élus votent pour, 2 élus votent contre", {"for": 12, "against": 2}),
            Case("les 4 conseillers de l'opposition", None),
            Case("15 conseillers présents", None))
def members_counted_by_their_vote(text: str) -> Optional[dict]:
    """"4 conseillers ayant voté contre", "3 membres se sont abstenus": members counted by their vote."""
    found: dict = {}
    folded = fold(text)
    if "vot" not in folded and "abst" not in folded:  # what every way of writing it holds
        return None  # (the pattern, long, not compiled for nothing)
    for match in _MEMBERS_VOTING.finditer(folded):
        key = {"pour": "for", "contre": "against"}.get(match["how"], "abstain")
        value = _int(match["n"])
        if value is not None:
            found.setdefault(key, value)
    return found or None


_LABELLED = patterns.compile(
    r"""(?xm)(?:^\s*|[\s,;(/-])
    (?:pour\s*[:=]\s*(?P<for>\d{1,3}|neant|aucune?)\b
    | pour\s+(?P<for>\d{1,3})(?=\s*[,;/–-]\s*(?:contre|abstentions?)\s*[:=]?\s*\d)   # "pour 6, contre 1"
    | contre\s*[:=]?\s*(?P<against>\d{1,3}|neant|aucune?)\b
    | abstentions?\s*[:=]?\s*(?P<abstain>\d{1,3}|neant|aucune?)\b
    | (?:abst\.?|abs\.)\s*[:=]?\s*(?P<abstain>\d{1,3})\b)                 # "ABST. 1", "Abs. : 2"
    |^\s*pour\s+(?P<for>\d{1,3})\s*(?:voix)?\s*$""")


@recogniser(PART, "labels-before-figures",
            Case("Pour : 14 - Contre : 0 - Abstention : 2", {"for": 14, "against": 0, "abstain": 2}),
            Case("POUR 21", {"for": 21}),
            Case("Contre : néant", {"against": 0}),
            Case("Votes : pour 6, contre 1, abstention 1", {"for": 6, "against": 1, "abstain": 1}),
            Case("Vote : POUR 12 / CONTRE 0 / ABST. 1", {"for": 12, "against": 0, "abstain": 1}),
            Case("Absents : 2", None),
            Case("une convention pour 3 ans, contre toute attente", None),
            Case("vote pour la commune de Flaux", None),
            Case("convention signée pour 3 ans", None))
def labels_before_figures(text: str) -> Optional[dict]:
    """"Pour : 14", "POUR 21", "Contre : néant": the word, then its figure (a tally table)."""
    if not holds_any(fold(text), _LABELLED_WORDS):
        return None
    return _figures(_LABELLED, text)


# a word each way of _LABELLED holds ("abs" in "abstention", "abst.", "abs."): a text without any
# is not scanned, _LABELLED trying its openings at each character (for speed)
_LABELLED_WORDS = ("pour", "contre", "abs")


# the labels cut to their initials: "P : 11 – C : 0 – A : 2"
_INITIALS_TALLY = patterns.compile(
    r"(?<![\p{L}.])p\s*[:=]\s*(?P<for>\d{1,3})\s*[-–/,;]?\s*c\s*[:=]\s*(?P<against>\d{1,3})"
    r"(?:\s*[-–/,;]?\s*a\s*[:=]\s*(?P<abstain>\d{1,3}))?\b")


@recogniser(PART, "initials-tally",
            Case("Vote : P : 11 – C : 0 – A : 2", {"for": 11, "against": 0, "abstain": 2}),
            Case("P:14 C:1", {"for": 14, "against": 1}),
            Case("annexe p : 12", None))
def initials_tally(text: str) -> Optional[dict]:
    """"P : 11 – C : 0 – A : 2": pour, contre and abstention by their initials, in that order."""
    if not holds_any(fold(text), _COLON_OR_EQUALS):
        return None  # each initial is followed by one (a cheap test, for speed)
    return _figures(_INITIALS_TALLY, text)


_COLON_OR_EQUALS = (":", "=")


# "unanimité" as OCR damages it: a letter i or t read as ?, ï, 1, l, ! or |
_UNANIMOUS = patterns.compile(
    r"\bunan[il1!|?]m[il1!|?][til1!|?]e\b|\bunanimement\b|\bunanime\b")
# the law quoted, or what the council may do: "peut décider, à l'unanimité, de ne pas ..."
_NOT_THIS_VOTE = patterns.compile(
    r"(?:peu[tv]e?n?t?|doi[tv]e?n?t?|pourra|pourrait)\s+(?:\S+\s+){0,2}?(?:decider|voter|statuer)\b[^.]{0,30}$"
    r"|«[^»]*$")


# "à l'unanimité moins deux voix contre": all but those against, so no unanimity ("moins une
# abstention" keeps it: abstentions are no votes cast)
_LESS_AGAINST = patterns.compile(
    rf"^[^.;]{{0,40}}?\b(?:moins|sauf|a\s+l'exception\s+d(?:e\s+|'))\s*{_NUMBER}\s+(?:(?:voix|votes?)\s+)?"
    r"(?:contre\b|defavorables?\b)")


@recogniser(PART, "unanimity",
            Case("Le conseil municipal, à l'unanimité, APPROUVE", True),
            Case("Adoptée à l'unanimité moins une abstention", True),
            Case("Adoptée à l'unanimité moins deux voix contre", None),
            Case("à l'unanimité des présents sauf 1 vote contre", None),
            Case("adopté à l'unanimité des membres présents", True),
            Case("Vote : à l'unanimité", True),
            Case("LE CONSEIL MUNICIPAL, A L'UNANIMIÏE, ACCEPTE", True),
            Case("le conseil, à l'UNAN?MITE, adopte", True),
            Case("à l'unanim1té des votants", True),
            Case("la règle de l'unanimité", True),
            Case("à la majorité", None),
            Case("le conseil peut décider, à l'unanimité, de ne pas procéder au scrutin secret", None),
            Case("« le vote a lieu au scrutin secret sauf si le conseil en décide à l'unanimité", None),
            Case("l'unanimisme", None))
def unanimity(text: str) -> Optional[bool]:
    """"à l'unanimité", "unanimement", also as OCR misreads it ("UNANIMIÏE"); not the rule of
    unanimity that a quoted law or a "peut décider" lays down, nor "l'unanimité moins 2 voix contre"."""
    folded = fold(text)
    for match in _UNANIMOUS.finditer(folded):
        if not _not_this_vote(folded[:match.start()]) and not _less_against(folded[match.end():]):
            return True
    return None


# a word each way of _NOT_THIS_VOTE holds (for speed, as _less_against's)
_NOT_THIS_VOTE_WORDS = ("peu", "doi", "pourra", "«")


def _not_this_vote(before: str) -> bool:
    return holds_any(before, _NOT_THIS_VOTE_WORDS) and _NOT_THIS_VOTE.search(before) is not None


def _less_against(after: str) -> bool:
    """"moins 2 voix contre" after the unanimity (the pattern, long, run only where one of its
    words is)."""
    return ("moins" in after or "sauf" in after or "exception" in after) and _LESS_AGAINST.match(after) is not None


_UNANIMOUS_COUNTED = patterns.compile(
    r"\bunan[il1!|?]m[il1!|?][til1!|?]e\s+(?:des\s+(?:votants|suffrages(?:\s+exprimes)?|(?:membres\s+)?presents)\s*)?"
    r"[(,:]?\s*(?:soit\s+)?(?P<for>\d{1,3})\s+voix\b")


@recogniser(PART, "unanimity-counted",
            Case("A L'UNANIMITE des votants (27 voix), 5 abstentions", {"for": 27}),
            Case("à l'unanimité des suffrages exprimés, soit 19 voix", {"for": 19}),
            Case("à l'unanimité (12 voix)", {"for": 12}),
            Case("Adopté à l'unanimité des présents (15 voix)", {"for": 15}),
            Case("à l'unanimité des 12 membres présents", None))
def unanimity_counted(text: str) -> Optional[dict]:
    """"à l'unanimité des votants (27 voix)": unanimity of those who voted, and how many."""
    match = _UNANIMOUS_COUNTED.search(fold(text))
    return {"for": int(match["for"])} if match else None


_BALLOT = patterns.compile(r"(?:scrutin|bulletins?|vote)\s+secret|suffrages\s+exprimes\s*(?:[:=]|\d)|\bdepouillement"
                           r"|bulletins?\s+(?:blancs?|nuls?)|\belue?s?\s+(?:avec|par)\s+\d{1,3}\s+voix")
# a secret ballot the council decides not to hold: "de ne pas procéder au scrutin secret"
_NO_BALLOT = patterns.compile(r"(?:\bne\s+pas|\bpas\s+de|\bsans|renonce\w*|\bnon)\s+(?:\S+\s+){0,3}$")


@recogniser(PART, "ballot",
            Case("Il est procédé au vote à bulletin secret", True),
            Case("Suffrages exprimés : 27", True),
            Case("Votants : 15 – Suffrages exprimés : 14 – Pour : 14 – Contre : 0", None),
            Case("M. Paul MARTIN est élu avec 15 voix", True),
            Case("Mme Anne ROUX, élue par 9 voix, est installée", True),
            Case("le vote est public", None),
            Case("à l'unanimité des suffrages exprimés (1 abstention)", None),
            Case("le conseil accepte de ne pas procéder au scrutin secret", None),
            Case("désignation sans vote à bulletin secret", None))
def ballot(text: str) -> Optional[bool]:
    """An election or a secret ballot: votes counted per candidate; not a tally of votes for and
    against that states the votes cast ("Suffrages exprimés : 14 – Pour : 14 – Contre : 0")."""
    return _ballot(fold(text))


# a word each way of _BALLOT holds ("suffrages exprimés", "dépouillement", "élu par 9 voix",
# "secret" of a secret ballot, "bulletin" of blank ones): a text without any is not scanned (for speed)
_BALLOT_WORDS = ("secret", "suffrages", "depouillement", "voix", "bulletin")


def _ballot(folded: str) -> Optional[bool]:
    if not holds_any(folded, _BALLOT_WORDS):
        return None
    for match in _BALLOT.finditer(folded):
        if _NO_BALLOT.search(folded[max(0, match.start() - 60):match.start()]):
            continue
        if match[0].startswith("suffrages") and _FOR_AND_AGAINST.search(folded):
            continue
        return True
    return None


# The outcome said in words, without a count: a participle on its own at the start of a line
# ("Adopté.", "Adopté à la majorité", "Adoptée, sauf par M. X qui s'abstient"), after "est"
# ("La proposition est rejetée"), the council accepting or rejecting "cette proposition", or
# "à la majorité" in the decision.  The accent tells the
# participle from the operative verb ("ADOPTE le budget"); a date or an act after it tells a
# reference to another decision ("approuvé par délibération du 12 mars").
_PARTICIPLE = r"(?P<outcome>adopt|approuv|rejet)é(?:e|es|s)?\b"
_OUTCOME = patterns.compile(
    rf"""(?x)^\s*(?:[-–•*]\s*)?(?:(?:résultat\s+du\s+)?vote(?:\s+à\s+main\s+levée)?\s*:\s*|décision\s*:\s*)?
    (?:(?:la|le)\s+(?:proposition|délibération|projet|motion|rapport)\s+(?:est\s+)?)?
    {_PARTICIPLE}(?=\s*(?:[.,;!)]|$|à\s+la\s+majorité|par\s+le\s+conseil|par\s+l'assemblée|par\s+\d|sauf\b))
    | \b(?:est|sont)\s+{_PARTICIPLE}(?=\s*(?:[.,;!)]|$|à\s+la\s+majorité|par\s+le\s+conseil|par\s+\d|sauf\b))
    | \b(?P<accepts>accepte|adopte|approuve|rejette|refuse)n?t?\s+(?:ce[tïi1l?|]{{2}}e|ces|la|les|sa|ses)
      \s+propos[iïl1!|?][tïi1l?|][iïl1!|?]ons?\b
    | ,\s*à\s+la\s+majorité(?:\s+(?:absolue|relative|qualifiée))?(?:\s+des\s+(?:voix|suffrages\s+exprimés|membres\s+présents(?:\s+et\s+représentés)?))?\s*,""")


@recogniser(PART, "outcome-in-words",
            Case("Adopté à la majorité.", "adopted"),
            Case("Adopté par le Conseil Municipal", "adopted"),
            Case("Adoptée, sauf par M. LEROUX qui s'abstient.", "adopted"),
            Case("ADOPTÉ", "adopted"),
            Case("Résultat du vote : adopté", "adopted"),
            Case("Vote à main levée : adoptée à la majorité", "adopted"),
            Case("Décision : rejetée", "rejected"),
            Case("Le Conseil, à la majorité absolue des suffrages exprimés, décide d'adhérer.", "adopted"),
            Case("La proposition est rejetée.", "rejected"),
            Case("Le Conseil Municipal, à la majorité, décide de vendre la parcelle.", "adopted"),
            Case("Le conseil, à la majorité des voix, approuve le tarif.", "adopted"),
            Case("LE CONSEIL, A L'EXCEPTION DE M. ROY QUI S'ABSTIENT, ACCEPTE CES PROPOSITIONS", "adopted"),
            Case("Le conseil municipal rejette la proposition.", "rejected"),
            Case("QUI S'ABSTIENNENÏ, ACCEPTE CEÏÏE PROPOSIT?ON", "adopted"),
            Case("ADOPTE le budget primitif 2024", None),
            Case("le budget approuvé par délibération du 12 mars 2024", None),
            Case("le règlement intérieur adopté le 3 juillet 2020", None),
            Case("M. DUVAL est élu à la majorité absolue, au premier tour", None),
            Case("Le conseil peut, à la majorité, décider de ne pas voter au scrutin secret", None),
            Case("le projet est adopté par délibération du 4 mai", None))
def outcome_in_words(text: str) -> Optional[str]:
    """"Adopté à la majorité", "La proposition est rejetée": the outcome written without any
    count: "adopted" or "rejected"."""
    lowered = text.lower()
    match = _OUTCOME.search(lowered)
    if not match or _NOT_THIS_VOTE.search(fold(lowered[:match.start()])) or _MAY.search(fold(lowered)):
        return put_off.read(text)
    return "rejected" if match["outcome"] == "rejet" or match["accepts"] in ("rejette", "refuse") else "adopted"


# An item put off or withdrawn, which is therefore not voted: "Ce point est ajourné", "Point
# retiré de l'ordre du jour", "Reporté à une prochaine séance", "Le conseil décide de reporter ce
# point".  "Reporté" and "retiré" say it only of the point itself, at the start of the line or
# with what follows them ("l'excédent reporté", "M. X se retire" are not).
_SUBJECT = r"(?:point|question|dossier|sujet|affaire|deliberation|proposition|projet|motion|rapport|vote)s?"
_LATER = (r"(?=\s*(?:[.,;:!)]|$|\(|a\s+(?:une|la)\s+(?:prochaine|seance|reunion|date)|ulterieurement"
          r"|au\s+prochain|sine\s+die|a\s+la\s+demande|faute\b|dans\s+l'attente|en\s+l'attente|en\s+attente))")
_PUT_OFF = patterns.compile(
    rf"""(?x)\bretire(?:e|s|es)?\s+de\s+l'?\s*ordre\s+du\s+jour
    | \bajourne(?:e|s|es)?\b(?!\s+a\s+\d)
    | ^\s*(?:[-–•*]\s*)?(?:(?:vote|decision)\s*:\s*)?(?:{_SUBJECT}\s+)?(?:retire|reporte|differe)(?:e|s|es)?\b{_LATER}
    | \b{_SUBJECT}\s+(?:est|sont|a\s+ete|ont\s+ete|se\s+trouve)\s+(?:retire|reporte|differe)(?:e|s|es)?\b{_LATER}
    | \bd(?:e\s+|')(?:ajourner|reporter|differer|retirer)\s+(?:ce|cette|ces|le|la|les|l')\s*(?:examen|{_SUBJECT})\b""")


@recogniser(PART, "put-off",
            Case("Ce point est ajourné.", "adjourned"),
            Case("Point AJOURNÉ", "adjourned"),
            Case("La question est retirée de l’ordre du jour, le devis n'étant pas parvenu.", "adjourned"),
            Case("Retiré de l'ordre du jour", "adjourned"),
            Case("Reporté à une prochaine séance.", "adjourned"),
            Case("- Point reporté", "adjourned"),
            Case("Ces dossiers sont reportés ultérieurement, faute d'estimation.", "adjourned"),
            Case("Le conseil municipal décide de reporter ce point à la séance de juin.", "adjourned"),
            Case("Le Conseil décide d'ajourner l'examen de cette demande.", "adjourned"),
            Case("le résultat de fonctionnement reporté (002) s'élève à 12 000 €", None),
            Case("Reporté sur le budget 2025 : 4 500 €", None),
            Case("M. LEROUX se retire et ne prend pas part au vote.", None),
            Case("Mme BRUN s'est retirée de la salle.", None),
            Case("le solde est reporté à l'exercice suivant", None),
            Case("Le projet est reporté à 2026 par le département.", None),
            Case("Le maire propose de retirer un point : le conseil accepte.", None))
def put_off(text: str) -> Optional[str]:
    """"Ce point est ajourné", "Retiré de l'ordre du jour": the item was put off or withdrawn,
    and is not voted: "adjourned"."""
    return "adjourned" if _PUT_OFF.search(fold(text)) else None


# what the council may do, not what it did: "le conseil peut, à la majorité, décider"
_MAY = patterns.compile(r"\b(?:peu[tv]e?n?t?|doi[tv]e?n?t?|pourra|pourrait)\s*,\s*a\s+la\s+majorite")


# a tally of a vote for and against, with its labels: "Pour : 14 – Contre : 0"
_FOR_AND_AGAINST = patterns.compile(r"\bpour\s*:\s*\d{1,3}\b[^\n]{0,40}?\bcontre\s*:\s*\d{1,3}\b")


# a tally whose figures OCR read as letters: "Pour : l1 - Contre : O" (1 as l, I or |, 0 as O)
_OCR_TALLY = patterns.compile(r"(?<![\p{L}])(?P<label>pour|contre|abstentions?)\s*[:=]\s*(?P<figure>[\dlio|]{1,3})(?![\p{L}\d])")
_OCR_DIGITS = str.maketrans("lio|", "1101")


@recogniser(PART, "tally-figures-read-as-letters",
            Case("Pour : l1 - Contre : O - Abstention : O", {"for": 11, "against": 0, "abstain": 0}),
            Case("POUR : 1O CONTRE : 2", {"for": 10, "against": 2}),
            Case("Pour : 12 - Contre : 0", None),
            Case("Pour : le maintien de l'école", None),
            Case("Contre : Oui", None))
def tally_figures_read_as_letters(text: str) -> Optional[dict]:
    """"Pour : l1 - Contre : O": a tally whose figures OCR read as letters; read, with doubt, only
    when some figure holds such a letter."""
    folded = fold(text)
    if not holds_any(folded, _COLON_OR_EQUALS):
        return None  # each label of _OCR_TALLY is followed by one (for speed)
    matches = list(_OCR_TALLY.finditer(folded))
    if not any(regex.search(r"[lio|]", m["figure"]) for m in matches):
        return None
    found: dict = {}
    for match in matches:
        key = {"pour": "for", "contre": "against"}.get(match["label"], "abstain")
        found.setdefault(key, int(match["figure"].translate(_OCR_DIGITS)))
    return found


# a vote on how to vote: "décide, à l'unanimité, de ne pas procéder au scrutin secret", "de voter
# à main levée": the item's own vote, if any, comes after it
_HOW_TO_VOTE = patterns.compile(
    r"(?:ne\s+pas|renonce\w*\s+a)\s+(?:proceder|recourir|voter)\s+(?:a\s+|au\s+)?(?:scrutin|vote|bulletins?)\s+(?:a\s+bulletins?\s+)?secrets?"
    r"|(?:proceder|voter)\s+(?:au\s+vote\s+|aux\s+(?:nominations|designations)\s+)?a\s+main\s+levee")


@recogniser(PART, "vote-on-how-to-vote",
            Case("Le Conseil municipal décide, à l'unanimité, de ne pas procéder au scrutin secret.", True),
            Case("le conseil accepte à l'unanimité de voter à main levée", True),
            Case("le conseil, à l'unanimité, approuve le vote à main levée des tarifs", None),
            Case("Il est procédé au vote à bulletin secret", None))
def vote_on_how_to_vote(text: str) -> Optional[bool]:
    """A vote on the manner of voting (no secret ballot, a show of hands): procedure, not the
    item's outcome when another vote follows."""
    folded = fold(text)
    if not holds_any(folded, _HOW_TO_VOTE_WORDS):
        return None
    return True if _HOW_TO_VOTE.search(folded) else None


# the word each way of _HOW_TO_VOTE ends with: a text without either is not scanned (for speed)
_HOW_TO_VOTE_WORDS = ("secret", "levee")


FIGURE_RECOGNISERS = [r for r in of_part(PART)  # in the order registered: the first reading of a figure wins
                      if r.name in ("votes-against-votes", "figures-before-words", "labels-over-figures",
                                    "labels-before-figures", "members-counted-by-their-vote", "initials-tally",
                                    "unanimity-counted", "adopted-by-votes")]

# A line that may state a vote: literal words first, the engine skips ahead to them.
SPEAKS_OF_A_VOTE = patterns.compile(
    r"\bvoix\b|unan\S?m|\bpour\b|\bcontre\b|abstention|\bvote\b|\bvotants?\b|scrutin|suffrages")
_TALLY_LINE = patterns.compile(r"^\s*(?:pour|contre|abstentions?|votants?|nuls?|blancs?|exprimes)\b")


_SENTENCE_GOES_ON = patterns.compile(r"(?:\b(?:par|avec|et|soit|a|des|de|la|s'etant|ayant)|\d|,)\s*$")
# a tally wrapped after a named dissent: "... 1 voix contre (M. SOULARD)" / "et 1 abstention (...)"
_TALLY_GOES_ON = patterns.compile(rf"^\s*(?:et\s+|,\s*)(?:{_NUMBER})\s+(?:(?:voix|votes?)\s+)?(?:abstentions?|contre|pour)\b")


def _goes_on(view: View, index: int, stop: int) -> bool:
    """Whether the sentence of the line at ``index`` goes on, on the next line ("... par 18" /
    "voix « Pour »...", "... contre (M. X)" / "et 1 abstention")."""
    after = index + 1
    if after >= stop or not view.folded_lines[after].strip() or _TALLY_LINE.match(view.folded_lines[after]):
        return False
    return bool(_sentence_goes_on(view.folded_lines[index]) or _TALLY_GOES_ON.match(view.folded_lines[after]))


# the longest word _SENTENCE_GOES_ON ends a line with ("s'etant"; the others, a figure or a comma, shorter)
_LONGEST_GOING_ON = len("s'etant")


def _sentence_goes_on(folded: str) -> Optional[regex.Match]:
    """``_SENTENCE_GOES_ON.search(folded)`` from where a match can start: its word ends the line
    but for spaces (which ``rstrip`` takes away, and more), so it starts within the last
    ``_LONGEST_GOING_ON`` characters before them; the engine still sees what stands before there
    (for ``\\b``).  For speed: tried at each character, the pattern cost more than the rest of the
    vote's reading."""
    return _SENTENCE_GOES_ON.search(folded, max(0, len(folded.rstrip()) - _LONGEST_GOING_ON))


def _under_labels(folded: str, labels: str, kind: regex.Pattern) -> bool:
    """Whether ``folded`` is a ``kind`` of line (a table's rule, its figures) under a row of labels."""
    return bool(kind.match(folded) and LABELS_ROW.match(fold(labels)))


def _statement(view: View, index: int, stop: int) -> tuple[str, int]:
    """The line at ``index`` and the tally lines under it, or the next line when the sentence
    goes on there; returns the text and the line after."""
    lines = [view.lines[index].text]
    cursor = index + 1
    if _goes_on(view, index, stop):
        return "\n".join(lines + [view.lines[cursor].text]), cursor + 1
    while cursor < stop and len(lines) < 5:
        folded = view.folded_lines[cursor]
        if not folded.strip() or _under_labels(folded, lines[-1], TABLE_RULE):
            cursor += 1
            continue
        if not (_TALLY_LINE.match(folded) or _under_labels(folded, lines[-1], FIGURES_ROW)):
            break
        lines.append(view.lines[cursor].text)
        cursor += 1
    return "\n".join(lines), cursor


#: why a vote's figures are in doubt when OCR confusions had to be undone to read them
OCR_FIGURES = N_("figures of the vote read through OCR confusions (l for 1, O for 0)")
#: why the figures of a vote cannot be added up to the voters
UNCOUNTED = N_("members who did not vote are counted without their names, or blank and spoilt ballots "
               "are not among the figures")

# members counted as not voting, without their names: "2 refus de vote", "3 conseillers ne
# prennent pas part au vote", "1 non-participation"
_COUNTED_NOT_VOTING = patterns.compile(
    rf"""(?x)(?<![\w/.,-]){_NUMBER}\s+(?:refus\s+de\s+vote|non[-\s]participations?
    |(?:(?:conseill(?:ers?|eres?)|membres?|elue?s?)\s+)?(?:ne\s+prennent\s+pas\s+part|ne\s+participent\s+pas
    |n'ont\s+pas\s+pris\s+part|n'ont\s+pas\s+participe)\s+au\s+vote)""")
# blank and spoilt ballots
_BLANKS = patterns.compile(r"\bbulletins?\s+(?:blancs?|nuls?)|\b(?:blancs?|nuls?)\s*(?:ou\s+nuls?\s*)?:\s*[1-9]"
                           r"|\bsuffrages\s+(?:declares\s+)?(?:blancs?|nuls?)")
# the voters and the votes cast, each stated: "Votants : 15 – Suffrages exprimés : 14"
_VOTERS = patterns.compile(r"\bvotants\s*:?\s*(?P<n>\d{1,3})\b")
_CAST = patterns.compile(r"\bexprimes\s*:?\s*(?P<n>\d{1,3})\b")


def _cast_short_of_voters(folded: str) -> bool:
    """Whether the votes cast and the abstentions stated fall short of the voters stated: blank or
    spoilt ballots made up the rest."""
    voters, cast = _VOTERS.search(folded), _CAST.search(folded)
    if not voters or not cast:
        return False
    abstaining = (_figures_read(folded) or {}).get("abstain") or 0
    return int(cast["n"]) + abstaining < int(voters["n"])


@recogniser(PART, "votes-that-do-not-add-up",
            Case("par 13 voix pour, 2 refus de vote, approuve", True),
            Case("3 conseillers ne prennent pas part au vote", True),
            Case("par 10 voix pour, 3 voix contre et 2 bulletins blancs, élit M. ROUX", True),
            Case("Votants : 15 – Suffrages exprimés : 14 – Pour : 14", True),
            Case("Votants : 18 – Exprimés : 16 – Pour : 16 – Contre : 0 – Abstentions : 2", None),
            Case("M. ROUX ne prend pas part au vote", None),
            Case("par 13 voix pour et 2 voix contre", None))
def votes_that_do_not_add_up(text: str) -> Optional[bool]:
    """Members counted as not voting without their names ("2 refus de vote"), or blank and spoilt
    ballots beside the votes: the figures read cannot be added up to the voters."""
    return _do_not_add_up(fold(text))


def _do_not_add_up(folded: str) -> Optional[bool]:
    counted_not_voting = holds_any(folded, _NOT_VOTING_WORDS) and _COUNTED_NOT_VOTING.search(folded)
    blanks = holds_any(folded, _BLANKS_WORDS) and _BLANKS.search(folded)
    return True if counted_not_voting or blanks or _cast_short_of_voters(folded) else None


# a word each way of _COUNTED_NOT_VOTING holds ("refus de vote", "non-participation", "au vote"),
# and of _BLANKS ("blancs", "nuls"): a text without any is not scanned with it (for speed)
_NOT_VOTING_WORDS = ("vote", "participation")
_BLANKS_WORDS = ("blanc", "nul")



def read_vote(view: View, first: int, stop: int) -> tuple[Vote, Optional[Span], Optional[str]]:
    """The outcome of the item on lines ``first`` to ``stop``: its first statement of a vote,
    and whether the item holds an election or a secret ballot; and why the vote is in doubt
    (``None`` when it is read surely)."""
    vote, span, doubt = _first_statement(view, first, stop)
    columns = None if vote.stated or first >= len(view.lines) else row_vote(view, first)
    if columns:  # a row of a list of deliberations whose last columns hold the votes
        vote, span = Vote(**columns), view.line_span(first)
    if not vote.stated:
        vote.outcome, span = _outcome_in_words(view, first, stop)
    # the item's lines joined (a sentence may wrap), folded: its lines' folded text, not folded again
    folded = " ".join(view.folded_lines[i] for i in range(first, stop))
    if _ballot(folded):
        vote.ballot = True
    if vote.for_ is not None and not doubt and _do_not_add_up(folded):
        doubt = UNCOUNTED
    return vote, span, doubt


def _outcome_in_words(view: View, first: int, stop: int) -> tuple[Optional[str], Optional[Span]]:
    """The first outcome the item writes in words without a count, and its line.  A point put
    off after the item decided something ("décide de lui allouer ...", then "ce projet est
    ajourné") is another point's, written inside this one."""
    for index in range(first, stop):
        outcome = outcome_in_words.read(view.lines[index].text)
        if outcome == "adjourned" and any(_DECIDED.search(view.folded_lines[i]) for i in range(first + 1, index)):
            continue
        if outcome:
            return outcome, view.line_span(index)
    return None, None


# a line where the council decides something
_DECIDED = patterns.compile(r"\b(?:decide|approuve|adopte|autorise|accepte|fixe|valide|designe|emet)n?t?\b")


def _figures_read(text: str) -> dict:
    """The figures of a vote statement, each from the first recogniser that reads it."""
    figures: dict = {}
    for recogniser_ in FIGURE_RECOGNISERS:
        for key, value in (recogniser_.read(text) or {}).items():
            figures.setdefault(key, value)
    return figures


def _tally_of_unanimity(view: View, index: int, stop: int) -> dict:
    """The tally written under a decision taken "à l'unanimité", a few lines further, at the end
    of the item ("Pour 9 / Abstention 0 / Contre 0"): its figures when they say the same (none
    against, none abstaining); a tally that says otherwise is another vote's, and is left."""
    seen = 0
    while index < stop and seen < 4:
        if not view.folded_lines[index].strip():
            index += 1
            continue
        if _TALLY_LINE.match(view.folded_lines[index]):
            figures = _figures_read(_statement(view, index, stop)[0])
            same = figures.get("for") is not None and not figures.get("against") and not figures.get("abstain")
            return figures if same else {}
        seen += 1
        index += 1
    return {}


#: why a vote read outside its item's text is in doubt
IN_THE_MARGIN = N_("the tally stands apart from the deliberation's text, in a box of the margin or the header")


def tally_before(view: View, first: int, stop: int) -> Optional[tuple[Vote, Span, str]]:
    """A tally of labels and figures ("Pour : 15" / "Contre : 0") standing before the one
    deliberation's heading, as a box in the margin flattened by the reader puts it: read, in
    doubt, for the deliberation whose own text states no vote."""
    for index in range(first, stop):
        if not _TALLY_LINE.match(view.folded_lines[index]):
            continue
        figures = labels_before_figures.read(_statement(view, index, stop)[0]) or {}
        if figures.get("for") is not None:
            return _vote(figures, False), view.line_span(index), IN_THE_MARGIN
    return None


def _reading(view: View, text: str, after: int, stop: int) -> Optional[tuple[dict, bool, Optional[str]]]:
    """The figures, the unanimity and the doubt a statement states, or None when it states no vote."""
    figures = _figures_read(text)
    damaged = {key: value for key, value in (tally_figures_read_as_letters.read(text) or {}).items()
               if key not in figures}
    figures.update(damaged)
    doubt = OCR_FIGURES if damaged else None
    unanimous = bool(unanimity.read(text))
    if unanimous and not figures:
        figures = _tally_of_unanimity(view, after, stop)
    if figures.get("for") is None and not unanimous and figures.get("against") is None:
        return None
    return figures, unanimous, doubt


def _vote(figures: dict, unanimous: bool) -> Vote:
    return Vote(unanimous=True if unanimous else (False if figures else None), for_=figures.get("for"),
                against=figures.get("against"), abstain=figures.get("abstain"))


def _first_statement(view: View, first: int, stop: int) -> tuple[Vote, Optional[Span], Optional[str]]:
    """The first statement of a vote in the item; a vote on how to vote ("de ne pas procéder au
    scrutin secret") only when no other statement follows it."""
    procedural = None
    index = first
    while index < stop:
        if not SPEAKS_OF_A_VOTE.search(view.folded_lines[index]):
            index += 1
            continue
        text, after = _statement(view, index, stop)
        reading = _reading(view, text, after, stop)
        if reading is not None and not vote_on_how_to_vote.read(text):
            return _vote(*reading[:2]), view.line_span(index), reading[2]
        if reading is not None and procedural is None:
            procedural = (reading, index)
        index = after if after > index else index + 1
    if procedural is not None:
        (figures, unanimous, doubt), index = procedural
        return _vote(figures, unanimous), view.line_span(index), doubt
    return Vote(), None, None
