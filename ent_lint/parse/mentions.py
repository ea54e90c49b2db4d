"""Mentions at the end of an act: when it was transmitted to the State's representative and when
it was published, as the mayor certifies them ("Certifié exécutoire compte tenu de la
transmission en préfecture le … et de la publication le …", "Reçu en sous-préfecture le : …",
"Publié sur le site internet de la commune le …").

Each way of writing a mention is a pattern that ends where its date begins; the recognisers below
read the date's words after it, for their cases.  The parser looks for them after the attendance
and takes the first date that follows each.
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from .recognisers import Case, recogniser
from .text import fold

PART = "mention"

TRANSMITTED = patterns.compile(
    r"(?:transmise?\s+(?:en|a\s+la)\s+(?:prefecture|sous-prefecture)|recue?\s+en\s+(?:sous-)?prefecture"
    r"|accuse\s+de\s+reception\s+(?:en\s+)?prefecture|date\s+de\s+(?:tele)?transmission"
    r"|transmission\s+(?:au\s+controle\s+de\s+legalite|en\s+prefecture)|depot\s+en\s+(?:sous-)?prefecture"
    # "Transmis au représentant de l'État le", "télétransmise au contrôle de légalité le"
    r"|(?:tele)?transmise?\s+(?:au\s+(?:representant\s+de\s+l'etat|controle\s+de\s+legalite|(?:sous-)?prefet)"
    r"|a\s+la\s+(?:sous-)?prefecture))"
    r"\s*(?:le)?\s*:?\s*")
PUBLISHED = patterns.compile(
    r"(?:publiee?(?:\s+ou\s+notifiee?|\s+(?:sur|au|dans)\s+[^\n.:]{3,60}?(?=\s+le\b))?"  # "Publié sur le site … le"
    r"|affichee?|mise?\s+en\s+ligne|date\s+de\s+(?:publication|mise\s+en\s+ligne|l'affichage)"
    r"|executoire\b[^.]{0,160}?\bpublication)"  # "rendu exécutoire après dépôt ... et publication le", over two lines
    r"\s*(?:le|du)?\s*:?\s*")

_DATE_WORDS = patterns.compile(r"\s*(?P<date>\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})")


def _date_after(pattern: regex.Pattern, text: str) -> Optional[str]:
    folded = fold(text)
    for match in pattern.finditer(folded):
        date = _DATE_WORDS.match(folded, match.end())
        if date:
            return text[date.start("date"):date.end("date")]
    return None


@recogniser(PART, "transmitted",
            Case("Transmis au représentant de l'État le 26/09/2024", "26/09/2024"),
            Case("Reçu en sous-préfecture le : 07/03/2024", "07/03/2024"),
            Case("Acte rendu exécutoire après dépôt en préfecture le 16/10/2023", "16/10/2023"),
            Case("la délibération sera transmise au représentant de l'État", None))
def transmitted(text: str) -> Optional[str]:
    """The date the act was transmitted to the State's representative (prefecture)."""
    return _date_after(TRANSMITTED, text)


@recogniser(PART, "published",
            Case("Publié ou notifié le : 08/03/2024", "08/03/2024"),
            Case("Publié sur le site internet de la commune le 26/09/2024", "26/09/2024"),
            Case("Certifié exécutoire compte tenu de la transmission en Préfecture le 22/01/2024\n"
                 "et de la publication le 23/01/2024.", "23/01/2024"),
            Case("Affichée le 16 décembre 2022.", "16 décembre 2022"),
            Case("le compte rendu sera publié sur le site. Le 3 mars, la commission", None))
def published(text: str) -> Optional[str]:
    """The date the act was published (posted, put online)."""
    return _date_after(PUBLISHED, text)
