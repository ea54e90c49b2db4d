"""proxies-exceed-absent: more proxies than members absent, or a grantor named in no absence list."""

from __future__ import annotations

from collections.abc import Iterator

from ent_lint import patterns
from ent_lint.engine import DeliberationRule, Examples, Message
from ent_lint.model import Person
from ent_lint.people import find, person, present_people

from .._common import first_span
from ._helpers import part_of_sitting

# The label of a list of absent members, at the start of a line (folded): "Absents excusés :",
# "Étaient excusés", "Absent(e)s représenté(e)s :", "Excusés ayant donné procuration :",
# "Était absent, excusé et a donné pouvoir :".  The label runs to its colon, when it has one.
_ABSENCE = r"(?:absent|excuse|represente)(?:e|\(e\))?(?:s|\(s\))?"
ABSENCE_LABEL = patterns.compile(
    rf"""(?xm)^[ \t]*(?:[-•*][ \t]*)?
    (?:(?:etai(?:en)?t|sont|est|membres?|conseillers?(?:[ \t]+municipaux)?)[ \t]+)?
    {_ABSENCE}(?=[\s,:(-]|$)(?:[^:\n]{{0,70}}:)?""")
# A line that opens another part of the head (a label with its colon, or a sentence): the
# absence list ended on the line before.  "procuration à X) ; Y" goes on with the list.
OTHER_PART = patterns.compile(
    r"""(?x)^[ \t]*(?:[-•*][ \t]*)?(?:
      (?:(?:etai(?:en)?t|sont|membres?|conseillers?)[ \t]+)?
      (?:presente?s?|pouvoirs?|procurations?|mandats?|secretaires?|votants?|en\s+exercice|nombre)\b
      (?:[^:\n]{0,60}:|\s*(?:\(\d+\))?\s*$)
    | ordre\s+du\s+jour|a\s+ete\s+(?:elue?|designee?|nommee?)|l'an\b|deliberation\b|objet\b|vu\b
    | (?:monsieur|madame|m\.)?\s*le\s+maire\b)""")
# What follows a name in an absence list: the proxy it gave, a title.
AFTER_NAME = patterns.compile(
    r"\b(?:qui|ayant|a\s+donne|donne|donnant|pouvoir|procuration|mandat|represente|par|a|au|adjointe?"
    r"|conseill\w*|maire|delegue\w*|excuse\w*|absent\w*)\b")
SEPARATOR = patterns.compile(r"[,;/•·\n]|\s[-–]\s|\s+et\s+|\s{3,}")
PARENTHESES = patterns.compile(r"\([^()]*\)?")
REGION_LINES = 15  # an absence list is never longer than that in a head


