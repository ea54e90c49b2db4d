"""Helpers the built-in rules share: who was there, and where to point."""

from __future__ import annotations

from typing import Optional

from ent_lint.model import Deliberation, Person, Span
from ent_lint.parse.names import find


def present_people(delib: Deliberation) -> list[Person]:
    """Members present: the present list plus the presiding member, listed or not."""
    people = list(delib.present)
    president = delib.session.president
    if president is not None and find(people, president) is None:
        people.append(president)
    return people


def first_span(delib_or_conv, *keys: str) -> Optional[Span]:
    for key in keys:
        span = delib_or_conv.spans.get(key)
        if span is not None:
            return span
    return None

