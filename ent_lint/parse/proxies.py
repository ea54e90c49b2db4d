"""More ways of writing a proxy (pouvoir, procuration) in the attendance lists and in the minutes.

The proxies a list states in its usual forms ("X donne pouvoir à Y", "X (pouvoir à Y)", "X à Y")
are read by ``deliberation.parse_proxy``; these recognisers read the forms it does not:

- the grantor with a note in parentheses before the holder: "J.-P. RIOU (Maire) à E. KERVELLA",
  "Mme Anne DURAND (Bias) à M. Paul LAMY" (a list of proxies grouped by commune);
- the holder alone after the grantor's entry, when the list's commas cut the entry in two:
  "Mme Anne ROUX, représentée par M. Luc PERRIN";
- a member who leaves the sitting and gives a proxy for the rest: "M. X quitte la séance et
  donne pouvoir à M. Y";
- the holder wrapped to the next line of a list of proxies: "…; Mme Julie VRIGNAUD" then
  "à M. Rémy BAILLARGEAU.", or "M. Yves ROQUES à M." then "Rémi CAUSSE.".

Each gives the text of the names as written (folded offsets equal the text's).
"""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from .names import looks_like_person
from .recognisers import Case, recogniser
from .text import fold, holds_any

PART = "proxy"

_TO = r"(?:a|au|=>|->|→)"
# "Grantor (note) à Holder": the note in parentheses stands between the two names
_NOTE_BETWEEN = patterns.compile(
    rf"^(?P<g>[^()]+?)\s*\((?P<note>[^()]{{1,60}})\)\s*,?\s+{_TO}\s+(?P<h>[^()]+?)\s*(?:\([^()]*\)?)?\s*\.?$")
# "représentée par M. Luc PERRIN": the holder of the entry before
_REPRESENTED_BY = patterns.compile(
    r"^(?:qui\s+est\s+|est\s+)?representee?s?\s+par\s+(?P<h>[^()]+?)\)?\s*(?:\([^()]*\)?\s*)?\.?$")
# "quitte la séance et donne pouvoir à M. Y", "se retire après avoir donné procuration à Y"
_LEAVES_WITH_PROXY = patterns.compile(
    r"^[^.\n]{0,60}?(?:et\s+|en\s+|apres\s+avoir\s+)?(?:donne|a\s+donne|donnant|confie|confiant|laisse|laissant)"
    r"\s+(?:son\s+|sa\s+)?(?:pouvoir|procuration|mandat)\s+(?:a|au)\s+(?P<h>(?:m\.|mme|mlle|monsieur|madame|mr)?\s*"
    r"[^,;.()\n]{2,50}?)\s*(?:[,;.)\n]|\s+(?:pour|jusqu)|$)")


def _names(pattern: regex.Pattern, text: str, groups: tuple[str, ...],
           needs: tuple[str, ...] = ()) -> Optional[tuple[str, ...]]:
    """The groups of ``pattern`` matched on the text folded; ``needs``: every match holds one of
    these, a text without any is not matched (for speed: asked of every entry of a list)."""
    flat = " ".join(text.split())
    folded = fold(flat)
    if needs and not holds_any(folded, needs):
        return None
    match = pattern.match(folded)
    if not match:
        return None
    return tuple(flat[match.start(g):match.end(g)].strip() for g in groups)


@recogniser(PART, "grantor-with-a-note-then-holder",
            Case("J.-P. RIOU (Maire) à E. KERVELLA", ("J.-P. RIOU", "Maire", "E. KERVELLA")),
            Case("Mme Josette LAFON (Saint-Cirq) à M. Henri PONS.",
                 ("Mme Josette LAFON", "Saint-Cirq", "M. Henri PONS")),
            Case("M. Paul DURAND (adjoint à la culture)", None),
            Case("Mme Anne VIAL (arrivée à 20 h 30)", None))
def note_between(text: str) -> Optional[tuple[str, str, str]]:
    """"X (note) à Y": grantor, note, holder."""
    return _names(_NOTE_BETWEEN, text, ("g", "note", "h"), _NOTE_BETWEEN_WORDS)


