"""The kind of a document: an extract of the register, minutes, a list of deliberations, a
convention, or something else.

The document names itself in its first lines ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS",
"PROCÈS-VERBAL DE LA SÉANCE", "Liste des délibérations examinées"); each way of naming is a
recogniser.  A document that does not name itself is judged by what was read in it.
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from ..model import Document
from .recognisers import Case, Recogniser, of_part, recogniser
from .text import View, fold, holds_any

PART = "document-kind"
HEAD_LINES = 40


def _search(pattern: regex.Pattern, text: str, words: tuple[str, ...]) -> Optional[str]:
    """The pattern in a line that reads as a title: short, not a sentence, the words near its
    start.  ``words``: every match of the pattern holds one of them (``NAME_WORDS`` beside each
    pattern ``NAME``); a line without any is not searched (for speed: a document's first lines
    are tried by a dozen of these patterns)."""
    folded = fold(text).strip()
    if len(folded) > 110 or folded.endswith(".") and len(folded) > 40 or not holds_any(folded, words):
        return None
    match = pattern.search(folded)
    return match[0] if match and match.start() <= 40 else None


_LIST = patterns.compile(r"\bliste\s+des\s+(?:deliberations|actes)\b"
                         r"|^\s*(?:releve|recapitulatif|tableau)\s+des?\s+(?:decisions|deliberations)\b")
_LIST_WORDS = ("liste", "releve", "recapitulatif", "tableau")


@recogniser(PART, "list",
            Case("LISTE DES DÉLIBÉRATIONS EXAMINÉES PAR LE CONSEIL MUNICIPAL", "list"),
            Case("Liste des actes de la séance du 3 mai 2024", "list"),
            Case("RELEVÉ DES DÉCISIONS DU CONSEIL COMMUNAUTAIRE", "list"),
            Case("Releve des deliberations - seance du 2 fevrier 2023", "list"),
            Case("Relevé de décisions du conseil municipal du 5 mai 2025", "list"),
            Case("Récapitulatif des délibérations adoptées le 14 mars", "list"),
            Case("la liste des délibérations sera affichée sur le panneau de la mairie à compter de demain.", None),
            Case("Tableau des effectifs au 1er janvier 2024", None))
def named_list(text: str) -> Optional[str]:
    """"Liste des délibérations", "Relevé des décisions": the list posted after the sitting
    (L2121-25)."""
    return "list" if _search(_LIST, text, _LIST_WORDS) else None


_EXTRACT = patterns.compile(
    r"\bextrait\s+(?:du|des)\s+(?:registre(?!\s+des\s+(?:arretes|decisions)\s+(?:du|de\s+la)\s+(?:maire|presidente?)\b)"
    r"|proces|deliberations?)|\bregistre\s+des\s+deliberations"
    r"|^\s*deliberations?\s+du\s+(?:conseil|bureau)(?!\s+\w+\s+n\s*[°o])")
_EXTRACT_WORDS = ("extrait", "registre", "deliberation")


@recogniser(PART, "extract",
            Case("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "extract"),
            Case("DELIBERATION du CONSEIL MUNICIPAL", "extract"),
            Case("EXTRAIT DU REGISTRE DES ARRÊTÉS DU MAIRE", None),
            Case("Extrait du registre des décisions du Bureau communautaire", "extract"),
            Case("Délibération n° 2023-45", None),
            Case("délibération du conseil municipal n° 2024-012 du 18 mars 2024, ci-après dénommée", None),
            Case("le conseil municipal a pris la délibération suivante", None))
def named_extract(text: str) -> Optional[str]:
    """"Extrait du registre des délibérations", "Délibération du conseil municipal"."""
    return "extract" if _search(_EXTRACT, text, _EXTRACT_WORDS) else None


_MINUTES = patterns.compile(r"\bproces[\s-]*verbal|\bcompte[\s-]*rendu|^\s*pv\s+(?:du|de\s+la)\b")
_MINUTES_WORDS = ("proces", "compte", "pv")


@recogniser(PART, "minutes",
            Case("PROCES VERBAL DE LA RÉUNION DU CONSEIL MUNICIPAL", "minutes"),
            Case("Compte rendu du conseil municipal du 8 juin 2020", "minutes"),
            Case("PV du conseil communautaire", "minutes"),
            Case("Le compte rendu de la séance précédente est adopté à l'unanimité par les membres présents.", None))
def named_minutes(text: str) -> Optional[str]:
    """"Procès-verbal", "compte rendu": the record of a whole sitting."""
    return "minutes" if _search(_MINUTES, text, _MINUTES_WORDS) else None


# A municipal bulletin or magazine: it names itself, or runs a rubric's banner across its pages,
# the rubric repeated between bullets ("Vie municipale • Vie municipale • ...").
_BULLETIN = patterns.compile(
    r"\b(?:bulletin|journal|magazine|lettre)\s+(?:municipal|communal|d'information|d'informations)"
    r"|\binfos?\s+municipales\b|\bjournal\s+(?:des\s+habitants|de\s+la\s+(?:commune|ville))\b"
    r"|\blettre\s+du\s+maire\b"
    r"|(?<!(?:deliberation|decision|arrete)\s{1,3})\bn\s*[°o]\s*\d{1,4}\s*[-–—,]\s*(?:printemps|ete|automne|hiver)\s+\d{4}\b")
_BULLETIN_WORDS = ("bulletin", "journal", "magazine", "lettre", "info", "printemps", "ete", "automne", "hiver")
_BANNER = patterns.compile(r"^\s*(?P<rubric>\p{L}[^•·]{3,40}?)\s*(?:[•·]\s*(?P=rubric)\s*){2,}[•·]?\s*$")


@recogniser(PART, "bulletin",
            Case("Vie municipale • Vie municipale • Vie municipale", "other"),
            Case("BULLETIN MUNICIPAL N° 112 - PRINTEMPS 2014", "other"),
            Case("Le journal des habitants de Saint-Firmin", "other"),
            Case("LA GAZETTE DU PLATEAU  —  n° 41  —  hiver 2023", "other"),
            Case("La lettre du Maire - janvier 2025", "other"),
            Case("Délibération n° 41 – Hiver 2023 : tarifs du déneigement", None),
            Case("Vie municipale • Travaux • Vie associative", None),
            Case("le bulletin municipal paraîtra en juin, comme chaque année depuis la fusion des deux communes.",
                 None))
def bulletin(text: str) -> Optional[str]:
    """A municipal bulletin: not a record of the sitting, whatever it reports of it."""
    folded = fold(text)
    banner = holds_any(folded, _BANNER_WORDS) and _BANNER.match(folded)
    return "other" if banner or _search(_BULLETIN, text, _BULLETIN_WORDS) else None


_BANNER_WORDS = ("•", "·")  # the bullets between the rubric's repeats


_CONVENTION = patterns.compile(r"^\s*(?:projet\s+de\s+)?(?:convention|contrat|avenant)\b")
_CONVENTION_WORDS = ("convention", "contrat", "avenant")


@recogniser(PART, "convention",
            Case("CONVENTION DE MISE À DISPOSITION D'UN LOCAL COMMUNAL", "convention"),
            Case("Avenant n° 2 à la convention de partenariat", "convention"),
            Case("Convention signée le 3 mars, la commune s'engage à verser la somme prévue à l'article 4.", None))
def named_convention(text: str) -> Optional[str]:
    """"CONVENTION DE ...", "Avenant n° 2 à la convention": a convention that opens the document
    (one annexed to an extract comes after the extract's own title)."""
    return "convention" if _search(_CONVENTION, text, _CONVENTION_WORDS) else None


# What names itself in its opening as something else than a council's record: the acts of the
# mayor or the president (an arrêté, a decision taken under delegation), the notice convening a
# sitting, the agenda alone, the budget's standard forms.  None holds a deliberation to check.
NOT_RECORD = "not-a-record"
# the lines where a document names itself; below the first ones (a letterhead may take six lines
# before "ARRÊTÉ N°"), a name counts only in a document that shows no sitting held
OPENING, FIRST = 8, 3

# (with the letters OCR confuses: "ARRETE MUNlCIPAL", "Le Ma1re", "DECISI0N")
_ACT = patterns.compile(
    r"^\s*(?:extrait\s+(?:du|des)\s+registres?\s+des\s+)?(?:arr[e3]t[e3]|d[e3]cisi[o0]n)s?\s+"
    r"(?:(?:du|de\s+la|de\s+m\.|de\s+mme)\s+(?:ma[il1|]re|pr[e3]sidente?|vice-pr[e3]sidente?)\b|mun[il1|]cip"
    r"|n\s*[°o]\s*\S|no\s*\d|(?:temporaire|permanent|individuel)\b)")
_ACT_WORDS = ("arr", "cisi")  # of "arrêté", "décision" (as OCR may read them)


@recogniser(NOT_RECORD, "executive-act",
            Case("ARRÊTÉ DU MAIRE N° 2023-112", "act"),
            Case("ARRETE MUNICIPAL N° 2024/ST/087", "act"),
            Case("Arrêté n°2022-15 portant réglementation du stationnement", "act"),
            Case("DÉCISION DU PRÉSIDENT N° DP-2024-058", "act"),
            Case("Decision du Maire no 12/2023", "act"),
            Case("DÉCISION MUNICIPALE N° 7", "act"),
            Case("EXTRAIT DU REGISTRE DES ARRÊTÉS DU MAIRE", "act"),
            Case("ARRETE MUNlCIPAL N° 2O24-O51", "act"),
            Case("DECISI0N DU MA1RE N° 7", "act"),
            Case("DÉCISION MODIFICATIVE N° 1 – BUDGET PRINCIPAL", None),
            Case("Arrêté du 24 août 2006 fixant les taux de l'indemnité d'astreinte", None),
            Case("Décisions du maire prises par délégation : voir le tableau annexé au présent compte rendu.", None))
def executive_act(text: str) -> Optional[str]:
    """"ARRÊTÉ DU MAIRE N°", "DÉCISION DU PRÉSIDENT N°": an act of the executive, taken alone
    (L2122-22, L5211-10), not a deliberation of the council."""
    return "act" if _search(_ACT, text, _ACT_WORDS) else None


_CONVOCATION = patterns.compile(
    r"^\s*(?:objet\s*:\s*)?convocation\s*(?:$|(?:au|du|a\s+la|de\s+la|pour\s+la|des\s+membres\s+du)\s+"
    r"(?:conseil|comite|bureau|seance|reunion|assemblee)\b(?![^:]*:))")
_CONVENING = patterns.compile(r"\bl'honneur\s+de\s+vous\s+convoquer\b"
                              r"|\bvous\s+etes\s+(?:convoquee?s?|priee?s?\s+de\s+(?:bien\s+vouloir\s+)?assister)\b")
_CONVOCATION_WORDS = ("convocation",)
_CONVENING_WORDS = ("vous",)


@recogniser(NOT_RECORD, "convocation",
            Case("CONVOCATION AU CONSEIL MUNICIPAL", "convocation"),
            Case("Convocation du Comité syndical", "convocation"),
            Case("Objet : Convocation au conseil municipal du 12 novembre 2024", "convocation"),
            Case("J'ai l'honneur de vous convoquer à la séance du conseil communautaire", "convocation"),
            Case("Vous êtes priée de bien vouloir assister à la réunion du conseil", "convocation"),
            Case("Convocation : 6 janvier 2004", None),
            Case("Convocation du conseil municipal : 2 mars 2024", None),
            Case("Convocation a été adressée le 22 octobre par écrit à chacun des conseillers.", None))
def convocation(text: str) -> Optional[str]:
    """"CONVOCATION AU CONSEIL MUNICIPAL", "J'ai l'honneur de vous convoquer": the notice of a
    sitting to come."""
    folded = fold(text)
    convening = holds_any(folded, _CONVENING_WORDS) and _CONVENING.search(folded)
    return "convocation" if _search(_CONVOCATION, text, _CONVOCATION_WORDS) or convening else None


_BUDGET_FORM = patterns.compile(r"^\s*arrete\s+et\s+signatures?\s*$"
                                r"|\bannexe\s+[ivx]{1,4}\s*[-–—.]\s*[a-d]\s?\d{1,2}(?:\.\d)?\b")
_BUDGET_FORM_WORDS = ("signature", "annexe")


@recogniser(NOT_RECORD, "budget-form",
            Case("ARRETE ET SIGNATURES", "budget"),
            Case("Budget principal                 ANNEXE IV - D1", "budget"),
            Case("IV – ANNEXES  —  Annexe IV – A2.1", "budget"),
            Case("Arrêté et signatures des membres présents : voir le registre.", None),
            Case("ANNEXE 1 - Liste des écoles", None))
def budget_form(text: str) -> Optional[str]:
    """The standard forms of a budget (M14, M57): the page "ARRÊTÉ ET SIGNATURES", the annexes
    coded "IV – D1"."""
    folded = fold(text).strip()
    return "budget" if holds_any(folded, _BUDGET_FORM_WORDS) and _BUDGET_FORM.search(folded) else None


_AGENDA = patterns.compile(r"^\s*ordre\s+du\s+jour\b\s*:?\s*(?:$|(?:de\s+la|du)\s+(?:seance|conseil|reunion|comite|bureau)\b)")
_AGENDA_WORDS = ("ordre",)
# what shows a sitting held, surely: no arrêté, convocation or agenda writes it
_SITTING = patterns.compile(r"\bpresents?\s*:|\bapres\s+en\s+avoir\s+delibere|\ben\s+exercice\b|\bsecretaire\s+de\s+seance\s*:"
                            r"|\bvotants?\b")
# what shows a sitting that was held (an agenda alone shows none of it)
_HELD = patterns.compile(r"\bpresents?\s*:|\bapres\s+en\s+avoir\s+delibere|\bunanimite\b|\bvoix\b|\ben\s+exercice\b"
                         r"|\bsecretaire\s+de\s+seance\s*:|\b(?:adoptee?s?|approuvee?s?)\b")


@recogniser(NOT_RECORD, "agenda",
            Case("ORDRE DU JOUR", "agenda"),
            Case("Ordre du jour de la séance du 9 avril 2024 :", "agenda"),
            Case("L'ordre du jour est adopté à l'unanimité.", None),
            Case("Ordre du jour complémentaire : motion de soutien", None))
def agenda(text: str) -> Optional[str]:
    """"ORDRE DU JOUR" heading the document: an agenda, a record only if the sitting was held
    in it (see :func:`names_other`)."""
    return "agenda" if _search(_AGENDA, text, _AGENDA_WORDS) else None


_OTHER_BODY = patterns.compile(
    r"^\s*(?:proces[\s-]*verbal|compte[\s-]*rendu|releve\s+de\s+decisions)\s+(?:de\s+la\s+|du\s+|des\s+|de\s+|d')?"
    r"(?:(?:reunion|seance)\s+(?:de\s+la\s+|du\s+|de\s+|d')?)?"
    r"(?:commissions?\b(?!\s+permanente)|comite\s+(?:technique|consultatif|de\s+pilotage|social|des\s+fetes)"
    r"|conseils?\s+(?:d'ecole|de\s+quartier|d'exploitation|de\s+developpement)|reunion\s+(?:publique|de\s+travail|de\s+quartier)"
    r"|publique|chantier|jury|groupe\s+de\s+travail)")
_OTHER_BODY_WORDS = ("proces", "compte", "releve")


@recogniser(NOT_RECORD, "other-body",
            Case("PROCÈS-VERBAL DE LA COMMISSION D'APPEL D'OFFRES", "other-body"),
            Case("Compte rendu de la réunion de la commission urbanisme du 3 mai", "other-body"),
            Case("COMPTE-RENDU DU CONSEIL D'ECOLE", "other-body"),
            Case("Compte rendu de chantier n° 12", "other-body"),
            Case("PROCÈS-VERBAL DE LA COMMISSION PERMANENTE DU 4 JUILLET", None),
            Case("Procès-verbal de la séance du conseil municipal du 3 mai", None),
            Case("Compte rendu de la séance du comité syndical", None))
def other_body(text: str) -> Optional[str]:
    """"Procès-verbal de la commission d'appel d'offres", "compte rendu du conseil d'école": the
    record of a body that takes no deliberation (a commission permanente does: not here)."""
    return "other-body" if _search(_OTHER_BODY, text, _OTHER_BODY_WORDS) else None


_PREPARATORY = patterns.compile(r"^\s*(?:projet\s+de\s+deliberation|note\s+(?:explicative\s+)?de\s+synthese)\b")
_PREPARATORY_WORDS = ("projet", "synthese")


@recogniser(NOT_RECORD, "preparatory",
            Case("PROJET DE DÉLIBÉRATION N° 7", "preparatory"),
            Case("Note explicative de synthèse", "preparatory"),
            Case("NOTE DE SYNTHESE - Conseil municipal du 18 avril 2024", "preparatory"),
            Case("Le projet de délibération a été transmis aux conseillers avec la convocation.", None))
def preparatory(text: str) -> Optional[str]:
    """"Projet de délibération", "Note explicative de synthèse" (L2121-12): sent before the sitting,
    not its record."""
    return "preparatory" if _search(_PREPARATORY, text, _PREPARATORY_WORDS) else None


KIND_RECOGNISERS = [r for r in of_part(PART) if r.name != "convention"]
_NOT_RECORDS = (other_body, executive_act, convocation, budget_form, preparatory)


def _stands(named: Recogniser, rank: int, view: View, opening: list[tuple[int, str]]) -> bool:
    """Whether a name of no council record found at ``rank`` of the opening is the document's:
    below the first lines, only where no sitting shows held; a draft's or a commission's name
    yields to a record named beside it (a margin box "Note de synthèse du conseil du 27 mai"
    above "COMPTE RENDU DU CONSEIL MUNICIPAL")."""
    if rank >= FIRST and _SITTING.search(view.folded):
        return False
    if named in (other_body, preparatory):
        others = [text for place, (_index, text) in enumerate(opening) if place != rank]
        return not any(r.read(text) for r in (named_list, named_extract, named_minutes) for text in others)
    return True


def names_other(view: View) -> Optional[int]:
    """The line where the document names itself, in its opening, as something that is not a
    council's record (an arrêté, a decision of the mayor, a convocation, an agenda with nothing
    of a held sitting, a budget form, the minutes of a commission, a draft); None when it names
    itself a record first, or not so."""
    opening = head_lines(view)[:OPENING]
    for rank, (index, text) in enumerate(opening):
        named = next((r for r in _NOT_RECORDS if len(text) <= 160 and r.read(text)), None)
        if named and _stands(named, rank, view, opening):
            return index
        if len(text) > 160 or any(r.read(text) for r in KIND_RECOGNISERS):
            return None
        if agenda.read(text) and not _HELD.search(view.folded):
            return index
    return None


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
    if "•" not in view.folded and "·" not in view.folded:
        return False  # a banner repeats its rubric between bullets: no line need be tried (for speed)
    return any(_BANNER.match(fold(line.text)) for line in view.lines)


def document_kind(view: View, document: Document, other: Optional[int] = None) -> tuple[str, Optional[int]]:
    """The kind, and the line where the document names itself (None when judged by content);
    ``other``: the line where it names itself as no council record (:func:`names_other`).
    A bulletin's banner may stand anywhere on its pages."""
    if other is not None:
        return "other", other
    if _runs_a_banner(view):
        return "other", None
    head = head_lines(view)
    opening = head[:3]
    # a convention named in the opening, unless the opening names the document otherwise (the
    # other names read only where a convention is named: for speed)
    convention_at = next((index for index, text in opening if named_convention.read(text)), None)
    if convention_at is not None and not any(r.read(text) for r in KIND_RECOGNISERS for _index, text in opening):
        return "convention", convention_at
    for recogniser_ in KIND_RECOGNISERS:
        for index, text in head:
            if len(text) <= 160 and (kind := recogniser_.read(text)):
                return kind, index
    if document.conventions and not document.deliberations:
        return "convention", None
    if len(document.deliberations) >= 2:
        return "minutes", None
    if document.deliberations:
        return "extract", None
    return "other", None
