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


def test_a_page_with_two_words_is_not_blank_but_specks_are():
    import random

    from PIL import Image, ImageDraw

    words = hostile._scanned_page(["Le Maire"], dpi=300, seed=1)
    assert not ocr.nearly_blank(words)
    assert ocr.nearly_blank(hostile._verso(words, seed=2, specks=600))
    white = Image.new("L", words.size, 242)
    hostile._specks(ImageDraw.Draw(white), white.size, random.Random(3), 600)  # 1 to 3 px each
    assert ocr.nearly_blank(white)
