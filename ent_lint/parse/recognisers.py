"""Recognisers: one small reader per part of a document and per way of writing it.

A recogniser knows one way councils write one thing ("2020-038 SUBVENTION ..." as an item
heading, "Secrétaire de séance : X" or "X est désignée secrétaire" for the secretary) and
carries its own short cases: a few lines of text and the reading expected from them (``None``
when it must not match).  The parsers try the recognisers of a part in order; a new way of
writing is one new recogniser with its cases, and ``tests/test_recognisers.py`` runs the cases
of every recogniser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional


@dataclass(frozen=True)
class Case:
    """A few lines written the way the recogniser reads, and what it must read from them."""

    text: str
    expected: Any


@dataclass(frozen=True)
class Recogniser:
    """One way of writing one part.

    ``read`` takes the text of a line (or of a few lines) and returns the reading, or ``None``
    when this way of writing is not there.
    """

    name: str
    part: str
    read: Callable[[str], Optional[Any]]
    cases: tuple[Case, ...]
    doc: str = ""


REGISTRY: list[Recogniser] = []


def recogniser(part: str, name: str, *cases: Case) -> Callable:
    """Register the decorated function as the recogniser ``name`` of ``part``."""
    def wrap(function: Callable[[str], Optional[Any]]) -> Recogniser:
        made = Recogniser(name, part, function, tuple(cases), (function.__doc__ or "").strip())
        REGISTRY.append(made)
        return made
    return wrap


def of_part(part: str) -> list[Recogniser]:
    return [r for r in REGISTRY if r.part == part]
