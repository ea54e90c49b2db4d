"""Dates: placeholders, words against digits, weekdays, convocation delay, chronology."""

from __future__ import annotations

import datetime as dt

import regex

from ent_lint import reference
from ent_lint.engine import Rule
from ent_lint.model import Blank
from ent_lint.parse.dates import WEEKDAYS, weekday_name

from ._common import first_span

_FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre"]


def french(day: dt.date) -> str:
    return f"{day.day} {_FR_MONTHS[day.month - 1]} {day.year}"


_DELIBERATION_DATES = {
    "convened_on": "the convocation date", "posted_on": "the posting date",
    "signed_on": "the signature date", "transmitted_on": "the transmission date",
    "published_on": "the publication date", "convention_end": "the convention's end date",
}


class BlankDate(Rule):
    """What it checks:
    A date left as a placeholder: "le .....", "__/__/____", "../../....", "XX/XX/XXXX".  A
    blank signature date on a convention annexed before it is signed is normal and reported at
    info level only.

    Why it matters:
    An operative date left blank (the end of a convention, a convocation) leaves the act
    incomplete: nobody can say when its effects end.

    Example:
    "La présente convention ... prendra fin le....." while the deliberation says 27 December
    2026.

    How to fix:
    Write the date; if the deliberation states it, copy it from there.
    """

    id = "blank-date"
    family = "dates"
    severity = "warning"
    summary = "a date left as a placeholder (\"le .....\", \"__/__/____\", \"XX\")"
    source = "completeness"

    def check(self, document):
        reported = set()
        for delib in document.deliberations:
            for field, label in _DELIBERATION_DATES.items():
                value = getattr(delib, field)
                if isinstance(value, Blank):
                    span = delib.spans.get(field)
                    reported.add((span.page, span.line) if span else None)
                    yield self.hit(f"{label} is left blank", span, fix="write the date")
        for conv in document.conventions:
            if isinstance(conv.end_date, Blank):
                span = conv.spans.get("end_date")
                reported.add((span.page, span.line) if span else None)
                stated = next((d.convention_end for d in document.deliberations
                               if isinstance(d.convention_end, dt.date)), None)
                detail = f" while the deliberation states {french(stated)}" if stated else ""
                yield self.hit(f"the convention's end date is left blank{detail}", span,
                               fix=f"write « prendra fin le {french(stated)} »" if stated else "write the end date")
            if isinstance(conv.signed_on, Blank):
                span = conv.spans.get("signed_on")
                reported.add((span.page, span.line) if span else None)
                yield self.hit("the convention's signature date is left blank (normal before signature)",
                               span, severity="info", fix="date the convention when it is signed")
        for mention in document.mentions_of("blank"):
            if (mention.span.page, mention.span.line) in reported:
                continue
            if mention.in_draft:
                yield self.hit(f"a date is left blank in a convention not signed yet (normal before "
                               f"signature): « {mention.text} »", mention.span, severity="info",
                               fix="write the date when the convention is signed")
            elif mention.value == "signature":  # "Fait à ..., le ____": dated when signed
                yield self.hit(f"a signature date is left blank (normal before signature): « {mention.text} »",
                               mention.span, severity="info", fix="date it when it is signed")
            else:
                yield self.hit(f"a date is left blank: « {mention.text} »", mention.span,
                               fix="write the date")


class DateWordsMismatch(Rule):
    """What it checks:
    The sitting date written in words ("L'an deux mille vingt-trois, le vingt-sept novembre")
    against the sitting date written in digits.

    Why it matters:
    Two dates for one sitting make the act's date, and every delay counted from it, uncertain.

    Example:
    "Séance du 27/11/2023" and "L'an deux mille vingt-trois, le vingt-huit novembre".

    How to fix:
    Correct the one that is wrong; the words are usually copied from an older template.
    """

    id = "date-words-mismatch"
    family = "dates"
    severity = "error"
    summary = "sitting date in words ≠ sitting date in digits"
    source = "consistency"

    def check(self, document):
        for delib in document.deliberations:
            words, digits = delib.session.date_in_words, delib.session.date
            if words and digits and words != digits:
                yield self.hit(f"the sitting date in words ({french(words)}) differs from the date "
                               f"in digits ({french(digits)})",
                               delib.spans.get("session.date_in_words"),
                               fix="write the same date in words and in digits")


class WeekdayMismatch(Rule):
    """What it checks:
    A weekday written beside a date ("lundi 27 novembre 2023") that is not that date's day.

    Why it matters:
    The wrong weekday usually means the date itself was mistyped.

    Example:
    "Séance du mardi 27 novembre 2023" (27 November 2023 was a Monday).

    How to fix:
    Check the date, then the weekday.
    """

    id = "weekday-mismatch"
    family = "dates"
    severity = "warning"
    summary = "a weekday that does not match its date"
    source = "consistency"

    def check(self, document):
        for mention in document.mentions_of("weekday"):
            weekday, iso = mention.value.split("\t")
            day = dt.date.fromisoformat(iso)
            if weekday in WEEKDAYS and weekday_name(day) != weekday:
                yield self.hit(f"{french(day)} was a {weekday_name(day)}, not a {weekday}",
                               mention.span, fix=f"write « {weekday_name(day)} {french(day)} »")


