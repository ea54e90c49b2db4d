"""Every recogniser's own cases: the lines of a way of writing and the reading expected."""

from __future__ import annotations

import pytest

from ent_lint.parse import items, kinds, marks, tables, votes  # noqa: F401  (importing registers the recognisers)
from ent_lint.parse.recognisers import REGISTRY

CASES = [(r, case) for r in REGISTRY for case in r.cases]


def _reading(recogniser, text):
    value = recogniser.read(text)
    if isinstance(value, items.Heading):
        return value.number, value.title
    return value


@pytest.mark.parametrize("recogniser,case", CASES,
                         ids=[f"{r.part}:{r.name}:{i}" for i, (r, _) in enumerate(CASES)])
def test_recogniser_case(recogniser, case):
    assert _reading(recogniser, case.text) == case.expected


def test_every_recogniser_has_a_matching_case_and_a_near_miss():
    for recogniser in REGISTRY:
        outcomes = [case.expected is None for case in recogniser.cases]
        assert False in outcomes, f"{recogniser.name} has no case it reads"
        assert True in outcomes, f"{recogniser.name} has no near-miss that it must not read"