def _attendance_lines(delib) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and last place (page, line) of the head's lists: absence labels are looked for
    there, not in the body of the minutes."""
    places = [(s.page or 0, s.line) for key, s in delib.spans.items() if key.startswith("list.") or key == "secretary"]
    return (min(places), max(places)) if places else ((0, 0), (0, -1))


def _absence_lists(text, delib) -> Iterator[str]:
    """The folded text of each absence list of the head: the label's line after its colon, and
    the lines under it until a blank line or another part of the head."""
    first, last = _attendance_lines(delib)
    for match, span in text.find(ABSENCE_LABEL):
        place = (span.page or 0, span.line)
        if not first <= place <= (last[0], last[1] + REGION_LINES):
            continue
        index = text.line_index(match.start())
        parts = [text.folded[match.end():text.starts[index] + len(text.folded_lines[index])]]
        for folded in text.folded_lines[index + 1:index + REGION_LINES]:
            if not folded.strip() or OTHER_PART.match(folded) or ABSENCE_LABEL.match(folded):
                break
            parts.append(folded)
        yield "\n".join(parts)


def _names(absence_list: str) -> list[Person]:
    """The people an absence list names, each without the proxy or title written after it."""
    people = []
    for piece in SEPARATOR.split(PARENTHESES.sub(" ", absence_list)):
        cut = AFTER_NAME.search(piece)
        name = (piece[:cut.start()] if cut else piece).strip(" .:-*")
        if name:
            who = person(name)
            if who.normalized and any(len(w) > 1 for w in who.normalized.split()):
                people.append(who)
    return people


class ProxiesExceedAbsent(DeliberationRule):
    """What it checks:
    That the proxies agree with the absences: no more proxies than members absent (members in
    office less members present, by the present count or the present list, whichever is
    fewer), and, where the lists of absent or excused members name the members who gave a
    proxy, that every member who gave one is named there.  A document whose absence list names
    only the members absent without a proxy ("Absents : X" beside "Pouvoirs : Y à Z") is left
    alone, as is one with no absence list at all: a proxy says its grantor was absent.  Any
    absence label counts ("absents excusés", "absents représentés", "excusés"), and a name may
    be written another way (an initial, the surname first).

    Why it matters:
    Only a member kept away may give a proxy (CGCT L2121-20).  A grantor missing from the
    absences was present, and the vote cast for him was cast twice; or the absence list is short
    and the attendance counts built on it are wrong.

    How to fix:
    Name every member who gave a proxy among the absent or excused members; if the member was
    in fact present, strike the proxy out and correct the voters.
    """

    id = "proxies-exceed-absent"
    family = "attendance"
    severity = "warning"
    summary = "more proxies than members absent, or a proxy grantor named in no absence list"
    source = "CGCT art. L2121-20"
    messages = {
        "exceed": Message("{proxies} proxies given, more than the {absent} member absent "
                          "({in_office} in office, {present} present)",
                          plural="{proxies} proxies given, more than the {absent} members absent "
                                 "({in_office} in office, {present} present)", count="absent",
                          fix="a member present cannot give a proxy: check the proxies and the present count"),
        "not-absent": Message("{grantor} gave a proxy to {holder} but is named in no list of absent or excused "
                              "members", fix="add {grantor} to the absent or excused members, or strike the proxy out"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Membres en exercice : 11
Présents : Jean DURAND, Paul MARTIN, Anne ROUX, Luc PETIT, Marie LEROY, Hugo BLANC, Léa NOIR
Absents excusés : Claire FAURE, Henri MOREAU, Eric GIRARD
Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN, Sophie LAMBERT à Anne ROUX
Secrétaire de séance : Anne ROUX
Délibération n° 2024-07 : Subventions aux associations
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les subventions.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Membres en exercice : 11
Présents : Jean DURAND, Paul MARTIN, Anne ROUX, Luc PETIT, Marie LEROY, Hugo BLANC, Léa NOIR
Absents excusés : Claire FAURE, Henri MOREAU, Mme S. LAMBERT, Eric GIRARD
Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN, Sophie LAMBERT à Anne ROUX
Secrétaire de séance : Anne ROUX
Délibération n° 2024-07 : Subventions aux associations
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les subventions.
""")

    def check_deliberation(self, delib, document, text):
        if not delib.proxies or not delib.sure("proxies") or part_of_sitting(delib):
            return
        yield from self._exceed(delib)
        if delib.lists_complete and delib.sure("absent"):
            yield from self._not_absent(delib, text)

    def _exceed(self, delib):
        in_office, present = delib.counts.in_office, _present(delib)
        if (in_office is None or present is None or present > in_office or delib.attendance_changed
                or not delib.sure("counts.in_office", "counts.present")):
            return
        given = len(_grantors(delib))
        if given > in_office - present:
            yield self.hit("exceed", first_span(delib, "list.proxies", "counts.represented", "counts.present"),
                           proxies=given, absent=in_office - present, in_office=in_office, present=present)

    def _not_absent(self, delib, text):
        if any(proxy.span is None for proxy in delib.proxies):
            return  # proxies read from a table: its columns are the absences, not a list in the text
        named = [person for absence_list in _absence_lists(text, delib) for person in _names(absence_list)]
        grantors = [(proxy, find(named, proxy.grantor) is not None) for proxy in delib.proxies
                    if find(delib.present, proxy.grantor) is None]
        if not any(found for _, found in grantors):
            return  # the absence lists name the members absent without a proxy only, or none
        for proxy, found in grantors:
            if not found:
                yield self.hit("not-absent", proxy.span, grantor=proxy.grantor.name, holder=proxy.holder.name)


def _present(delib) -> int | None:
    """The members present: the fewer of the declared count and the present list read with
    certainty (the president counts, listed or not).  Where the two differ, present-count says
    so; the proxies exceed the absences only if they do whichever figure is true."""
    figures = [delib.counts.present] if delib.counts.present is not None else []
    if delib.present and delib.sure("present"):
        figures.append(len(present_people(delib)))
    return min(figures) if figures else None


def _grantors(delib) -> list[Person]:
    """The members who gave a proxy, each once: a proxy written in the absence list and again in
    the list of proxies is one proxy."""
    grantors: list[Person] = []
    for proxy in delib.proxies:
        if find(grantors, proxy.grantor) is None:
            grantors.append(proxy.grantor)
    return grantors

