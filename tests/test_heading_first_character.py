"""A line is offered only to the heading recognisers whose reading can open with its first
character (ent_lint/parse/items.py ``_FIRST_CHARACTER``, for speed): each recogniser must indeed
never read a line that opens with a character its test refuses."""

import pytest

from ent_lint.parse import items
from ent_lint.text import fold

_NAMED = {item.name: item for item in items.HEADING_RECOGNISERS}
# every character of the first planes a line of a French document may open with, and some more
_CHARACTERS = [chr(code) for code in range(0x21, 0x250)] + list("–—‑•·►▪■◆→➢\uf0d8٣²ⅣⅠ«»“”’")


def _bare(item, text: str) -> str:
    """The line as read_heading gives it to ``item``."""
    return text if item.name in items._SEES_THE_MARK else items._LEAD.sub("", text)


def test_every_recogniser_but_the_one_that_sees_the_mark_has_a_first_character_test():
    assert set(items._FIRST_CHARACTER) == set(_NAMED) - items._SEES_THE_MARK


@pytest.mark.parametrize("name", sorted(items._FIRST_CHARACTER))
def test_the_cases_a_recogniser_reads_open_with_a_character_its_test_accepts(name):
    item, accepts = _NAMED[name], items._FIRST_CHARACTER[name]
    read = [case.text for case in item.cases if case.expected is not None]
    assert read
    for text in read:
        first = _bare(item, text).lstrip()[:1]
        assert accepts(first, fold(first)), (name, text)


@pytest.mark.parametrize("name", sorted(items._FIRST_CHARACTER))
def test_a_recogniser_reads_no_line_opening_with_a_character_its_test_refuses(name):
    """Each case's line, and the same line with a figure or a capital after its first character,
    opened by each other character in turn: read only where the test accepts that character."""
    item, accepts = _NAMED[name], items._FIRST_CHARACTER[name]
    refused = [char for char in _CHARACTERS if not accepts(char, fold(char))]
    assert refused  # the test refuses something: it spares work
    rests = set()
    for case in item.cases:
        bare = _bare(item, case.text).lstrip()
        rests.update({bare[1:], bare, bare[2:]})
    rests.update({"2024-015 : Budget primitif", " 2024-015 : Budget", "° 12 - Tarifs", "I - Finances"})
    for rest in rests:
        for char in _CHARACTERS:
            bare = _bare(item, char + rest)  # a space opening the line is taken away with the lead
            first = bare.lstrip()[:1]
            if item.read(bare) is not None:
                assert first and accepts(first, fold(first)), (name, char, rest)


def test_read_heading_reads_as_every_recogniser_tried_in_turn():
    lines = [case.text for item in items.HEADING_RECOGNISERS for case in item.cases] + [
        "Objet : Renouvellement de la convention", "  12. Tarifs de la cantine", "\uf0d8 Vente du pré",
        "Élection du maire", "• Délibération n° 2024-12 : Tarifs", "- N° 2024-13 - Travaux", "",
        "COMMUNE DE SAINT-MARTIN", "Le conseil municipal, après en avoir délibéré", "2°) Subvention"]
    for text in lines:
        expected = None
        if len(text) <= 250 and text.strip():
            expected = next((h for h in (item.read(_bare(item, text)) for item in items.HEADING_RECOGNISERS)
                             if h is not None), None)
        assert items.read_heading(text) == expected, text


def test_the_recogniser_that_sees_the_mark_reads_only_lines_opening_outside_ascii():
    (name,) = items._SEES_THE_MARK
    item = _NAMED[name]
    rests = {case.text.lstrip()[1:] for case in item.cases} | {" Vente du pré", "Travaux de voirie"}
    assert any(case.expected is not None for case in item.cases)
    for rest in rests:
        for char in _CHARACTERS + list(" \t\xa0"):
            text = char + rest
            if item.read(text) is not None:
                assert not text.lstrip()[:1].isascii(), (char, rest)
