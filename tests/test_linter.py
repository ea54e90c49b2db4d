"""One core behind every entry point: the same findings, the same outcomes, the same words.

The command line (one process and ``-j 2`` workers), the web service, ``extract``, the library
API and :mod:`ent_lint.testing` all go through :class:`ent_lint.linter.Linter`; these tests
check each face against the others, and that a document over the timeout says "timed out" in
each of them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ent_lint.api import lint
from ent_lint.linter import Linter, Outcome

from helpers import DOCUMENTS, SEED_PDF, SEED_TXT

COMMAND = Path(sys.executable).parent / "ent-lint"
QUORUM = DOCUMENTS / "extrait-quorum.txt"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def _key(finding) -> tuple:
    get = finding.get if isinstance(finding, dict) else lambda name: getattr(finding, name)
    return (Path(get("path")).name, get("rule"), get("code"), get("page"), get("line"), get("column"), get("message"))


@pytest.fixture(scope="module")
def library_findings():
    return sorted(_key(f) for path in (SEED_PDF, QUORUM) for f in lint(str(path)).findings)


def test_library_api_and_linter_agree(library_findings):
    linter = Linter()
    checked = sorted(_key(f) for path in (SEED_PDF, QUORUM)
                     for f in linter.check(str(path), path.read_bytes()).findings)
    assert checked == library_findings
    assert any(rule == "quorum" for _, rule, *_ in checked)  # the documents do give findings


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_command_line_gives_the_library_findings(library_findings, tmp_path, jobs):
    # the library's Finding.message is the English rendering: the report in English gives it back
    done = _cli("--format", "json", "--no-cache", "--lang", "en", "-j", jobs, str(SEED_PDF), str(QUORUM),
                cwd=tmp_path)
    report = json.loads(done.stdout)
    assert sorted(_key(f) for f in report["findings"]) == library_findings


def test_web_service_gives_the_library_findings(library_findings):
    from test_web import _post, serving

    with serving("-j", "1", "--timeout", "60") as (base, _):
        found = []
        for path in (SEED_PDF, QUORUM):
            status, body, _ = _post(f"{base}/api/lint?lang=en", path.name, path.read_bytes())
            assert status == 200
            found += [_key(f) for f in body["findings"]]
    assert sorted(found) == library_findings


def test_extract_reads_what_the_linter_reads(tmp_path):
    from ent_lint.api import plain

    done = _cli("extract", str(QUORUM), cwd=tmp_path)
    kept = Linter().check(str(QUORUM), QUORUM.read_bytes(), keep=True, rules=False)
    assert kept.findings == [] and json.loads(done.stdout) == plain(kept.document)


def test_testing_helpers_give_the_findings_of_the_rule_alone(library_findings):
    from ent_lint.engine import discover
    from ent_lint.testing import lint_with

    quorum_only = [_key(f) for f in lint_with(str(QUORUM), discover()["quorum"])]
    assert quorum_only == [k for k in library_findings if k[0] == QUORUM.name and k[1] == "quorum"]


# --- a document over the timeout says so, in every face ------------------------------------------

@pytest.fixture(scope="module")
def slow(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("slow") / "slow.txt"
    path.write_text(SEED_TXT.read_text(encoding="utf-8") * 1000, encoding="utf-8")  # ten seconds of work, or more
    return path


def test_library_api_says_timed_out(slow):
    result = lint(str(slow), timeout=0.5)
    assert result.outcome is Outcome.TIMED_OUT and result.error.startswith("timed out after 0.5 s")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_command_line_says_timed_out(slow, tmp_path, jobs):
    done = _cli("--format", "json", "--no-cache", "--lang", "en", "-j", jobs, "--timeout", "2", str(slow), str(QUORUM),
                cwd=tmp_path)
    report = json.loads(done.stdout)
    [error] = report["errors"]
    assert error["outcome"] == "timed-out" and error["message"].startswith("timed out after 2 s")
    assert "quorum" in {f["rule"] for f in report["findings"]}  # the run went on
    assert f"{slow}: error: timed out after 2 s" in done.stderr and done.returncode == 2


def test_extract_says_timed_out(slow, tmp_path):
    done = _cli("extract", "--lang", "en", "--timeout", "0.5", str(slow), cwd=tmp_path)
    assert done.returncode == 2 and f"{slow}: error: timed out after 0.5 s" in done.stderr
    assert "Traceback" not in done.stderr


_FINALIZER = """
import sys
from ent_lint.linter import _quieting, _Timeout
sys.unraisablehook = _quieting(sys.unraisablehook)
class Late:
    def __del__(self):
        raise {exc}()
