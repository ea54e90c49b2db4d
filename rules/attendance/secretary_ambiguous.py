"""secretary-ambiguous: two different people named secretary of one sitting."""

from __future__ import annotations

from dataclasses import dataclass

from ent_lint import patterns
from ent_lint.engine import Examples, Message, Rule
from ent_lint.model import Person, Span
from ent_lint.people import find, person
from ent_lint.text import fold

# The ways councils write the designation, on folded text; ``who`` is where the name stands
# (the name itself is cut from the document's own text, where capitals tell a name).
_CHOSEN = r"(?:elue?|designee?|nommee?|choisie?)(?:\s*\(e\))?s?"
# the office of secretary of this sitting: not the general secretary, an auxiliary or a deputy
# secretary, the secretary of a commission or of an earlier sitting
_OFFICE = r"""(?P<plural>secretaires?)(?:\s*\(e\))?(?P<of_sitting>\s+de\s+(?:la\s+)?seance)?+
    (?!\s*(?:generale?|auxiliaire|adjointe?|suppleante?|de\s+mairie|des\s+services|du\b|d'|de\s+l'|de\s+la\b|-))"""
_PREFIX = r"(?:comme\s+|en\s+qualite\s+de\s+|en\s+tant\s+que\s+|pour\s+remplir\s+les\s+fonctions\s+de\s+)?"
_NAME = r"(?P<who>[^\n,;:()]{2,80}?)"

# "Secrétaire de séance : Mme Anne ROUX", "Secrétaires : A ; B": a label at the start of a line
# ("Secrétaire : X" without "de séance" only in the head: the body may list an association's board)
LABEL = patterns.compile(rf"(?xm)^[ \t]*(?:[-•*][ \t]*)?{_OFFICE}[ \t]*:[ \t]*(?P<who>[^\n]{{2,120}})")
# The designations where the name follows the words ("a été élu secrétaire : X")...
NAME_AFTER = [
    LABEL,
    # "A été élue secrétaire de séance : Mme Anne ROUX"
    patterns.compile(rf"(?x)(?:a\s+ete|est|sont|ont\s+ete)\s+{_CHOSEN}\s+{_OFFICE}\s*:\s*(?P<who>[^\n]{{2,120}})"),
    # "le conseil désigne Mme Anne ROUX comme secrétaire de séance"
    patterns.compile(rf"""(?x)\b(?:designe|nomme|elit|choisit)\s+{_NAME}
        \s+(?:comme|en\s+qualite\s+de|en\s+tant\s+que)\s+{_OFFICE}"""),
    # "secrétaire de séance, le conseiller le plus jeune, à savoir Anne ROUX"
    patterns.compile(rf"""(?x){_OFFICE}[^.\n]{{0,60}}?,?\s*(?:a\s+savoir|en\s+la\s+personne\s+de)
        \s+(?P<who>[^\n,;.]{{2,60}})"""),
]
# ... and where it comes before them: "Mme Anne ROUX est désignée secrétaire de séance", "X, benjamine,
# a été élue pour remplir ces fonctions" (the words before the name are cut off by its capitals;
# the name and its verb stand on one line).
NAME_BEFORE = [
    # (blanks taken possessively: a run of thousands of spaces would otherwise be split every way)
    patterns.compile(rf"""(?x)(?:^|(?<=[.;:,\n]))[ \t]*+{_NAME}(?:,[^,\n]{{0,80}},)?
        [ \t]++(?:(?:a|2)[ \t]++)?(?:ete|est|sont|fut)\s+
        {_CHOSEN}\s+(?:(?:pour\s+remplir\s+(?:les|ces)\s+fonctions)(?P<plural>)|{_PREFIX}{_OFFICE})"""),
]
# For speed: a text is spared the scan of a pattern when it lacks what every match of the pattern
# holds (a scan costs more than the rest of the rule on a short document; NAME_BEFORE's, which
# tries every length of name at every start of a clause, ten times more).
#: the words of _CHOSEN ("élu", "désignée"...), and the verb and participle of NAME_BEFORE
_CHOSEN_WORDS = ("elu", "designe", "nomme", "choisi")
_CHOSEN_VERB = patterns.compile(rf"(?:ete|est|sont|fut)\s+{_CHOSEN}")
#: for each pattern of NAME_AFTER, the words one of which each of its matches holds, besides
#: "secretaire" (_OFFICE) that all hold
_NAME_AFTER_WORDS = ((), _CHOSEN_WORDS, ("designe", "nomme", "elit", "choisit"), ("savoir", "personne"))
# An earlier sitting, named in the designation's own lines: "secrétaire de la séance du 12 mars".
EARLIER = patterns.compile(r"seance\s+(?:du|en\s+date\s+du)\s+\d|seance\s+precedente|precedente\s+seance"
                           r"|derniere\s+seance|avait\s+ete|lors\s+de\s+la\s+seance")
