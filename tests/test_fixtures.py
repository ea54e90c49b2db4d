"""Every fixture document against its expected extraction and findings (fixtures/documents)."""

from __future__ import annotations

import json

import pytest

from ent_lint.api import extract, lint, plain

from helpers import DOCUMENTS, dig

CASES = json.loads((DOCUMENTS / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(k for k in CASES if not k.startswith("_"))
PAIRS = [(name, "txt") for name in NAMES] + [
    (name, "pdf") for name in NAMES if (DOCUMENTS / f"{name}.pdf").exists()]


def test_at_least_twelve_documents_half_as_pdf():
    assert len(NAMES) >= 12
    assert sum(1 for _, kind in PAIRS if kind == "pdf") * 2 >= len(NAMES)


@pytest.mark.parametrize("name,kind", PAIRS)
def test_extraction(name, kind):
    fields = plain(extract(str(DOCUMENTS / f"{name}.{kind}")), locations=False)
    for path, value in CASES[name]["extract"].items():
        assert dig(fields, path) == value, f"{name}.{kind}: {path}"


@pytest.mark.parametrize("name,kind", PAIRS)
def test_findings(name, kind):
    report = lint(str(DOCUMENTS / f"{name}.{kind}"))
    assert report.error is None
    got = [(f.rule, f.line) for f in report.findings if f.severity != "info"]
    want = [tuple(pair) for pair in CASES[name]["findings"]]
    if kind == "txt":
        assert sorted(got) == sorted(want)
    else:
        extra = CASES[name].get("pdf_extra", [])
        assert sorted(rule for rule, _ in got) == sorted([rule for rule, _ in want] + extra)
        assert all(f.page is not None for f in report.findings)


@pytest.mark.parametrize("name", [n for n, kind in PAIRS if kind == "pdf"])
def test_pdf_twin_extracts_like_the_text(name):
    text = plain(extract(str(DOCUMENTS / f"{name}.txt")), locations=False)
    pdf = plain(extract(str(DOCUMENTS / f"{name}.pdf")), locations=False)
    for document in (text, pdf):
        document.pop("path"), document.pop("format"), document.pop("page_count")
        for conv in document["conventions"]:
            conv.pop("actual_page_count")
    assert pdf == text


@pytest.mark.parametrize("name", [n for n, kind in PAIRS if kind == "pdf"] + ["../000_27c4777c775cd845"])
def test_fast_path_and_pdfplumber_path_agree(name):
    path = str(DOCUMENTS / f"{name}.pdf")
    fast = plain(extract(path, engine="fast"), locations=False)
    slow = plain(extract(path, engine="pdfplumber"), locations=False)
    assert fast == slow
