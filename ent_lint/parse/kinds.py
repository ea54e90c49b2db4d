"""The kind of a document: an extract of the register, minutes, a list of deliberations, a
convention, or something else.

The document names itself in its first lines ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS",
"PROCÈS-VERBAL DE LA SÉANCE", "Liste des délibérations examinées"); each way of naming is a
recogniser.  A document that does not name itself is judged by what was read in it.
"""

from __future__ import annotations

from typing import Optional

import regex

from ..model import Document
from .recognisers import Case, of_part, recogniser
from .text import View, fold

PART = "document-kind"
HEAD_LINES = 40


def _search(pattern: regex.Pattern, text: str) -> Optional[str]:
    """The pattern in a line that reads as a title: short, not a sentence, the words near its
    start."""
    folded = fold(text).strip()
    if len(folded) > 110 or folded.endswith(".") and len(folded) > 40:
        return None
    match = pattern.search(folded)
    return match[0] if match and match.start() <= 40 else None


_LIST = regex.compile(r"\bliste\s+des\s+(?:deliberations|actes)\b")


@recogniser(PART, "list",
            Case("LISTE DES DÉLIBÉRATIONS EXAMINÉES PAR LE CONSEIL MUNICIPAL", "list"),
            Case("Liste des actes de la séance du 3 mai 2024", "list"),
            Case("la liste des délibérations sera affichée sur le panneau de la mairie à compter de demain.", None))
def named_list(text: str) -> Optional[str]:
    """"Liste des délibérations": the list posted after the sitting (L2121-25)."""
    return "list" if _search(_LIST, text) else None


_EXTRACT = regex.compile(
    r"\bextrait\s+(?:du|des)\s+(?:registre|proces|deliberations?)|\bregistre\s+des\s+deliberations"
    r"|^\s*deliberations?\s+du\s+(?:conseil|bureau)(?!\s+\w+\s+n\s*[°o])")


@recogniser(PART, "extract",
            Case("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "extract"),
            Case("DELIBERATION du CONSEIL MUNICIPAL", "extract"),
            Case("Délibération n° 2023-45", None),
            Case("délibération du conseil municipal n° 2024-012 du 18 mars 2024, ci-après dénommée", None),
            Case("le conseil municipal a pris la délibération suivante", None))
def named_extract(text: str) -> Optional[str]:
    """"Extrait du registre des délibérations", "Délibération du conseil municipal"."""
    return "extract" if _search(_EXTRACT, text) else None


_MINUTES = regex.compile(r"\bproces[\s-]*verbal|\bcompte[\s-]*rendu|^\s*pv\s+(?:du|de\s+la)\b")


@recogniser(PART, "minutes",
            Case("PROCES VERBAL DE LA RÉUNION DU CONSEIL MUNICIPAL", "minutes"),
            Case("Compte rendu du conseil municipal du 8 juin 2020", "minutes"),
            Case("PV du conseil communautaire", "minutes"),
            Case("Le compte rendu de la séance précédente est adopté à l'unanimité par les membres présents.", None))
def named_minutes(text: str) -> Optional[str]:
    """"Procès-verbal", "compte rendu": the record of a whole sitting."""
    return "minutes" if _search(_MINUTES, text) else None


# A municipal bulletin or magazine: it names itself, or runs a rubric's banner across its pages,
# the rubric repeated between bullets ("Vie municipale • Vie municipale • ...").
_BULLETIN = regex.compile(
    r"\b(?:bulletin|journal|magazine|lettre)\s+(?:municipal|communal|d'information|d'informations)"
    r"|\binfos?\s+municipales\b")
_BANNER = regex.compile(r"^\s*(?P<rubric>\p{L}[^•·]{3,40}?)\s*(?:[•·]\s*(?P=rubric)\s*){2,}[•·]?\s*$")


@recogniser(PART, "bulletin",
            Case("Vie municipale • Vie municipale • Vie municipale", "other"),
            Case("BULLETIN MUNICIPAL N° 112 - PRINTEMPS 2014", "other"),
            Case("Vie municipale • Travaux • Vie associative", None),
            Case("le bulletin municipal paraîtra en juin, comme chaque année depuis la fusion des deux communes.",
                 None))
def bulletin(text: str) -> Optional[str]:
    """A municipal bulletin: not a record of the sitting, whatever it reports of it."""
    folded = fold(text)
    return "other" if _BANNER.match(folded) or _search(_BULLETIN, text) else None


_CONVENTION = regex.compile(r"^\s*(?:projet\s+de\s+)?(?:convention|contrat|avenant)\b")


@recogniser(PART, "convention",
            Case("CONVENTION DE MISE À DISPOSITION D'UN LOCAL COMMUNAL", "convention"),
            Case("Avenant n° 2 à la convention de partenariat", "convention"),
            Case("Convention signée le 3 mars, la commune s'engage à verser la somme prévue à l'article 4.", None))
def named_convention(text: str) -> Optional[str]:
    """"CONVENTION DE ...", "Avenant n° 2 à la convention": a convention that opens the document
    (one annexed to an extract comes after the extract's own title)."""
    return "convention" if _search(_CONVENTION, text) else None


KIND_RECOGNISERS = [r for r in of_part(PART) if r.name != "convention"]


def head_lines(view: View) -> list[tuple[int, str]]:
    """The first non-blank lines of the document, where it names itself."""
    found = []
    for index, line in enumerate(view.lines):
        if line.text.strip():
            found.append((index, line.text))
            if len(found) >= HEAD_LINES:
                break
    return found


def _runs_a_banner(view: View) -> bool:
    return any(_BANNER.match(fold(line.text)) for line in view.lines)


def document_kind(view: View, document: Document) -> tuple[str, Optional[int]]:
    """The kind, and the line where the document names itself (None when judged by content).
    A bulletin's banner may stand anywhere on its pages."""
    if _runs_a_banner(view):
        return "other", None
    opening = head_lines(view)[:3]
    named_otherwise = any(r.read(text) for r in KIND_RECOGNISERS for _index, text in opening)
    for index, text in opening:
        if not named_otherwise and named_convention.read(text):
            return "convention", index
    for recogniser_ in KIND_RECOGNISERS:
        for index, text in head_lines(view):
            if len(text) <= 160 and recogniser_.read(text):
                return recogniser_.read(text), index
    if document.conventions and not document.deliberations:
        return "convention", None
    if len(document.deliberations) >= 2:
        return "minutes", None
    if document.deliberations:
        return "extract", None
    return "other", None
