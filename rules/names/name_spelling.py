"""name-spelling: one person written two ways in one document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from ent_lint import patterns
from ent_lint.engine import Examples, Location, Message, Option, Rule
from ent_lint.model import Document, Person, Span
from ent_lint.people import everyone, is_first_name, present_people, same_person
from ent_lint.text import TextView, fold

from ._helpers import doubled_letter, edit_distance

# A civility before a person (on folded text; its capitals are checked on the document's own).
CIVILITY = patterns.compile(r"(?<![\w.])(?:(?P<plural>mm\.|mmes\b\.?|messieurs\b|mesdames\b)"
                            r"|m\.|mme\b\.?|mlle\b\.?|monsieur\b|madame\b)(?=\s)")
# A surname written alone in capitals, with its particle ("MARCHAND", "LE GOFF", "D'ARGENT",
# "SAINT-JUST"): not followed on its line by a word with a capital, which would be a first name
# ("Madame MANNOURY Maryline": a full name, maybe of someone else), a verb in capitals
# ("M. DUPONT PRÉSENTE") or a letter broken off by a scan ("COCHA T").
SURNAME = (r"(?:(?:LE|LA|DE|DU|DES|DEL|DI|DA|VAN|VON)\s+|[DL]['’])?"
           r"\p{Lu}[\p{Lu}'’]*\p{Lu}(?:-\p{Lu}[\p{Lu}'’]*\p{Lu})*(?![\p{L}\d'’-])(?![^\S\n]+\p{Lu})")
# After the civility: one surname, or after a plural civility a list ("MM. MARCHAND et DUPONT",
# "Mmes FAUVEL, LABBE et M. SIRI").
ONE_NAME = patterns.compile(rf"\s+(?P<name>{SURNAME})")
NAME_LIST = patterns.compile(rf"\s+(?P<name>{SURNAME})(?:(?:\s*,\s*|\s+et\s+)(?:(?:MM?\.|Mmes?|Mlle)\s+)?"
                             rf"(?P<name>{SURNAME}))*")
# A first name and a surname as a speech writes them ("Denis Vanecke évoque..."), in mixed case.
FULL_NAME = patterns.compile(r"(?<![\p{L}'’-])(?P<first>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[^\S\n]+"
                             r"(?P<last>\p{Lu}\p{Ll}[\p{Ll}'’]*(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}'’-])")
# A first name in mixed case and a surname in capitals, as tables and lists of names write them
# ("Yves NEDELEC", "Mme Danièle MAREC").
# A table's cell may wrap the surname to the next line ("Mme Danièle" / "MAREC"); a word with a
# capital after the surname is a role here ("Yves NEDELEC Conseiller").
FIRST_THEN_CAPITALS = patterns.compile(
    r"(?<![\p{L}'’-])(?P<first>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
    r"(?P<last>(?:(?:LE|LA|DE|DU|DES|DEL|DI|DA|VAN|VON)\s+|[DL]['’])?"
    r"\p{Lu}[\p{Lu}'’]*\p{Lu}(?:-\p{Lu}[\p{Lu}'’]*\p{Lu})*)(?![\p{L}\d'’-])")
# A capitalised word standing alone, as a first name written without its surname.
WORD = patterns.compile(r"(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}'’-])")
#: words in capitals after a civility that are not surnames: roles, and civilities
_NOT_SURNAMES = {"maire", "adjoint", "adjointe", "adjoints", "conseiller", "conseillere", "conseillers",
                 "delegue", "deleguee", "president", "presidente", "secretaire", "rapporteur", "prefet",
                 "prefete", "directeur", "directrice", "depute", "senateur", "le maire", "la maire",
                 "le president", "la presidente", "mmes", "mesdames", "messieurs", "monsieur", "madame"}


def _surnames(person: Person) -> set[str]:
    """Words written in capitals: the surname, by French convention."""
    words = person.name.replace("-", " ").split()
    upper = {fold(w) for w in words if w.isupper() and len(w) > 1}
    return upper if upper and len(upper) < len(words) else set()


def spelling_variant(a: Person, b: Person, max_distance: int) -> bool:
    """Whether two names are one person's, one word written with other letters."""
    ta, tb = a.normalized.split(), b.normalized.split()
    if len(ta) != len(tb) or len(ta) < 2 or a.normalized == b.normalized:
        return False
    only_a = [t for t in ta if t not in tb]
    only_b = [t for t in tb if t not in ta]
    if len(only_a) != 1 or len(only_b) != 1:
        return False
    x, y = only_a[0], only_b[0]
    if x.endswith(".") or y.endswith(".") or min(len(x), len(y)) < 4:
        return False
    distance = edit_distance(x, y)
    surname = x in _surnames(a) or y in _surnames(b) or x in _surnames(b) or y in _surnames(a)
    if surname:
        return distance <= (max_distance if min(len(x), len(y)) >= 7 else min(max_distance, 1))
    # a first name: only a letter typed for another (Patrick / Patricia are two people)
    return distance == 1 and len(x) == len(y)