# Where a sitting's record opens: two records in one file are two sittings.
OPENING = patterns.compile(r"l'an\s+(?:deux\s+)?mil|extrait\s+du\s+registre")
SEPARATOR = patterns.compile(r"\s*(?:;|,|\bet\b|&|\s-\s)\s*")
CIVILITY = patterns.compile(
    r"^(?:(?:mm|mmes?|mlles?|mr|mrs|m|messieurs|mesdames|monsieur|madame|mademoiselle|dr)\b\.?"
    r"(?:\s*(?:et|&)\s*(?:mmes?|mm|m)\b\.?)?\s*)+")
PARTICLES = {"de", "du", "des", "d'", "le", "la", "van", "von", "der", "ben", "el", "di", "da"}
NOT_NAMES = {"maire", "conseil", "conseiller", "conseillere", "president", "presidente", "secretaire",
             "il", "elle", "le", "la", "les", "un", "une", "monsieur", "madame", "adjoint", "adjointe"}


@dataclass
class _Designation:
    people: list[Person]
    span: Span
    start: int  # where its match starts in the text
    sitting: int = 0  # which record of the file: the number of openings before it


def _name_word(word: str) -> bool:
    plain = fold(word).strip(".,")
    return (word[:1].isupper() and plain not in NOT_NAMES) or plain in PARTICLES or bool(CIVILITY.fullmatch(plain))


_NAME_END = patterns.compile(r"\s*(?:[(,;]|\s-\s)")


def _name(text: str, at_end: bool) -> str | None:
    """The name at the start of ``text`` ("Mme Anne ROUX est désignée" gives "Mme Anne ROUX"), or
    at its end ("Il est proposé que Mme Anne ROUX"), without a comment after it ("(benjamine)");
    None when no capitalised name stands there."""
    text = _NAME_END.split(text.strip(), maxsplit=1)[0] if not at_end else text
    words = text.strip().rstrip(".").split()
    kept: list[str] = []
    for word in reversed(words) if at_end else words:
        if not _name_word(word):
            break
        kept.append(word)
    if at_end:
        kept.reverse()
    while kept and fold(kept[0]) in PARTICLES:
        kept.pop(0)
    name = " ".join(kept).strip(" .,")
    key = person(name).normalized if name else ""
    return name if any(len(w.strip(".")) >= 2 for w in key.split()) else None


