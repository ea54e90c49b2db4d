"""A plural civility heads the surnames after it: "MM. Leroy, Livet, Mmes Marteau, Pellarin".

Lists of members often write one civility for several people ("MM.", "Mmes", "MM. et Mmes",
"Messieurs", "Mesdames") and then their surnames alone.  In capitals ("MM. LEROY, LIVET") each
surname is seen as a person anyway; in title case ("Livet", "Pellarin") a lone capitalised word
is no one's name by itself, so the plural civility before it is what says it is a person.  The
run ends at the next civility ("M. Gauchy": one person again).
"""

from __future__ import annotations

from typing import Iterable, Optional

from .. import patterns
from .names import NOT_NAME_WORDS, _PARTICLES, civility, clean_name, is_role, split_names
from .recognisers import Case, recogniser
from .text import fold

_PLURAL = patterns.compile(r"\b(?:mm|mmes|mlles|messieurs|mesdames)\b")  # "M. MMES": one of them is plural
_WORD = patterns.compile(r"^\p{Lu}[\p{Ll}'’-]*\p{L}\.?$|^\p{Lu}{1,3}\.?$")  # "Pellarin", "Le", "Ph."


def plural_runs(pieces: Iterable[str], open_: bool = False) -> list[bool]:
    """For each entry of a list, whether a plural civility heads it (its own or one before it
    with no other civility between); ``open_``: one heads the entries before these."""
    heads: list[bool] = []
    plural = open_
    for piece in pieces:
        opening = civility(fold(piece.strip()))
        if opening and opening.end():
            plural = bool(_PLURAL.search(opening[0]))
        heads.append(plural)
    return heads


def surname_alone(name: Optional[str]) -> bool:
    """A surname written alone in title case: one to three capitalised words ("Pellarin",
    "Saint James", "Le Goff"), none a word of a label or a title."""
    if not name or is_role(name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 3:
        return False
    plain = [fold(w).strip(".") for w in words]
    if any(p in NOT_NAME_WORDS for p in plain):
        return False
    return all(_WORD.match(w) or p in _PARTICLES for w, p in zip(words, plain)) and any(
        len(p) >= 3 and p not in _PARTICLES for p in plain)


def headed_surnames(pieces: list[str], open_: bool = False) -> list[Optional[str]]:
    """Each entry's name when a plural civility heads it and it is a surname alone, else None."""
    return [clean_name(piece) if headed and surname_alone(clean_name(piece)) else None
            for piece, headed in zip(pieces, plural_runs(pieces, open_))]


@recogniser("list-entry", "surnames-after-plural-civility",
            Case("MM. Leroy, Livet, Guesnier", ("Leroy", "Livet", "Guesnier")),
            Case("Mmes Marteau, Pellarin, M. Bertin", ("Marteau", "Pellarin")),
            Case("MM et Mmes Dubreuil, Fontaine, Le Goff", ("Dubreuil", "Fontaine", "Le Goff")),
            Case("Messieurs Roux, Saint James, adjoints", ("Roux", "Saint James")),
            Case("Mmes Roux, Budget primitif, Travaux", ("Roux",)),
            Case("M. Leroy, Livet, Guesnier", None),
            Case("MM. les conseillers municipaux", None),
            Case("Leroy, Livet, Guesnier", None))
def read_plural_run(text: str) -> Optional[tuple[str, ...]]:
    """The surnames a plural civility heads in one list's text ("MM. Leroy, Livet"), or None
    when it heads none (a singular civility, no civility, only labels or titles)."""
    names = tuple(n for n in headed_surnames(split_names(text)) if n)
    return names or None


_CAPITALS_SURNAME = patterns.compile(r"^\p{Lu}[\p{Lu}'’-]*\p{Lu}$")  # "PERRIN", "LE-GALL"


def _bare_capitals(piece: str) -> Optional[str]:
    """The word of an entry that is one surname in capitals after its civility, if it is."""
    opening = civility(fold(piece.strip()))
    rest = piece.strip()[opening.end():] if opening else piece.strip()
    rest = rest.strip(" .")
    return rest if _CAPITALS_SURNAME.match(rest) else None


def role_words_as_surnames(pieces: list[str]) -> set[int]:
    """The entries that are a role word in capitals ("MAIRE") standing for a surname: under a
    plural civility, with no civility of their own, between two surnames in capitals of the
    same run, and not right after the list's first entry (where "M. ROUX, MAIRE" is the mayor's
    title)."""
    found: set[int] = set()
    if len(pieces) < 4:
        return found  # no entry stands third with one after it (the runs not read: for speed)
    heads = plural_runs(pieces)
    for i in range(2, len(pieces) - 1):
        word = _bare_capitals(pieces[i])
        if (word and word == pieces[i].strip(" .") and is_role(word) and heads[i]
                and _bare_capitals(pieces[i - 1]) and _bare_capitals(pieces[i + 1])
                and not is_role(_bare_capitals(pieces[i + 1]))):
            found.add(i)
    return found


@recogniser("list-entry", "role-word-as-surname",
            Case("MM. ROUX, BRIAND, Mmes PERRIN, MAIRE, LEBON", ("MAIRE",)),
            Case("MM. VIDAL, COSTES, MAIRE, M. FABRE", ("MAIRE",)),
            Case("MM. ROUX, MAIRE, BRIAND, LEBON", None),
            Case("M. ROUX, BRIAND, MAIRE, M. FABRE", None),
            Case("MM. ROUX, BRIAND, MAIRE", None),
            Case("Mmes Perrin, Lebon, Maire, Vidal", None))
def read_role_word_surnames(text: str) -> Optional[tuple[str, ...]]:
    """A role word in capitals that is a surname among surnames in capitals ("Mmes PERRIN,
    MAIRE, LEBON"), or None."""
    pieces = split_names(text)
    return tuple(pieces[i].strip(" .") for i in sorted(role_words_as_surnames(pieces))) or None
