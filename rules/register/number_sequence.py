"""number-sequence: a collectivity's deliberation numbers going backward as the sittings advance."""

from __future__ import annotations

from ent_lint.engine import ArchiveRule, Examples, Message
from ent_lint.findings import Location

from ._numbers import number_facts, numbered_per_sitting


class NumberSequence(ArchiveRule):
    """What it checks:
    Across every document of a run, within one collectivity and one year: a sitting whose
    deliberation numbers are lower than those of the sitting before it (act 45 at the sitting of
    10 March, act 12 at the sitting of 20 June).  Only numbers of the register whose serial part
    can be read (the last run of digits that is not the year) are compared, each series of
    numbers apart ("DEL2024-12" and "2024-12" are two series).  Gaps are not reported (an archive
    misses documents), nor the order of the acts within one sitting (items are often numbered as
    they are voted), nor numbers that start again at each sitting.

    Why it matters:
    Deliberations are numbered in the order of the register: a number lower than an earlier
    sitting's says that one of the two was mis-numbered or dated wrong, and the register can no
    longer be followed from one act to the next.

    How to fix:
    Check the numbers and the sitting dates of the two acts against the register.
    """

    id = "number-sequence"
    family = "register"
    severity = "info"
    summary = "deliberation numbers going backward from one sitting to the next"
    source = "register consistency"
    messages = {
        "backward": Message("number {number} (sitting of {sitting:date}) is lower than number {previous} "
                            "of the earlier sitting of {previous_sitting:date} ({authority})",
                            fix="check the numbers and dates of both acts against the register"),
    }
    examples = Examples(
        bad=("""\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 10 mars 2024
Délibération n° 2024-45 : Budget primitif 2024
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE le budget.
""", """\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 20 juin 2024
Délibération n° 2024-12 : Tarifs de la cantine scolaire
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
"""),
        good=("""\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 10 mars 2024
Délibération n° 2024-12 : Budget primitif 2024
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE le budget.
""", """\
COMMUNE DE SAINT-ALBAN-DES-PRÉS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 20 juin 2024
Délibération n° 2024-45 : Tarifs de la cantine scolaire
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
"""))

    def collect(self, document, text):
        return number_facts(document, text)

    def finish(self, facts):
        pools: dict[tuple, list[tuple[str, dict]]] = {}
        for path, fact in facts:
            if _in_sequence(fact):
                pools.setdefault((fact["collectivity"], fact["sitting"][:4], fact["series"]), []).append((path, fact))
        found = []
        for members in pools.values():
            if not numbered_per_sitting([fact for _, fact in members]):
                found.extend(self._backward(members))
        return found

    def _backward(self, members):
        """One hit per sitting whose lowest number is below the highest of the sitting before."""
        sittings: dict[str, list[tuple[str, dict]]] = {}
        for path, fact in sorted(members, key=lambda m: (m[1]["sitting"], m[0], m[1]["line"] or 0)):
            sittings.setdefault(fact["sitting"], []).append((path, fact))
        ordered = list(sittings.values())
        for before, after in zip(ordered, ordered[1:]):
            high = max(before, key=lambda m: m[1]["serial"])
            low = min(after, key=lambda m: m[1]["serial"])
            if low[1]["serial"] < high[1]["serial"]:
                yield self.hit("backward", locations=[_place(*low), _place(*high)],
                               number=low[1]["number"], sitting=low[1]["sitting"],
                               previous=high[1]["number"], previous_sitting=high[1]["sitting"],
                               authority=low[1]["authority"])


def _in_sequence(fact: dict) -> bool:
    """A number of the register with a serial part, at a known sitting, in that sitting's year."""
    return (fact["register"] and fact["serial"] is not None and bool(fact["sitting"])
            and fact["year"] in (None, int(fact["sitting"][:4])))


def _place(path: str, fact: dict) -> Location:
    return Location(path, fact["page"], fact["line"], fact["evidence"])
