"""Where an item's decision is written: the sentence by which the council decides.

It is the place a vote's outcome belongs ("Le conseil municipal, après en avoir délibéré, à
l'unanimité, APPROUVE..."), so a rule that finds no outcome points there rather than at the
heading.  Councils write it many ways: the operative verb in capitals at the start of a line
("APPROUVE le projet"), "le conseil municipal [, après en avoir délibéré,] désigne / accepte...",
or a subject elsewhere and "après (en) avoir délibéré, accepte et propose...".  Each is a
recogniser that gives where the sentence stands; the first found in the item is kept.
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from .recognisers import Case, of_part, recogniser
from .text import fold

PART = "decision"

# third person present of the verbs a council decides with (folded: lower case, no accents)
_VERB = (r"(?:approuve|autorise|decide|adopte|accepte|designe|fixe|valide|accorde|attribue|emet"
         r"|donne|charge|sollicite|opte|elit|arrete|confirme|propose|retient|refuse|prend\s+acte"
         r"|enterine|renouvelle|vote|precise|declare|cree|dit)(?:nt)?\b")
_COUNCIL = r"le\s+conseil(?:\s+(?:municipal|communautaire|syndical|d'administration))?"
_HAVING_DELIBERATED = r"apres\s+(?:en\s+)?avoir\s+(?:entendu\s+[^,\n]{1,60},?\s*)?delibere"
_CLAUSE = r"(?:\s*,?\s*(?:" + _HAVING_DELIBERATED + r"|a\s+l'unanimite|par\s+\d{1,3}\s+voix[^,\n]{0,60}))"

_COUNCIL_VERB = patterns.compile(rf"\b{_COUNCIL}{_CLAUSE}{{0,3}}\s*,?\s+{_VERB}")
_DELIBERATED_VERB = patterns.compile(rf"\b{_HAVING_DELIBERATED}\s*,?\s+(?:et\s+)?{_VERB}")
# the operative verb in capitals at the start of a line (read on the text as written)
_CAPITAL_VERB = patterns.compile(
    r"(?m)^[ \t]*(?:[-–•][ \t]*)?(?:APPROUVE|AUTORISE|D[ÉE]CIDE|ADOPTE|ACCEPTE|D[ÉE]SIGNE|FIXE|VALIDE"
    r"|ACCORDE|ATTRIBUE|[ÉE]MET|DONNE|CHARGE|SOLLICITE|[ÉE]LIT|ARR[ÊE]TE|CONFIRME|PREND\s+ACTE)\b")


def _folded(pattern: regex.Pattern):
    def where(text: str) -> Optional[tuple[int, int]]:
        match = pattern.search(fold(text))
        return match.span() if match else None
    return where


def _as_written(pattern: regex.Pattern):
    def where(text: str) -> Optional[tuple[int, int]]:
        match = pattern.search(text)
        return match.span() if match else None
    return where


def _case_text(text: str, where: Optional[tuple[int, int]]) -> Optional[str]:
    return " ".join(text[where[0]:where[1]].split()) if where else None


@recogniser(PART, "council-decides",
            Case("Le conseil municipal, après en avoir délibéré, désigne M. Paul ROY",
                 "Le conseil municipal, après en avoir délibéré, désigne"),
            Case("Le Conseil Municipal décide d'acquérir la parcelle", "Le Conseil Municipal décide"),
            Case("Le conseil communautaire, à l'unanimité, approuve le rapport",
                 "Le conseil communautaire, à l'unanimité, approuve"),
            Case("le conseil municipal avait décidé en 2019 de vendre le terrain", None),
            Case("Le conseil municipal de la commune voisine", None))
def council_decides(text: str) -> Optional[str]:
    """"Le conseil municipal [, après en avoir délibéré,] désigne / décide / accepte..."."""
    return _case_text(text, _folded(_COUNCIL_VERB)(text))


@recogniser(PART, "deliberated-then-verb",
            Case("La commune, après avoir délibéré, accepte et propose M. Luc PIN",
                 "après avoir délibéré, accepte"),
            Case("Après en avoir délibéré, adopte le budget", "Après en avoir délibéré, adopte"),
            Case("Après en avoir délibéré,\nVu le code général des collectivités territoriales", None))
def deliberated_then_verb(text: str) -> Optional[str]:
    """"…, après (en) avoir délibéré, accepte…" (the subject written before)."""
    return _case_text(text, _folded(_DELIBERATED_VERB)(text))


@recogniser(PART, "capital-verb",
            Case("APPROUVE le compte administratif 2023", "APPROUVE"),
            Case("- AUTORISE le Maire à signer la convention", "- AUTORISE"),
            Case("Il approuve le compte administratif", None))
def capital_verb(text: str) -> Optional[str]:
    """The operative verb in capitals opening a line: "APPROUVE …", "- AUTORISE …"."""
    return _case_text(text, _as_written(_CAPITAL_VERB)(text))


# each recogniser's pattern, and whether it reads the folded text (else the text as written)
_WHERE = {"council-decides": (_COUNCIL_VERB, True), "deliberated-then-verb": (_DELIBERATED_VERB, True),
          "capital-verb": (_CAPITAL_VERB, False)}


def decision_at(text: str, folded: Optional[str] = None) -> Optional[tuple[int, int]]:
    """Where the first decision sentence of ``text`` (one item's text) stands, by any recogniser;
    ``None`` when the item writes none.  ``folded``: the text folded, when the caller has it."""
    folded = fold(text) if folded is None else folded
    found = []
    for pattern, on_folded in (_WHERE[r.name] for r in DECISION_RECOGNISERS):
        match = pattern.search(folded if on_folded else text)
        if match:
            found.append(match.span())
    return min(found) if found else None


DECISION_RECOGNISERS = of_part(PART)
