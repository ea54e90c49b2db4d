"""Bounds that follow the input (issue 14, second part): a timeout that grows with the pages to
OCR, blank versos of scans left out of OCR, zip members capped while they are decompressed,
patterns that stay linear on hostile lines, names that are not UTF-8, and read errors in the
reader's language.  The hostile inputs come from bench/hostile.py."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from ent_lint.batch import Runner
from ent_lint.inputs import Job
from ent_lint.linter import Linter, Outcome
from ent_lint.readers import ocr

from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import hostile  # noqa: E402  (the generators of the hostile corpus)


# --- a timeout that grows with the pages to OCR -------------------------------------------------

def _slow_ocr(seconds: float, *, block_alarm: bool = False):
    """OCR that takes ``seconds`` (in C code, where no alarm reaches, when ``block_alarm``) and
    reads one word a page."""

    def read(doc, pages, name, threads=1):
        if block_alarm:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(seconds)  # the work itself, not a wait for another process
        return {index: ocr.OcrPage(595, [ocr.OcrWord("Séance", 72, 120, 72, 1, 1, 1)]) for index in pages}

    return read


@pytest.fixture
def three_scanned_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: None)
    return hostile.scan_pdf(tmp_path / "scan.pdf", 3, versos=False)


def test_each_page_to_ocr_adds_to_the_default_timeout(three_scanned_pages, monkeypatch):
    monkeypatch.setattr(ocr, "ocr_pages", _slow_ocr(1.5))
    data = three_scanned_pages.read_bytes()
    fixed = Linter(timeout=1).check("scan.pdf", data)
    assert fixed.outcome is Outcome.TIMED_OUT and fixed.reason == "timed out after 1 s (see --timeout)"
    grown = Linter(timeout=1, ocr_page_seconds=2).check("scan.pdf", data)  # 1 + 3 × 2 s
    assert grown.outcome is Outcome.OK, grown.reason


def _run(linter: Linter, path: Path):
    [result] = Runner(linter, workers=1).run([Job(str(path), str(path))])
    return result


def test_the_parent_waits_for_the_pages_to_ocr_and_still_kills_a_hostile_one(three_scanned_pages, monkeypatch):
    # OCR in C code for 3 s: past the fixed timeout and its grace (1 + 1 s), within 1 + 3 × 2 s
    monkeypatch.setattr(ocr, "ocr_pages", _slow_ocr(3, block_alarm=True))
    assert _run(Linter(timeout=1), three_scanned_pages).outcome is Outcome.TIMED_OUT
    grown = _run(Linter(timeout=1, ocr_page_seconds=2), three_scanned_pages)
    assert grown.outcome is Outcome.OK, grown.reason
    monkeypatch.setattr(ocr, "ocr_pages", _slow_ocr(3600, block_alarm=True))  # stuck for good
    started = time.monotonic()
    stuck = _run(Linter(timeout=1, ocr_page_seconds=1), three_scanned_pages)
    assert stuck.outcome is Outcome.TIMED_OUT and stuck.reason == "timed out after 4 s (see --timeout)"
    assert time.monotonic() - started < 60


# --- blank versos ---------------------------------------------------------------------------------

def test_blank_versos_of_a_scan_are_not_sent_to_tesseract(tmp_path, monkeypatch):
    sent = []
    monkeypatch.setattr(ocr, "available", lambda: None)
    monkeypatch.setattr(ocr, "_run_tesseract", lambda image, dpi, name, number, running: sent.append(number) or "")
    scan = hostile.scan_pdf(tmp_path / "register.pdf", 3)  # recto, verso, recto, verso, recto, verso
    result = Linter().check_path(str(scan))
    assert result.pages == 6 and sorted(sent) == [1, 3, 5]


def test_a_page_without_any_object_is_never_rendered(tmp_path, monkeypatch):
    import pypdfium2

    rendered = []
    render = pypdfium2.PdfPage.render
    monkeypatch.setattr(pypdfium2.PdfPage, "render", lambda page, *a, **k: rendered.append(page) or render(page, *a, **k))
    monkeypatch.setattr(ocr, "available", lambda: None)
    monkeypatch.setattr(ocr, "_run_tesseract", lambda image, dpi, name, number, running: "")
    document = hostile.text_pdf(tmp_path / "word-processor.pdf", blank_pages=30)  # 1 text page, 30 page breaks
    assert Linter().check_path(str(document)).pages == 31 and rendered == []
    assert Linter(ocr="always").check_path(str(document)).pages == 31 and len(rendered) == 1  # the text page


def test_a_page_with_two_words_is_not_blank_but_specks_are():
    import random

    from PIL import Image, ImageDraw

    words = hostile._scanned_page(["Le Maire"], dpi=300, seed=1)
    assert not ocr.nearly_blank(words)
    assert ocr.nearly_blank(hostile._verso(words, seed=2, specks=600))
    white = Image.new("L", words.size, 242)
    hostile._specks(ImageDraw.Draw(white), white.size, random.Random(3), 600)  # 1 to 3 px each
    assert ocr.nearly_blank(white)


def test_the_median_filter_over_the_bands_of_ink_counts_as_over_the_whole_page():
    import random

    from PIL import Image, ImageDraw, ImageFilter

    def whole(image) -> int:
        return sum(image.filter(ImageFilter.MedianFilter(3)).histogram()[:ocr.INK_LEVEL])

    words = hostile._scanned_page(["Le Maire"], dpi=300, seed=1)
    images = [words, hostile._verso(words, seed=2, specks=600)]
    rng = random.Random(7)
    for _ in range(40):  # specks and bars at the edges, rows of ink one, two, three rows apart
        image = Image.new("L", (rng.randrange(3, 60), rng.randrange(3, 60)), 242)
        draw = ImageDraw.Draw(image)
        for _ in range(rng.randrange(0, 30)):
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            draw.rectangle([x, y, x + rng.randrange(3), y + rng.randrange(3)], fill=rng.choice([0, 90, 127, 128, 200]))
        images.append(image)
    bars = Image.new("L", (40, 40), 242)  # two lines of ink one row apart: the row between is ink after the filter
    ImageDraw.Draw(bars).line([(0, 10), (39, 10)], fill=0)
    ImageDraw.Draw(bars).line([(0, 12), (39, 12)], fill=0)
    ImageDraw.Draw(bars).line([(0, 20), (39, 20)], fill=0)
    ImageDraw.Draw(bars).line([(0, 23), (39, 23)], fill=0)
    images.append(bars)
    counts = [(ocr.ink_after_median(image), whole(image)) for image in images]
    assert all(banded == full for banded, full in counts), counts
    assert counts[0][0] > 1000 and any(0 < banded < 50 for banded, _ in counts[2:-1]) and counts[-1][0] == 40


# --- zip members bounded while they are decompressed, in the parent -----------------------------

def _load_peak(job: Job, **options):
    """What loading a job raised, and the peak of the memory it allocated (bytes)."""
    import tracemalloc

    from ent_lint.errors import InputError
    from ent_lint.inputs import load

    tracemalloc.start()
    try:
        load(job, **options)
        raised = None
    except InputError as exc:
        raised = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return raised, peak


@pytest.mark.parametrize("lie", [{"compress_size": 512 * 1024}, {"file_size": 1000}])
def test_a_member_whose_header_lies_is_stopped_while_it_is_decompressed(tmp_path, lie):
    from ent_lint.inputs import expand

    archive = hostile.zip_lying_header(tmp_path / "lie.zip", 64 * 1024**2, **lie)  # 64 MiB of spaces
    [job] = [j for j in expand([str(archive)]) if j.name.endswith("menteur.txt")]
    assert job.error is None  # the central directory's sizes pass every check
    raised, peak = _load_peak(job)
    assert raised is not None and peak < 24 * 1024**2
    if "compress_size" in lie:
        assert raised.outcome == "too-large" and raised.message.startswith("compression ratio above 200:1")
    else:  # zipfile stops at the declared size, and the checksum then fails
        assert raised.outcome == "unreadable" and "Bad CRC-32" in raised.detail


def test_a_text_over_max_size_is_refused_in_the_parent_before_it_is_read(tmp_path):
    import zipfile

    import random

    rng = random.Random(4)
    text = " ".join(f"Séance {rng.randrange(10**6)}" for _ in range(300_000)).encode()  # 4.5 MB, 3:1 zipped
    (tmp_path / "long.txt").write_bytes(text)
    with zipfile.ZipFile(tmp_path / "long.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("long.txt", text)
        archive.writestr("long.pdf", b"%PDF-1.4\n" + text)  # a PDF: --max-size is not its bound
    for job in (Job(str(tmp_path / "long.txt"), str(tmp_path / "long.txt")),
                Job("long.zip!long.txt", str(tmp_path / "long.zip"), "long.txt")):
        raised, peak = _load_peak(job, max_text=1024**2)
        assert raised.outcome == "too-large" and "--max-size" in raised.message
        assert peak < 2 * 1024**2  # never the whole text
    raised, _ = _load_peak(Job("long.zip!long.pdf", str(tmp_path / "long.zip"), "long.pdf"), max_text=1024**2)
    assert raised is None
    [result] = Runner(Linter(max_size=1024**2)).run([Job(str(tmp_path / "long.txt"), str(tmp_path / "long.txt"))])
    assert result.outcome is Outcome.TOO_LARGE


# --- read errors in the reader's language -------------------------------------------------------

def _cli(*args, cwd):
    import subprocess

    command = Path(sys.executable).parent / "ent-lint"
    return subprocess.run([str(command), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_read_errors_are_french_sentences_with_the_system_words_only_in_english_or_verbose(tmp_path):
    import zipfile

    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")  # a loop: ELOOP, "Too many levels of symbolic links"
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("acte.txt", "Séance du 27/11/2023\n" * 50)
    data = damaged.read_bytes()
    damaged.write_bytes(data.replace("Séance".encode(), b"SEEANCE", 1))  # stored, same length: a bad checksum
    loop, member = tmp_path / "a.txt", f"{damaged}!acte.txt"
    french = _cli("--no-cache", "-j", "1", loop, damaged, cwd=tmp_path)
    separator = "\u00a0: erreur\u00a0: "  # French typography: a no-break space before the colon
    lines = dict(line.split(separator, 1) for line in french.stderr.splitlines() if separator in line)
    assert lines == {str(loop): "illisible\u00a0: trop de liens symboliques en chaîne",
                     member: "ce fichier de l'archive zip ne peut pas être lu (archive endommagée)"}
    assert french.returncode == 2 and "Traceback" not in french.stderr
    verbose = _cli("--no-cache", "-j", "1", "-v", loop, damaged, cwd=tmp_path).stderr
    assert "chaîne (Too many levels of symbolic links)" in verbose and "(BadZipFile: Bad CRC-32" in verbose
    english = _cli("--no-cache", "-j", "1", "--lang", "en", loop, damaged, cwd=tmp_path).stderr
    assert f"{loop}: error: cannot be read: too many levels of symbolic links (Too many levels of symbolic links)" \
        in english
    assert f"{member}: error: zip member cannot be read (damaged archive) (BadZipFile: Bad CRC-32" in english


def test_placeholders_that_are_sentences_are_translated_too():
    from ent_lint import i18n

    reason = "page 1 has no text layer and OCR cannot run: " + ocr_missing()
    french = i18n.reason(reason, "fr")
    assert french.startswith("la page 1 n'a pas de texte") and "tesseract n'est pas installé" in french


def ocr_missing() -> str:
    """The reason OCR gives when tesseract is not on the PATH."""
    import shutil

    real = shutil.which
    try:
        shutil.which = lambda name: None
        ocr.available.cache_clear()
        return ocr.available()
    finally:
        shutil.which = real
        ocr.available.cache_clear()


# --- patterns that stay linear on hostile lines ---------------------------------------------------

@pytest.mark.parametrize("name", list(hostile.hostile_lines()))
def test_a_hostile_line_is_checked_within_its_bound(name):
    """Runs of spaces made the name patterns try every split of the run (100,000 spaces: hours);
    the speed itself is measured by bench/hostile.py, this checks the outcome."""
    text = hostile.HEAD + hostile.hostile_lines()[name] + "\nLe conseil municipal APPROUVE.\n"
    result = Linter(timeout=20).check("hostile.txt", text.encode("utf-8"))
    assert result.outcome is Outcome.OK, result.reason


def test_long_runs_of_blanks_are_cut_for_the_parser_and_columns_stay_the_file_s():
    from ent_lint.readers import MAX_BLANKS, Line

    raw = "Présents :" + " " * 1000 + "M. Jean DUPONT" + "\t" * 50 + "fin"
    line = Line(None, 1, raw, raw)
    assert line.text == "Présents :" + " " * MAX_BLANKS + "M. Jean DUPONT" + "\t" * MAX_BLANKS + "fin"
    assert raw[line.column(line.text.index("DUPONT")) - 1:].startswith("DUPONT")
    assert raw[line.column(line.text.index("fin")) - 1:] == "fin"
    layout = "Présents : 12" + " " * 20 + "Votants : 14"  # a layout's gap is left as it is
    assert Line(None, 1, layout, layout).text == layout


# --- file names that are not UTF-8 ---------------------------------------------------------------

def test_names_that_are_not_utf8_keep_every_output_valid(tmp_path):
    import json
    import os
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    from helpers import DOCUMENTS

    folder = tmp_path / "docs"
    folder.mkdir()
    latin1 = os.fsencode(folder) + "/délibération.txt".encode("latin-1")  # as a Windows share mounted in Latin-1
    shutil.copy(DOCUMENTS / "extrait-quorum.txt", latin1)
    with open(os.fsencode(folder) + b"/binaire-\xff.txt", "wb") as handle:
        handle.write(b"\x00\x01")  # unreadable: an error entry under that name
    command = Path(sys.executable).parent / "ent-lint"
    shown = f"{folder}/d\\xe9lib\\xe9ration.txt"
    outputs = {}
    for fmt in ("text", "json", "json-lines", "sarif", "junit", "gitlab", "github"):
        done = subprocess.run([str(command), "--lang", "en", "--no-cache", "-j", "1", "--format", fmt, str(folder)],
                              capture_output=True, cwd=tmp_path, timeout=120)
        stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict: valid UTF-8
        assert done.returncode == 2 and "Traceback" not in stderr, (fmt, stderr)
        outputs[fmt] = stdout
        assert f"{folder}/binaire-\\xff.txt" in stdout + stderr, fmt
    report = json.loads(outputs["json"])
    assert {f["path"] for f in report["findings"]} == {shown}
    assert [e["path"] for e in report["errors"]] == [f"{folder}/binaire-\\xff.txt"]
    assert {json.loads(line).get("path") for line in outputs["json-lines"].splitlines()} >= {shown}
    sarif = json.loads(outputs["sarif"])
    uris = {location["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"] for location in result["locations"]}
    assert any(uri.endswith("/d%E9lib%E9ration.txt") for uri in uris)
    assert all(uri.isascii() and " " not in uri for uri in uris)
    names = {case.get("name") for case in ET.fromstring(outputs["junit"]).iter("testcase")}
    assert shown in names
    assert {issue["location"]["path"] for issue in json.loads(outputs["gitlab"])} >= {shown}
    assert shown in outputs["text"] and shown in outputs["github"]


def test_a_baseline_keeps_a_name_that_is_not_utf8(tmp_path):
    import os
    import shutil
    import subprocess

    from helpers import DOCUMENTS

    name = os.fsencode(tmp_path) + "/procès-verbal.txt".encode("latin-1")
    shutil.copy(DOCUMENTS / "extrait-quorum.txt", name)
    command = [str(Path(sys.executable).parent / "ent-lint"), "--no-cache", "-j", "1"]
    recorded = subprocess.run([*command, "--write-baseline", "b.json", os.fsdecode(name)], capture_output=True,
                              cwd=tmp_path, timeout=120)
    assert recorded.returncode == 1 and b"Traceback" not in recorded.stderr
    again = subprocess.run([*command, "--baseline", "b.json", os.fsdecode(name)], capture_output=True, cwd=tmp_path,
                           timeout=120)
    assert again.returncode == 0, again.stderr.decode()


def test_the_ocr_budget_grows_no_more_past_200_pages():
    from ent_lint.budget import MAX_OCR_PAGES, Budget

    budget = Budget(60, 8)
    assert budget.grant_ocr(150) == 1200 and budget.grant_ocr(10_000) == 8 * (MAX_OCR_PAGES - 150)
    assert budget.seconds == 60 + 8 * MAX_OCR_PAGES and Budget(60, 0).grant_ocr(10) == 0


# --- hostile PDFs through the command, one worker and two -----------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hostile_pdfs_end_in_a_result_or_a_one_line_error(tmp_path, jobs):
    made = [hostile.huge_page_pdf(tmp_path / "immense.pdf"), hostile.deep_nesting_pdf(tmp_path / "imbrique.pdf"),
            hostile.garbage_objects_pdf(tmp_path / "ordures.pdf"), hostile.tiny_pages_pdf(tmp_path / "petites.pdf", 300)]
    done = _cli("--lang", "en", "--no-cache", "--format", "json", "-j", jobs, "--max-pages", "0", "--timeout", "60",
                *made, cwd=tmp_path)
    import json

    report = json.loads(done.stdout)
    errors = {e["path"]: e for e in report["errors"]}
    assert "Traceback" not in done.stderr and done.returncode in (1, 2)
    assert all(e["outcome"] in ("unreadable", "too-large") for e in errors.values()), errors
    assert len([line for line in done.stderr.splitlines() if ": error: " in line]) == len(errors)
    assert set(errors) | {f["path"] for f in report["findings"]} | {str(p) for p in made} == {str(p) for p in made}
