"""OCR of PDF pages without a usable text layer, through the tesseract command.

A page is rendered by pypdfium2 (at 300 dpi: tesseract loses table rows at lower resolutions),
written to tesseract's standard input as a PGM image, and read back as TSV: words with their
boxes.  Lines come from tesseract's own line grouping; tables from the same word-column finder
as the PDF text layer, fed with the OCR words.  Each tesseract runs on one thread
(``OMP_THREAD_LIMIT=1``; its default threading is several times slower per page here); the
pages of one document may run side by side.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from typing import Optional

import regex

from .. import patterns
from ..errors import InputError
from ..i18n import N_

DPI = 300
MAX_PIXELS = 40_000_000  # a page larger than this is rendered at a lower resolution
PAGE_TIMEOUT = 120.0
LANGUAGE = "fra"
#: below this confidence (tesseract's, 0 to 100) on any word, a line's names may be misread
SURE_CONFIDENCE = 60.0

_VOWELS = "aeiouyàâäéèêëîïôöûüÿœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŸŒÆ"


def count_letters(text: str) -> int:
    """How many letters ``text`` holds."""
    return sum(map(str.isalpha, text))  # counted in C: this runs on every page


def usable(text: str, letters: Optional[int] = None) -> bool:
    """Whether a page's text layer reads as language: enough letters, and vowels among them as
    in French or English prose (about two letters in five).  ``letters``: its
    :func:`count_letters`, when they are counted already.

    An empty layer, or an invisible OCR layer of garbage ("ÿþ#§", "xkcq zrt"), is not."""
    if letters is None:
        letters = count_letters(text)
    if letters < 20:
        return False
    needed, vowels = 0.2 * letters, 0
    for vowel in _VOWELS:  # the commonest first: prose has its share after two or three counts
        vowels += text.count(vowel)
        if vowels >= needed:
            return True
    return False


# A number as OCR reads it: digits with O, o, l, I or | among them ("2O23", "l5", "2l").
_NUMBERISH = patterns.compile(r"(?<![\p{L}\d])[\dOoIl|]*\d[\dOoIl|]*(?![\p{L}\d])")


def fix_digits(text: str) -> str:
    """Letters read inside numbers, same length: O and o are always 0; l, I and | are 1 when the
    number has at least two real digits ("20l5"), else the value is ambiguous ("2l": 21 or 2?)
    and the letter becomes "?", so that no count or date is read from it and no rule fires."""
    def repair(match) -> str:
        token = match[0].replace("O", "0").replace("o", "0")
        ones = sum(token.count(c) for c in "lI|")
        if not ones:
            return token
        digits = sum(c.isdigit() for c in token)
        table = str.maketrans("lI|", "111") if digits >= 2 else str.maketrans("lI|", "???")
        return token.translate(table)

    return _ZERO_AFTER_COLON.sub("0", _NUMBERISH.sub(repair, text))


# "Abstention : O": a lone O after a colon is a zero.
_ZERO_AFTER_COLON = patterns.compile(r"(?<=:\s{0,3})[Oo](?![\p{L}\d'])")
# "ce.0692345Z @ ac-lyon.fr": OCR spaces around the at sign of an email.
_EMAIL_GAP = patterns.compile(r"(?<=[\w.-])\s*@\s*(?=[\w-]+\.[\w.-]+)")


# Letters OCR reads as digits in the check letter of a UAI ("0692345Z" read "06923457").
_LETTER_LOOKS_LIKE = {"Z": "72", "S": "5", "B": "8", "G": "6", "O": "0", "I": "1", "L": "1", "T": "7",
                      "A": "4", "E": "3"}
_UAI_READ_AS_DIGITS = patterns.compile(r"(?<![\w])(\d{7})\s?(\d)(?![\w])")


def repair_uai(text: str) -> str:
    """A school identifier whose check letter OCR read as a digit, mended only when the letter
    computed from its seven digits is one that looks like that digit (same length)."""
    from ..reference import uai_check_letter

    def repair(match) -> str:
        letter = uai_check_letter(match[1])
        if match[2] in _LETTER_LOOKS_LIKE.get(letter, ""):
            return match[0][:-1] + letter
        return match[0]

    return _UAI_READ_AS_DIGITS.sub(repair, text)


# "d' adjoint", "l' école", "qu' il": OCR reads a space after an elided word's apostrophe.
_ELISION_GAP = patterns.compile(r"(?<=(?<!\p{L})(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|aujourd)['’])\s+(?=\p{L})",
                                regex.IGNORECASE)


def clean_line(text: str) -> tuple[str, list[int] | None]:
    """An OCR line made readable: digits repaired, emails and elisions closed up; with the map
    from each character back to its column in the line as read, when the two differ in length."""
    text = repair_uai(fix_digits(text))
    gaps = [*_EMAIL_GAP.finditer(text)] if "@" in text else []
    if "'" in text or "’" in text:
        gaps = sorted(gaps + [*_ELISION_GAP.finditer(text)], key=lambda m: m.start())
    if not gaps:
        return text, None
    out: list[str] = []
    colmap: list[int] = []
    position = 0
    for match in gaps:  # each gap closed up: only what is not blank in it stays
        out.append(text[position:match.start()])
        colmap.extend(range(position, match.start()))
        for offset, char in enumerate(match[0]):
            if not char.isspace():
                out.append(char)
                colmap.append(match.start() + offset)
        position = match.end()
    out.append(text[position:])
    colmap.extend(range(position, len(text)))
    cleaned = "".join(out)
    return cleaned, (colmap if len(cleaned) != len(text) else None)


@functools.lru_cache(maxsize=1)
def available() -> Optional[str]:
    """The reason OCR cannot run here, or None when tesseract and its French data are present
    (asked once per process)."""
    binary = shutil.which("tesseract")
    if binary is None:
        return N_("tesseract is not installed: install it with its French data"
                  " (Debian: apt-get install tesseract-ocr tesseract-ocr-fra)")
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return N_("tesseract cannot run: install it again with its French data"
                  " (Debian: apt-get install tesseract-ocr tesseract-ocr-fra)")
    if LANGUAGE not in (listed.stdout + listed.stderr).split():
        return N_("tesseract has no French data: install it"
                  " (Debian: apt-get install tesseract-ocr-fra)")
    return None


@dataclass
class OcrWord:
    text: str
    x0: float
    x1: float
    top: float  # in points, like pdfplumber's words
    block: int
    par: int
    line: int
    confidence: float = 100.0  # tesseract's, 0 to 100
    bottom: float = 0.0  # in points


class OcrPage:
    """What the table finder needs of a page: its width and its words (pdfplumber's shape)."""

    def __init__(self, width: float, words: list[OcrWord]):
        self.width = width
        self.words = words

    def extract_words(self, **_) -> list[dict]:
        """Words with the top of their line: a page scanned a degree askew drifts by several
        points along a line, and the table finder groups words into rows by their top."""
        tops: dict[tuple, float] = {}
        for w in self.words:
            tops.setdefault((w.block, w.par, w.line), w.top)
        return [{"text": w.text, "x0": w.x0, "x1": w.x1, "top": tops[(w.block, w.par, w.line)]}
                for w in self.words]

    def lines(self) -> list[str]:
        """Text lines in tesseract's reading order."""
        return [text for text, _ in self.lines_with_confidence()]

    def line_boxes(self) -> list[list[tuple]]:
        """For each line of :meth:`lines`, its words' places in the line's text and their boxes:
        ``(start, end, x0, top, x1, bottom)``."""
        out: list[list[tuple]] = []
        key = None
        at = 0
        for word in self.words:
            current = (word.block, word.par, word.line)
            if current != key:
                out.append([])
                key, at = current, 0
            out[-1].append((at, at + len(word.text), word.x0, word.top, word.x1, word.bottom))
            at += len(word.text) + 1
        return out

    def lines_with_confidence(self) -> list[tuple[str, float]]:
        """Text lines in tesseract's reading order, each with its words' lowest confidence."""
        out: list[list] = []
        key = None
        for word in self.words:
            current = (word.block, word.par, word.line)
            if current != key:
                out.append([word.text, word.confidence])
                key = current
            else:
                out[-1][0] += " " + word.text
                out[-1][1] = min(out[-1][1], word.confidence)
        return [(text, confidence) for text, confidence in out]


MAX_SEGMENTS = 100_000  # path segments on a page to render: past it, a render bomb (minutes in pdfium), not a scan


def too_complex(page) -> bool:
    """Whether the page draws more than MAX_SEGMENTS path segments (counted up to that bound, form
    objects included): pdfium would stay in C code for minutes rendering it, where no alarm reaches."""
    import pypdfium2.raw as pdfium_c

    count = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=16):
        count += max(1, pdfium_c.FPDFPath_CountSegments(obj.raw))
        if count > MAX_SEGMENTS:
            return True
    return False