def _misread(a: Person, b: Person) -> bool:
    """Two spellings of which OCR read one, a letter apart in a long name: a misreading of the
    scan (the lists and counts take them for one person), not the document's spelling."""
    return (a.span.ocr or b.span.ocr) and same_person(a, b)


def _key(surname: str) -> str:
    return " ".join(fold(surname).replace("-", " ").replace("’", "'").split())


def _may_be_surname(key: str) -> bool:
    """Long enough to tell a misspelling from another name (5 letters), and not a role."""
    return key not in _NOT_SURNAMES and len(key.replace(" ", "")) >= 5


def _attendance(document: Document) -> list[Person]:
    """The members the attendance lists name: present, absent, proxies, secretary."""
    people: list[Person] = []
    for delib in document.deliberations:
        people += present_people(delib) + delib.absent
        people += [p.grantor for p in delib.proxies] + [p.holder for p in delib.proxies]
        people += [delib.secretary] if delib.secretary is not None else []
    return people


def _members(document: Document) -> dict[str, Person]:
    """The surnames in capitals of the members the attendance lists name, each with its first
    entry."""
    members: dict[str, Person] = {}
    for person in _attendance(document):
        surname = _surname_of(person)
        if surname and person.span is not None:
            members.setdefault(surname, person)
    return members


def _named_in_lists(document: Document) -> list[Person]:
    """The people of the lists, signatures and parties; not the members who do not vote an item,
    who are named in its text, as the surnames this rule checks there."""
    not_voting = {id(person) for delib in document.deliberations for person in delib.not_voting}
    return [person for person in everyone(document) if id(person) not in not_voting]


_WORD_EDGE = patterns.compile(r"[\s.]+")


def _surname_of(person: Person) -> Optional[str]:
    """The words in capitals of a list's entry: its surname ("Paul MARCHAND", "LE GOFF Alain",
    "A. PARENT", "D.NICOLAS", "MARCHAND"); initials are left out."""
    upper = [w for w in _WORD_EDGE.split(person.name) if len(w) > 1 and w.isupper()]
    return _key(" ".join(upper)) if upper else None


_ABBREVIATED = patterns.compile(r"\b(?:Mmes?|Mlles?|Mr|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames)\b")


def _written_alone(text: TextView) -> Iterator[tuple[str, Span]]:
    """Surnames written in capitals after a civility, with their spans, in a line that is not
    all in capitals (where capitals do not mark a name)."""
    for match in CIVILITY.finditer(text.folded):
        start = match.start()
        if not text.text[start].isupper():
            continue
        names = (NAME_LIST if match["plural"] else ONE_NAME).match(text.text, match.end())
        if not names:  # (tried before the line, which costs more)
            continue
        line_end = text.text.find("\n", start)
        line = text.text[text.text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else None]
        if not any(c.islower() for c in _ABBREVIATED.sub("", line)):
            continue  # "ONT PRIS PART M. HUET, Mme COCHAT": in capitals but for its civilities
        for index, name in enumerate(names.captures("name")):
            yield name, text.span(names.starts("name")[index], names.ends("name")[index])


