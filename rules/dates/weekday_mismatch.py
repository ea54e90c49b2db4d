"""weekday-mismatch: a weekday written beside a date that is not that date's day."""

from __future__ import annotations

from ent_lint import patterns
from ent_lint.engine import Examples, Message, Rule
from ent_lint.text import weekday_name

from ent_lint.dates import DIGIT_DATE, MONTH, NUMBER_WORDS, WEEKDAY, WEEKDAYS, make_date

# "lundi 27/11/2023", "mardi 27 novembre 2023", "jeudi vingt-sept novembre 2023"
WEEKDAY_DATE = patterns.compile(
    rf"\b(?P<wd>{WEEKDAY})\s+(?:(?P<digits>{DIGIT_DATE.pattern})"
    rf"|(?P<d2>1er|[0-3]?\d|{NUMBER_WORDS})\s+(?P<m2>{MONTH})\s+(?P<y2>(?:19|20)\d\d))")


class WeekdayMismatch(Rule):
    """What it checks:
    A weekday written beside a date ("lundi 27 novembre 2023") that is not that date's day.

    Why it matters:
    The wrong weekday usually means the date itself was mistyped.

    How to fix:
    Check the date, then the weekday.
    """

    id = "weekday-mismatch"
    family = "dates"
    severity = "warning"
    summary = "a weekday that does not match its date"
    source = "consistency"
    messages = {
        "other-day": Message("{day:date} was a {day:weekday}, not « {written} »",
                             fix="write « {actual} {day:act_date} »"),
    }
    examples = Examples(
        bad="""\
COMMUNE DE SAINT-MARTIN
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du mardi 27 novembre 2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
COMMUNE DE SAINT-MARTIN
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du lundi 27 novembre 2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""")

    def check(self, document, text):
        if not any(day in text.folded for day in WEEKDAYS):
            return  # no weekday: the scan is spared (for speed)
        for match, span in text.find(WEEKDAY_DATE):
            if match["digits"]:
                day = make_date(match["d"], match["m"], match["y"])
            else:
                day = make_date(match["d2"], match["m2"], match["y2"])
            if day and weekday_name(day) != match["wd"]:
                yield self.hit("other-day", span, day=day.isoformat(), actual=weekday_name(day),
                               written=match["wd"])