def render_gray(page, dpi: int = DPI):
    """A page as a grey PIL image, and the scale from pixels to points."""
    width, height = page.get_size()
    scale = dpi / 72
    pixels = width * scale * height * scale
    if pixels > MAX_PIXELS:
        scale *= (MAX_PIXELS / pixels) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    return bitmap.to_pil().convert("L"), scale


def pgm(image) -> bytes:
    """A grey image as tesseract reads it from its standard input."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


INK_LEVEL = 128  # grey levels below this are ink; the grey of paper and of show-through is not
MIN_SIDE = 40  # pixels: a third of an inch at 300 dpi, less than a line of 10-point text
BLANK_INK = 1 / 5000  # ink over the page, specks removed: below it the page is blank ("Le Maire" is more)


def nearly_blank(image) -> bool:
    """Whether a rendered page is blank but for specks (the verso of a scanned sheet, dust,
    scanner noise): fewer than one pixel in 5,000 is ink once a 3 × 3 median filter has removed
    the specks of one or two pixels (a 10-point letter's strokes are three or four pixels wide at
    300 dpi, and stay; the two words "Le Maire" alone are ink enough).  Such a page is not sent to
    tesseract: it would spend a second on it."""
    if min(image.size) < MIN_SIDE:
        return True  # a page too small to hold a line of text (10,000 pages of 1 pt would each cost a tesseract)
    limit = image.width * image.height * BLANK_INK
    if sum(image.histogram()[:INK_LEVEL]) > 50 * limit:
        return False  # a page of text: not worth the filter
    return ink_after_median(image) < limit


_INK_MARKS = bytes(1 if value < INK_LEVEL else 0 for value in range(256))


def ink_after_median(image) -> int:
    """The ink pixels a 3 × 3 median filter leaves on a grey image: the same count as filtering
    the whole image, but only the bands of rows that hold ink (and the row on each side) are
    filtered, a fifth of a verso's rows.  A pixel is ink after the filter only when five of the
    nine pixels around it are, so a row more than one row away from any ink stays blank; and a
    band's edge row, which sees one row of ink at most, stays blank too."""
    from PIL import ImageFilter

    width, height = image.size
    marks = image.tobytes().translate(_INK_MARKS)  # 1 where a pixel is ink
    rows = []
    at = marks.find(1)
    while at >= 0:
        rows.append(at // width)
        at = marks.find(1, (rows[-1] + 1) * width)
    total, first = 0, 0
    while first < len(rows):
        last = first
        while last + 1 < len(rows) and rows[last + 1] - rows[last] <= 3:  # two blank rows between: one band
            last += 1
        top, bottom = max(rows[first] - 1, 0), min(rows[last] + 1, height - 1)
        band = image.crop((0, top, width, bottom + 1)).filter(ImageFilter.MedianFilter(3))
        total += sum(band.histogram()[:INK_LEVEL])
        first = last + 1
    return total


# Worker processes of a batch share one count of tesseracts running at once (the cores), so the
# pages of a long scan spread over the cores the other workers leave idle.
_SHARED_SLOTS = None
SLOT_WAIT = 5.0  # seconds: a slot lost with a killed worker must not stall OCR for good


def share_slots(semaphore) -> None:
    """Use ``semaphore`` (a multiprocessing semaphore) to bound tesseracts across processes."""
    global _SHARED_SLOTS
    _SHARED_SLOTS = semaphore


def _tesseract(image, dpi: int, name: str, number: int, running: set, stop) -> tuple[str, object]:
    """tesseract on one image (its TSV, and the image as read: turned upright if it was not);
    the process is killed if we are interrupted (timeout, Ctrl-C)."""
    slots = _SHARED_SLOTS
    held = bool(slots) and slots.acquire(timeout=SLOT_WAIT)
    try:
        if stop.is_set():
            return "", image  # the document was given up while this page waited for a slot
        return _upright(image, dpi, name, number, running)
    finally:
        if held:
            slots.release()


#: a reading whose words are on average this unsure (tesseract's confidence, 0 to 100) may be of
#: a page scanned sideways or upside down: a page read upright scores 80 to 95, a turned one 30 to 40
TURNED_CONFIDENCE = 50.0
#: tesseract's orientation confidence below which its guess is not followed
SURE_ORIENTATION = 2.0
_ROTATE = patterns.compile(r"Rotate:\s*(\d+)")
_ORIENTATION_CONFIDENCE = patterns.compile(r"Orientation confidence:\s*([\d.]+)")


def _upright(image, dpi: int, name: str, number: int, running: set) -> tuple[str, object]:
    """The page's reading; when it reads badly, tesseract's orientation detection says whether
    the page lies turned (a register scanned sideways or upside down), and the page turned
    upright is read again, the better reading kept."""
    tsv = _run_tesseract(pgm(image), dpi, name, number, running)
    if _mean_confidence(tsv) >= TURNED_CONFIDENCE:
        return tsv, image
    turn = _orientation(pgm(image), dpi, name, number, running)
    if not turn:
        return tsv, image
    turned = image.rotate(-turn, expand=True)  # tesseract's angle is clockwise, PIL's counter-clockwise
    again = _run_tesseract(pgm(turned), dpi, name, number, running)
    return (again, turned) if _mean_confidence(again) > _mean_confidence(tsv) else (tsv, image)


def _mean_confidence(tsv: str) -> float:
    confidences = [float(cells[10]) for cells in (row.split("\t") for row in tsv.splitlines()[1:])
                   if len(cells) >= 12 and cells[0] == "5" and cells[11].strip()]
    return sum(confidences) / len(confidences) if confidences else 100.0


def _orientation(image: bytes, dpi: int, name: str, number: int, running: set) -> int:
    """The clockwise turn (90, 180, 270) tesseract's orientation detection gives the page, or 0
    when it finds none, is unsure, or cannot tell (too few letters)."""
    try:
        out = _run_tesseract(image, dpi, name, number, running, psm="0", output=(), language="osd")
    except InputError:
        return 0  # "Too few characters": not a page of text turned, whatever it is
    turn, confidence = _ROTATE.search(out), _ORIENTATION_CONFIDENCE.search(out)
    if not turn or not confidence or float(confidence[1]) < SURE_ORIENTATION:
        return 0
    return int(turn[1]) % 360


def _run_tesseract(image: bytes, dpi: int, name: str, number: int, running: set, psm: str = "3",
                   output: tuple = ("tsv",), language: str = LANGUAGE) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["tesseract", "stdin", "stdout", "-l", language, "--dpi", str(dpi), "--psm", psm, *output]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    running.add(process)
    try:
        out, err = process.communicate(image, timeout=PAGE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise InputError(name, N_("OCR of page {number} timed out after {seconds} s").format(
            number=number, seconds=f"{PAGE_TIMEOUT:g}"), "timed-out") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        running.discard(process)
    if process.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()
        raise InputError(name, N_("OCR of page {number} failed").format(number=number),
                         detail=message[-1] if message else f"exit {process.returncode}")
    return out.decode("utf-8", "replace")


def _parse_tsv(tsv: str, scale: float) -> list[OcrWord]:
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width = (int(cells[i]) for i in (6, 7, 8))
        height = int(cells[9])
        words.append(OcrWord(cells[11].strip(), left / scale, (left + width) / scale, top / scale,
                             int(cells[2]), int(cells[3]), int(cells[4]), float(cells[10]),
                             (top + height) / scale))
    return words


def ocr_pages(doc, numbers: list[int], name: str, threads: int = 1) -> dict[int, OcrPage]:
    """OCR the given 0-based pages of a pdfium document, ``threads`` tesseracts at a time.

    Pages are rendered one after the other (pdfium is not thread-safe); tesseract processes run
    side by side.  Whatever interrupts us (the document's timeout) kills the running ones."""
    from concurrent.futures import ThreadPoolExecutor  # here: a worker that reads no scan does not import it

    running: set = set()
    stop = threading.Event()
    threads = max(1, threads)
    pool = ThreadPoolExecutor(max_workers=threads)
    results: dict[int, OcrPage] = {}
    pending: list = []  # at most `threads` rendered images in memory at once
    image_sizes: dict[int, tuple] = {}  # a page read turned upright has its width in the other direction

    def collect_oldest() -> None:
        index, width, scale, future = pending.pop(0)
        tsv, read = future.result()
        results[index] = OcrPage(read.width / scale if read.size != image_sizes.pop(index) else width,
                                 _parse_tsv(tsv, scale))

    try:
        for index in numbers:
            if len(pending) >= threads:
                collect_oldest()
            page = doc[index]
            try:
                if too_complex(page):
                    continue  # not rendered: read as a page without text
                image, scale = render_gray(page)
                width = page.get_size()[0]
            finally:
                page.close()
            if nearly_blank(image):
                results[index] = OcrPage(width, [])  # a blank verso: no line, no finding
                continue
            image_sizes[index] = image.size
            pending.append((index, width, scale,
                            pool.submit(_tesseract, image, round(72 * scale), name, index + 1, running, stop)))
        while pending:
            collect_oldest()
        return results
    finally:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list(running):
            process.kill()