def _designations(document, text) -> list[_Designation]:
    """Each designation of a secretary of the sitting in the text, with the record it is in."""
    found: list[_Designation] = []
    body = _body(document)
    folded = text.folded
    scans = []
    if "secretaire" in folded:
        scans += [(pattern, False) for pattern, words in zip(NAME_AFTER, _NAME_AFTER_WORDS, strict=True)
                  if not words or any(word in folded for word in words)]
    if any(word in folded for word in _CHOSEN_WORDS) and _CHOSEN_VERB.search(folded):
        scans += [(pattern, True) for pattern in NAME_BEFORE]
    for pattern, at_end in scans:
        for match, span in text.find(pattern):
            if pattern is LABEL and not match["of_sitting"] and (span.page or 0, span.line) >= body:
                continue
            lines = "\n".join(text.folded_lines[text.line_index(match.start()):text.line_index(match.end()) + 1])
            names = [] if EARLIER.search(lines) else _names(text, match, at_end)
            if names:
                found.append(_Designation([person(n) for n in names], text.span(match.start("who"), match.end("who")),
                                          match.start()))
    if len(found) > 1:  # one designation is compared with none: its record is not needed
        openings = [m.start() for m in OPENING.finditer(text.folded)]
        for designation in found:
            designation.sitting = sum(1 for start in openings if start <= designation.start)
    return found


def _body(document) -> tuple[int, int]:
    """Where the first item begins (page, line): the head of the record is above."""
    first = document.deliberations[0].spans.get("deliberated") if document.deliberations else None
    return (first.page or 0, first.line) if first is not None else (0, 0)


def _names(text, match, at_end: bool) -> list[str]:
    """The names a designation gives: one, or several for "secrétaires" ("A ; B", "A et B")."""
    raw = text.text[match.start("who"):match.end("who")]
    plural = bool(match["plural"]) and match["plural"].endswith("s")
    return [n for n in (_name(p, at_end) for p in (SEPARATOR.split(raw) if plural else [raw])) if n]


def _share(a: _Designation, b: _Designation) -> bool:
    """Whether two designations name one person at least."""
    return any(find(b.people, who) for who in a.people)


class SecretaryAmbiguous(Rule):
    """What it checks:
    That a sitting whose secretary is named twice (the attendance label, the sentence of the
    designation, an item of the minutes) names the same member each time.  The same member
    written two ways ("Mme Anne ROUX", "Anne ROUX", "A. ROUX") is one; an auxiliary or deputy
    secretary, the general secretary of the services, and the secretary of an earlier sitting
    are other offices, left alone; so are two secretaries named together ("Secrétaires de
    séance : A ; B").

    Why it matters:
    The secretary is chosen among the members at the start of the sitting (CGCT L2121-15) and,
    since July 2022, signs the deliberations and the minutes: a record that names two different
    secretaries leaves unclear who held the office and whose signature is due.

    How to fix:
    Name the member the council chose, the same way at every place of the record.
    """

    id = "secretary-ambiguous"
    family = "attendance"
    severity = "warning"
    summary = "two different people named secretary of one sitting"
    source = "CGCT art. L2121-15"
    kinds = ("extract", "minutes", "list")
    messages = {
        "two": Message("{second} is named secretary of the sitting, but {first} was named before",
                       fix="name the one secretary the council chose, the same way each time"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND, Paul MARTIN, Anne ROUX, Luc PETIT, Marie LEROY
Secrétaire de séance : Mme Anne ROUX
Délibération n° 2024-07 : Désignation du secrétaire de séance
M. Paul MARTIN est désigné secrétaire de séance.
Adopté à l'unanimité.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Présents : Jean DURAND, Paul MARTIN, Anne ROUX, Luc PETIT, Marie LEROY
Secrétaire de séance : Mme Anne ROUX
Délibération n° 2024-07 : Désignation du secrétaire de séance
Anne ROUX est désignée secrétaire de séance ; Mme Claire FAURE, secrétaire générale des
services, est désignée secrétaire auxiliaire.
Adopté à l'unanimité.
""")

    def check(self, document, text):
        seen: list[_Designation] = []
        in_order = sorted(_designations(document, text), key=lambda d: (d.span.page or 0, d.span.line, d.span.column))
        for designation in in_order:
            same_sitting = [d for d in seen if d.sitting == designation.sitting]
            if same_sitting and not any(_share(d, designation) for d in same_sitting):
                yield self.hit("two", designation.span, first=same_sitting[0].people[0].name,
                               second=designation.people[0].name)
            seen.append(designation)
