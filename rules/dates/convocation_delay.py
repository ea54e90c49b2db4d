"""convocation-delay: the clear days between the convocation and the sitting."""

from __future__ import annotations

import datetime as dt

from ent_lint import reference
from ent_lint.engine import DeliberationRule, Examples, Message


class ConvocationDelay(DeliberationRule):
    """What it checks:
    The clear days between the convocation and the sitting: 3 under 3,500 inhabitants
    (L2121-11), 5 from 3,500 (L2121-12) and in every EPCI (L5211-1); 1 in urgency when the
    document says so.  Neither the day of sending nor the day of the sitting counts.  The size
    bracket is read from the legal size (27 seats or more: 3,500 inhabitants or more).
    Alsace-Moselle communes under 3,500 follow local rules (L2541-1, L2541-2) and are not
    checked.

    Why it matters:
    A convocation sent too late vitiates every deliberation of the sitting.

    How to fix:
    Check the date of the convocation; if the delay was cut for urgency, say so.
    """

    id = "convocation-delay"
    family = "dates"
    severity = "error"
    summary = "fewer clear days than required, with no urgency mention"
    source = reference.CONVOCATION_SOURCE
    messages = {
        "short": Message("{clear} clear day between the convocation ({sent:date}) and the sitting "
                         "({sitting:date}); {required} required",
                         plural="{clear} clear days between the convocation ({sent:date}) and the sitting "
                                "({sitting:date}); {required} required", count="clear",
                         fix="check the convocation date, or mention the urgency that shortened it"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Nombre de membres afférents au conseil : 33
Nombre de membres en exercice : 33
Date de la convocation : 23/11/2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Nombre de membres afférents au conseil : 33
Nombre de membres en exercice : 33
Date de la convocation : 21/11/2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        sent, sitting = delib.convened_on, delib.session.date
        if not isinstance(sent, dt.date) or sitting is None or sent > sitting:
            return
        size = delib.counts.legal_size or (
            reference.legal_size_for(delib.counts.in_office) if delib.counts.in_office else None)
        # EPCI (communities, syndicates) follow the rules of communes of 3,500 and more (L5211-1)
        large = delib.body in ("community council", "syndicate committee") or (size or 0) >= reference.SEATS_FROM_3500
        if not large and document.department in reference.ALSACE_MOSELLE:
            return
        required = reference.CLEAR_DAYS_LARGE if large else reference.CLEAR_DAYS_SMALL
        if delib.urgency:
            required = 1
        clear = (sitting - sent).days - 1
        if clear < required:
            yield self.hit("short", delib.spans.get("convened_on"), clear=clear, sent=sent.isoformat(),
                           sitting=sitting.isoformat(), required=required)
