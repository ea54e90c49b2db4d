"""date-words-mismatch: the sitting date in words against the sitting date in digits, and
against the date a running title of the pages gives the sitting."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message


class DateWordsMismatch(DeliberationRule):
    """What it checks:
    The sitting date written in words ("L'an deux mille vingt-trois, le vingt-sept novembre")
    against the sitting date written in digits; and the date that a header or footer repeated
    on the pages gives the sitting ("CM – 15.09.2019") against the sitting's date, when the
    words and the digits agree on it.

    Why it matters:
    Two dates for one sitting make the act's date, and every delay counted from it, uncertain.

    How to fix:
    Correct the one that is wrong; the words are usually copied from an older template.
    """

    id = "date-words-mismatch"
    family = "dates"
    severity = "error"
    summary = "sitting date in words ≠ sitting date in digits"
    source = "consistency"
    messages = {
        "differ": Message("the sitting date in words ({words:date}) differs from the date in digits "
                          "({digits:date})", fix="write the same date in words and in digits"),
        "running-title": Message("the pages' running title dates the sitting {running:date}, but the sitting is on "
                                 "{date:date}", fix="correct the date in the header or footer of the pages"),
    }
    examples = Examples(
        bad="""\
COMMUNE DE SAINT-MARTIN
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27/11/2023
L'an deux mille vingt-trois, le vingt-huit novembre à dix-huit heures trente,
le conseil municipal s'est réuni sous la présidence de M. Paul DURAND, Maire.
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
COMMUNE DE SAINT-MARTIN
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27/11/2023
L'an deux mille vingt-trois, le vingt-sept novembre à dix-huit heures trente,
le conseil municipal s'est réuni sous la présidence de M. Paul DURAND, Maire.
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""")

    def check_deliberation(self, delib, document, text):
        words, digits = delib.session.date_in_words, delib.session.date
        if words and digits and words != digits:
            yield self.hit("differ", delib.spans.get("session.date_in_words"),
                           words=words.isoformat(), digits=digits.isoformat())
        running = delib.session.date_in_running_title
        # the sitting's date is sure when its words and digits agree (or only one is written)
        if running and digits and running != digits and (words is None or words == digits) \
                and delib.sure("session.date"):
            yield self.hit("running-title", delib.spans.get("session.date_in_running_title"),
                           running=running.isoformat(), date=digits.isoformat())
