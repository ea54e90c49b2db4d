"""An item's title under a heading that is only its number, written in sentence case.

"QUESTION N° 4" or "2021.03.12 - 5" alone on its line, then the title on the next lines: in
capitals it is read with the heading's own lines; in sentence case ("Mise en place d'une
commission des finances") it is the short paragraph under the number, when that paragraph is no
note, no rapporteur, no body of the deliberation and no outcome.
"""

from __future__ import annotations

from typing import Optional

import regex

from .items import OUTCOME
from .recognisers import Case, recogniser
from .text import fold

# The first words of what follows a number and is no title: the body, a rapporteur, a speaker.
_NOT_A_TITLE = regex.compile(
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
    goes on) gives under a number, or None."""
    if not lines or len(lines) > MOST_LINES:
        return None
    return title_under_number.read(" ".join(lines))
