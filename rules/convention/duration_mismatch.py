"""duration-mismatch: the duration the council approved against the convention's, and its term."""

from __future__ import annotations

import datetime as dt

from ent_lint.engine import Examples, Message, Rule

from ._helpers import add_duration


class DurationMismatch(Rule):
    """What it checks:
    The duration stated in the deliberation against the convention's; and, when the
    convention gives a start date and an end date, that start + duration reaches the end.

    Why it matters:
    The council approved one duration; a convention signed for another is not the one it
    approved.

    How to fix:
    Align the convention on the deliberation, or deliberate again.
    """

    id = "duration-mismatch"
    family = "convention"
    severity = "error"
    summary = "duration in the deliberation ≠ duration in the convention; or start + duration ≠ end"
    source = "consistency"
    # in minutes, a convention annexed to one item cannot be matched to the others
    kinds = ("extract", "convention")
    messages = {
        "durations": Message("the deliberation approves a duration of {deliberation:period}, the convention says "
                             "{convention:period}"),
        "term": Message("{duration:period} from {start:date} end on {end:date}, not on {stated:date}"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 8 octobre 2024
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention
pour une durée de 2 ans.

Convention de partenariat
Entre la Commune de Belval, d'une part,
Et la DSDEN de l'Ain, d'autre part,
Article 1. Durée
La présente convention est conclue pour une durée de 3 ans.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 8 octobre 2024
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention
pour une durée de 3 ans.

Convention de partenariat
Entre la Commune de Belval, d'une part,
Et la DSDEN de l'Ain, d'autre part,
Article 1. Durée
La présente convention est conclue pour une durée de 3 ans à compter du 1er juillet 2024
et prendra fin le 30 juin 2027.
""")

    def check(self, document, text):
        for conv in document.conventions:
            if not conv.duration:
                continue
            for delib in document.deliberations:
                if delib.convention_duration and delib.convention_duration != conv.duration:
                    yield self.hit("durations", conv.spans.get("duration"),
                                   deliberation=delib.convention_duration, convention=conv.duration)
            yield from self._term(conv)

    def _term(self, conv):
        """Start + duration against the stated end (the day before it counts as reaching it)."""
        if not conv.start or conv.start == "signature" or not isinstance(conv.end_date, dt.date):
            return
        start = dt.date.fromisoformat(conv.start)
        end = add_duration(start, conv.duration)
        if conv.end_date not in (end, end - dt.timedelta(days=1)):
            yield self.hit("term", conv.spans.get("end_date"), duration=conv.duration,
                           start=start.isoformat(), end=end.isoformat(), stated=conv.end_date.isoformat())
