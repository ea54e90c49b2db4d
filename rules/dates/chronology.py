"""chronology: the dates around a sitting in their order."""

from __future__ import annotations

import datetime as dt

from ent_lint.engine import DeliberationRule, Examples, Message

from ._helpers import DELIBERATION_DATES

#: dates that come before the sitting, and dates that come on or after it
_BEFORE = ("convened_on", "posted_on")
_AFTER = ("transmitted_on", "published_on", "signed_on")


class Chronology(DeliberationRule):
    """What it checks:
    Convocation and its posting before the sitting; transmission, publication and signature
    on or after it.

    Why it matters:
    An act cannot be transmitted or published before it was adopted (CGCT L2131-1); such dates
    are typing errors that a prefecture rejects.

    How to fix:
    Correct the date that is out of order.
    """

    id = "chronology"
    family = "dates"
    severity = "error"
    summary = "convocation or posting after the sitting; transmission, publication or signature before it"
    source = "CGCT art. L2131-1"
    messages = {
        **{f"{DELIBERATION_DATES[field][0]}-after": Message(
            f"{DELIBERATION_DATES[field][1]} ({{date:date}}) is after the sitting ({{sitting:date}})")
           for field in _BEFORE},
        **{f"{DELIBERATION_DATES[field][0]}-before": Message(
            f"{DELIBERATION_DATES[field][1]} ({{date:date}}) is before the sitting ({{sitting:date}})")
           for field in _AFTER},
        "convention-signed-before": Message("the convention is signed ({date:date}) before the deliberation "
                                            "that authorises it ({sitting:date})"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Date de la convocation : 17/11/2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
Transmis en préfecture le 20/11/2023
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Date de la convocation : 17/11/2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
Transmis en préfecture le 30/11/2023
""")

    def check_deliberation(self, delib, document, text):
        sitting = delib.session.date
        if sitting is None:
            return
        for fields, late, suffix in ((_BEFORE, True, "after"), (_AFTER, False, "before")):
            for field in fields:
                value = getattr(delib, field)
                if isinstance(value, dt.date) and (value > sitting if late else value < sitting):
                    yield self.hit(f"{DELIBERATION_DATES[field][0]}-{suffix}", delib.spans.get(field),
                                   date=value.isoformat(), sitting=sitting.isoformat())
        for conv in document.conventions:
            if isinstance(conv.signed_on, dt.date) and conv.signed_on < sitting:
                yield self.hit("convention-signed-before", conv.spans.get("signed_on"),
                               date=conv.signed_on.isoformat(), sitting=sitting.isoformat())
