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


# --- raw PDFs -------------------------------------------------------------------------------------

def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from its numbered objects (1, 2, ...), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def tiny_pages_pdf(path: Path, count: int = 10_000) -> Path:
    """``count`` pages of 1 × 1 pt, all drawing one shared content stream with a word."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
               _stream(b"BT /F1 1 Tf 0 0 Td (S\\351ance) Tj ET")]
    font = 4 + count
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] /Contents 3 0 R"
                b" /Resources << /Font << /F1 %d 0 R >> >> >>" % font] * count
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(_raw_pdf(objects))
    return path


def huge_page_pdf(path: Path, side: int = 10_000) -> Path:
    """One page of ``side`` × ``side`` pt with a drawing and no text: it goes to OCR."""
    drawing = b"0 0 m %d %d l S %d 0 m 0 %d l S" % (side, side, side, side)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % (side, side),
               _stream(drawing)]
    path.write_bytes(_raw_pdf(objects))
    return path


def huge_image_pdf(path: Path, side: int = 20_000) -> Path:
    """An A4 page showing one grey image of ``side`` × ``side`` pixels (400 million for 20,000),
    white but for a black band, deflated to a few hundred KB."""
    packer = zlib.compressobj(9)
    row_white, row_black = b"\xff" * side, b"\x00" * side
    compressed = bytearray()
    for y in range(side):
        compressed += packer.compress(row_black if side // 2 <= y < side // 2 + 40 else row_white)
    compressed += packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
               _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
               _stream(bytes(compressed), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                                          b" /BitsPerComponent 8 /Filter /FlateDecode" % (side, side))]
    path.write_bytes(_raw_pdf(objects))
    return path


def deep_nesting_pdf(path: Path, depth: int = 100_000) -> Path:
    """A page whose resources hold an array nested ``depth`` deep."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X " + b"[" * depth
               + b"]" * depth + b" >> >>"]
    path.write_bytes(_raw_pdf(objects))
    return path


