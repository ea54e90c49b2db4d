"""A hostile corpus, generated: each input an adversary (or an unlucky export) could hand ent-lint,
run through the installed command, with its outcome, seconds and peak memory.

The generators are also what the tests feed ent-lint (tests/test_limits.py imports this file),
so nothing hostile is committed as a binary.  Usage::

    python bench/hostile.py [-j 1] [--keep DIR] [--only NAME ...]

prints one row per input: the outcome ent-lint gave (ok, or the error's outcome), its exit code,
the seconds, the peak resident memory of the process tree, and the one-line message.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from pathlib import Path
from typing import Callable

ENT_LINT = str(Path(sys.executable).parent / "ent-lint")
SITTING = "Séance du conseil municipal du 27 novembre 2023"
TEXT_LINES = [
    "COMMUNE DE SAINT-MARTIN",
    "Extrait du registre des délibérations du conseil municipal",
    SITTING,
    "Membres en exercice : 15    Présents : 12    Votants : 14",
    "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND",
    "Secrétaire de séance : Mme Marie MARTIN",
    "Objet : convention de mise à disposition des locaux scolaires",
    "Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention.",
    "Fait à Saint-Martin, le 28 novembre 2023",
]


# --- PDFs ---------------------------------------------------------------------------------------

def text_pdf(path: Path, lines: list[str] = TEXT_LINES, *, blank_pages: int = 0, size=None) -> Path:
    """A text PDF as a word processor writes it; ``blank_pages`` empty pages after the text
    (a page break: a page with no object on it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path) if isinstance(path, Path) else path, pagesize=size or A4)
    top = (size or A4)[1] - 72
    for number, line in enumerate(lines):
        page.drawString(72, top - 16 * number, line)
    page.showPage()
    for _ in range(blank_pages):
        page.showPage()
    page.save()
    return path


def _scanned_page(lines: list[str], *, dpi: int, seed: int):
    """A grey image of a printed page as a scanner gives it: the text, paper grey, a few specks."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    buffer = io.BytesIO()
    text_pdf(buffer, lines)  # reportlab writes to a file object as well
    document = pdfium.PdfDocument(buffer.getvalue())
    image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    document.close()
    image = image.point(lambda value: 242 if value > 240 else value)  # the paper is never white
    _specks(ImageDraw.Draw(image), image.size, random.Random(seed), 60)
    return image


def _specks(draw, size, rng: random.Random, count: int) -> None:
    width, height = size
    for _ in range(count):
        x, y, side = rng.randrange(width), rng.randrange(height), rng.choice([1, 1, 2, 2, 3])
        draw.rectangle([x, y, x + side - 1, y + side - 1], fill=rng.randrange(0, 90))


def _verso(recto, seed: int, specks: int = 300):
    """The blank back of a scanned sheet: paper grey, the recto showing through faintly
    (mirrored, far lighter than ink), dust and scanner specks."""
    from PIL import Image, ImageDraw, ImageOps

    faint = ImageOps.mirror(recto).point(lambda value: 242 - (242 - value) // 12)
    image = Image.new("L", recto.size, 242)
    image.paste(faint)
    _specks(ImageDraw.Draw(image), image.size, random.Random(seed), specks)
    return image


def scan_pdf(path: Path, sheets: int, *, versos: bool = True, dpi: int = 200) -> Path:
    """A scanned register: ``sheets`` pages of text, each followed by its blank verso when
    ``versos``; images only, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = canvas.Canvas(str(path), pagesize=A4)
    for sheet in range(sheets):
        lines = [*TEXT_LINES[:2], f"Délibération n° 2023-{sheet + 1:03d}", *TEXT_LINES[2:]]
        recto = _scanned_page(lines, dpi=dpi, seed=sheet)
        for image in [recto, _verso(recto, 1000 + sheet)] if versos else [recto]:
            out.drawImage(ImageReader(image), 0, 0, *A4)
            out.showPage()
    out.save()
    return path
