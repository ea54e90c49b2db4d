"""date-words-mismatch: the sitting date in words against the sitting date in digits."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message


class DateWordsMismatch(DeliberationRule):
    """What it checks:
    The sitting date written in words ("L'an deux mille vingt-trois, le vingt-sept novembre")
    against the sitting date written in digits.

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