def garbage_objects_pdf(path: Path, seed: int = 7) -> Path:
    """A text PDF whose objects after the first page are random bytes, its cross-reference kept."""
    rng = random.Random(seed)
    buffer = io.BytesIO()
    text_pdf(buffer)
    data = bytearray(buffer.getvalue())
    start = data.index(b"endobj", len(data) // 3)
    for _ in range(400):
        where = rng.randrange(start, len(data) - 200)
        data[where:where + 8] = rng.randbytes(8)
    path.write_bytes(bytes(data))
    return path


def curves_pdf(path: Path, segments: int = 400_000) -> Path:
    """The render bomb: a page of curves and no text (pdfium renders it for minutes)."""
    rng = random.Random(3)
    drawing = bytearray(b"0.1 w 10 10 m ")
    for _ in range(segments):
        drawing += b"%d %d %d %d %d %d c " % tuple(rng.randrange(10, 580) for _ in range(6))
    drawing += b"S"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", _stream(bytes(drawing))]
    path.write_bytes(_raw_pdf(objects))
    return path


# --- the corpus and its run -----------------------------------------------------------------------

def corpus(folder: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Each hostile input: its name, the paths to give ent-lint, and extra options."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, tuple[list[str], list[str]]] = {}

    def add(name: str, path, *options: str) -> None:
        made[name] = ([str(path)], list(options))

    for index, (name, line) in enumerate(hostile_lines().items()):
        add(name, text_file(folder / f"ligne-{index}.txt", line))
    add("100 MB of text", _big_text(folder / "cent-mo.txt"))
    (folder / "nul.txt").write_bytes(b"S\xc3\xa9ance\x00" * 1000)
    add("NUL bytes", folder / "nul.txt")
    (folder / "latin.txt").write_bytes(bytes(random.Random(5).randrange(1, 256) for _ in range(200_000)))
    add("invalid UTF-8 (random bytes)", folder / "latin.txt")
    add("zip bomb (1 GiB of zeros)", zip_bomb(folder / "bombe.zip"))
    add("zip, header lying on its ratio", zip_lying_header(folder / "menteur.zip", compress_size=512 * 1024))
    add("zip nested 50 deep", zip_nested(folder / "gigogne.zip"))
    add("zip of 100,000 empty members", zip_many_members(folder / "cent-mille.zip"))
    add("zip, a 480 MB text member", zip_big_member(folder / "gros.zip"))
    add("PDF of 10,000 tiny pages, --max-pages 0", tiny_pages_pdf(folder / "minuscules.pdf"), "--max-pages", "0")
    add("PDF of 200 blank pages", text_pdf(folder / "blanches.pdf", blank_pages=200), "--max-pages", "0")
    add("PDF page of 10,000 x 10,000 pt", huge_page_pdf(folder / "immense.pdf"))
    add("PDF image of 20,000 x 20,000 px", huge_image_pdf(folder / "image.pdf"))
    add("PDF nested 100,000 deep", deep_nesting_pdf(folder / "imbrique.pdf"))
    add("PDF with garbage objects", garbage_objects_pdf(folder / "ordures.pdf"))
    add("PDF render bomb (curves)", curves_pdf(folder / "courbes.pdf"))
    add("scan, 5 sheets with blank versos", scan_pdf(folder / "registre.pdf", 5))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "tube.txt")
        add("FIFO", folder / "tube.txt")
    loop = folder / "boucle"
    (loop / "sous").mkdir(parents=True)
    (loop / "sous" / "retour").symlink_to("..")
    text_file(loop / "sous" / "acte.txt", "Le conseil municipal APPROUVE.")
    add("symlink loop under a glob", f"{loop}/**/*.txt")
    return made


def _big_text(path: Path, size: int = 100 * 1024**2) -> Path:
    block = (HEAD + "M. Jean DUPONT, Mme Marie MARTIN, présents.\n").encode() * 1000
    with open(path, "wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
    return path


def run(paths: list[str], options: list[str], jobs: int, timeout: float = 600) -> dict:
    """One run of the installed command: outcome, exit code, seconds, peak memory, message."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench import _tree_rss_kib

    started = time.perf_counter()
    process = subprocess.Popen([ENT_LINT, "--lang", "en", "--no-cache", "--format", "json", "-j", str(jobs),
                                *options, *paths], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out: list[bytes] = []
    err: list[bytes] = []
    readers = [threading.Thread(target=lambda: out.append(process.stdout.read())),
               threading.Thread(target=lambda: err.append(process.stderr.read()))]
    for reader in readers:
        reader.start()
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        if time.perf_counter() - started > timeout:
            process.kill()
        time.sleep(0.02)
    for reader in readers:
        reader.join()
    seconds = time.perf_counter() - started
    stderr = b"".join(err).decode("utf-8", "replace")
    try:
        report = json.loads(b"".join(out))
        errors = report["errors"]
        outcome = errors[0]["outcome"] if errors else f"ok ({len(report['findings'])} findings)"
        message = errors[0]["message"] if errors else ""
    except (ValueError, KeyError):
        outcome, message = "no report", stderr.strip().splitlines()[-1] if stderr.strip() else ""
    if "Traceback" in stderr:
        outcome += " TRACEBACK"
    return {"outcome": outcome, "exit": process.returncode, "seconds": seconds, "peak": peak / 1024,
            "message": message}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-j", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    parser.add_argument("--only", nargs="*", default=[], help="inputs whose name holds one of these words")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="ent-lint-hostile-"))
    try:
        started = time.perf_counter()
        made = corpus(work)
        print(f"hostile corpus: {len(made)} inputs, made in {time.perf_counter() - started:.1f} s; ent-lint -j {options.j}")
        print(f"| input | outcome | exit | seconds | peak MiB | message |\n|---|---|---|---|---|---|")
        for name, (paths, extra) in made.items():
            if options.only and not any(word in name for word in options.only):
                continue
            row = run(paths, extra, options.j)
            message = row["message"][:90].replace("|", "/")
            print(f"| {name} | {row['outcome']} | {row['exit']} | {row['seconds']:.2f} | {row['peak']:.0f} | {message} |",
                  flush=True)
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
