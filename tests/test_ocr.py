"""Scanned documents through tesseract, and the OCR clean-ups, each checked against the text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ent_lint.api import extract, lint, plain
from ent_lint.readers import Line, Source
from ent_lint.readers import ocr

from helpers import DOCUMENTS, FIXTURES, dig

SCANS = FIXTURES / "scans"
SCANNED = ["convention-ecoles-tableau", "extrait-compteurs-en-ligne", "extrait-communautaire",
           "pv-trois-deliberations", "convention-defauts"]
MISSING = ocr.available()
needs_tesseract = pytest.mark.skipif(MISSING is not None, reason=f"OCR cannot run here: {MISSING}")
EXPECTED = json.loads((DOCUMENTS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scanned():
    """Each scan read once (OCR costs about a second a page)."""
    return {name: lint(str(SCANS / f"{name}.pdf"), ocr_threads=os.cpu_count() or 1) for name in SCANNED}


def test_scans_have_no_text_layer():
    import pypdfium2 as pdfium

    for name in SCANNED:
        pdf = pdfium.PdfDocument(str(SCANS / f"{name}.pdf"))
        assert all(not page.get_textpage().get_text_range().strip() for page in pdf), name


@needs_tesseract
@pytest.mark.parametrize("name", SCANNED)
def test_a_scan_extracts_as_its_text(scanned, name):
    report = scanned[name]
    assert report.error is None
    document = plain(report.document, False)
    for path, value in EXPECTED[name]["extract"].items():
        assert dig(document, path) == value, f"{name}: {path}"


READING = {"unreadable-part", "no-deliberation"}


@needs_tesseract
@pytest.mark.parametrize("name", SCANNED)
def test_a_scan_gives_the_findings_of_its_pdf(scanned, name):
    # the document's defects are the same; how it was read (a list OCR read with low
    # confidence, said by the reading family's info findings) may differ
    from_scan = [f for f in scanned[name].findings if f.rule not in READING]
    from_pdf = [f for f in lint(str(DOCUMENTS / f"{name}.pdf")).findings if f.rule not in READING]
    assert sorted((f.rule, f.severity, f.message) for f in from_scan) == \
        sorted((f.rule, f.severity, f.message) for f in from_pdf)
    assert all(f.ocr for f in from_scan)


@needs_tesseract
def test_ocr_findings_say_so_and_ocr_never_is_a_clear_error(tmp_path):
    command = Path(sys.executable).parent / "ent-lint"
    scan = SCANS / "convention-defauts.pdf"
    shown = subprocess.run([str(command), "--no-cache", "--lang", "en", str(scan)], capture_output=True, text=True)
    assert "(read by OCR)" in shown.stdout
    never = subprocess.run([str(command), "--no-cache", "--lang", "en", "--ocr", "never", str(scan)], capture_output=True,
                           text=True)
    assert never.returncode == 2
    assert never.stderr.strip() == f"{scan}: error: no page has a text layer (a scan?) and OCR is off (--ocr never)"


def test_without_tesseract_a_scan_is_a_clear_error(tmp_path):
    command = Path(sys.executable).parent / "ent-lint"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "PATH"}
    env["PATH"] = str(bin_dir)  # no tesseract on this PATH
    result = subprocess.run([str(command), "--no-cache", "--lang", "en", str(SCANS / "extrait-communautaire.pdf")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    line, = result.stderr.strip().splitlines()
    assert "page 1 has no text layer and OCR cannot run: tesseract is not installed" in line
    assert "apt-get install tesseract-ocr tesseract-ocr-fra" in line


@needs_tesseract
def test_an_invisible_garbage_text_layer_is_read_again_by_ocr(tmp_path):
    """A scan that carries a useless OCR layer (invisible text, not language) is OCRed again."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = pdfium.PdfDocument(str(SCANS / "extrait-communautaire.pdf"))[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    path = tmp_path / "garbage-layer.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    text = pdf.beginText(72, 700)
    text.setTextRenderMode(3)  # invisible, as OCR layers are
    for _ in range(30):
        text.textLine("xq7 zzkt wrt pq9 ## kkv bnm trwz qxv 1l1l 0O0O")
    pdf.drawText(text)
    pdf.save()
    assert not ocr.usable(pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range())
    delib = extract(str(path)).deliberations[0]
    expected = EXPECTED["extrait-communautaire"]["extract"]
    assert delib.counts.model_dump() == expected["deliberations.0.counts"]


def test_usable_text_layer():
    assert ocr.usable("Le conseil municipal, après en avoir délibéré, approuve la convention.")
    assert not ocr.usable("")
    assert not ocr.usable("   \n  \x0c ")
    assert not ocr.usable("xq7 zzkt wrt pq9 kkv bnm trwz qxv zzkt wrt pq9 kkv bnm trwz")


