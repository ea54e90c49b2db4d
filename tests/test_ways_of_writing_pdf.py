"""Ways PDFs are drawn that put a page's text out of its reading order, each in a short PDF of our
own (invented names), read end to end.

Word processors and PDF printers mostly draw a page in reading order; some draw a frame (the
counts beside an extract, the sitting's box, the title block) after the body, or cut a line where
a raised letter stands (« N° » with a raised o, « 1er »).  ent_lint/readers/layout.py puts the
lines back in reading order; the near-misses (two columns of text, a page number drawn first)
keep the order they were drawn in.
"""

from __future__ import annotations

import pytest

from ent_lint.api import extract, lint
from ent_lint.readers import read

pytest.importorskip("reportlab")

HEIGHT = 842


def _pdf(tmp_path, draw, name="doc.pdf") -> str:
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    pdf = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    draw(pdf)
    pdf.save()
    return str(path)


def _lines(pdf, x, y, rows, size=10, lead=14):
    for row in rows:
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, y, row)
        y -= lead
    return y


BODY = [
    "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL",
    "Séance du 9 octobre 2025",
    "L'an deux mille vingt-cinq, le neuf octobre, le Conseil municipal de Roc-Fleuri,",
    "dûment convoqué, s'est réuni sous la présidence de M. Firmin BARRACAND, Maire.",
    "Présents : Firmin BARRACAND, Odile CHAMPLON, Rémi DUSSERT, Ginette FAYOLLE, Yann GIRIN.",
    "Absent excusé : M. Louis HUGONNET (pouvoir à Mme Odile CHAMPLON).",
    "Secrétaire de séance : M. Rémi DUSSERT.",
    "",
    "Délibération n° 2025-030",
    "Objet : Adhésion au service commun d'archivage",
    "Après en avoir délibéré, le Conseil municipal, à l'unanimité, approuve l'adhésion.",
    "Pour extrait conforme, Le Maire, Firmin BARRACAND",
]


def _counts_frame(pdf, x, y):
    pdf.rect(x - 4, y - 48, 104, 60)
    _lines(pdf, x, y, ["Conseillers :", "En exercice : 6", "Présents : 5", "Votants : 6"], size=8, lead=11)


def test_a_counts_frame_in_the_margin_drawn_after_the_body_is_read_as_the_header(tmp_path):
    def draw(pdf):
        _lines(pdf, 150, HEIGHT - 60, BODY, size=9)
        _counts_frame(pdf, 30, HEIGHT - 110)  # beside the body, last in the content stream

    path = _pdf(tmp_path, draw)
    texts = [line.text for line in read(path).lines]
    assert texts.index("En exercice : 6") < texts.index("Délibération n° 2025-030")
    counts = extract(path).deliberations[0].counts
    assert (counts.in_office, counts.present, counts.voting) == (6, 5, 6)
    assert not [f for f in lint(path).findings if f.rule.startswith(("count", "member")) and f.severity != "info"]


def test_a_title_and_a_sitting_box_drawn_after_the_body_come_first(tmp_path):
    def draw(pdf):
        _lines(pdf, 40, HEIGHT - 220, BODY[8:])  # the deliberation first in the stream
        _lines(pdf, 40, HEIGHT - 110, BODY[1:7])  # then the sitting's box above it
        _lines(pdf, 40, HEIGHT - 50, ["COMMUNE DE ROC-FLEURI", BODY[0]])  # then the title block

    path = _pdf(tmp_path, draw)
    texts = [line.text for line in read(path).lines]
    assert texts[:3] == ["COMMUNE DE ROC-FLEURI", BODY[0], "Séance du 9 octobre 2025"]
    deliberation = extract(path).deliberations[0]
    assert str(deliberation.session.date) == "2025-10-09"
    assert deliberation.session.president.name == "Firmin BARRACAND"
    assert deliberation.secretary.name == "Rémi DUSSERT"


def _raised(pdf, x, y, parts):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, raised in parts:
        size = 6.5 if raised else 10
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, y + (4 if raised else 0), text)
        x += stringWidth(text, "Helvetica", size)


def test_a_raised_o_of_n_degree_and_a_raised_er_stay_on_their_line(tmp_path):
    def draw(pdf):
        y = _lines(pdf, 40, HEIGHT - 50, ["VILLE DE PORT-AUX-SAULES", BODY[0]])
        _raised(pdf, 40, y, [("Séance du 1", False), ("er", True), (" décembre 2025", False)])
        y = _lines(pdf, 40, y - 14, BODY[2:8])
        _raised(pdf, 40, y, [("Délibération N", False), ("o", True), (" 2025/118", False)])
        _lines(pdf, 40, y - 14, BODY[9:])

    path = _pdf(tmp_path, draw)
    texts = [line.text for line in read(path).lines]
    assert "Délibération No 2025/118" in texts and "Séance du 1er décembre 2025" in texts
    deliberation = extract(path).deliberations[0]
    assert deliberation.number == "2025/118"
    assert str(deliberation.session.date) == "2025-12-01"


