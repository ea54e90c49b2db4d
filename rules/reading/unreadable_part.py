"""unreadable-part: a part read without certainty, on which the rules stayed silent."""

from __future__ import annotations

from ent_lint.engine import KINDS, Examples, Message, Rule
from ent_lint.i18n import N_

#: the parts the parser may doubt, as a reader names them
PARTS = {"session.date": N_("the sitting's date"), "present": N_("the list of members present"),
         "absent": N_("the list of members absent"), "proxies": N_("the proxies"),
         "excused": N_("the list of members excused"), "not_voting": N_("the members not taking part in the vote"),
         "vote": N_("the figures of the vote"),
         "counts.legal_size": N_("the council's legal size"), "counts.in_office": N_("the number of members in office"),
         "counts.present": N_("the number of members present"),
         "counts.represented": N_("the number of members represented"),
         "counts.voting": N_("the number of voters"), "secretary": N_("the sitting's secretary")}


class UnreadablePart(Rule):
    """What it checks:
    The parts of a document that were read without certainty (a list read by OCR, a sitting date
    read two ways): the rules that would build on them stay silent, and this says so.

    Why it matters:
    A finding built on a misreading is worse than none; silence on a part that was not read must
    not be taken for a clean bill.

    How to fix:
    Check that part by hand.
    """

    id = "unreadable-part"
    family = "reading"
    severity = "info"
    summary = "a part read without certainty: the rules that need it stayed silent"
    source = "ent-lint"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "doubt": Message("{part:term} could not be read reliably ({reason:term}); the checks that need it were not made",
                         fix="check this part by hand"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Membres en exercice : 15
Étaient présents : voir la feuille d'émargement jointe
Délibération n° 2024-07 : Subventions
Adopté à l'unanimité.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Membres en exercice : 15
Étaient présents : Jean DURAND, Paul MARTIN, Anne ROUX
Délibération n° 2024-07 : Subventions
Adopté à l'unanimité.
""")

    def check(self, document, text):
        seen = set()
        for delib in document.deliberations:
            for part, reason in delib.doubts.items():
                if (part, reason) in seen:
                    continue
                seen.add((part, reason))
                yield self.hit("doubt", delib.spans.get(part) or delib.spans.get(f"list.{part}"),
                               part=PARTS.get(part, part), reason=reason)
