"""Where a PDF finding stands on its page (the box, in JSON and SARIF), the fields in words, and
``--format html``: one self-contained report to keep."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import DOCUMENTS, FIXTURES, SEED_PDF, SEED_TXT, SHARED, run_cli

SCANS = FIXTURES / "scans"


@pytest.fixture(scope="module")
def seed_json():
    done = run_cli("--format", "json", "--no-cache", SEED_PDF)
    return json.loads(done.stdout)


def test_a_page_read_is_not_loaded_again_to_place_its_findings(monkeypatch):
    """The pages reading loaded stay loaded for the boxes, then are released: each page of the
    seed (8 pages, findings on several) is loaded once, and the boxes are those of pages loaded
    afresh (as for a document longer than KEEP_PAGES)."""
    import pypdfium2

    from ent_lint.linter import Linter
    from ent_lint.readers import pdf

    loaded = []
    get_page = pypdfium2.PdfDocument.get_page
    monkeypatch.setattr(pypdfium2.PdfDocument, "get_page", lambda doc, index: loaded.append(index) or get_page(doc, index))
    result = Linter().check_path(SEED_PDF, keep=True)
    boxes = [f.box for f in result.findings]
    assert len({f.page for f in result.findings}) > 2 and all(boxes)
    assert sorted(loaded) == list(range(result.pages)) and result.source.loaded is None
    monkeypatch.setattr(pdf, "KEEP_PAGES", 0)
    loaded.clear()
    again = Linter().check_path(SEED_PDF)
    assert [f.box for f in again.findings] == boxes and len(loaded) > result.pages


def test_a_pdf_finding_box_holds_its_evidence_on_the_page(seed_json):
    """The box, cropped out of the page by pdfplumber (another reader), holds the evidence."""
    import pdfplumber

    boxed = [f for f in seed_json["findings"] if f.get("box")]
    assert len(boxed) == len(seed_json["findings"]) > 5
    with pdfplumber.open(SEED_PDF) as pdf:
        for finding in boxed:
            box = finding["box"]
            assert box["page"] == finding["page"]
            page = pdf.pages[box["page"] - 1]
            assert 0 <= box["x0"] < box["x1"] <= page.width and 0 <= box["top"] < box["bottom"] <= page.height
            inside = page.crop((box["x0"] - 1, box["top"] - 1, box["x1"] + 1, box["bottom"] + 1)).extract_text()
            evidence = finding["evidence"].split("\n")[0].strip()
            assert " ".join(evidence.split()) in " ".join(inside.split()), (finding["rule"], inside)
    mismatch = next(f for f in boxed if f["rule"] == "school-email-mismatch")
    assert mismatch["box"]["page"] == 7 and mismatch["box"]["x0"] > 400  # the last column of the table


def test_a_text_finding_has_no_box_and_sarif_carries_the_box_validly(seed_json):
    text = json.loads(run_cli("--format", "json", "--no-cache", SEED_TXT).stdout)
    assert text["findings"] and all(f["box"] is None for f in text["findings"])
    sarif = json.loads(run_cli("--format", "sarif", "--no-cache", SEED_PDF).stdout)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    boxes = [region["properties"]["box"] for region in regions]
    assert boxes == [f["box"] for f in seed_json["findings"]]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")
def test_a_scanned_page_finding_is_boxed_from_the_ocr_words():
    """The scan of a fixture and its text PDF: the same evidence is boxed on the same line (the
    scan is printed and scanned: a few points of shift; OCR may read a cell's text in another
    column of the row, where the rule's column then points)."""
    scan = json.loads(run_cli("--format", "json", "--no-cache", SCANS / "convention-defauts.pdf").stdout)
    text = json.loads(run_cli("--format", "json", "--no-cache", DOCUMENTS / "convention-defauts.pdf").stdout)
    by_rule = {(f["rule"], f["evidence"]): f["box"] for f in text["findings"] if f.get("box")}
    compared = 0
    for finding in scan["findings"]:
        other = by_rule.get((finding["rule"], finding["evidence"]))
        if other is None or not finding.get("box") or not finding["ocr"]:
            continue
        box = finding["box"]
        centre = (0, (box["top"] + box["bottom"]) / 2)
        expected = (0, (other["top"] + other["bottom"]) / 2)
        assert abs(centre[1] - expected[1]) < 15, (finding["rule"], box, other)
        assert box["x0"] < box["x1"] and box["bottom"] - box["top"] < 40
        compared += 1
    assert compared >= 5


def test_fields_in_words():
    from ent_lint.fields import counts, day, duration, sections, vote

    assert vote({"for": 15, "against": 0, "abstain": 2, "unanimous": False}, "fr") == \
        "Pour 15 · Contre 0 · Abstentions 2 · Unanimité non"
    assert vote({"for": 15, "against": 0, "abstain": 2, "unanimous": False}, "en") == \
        "For 15 · Against 0 · Abstentions 2 · Unanimous no"
    assert duration("P3Y", "fr") == "3 ans" and duration("P1Y", "fr") == "1 an" and duration("P18M", "en") == "18 months"
    assert day("2024-03-14", "fr") == "jeudi 14 mars 2024" and day("2024-03-01", "fr") == "vendredi 1er mars 2024"
    assert day("2024-03-14", "en") == "Thursday, March 14, 2024"
    assert day({"blank": True, "text": "....."}, "fr") == "laissé en blanc\u00a0: «\u00a0.....\u00a0»"
    assert counts({"in_office": 33, "present": 22, "represented": 8, "voting": 30}, "fr") == \
        "En exercice 33 · Présents 22 · Représentés 8 · Votants 30"
    from ent_lint.api import extract, plain

    rows = dict(sections(plain(extract(str(SEED_TXT))), "fr")[0]["rows"])
    assert rows["Convocation"] == "mardi 21 novembre 2023" and rows["Affichage"] == "mardi 21 novembre 2023"
    assert rows["Durée de la convention"] == "3 ans" and rows["Présents (21)"].startswith("Christiane LARDAT")
    assert rows["Séance"] == "lundi 27 novembre 2023 · 18:30 · BASTIDE PISAN"


@pytest.fixture(scope="module")
def html_run(tmp_path_factory):
    """The seed PDF, a clean document and an unreadable one, as HTML (with and without page
    images) and as JSON."""
    folder = tmp_path_factory.mktemp("html")
    shutil.copy(SEED_PDF, folder / "seed.pdf")
    shutil.copy(DOCUMENTS / "extrait-alsace.txt", folder / "clean.txt")
    (folder / "broken.pdf").write_bytes(SEED_PDF.read_bytes()[:1500])
    inputs = [str(folder / n) for n in ("seed.pdf", "clean.txt", "broken.pdf")]
    out = {}
    for name, options in (("html", ["--format", "html"]), ("images", ["--format", "html", "--images"]),
                          ("json", ["--format", "json"])):
        done = run_cli(*options, "--no-cache", "-o", folder / f"report.{name}", *inputs)
        assert done.returncode == 2, done.stderr  # findings and an unreadable input
        out[name] = (folder / f"report.{name}").read_text(encoding="utf-8")
    return out


def test_the_html_report_is_self_contained_and_complete(html_run):
    page = html_run["html"]
    assert page.startswith("<!doctype html>") and '<html lang="fr">' in page
    assert "<script" not in page and "<link" not in page and not re.search(r'src="(?!data:)', page)
    report = json.loads(html_run["json"])
    assert page.count('<article class="finding ') == len(report["findings"])
    for finding in report["findings"]:
        assert _html_text(finding["message"]) in page
    # the summary table: file, kind, errors, warnings, status
    assert re.search(r"seed\.pdf</a></td><td>extrait du registre</td><td class=\"n\">1</td><td class=\"n\">7</td>"
                     r"<td class=\"\">vérifié</td>", page)
    assert "aucun problème détecté" in page  # the clean document
    assert re.search(r'broken\.pdf</a></td><td>—</td>.*<td class="unreadable">PDF endommagé', page)
    # the fields read, in words; the rules' explanations; the version and date
    assert "Unanimité oui" in page and "3 ans" in page and "lundi 27 novembre 2023" in page
    assert 'id="rule-school-email-mismatch"' in page and "Comment corriger" in page
    assert "ent-lint 0." in page and "@media print" in page
    assert "data:image" not in page and len(page.encode()) < 200_000


def test_the_html_report_embeds_page_images_only_when_asked(html_run):
    page = html_run["images"]
    images = re.findall(r'<figure id="doc-1-p(\d+)"><img alt="page \d+" src="data:image/jpeg;base64,', page)
    report = json.loads(html_run["json"])
    assert sorted(map(int, images)) == sorted({f["box"]["page"] for f in report["findings"] if f.get("box")})


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)