def test_two_columns_of_text_and_a_page_number_drawn_first_keep_their_order(tmp_path):
    left = ["Présents : Firmin BARRACAND,", "Odile CHAMPLON, Rémi DUSSERT,", "Ginette FAYOLLE.",
            "Secrétaire : M. Rémi DUSSERT."]
    right = ["2025-031 Tarifs de la cantine", "Le conseil fixe le repas", "à 3,80 €.", "Adopté à l'unanimité."]

    def draw(pdf):
        _lines(pdf, 280, 30, ["- 2 -"])  # the footer first in the stream
        _lines(pdf, 40, HEIGHT - 60, left)
        _lines(pdf, 310, HEIGHT - 50, right)  # the right column starts a little higher

    path = _pdf(tmp_path, draw)
    assert [line.text for line in read(path).lines] == ["- 2 -", *left, *right]


def test_lines_of_a_paragraph_are_not_joined_and_a_wide_gap_is_not_a_raised_piece(tmp_path):
    def draw(pdf):
        _lines(pdf, 40, HEIGHT - 50, ["Le Maire,", "Firmin BARRACAND"])
        _lines(pdf, 330, HEIGHT - 46, ["La secrétaire,", "Odile CHAMPLON"])  # a signature column

    path = _pdf(tmp_path, draw)
    assert [line.text for line in read(path).lines] == ["Le Maire,", "Firmin BARRACAND", "La secrétaire,",
                                                        "Odile CHAMPLON"]


def test_a_compound_cut_at_the_end_of_a_line_keeps_its_hyphen_and_a_split_word_is_joined(tmp_path):
    def draw(pdf):
        _lines(pdf, 40, HEIGHT - 50, [
            "PROCES-VERBAL DU CONSEIL MUNICIPAL DE SAINT-GENIS-SUR-LOUE",
            "Séance du 25 mars 2025",
            "L'an deux mille vingt-cinq, le vingt-",
            "cinq mars, le conseil municipal, régulièrement convo-",
            "qué, s'est réuni à Villars-",
            "le-Comte, salle Jean-",
            "Paul GODARD, sous la présidence de M. Lucien ci-",
            "dessus nommé.",
        ])

    path = _pdf(tmp_path, draw)
    text = " ".join(line.text for line in read(path).lines)
    assert "le vingt-cinq mars" in text
    assert "régulièrement convoqué" in text
    assert "Villars-le-Comte" in text and "Jean-Paul GODARD" in text and "ci-dessus" in text


def test_a_name_ocr_read_a_letter_apart_is_the_same_person_but_never_in_typed_text():
    from ent_lint.model import Span
    from ent_lint.people import person, present_people, same_person

    scanned = Span(page=1, line=14, column=1, text="Hervé LACOMEBE", ocr=True)
    typed = Span(page=1, line=14, column=1, text="Hervé LACOMEBE")
    assert same_person(person("Hervé LACOMEBE", scanned), person("Hervé LACOMBE"))
    assert same_person(person("Gwenaëlle LE BRIGANT", scanned), person("Gwenaelle LE BRIGAND"))
    # typed text: two spellings are two spellings (name-spelling says so), never merged
    assert not same_person(person("Hervé LACOMEBE", typed), person("Hervé LACOMBE"))
    # other first name, two letters apart, or a short name: other people
    assert not same_person(person("Hervé LACOMBE", scanned), person("Denis LACOMBE"))
    assert not same_person(person("Hervé LACOMBE", scanned), person("Hervé LACOSTE"))
    assert not same_person(person("Léa ROUX", scanned), person("Léa RIOUX"))

    class _Delib:  # the presiding mayor read from the scan, the list from the same scan
        present = [person("Hervé LACOMEBE", scanned), person("Sylvie MARTINAUD", scanned)]

        class session:
            president = person("Hervé LACOMBE", scanned)

    assert len(present_people(_Delib)) == 2


def test_ocr_closes_the_gap_after_an_elided_word_and_keeps_the_columns():
    from ent_lint.readers.ocr import clean_line

    raw = "Création d' adjoint, qu’ il et l' école aujourd' hui"
    text, colmap = clean_line(raw)
    assert text == "Création d'adjoint, qu’il et l'école aujourd'hui"
    assert raw[colmap[text.index("adjoint")]:].startswith("adjoint")
    assert raw[colmap[text.index("hui")]:] == "hui"
    # a quote after a name, or a space after a closing quote, is not an elision
    assert clean_line("M. Dupont' s. Le mot 'lien' est")[0] == "M. Dupont' s. Le mot 'lien' est"
