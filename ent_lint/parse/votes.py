"""Votes: the outcome of one item, read from the first statement of a vote in that item.

An item may hold several votes (a tariff for children, then one for adults); the figures of one
statement are never mixed with another's, and votes are never added across items.  A
*statement* is the line that speaks of a vote and the lines of its tally just under it
("POUR : 21 / CONTRE : 0 / ABSTENTION : 0").  Each way of writing figures is a recogniser.
"""

from __future__ import annotations

from typing import Optional

import regex

from ..model import Span, Vote
from . import dates
from .recognisers import Case, of_part, recogniser
from .text import View, fold

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
_VOTES_AGAINST_VOTES = regex.compile(
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
    found = _figures(_VOTES_AGAINST_VOTES, text)
    return found if found and len(found) == 2 else None


# "adoptée par 14 voix", "Le Conseil, par 14 voix, approuve": so many votes for, the word "pour"
# left out; not "rejetée par 10 voix" (votes against) nor "élu par 9 voix" (a ballot)
_ADOPTED_BY_VOTES = regex.compile(
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
    return _figures(_ADOPTED_BY_VOTES, text)


# the word may stand in quotes: 15 voix « Pour », 2 « Abstention »
_Q = r"""(?:[«"']\s*)?"""
_AFTER = regex.compile(
    rf"""(?x)(?<![\w/.,-])
    (?:(?P<for>{_NUMBER})\s+(?P<voix>(?:voix|votes?)\s+)?{_Q}(?:pour\b|favorables?\b)
    | (?P<against>{_NUMBER})\s+(?:(?:voix|votes?)\s+)?{_Q}(?:contre\b|defavorables?\b)
    | (?P<abstain>{_NUMBER})\s+(?:(?:voix|votes?)\s+)?{_Q}abstentions?\b)""")


_LABEL_THEN_FIGURE = regex.compile(r"\b(?:pour|contre|abstentions?)\s*[:=]?\s*\d")


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
            Case("l'article 3 pour la durée", None),
            Case("POUR : 21 CONTRE : 0 ABSTENTION : 0", None),
            Case("Pour 8\n Abstention 1\n Contre 0", None),
            Case("le budget 2021 pour 3 ans", None))
def figures_before_words(text: str) -> Optional[dict]:
    """"14 voix pour", "DEUX voix POUR", "3 contre", "2 abstentions": each figure before its word.
    A bare "N pour" counts only beside a figure against or abstaining ("7 POUR / 3 ABSTENTIONS")."""
    folded = fold(text)
    label_first = _LABEL_THEN_FIGURE.search(folded)
    figure_first = _AFTER.search(folded)
    if label_first and (not figure_first or label_first.start() < figure_first.start()):
        return None  # "POUR : 21 CONTRE : 0": each figure is its label's, read the other way
    found = _figures(_AFTER, text)
    if found and "for" in found and not ("against" in found or "abstain" in found):
        if not any(m["voix"] for m in _AFTER.finditer(fold(text)) if m["for"]):
            del found["for"]
    return found or None


_LABELLED = regex.compile(
    r"""(?xm)(?:^\s*|[\s,;(/-])
    (?:pour\s*[:=]\s*(?P<for>\d{1,3}|neant|aucune?)\b
    | contre\s*[:=]?\s*(?P<against>\d{1,3}|neant|aucune?)\b
    | abstentions?\s*[:=]?\s*(?P<abstain>\d{1,3}|neant|aucune?)\b)
    |^\s*pour\s+(?P<for>\d{1,3})\s*(?:voix)?\s*$""")


@recogniser(PART, "labels-before-figures",
            Case("Pour : 14 - Contre : 0 - Abstention : 2", {"for": 14, "against": 0, "abstain": 2}),
            Case("POUR 21", {"for": 21}),
            Case("Contre : néant", {"against": 0}),
            Case("vote pour la commune de Flaux", None),
            Case("convention signée pour 3 ans", None))
def labels_before_figures(text: str) -> Optional[dict]:
    """"Pour : 14", "POUR 21", "Contre : néant": the word, then its figure (a tally table)."""
    return _figures(_LABELLED, text)


# "unanimité" as OCR damages it: a letter i or t read as ?, ï, 1, l, ! or |
_UNANIMOUS = regex.compile(
    r"\bunan[il1!|?]m[il1!|?][til1!|?]e\b|\bunanimement\b|\bunanime\b")
# the law quoted, or what the council may do: "peut décider, à l'unanimité, de ne pas ..."
_NOT_THIS_VOTE = regex.compile(
    r"(?:peu[tv]e?n?t?|doi[tv]e?n?t?|pourra|pourrait)\s+(?:\S+\s+){0,2}?(?:decider|voter|statuer)\b[^.]{0,30}$"
    r"|«[^»]*$")


@recogniser(PART, "unanimity",
            Case("Le conseil municipal, à l'unanimité, APPROUVE", True),
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
    unanimity that a quoted law or a "peut décider" lays down."""
    folded = fold(text)
    for match in _UNANIMOUS.finditer(folded):
        if not _NOT_THIS_VOTE.search(folded[:match.start()]):
            return True
    return None


_UNANIMOUS_COUNTED = regex.compile(
    r"\bunan[il1!|?]m[il1!|?][til1!|?]e\s+(?:des\s+(?:votants|suffrages(?:\s+exprimes)?|membres\s+presents)\s*)?"
    r"[(,:]?\s*(?:soit\s+)?(?P<for>\d{1,3})\s+voix\b")


@recogniser(PART, "unanimity-counted",
            Case("A L'UNANIMITE des votants (27 voix), 5 abstentions", {"for": 27}),
            Case("à l'unanimité des suffrages exprimés, soit 19 voix", {"for": 19}),
            Case("à l'unanimité (12 voix)", {"for": 12}),
            Case("à l'unanimité des 12 membres présents", None))
def unanimity_counted(text: str) -> Optional[dict]:
    """"à l'unanimité des votants (27 voix)": unanimity of those who voted, and how many."""
    match = _UNANIMOUS_COUNTED.search(fold(text))
    return {"for": int(match["for"])} if match else None


_BALLOT = regex.compile(r"(?:scrutin|bulletins?|vote)\s+secret|suffrages\s+exprimes\s*(?:[:=]|\d)|\bdepouillement"
                        r"|bulletins?\s+(?:blancs?|nuls?)|\belue?s?\s+(?:avec|par)\s+\d{1,3}\s+voix")
# a secret ballot the council decides not to hold: "de ne pas procéder au scrutin secret"
_NO_BALLOT = regex.compile(r"(?:\bne\s+pas|\bpas\s+de|\bsans|renonce\w*|\bnon)\s+(?:\S+\s+){0,3}$")


@recogniser(PART, "ballot",
            Case("Il est procédé au vote à bulletin secret", True),
            Case("Suffrages exprimés : 27", True),
            Case("M. Paul MARTIN est élu avec 15 voix", True),
            Case("Mme Anne ROUX, élue par 9 voix, est installée", True),
            Case("le vote est public", None),
            Case("à l'unanimité des suffrages exprimés (1 abstention)", None),
            Case("le conseil accepte de ne pas procéder au scrutin secret", None),
            Case("désignation sans vote à bulletin secret", None))
def ballot(text: str) -> Optional[bool]:
    """An election or a secret ballot: votes counted per candidate."""
    folded = fold(text)
    for match in _BALLOT.finditer(folded):
        if not _NO_BALLOT.search(folded[max(0, match.start() - 60):match.start()]):
            return True
    return None


# The outcome said in words, without a count: a participle on its own at the start of a line
# ("Adopté.", "Adopté à la majorité", "Adoptée, sauf par M. X qui s'abstient"), after "est"
# ("La proposition est rejetée"), the council accepting or rejecting "cette proposition", or
# "à la majorité" in the decision.  The accent tells the
# participle from the operative verb ("ADOPTE le budget"); a date or an act after it tells a
# reference to another decision ("approuvé par délibération du 12 mars").
_PARTICIPLE = r"(?P<outcome>adopt|approuv|rejet)é(?:e|es|s)?\b"
_OUTCOME = regex.compile(
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
        return None
    return "rejected" if match["outcome"] == "rejet" or match["accepts"] in ("rejette", "refuse") else "adopted"


# what the council may do, not what it did: "le conseil peut, à la majorité, décider"
_MAY = regex.compile(r"\b(?:peu[tv]e?n?t?|doi[tv]e?n?t?|pourra|pourrait)\s*,\s*a\s+la\s+majorite")


FIGURE_RECOGNISERS = [r for r in of_part(PART)  # in the order registered: the first reading of a figure wins
                      if r.name in ("votes-against-votes", "figures-before-words", "labels-before-figures",
                                    "unanimity-counted", "adopted-by-votes")]

# A line that may state a vote: literal words first, the engine skips ahead to them.
SPEAKS_OF_A_VOTE = regex.compile(
    r"\bvoix\b|unan\S?m|\bpour\b|\bcontre\b|abstention|\bvote\b|\bvotants?\b|scrutin|suffrages")
_TALLY_LINE = regex.compile(r"^\s*(?:pour|contre|abstentions?|votants?|nuls?|blancs?|exprimes)\b")


_SENTENCE_GOES_ON = regex.compile(r"(?:\b(?:par|avec|et|soit|a|des|de|la)|\d|,)\s*$")


def _statement(view: View, index: int, stop: int) -> tuple[str, int]:
    """The line at ``index`` and the tally lines under it, or the next line when the sentence
    goes on there ("... par 18" / "voix « Pour » et une « Abstention »"); returns the text and
    the line after."""
    lines = [view.lines[index].text]
    cursor = index + 1
    if cursor < stop and _SENTENCE_GOES_ON.search(view.folded_lines[index]) \
            and view.folded_lines[cursor].strip() and not _TALLY_LINE.match(view.folded_lines[cursor]):
        return "\n".join(lines + [view.lines[cursor].text]), cursor + 1
    while cursor < stop and len(lines) < 5:
        folded = view.folded_lines[cursor]
        if not folded.strip():
            cursor += 1
            continue
        if not _TALLY_LINE.match(folded):
            break
        lines.append(view.lines[cursor].text)
        cursor += 1
    return "\n".join(lines), cursor


def read_vote(view: View, first: int, stop: int) -> tuple[Vote, Optional[Span]]:
    """The outcome of the item on lines ``first`` to ``stop``: its first statement of a vote,
    and whether the item holds an election or a secret ballot."""
    vote, span = _first_statement(view, first, stop)
    if not vote.stated:
        vote.outcome, span = _outcome_in_words(view, first, stop)
    if ballot.read(" ".join(view.lines[i].text for i in range(first, stop))):  # a sentence may wrap
        vote.ballot = True
    return vote, span


def _outcome_in_words(view: View, first: int, stop: int) -> tuple[Optional[str], Optional[Span]]:
    """The first outcome the item writes in words without a count, and its line."""
    for index in range(first, stop):
        outcome = outcome_in_words.read(view.lines[index].text)
        if outcome:
            return outcome, view.line_span(index)
    return None, None


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


def _first_statement(view: View, first: int, stop: int) -> tuple[Vote, Optional[Span]]:
    vote = Vote()
    index = first
    while index < stop:
        folded = view.folded_lines[index]
        if not SPEAKS_OF_A_VOTE.search(folded):
            index += 1
            continue
        text, after = _statement(view, index, stop)
        figures = _figures_read(text)
        unanimous = unanimity.read(text)
        if unanimous and not figures:
            figures = _tally_of_unanimity(view, after, stop)
        if figures.get("for") is not None or unanimous or figures.get("against") is not None:
            vote.unanimous = True if unanimous else (False if figures else None)
            vote.for_ = figures.get("for")
            vote.against = figures.get("against")
            vote.abstain = figures.get("abstain")
            return vote, view.line_span(index)
        index = after if after > index else index + 1
    return vote, None
