"""The reader's shortcuts read as the long ways they spare: pdfium's character boxes read through
its own functions, a page already in reading order left as it is, the cheap tests before a
line's spaces are translated or its blanks cut, an empty file known without copying it."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from ent_lint.errors import InputError
from ent_lint.readers import _SPACES, MAX_BLANKS, Line, layout, read_data
from ent_lint.readers.charboxes import CharBoxes

pdfium = pytest.importorskip("pypdfium2")

FIXTURE_PDFS = sorted((Path(__file__).parent.parent / "fixtures" / "documents").glob("*.pdf"))
HEIGHT = 842


@contextmanager
def _opened(path):
    """The text pages of a PDF, with their text, while it is open."""
    doc = pdfium.PdfDocument(str(path))
    try:
        textpages = [doc[index].get_textpage() for index in range(len(doc))]
        yield [(textpage, textpage.get_text_range()) for textpage in textpages]
    finally:
        doc.close()


def test_character_boxes_are_those_pypdfium2_gives():
    assert FIXTURE_PDFS
    checked = 0
    for path in FIXTURE_PDFS:
        with _opened(path) as pages:
            for textpage, _ in pages:
                boxes = CharBoxes(textpage)
                indexes = range(textpage.count_chars())
                assert boxes.tight_boxes(indexes) == [textpage.get_charbox(index) for index in indexes], path.name
                for index in indexes:
                    assert boxes.loose(index) == textpage.get_charbox(index, loose=True), (path.name, index)
                    checked += 1
    assert checked > 1000


def _union_the_long_way(textpage, text, start, end):
    """The boxes of the characters that are not blanks, by pypdfium2, those without a box left
    out, reduced with min and max."""
    boxes = [textpage.get_charbox(index) for index in range(start, end) if not text[index].isspace()]
    boxes = [box for box in boxes if box[2] > box[0] or box[3] > box[1]]
    if not boxes:
        return None
    lefts, bottoms, rights, tops = zip(*boxes)
    return min(lefts), min(bottoms), max(rights), max(tops)


def test_the_union_of_a_span_s_boxes_is_the_long_way_s():
    import random

    draw = random.Random(14)
    checked = 0
    for path in FIXTURE_PDFS:
        with _opened(path) as pages:
            for textpage, text in pages:
                if textpage.count_chars() != len(text) or not text:
                    continue
                boxes = CharBoxes(textpage)
                spans = [(0, len(text))] + [sorted(draw.sample(range(len(text) + 1), 2)) for _ in range(30)]
                spans += [(index, index + 1) for index in range(min(len(text), 200))]  # blanks and one-letter spans
                for start, end in spans:
                    assert boxes.union(text, start, end) == _union_the_long_way(textpage, text, start, end)
                    checked += 1
    assert checked > 1000


def test_a_character_out_of_the_page_is_pdfium_s_error():
    with _opened(FIXTURE_PDFS[0]) as pages:
        textpage, _ = pages[0]
        with pytest.raises(pdfium.PdfiumError):
            CharBoxes(textpage).tight_boxes([0, textpage.count_chars() + 5])
        text = "x" * (textpage.count_chars() + 6)
        with pytest.raises(pdfium.PdfiumError):
            CharBoxes(textpage).union(text, textpage.count_chars() - 1, len(text))
        with pytest.raises(pdfium.PdfiumError):
            CharBoxes(textpage).loose(textpage.count_chars() + 5)


def _pdf(tmp_path, draw, name) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    pdf = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    draw(pdf)
    pdf.save()
    return path


def _write(pdf, x, y, rows, size=10):
    for row in rows:
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, y, row)
        y -= size * 1.4


BODY = ["Séance du 9 octobre 2025", "Présents : Firmin BARRACAND, Odile CHAMPLON.", "Délibération n° 2025-030",
        "Objet : Adhésion au service commun d'archivage", "Le Conseil municipal, à l'unanimité, approuve."]


def _drawn(tmp_path):
    """Pages drawn in reading order, and pages whose text comes out of it: a frame drawn after the
    body beside it, a title block drawn after the body above it, a raised « o » cutting a line."""
    def in_order(pdf):
        _write(pdf, 60, HEIGHT - 60, BODY)

    def frame_beside(pdf):
        _write(pdf, 160, HEIGHT - 60, BODY * 2, size=9)
        _write(pdf, 30, HEIGHT - 80, ["En exercice : 6", "Présents : 5", "Votants : 6"], size=8)

    def title_above(pdf):
        _write(pdf, 40, HEIGHT - 200, BODY)
        _write(pdf, 40, HEIGHT - 60, ["COMMUNE DE ROC-FLEURI", "EXTRAIT DU REGISTRE"])

    def raised(pdf):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(60, HEIGHT - 60, "Délibération N")
        pdf.setFont("Helvetica", 6)
        pdf.drawString(60 + pdf.stringWidth("Délibération N", "Helvetica", 10), HEIGHT - 56, "o")
        pdf.setFont("Helvetica", 10)
        pdf.drawString(60 + pdf.stringWidth("Délibération N", "Helvetica", 10) + 4, HEIGHT - 60, " 2025-030")
        _write(pdf, 60, HEIGHT - 80, BODY)

    return {name: _pdf(tmp_path, draw, f"{name}.pdf")
            for name, draw in [("in_order", in_order), ("frame_beside", frame_beside),
                               ("title_above", title_above), ("raised", raised)]}


def test_a_page_in_reading_order_is_left_as_it_is_and_the_others_are_put_in_order(tmp_path):
    pytest.importorskip("reportlab")
    drawn = _drawn(tmp_path)
    shortcut = {}
    for name, path in drawn.items():
        with _opened(path) as pages:
            textpage, text = pages[0]
            shortcut[name] = layout._descending(row.box for row in layout.rows(textpage, text))
            assert (layout.reading_order(textpage, text) == text) == shortcut[name], name
    # the shortcut is taken where nothing moves, and only there
    assert shortcut == {"in_order": True, "frame_beside": False, "title_above": False, "raised": False}


def test_the_shortcut_reads_every_page_as_the_full_reading_order_does(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    taken = 0
    for path in [*FIXTURE_PDFS, *_drawn(tmp_path).values()]:
        with _opened(path) as pages:
            for textpage, text in pages:
                read = layout.reading_order(textpage, text)
                taken += layout._descending(row.box for row in layout.rows(textpage, text))
                with monkeypatch.context() as without:
                    without.setattr(layout, "_descending", lambda found: False)
                    assert layout.reading_order(textpage, text) == read, path.name
    assert taken >= 5


@pytest.mark.parametrize("space", sorted(chr(code) for code in _SPACES))
def test_each_typographic_space_reads_as_a_space_beside_accented_letters(space):
    raw = f"Séance du 9 octobre{space}: {space}12{space}500{space}€"
    line = Line(1, 1, raw, raw)
    assert line.text == "Séance du 9 octobre :  12 500 €" and line.raw == raw


def test_a_long_run_of_no_break_spaces_or_of_spaces_and_tabs_is_cut():
    raw = "Présents :" + "\u00a0" * 40 + "M. Jean DUPONT"
    line = Line(None, 1, raw, raw)
    assert line.text == "Présents :" + " " * MAX_BLANKS + "M. Jean DUPONT"
    assert raw[line.column(line.text.index("DUPONT")) - 1:] == "DUPONT"
    mixed = "Votants :" + " \t" * 17 + "14"  # 34 blanks in a row, neither kind more than 17
    assert Line(None, 1, mixed, mixed).text == "Votants :" + (" \t" * 17)[:MAX_BLANKS] + "14"
    scattered = " ".join(["mot"] * 40)  # many spaces, never two in a row: left as it is
    assert Line(None, 1, scattered, scattered).text == scattered


@pytest.mark.parametrize("data", [b"", b"   ", b" \t\r\n\x0b\x0c "])
def test_a_file_of_blanks_is_empty(data):
    with pytest.raises(InputError, match="file is empty"):
        read_data("blank.pdf", data)


def test_a_file_with_something_between_blanks_is_read():
    assert [line.text for line in read_data("a.txt", b"\n  Seance du 9 octobre 2025  \n").lines] == [
        "", "  Seance du 9 octobre 2025"]


@pytest.mark.parametrize("text", ["", "a", "a\nb", "a\r\nb\rc\n", "\n\n", "un\r\n\r\ndeux\n\rtrois\r", "x\n"])
def test_lines_are_split_at_every_line_break_as_the_pattern_splits_them(text):
    lines = list(layout._lines(text))
    assert [line for line, _ in lines] == layout._BREAK.split(text)
    assert all(text[start:start + len(line)] == line for line, start in lines)


@pytest.mark.parametrize("size", [0, 1, 1023, 1024, 1025, 64 * 1024, 64 * 1024 + 1, 300_000])
def test_a_file_read_through_its_descriptor_is_read_whole(tmp_path, size):
    from ent_lint.readers import _read_all, load

    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    for name in ("a.txt", "a.pdf"):
        (tmp_path / name).write_bytes(data)
        assert load(str(tmp_path / name), max_text=10**9) == data
    with open(tmp_path / "a.txt", "rb") as handle:  # a file that grew since its status was read
        assert _read_all(handle.fileno(), max(0, size - 700)) == data


def test_a_long_text_is_refused_from_its_first_kilobyte_and_a_pdf_by_any_name_is_not(tmp_path):
    from ent_lint.readers import load

    (tmp_path / "long.txt").write_bytes(b"x" * 5000)
    (tmp_path / "scan.bin").write_bytes(b"\n  %PDF-1.7\n" + b"x" * 5000)
    with pytest.raises(InputError, match="more than 1000"):
        load(str(tmp_path / "long.txt"), max_text=1000)
    assert load(str(tmp_path / "scan.bin"), max_text=1000).startswith(b"\n  %PDF-1.7")


def test_the_table_test_counts_a_page_s_rules_as_pypdfium2_s_objects_do():
    import pypdfium2.raw as pdfium_c

    from ent_lint.readers import pdf

    tables = pages = 0
    for path in FIXTURE_PDFS:
        doc = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(doc)):
                page = doc[index]
                rules = sum(1 for obj in page.get_objects(max_depth=1) if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH)
                assert pdf._needs_tables(page, "") == (rules >= pdf._MIN_RULES), (path.name, index)
                tables += rules >= pdf._MIN_RULES
                pages += 1
        finally:
            doc.close()
    assert pages >= 10 and tables > 0
