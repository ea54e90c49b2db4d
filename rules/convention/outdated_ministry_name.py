"""outdated-ministry-name: a full name of the Ministry of Education not in force at the document's date."""

from __future__ import annotations

from ent_lint import patterns, reference
from ent_lint.engine import KINDS, Examples, Message, Rule

# "Ministère de l'Éducation nationale, de la Jeunesse et des Sports", in folded text: the bare
# name, then the parts that follow it ("rest").
MINISTRY = patterns.compile(
    r"minist[eè]re\s+de\s+l'\s?education\s+nationale"
    r"(?P<rest>(?:\s*(?:,|\bet\b)\s*(?:de\s+la\s+|des\s+|de\s+l'\s?|du\s+|de\s+)?"
    r"(?:jeunesse|sports?|vie\s+associative|enseignement\s+superieur|recherche|innovation"
    r"|jeux\s+olympiques\s+et\s+paralympiques))*)")
# A word of the rest -> the part as reference.MINISTRY_NAMES writes it.
MINISTRY_PARTS = {
    "jeunesse": "jeunesse", "sport": "sports", "vie associative": "vie associative",
    "enseignement superieur": "enseignement superieur", "recherche": "recherche",
    "innovation": "innovation", "jeux olympiques": "jeux olympiques et paralympiques",
}


def ministry_parts(rest: str) -> frozenset[str]:
    """The parts named after "Éducation nationale" (folded text)."""
    return frozenset(part for key, part in MINISTRY_PARTS.items() if key in rest)


class OutdatedMinistryName(Rule):
    """What it checks:
    A full name of the Ministry of Education that was not in force at the document's date
    (the sitting, or failing it the signature).  The bare "Éducation nationale" is read as a
    common name and not checked.

    Why it matters:
    A party named as it no longer exists is a sign of a template copied without review.

    How to fix:
    Use the name in force at the date of the act.
    """

    id = "outdated-ministry-name"
    family = "convention"
    severity = "warning"
    summary = "a ministry name not in force at the document's date"
    source = reference.MINISTRY_SOURCE
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "outdated": Message("« {name} » was the name {periods:periods}; on {day:date} it was « {current} »",
                            fix="write « {current} »"),
        "never": Message("« {name} » was never the official name; on {day:date} it was « {current} »",
                         fix="write « {current} »"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Délibération n° 2023-31 : Convention pour l'Espace Numérique de Travail
Le Maire présente la convention proposée par le Ministère de l'Education Nationale,
de la Jeunesse et des Sports pour les écoles de la commune.
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Délibération n° 2023-31 : Convention pour l'Espace Numérique de Travail
Le Maire présente la convention proposée par le Ministère de l'Éducation nationale
et de la Jeunesse pour les écoles de la commune.
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention.
""")

    def check(self, document, text):
        day = document.reference_date
        current = reference.ministry_name_on(day) if day is not None else None
        if current is None:
            return
        for match, span in text.find(MINISTRY):
            parts = ministry_parts(match["rest"])
            if not parts or parts == current[2]:
                continue
            periods = reference.ministry_periods(parts)
            args = {"name": text.original(match), "day": day.isoformat(), "current": current[3]}
            if periods:
                when = [[start.isoformat(), end.isoformat() if end else None] for start, end in periods]
                yield self.hit("outdated", span, periods=when, **args)
            else:
                yield self.hit("never", span, **args)
