"""Names: one person written two ways."""

from __future__ import annotations

from ent_lint.engine import Rule
from ent_lint.model import Document, Person
from ent_lint.text import fold


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def everyone(document: Document) -> list[Person]:
    people: list[Person] = []
    for delib in document.deliberations:
        people += delib.present + delib.absent + delib.not_voting + delib.signatories
        people += [p.grantor for p in delib.proxies] + [p.holder for p in delib.proxies]
        people += [p for p in (delib.secretary, delib.session.president) if p is not None]
    for conv in document.conventions:
        people += [p.representative for p in conv.parties if p.representative is not None]
        people += conv.signatories
    return [p for p in people if p.span is not None]


def _surnames(person: Person) -> set[str]:
    """Words written in capitals: the surname, by French convention."""
    words = person.name.replace("-", " ").split()
    upper = {fold(w) for w in words if w.isupper() and len(w) > 1}
    return upper if upper and len(upper) < len(words) else set()


def spelling_variant(a: Person, b: Person) -> bool:
    ta, tb = a.normalized.split(), b.normalized.split()
    if len(ta) != len(tb) or len(ta) < 2 or a.normalized == b.normalized:
        return False
    only_a = [t for t in ta if t not in tb]
    only_b = [t for t in tb if t not in ta]
    if len(only_a) != 1 or len(only_b) != 1:
        return False
    x, y = only_a[0], only_b[0]
    if x.endswith(".") or y.endswith(".") or min(len(x), len(y)) < 4:
        return False
    distance = edit_distance(x, y)
    surname = x in _surnames(a) or y in _surnames(b) or x in _surnames(b) or y in _surnames(a)
    if surname:
        return distance <= (2 if min(len(x), len(y)) >= 7 else 1)
    # a first name: only a letter typed for another (Patrick / Patricia are two people)
    return distance == 1 and len(x) == len(y)


class NameSpelling(Rule):
    """What it checks:
    One person written two ways in one document: the same words but one whose letters differ
    ("SIEYES" / "SIEYE").  Accents, case, word order and hyphens alone are not errors
    ("LANSADÉ" / "Lansade"), and the same surname with another first name is another person
    ("Patrick GARNIER" / "Jean-Pascal GARNIER"; "Lucien BIANCHI" / "Danièle BLANCHI").

    Why it matters:
    A signatory or a party whose name varies cannot be identified with certainty.

    Example:
    "Représentée par M. MATHIEU SIEYES" and the signature "Mathieu SIEYE".

    How to fix:
    Check the person's name in the register of members and write it one way.
    """

    id = "name-spelling"
    family = "names"
    severity = "warning"
    summary = "one person written two ways (letters differ)"
    source = "consistency"

    def check(self, document):
        seen: dict[str, Person] = {}
        for who in everyone(document):
            seen.setdefault(who.normalized, who)
        people = list(seen.values())
        for index, a in enumerate(people):
            for b in people[index + 1:]:
                if spelling_variant(a, b):
                    later, earlier = (b, a) if (b.span.page or 0, b.span.line) >= (a.span.page or 0, a.span.line) else (a, b)
                    where = f"page {earlier.span.page}, line {earlier.span.line}" if earlier.span.page else f"line {earlier.span.line}"
                    yield self.hit(f"« {later.name} » is written « {earlier.name} » elsewhere ({where})",
                                   later.span, fix="write the name the same way everywhere")


RULES = [NameSpelling]