@pytest.mark.parametrize("read,fixed", [
    ("Séance du 12/O6/2O23", "Séance du 12/06/2023"),   # O inside numbers is a zero
    ("Présents : 20l5", "Présents : 2015"),             # l among two digits or more is a one
    ("Présents : 2l", "Présents : 2?"),                 # ambiguous: 21, or 2 and a letter?
    ("Abstention : O", "Abstention : 0"),               # a lone O after a colon
    ("Il a été décidé", "Il a été décidé"),             # words stay words
    ("le 1er mars", "le 1er mars"),
])
def test_ocr_digit_repairs(read, fixed):
    assert ocr.fix_digits(read) == fixed
    assert len(ocr.fix_digits(read)) == len(read)


def test_uai_check_letter_read_as_a_digit():
    assert ocr.repair_uai("EMPU 06923457 LES PETITS PAS") == "EMPU 0692345Z LES PETITS PAS"
    assert ocr.repair_uai("EMPU 06923451 LES PETITS PAS") == "EMPU 06923451 LES PETITS PAS"  # 1 is not Z
    assert ocr.repair_uai("tel. 04 72 00 00 00") == "tel. 04 72 00 00 00"


def test_email_gaps_closed_with_a_column_map():
    text, colmap = ocr.clean_line("EEPU 0692345Z ce.0692345Z @ ac-lyon.fr fin")
    assert text == "EEPU 0692345Z ce.0692345Z@ac-lyon.fr fin"
    assert colmap is not None and colmap[text.index("fin")] == len("EEPU 0692345Z ce.0692345Z @ ac-lyon.fr ")


def test_an_ambiguous_ocr_count_fires_no_rule():
    """A count read as "2l" is unreadable: no count, so no count rule can cry wolf."""
    from ent_lint.config import Settings
    from ent_lint.linter import build_checker
    from ent_lint.parse import parse

    raw = ["COMMUNE DE SAINT-MARTIN", "Séance du 10 mars 2022", "Nombre de conseillers en exercice : 15",
           "Présents : 2l", "Présents : Anne MARTIN, Paul DURAND, Luc PETIT",
           "Secrétaire de séance : Paul DURAND", "Le Conseil municipal, à l'unanimité, APPROUVE."]
    lines = [Line(1, n, ocr.clean_line(r)[0], r, ocr=True) for n, r in enumerate(raw, 1)]
    document = parse(Source("scan.pdf", "pdf", lines, page_count=1))
    assert document.deliberations[0].counts.present is None
    rules = {f.rule for f in build_checker(Settings()).check(document)}
    assert "present-count" not in rules
    # the twin with a clean "21": the count is read, and contradicts the list of three
    lines[3] = Line(1, 4, "Présents : 21", "Présents : 21", ocr=True)
    twin = parse(Source("scan.pdf", "pdf", lines, page_count=1))
    assert twin.deliberations[0].counts.present == 21
    assert "present-count" in {f.rule for f in build_checker(Settings()).check(twin)}


def test_a_huge_page_is_rendered_within_the_pixel_bound(tmp_path):
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    path = tmp_path / "huge.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(14400, 14400))  # 5 m square, the largest a PDF allows
    pdf.drawString(100, 100, "x")
    pdf.save()
    image, scale = ocr.render_gray(pdfium.PdfDocument(str(path))[0])
    width, height = image.size
    assert width * height <= ocr.MAX_PIXELS * 1.01 and scale < 300 / 72


def _turned_scan(tmp_path, turn: int) -> str:
    """The first page of a scanned extract as a register scanned sideways or upside down: the page
    image turned ``turn`` degrees counter-clockwise, in a PDF of its own."""
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(str(SCANS / "extrait-communautaire.pdf"))[0].render(scale=200 / 72).to_pil()
    path = tmp_path / f"turned-{turn}.pdf"
    image.convert("L").rotate(turn, expand=True).save(path, resolution=200)
    return str(path)


@needs_tesseract
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(tmp_path, monkeypatch):
    asked = []
    orientation = ocr._orientation
    monkeypatch.setattr(ocr, "_orientation", lambda *a, **k: asked.append(1) or orientation(*a, **k))
    expected = EXPECTED["extrait-communautaire"]["extract"]
    for turn in (0, 90, 180):
        document = plain(extract(_turned_scan(tmp_path, turn)), False)
        assert document["kind"] == "extract", turn
        for path in ("deliberations.0.counts", "deliberations.0.vote", "deliberations.0.session.president.name"):
            assert dig(document, path) == expected[path], (turn, path)
        # a page that reads well upright is never asked its orientation
        assert len(asked) == (0 if turn == 0 else 1), turn
        asked.clear()
