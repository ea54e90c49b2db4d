"""The concise report does not make the fix hint it never prints, and says the same."""

from __future__ import annotations

import io

from ent_lint.i18n import finding_text
from ent_lint.linter import Linter
from ent_lint.report import ConciseReporter, TextReporter

from helpers import SEED_PDF


def _result():
    with open(SEED_PDF, "rb") as handle:
        return Linter(timeout=120).check(str(SEED_PDF), handle.read())


def test_a_finding_text_without_its_hint_has_the_same_sentence():
    findings = _result().findings
    assert any(finding_text(f, "fr")[1] for f in findings)  # the seed has hints to leave out
    for finding in findings:
        for lang in ("fr", "en"):
            sentence, hint = finding_text(finding, lang)
            assert finding_text(finding, lang, fix=False) == (sentence, None)


def test_the_concise_report_is_the_first_line_of_each_text_entry():
    result = _result()
    concise, full = io.StringIO(), io.StringIO()
    ConciseReporter(concise, lang="fr").add(result)
    TextReporter(full, lang="fr").add(result)
    heads = [line for line in full.getvalue().splitlines() if line.startswith(str(SEED_PDF))]
    assert len(heads) == len(result.findings) > 0
    assert concise.getvalue().splitlines() == heads
    assert "  = correction" in full.getvalue()  # the hints the text report prints
