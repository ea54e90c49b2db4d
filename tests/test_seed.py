"""The reference document: RULEBOOK.md section 4, from the text and from the PDF."""

from __future__ import annotations

import pytest

from ent_lint.api import extract, lint, plain

from helpers import SEED_PDF, SEED_TXT

SEED = [SEED_TXT, SEED_PDF]


@pytest.fixture(scope="module", params=SEED, ids=["txt", "pdf"])
def seed(request):
    return plain(extract(str(request.param)), locations=False)


def test_deliberation_fields(seed):
    delib = seed["deliberations"][0]
    assert len(seed["deliberations"]) == 1
    assert delib["number"] == "2023/11/27-31"
    assert delib["body"] == "municipal council"
    assert delib["session"]["date"] == "2023-11-27"
    assert delib["session"]["time"] == "18:30"
    assert delib["session"]["place"] == "BASTIDE PISAN"
    assert delib["session"]["president"]["name"] == "Marc Etienne LANSADÉ"
    assert delib["convened_on"] == delib["posted_on"] == "2023-11-21"
    assert delib["counts"] == {"legal_size": None, "in_office": 33, "present": 22, "represented": 8, "voting": 30}
    assert len(delib["present"]) == 21
    assert delib["present"][7]["name"] == "René LE VIAVANT"
    assert len(delib["proxies"]) == 8
    assert delib["proxies"][0] == {
        "grantor": {"name": "Gilbert UVERNET", "normalized": "gilbert uvernet", "note": None},
        "holder": {"name": "Patricia PENCHENAT", "normalized": "patricia penchenat", "note": None}}
    assert delib["proxies"][7]["holder"]["name"] == "Marc Etienne LANSADÉ"
    assert [p["name"] for p in delib["absent"]] == ["Jean-Paul MOREL", "Audrey MICHEL", "Kathia PIETTE"]
    assert delib["secretary"]["name"] == "Geoffrey PECAUD"
    assert delib["vote"] == {"unanimous": True, "for": None, "against": None, "abstain": None,
                             "ballot": None, "outcome": None}
    assert delib["convention_duration"] == "P3Y"
    assert delib["convention_end"] == "2026-12-27"


def test_convention_fields(seed):
    conv = seed["conventions"][0]
    assert len(conv["parties"]) == 2
    assert conv["parties"][0]["representative"]["name"] == "MATHIEU SIEYES"
    assert conv["parties"][1]["representative"]["name"] == "LANSADE Marc Etienne"
    assert conv["parties"][1]["address"] == "2 place de la république 83310 COGOLIN"
    assert conv["duration"] == "P3Y"
    assert conv["end_date"] == {"blank": True, "text": "....."}
    assert conv["signed_place"] == "Cogolin"
    assert conv["signed_on"] == {"blank": True, "text": "....."}
    assert conv["stated_page_count"] == 5
    assert len(conv["articles"]) == 10
    assert [a["number"] for a in conv["articles"]] == list(range(1, 11))
    assert [(s["type"], s["uai"], s["name"]) for s in conv["schools"]] == [
        ("EPPU", "0830556D", "CHABAUD"), ("EPPU", "0830557E", "FONTVIEILLE"),
        ("EPPU", "0831635B", "RIALET"), ("EPPU", "0831475C", "PISAN-MALASPINA")]
    assert conv["schools"][0]["address"] == "BOULEVARD MICHELET 83310 COGOLIN"
    assert conv["schools"][3]["address"] == "RUE HELIODORE PISAN"
    assert conv["schools"][3]["email"] == "ecole.0831515w@ac-nice.fr"


def test_blank_is_not_absent():
    document = extract(str(SEED_TXT))
    assert document.conventions[0].end_date.blank
    assert document.conventions[0].spans["end_date"].line == 215
    assert document.deliberations[0].transmitted_on is None


def test_text_and_pdf_give_the_same_values():
    text, pdf = (plain(extract(str(p)), locations=False) for p in SEED)
    for document in (text, pdf):
        for key in ("path", "format", "page_count"):
            document.pop(key)
        document["conventions"][0].pop("actual_page_count")
    assert text == pdf


# RULEBOOK.md section 4, with the line of the text where each defect stands.
SEED_FINDINGS = {
    ("school-email-mismatch", "error", 245), ("blank-date", "warning", 215),
    ("name-spelling", "warning", 233), ("address-incomplete", "warning", 244),
    ("address-incomplete", "warning", 245), ("template-residue", "warning", 215),
    ("article-numbering", "warning", 181), ("term-inconsistency", "info", 239),
    ("outdated-ministry-name", "warning", 179), ("blank-date", "info", 227),
}


def test_seed_text_findings_are_the_rulebook_s():
    report = lint(str(SEED_TXT))
    assert {(f.rule, f.severity, f.line) for f in report.findings} == SEED_FINDINGS


def test_seed_pdf_findings_point_at_pages():
    report = lint(str(SEED_PDF))
    got = {(f.rule, f.severity, f.page) for f in report.findings}
    assert ("school-email-mismatch", "error", 7) in got
    assert ("blank-date", "warning", 6) in got
    assert ("article-numbering", "warning", 5) in got
    assert sorted((f.rule, f.severity) for f in report.findings) == sorted((r, s) for r, s, _ in SEED_FINDINGS)


def test_no_attendance_quorum_convocation_uai_or_number_finding():
    rules = {f.rule for f in lint(str(SEED_TXT)).findings}
    assert not rules & {"present-count", "proxy-count", "voter-count", "member-total", "quorum",
                        "convocation-delay", "uai-checksum", "deliberation-number-date"}
