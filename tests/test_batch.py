"""CI mode: archives as folders and zips, workers, timeouts, formats, baseline and cache."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from ent_lint.exitcodes import ERROR, FINDINGS, OK

from helpers import DOCUMENTS, SEED_PDF, SEED_TXT, SHARED, busy_child

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
CLEAN = ["extrait-communautaire.txt", "extrait-compteurs-en-ligne.pdf", "pv-trois-deliberations.txt"]
DEFECTIVE = ["extrait-quorum.txt", "convention-defauts.pdf"]


def cli(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "ent-lint"
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    # in English: these tests read messages about batches; the languages are tested in test_i18n.py
    return subprocess.run([str(command), "--lang", "en", *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=300)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A folder mixing clean and defective documents, a corrupt PDF and a very slow document."""
    root = tmp_path_factory.mktemp("archive") / "deliberations"
    (root / "clean").mkdir(parents=True)
    (root / "defects" / "2023").mkdir(parents=True)
    for name in CLEAN:
        shutil.copy(DOCUMENTS / name, root / "clean" / name)
    for name in DEFECTIVE:
        shutil.copy(DOCUMENTS / name, root / "defects" / "2023" / name)
    shutil.copy(SEED_PDF, root / "defects" / "seed.pdf")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <</Type /Catalog>> garbage, the file was cut")
    (root / "notes.csv").write_text("not a document\n", encoding="utf-8")  # not picked up
    # four hundred deliberations in one file (5 MB): far longer to check than the one-second
    # timeout below (about 3 s on the machine this was written on)
    (root / "slow.txt").write_text(SEED_TXT.read_text(encoding="utf-8") * 1500, encoding="utf-8")  # 10 s and more
    return root


@pytest.fixture(scope="module")
def archive_zip(archive, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("zipped") / "deliberations.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(archive.rglob("*")):
            if file.is_file():  # stored: the repetitive slow.txt would look like a zip bomb
                zf.write(file, file.relative_to(archive.parent).as_posix(),
                         compress_type=zipfile.ZIP_STORED if file.name == "slow.txt" else None)
        zf.writestr("../evil.txt", "Séance du 1er mars 2022\nPrésents : Anne MARTIN\n")
        zf.writestr("/etc/absolute.txt", "Séance du 1er mars 2022\n")
    return path


def _snapshot(*folders: Path) -> dict:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def _expected_names(archive: Path, prefix: str) -> set[str]:
    names = {f"{prefix}clean/{n}" for n in CLEAN} | {f"{prefix}defects/2023/{n}" for n in DEFECTIVE}
    return names | {f"{prefix}defects/seed.pdf", f"{prefix}broken.pdf", f"{prefix}slow.txt"}


@pytest.mark.parametrize("zipped", [False, True], ids=["folder", "zip"])
def test_archive_every_document_reported_bad_ones_as_errors_nothing_else_written(
        archive, archive_zip, tmp_path, zipped):
    work = tmp_path / "work"
    work.mkdir()
    target = archive_zip if zipped else archive
    prefix = f"{archive_zip}!deliberations/" if zipped else f"{archive}/"
    before = _snapshot(archive.parent, archive_zip.parent, work)
    result = cli("--format", "json", "-o", work / "report.json", "--timeout", "3", "-j", "2",
                 "--cache-dir", work / "cache", "--no-cache", target, cwd=work)
    assert result.returncode == ERROR, result.stderr  # some inputs could not be read
    assert "Traceback" not in result.stderr
    report = json.loads((work / "report.json").read_text(encoding="utf-8"))
    errors = {e["path"]: e["message"] for e in report["errors"]}
    assert "PDF" in errors[prefix + "broken.pdf"]
    assert errors[prefix + "slow.txt"].startswith("timed out after 3 s")
    expected = _expected_names(archive, prefix)
    if zipped:
        assert "outside" in errors[f"{archive_zip}!../evil.txt"]
        assert "absolute" in errors[f"{archive_zip}!/etc/absolute.txt"]
        expected |= {f"{archive_zip}!../evil.txt", f"{archive_zip}!/etc/absolute.txt"}
    assert report["summary"]["files"] == len(expected)
    with_findings = {f["path"] for f in report["findings"]}
    assert with_findings == {prefix + "defects/2023/extrait-quorum.txt", prefix + "defects/2023/convention-defauts.pdf",
                             prefix + "defects/seed.pdf"}
    assert all(f["severity"] == "info" for f in report["findings"] if "/clean/" in f["path"])
    # each unreadable document is one line on stderr naming it
    for name, message in errors.items():
        assert f"{name}: error: {message}" in result.stderr.splitlines()
    after = _snapshot(archive.parent, archive_zip.parent, work)
    assert set(after) - set(before) == {str(work / "report.json")}
    assert {k: v for k, v in after.items() if k in before} == before


def test_output_order_is_stable_whatever_the_workers(archive, tmp_path):
    runs = [cli("--format", "json", "-j", jobs, "--timeout", "3", "--no-cache", archive, cwd=tmp_path)
            for jobs in ("1", "2")]
    first, second = (json.loads(r.stdout) for r in runs)
    assert first["findings"] == second["findings"] and first["errors"] == second["errors"]
    paths = [f["path"] for f in first["findings"]]
    assert paths == sorted(paths, key=lambda p: sorted(_expected_names(archive, f"{archive}/")).index(p))


def test_sarif_validates_against_the_official_schema(archive, tmp_path):
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    result = cli("--format", "sarif", "--timeout", "3", "--no-cache", archive, cwd=tmp_path)
    sarif = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["quorum"]["shortDescription"]["text"] and "CGCT" in rules["quorum"]["help"]["text"]
    results = run["results"]
    assert results and all(r["ruleId"] in rules for r in results)
    pdf = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("seed.pdf")]
    assert pdf and all("page" in r["properties"] for r in pdf if r["locations"][0]["physicalLocation"].get("region"))
    assert not run["invocations"][0]["executionSuccessful"]  # two documents could not be read
    # fingerprints are stable from one run to the next
    again = json.loads(cli("--format", "sarif", "--timeout", "3", "--no-cache", archive, cwd=tmp_path).stdout)
    assert [r["partialFingerprints"] for r in again["runs"][0]["results"]] == [r["partialFingerprints"] for r in results]
    assert len({r["partialFingerprints"]["entLint/v1"] for r in results}) == len(results)


