"""The message formatter's short ways (``str.format`` for templates without a spec of its own,
its own loop over a template parsed once for the others) give what its long way
(``string.Formatter``, parsing the template each time) gives."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from ent_lint import i18n
from ent_lint.i18n import Formatter, templates, translations


def _long_way(lang: str, template: str, **args) -> str:
    text = string.Formatter.format(Formatter(lang), template, **args)
    return i18n._contracted(text) if lang == "fr" else text


#: a value of each spec of the formatter's own
_OWN = {"date": "2024-03-01", "act_date": "2023-11-27", "weekday": "2024-03-04", "term": "the mayor",
        "period": "P3Y", "votes": [["for", 3, 4]], "periods": [["2024-01-01", None], ["2020-05-01", "2022-06-30"]]}


def _sample(spec: str):
    if spec in _OWN:
        return _OWN[spec]
    return 12 if spec and spec[-1:] in "dxXobn%" else 12.5 if spec and spec[-1:] in "eEfFgG" else "Anne MARTIN"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_rule_message_reads_the_same_the_short_ways(lang):
    tr = translations(lang)
    checked = 0
    for message in templates().values():
        for text in filter(None, (message.text, message.plural, message.fix)):
            template = tr.gettext(text)
            fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name]
            args = {name.split(".")[0].split("[")[0]: _sample(spec) for name, spec in fields}
            assert Formatter(lang).format(template, **args) == _long_way(lang, template, **args), template
            checked += 1
    assert checked > 100
    plain = sum(i18n._plain(tr.gettext(m.text)) for m in templates().values())
    parsed = sum(not i18n._plain(tr.gettext(m.text)) and i18n._fields(tr.gettext(m.text)) is not None
                 for m in templates().values())
    assert plain > 60 and parsed > 20  # both short ways are taken


def test_a_template_the_short_ways_cannot_fill_takes_the_long_way():
    assert i18n._fields("{} et {}") is None  # automatic numbering
    assert i18n._fields("{a:{b}}") is None
    assert Formatter("en").format("{} and {:date}", "x", "2024-03-01") == "x and March 1, 2024"


def test_a_spec_of_the_formatter_s_own_takes_the_long_way():
    assert not i18n._plain("le {day:date}")
    assert not i18n._plain("de {what:term}")
    assert not i18n._plain("{a:{b}}")  # a spec made of another field
    assert not i18n._plain("{unclosed")
    assert i18n._plain("{n} membres, {ratio:.0%} ({name!r})")
    day = dt.date(2024, 3, 1)
    assert Formatter("fr").format("le {day:date}", day=day) == "le 1er mars 2024"
    assert Formatter("fr").format("afin de {what:term}", what="the number of voters") == "afin du nombre de votants"
    with pytest.raises(ValueError):
        Formatter("en").format("{unclosed")


def test_an_invisible_separator_in_an_argument_is_removed_as_before():
    # U+2063 marks a term for French contraction: one written in a document goes through it too
    assert Formatter("fr").format("à {name}", name="\u2063les membres") == "aux membres"
    assert Formatter("fr").format("{name}", name="A\u2063B") == "AB"
    assert Formatter("en").format("{name}", name="A\u2063B") == "A\u2063B"
