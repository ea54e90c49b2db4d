"""The line that opens an item's report: the member who presents it to the council.

Minutes that give their items no number often open each one with its title and, right under it,
the member who reports on it ("Madame X donne lecture du rapport suivant :", "Rapporteur : M.
X", "Sur le rapport de Monsieur X").  That line marks the title above it as an item heading,
whatever its case, and tells it apart from the sections of a report (budget tables under
headings in capitals), which no member introduces.
"""

from __future__ import annotations

from typing import Optional

from .. import patterns
from .recognisers import Case, recogniser
from .text import fold, holds_any

PART = "report-opening"

_CIVILITY = r"(?:m\.|mm\.|mme|mmes|mlle|monsieur|madame|mr|messieurs|mesdames)"
_REPORT = patterns.compile(
    rf"""(?x)^\s*(?:
      {_CIVILITY}\s+[^,;:\n]{{2,60}}?(?:,[^,;:\n]{{2,60}},)?\s+
        (?:donne\s+lecture\s+(?:du|de\s+son|d'un)\s+rapport|presente\s+(?:le|son)\s+(?:rapport|projet|dossier))\b
    | rapporteure?s?\s*:\s*(?:{_CIVILITY}\s+)?\p{{L}}
    | sur\s+le\s+rapport\s+de\s+{_CIVILITY}\s+\p{{L}}
    )""")


@recogniser(PART, "report-opening",
            Case("Madame LEBRUN donne lecture du rapport suivant :", True),
            Case("M. le Maire donne lecture du rapport de la commission :", True),
            Case("Monsieur PETIT, adjoint aux finances, donne lecture de son rapport.", True),
            Case("Mme Claire ROY présente le rapport suivant", True),
            Case("M. GARNIER présente le dossier :", True),
            Case("Rapporteur : M. Jean DUVAL", True),
            Case("Rapporteure : Anne MOREL", True),
            Case("Sur le rapport de Monsieur le Maire,", True),
            Case("Le Maire donne lecture du courrier de la Préfecture.", None),
            Case("Monsieur DUVAL donne lecture du rapport annuel du SIVOM sur l'eau.", True),
            Case("Monsieur le Maire rappelle le rapport de la commission d'appel d'offres.", None),
            Case("Le rapport de la commission est adopté.", None),
            Case("Rapporteur :", None))
def report_opening(text: str) -> Optional[bool]:
    """"Madame X donne lecture du rapport suivant :", "Rapporteur : M. X", "Sur le rapport de
    Monsieur X": a member presents the item whose title stands above."""
    folded = fold(text)
    return True if holds_any(folded, _REPORT_WORDS) and _REPORT.match(folded) else None


# the word each way of _REPORT ends on: a line without any is not matched (for speed)
_REPORT_WORDS = ("rapport", "projet", "dossier")
