"""People's names: civilities, lists in every usual layout, and matching across spellings."""

from __future__ import annotations

import functools
from typing import Iterable, Optional

import regex

from .. import patterns
from ..model import Person, Span
from .recognisers import Case, recogniser
from .text import fold, per_document

# Civilities, on folded text.  "MM et Mmes" heads a list; "M.LANSADE" glues the civility.
CIVILITY = patterns.compile(
    r"^(?:(?:mm|mmes?|mlles?|mr|mrs|m|messieurs|mesdames|monsieur|madame|mademoiselle|dr)\b\.?"
    r"(?:\s*(?:et|&)\s*(?:mmes?|mm|m)\b\.?)?\s*)+")


def civility(folded: str) -> Optional[regex.Match]:
    """``CIVILITY.match(folded)``: at once None for a text that opens with neither "m" nor "d",
    the first letter of every civility (for speed: asked of every name and entry of a list)."""
    if folded[:1] not in ("m", "d"):
        return None
    return CIVILITY.match(folded)


# Words that end a name when a list item goes on with a title or a comment.
_STOP = {
    "maire", "adjoint", "adjointe", "adjoints", "conseiller", "conseillere", "conseillers",
    "president", "presidente", "vice-president", "vice-presidente", "secretaire", "inspecteur",
    "inspectrice", "directeur", "directrice", "representant", "representante", "delegue",
    "deleguee", "arrive", "arrivee", "qui", "absent", "absente", "excuse", "excusee", "pouvoir",
    "procuration", "jusqu'a", "jusqu'au", "jusqu'aux", "a", "au", "pour", "par", "elu", "elue",
}
# Titles that stand alone in a list: "M. NICOLAS, Maire", "PENNEC, adjoints,".
_ROLES = {
    "maire", "adjoint", "adjointe", "adjoints", "adjointes", "conseiller", "conseillere",
    "conseillers", "conseilleres", "municipal", "municipale", "municipaux", "communautaire",
    "communautaires", "delegue", "deleguee", "delegues", "president", "presidente",
    "vice-president", "vice-presidente", "secretaire", "maire-adjoint", "maire-adjointe",
}
_PARTICLES = {"de", "du", "des", "d'", "le", "la", "van", "von", "der", "ben", "el", "di", "da",
              "dos", "del", "y", "st", "ste", "saint", "sainte"}
# "BARAC’H"; "VOIR0L", "DUPRE1": a letter OCR read as a digit, inside or at the end of a word in capitals
_TOKEN = patterns.compile(r"[\p{L}](?:[\p{L}'’.?-]|(?<=\p{Lu})[01](?=\p{Lu}|\b))*\.?")


# a word of a name: "?" stays inside it, a letter OCR could not read ("S?RI"); a 0 or 1 between
# letters is one OCR read as a digit ("VOIR0L")
_NAME_WORD = patterns.compile(r"[\p{L}?]*[\p{L}](?:[\p{L}?]|(?<=\p{L})[01](?=\p{L}|\b))*\.?")


def normalize(name: str) -> str:
    """A matching key: no civility, case, accents or hyphens, words in alphabetical order."""
    folded = fold(name).strip()
    opening = civility(folded)  # CIVILITY.sub would take away the same: it reads only at the start
    if opening:
        folded = folded[opening.end():]
    spaced = folded.replace("-", " ")
    words = spaced.split()
    # "?" stays inside a word: it is a letter that OCR could not read ("S?RI"); words of ASCII
    # letters alone are each one _NAME_WORD, not matched (for speed)
    if not all(word.isascii() and word.isalpha() for word in words):
        words = _NAME_WORD.findall(spaced)
    return " ".join(sorted(words))


