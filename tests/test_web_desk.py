"""The prefecture's desk, in headless Chromium against the real server on loopback: many
documents at once, the page with the evidence framed, the report to keep, print, small screens."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from helpers import DOCUMENTS, SEED_PDF, SEED_TXT, run_cli
from test_web import ARTIFACTS, CHROMIUM, _get, serving

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (Debian: apt-get install chromium)")
CLEAN = DOCUMENTS / "extrait-alsace.txt"


@pytest.fixture(scope="module")
def server():
    with serving("--max-upload", "8", "-j", "2", "--timeout", "60") as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR", accept_downloads=True)
    tab = context.new_page()
    tab.goto(server)
    yield tab
    context.close()


def _drop(page, paths: list[Path]) -> None:
    """Files dropped on the drop zone, as a person drags them from a file manager."""
    files = [{"name": p.name, "data": base64.b64encode(p.read_bytes()).decode()} for p in paths]
    transfer = page.evaluate_handle("""(files) => {
        const transfer = new DataTransfer();
        for (const f of files) {
            const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
            transfer.items.add(new File([bytes], f.name));
        }
        return transfer;
    }""", files)
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})


def _finished(page, count: int) -> None:
    page.locator("#batch:not([hidden])").wait_for(timeout=60_000)
    page.locator("#summary-table tr.waiting").first.wait_for(state="detached", timeout=120_000)
    assert page.locator("#summary-table tbody tr").count() == count


def _rows(page) -> list[list[str]]:
    return [[cell.strip() for cell in row.split("\t")]
            for row in page.locator("#summary-table tbody tr").all_inner_texts()]


def test_three_files_dropped_at_once_give_three_results_and_the_summary(page):
    _drop(page, [SEED_PDF, SEED_TXT, CLEAN])
    _finished(page, 3)
    assert page.locator("#progress-text").inner_text() == "3 / 3 documents vérifiés" or page.locator("#progress").is_hidden()
    assert page.locator("#status").inner_text() == "3 documents vérifiés."
    rows = {row[0]: row[1:] for row in _rows(page)}
    assert rows == {SEED_PDF.name: ["extrait du registre", "1", "7", "vérifié"],
                    SEED_TXT.name: ["extrait du registre", "1", "7", "vérifié"],
                    CLEAN.name: ["extrait du registre", "0", "0", "vérifié"]}
    page.screenshot(path=str(ARTIFACTS / "web-three-files.png"), full_page=True)
    # a click opens a file's findings; a clean one says so, in green
    page.locator("#summary-table a", has_text=CLEAN.name).click()
    clean = page.locator("#summary p.clean")
    assert clean.inner_text() == "Aucun problème détecté."
    assert clean.evaluate("(node) => getComputedStyle(node).color") == "rgb(27, 122, 58)"
    assert page.locator("#findings .finding").count() == 0
    page.screenshot(path=str(ARTIFACTS / "web-clean.png"))
    page.locator("#summary-table a", has_text=SEED_TXT.name).click()
    assert page.locator("#doc-title").inner_text() == SEED_TXT.name
    assert page.locator("#findings .finding").count() == 10
    # the fields in words
    fields = page.locator("#fields").inner_text()
    assert "Unanimité oui" in fields and "mardi 21 novembre 2023" in fields and "3 ans" in fields
    assert "En exercice 33 · Présents 22 · Représentés 8 · Votants 30" in fields


def test_a_zip_of_five_documents_gives_five(page, tmp_path):
    archive = tmp_path / "seance.zip"
    names = ["extrait-alsace.txt", "extrait-covid.txt", "pv-votes.txt", "extrait-quorum.txt", "convention-defauts.pdf"]
    with zipfile.ZipFile(archive, "w") as handle:
        for name in names:
            handle.write(DOCUMENTS / name, f"actes/{name}")
    page.set_input_files("#file", str(archive))
    _finished(page, 5)
    rows = _rows(page)
    assert sorted(row[0] for row in rows) == sorted(f"seance.zip!actes/{n}" for n in names)
    assert all(row[-1] == "vérifié" for row in rows)
    page.screenshot(path=str(ARTIFACTS / "web-zip.png"), full_page=True)
    # a finding of the PDF inside the zip shows its page too
    page.locator("#summary-table a", has_text="convention-defauts.pdf").click()
    page.locator("#findings .finding[data-rule=uai-checksum]").click()
    page.locator("#page-view:not([hidden]) img[src]").wait_for(timeout=30_000)
    assert "Page 2" in page.locator("#page-caption").inner_text()


def test_a_findings_click_shows_its_page_with_the_evidence_framed(page):
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageStat

    page.set_input_files("#file", str(SEED_PDF))
    _finished(page, 1)
    card = page.locator(".finding[data-rule=school-email-mismatch]")
    card.click()
    image = page.locator("#page-view:not([hidden]) #page-image[src]")
    image.wait_for(timeout=30_000)
    page.wait_for_timeout(200)
    page.screenshot(path=str(ARTIFACTS / "web-page-image.png"), full_page=True)
    shown = page.evaluate("""() => {
        const img = document.getElementById('page-image');
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
        canvas.getContext('2d').drawImage(img, 0, 0);
        return [canvas.toDataURL('image/png'), img.dataset.scale, img.dataset.box];
    }""")
    picture = Image.open(io.BytesIO(base64.b64decode(shown[0].split(",", 1)[1]))).convert("RGB")
    scale = float(shown[1])
    x0, top, x1, bottom = (float(v) for v in shown[2].split(","))
    with pdfium.PdfDocument(str(SEED_PDF)) as doc:
        plain = doc[6].render(scale=scale).to_pil().convert("RGB")
    assert plain.size == picture.size
    inside = (int(x0 * scale), int(top * scale), int(x1 * scale), int(bottom * scale))
    difference = ImageChops.difference(picture, plain)
    assert ImageStat.Stat(difference.crop(inside)).mean[2] > 40  # the evidence is washed (yellow) and framed
    # far from the box, the page is the plain render
    margin = int(8 * scale)
    above = (0, 0, picture.size[0], max(1, inside[1] - margin))
    assert ImageStat.Stat(difference.crop(above)).mean == [0.0, 0.0, 0.0]
    # the evidence's box: the e-mail in the table's last column
    assert x0 > 400 and 280 < top < bottom < 300
    # the text view is one click away, on the finding's line
    page.locator("#tab-text").click()
    assert page.locator("#text").is_visible() and not page.locator("#page-view").is_visible()
    assert "focus" in page.locator("#l-7-191").get_attribute("class")
    assert page.locator("#l-7-191 mark[data-rule=school-email-mismatch]").inner_text() == "ecole.0831515w@ac-nice.fr"


def test_the_html_report_reads_without_scripts_and_shows_the_json_findings(page, browser, tmp_path):
    _drop(page, [SEED_PDF, CLEAN])
    _finished(page, 2)
    with page.expect_download() as event:
        page.locator("#download-html").click()
    downloaded = Path(event.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as event:
        page.locator("#download-json").click()
    from_page = json.loads(Path(event.value.path()).read_text(encoding="utf-8"))
    # the command line's report of the same files
    report = tmp_path / "report.html"
    run_cli("--format", "html", "--no-cache", "-o", report, SEED_PDF, CLEAN)
    cli = json.loads(run_cli("--format", "json", "--no-cache", SEED_PDF, CLEAN).stdout)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1000, "height": 1400})
    try:
        reader = context.new_page()
        for name, html in (("cli", report.read_text(encoding="utf-8")), ("page", downloaded)):
            path = tmp_path / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            reader.goto(path.as_uri())
            cards = reader.locator("article.finding")
            assert cards.count() == len(cli["findings"]) == len(from_page["findings"])
            text = reader.locator("body").inner_text()
            for finding in cli["findings"]:
                assert finding["message"] in text
            assert reader.locator("#summary tbody tr").count() == 2
            assert "aucun problème détecté" in text and "Comment corriger" in text
            reader.screenshot(path=str(ARTIFACTS / f"html-report-{name}.png"))
    finally:
        context.close()


def test_print_keeps_badges_and_every_finding(page):
    import pypdfium2 as pdfium

    page.set_input_files("#file", str(SEED_PDF))
    _finished(page, 1)
    messages = page.locator("#findings .finding").all_inner_texts()
    assert len(messages) == 10
    pdf = page.pdf(format="A4", print_background=False)
    (ARTIFACTS / "web-print.pdf").write_bytes(pdf)
    doc = pdfium.PdfDocument(pdf)
    text, red = "", 0
    for index in range(len(doc)):
        pdf_page = doc[index]
        text += pdf_page.get_textpage().get_text_range() + "\n"
        picture = pdf_page.render(scale=1).to_pil().convert("RGB")
        if index == 0:
            picture.save(ARTIFACTS / "web-print-page1.png")
        pixels = picture.tobytes()
        red += sum(1 for i in range(0, len(pixels), 3)  # the error badge's red
                   if pixels[i] > 150 and pixels[i + 1] < 40 and pixels[i + 2] < 60)
    flat = re.sub(r"\s+", "", text)
    for message in messages:
        assert re.sub(r"\s+", "", message) in flat
    assert "Déposez" not in text and "Télécharger" not in text  # no upload box, no buttons
    assert red > 50  # badges printed in colour even without backgrounds


@pytest.mark.parametrize("width", [390, 360])
def test_small_screens_have_no_horizontal_scroll(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="fr-FR", is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(server)
        tab.set_input_files("#file", [str(SEED_PDF), str(CLEAN)])
        _finished(tab, 2)
        tab.locator(".finding[data-rule=school-email-mismatch]").click()
        tab.locator("#page-view:not([hidden]) #page-image[src]").wait_for(timeout=30_000)
        widths = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        tab.screenshot(path=str(ARTIFACTS / f"web-{width}px.png"), full_page=True)
    finally:
        context.close()


def test_the_favicon(server):
    from PIL import Image

    status, body, headers = _get(f"{server}/favicon.ico")
    assert status == 200 and {k.lower(): v for k, v in headers.items()}["content-type"] == "image/x-icon"
    assert Image.open(io.BytesIO(body)).format == "ICO"
    assert '<link rel="icon" href="/favicon.ico">' in _get(server)[1].decode()


def test_readme_screenshot_is_the_desk(page):
    """The README's picture: the desk after three documents, the page of a finding open."""
    _drop(page, [SEED_PDF, SEED_TXT, CLEAN])
    _finished(page, 3)
    page.locator("#summary-table a", has_text=SEED_PDF.name).click()
    page.locator(".finding[data-rule=school-email-mismatch]").click()
    page.locator("#page-view:not([hidden]) #page-image[src]").wait_for(timeout=30_000)
    page.wait_for_timeout(200)
    page.screenshot(path=str(ARTIFACTS / "web-desk.png"))  # docs/screenshot.png is a copy of it
    # on a large screen the page stands beside the findings
    findings, viewer = page.locator("#findings").bounding_box(), page.locator("#page-view").bounding_box()
    assert viewer["x"] > findings["x"] + findings["width"] and viewer["y"] < findings["y"] + findings["height"]