def _first_and_surname(person: Person) -> Optional[tuple[str, str]]:
    """The folded first name and surname key of a list's entry: "Prénom NOM" or "NOM Prénom"
    (the surname in capitals), or "Prénom Nom" in two words; None when it cannot be told."""
    words = person.name.replace(",", " ").split()
    upper = [w for w in words if len(w) > 1 and w.isupper()]
    first = [w for w in words if w[:1].isupper() and not w.isupper()]
    if upper and len(first) == 1:
        return fold(first[0]), _key(" ".join(upper))
    if not upper and len(words) == 2 and all(w[:1].isupper() for w in words):
        return fold(words[0]), _key(words[1])
    return None


def _doubled_namesake(pairs: dict[tuple[str, str], Person], written: tuple[str, str],
                      first_as_written: str) -> Optional[Person]:
    """The one member whose (first name, surname) is ``written`` with a letter doubled or
    undoubled in one of the two.  Another surname is believed only after a known first name; a
    member's surname vouches for the word before it."""
    if not _may_be_surname(written[1]):
        return None
    near = [person for (first, last), person in pairs.items()
            if (first == written[0] and doubled_letter(last, written[1]) and is_first_name(first_as_written))
            or (last == written[1] and doubled_letter(first, written[0]))]
    return near[0] if len(near) == 1 else None


def _also(span: Span) -> list[Location]:
    """The other place a name is written, for the finding's related locations (its path is the
    document's)."""
    return [Location("", span.page, span.line, span.text)]


def _full_name_mentions(lists: "_Lists") -> list:
    """"Prénom NOM" and "Prénom Nom" mentions, in the document's order (overlapping: in "Gymnase
    Robert Deschamp" the name is the second pair of words)."""
    return sorted(lists.first_then_capitals + lists.full_names_overlapping, key=lambda match: match.start())


def _apart(overlapping: list) -> list:
    """Of the matches of a pattern at every position (``finditer(overlapped=True)``), those that
    ``finditer`` gives: the first, then each first that starts where the one before ends (the
    match at a position is the same whatever the search started from).  For speed: one scan of
    the text for both."""
    kept: list = []
    for match in overlapping:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


@dataclass
class _Lists:
    """What the checks of one document read from its lists, computed once for all of them."""

    #: the members the attendance lists name, each with its first name and surname (or None)
    attendance: list[tuple[Person, Optional[tuple[str, str]]]]
    #: the people of the lists, signatures and parties (see _named_in_lists)
    named: list[Person]
    #: where they stand: (page, line)
    listed: set[tuple[Optional[int], int]]
    #: the "Prénom NOM" of the text (two checks read them)
    first_then_capitals: list
    #: the "Prénom Nom" of the text: where they overlap ("Gymnase Robert Deschamp"), and not
    full_names_overlapping: list
    full_names: list

    @classmethod
    def of(cls, document: Document, text: TextView) -> "_Lists":
        named = _named_in_lists(document)
        overlapping = list(FULL_NAME.finditer(text.text, overlapped=True))
        return cls([(person, _first_and_surname(person)) for person in _attendance(document)], named,
                   {(person.span.page, person.span.line) for person in named},
                   list(FIRST_THEN_CAPITALS.finditer(text.text)), overlapping, _apart(overlapping))


_SAME_WAY = "write the name the same way everywhere"
_MEMBER = "check the member's name and write it the same way everywhere"