def test_junit_one_testcase_per_document(archive, tmp_path):
    result = cli("--format", "junit", "--timeout", "3", "--no-cache", archive, cwd=tmp_path)
    root = ET.fromstring(result.stdout)
    cases = root.findall(".//testcase")
    assert sorted(c.get("name") for c in cases) == sorted(_expected_names(archive, f"{archive}/"))
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    errored = {c.get("name") for c in cases if c.find("error") is not None}
    assert failed == {f"{archive}/defects/2023/extrait-quorum.txt", f"{archive}/defects/2023/convention-defauts.pdf",
                      f"{archive}/defects/seed.pdf"}
    assert errored == {f"{archive}/broken.pdf", f"{archive}/slow.txt"}
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == (str(len(cases)), "3", "2")


def test_github_annotations_chosen_inside_github_actions(tmp_path):
    result = cli(SEED_PDF, cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith(f"::error file={SEED_PDF},line=") and "title=school-email-mismatch::" in line
               for line in lines)
    assert any(line.startswith("::warning ") for line in lines)
    assert result.returncode == FINDINGS


def test_gitlab_code_quality_and_json_lines(archive, tmp_path):
    gitlab = json.loads(cli("--format", "gitlab", "--timeout", "3", "--no-cache", archive, cwd=tmp_path).stdout)
    assert gitlab and all(i["severity"] in {"info", "minor", "major", "critical", "blocker"} for i in gitlab)
    assert all(i["location"]["path"] and i["location"]["lines"]["begin"] >= 1 for i in gitlab)
    assert len({i["fingerprint"] for i in gitlab}) == len(gitlab)
    lines = cli("--format", "json-lines", "--timeout", "3", "--no-cache", archive, cwd=tmp_path).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records[-1]["type"] == "summary" and records[-1]["files"] == 8
    assert {r["type"] for r in records[:-1]} == {"finding", "error"}


