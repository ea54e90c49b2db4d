"""Every output format, snapshot-tested on one small document and one unreadable file.

The snapshots in tests/snapshots/ were read line by line against fixtures/documents/
extrait-quorum.txt (its three findings: a quorum not reached, a holder of two proxies, a holder
who is not present).  To write them anew after a deliberate change of format:
``ENT_LINT_UPDATE_SNAPSHOTS=1 pytest tests/test_reporters.py``, then read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from unittest import mock

import pytest

from ent_lint.linter import Linter, Outcome, Result
from ent_lint.report import FORMATS, Summary, reporter

from helpers import DOCUMENTS

SNAPSHOTS = Path(__file__).parent / "snapshots"
LINTER = Linter()


def _results() -> list[Result]:
    document = (DOCUMENTS / "extrait-quorum.txt").read_bytes()
    checked = LINTER.check("extrait-quorum.txt", document)
    checked.seconds = 0.25  # fixed, for a stable snapshot
    missing = Result("missing.pdf", outcome=Outcome.UNREADABLE, reason="no such file", seconds=0.0)
    return [checked, missing]


def _render(fmt: str, lang: str = "fr") -> str:
    out = io.StringIO()
    rules = {r.id: type(r) for r in LINTER.checker.rules if r.id in {"quorum", "proxy-holder-limit", "proxy-holder-absent"}}
    report = reporter(fmt, out, rules=rules if fmt in ("sarif", "html") else None, lang=lang)
    summary = Summary()
    report.start()
    for result in _results():
        summary.add(result)
        report.add(result)
    summary.seconds = 0.5
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": "1700000000"}):  # the HTML report's date
        report.finish(summary)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_output_format_snapshot(fmt, lang):
    """French, the default, in ``extrait-quorum.<format>``; English in ``extrait-quorum.en.<format>``."""
    text = _render(fmt, lang)
    path = SNAPSHOTS / (f"extrait-quorum.{fmt}" if lang == "fr" else f"extrait-quorum.en.{fmt}")
    if os.environ.get("ENT_LINT_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{fmt} output changed: see {path}"
