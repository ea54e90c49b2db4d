"""An item's title under a heading that is only its number, written in sentence case.

"QUESTION N° 4" or "2021.03.12 - 5" alone on its line, then the title on the next lines: in
capitals it is read with the heading's own lines; in sentence case ("Mise en place d'une
commission des finances") it is the short paragraph under the number, when that paragraph is no
note, no rapporteur, no body of the deliberation and no outcome.
"""

from __future__ import annotations

from typing import Optional

from .. import patterns
from .items import OUTCOME
from .recognisers import Case, recogniser
from .text import fold

# The first words of what follows a number and is no title: the body, a rapporteur, a speaker.
_NOT_A_TITLE = patterns.compile(
    r"^\s*(?:vu\b|considerant|(?:le\s+|la\s+)?rapport(?:eur|rice)|monsieur|madame|mme\b|m\s|le\s+maire|la\s+maire"
    r"|le\s+conseil|la\s+commune|il\s+est|il\s+vous|apres\b|page\b|objet\b|expose|dans\s+le\s+cadre"
    r"|par\s+deliberation|en\s+application|conformement|suite\s+a|annexe)")
MOST_LINES = 3  # a longer paragraph is prose


@recogniser("item-title", "title-under-its-number",
            Case("Mise en place d'une commission des finances", "Mise en place d'une commission des finances"),
            Case("Travaux de voirie : Approbation du marché", "Travaux de voirie : Approbation du marché"),
            Case("Musée : tarifs des visites guidées :", "Musée : tarifs des visites guidées"),
            Case("(Madame DURAND quitte la séance)", None),
            Case("Rapporteur : Monsieur LEBRUN", None),
            Case("Le conseil municipal, après en avoir délibéré, décide de fixer les tarifs", None),
            Case("Vu le code général des collectivités territoriales ;", None),
            Case("Il est proposé au conseil de fixer les tarifs suivants.", None),
            Case("Adopté à l'unanimité", None))
def title_under_number(text: str) -> Optional[str]:
    """The title a short paragraph under a number gives: it begins with a capital, is no sentence
    (it ends with no full stop, comma or semicolon) and no outcome; None otherwise."""
    stripped = " ".join(text.split())
    folded = fold(stripped)
    if not 4 <= len(stripped) <= 200 or not (stripped[:1].isupper() or stripped[:1] in "«\""):
        return None
    if stripped.endswith((".", ",", ";")) or _NOT_A_TITLE.match(folded) or OUTCOME.search(folded):
        return None
    return stripped.rstrip(" :")


def paragraph_title(lines: list[str]) -> Optional[str]:
    """The title the paragraph ``lines`` (its non-blank lines, one more than it may hold if it
    goes on) gives under a number, or None.  The body may follow the title with no blank line
    between: the paragraph stops at the line where the body begins ("Le conseil municipal, …")."""
    body = next((i for i, line in enumerate(lines) if i and (_NOT_A_TITLE.match(fold(line)) or OUTCOME.search(fold(line)))),
                None)
    if body is not None:
        lines = lines[:body]
    if not lines or len(lines) > MOST_LINES:
        return None
    return title_under_number.read(" ".join(lines))


# what opens a line that is no title's end: the body, a list, a figure, a new sentence
_NOT_GOING_ON = patterns.compile(r"^\s*(?:vu\b|considerant|apres\b|[-–•*]|\d|\()")


@recogniser("item-title", "title-goes-on",
            Case("relative à la compétence eau potable", "relative à la compétence eau potable"),
            Case("départemental de soutien aux communes rurales", "départemental de soutien aux communes rurales"),
            Case("le conseil municipal, après en avoir délibéré, approuve", None),
            Case("Le conseil municipal approuve", None),
            Case("- d'approuver la convention", None),
            Case("vu le code général des collectivités territoriales", None))
def title_goes_on(text: str) -> Optional[str]:
    """The line that ends a title wrapped after a word: it opens in lower case and is neither the
    body (an outcome, "vu", "considérant"), nor a list's entry."""
    stripped = " ".join(text.split())
    folded = fold(stripped)
    if not 3 <= len(stripped) <= 120 or not stripped[:1].islower():
        return None
    if _NOT_GOING_ON.match(folded) or OUTCOME.search(folded) or _NOT_A_TITLE.match(folded):
        return None
    return stripped.rstrip(" :.")
