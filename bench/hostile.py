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


# --- archives -----------------------------------------------------------------------------------

def zip_bomb(path: Path, size: int = 1024**3) -> Path:
    """One member of ``size`` zeros (a GiB by default) in about a MiB: its header says so."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("bombe.txt", "w", force_zip64=True) as member:
            block = b"\0" * 1024**2
            for _ in range(size // len(block)):
                member.write(block)
    return path


def zip_lying_header(path: Path, size: int = 64 * 1024**2, *, file_size: int | None = None,
                     compress_size: int | None = None) -> Path:
    """A member of ``size`` spaces whose headers (central directory and local) lie: they
    declare ``file_size`` bytes once decompressed and ``compress_size`` compressed, so that the
    sizes read from the central directory pass every check."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("menteur.txt", b" " * size)
        archive.writestr("bruit.bin", random.Random(1).randbytes(1024**2), zipfile.ZIP_STORED)  # bytes after it
    data = bytearray(path.read_bytes())
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    for offset, field in ((local + 18, compress_size), (local + 22, file_size),
                          (central + 20, compress_size), (central + 24, file_size)):
        if field is not None:
            data[offset:offset + 4] = struct.pack("<I", field)
    path.write_bytes(bytes(data))
    return path


def zip_big_member(path: Path, size: int = 480 * 1024**2) -> Path:
    """A member of ``size`` bytes of text that compresses as text does (about 3:1, no bomb)."""
    rng = random.Random(480)
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(2, 9)))
             for _ in range(5000)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("registre.txt", "w", force_zip64=True) as member:
            written = 0
            while written < size:
                block = b" ".join(rng.choices(words, k=20000)) + b"\n"
                member.write(block)
                written += len(block)
    return path


def zip_many_members(path: Path, count: int = 100_000) -> Path:
    """``count`` empty members (the documented limit)."""
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(count):
            archive.writestr(f"d/{number:06d}.txt", b"")
    return path


def zip_nested(path: Path, depth: int = 50) -> Path:
    """An archive inside an archive, ``depth`` times."""
    data = "Séance du 27/11/2023\n".encode()
    name = "fin.txt"
    for level in range(depth):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, data)
        data, name = buffer.getvalue(), f"niveau-{level}.zip"
    path.write_bytes(data)
    return path


# --- texts ----------------------------------------------------------------------------------------

HEAD = "Séance du conseil municipal du 27 novembre 2023\n"


def hostile_lines() -> dict[str, str]:
    """Lines that make a careless pattern quadratic or worse, each after the words that lead
    the parsers to try their patterns on it."""
    rng = random.Random(1)
    words = " ".join(rng.choice(["conseil", "Séance", "M.", "DUPONT", "délibération", "à", "le", "27", "Présents",
                                 ":", "Mme", "pouvoir", "-", "vote", "2023", "n°", ","]) for _ in range(150_000))
    return {
        "100 000 spaces": "M. X" + " " * 100_000 + "Y",
        "100 000 tabs": "Présents :" + "\t" * 100_000 + "fin",
        "50 000 dots": "Fait à " + "." * 50_000 + " le " + "." * 50_000,
        "50 000 underscores": "Secrétaire de séance : " + "_" * 50_000,
        "100 000 digits": "Délibération n° " + "1" * 100_000,
        '10 000 "M. "': "Présents : " + "M. " * 10_000,
        '10 000 "Mme X, "': "Absents : " + "Mme X, " * 10_000,
        "1 MB line of words": words[:1_000_000],
        "50 000 dashes": "- " + "-" * 50_000,
    }


def text_file(path: Path, line: str) -> Path:
    path.write_text(HEAD + line + "\nLe conseil municipal APPROUVE.\n", encoding="utf-8")
    return path
