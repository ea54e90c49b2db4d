"""number-year-mismatch: a deliberation number that embeds a year other than its sitting's."""

from __future__ import annotations

from ent_lint import patterns
from ent_lint.engine import DeliberationRule, Examples, Message

from .._common import first_span
from ._numbers import embedded_date, embedded_year, number_key, same_subject, serial, series

#: a line that starts with a number of two numeric parts or more, then a title: the acts of the
#: sitting listed again at the end of minutes ("2020-051 Nouvelle proposition pour achat garage")
_LISTED = patterns.compile(
    r"(?m)^[ \t]*(?P<num>(?:[a-z]{1,4}[ ]?[-_]?[ ]?)?\d+(?:[ ]?[/._-][ ]?\d+)+)[ \t]*(?:[-:.)][ \t]*)?(?P<title>\S[^\n]{3,})$")


class NumberYearMismatch(DeliberationRule):
    """What it checks:
    A deliberation number that embeds a year ("DEL2023-12", "2023/45", "12-2023") other than the
    year of its sitting.  The year must stand as its own part of the number, beside another
    numeric part: a bare "N° 2023" is a serial number, not a year.  A number that embeds a whole
    date is left to deliberation-number-date; a sitting date read without certainty is not
    judged.  The act's number is read where the act is headed and where the minutes list the
    sitting's acts again (a line with the same serial number and a like subject).

    Why it matters:
    Registers are numbered year by year: a number from another year's series is a number copied
    from an older act, and points to another act in the register and in @actes.

    How to fix:
    Number the act in its sitting's year series.
    """

    id = "number-year-mismatch"
    family = "register"
    severity = "warning"
    summary = "a deliberation number that embeds a year other than its sitting's"
    source = "register consistency"
    messages = {
        "year": Message("number {number} embeds the year {year}, but the sitting is on {sitting:date}",
                        fix="number the act in the series of {sitting_year}"),
    }
    examples = Examples(
        bad="""\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 14 mars 2024
Délibération n° DEL2023-12 : Tarifs de la cantine scolaire
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 14 mars 2024
Délibération n° DEL2024-12 : Tarifs de la cantine scolaire 2023-2024
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""")

    def check(self, document, text):
        listed = None  # read once, and only for a deliberation judged (for speed)
        for delib in document.deliberations:
            if _judged(delib):
                listed = _listed(text) if listed is None else listed
                yield from self._judge(delib, listed)

    def check_deliberation(self, delib, document, text):
        return self._judge(delib, _listed(text)) if _judged(delib) else ()

    def _judge(self, delib, listed):
        sitting = delib.session.date
        for number, span in [(delib.number, first_span(delib, "number")), *_listed_again(delib, listed)]:
            if embedded_date(number) is not None:
                continue  # deliberation-number-date's
            year = embedded_year(number)
            if year is not None and year != sitting.year:
                yield self.hit("year", span, number=number, year=year, sitting=sitting.isoformat(),
                               sitting_year=sitting.year)


def _judged(delib) -> bool:
    """Whether the deliberation has a number and the date of its sitting, both sure."""
    return bool(delib.number) and delib.session.date is not None and delib.sure("session.date", "number")


def _listed(text):
    """Each line that starts with a number and a title: (number as written, title, span of the number)."""
    return [(text.text[m.start("num"):m.end("num")], text.text[m.start("title"):m.end("title")],
             text.span(m.start("num"), m.end("num"))) for m, _ in text.find(_LISTED)]


def _listed_again(delib, listed):
    """The act's number written again on a list of the sitting's acts: same series and serial
    part, written otherwise, before a subject like the act's."""
    key, shape, rank = number_key(delib.number), series(delib.number), serial(delib.number)
    if rank is None or not delib.title:
        return
    for number, title, span in listed:
        if (not span.unsure and number_key(number) != key and series(number) == shape
                and serial(number) == rank and same_subject(title, delib.title)):
            yield number, span