def clean_name(text: str) -> Optional[str]:
    """Strip civility, punctuation and trailing comments; None when it is not a name."""
    text = " ".join(text.replace("\t", " ").split()).strip(" ,;:.-–—*()|[]")  # "|": a rule read by OCR
    folded = fold(text)
    opening = civility(folded)
    if opening and opening.end():
        text = text[opening.end():].lstrip(" .")
    kept: list[str] = []
    for word in text.split(" "):
        plain = fold(word).strip(",;:().")
        if not plain:
            continue
        if kept and (plain in _STOP or word.startswith("(")):
            break
        if word.endswith(","):
            kept.append(word.rstrip(","))
            break
        kept.append(word)
    name = " ".join(kept).strip(" ,;:-–—")
    if is_role(name) or not looks_like_name(name):
        return None
    return name


_SPACED_HYPHEN = patterns.compile(r"(?<=\b\p{Lu}{2,})\s+[-–]\s*(?=\p{Lu}{2,}\b)|(?<=\b\p{Lu}{2,})\s*[-–]\s+(?=\p{Lu}{2,}\b)")


def join_spaced_surname(text: str) -> str:
    """"Philippe ROUVIER - COROUGE": a surname in two parts in capitals, the hyphen spaced (as a
    list's own dashes are), is one surname "ROUVIER-COROUGE".  Only for the text of one person
    (a side of a proxy), never a whole list."""
    return _SPACED_HYPHEN.sub("-", text)


def is_role(text: str) -> bool:
    """True for a piece that is only a title: "Maire", "adjoints", "conseillers municipaux"."""
    words = fold(text).replace(",", " ").replace(".", " ").split()
    return bool(words) and all(word in _ROLES for word in words)


def looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    capitalised = 0
    for word in words:
        plain = fold(word)
        if plain in _PARTICLES or plain.startswith("d'") or plain.startswith("l'"):
            continue
        # letters of ASCII alone are a _TOKEN (each a \p{L}): not matched (for speed)
        if not (word.isascii() and word.isalpha()) and not _TOKEN.fullmatch(word):
            return False
        if not word[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 1 and any(len(w.strip(".")) >= 2 for w in words)


def person(name: str, span: Optional[Span] = None, note: Optional[str] = None) -> Person:
    return Person(name=name, normalized=normalize(name), span=span, note=note)


def _tokens(key: str) -> list[str]:
    return key.split()


def same_person(a: Person, b: Person) -> bool:
    """Whether two names can be one person: the same key, or one a short form of the other.

    "PECAUD" and "Geoffrey PECAUD", "C.BUZOS" and "Cécile BUZOS" match; "Patrick GARNIER"
    and "Jean-Pascal GARNIER" do not (the full words of the shorter must all be in the longer).
    "Chantal LE ROUX" and "Chantal LEROUX" match: only a space between them.
    """
    if a.normalized == b.normalized or _short_form(a.normalized, b.normalized):
        return True
    na, nb = a.normalized, b.normalized
    if (len(na) - na.count(" ") == len(nb) - nb.count(" ")  # as many letters: worth a look
            and _squashed(a.name) == _squashed(b.name)):
        return True
    return _ocr_misread(a, b)


def _ocr_misread(a: Person, b: Person) -> bool:
    """"Hervé LACOMBE" and "Hervé LACOMEBE" where OCR read one of them: a letter more, less or
    other in a long name is a misreading, not another person (never said of typed text)."""
    if not ((a.span is not None and a.span.ocr) or (b.span is not None and b.span.ocr)):
        return False
    x, y = _squashed(a.name), _squashed(b.name)
    if min(len(x), len(y)) < 9 or abs(len(x) - len(y)) > 1 or x[0] != y[0]:
        return False
    start = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    return x[start + 1:] == y[start + 1:] or x[start + 1:] == y[start:] or x[start:] == y[start + 1:]


def _short_form(key_a: str, key_b: str) -> bool:
    ta, tb = _tokens(key_a), _tokens(key_b)
    if len(ta) > len(tb):
        ta, tb = tb, ta
    full_a = [t for t in ta if not t.endswith(".")]
    if not full_a:
        return False
    rest = list(tb)
    for token in full_a:
        match = next((t for t in rest if _same_word(token, t)), None)
        if match is None:
            return False
        rest.remove(match)
    for initial in (t for t in ta if t.endswith(".")):
        stem = initial.rstrip(".")
        match = next((t for t in rest if t.startswith(stem)), None)
        if match is None:
            return False
        rest.remove(match)
    return True


@functools.lru_cache(maxsize=4096)
def _squashed(name: str) -> str:
    """The letters of a name in their order, without civility, spaces, hyphens or case (kept for
    the document being read: a document compares its names many times)."""
    folded = CIVILITY.sub("", fold(name).strip())
    return "".join(c for c in folded if c.isalpha())


per_document(_squashed.cache_clear)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    return ("?" in a or "?" in b) and len(a) == len(b) and all(
        x == y or "?" in (x, y) for x, y in zip(a, b))


def find(people: Iterable[Person], who: Person) -> Optional[Person]:
    for candidate in people:
        if same_person(candidate, who):
            return candidate
    return None


# Separators between names on one line: dashes with spaces around, commas, semicolons, " et ",
# slashes with spaces around ("Anne (pouvoir à Paul) / Marc"), a closing parenthesis glued to
# the next name.
_SEPARATOR = patterns.compile(
    r"\s+[-–—]\s*(?=\S)|\s*[-–—]\s*$|\s+[-–—]\s+|[,;•·]|\s+(?:et|ET|&)\s+|\t+|\s{3,}|\s+/\s+|^\s*/\s+"
    r"|(?<=\))(?=\p{Lu})|(?<=\))\s*[-–—]\s*")  # "X (à partir de la question 3)ATLAN", "X (arrivé)- Y"
_CIVILITY_BREAK = patterns.compile(  # not in "pouvoir donné à M. X"
    r"(?<=\S)(?<!\b(?:à|a|au|par|de|pour))\s+(?=(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mr\.?)\s)")
# _SEPARATOR without its last two ways, which each follow a ")": the same cuts in a text without
# one, found without trying their look-behinds at every character (for speed)
_SEPARATOR_WITHOUT_PARENTHESES = patterns.compile(_SEPARATOR.pattern.split(r"|(?<=\))", 1)[0])


def split_names(text: str) -> list[str]:
    """Split one list's text (lines already joined) into name candidates.

    Separators and civilities inside parentheses ("X (pouvoir à M. Y)") do not split.
    """
    depth: list[bool] = []
    if "(" in text:  # without one, no character is inside parentheses
        level = 0
        for char in text:
            level += char == "("
            depth.append(level > 0)
            level -= char == ")" and level > 0
    else:
        depth = [False] * len(text)
    cuts: list[tuple[int, int]] = []
    separator = _SEPARATOR if ")" in text else _SEPARATOR_WITHOUT_PARENTHESES
    for pattern in (separator, _CIVILITY_BREAK):
        for match in pattern.finditer(text):
            if match.start() < len(depth) and not depth[match.start()]:
                cuts.append((match.start(), match.end()))
    pieces = []
    start = 0
    for begin, end in sorted(cuts):
        if begin < start:
            continue
        pieces.append(text[start:begin])
        start = end
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


# --- does an entry look like a person? ------------------------------------------------------------

# Words that head, label or fill a council document and are no one's name, folded.
NOT_NAME_WORDS = frozenset("""
ordre jour conseil conseils municipal municipale municipaux communautaire seance commune objet
deliberation deliberations vote votes budget personnel les des questions diverses date convocation
affichage secretaire presents presentes absents absentes excuses excusees pouvoir pouvoirs
procuration procurations nombre membres exercice votants republique francaise departement mairie
ville maire adjoint adjoints adjointe president presidente article page total rapport rapporteur
compte rendu proces verbal approbation information informations point points decision decisions
annexe annexes sommaire titre chapitre service services commission commissions syndicat
designation election elections installation adoption creation modification convention conventions
tarif tarifs subvention subventions travaux
""".split())


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Known first names, folded: the name dictionary shipped by the gender-guesser package
    (Jörg Michael's nam_dict.txt, names of many countries, about 36,000 once folded; GNU FDL).
    Empty when the package is not installed: persons are then recognised by civility and
    capitals alone."""
    try:
        from importlib.resources import files

        text = files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):
        return frozenset()
    names = set()
    for line in text.splitlines():
        if line[:1] in "#=" or len(line) < 30:
            continue
        parts = line[:30].split()
        if len(parts) >= 2:
            for name in parts[1].replace("+", "-").split("-"):
                if len(name) >= 3:
                    names.add(fold(name))
    return frozenset(names)


_INITIAL = patterns.compile(r"^(?:\p{Lu}\.\s*-?)+\s*\p{Lu}")


def _is_first_name(word: str) -> bool:
    """A known first name, compound ones included ("Jean-Pierre", "Marie-Laure")."""
    names = first_names()
    return word in names or all(part in names for part in word.split("-") if part)


def _first_name_and_surname(words: list[str], plain: list[str]) -> bool:
    """"Trefina KERRAIN", "ALLAIS Florence": a surname in capitals beside a capitalised word; or
    a known first name beside another word ("Yves Meunier")."""
    capitals = [w for w in words if w.isupper() and len(w) >= 2]
    if capitals and len(capitals) < len(words) and all(w[:1].isupper() or fold(w) in _PARTICLES for w in words):
        return True
    return len(words) >= 2 and any(_is_first_name(p) for p in plain)


def _surname_in_capitals(words: list[str]) -> bool:
    """"LIVET", "LE BIHAN": one to four words in capitals."""
    return len(words) <= 4 and all(w.isupper() and len(w) >= 2 for w in words if fold(w) not in _PARTICLES)


_NOTE_ASIDE = patterns.compile(r"\([^()]*\)?")
_WORD = patterns.compile(r"[\p{L}'’-]+")


def looks_like_person(text: str) -> bool:
    """Whether a list entry is a person: a civility, an initial, a known first name beside another
    word, a first name alone (lists of first names), or a surname in capitals; not a label or a
    heading ("ORDRE DU JOUR", "Personnel Municipal", "Les")."""
    stripped = " ".join(_NOTE_ASIDE.sub(" ", text).split()).strip(" ,;:.-–—*()")  # notes aside
    opening = civility(fold(stripped))
    if opening and opening.end():
        return True
    words = _WORD.findall(stripped)
    plain = [fold(w).strip("'’-") for w in words]
    if not words or any(p in NOT_NAME_WORDS for p in plain):
        return False
    if _INITIAL.match(stripped):
        return True
    if len(words) == 1 and not words[0].isupper() and _is_first_name(plain[0]):
        return True  # lists of first names only: "Jean-Pierre, Yves, Jacques"
    return _first_name_and_surname(words, plain) or _surname_in_capitals(words)


@recogniser("list-entry", "two-people-without-separator",
            Case("Yves MARCHAL Inès DUVAL", ("Yves MARCHAL", "Inès DUVAL")),
            Case("Yves Nicolas Mahdi Nouari", None),
            Case("Marie Annick GUILLOU", None),
            Case("Anne Marie Louise DUPONT", None),
            Case("Paul DE LA ROCHE", None))
def two_people(piece: str) -> Optional[tuple[str, str]]:
    """"Yves MARCHAL Inès DUVAL": two people whose separator was lost, each a known first name
    and a surname that is none; None for one person ("Marie Annick GUILLOU", "Jean Pierre
    DURAND")."""
    words = piece.split()
    if len(words) != 4 or not all(w[:1].isupper() and _TOKEN.fullmatch(w) for w in words):
        return None
    plain = [fold(w) for w in words]
    known = [_is_first_name(w) for w in plain]
    if known == [True, False, True, False] and not any(w in _PARTICLES for w in plain):
        return " ".join(words[:2]), " ".join(words[2:])
    return None