class ConvocationDelay(Rule):
    """What it checks:
    The clear days between the convocation and the sitting: 3 under 3,500 inhabitants
    (L2121-11), 5 from 3,500 (L2121-12) and in every EPCI (L5211-1); 1 in urgency when the
    document says so.  Neither the day of sending nor the day of the sitting counts.  The size
    bracket is read from the legal size (27 seats or more: 3,500 inhabitants or more).
    Alsace-Moselle communes under 3,500 follow local rules (L2541-1, L2541-2) and are not
    checked.

    Why it matters:
    A convocation sent too late vitiates every deliberation of the sitting.

    Example:
    Convocation on 23/11/2023 for a sitting on 27/11/2023 in a council of 33: 3 clear days
    where 5 are required.

    How to fix:
    Check the date of the convocation; if the delay was cut for urgency, say so.
    """

    id = "convocation-delay"
    family = "dates"
    severity = "error"
    summary = "fewer clear days than required, with no urgency mention"
    source = reference.CONVOCATION_SOURCE

    def check(self, document):
        for delib in document.deliberations:
            sent, sitting = delib.convened_on, delib.session.date
            if not isinstance(sent, dt.date) or sitting is None or sent > sitting:
                continue
            size = delib.counts.legal_size or (
                reference.legal_size_for(delib.counts.in_office) if delib.counts.in_office else None)
            large = delib.body == "community council" or (size or 0) >= reference.SEATS_FROM_3500
            if not large and document.department in reference.ALSACE_MOSELLE:
                continue
            required = reference.CLEAR_DAYS_LARGE if large else reference.CLEAR_DAYS_SMALL
            if delib.urgency:
                required = 1
            clear = (sitting - sent).days - 1
            if clear < required:
                yield self.hit(
                    f"{clear} clear days between the convocation ({french(sent)}) and the sitting "
                    f"({french(sitting)}); {required} required",
                    delib.spans.get("convened_on"),
                    fix="check the convocation date, or mention the urgency that shortened it")


class Chronology(Rule):
    """What it checks:
    Convocation and its posting before the sitting; transmission, publication and signature
    on or after it.

    Why it matters:
    An act cannot be transmitted or published before it was adopted (CGCT L2131-1); such dates
    are typing errors that a prefecture rejects.

    Example:
    "Transmis en préfecture le 20/11/2023" for a sitting on 27/11/2023.

    How to fix:
    Correct the date that is out of order.
    """

    id = "chronology"
    family = "dates"
    severity = "error"
    summary = "convocation or posting after the sitting; transmission, publication or signature before it"
    source = "CGCT art. L2131-1"

    def check(self, document):
        for delib in document.deliberations:
            sitting = delib.session.date
            if sitting is None:
                continue
            for field in ("convened_on", "posted_on"):
                value = getattr(delib, field)
                if isinstance(value, dt.date) and value > sitting:
                    yield self.hit(f"{_DELIBERATION_DATES[field]} ({french(value)}) is after the "
                                   f"sitting ({french(sitting)})", delib.spans.get(field))
            for field in ("transmitted_on", "published_on", "signed_on"):
                value = getattr(delib, field)
                if isinstance(value, dt.date) and value < sitting:
                    yield self.hit(f"{_DELIBERATION_DATES[field]} ({french(value)}) is before the "
                                   f"sitting ({french(sitting)})", delib.spans.get(field))
            for conv in document.conventions:
                if isinstance(conv.signed_on, dt.date) and conv.signed_on < sitting:
                    yield self.hit(f"the convention is signed ({french(conv.signed_on)}) before the "
                                   f"deliberation that authorises it ({french(sitting)})",
                                   conv.spans.get("signed_on"))


_NUMBER_DATE = [
    regex.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)[/._-]?(?P<m>[01]\d)[/._-]?(?P<d>[0-3]\d)(?!\d)"),
    regex.compile(r"(?<!\d)(?P<d>[0-3]\d)[/._-](?P<m>[01]\d)[/._-](?P<y>20\d\d|19\d\d)(?!\d)"),
]


def number_date(number: str):
    for pattern in _NUMBER_DATE:
        for match in pattern.finditer(number):
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


class DeliberationNumberDate(Rule):
    """What it checks:
    A deliberation number that embeds a date ("2023/11/27-31") against the sitting's date.

    Why it matters:
    A number copied from another sitting points to the wrong act in the register and in
    @actes.

    Example:
    "N° 2023/10/16-12" on a deliberation of the sitting of 27 November 2023.

    How to fix:
    Renumber the deliberation with the sitting's date.
    """

    id = "deliberation-number-date"
    family = "dates"
    severity = "warning"
    summary = "a number that embeds a date other than the sitting's"
    source = "consistency"

    def check(self, document):
        for delib in document.deliberations:
            if not delib.number or delib.session.date is None:
                continue
            embedded = number_date(delib.number)
            if embedded and embedded != delib.session.date:
                yield self.hit(f"number {delib.number} embeds {french(embedded)}, but the sitting "
                               f"is on {french(delib.session.date)}",
                               first_span(delib, "number"), fix="use the sitting's date in the number")


RULES = [BlankDate, DateWordsMismatch, WeekdayMismatch, ConvocationDelay, Chronology,
         DeliberationNumberDate]
