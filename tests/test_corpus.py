"""The real public documents of ../shared/corpus/real: read where they lie, never copied here."""

from __future__ import annotations

import pytest

from ent_lint.api import extract, lint

from helpers import CORPUS, corpus_report

FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in {".pdf", ".txt", ".md"}
               and p.name != "README.md") if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not FILES, reason=f"real corpus not found at {CORPUS}")


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_real_document_is_read_and_linted_without_a_crash(path):
    report = corpus_report(str(path))
    assert report.error is None
    assert report.document.path == str(path)


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
    # "Excusés ayant donné procuration", a list over two lines cut inside "Abdallah CHIBI à\nVasilica"
    assert [(p.grantor.name, p.holder.name) for p in delib.proxies] == [
        ("Guillaume LACROIX", "Sylviane CHENE"), ("Pascale BONNET SIMON", "Catherine MAITRE"),
        ("Abdallah CHIBI", "Vasilica CHARNAY"), ("Françoise COMTE", "Elisabeth PASUT")]


@needs_corpus
def test_couthenans_2021_pdf():
    delib = _first("couthenans_2021-01-29_compte-rendu.pdf")
    assert delib.session.date.isoformat() == "2021-01-29"
    assert delib.session.time == "18:30"
    assert delib.vote.unanimous is True


@needs_corpus
def test_larbresle_2013_pdf():
    document = extract(str(CORPUS / "larbresle_2013-07-09_compte-rendu.pdf"))
    delib = document.deliberations[0]
    assert delib.session.date.isoformat() == "2013-07-09"
    assert delib.session.time == "20:00"
    assert delib.session.president.name == "Pierre-Jean ZANNETTACCI"
    assert (delib.counts.in_office, delib.counts.present, delib.counts.voting) == (29, 21, 28)
    assert len(delib.present) == 21
    assert delib.present[-1].name == "Hervé MAZUY"
    # "Etait absent, excusé et a donné pouvoir : Nadine MALHOMME à Georges CARRET, ..."
    assert len(delib.proxies) == 7
    assert (delib.proxies[0].grantor.name, delib.proxies[0].holder.name) == ("Nadine MALHOMME", "Georges CARRET")
    assert (delib.proxies[-1].grantor.name, delib.proxies[-1].holder.name) == ("Bernard DAMON", "Jean-Louis MAHUET")
    assert [p.name for p in delib.absent] == ["Soraya BENBALA"]
    assert delib.secretary.name == "PERRAUD"
    # the agenda's Roman sections "I. DESIGNATION D'UN SECRETAIRE", "II. APPROBATION DU COMPTE
    # RENDU" and "IX. QUESTIONS DIVERSES" hold no numbered deliberation: items themselves; the
    # others hold DL-055-07-13 (the council takes note of the mayor's decisions) to DL-065-07-13
    # (takes note of a report), DL-066-07-13 written between 056 and 057; every vote unanimous;
    # "1) 2) 3)" inside DL-062 are not items
    numbers = [d.number for d in document.deliberations]
    assert numbers[:4] == ["I", "II", "DL-055-07-13", "DL-056-07-13"]
    assert numbers[4:6] == ["DL-066-07-13", "DL-057-07-13"] and numbers[-2:] == ["DL-065-07-13", "IX"]
    assert "DL-062-07-13" in numbers and "3" not in numbers
    assert all(d.vote.unanimous for d in document.deliberations if d.vote.stated)
    assert not document.deliberations[2].vote.stated


@needs_corpus
def test_real_defects_found_in_the_corpus():
    """The findings that survived the review of every warning and error on the corpus."""
    def rules(name):
        return sorted(f.rule for f in lint(str(CORPUS / name)).findings if f.severity == "error")
    # "Présents : 17 / Votants : 15" over 15 names present and 2 proxies: the two figures swapped
    assert rules("chemere_2009-12-15_compte-rendu.pdf") == ["present-count", "voter-count"]
    # "Présents : 18" and 19 in office, but 15 names present and 1 absent: three members missing
    assert rules("chemere_2015-02-24_compte-rendu.pdf") == ["member-total", "present-count"]