_NOTE_BETWEEN_WORDS = ("(",)  # the note's parenthesis


_REPRESENTED_BY_WORDS = ("represent",)


@recogniser(PART, "represented-by-after-the-name",
            Case("représentée par M. Hervé CAYLA", "M. Hervé CAYLA"),
            Case("représenté par Mme Lise ROCHE (jusqu'au point 4).", "Mme Lise ROCHE"),
            Case("représentant de la commune de Bias", None))
def represented_by(text: str) -> Optional[str]:
    """"…, représentée par Y" after the grantor's name: the holder."""
    found = _names(_REPRESENTED_BY, text, ("h",), _REPRESENTED_BY_WORDS)
    return found[0] if found else None


@recogniser(PART, "leaves-and-gives-a-proxy",
            Case(" la séance et donne pouvoir à M. Pascal ROPARS.", "M. Pascal ROPARS"),
            Case(" la salle après avoir donné procuration à Mme Anne VIAL pour la suite de la séance",
                 "Mme Anne VIAL"),
            Case(" la séance à 22 heures.", None),
            Case(" la salle et ne prend pas part au vote.", None))
def leaves_with_proxy(text: str) -> Optional[str]:
    """What follows "X quitte la séance": the holder of the proxy X gives on leaving."""
    match = _LEAVES_WITH_PROXY.match(fold(text))
    return text[match.start("h"):match.end("h")].strip() if match else None



# "à M. Rémy BAILLARGEAU.", "au profit de Mme Lise ROCHE": a line that is only a proxy's holder
_HOLDER_LINE = patterns.compile(
    rf"^(?:au\s+profit\s+de|en\s+faveur\s+de|{_TO})\s+(?P<h>[^()]+?)\s*(?:\([^()]*\)?\s*)?[.;,]?$")


@recogniser(PART, "holder-wrapped-to-the-next-line",
            Case("à M. Rémy BAILLARGEAU.", "M. Rémy BAILLARGEAU"),
            Case("a Mme Lise ROCHE ;", "Mme Lise ROCHE"),
            Case("à Monsieur Paul LAMY (jusqu'au point 3)", "Monsieur Paul LAMY"),
            Case("au profit de Mme Anne VIAL.", "Mme Anne VIAL"),
            Case("à 20 h 30.", None),
            Case("à l'unanimité des membres présents.", None),
            Case("à la majorité absolue", None),
            Case("à Saint-Ormel", None))
def holder_on_next_line(text: str) -> Optional[str]:
    """A line of a list of proxies that is only the holder of the entry above, cut at « à »."""
    found = _names(_HOLDER_LINE, text, ("h",))
    return found[0] if found and looks_like_person(found[0]) else None


# "M. Yves ROQUES à M." / "… donne pouvoir à": the line stops between « à » and the holder's name
_TO_AT_THE_END = patterns.compile(
    rf"(?:^|\s)(?:au\s+profit\s+de|en\s+faveur\s+de|{_TO})"
    r"(?P<c>\s+(?:m|mme|mlle|mr|monsieur|madame|mademoiselle)\.?)?\s*$")


@recogniser(PART, "holder-begun-at-the-line-end",
            Case("M. Yves ROQUES à M.", "M."),
            Case("Mme Anne VIAL donne pouvoir à", ""),
            Case("M. Paul LAMY (pouvoir à Madame", "Madame"),
            Case("Mme Lise ROCHE au profit de", ""),
            Case("M. Yves ROQUES, M. Paul LAMY", None),
            Case("M. Jean DUPONT, Maire", None),
            Case("M. Yves ROQUES à M. Rémi CAUSSE.", None))
def holder_begun(text: str) -> Optional[str]:
    """A list's line that ends on « à » (and the holder's civility): the holder's name is on the
    next line.  The civility written, "" when none."""
    match = _TO_AT_THE_END.search(fold(text.rstrip()))
    return text.rstrip()[match.start("c"):match.end("c")].strip() if match and match["c"] else ("" if match else None)