class NameSpelling(Rule):
    """What it checks:
    One person written two ways in one document: the same words but one whose letters differ
    ("SIEYES" / "SIEYE").  Accents, case, word order and hyphens alone are not errors
    ("LANSADÉ" / "Lansade"), and the same surname with another first name is another person
    ("Patrick GARNIER" / "Jean-Pascal GARNIER"; "Lucien BIANCHI" / "Danièle BLANCHI").

    A surname written alone in capitals where a person stands (after "M.", "Mme", "MM.",
    "Monsieur", "Madame": the speaker of a paragraph, a list of names in a vote) is compared with
    the surnames of the attendance lists: one that is none of them but differs by a letter or two
    from exactly one of them is that member's name misspelt ("Contre : MM. MARCHANT et GARNIER"
    with Alain MARCHAND present).  So is a member's first name followed by a surname in mixed
    case, as speeches write members ("Denis Vanecke évoque..." with Denis Vanhecke in the list),
    when one letter only differs and no other member of that first name is as near.  A letter
    doubled or undoubled is caught in a member's surname ("Yves NEDELEC" for Yves NEDELLEC) and
    first name ("Danièle MAREC" for Danielle MAREC; "Mathieu" where the lists name members by
    first name alone and write "Matthieu").  Outside the lists, one full name written twice with
    one letter of a long surname changed ("François COMBORIEU", "François Combourieu") is
    reported too.  Surnames of fewer than 5 letters, words in capitals that are not after a
    civility (headings, verbs), roles ("M. LE MAIRE"), a surname near two members' and words
    read by OCR are left alone.

    Why it matters:
    A signatory or a party whose name varies cannot be identified with certainty.

    How to fix:
    Check the person's name in the register of members and write it one way.
    """

    id = "name-spelling"
    family = "names"
    severity = "warning"
    summary = "one person written two ways (letters differ)"
    source = "consistency"
    messages = {
        "variant": Message("« {name} » is written « {other} » elsewhere (line {line})", fix=_SAME_WAY),
        "variant-on-page": Message("« {name} » is written « {other} » elsewhere, "
                                   "page {page}, line {line}", fix=_SAME_WAY),
        "alone": Message("« {name} » is written « {other} » in the attendance lists (line {line})",
                         fix=_MEMBER),
        "alone-on-page": Message("« {name} » is written « {other} » in the attendance lists, "
                                 "page {page}, line {line}", fix=_MEMBER),
    }
    options = {
        "max-distance": Option(int, 2, "letters that may differ between two spellings of one surname of "
                                       "7 letters or more (shorter surnames: 1 at most; 0 checks none)"),
    }
    examples = Examples(
        bad="""\
COMMUNE DE SAINT-MARTIN
COMPTE RENDU DU CONSEIL MUNICIPAL DU 11 AVRIL 2024
En exercice : 5 - Présents : 5 - Votants : 5
Présents : MM. Paul DURAND, Alain MARCHAND, Patrick GARNIER, Jean-Pascal GARNIER, Mme Jeanne FAUCHER
Secrétaire de séance : Mme Jeanne FAUCHER

Délibération n° 2024-15 : Marché de travaux de voirie
M. MARCHANT rappelle que le marché a été publié au BOAMP.
Le conseil municipal, après en avoir délibéré, ATTRIBUE le marché.
Vote : Pour : 3 ; Contre : MM. MARCHANT et GARNIER
""",
        good="""\
COMMUNE DE SAINT-MARTIN
COMPTE RENDU DU CONSEIL MUNICIPAL DU 11 AVRIL 2024
En exercice : 5 - Présents : 5 - Votants : 5
Présents : MM. Paul DURAND, Alain MARCHAND, Patrick GARNIER, Jean-Pascal GARNIER, Mme Jeanne FAUCHER
Secrétaire de séance : Mme Jeanne FAUCHER

Délibération n° 2024-15 : Marché de travaux de voirie
M. MARCHAND rappelle que le marché a été publié au BOAMP.
Le conseil municipal, après en avoir délibéré, ATTRIBUE le marché.
Vote : Pour : 3 ; Contre : MM. MARCHAND et GARNIER
""")

    def check(self, document, text):
        lists = _Lists.of(document, text)
        yield from self._pairs(document)
        yield from self._alone(document, text, lists)
        yield from self._in_full(text, lists)
        yield from self._first_name_doubled(text, lists)
        yield from self._first_names_only(text, lists)
        yield from self._mentions_two_ways(text, lists)

    def _allowed(self, a: str, b: str) -> int:
        """How many letters may differ between two spellings of a surname."""
        limit = self.settings["max-distance"]
        return limit if min(len(a), len(b)) >= 7 else min(limit, 1)

    def _pairs(self, document: Document) -> Iterator:
        """Two entries of the lists, signatures or parties that name one person two ways."""
        seen: dict[str, Person] = {}
        for who in everyone(document):
            seen.setdefault(who.normalized, who)
        people = list(seen.values())
        for index, a in enumerate(people):
            for b in people[index + 1:]:
                if spelling_variant(a, b, self.settings["max-distance"]) and not _misread(a, b):
                    later, earlier = sorted((a, b), key=lambda p: (p.span.page or 0, p.span.line))[::-1]
                    where = {"page": earlier.span.page} if earlier.span.page else {}
                    yield self.hit("variant-on-page" if where else "variant", later.span, locations=_also(earlier.span),
                                   name=later.name,
                                   other=earlier.name, line=earlier.span.line, **where)

    def _alone(self, document: Document, text: TextView, lists: _Lists) -> Iterator:
        """A surname written alone after a civility ("M. MARCHANT indique", "Contre : MM. MARCHANT
        et DUPONT") that is one member's surname of the lists with a letter or two changed."""
        members = _members(document)
        if not members:
            return
        known = {word for person in lists.named for word in person.normalized.split()} | set(members)
        for written, span in _written_alone(text):
            key = _key(written)
            # the lists' own lines are compared by _pairs
            if key in known or (span.page, span.line) in lists.listed or not _may_be_surname(key):
                continue
            member = self._only_member_near(key, members)
            if member is None:
                continue
            known.add(key)  # one finding per spelling: its first place
            yield self._as_in_lists(span, written, member)

    def _in_full(self, text: TextView, lists: _Lists) -> Iterator:
        """A member's first name followed by a surname that is the member's with one letter
        changed ("Denis Vanecke" for Denis Vanhecke): only among the members of that first name,
        and only where one of them is near.  One letter only: in mixed case, two letters apart
        are often two families' names (Marchand, Marchal)."""
        by_first: dict[str, dict[str, Person]] = {}
        for person, names in lists.attendance:
            if names and person.span is not None:
                by_first.setdefault(names[0], {}).setdefault(names[1], person)
        if not by_first:
            return
        known = {word for person in lists.named for word in person.normalized.split()}
        # first names followed by a surname in mixed case, as speeches write members
        for match in lists.full_names:
            first, last = match["first"], match["last"]
            namesakes = by_first.get(fold(first))
            key = _key(last)
            if (not namesakes or key in known or key in namesakes  # "Rouvier-Corouge": as the lists write it
                    or not _may_be_surname(key)):
                continue
            span = text.span(match.start(), match.end())  # made for the few names left (for speed)
            if (span.page, span.line) in lists.listed:
                continue
            member = self._only_member_near(key, namesakes, most=1)
            if member is None:
                continue
            known.add(key)
            yield self._as_in_lists(span, f"{first} {last}", member)

    def _first_name_doubled(self, text: TextView, lists: _Lists) -> Iterator:
        """A member's surname in capitals after a first name that is the member's with a letter
        doubled or undoubled ("Danièle MAREC" for Danielle MAREC), or a member's first name
        before a surname in capitals that is the member's with a letter doubled or undoubled
        ("Yves NEDELEC" for Yves NEDELLEC, even when another member is Marc NEDELEC): the pair
        is nobody's in the lists, and one member only is that near."""
        pairs: dict[tuple[str, str], Person] = {}
        for person, names in lists.attendance:
            if names and person.span is not None:
                pairs.setdefault(names, person)
        if not pairs:
            return
        reported: set[tuple[str, str]] = set()
        for match in lists.first_then_capitals:
            written = (fold(match["first"]), _key(match["last"]))
            if written in pairs or written in reported:
                continue
            span = text.span(match.start(), match.end())  # made for the few names left (for speed)
            if (span.page, span.line) in lists.listed or span.ocr:
                continue
            member = _doubled_namesake(pairs, written, match["first"])
            if member is None:
                continue
            reported.add(written)
            yield self._as_in_lists(span, f"{match['first']} {match['last']}", member)

    def _first_names_only(self, text: TextView, lists: _Lists) -> Iterator:
        """Where the lists name members by their first name alone ("Présents : Anne-Marie,
        Matthieu, Nelly"), a first name written elsewhere that is one member's with a letter
        doubled or undoubled ("Mathieu") and nobody's in the lists.  Only doubled letters: a
        first name one letter away is often another person's (Mario, Maria; Denis, Denise)."""
        members: dict[str, Person] = {}
        for person, _ in lists.attendance:
            if person.span is not None:
                members.setdefault(fold(person.name), person)
        alone = {key: person for key, person in members.items() if len(key.split()) == 1}
        if len(alone) < 3 or len(alone) * 3 < len(members) * 2:
            return
        reported: set[str] = set()
        for match in WORD.finditer(text.text):
            word = fold(match.group())
            if word in alone or word in reported or len(word) < 4:
                continue
            span = text.span(match.start(), match.end())
            if (span.page, span.line) in lists.listed or span.ocr or not is_first_name(match.group()):
                continue
            near = [person for key, person in alone.items() if doubled_letter(key, word)]
            if len(near) != 1:
                continue
            reported.add(word)
            member = near[0]
            yield self._as_in_lists(span, match.group(), member)

    def _mentions_two_ways(self, text: TextView, lists: _Lists) -> Iterator:
        """Outside the lists (a convention, a place named after someone), one full name written
        twice with one letter of a long surname changed ("complexe sportif François COMBORIEU",
        then "Complexe Sportif François Combourieu").  A known first name, the same in both, and
        a surname of 7 letters or more; names the lists hold are left to the checks above.  Words
        read by OCR are not compared: a letter misread is not the council's."""
        members = {names for _, names in lists.attendance if names}
        first_seen: dict[tuple[str, str], tuple[str, Span]] = {}
        for match in _full_name_mentions(lists):
            key = (fold(match["first"]), _key(match["last"]))
            if key in members or key in first_seen or len(key[1]) < 7:
                continue
            span = text.span(match.start(), match.end())  # made for the few names left (for speed)
            if (span.page, span.line) in lists.listed or span.ocr or not is_first_name(match["first"]):
                continue
            written = " ".join(match.group().split())
            earlier = [(name, where) for (first, last), (name, where) in first_seen.items()
                       if first == key[0] and edit_distance(last, key[1]) == 1]
            first_seen[key] = (written, span)
            if len(earlier) == 1:
                name, where = earlier[0]
                on_page = {"page": where.page} if where.page else {}
                yield self.hit("variant-on-page" if on_page else "variant", span, locations=_also(where),
                               name=written, other=name, line=where.line, **on_page)

    def _as_in_lists(self, span: Span, written: str, member: Person):
        """The finding: ``written`` at ``span`` is ``member``'s name as the lists write it."""
        where = {"page": member.span.page} if member.span.page else {}
        return self.hit("alone-on-page" if where else "alone", span, locations=_also(member.span), name=written,
                        other=member.name, line=member.span.line, **where)

    def _only_member_near(self, key: str, members: dict[str, Person], most: int = 2) -> Optional[Person]:
        """The member whose surname differs from ``key`` by the letters allowed (and ``most`` at
        most), if only one does."""
        near = [person for surname, person in members.items()
                if edit_distance(key, surname) <= min(self._allowed(key, surname), most)]
        return near[0] if len(near) == 1 else None