def test_baseline_then_only_new_findings(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["extrait-quorum.txt", "extrait-communautaire.txt", "convention-defauts.txt"]:
        shutil.copy(DOCUMENTS / name, docs / name)
    baseline = tmp_path / "baseline.json"
    first = cli("--write-baseline", baseline, "--no-cache", docs, cwd=tmp_path)
    assert first.returncode == FINDINGS and baseline.exists()
    second = cli("--format", "json", "--baseline", baseline, "--no-cache", docs, cwd=tmp_path)
    assert second.returncode == OK and json.loads(second.stdout)["findings"] == []
    # a document moved to another name keeps its entries (same content hash)
    (docs / "extrait-quorum.txt").rename(docs / "quorum-renamed.txt")
    moved = cli("--format", "json", "--baseline", baseline, "--no-cache", docs, cwd=tmp_path)
    assert json.loads(moved.stdout)["findings"] == []
    # one edit that adds one defect to one document: exactly that finding is new
    edited = docs / "extrait-communautaire.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nLe présent acte sera affiché le .........\n",
                      encoding="utf-8")
    third = cli("--format", "json", "--baseline", baseline, "--no-cache", docs, cwd=tmp_path)
    findings = json.loads(third.stdout)["findings"]
    assert [(f["path"], f["rule"]) for f in findings] == [(str(edited), "blank-date")]
    assert third.returncode == FINDINGS


def test_baseline_lists_entries_that_no_longer_match(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DOCUMENTS / "extrait-quorum.txt", docs / "a.txt")
    baseline = tmp_path / "baseline.json"
    cli("--write-baseline", baseline, "--no-cache", docs, cwd=tmp_path)
    (docs / "a.txt").unlink()
    shutil.copy(DOCUMENTS / "extrait-communautaire.txt", docs / "b.txt")
    result = cli("--format", "json", "--baseline", baseline, "--no-cache", docs, cwd=tmp_path)
    gone = json.loads(result.stdout)["summary"]["baseline"]["gone"]
    assert len(gone) == 3 and {g["path"] for g in gone} == {str(docs / "a.txt")}
    assert "3 entries no longer match" in result.stderr
    bad = cli("--baseline", tmp_path / "nope.json", docs, cwd=tmp_path)
    assert bad.returncode == ERROR and "baseline file not found" in bad.stderr


def test_cache_serves_the_second_run_and_never_a_stale_result(tmp_path):
    cache = tmp_path / "cache"
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["extrait-quorum.txt", "convention-defauts.pdf", "extrait-communautaire.txt"]:
        shutil.copy(DOCUMENTS / name, docs / name)
    cold = cli("--format", "json", "--cache-dir", cache, docs, cwd=tmp_path)
    warm = cli("--format", "json", "--cache-dir", cache, docs, cwd=tmp_path)
    assert "from cache" not in cold.stderr and "3 from cache" in warm.stderr
    assert json.loads(cold.stdout)["findings"] == json.loads(warm.stdout)["findings"]
    assert warm.returncode == cold.returncode == FINDINGS
    # another selection is another key
    ignored = json.loads(cli("--format", "json", "--cache-dir", cache, "--ignore", "quorum", docs,
                             cwd=tmp_path).stdout)
    assert "quorum" not in {f["rule"] for f in ignored["findings"]}
    # an edited document is checked again
    quorum = docs / "extrait-quorum.txt"
    quorum.write_text(quorum.read_text(encoding="utf-8").replace("Présents : ", "Présents :  "), encoding="utf-8")
    edited = cli("--format", "json", "--cache-dir", cache, docs, cwd=tmp_path)
    assert "2 from cache" in edited.stderr
    # the text report, served from the cache, still shows the source line under each finding
    text = cli("--cache-dir", cache, docs / "convention-defauts.pdf", cwd=tmp_path)
    assert "1 from cache" in text.stdout and " | " in text.stdout
    nocache = tmp_path / "unused"
    cli("--no-cache", "--cache-dir", nocache, docs, cwd=tmp_path)
    assert not nocache.exists()


def test_zip_bombs_and_bad_archives_are_error_entries(tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"\0" * (20 * 1024 * 1024))
        zf.writestr("ok.txt", SEED_TXT.read_bytes())
    not_zip = tmp_path / "fake.zip"
    not_zip.write_bytes(b"this is no archive")
    result = cli("--format", "json", "--no-cache", bomb, not_zip, tmp_path / "missing.txt", cwd=tmp_path)
    report = json.loads(result.stdout)
    errors = {e["path"]: e["message"] for e in report["errors"]}
    assert "ratio" in errors[f"{bomb}!zeros.txt"]
    assert "zip" in errors[str(not_zip)]
    assert errors[str(tmp_path / "missing.txt")] == "no such file"
    assert {f["path"] for f in report["findings"]} == {f"{bomb}!ok.txt"}
    assert result.returncode == ERROR


