"""The heading recognisers that read only lines holding a figure are skipped on lines without one
(ent_lint/parse/items.py, for speed): each of them must indeed never read a line without figures."""

import regex

from ent_lint.parse import items

_FIGURE = regex.compile(r"\d")


def test_the_recognisers_said_to_need_a_figure_read_none_without_one():
    named = {item.name: item for item in items.HEADING_RECOGNISERS}
    assert items._NEED_A_FIGURE <= set(named)
    for name in items._NEED_A_FIGURE:
        item = named[name]
        for case in item.cases:
            if case.expected is not None:
                assert _FIGURE.search(case.text), (name, case.text)
        # the same lines with their figures taken out: no reading any more
        for case in item.cases:
            assert item.read(_FIGURE.sub("", case.text)) is None, (name, case.text)


def test_a_line_without_figures_reads_as_before():
    for text in ("II - Approbation du procès-verbal", "Objet : Renouvellement de la convention",
                 "SUBVENTIONS AUX ASSOCIATIONS", "A – Compte administratif", "Questions diverses",
                 "\uf0d8 Vente du pré communal", "Le conseil municipal décide"):
        expected = next((h for h in (item.read(items._LEAD.sub("", text)) if item.name != "bulleted"
                                     else item.read(text) for item in items.HEADING_RECOGNISERS)
                         if h is not None), None)
        assert items.read_heading(text) == expected
