"""The secretary of the sitting named in a sentence (the label "Secrétaire de séance : X" is read
with the attendance lists).

Councils write it many ways: "Mme X a été désignée secrétaire de séance", "X est nommé
secrétaire", "A été élue secrétaire de séance : Mme X", "Monsieur le Maire propose la candidature
de X en qualité de secrétaire", "le conseiller le plus jeune, à savoir X".  Each is a recogniser
that gives where the name stands; the name and its verb stand on one line.
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from .recognisers import Case, of_part, recogniser
from .text import fold

PART = "secretary"

# a name, with or without civility, surname first or last, on the same line as what follows it
_NAME = r"(?P<who>[^\s,;:()\n][^,;:()\n]{1,58}?)"
_CHOSEN = r"(?:elue?|designee?|nommee?|choisie?|desigee?)(?:\s*\(e\))?"

_NAMED_THEN_VERB = patterns.compile(
    rf"(?m)(?:^|[.;:]\s+|,\s+){_NAME}(?:,[^,\n]{{0,80}},)?[ \t]+(?:(?:a|2)[ \t]+)?(?:ete|est|fut)[ \t]+{_CHOSEN}"
    r"[ \t]+(?:(?:pour\s+remplir\s+(?:les|ces)\s+fonctions)|(?:comme\s+|en\s+qualite\s+de\s+|en\s+tant\s+que\s+)?secretaire)")
_VERB_THEN_NAMED = patterns.compile(
    rf"(?:a\s+ete|est|sont)\s+{_CHOSEN}s?\s+secretaires?(?:\s+de\s+(?:la\s+)?seance)?\s*:\s*(?P<who>[^\n,;]{{2,60}})")
_CANDIDATE = patterns.compile(
    r"candidature\s+de\s+(?P<who>[^,\n]{2,60}?)\s*,?\s*(?:\n\s*)?(?:en\s+qualite\s+de|comme|pour\s+(?:etre|remplir))"
    r"\s+(?:les\s+fonctions\s+de\s+)?secretaire")
_NAMELY = patterns.compile(
    r"secretaire\s+de\s+seance[^.\n]{0,60}?,?\s*(?:a\s+savoir|en\s+la\s+personne\s+de)\s+(?P<who>[^\n,;.]{2,60})")


def _where(pattern: regex.Pattern):
    def read(folded: str) -> Optional[tuple[int, int]]:
        match = pattern.search(folded)
        return (match.start("who"), match.end("who")) if match else None
    return read


def _case_text(text: str, where: Optional[tuple[int, int]]) -> Optional[str]:
    return text[where[0]:where[1]] if where else None


@recogniser(PART, "named-then-chosen",
            Case("Mme Trefina KERRAIN a été désignée secrétaire de séance.", "Mme Trefina KERRAIN"),
            Case("Monsieur Philippe VINÇON été nommé secrétaire de séance", "Monsieur Philippe VINÇON"),
            Case("M. PERRAUD est désigné(e) en tant que secrétaire de séance", "M. PERRAUD"),
            Case("Désignation du secrétaire de séance : Mme Léa GUIVARC'H est désignée secrétaire de séance",
                 "Mme Léa GUIVARC'H"),
            Case("pouvoir donné à M. Georges LECLEVE\nA été élu secrétaire de séance : M. Thierry FAVREAU", None))
def named_then_chosen(text: str) -> Optional[str]:
    """"X a été désignée secrétaire de séance", "X est nommé secrétaire"."""
    return _case_text(text, _where(_NAMED_THEN_VERB)(fold(text)))


@recogniser(PART, "chosen-then-named",
            Case("A été élu secrétaire de séance : M. Thierry FAVREAU", "M. Thierry FAVREAU"),
            Case("A été élue secrétaire de séance : Mme Régine CORMIER.", "Mme Régine CORMIER."),
            Case("Le secrétaire de séance sera désigné", None))
def chosen_then_named(text: str) -> Optional[str]:
    """"A été élu secrétaire de séance : M. X"."""
    return _case_text(text, _where(_VERB_THEN_NAMED)(fold(text)))


@recogniser(PART, "candidature",
            Case("Monsieur le Maire propose la candidature de Michel VAILLIES, en qualité de\nsecrétaire",
                 "Michel VAILLIES"),
            Case("propose la candidature de Mr VINCON en qualité de secrétaire", "Mr VINCON"),
            Case("la candidature de M. DUPONT au conseil d'administration", None))
def candidature(text: str) -> Optional[str]:
    """"Le Maire propose la candidature de X en qualité de secrétaire"."""
    return _case_text(text, _where(_CANDIDATE)(fold(text)))


@recogniser(PART, "namely",
            Case("la nomination d'un secrétaire de séance, le conseiller le plus jeune, à savoir Anne LE GUEN",
                 "Anne LE GUEN"),
            Case("le secrétaire de séance lit le procès-verbal", None))
def namely(text: str) -> Optional[str]:
    """"secrétaire de séance ..., à savoir X", "en la personne de X"."""
    return _case_text(text, _where(_NAMELY)(fold(text)))


_FILLS = patterns.compile(r"(?P<who>[^,\n]{2,60}?),?[^,\n]{0,60}?,?\s+remplit\s+les\s+fonctions\s+de\s+secretaire")


@recogniser(PART, "fills-the-office",
            Case("Mme Anne ROUX, benjamine de l'assemblée, remplit les fonctions de secrétaire",
                 "Mme Anne ROUX"),
            Case("le secrétaire remplit les fonctions prévues", None))
def fills_the_office(text: str) -> Optional[str]:
    """"X remplit les fonctions de secrétaire"."""
    return _case_text(text, _where(_FILLS)(fold(text)))


# the election the CGCT prescribes, in its customary words, the sentence often wrapped: "Il a été
# procédé (…) à l'élection d'un secrétaire pris dans le sein du conseil.  Mme X ayant obtenu la
# majorité des suffrages, a été désignée pour remplir ces fonctions qu'elle a acceptées."
_WON_THE_MAJORITY = patterns.compile(
    r"(?:^|[.;:]\s+|,\s+)(?P<who>(?:(?:m|mme|mlle|mr)\.?\s*|monsieur\s+|madame\s+)?(?:\p{L}\.(?:-\p{L}\.)?\s*)?"
    r"[^.,;:()\n]{2,58}?)\s*,?\s+ayant\s+obtenu\s+(?:la\s+|l')?(?:majorite|unanimite)"
    r"(?:\s+(?:absolue|relative))?(?:\s+des\s+(?:suffrages|voix)(?:\s+exprimes)?)?\s*,?"
    r"\s+(?:(?:a|2)\s+)?(?:ete|est|fut)\s+(?:elue?|designee?|nommee?|proclamee?)(?:\s*\(e\))?"
    r"\s+(?:pour\s+remplir\s+(?:les|ces)\s+fonctions|(?:comme\s+|en\s+qualite\s+de\s+)?secretaire)")


@recogniser(PART, "won-the-majority",
            Case("pris dans le sein du conseil. Mme Odile FABRE ayant obtenu la majorité\ndes suffrages, a été "
                 "désignée pour remplir ces fonctions qu'elle a acceptées.", "Mme Odile FABRE"),
            Case("M. SOULIÉ ayant obtenu l'unanimité des suffrages, a été désigné secrétaire de séance",
                 "M. SOULIÉ"),
            Case("M. Paul ROUX ayant obtenu la majorité des suffrages, a été élu maire", None))
def won_the_majority(text: str) -> Optional[str]:
    """"X ayant obtenu la majorité des suffrages, a été désigné pour remplir ces fonctions"."""
    return _case_text(text, _where(_WON_THE_MAJORITY)(fold(text)))


SECRETARY_RECOGNISERS = of_part(PART)
_FINDERS = [_where(p) for p in (_VERB_THEN_NAMED, _NAMED_THEN_VERB, _CANDIDATE, _NAMELY, _FILLS, _WON_THE_MAJORITY)]


def secretary_in(folded: str) -> Optional[tuple[int, int]]:
    """Where the secretary's name stands in a sentence of this folded text, if one names it."""
    if "secretaire" not in folded and "fonctions" not in folded:
        return None  # every finder reads one of these words (a cheap test before six patterns: for speed)
    for find in _FINDERS:
        where = find(folded)
        if where:
            return where
    return None


def names_a_secretary(folded: str) -> bool:
    return secretary_in(folded) is not None


# a sentence about choosing the secretary, whatever its words: "il est procédé à l'élection du
# secrétaire", "désignation du secrétaire de séance : le conseil désigne …"
_CHOOSING = patterns.compile(
    r"(?:elu|elue|elire|design\w*|nomm\w*|election|choisi\w*|candidat\w*|procede)[^.\n]{0,80}?secretaire"
    r"|secretaire[^.\n]{0,80}?(?:elu|elue|design\w*|nomm\w*|choisi\w*|fonctions)")


@recogniser(PART, "choosing-mentioned",
            Case("Il a été procédé à l'élection d'un secrétaire pris dans le sein du conseil.", True),
            Case("Le conseil désigne à l'unanimité comme secrétaire la benjamine, Léa, qui accepte", True),
            Case("Le Maire,          Le secrétaire de séance,", None))
def choosing_mentioned(text: str) -> Optional[bool]:
    """A sentence about choosing the secretary: where no name is read from it, the secretary is
    in doubt, not missing."""
    return True if _CHOOSING.search(fold(text)) else None
