"""The real public documents of ../shared/corpus/real: read where they lie, never copied here."""

from __future__ import annotations

import pytest

from ent_lint.api import extract, lint

from helpers import CORPUS

FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in {".pdf", ".txt", ".md"}
               and p.name != "README.md") if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not FILES, reason=f"real corpus not found at {CORPUS}")


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_real_document_is_read_and_linted_without_a_crash(path):
    document = extract(str(path))
    assert document.path == str(path)
    assert lint(str(path)).error is None


def _first(name):
    return extract(str(CORPUS / name)).deliberations[0]


# Each value below was read by hand in the document itself.
@needs_corpus
def test_eybens_2013():
    delib = _first("eybens_2013-10-24_deliberations.txt")
    assert delib.session.date.isoformat() == "2013-10-24"
    assert delib.convened_on.isoformat() == "2013-10-18"
    assert (delib.counts.in_office, delib.counts.present, delib.counts.represented) == (29, 17, 6)
    assert len(delib.present) == 17
    assert delib.session.president.name == "Marc Baïetto"
    assert delib.secretary.name == "Aurélie Sauze"


@needs_corpus
def test_illats_2018():
    delib = _first("illats_2018-12-13_compte-rendu.txt")
    assert delib.session.date.isoformat() == "2018-12-13"
    assert delib.session.president.name == "Philippe DUBOURG"
    assert len(delib.present) == 14
    assert [p.name for p in delib.absent] == ["F.BAUDON"]
    assert delib.secretary.name == "Cécile BUZOS"


@needs_corpus
def test_ouzous_2014():
    document = extract(str(CORPUS / "ouzous_2014-11-06_seance.txt"))
    delib = document.deliberations[0]
    assert delib.session.date.isoformat() == "2014-11-06"
    assert delib.session.time == "20:30"
    assert delib.convened_on.isoformat() == "2014-10-22"
    assert delib.number == "2014/25"


@needs_corpus
def test_bourg_en_bresse_2016_pdf():
    delib = _first("bourg-en-bresse_2016-02-01_delib-2016.02.16.pdf")
    assert delib.session.date.isoformat() == "2016-02-01"
    assert delib.convened_on.isoformat() == "2016-01-26"
    assert delib.counts.in_office == 39
    assert len(delib.present) == 35
    assert delib.present[0].name == "Jean-François DEBAT"
    assert delib.secretary.name == "Charline LIOTIER"


@needs_corpus
def test_couthenans_2021_pdf():
    delib = _first("couthenans_2021-01-29_compte-rendu.pdf")
    assert delib.session.date.isoformat() == "2021-01-29"
    assert delib.session.time == "18:30"
    assert delib.vote.unanimous is True