def test_globs_statistics_fail_on_and_exit_zero(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["extrait-quorum.txt", "extrait-communautaire.txt"]:
        shutil.copy(DOCUMENTS / name, docs / name)
    result = cli("--statistics", "--format", "concise", "--no-cache", str(docs / "*.txt"), cwd=tmp_path)
    assert "2 files checked" in result.stdout
    assert any(line.split() == ["1", "quorum"] for line in result.stdout.splitlines())
    assert result.returncode == FINDINGS
    assert cli("--exit-zero", "--no-cache", docs, cwd=tmp_path).returncode == OK
    assert cli("--fail-on", "never", "--no-cache", docs, cwd=tmp_path).returncode == OK
    nothing = cli("--no-cache", str(tmp_path / "*.pdf"), cwd=tmp_path)
    assert nothing.returncode == ERROR and "no file matches" in nothing.stderr


def test_progress_bar_when_asked_and_silent_otherwise(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["extrait-quorum.txt", "extrait-communautaire.txt", "pv-votes.txt"]:
        shutil.copy(DOCUMENTS / name, docs / name)
    shown = cli("--progress", "--no-cache", "-j", "1", docs, cwd=tmp_path)
    assert "3/3" in shown.stderr and "doc/s" in shown.stderr and "ETA" in shown.stderr
    silent = cli("--no-cache", "-j", "1", docs, cwd=tmp_path)  # stderr is a pipe, not a terminal
    assert "doc/s" not in silent.stderr


def test_cache_drops_results_older_than_its_max_age(tmp_path):
    import sqlite3

    from ent_lint import cache

    store = cache.Cache(tmp_path)
    store.put("old", {"findings": []})
    store.close()
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE results SET created = 0")  # written long ago
    store = cache.Cache(tmp_path)
    assert store.get("old") == {"findings": []}  # still served until the next write
    store.put("new", {"findings": []})
    store.close()
    store = cache.Cache(tmp_path)
    assert store.get("old") is None and store.get("new") == {"findings": []}
    store.close()


def test_a_worker_that_dies_is_an_error_entry_and_the_run_goes_on(tmp_path):
    """As when a PDF crashes the PDF library: the worker is killed while it checks a document."""
    import signal

    slow = tmp_path / "slow.txt"
    slow.write_text(SEED_TXT.read_text(encoding="utf-8") * 800, encoding="utf-8")  # about 5 s of work
    after = tmp_path / "z-after.txt"
    shutil.copy(DOCUMENTS / "extrait-quorum.txt", after)
    command = Path(sys.executable).parent / "ent-lint"
    process = subprocess.Popen([str(command), "--lang", "en", "--format", "json", "--no-cache", "-j", "2",
                                "--timeout", "60", str(slow), str(SEED_PDF), str(after)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=tmp_path)
    # the worker busy with the slow document, once the other has checked the two quick ones
    os.kill(busy_child(process.pid), signal.SIGKILL)
    out, err = process.communicate(timeout=120)
    report = json.loads(out)
    errors = {e["path"]: e["message"] for e in report["errors"]}
    assert errors[str(slow)].startswith("worker crashed while checking this document")
    assert {f["path"] for f in report["findings"]} >= {str(SEED_PDF), str(after)}
    assert process.returncode == ERROR and "Traceback" not in err


def test_a_worker_gets_its_next_document_before_the_last_result_is_reported(tmp_path, monkeypatch):
    """The parent's work on a result (the report, the cache) is done while the worker checks the
    next document: with checks and reports of 0.3 s each, six documents take about seven times
    0.3 s with -j 1, not twelve times."""
    import time

    from ent_lint.batch import Runner
    from ent_lint.inputs import Job
    from ent_lint.linter import Linter, Result

    def slow_check(self, name, data, **_):
        time.sleep(0.3)
        return Result(name)

    monkeypatch.setattr(Linter, "check", slow_check)  # the forked worker has it too
    paths = []
    for number in range(6):
        paths.append(tmp_path / f"{number}.txt")
        paths[-1].write_text(f"Séance du {number + 1} mars 2022\n", encoding="utf-8")
    started = time.monotonic()
    names = []
    for result in Runner(Linter(), workers=1, rules=False).run([Job(str(p), str(p)) for p in paths]):
        names.append(result.name)
        time.sleep(0.3)  # a slow report
    assert names == [str(p) for p in paths]
    assert time.monotonic() - started < 3.0  # one after the other: 3.6 s