item = Late()
del item
"""


def test_an_alarm_dropped_in_a_finalizer_prints_no_traceback():
    """The alarm that lands in a finalizer (a regex object's, under load) is dropped by Python and
    raised again by its repeat: it must not print "Exception ignored ... Traceback" to stderr."""
    quiet = subprocess.run([sys.executable, "-c", _FINALIZER.format(exc="_Timeout")], capture_output=True, text=True)
    loud = subprocess.run([sys.executable, "-c", _FINALIZER.format(exc="ValueError")], capture_output=True, text=True)
    assert quiet.stderr == ""
    assert "Exception ignored" in loud.stderr and "ValueError" in loud.stderr  # others as Python prints them


def test_a_check_gives_back_the_unraisable_hook_it_found():
    def mine(unraisable):
        pass
    sys.unraisablehook = mine
    try:
        Linter(timeout=30).check("quorum.txt", (DOCUMENTS / "extrait-quorum.txt").read_bytes())
        assert sys.unraisablehook is mine
    finally:
        sys.unraisablehook = sys.__unraisablehook__


def test_a_pdf_over_the_timeout_is_not_called_corrupt(tmp_path):
    """The alarm used to land inside the PDF library's ``except Exception`` and come out as
    "corrupt PDF: " with an empty reason."""
    done = _cli("--format", "json", "--no-cache", "-j", "1", "--ocr", "always", "--timeout", "0.5", str(SEED_PDF),
                cwd=tmp_path)
    [error] = json.loads(done.stdout)["errors"]
    assert error["outcome"] == "timed-out" and "corrupt" not in error["message"]


# --- outcomes are types: the cache keeps what the same bytes would give again ---------------------

def test_outcomes_that_depend_on_the_machine_are_not_cached():
    assert Outcome.OK.cacheable and Outcome.UNREADABLE.cacheable and Outcome.TOO_LARGE.cacheable
    assert not Outcome.TIMED_OUT.cacheable and not Outcome.WORKER_CRASHED.cacheable
    assert not Outcome.INTERNAL_ERROR.cacheable


def test_each_kind_of_unread_document_has_its_outcome(tmp_path):
    linter = Linter(max_pages=1)
    assert linter.check("a.docx", b"PK\x03\x04").outcome is Outcome.UNSUPPORTED
    assert linter.check("a.pdf", b"%PDF-1.4 not really").outcome is Outcome.UNREADABLE
    assert linter.check(str(SEED_PDF), SEED_PDF.read_bytes()).outcome is Outcome.TOO_LARGE
    assert linter.check_path(str(tmp_path / "missing.txt")).outcome is Outcome.UNREADABLE


def test_the_library_takes_a_path_object(tmp_path):
    from ent_lint.api import extract, lint

    target = tmp_path / "extrait.txt"
    target.write_text("Séance du 12 mars 2024\nDélibération n° 2024-07 : Voirie\n", encoding="utf-8")
    assert lint(target).outcome.value == "ok"
    assert extract(target).deliberations


def test_a_timeout_swallowed_once_is_raised_again(monkeypatch):
    """The alarm's exception raised inside a finalizer or a weakref callback is printed and
    dropped by Python: the alarm repeats until the check stops."""
    import time

    swallowed = []

    def stubborn(self, name, data, keep, rules, fields=True):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                while time.monotonic() < deadline:
                    pass
            except BaseException as exc:  # what a finalizer does with it
                if swallowed:
                    raise
                swallowed.append(exc)
        raise AssertionError("the timeout was lost")

    monkeypatch.setattr(Linter, "_check", stubborn)
    result = Linter(timeout=0.3).check("x.txt", b"")
    assert len(swallowed) == 1 and result.outcome is Outcome.TIMED_OUT
