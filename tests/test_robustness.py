"""Whatever arrives: arbitrary text, mutated PDFs, hostile PDFs.  Findings or a clean error."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ent_lint.config import Settings
from ent_lint.linter import build_checker
from ent_lint.parse import parse
from ent_lint.readers import Line, Source
from ent_lint.text import TextView

from helpers import DOCUMENTS, SEED_PDF, SEED_TXT

CHECKER = build_checker(Settings())
# Pieces of council documents, so that random text reaches deep into the parsers.
WORDS = ["Présents :", "Absents excusés :", "pouvoir à", "M.", "Mme", "Jean-Paul", "LE GOFF", "DUPONT",
         "Secrétaire de séance :", "L'an deux mil vingt-trois", "le vingt-sept novembre", "à 18h30",
         "Séance du", "27/11/2023", "1er", "en exercice : 15", "votants", "par 12 voix pour", "contre",
         "abstention", "à l'unanimité", "Article 1", "ENTRE", "d'une part", "Et", "d'autre part",
         "représentée par", "Fait à", "le .....", "0831515W", "ce.0831515w@ac-nice.fr", "EPPU", "(", ")",
         ",", ";", "-", "\t", "|", "TITRE 2", "Délibération n° 2023/11/27-31", "quitte la salle",
         "ne prend pas part au vote", "prendra fin le", "DECIDE", "APPROUVE", "2l", "?", "é", "’"]


def _source(text: str) -> Source:
    lines = [Line(None, n, t, t) for n, t in enumerate(text.split("\n"), 1)]
    return Source("fuzz.txt", "text", lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=120),
       st.lists(st.sampled_from([" ", "\n", " ", "\n\n"]), min_size=1, max_size=120))
def test_parsers_and_rules_never_raise_on_arbitrary_text(pieces, glue):
    text = "".join(p + glue[i % len(glue)] for i, p in enumerate(pieces))
    source = _source(text)
    found = CHECKER.check(parse(source), TextView(source.lines))
    assert not [f.message for f in found if f.rule == "rule-crash"]  # a rule that raised is contained, not fine


@settings(max_examples=12, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=20, max_size=60), st.integers(min_value=200, max_value=400))
def test_parsers_stay_fast_on_long_inputs(pieces, repeat):
    """Hundreds of kilobytes of document-like text parse within the deadline (no quadratic pass)."""
    text = (" ".join(pieces) + "\n") * repeat
    source = _source(text)
    CHECKER.check(parse(source), TextView(source.lines))


def _mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for index in range(count):
        buffer = bytearray(data)
        kind = index % 4
        if kind == 0:  # truncated
            buffer = buffer[: rng.randrange(1, len(buffer))]
        elif kind == 1:  # byte flips
            for _ in range(rng.randrange(1, 40)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        elif kind == 2:  # a block of bytes overwritten
            start = rng.randrange(len(buffer))
            buffer[start:start + 256] = bytes(rng.randrange(256) for _ in range(min(256, len(buffer) - start)))
        else:  # a slice moved elsewhere
            start = rng.randrange(len(buffer))
            piece = buffer[start:start + rng.randrange(1, 2048)]
            del buffer[start:start + len(piece)]
            where = rng.randrange(len(buffer) + 1)
            buffer[where:where] = piece
        out.append(bytes(buffer))
    return out


def test_mutated_pdfs_end_in_findings_or_a_clean_error(tmp_path):
    sources = [SEED_PDF, DOCUMENTS / "convention-ecoles-tableau.pdf", DOCUMENTS / "pv-trois-deliberations.pdf"]
    folder = tmp_path / "fuzz"
    folder.mkdir()
    for number, source in enumerate(sources):
        for index, data in enumerate(_mutations(source.read_bytes(), 24, seed=number)):
            (folder / f"{source.stem}-{index:02d}.pdf").write_bytes(data)
    command = Path(sys.executable).parent / "ent-lint"
    result = subprocess.run([str(command), "--format", "json", "--no-cache", "--timeout", "20", "--ocr", "never",
                             str(folder)], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 72
    for error in report["errors"]:
        assert "\n" not in error["message"]
        assert not error["message"].startswith(("internal error", "worker crashed")), error
    assert result.returncode in (0, 1, 2)


def _write_pdf(path: Path, objects: list[bytes]) -> None:
    """A PDF from raw objects, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def _check(*args) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "ent-lint"
    return subprocess.run([str(command), "--no-cache", "--lang", "en", "--timeout", "20", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_a_page_tree_that_loops_is_a_clean_error(tmp_path):
    path = tmp_path / "loop.pdf"
    _write_pdf(path, [b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"])
    result = _check("--ocr", "never", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"{path}: error: ")


def test_too_many_pages_is_a_clean_error(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path))
    for number in range(12):
        pdf.drawString(72, 720, f"Page {number + 1} du registre des délibérations du conseil municipal")
        pdf.showPage()
    pdf.save()
    result = _check("--max-pages", "10", path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}: error: PDF has 12 pages, more than --max-pages 10"
    assert _check("--max-pages", "12", path).returncode != 2


def test_an_owner_password_alone_does_not_stop_reading(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "owner-only.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="prefecture"))
    text = pdf.beginText(72, 760)
    for line in SEED_TXT.read_text(encoding="utf-8").splitlines()[:40]:
        text.textLine(line.replace("*", ""))
    pdf.drawText(text)
    pdf.save()
    result = _check("--format", "json", path)
    assert f"{path}: error" not in result.stderr
    assert json.loads(result.stdout)["summary"]["unreadable"] == 0
