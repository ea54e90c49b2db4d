"""People, as rules compare them: the same person written two ways, one found in a list, the
members present at a deliberation.  Part of the public API that rules import."""

from __future__ import annotations

from typing import Iterable, Optional

from .model import Deliberation, Person, Span
from .parse.names import find as _find, first_names as _first_names, person as _person, same_person as _same_person
from .text import fold


def person(name: str, span: Optional[Span] = None) -> Person:
    """A person named in the text, keyed as the model keys people (civility, case, accents and
    word order aside), so that :func:`same_person` and :func:`find` compare it with the lists."""
    return _person(name, span)


def same_person(a: Person, b: Person) -> bool:
    """Whether two mentions name one person ("M. Jean DUPONT", "DUPONT Jean", "J. DUPONT")."""
    return _same_person(a, b)


def find(people: Iterable[Person], who: Person) -> Optional[Person]:
    """The entry of ``people`` that names ``who``, or None."""
    return _find(people, who)


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a known first name ("Mathieu", "Jean-Pierre"; accents and case aside),
    from the name dictionary the parser uses to tell people from other words."""
    names = _first_names()
    parts = [part for part in fold(word).split("-") if part]
    return bool(parts) and all(part in names for part in parts)


def present_people(delib: Deliberation) -> list[Person]:
    """Members present: the present list plus the presiding member, listed or not."""
    people = list(delib.present)
    president = delib.session.president
    if president is not None and find(people, president) is None:
        people.append(president)
    return people


def everyone(delib_or_document) -> list[Person]:
    """Every person a document names with a place in it: lists, proxies, secretary, president,
    signatories, the parties' representatives."""
    delibs = getattr(delib_or_document, "deliberations", [delib_or_document])
    people: list[Person] = []
    for delib in delibs:
        people += delib.present + delib.absent + delib.not_voting + delib.signatories
        people += [p.grantor for p in delib.proxies] + [p.holder for p in delib.proxies]
        people += [p for p in (delib.secretary, delib.session.president) if p is not None]
    for conv in getattr(delib_or_document, "conventions", []):
        people += [p.representative for p in conv.parties if p.representative is not None]
        people += conv.signatories
    return [p for p in people if p.span is not None]
