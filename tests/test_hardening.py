"""Hostile inputs, generated here: each ends within its bound, with its one-line message, its
exit code and no traceback (issue 14)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from ent_lint.batch import WORKER_MEMORY
from ent_lint.exitcodes import ERROR
from ent_lint.linter import Linter, Outcome

from helpers import DOCUMENTS, alive, child_processes

COMMAND = Path(sys.executable).parent / "ent-lint"

# Loaded before ent-lint in every process of the run: a document whose name starts "stuck" keeps
# the parser as C code would (SIGALRM blocked, never back in the interpreter), so only a kill
# from outside ends it.
STUCK = '''
import os, signal, time
import ent_lint.parse

_parse = ent_lint.parse.parse


def parse(source):
    if os.path.basename(source.path).startswith("stuck"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return _parse(source)


ent_lint.parse.parse = parse
'''

# A rule that reports the address-space limit of the process it runs in.
LIMIT_RULE = '''
import resource

from ent_lint.engine import Rule


class MemoryLimit(Rule):
    """What it checks: nothing; it reports the process's memory limit."""
    id = "memory-limit"
    family = "local"
    severity = "info"
    summary = "the memory limit of the process"
    source = "test"

    def check(self, document):
        yield self.hit(f"limit {resource.getrlimit(resource.RLIMIT_AS)[0]}")
'''


def stuck_env(tmp_path: Path) -> dict:
    folder = tmp_path / "site"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(STUCK, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(folder)}


def run(*args, cwd: Path, env=None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The installed command, in English."""
    args = [*args[:1], "--lang", "en", *args[1:]] if args[0] in ("extract", "export") else ["--lang", "en", *args]
    return subprocess.run([str(COMMAND), *map(str, args)], check=False, capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=timeout)


def quorum(folder: Path, name: str = "quorum.txt") -> Path:
    path = folder / name
    shutil.copy(DOCUMENTS / "extrait-quorum.txt", path)
    return path


# --- time ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_worker_stuck_in_c_code_is_killed_and_the_run_goes_on(tmp_path, jobs):
    stuck = quorum(tmp_path, "stuck.txt")
    after = quorum(tmp_path, "b-after.txt")
    started = time.monotonic()
    done = run("--format", "json", "--no-cache", "-j", jobs, "--timeout", "1", stuck, after, cwd=tmp_path,
               env=stuck_env(tmp_path))
    report = json.loads(done.stdout)
    [error] = report["errors"]
    assert error["path"] == str(stuck) and error["outcome"] == "timed-out"
    assert error["message"].startswith("timed out after 1 s")
    assert {f["path"] for f in report["findings"]} == {str(after)}  # the replaced worker checked it
    assert done.returncode == ERROR and "Traceback" not in done.stderr
    assert time.monotonic() - started < 60  # not the hour the parser sleeps


def test_extract_kills_a_stuck_read(tmp_path):
    stuck = quorum(tmp_path, "stuck.txt")
    done = run("extract", "--timeout", "1", stuck, quorum(tmp_path), cwd=tmp_path, env=stuck_env(tmp_path))
    assert f"{stuck}: error: timed out after 1 s" in done.stderr and "Traceback" not in done.stderr
    assert done.returncode == ERROR and json.loads(done.stdout)  # the other document's fields


def test_export_kills_a_stuck_read_and_writes_the_others(tmp_path):
    stuck = quorum(tmp_path, "stuck.txt")
    done = run("export", "--format", "scdl", "--timeout", "1", stuck, quorum(tmp_path), cwd=tmp_path,
               env=stuck_env(tmp_path))
    assert f"{stuck}: error: timed out after 1 s" in done.stderr and "Traceback" not in done.stderr
    assert done.returncode == ERROR
    assert done.stdout.startswith("COLL_NOM,COLL_SIRET,DELIB_ID")  # the CSV, of the other document
    assert f"{tmp_path / 'quorum.txt'}" in done.stderr  # which the export read (and says what it lacks)


def test_one_worker_has_the_memory_cap_of_the_others(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "limit.py").write_text(LIMIT_RULE, encoding="utf-8")
    done = run("--format", "json", "--no-cache", "-j", "1", "--rules-dir", "rules", "--select", "memory-limit",
               quorum(tmp_path), cwd=tmp_path)
    [finding] = json.loads(done.stdout)["findings"]
    assert finding["message"] == f"limit {WORKER_MEMORY}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fifos_and_devices_are_refused_never_opened(tmp_path, jobs):
    folder = tmp_path / "docs"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # opening it would block: nobody writes to it
    good = quorum(folder)
    named = run("--format", "json", "--no-cache", "-j", jobs, folder / "pipe.txt", "/dev/zero", cwd=tmp_path,
                timeout=60)
    errors = {e["path"]: e for e in json.loads(named.stdout)["errors"]}
    assert set(errors) == {str(folder / "pipe.txt"), "/dev/zero"}
    assert all(e["message"].startswith("not a regular file") for e in errors.values())
    assert named.returncode == ERROR and "Traceback" not in named.stderr
    assert len([line for line in named.stderr.splitlines() if ": error: " in line]) == 2
    walked = json.loads(run("--format", "json", "--no-cache", "-j", jobs, folder, cwd=tmp_path, timeout=60).stdout)
    assert [e["path"] for e in walked["errors"]] == [str(folder / "pipe.txt")]
    assert {f["path"] for f in walked["findings"]} == {str(good)}


def test_globs_and_folders_follow_no_symlinked_folder_out_of_the_tree_or_round_a_loop(tmp_path):
    from ent_lint.inputs import expand

    tree, outside = tmp_path / "tree", tmp_path / "outside"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    quorum(tree)
    quorum(tree / "sub", "inner.txt")
    quorum(outside, "elsewhere.txt")
    (tree / "sub" / "loop").symlink_to("..")
    (tree / "out").symlink_to(outside)
    expected = [str(tree / "quorum.txt"), str(tree / "sub" / "inner.txt")]
    for argument in (f"{tree}/**/*.txt", f"{tree}/*/*.txt", f"{tree}/*", str(tree)):
        found = sorted(job.name for job in expand([argument]))
        assert set(found) <= set(expected) and found, argument
    assert sorted(job.name for job in expand([f"{tree}/**/*.txt"])) == expected


def test_a_text_over_max_size_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"M. X" + b" " * (2 * 1024**2))
    done = run("--format", "json", "--no-cache", "-j", "1", "--max-size", "1", big, cwd=tmp_path)
    [error] = json.loads(done.stdout)["errors"]
    assert error["outcome"] == "too-large" and "--max-size" in error["message"]
    assert done.returncode == ERROR and "Traceback" not in done.stderr


# --- honest errors, no data loss ----------------------------------------------------------------

def test_output_naming_an_input_is_refused_before_anything_is_written(tmp_path):
    document = quorum(tmp_path)
    before = document.read_bytes()
    done = run("--no-cache", "-o", document, document, cwd=tmp_path)
    assert done.returncode == ERROR and "-o names an input" in done.stderr and "Traceback" not in done.stderr
    assert document.read_bytes() == before
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(document, "a.txt")
    zipped = archive.read_bytes()
    assert run("--no-cache", "-o", archive, archive, cwd=tmp_path).returncode == ERROR
    assert archive.read_bytes() == zipped


@pytest.mark.parametrize("target", ["/dev/full", "missing/report.json"])
def test_a_report_that_cannot_be_written_is_one_line_exit_2(tmp_path, target):
    if target == "/dev/full" and not os.path.exists(target):
        pytest.skip("no /dev/full")
    done = run("--format", "json", "--no-cache", "-j", "1", "-o", target, quorum(tmp_path), cwd=tmp_path)
    assert done.returncode == ERROR and "Traceback" not in done.stderr
    [line] = [line for line in done.stderr.splitlines() if "error" in line]
    assert line.startswith(f"ent-lint: error: {target}: the report cannot be written")


def _as_from_a_terminal() -> None:
    """SIGINT at its default, as a command typed in a terminal has it: a test suite run in the
    background (``pytest &``, nohup) hands its children SIGINT ignored, and Python then keeps it
    ignored, as a command started so should."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_leaves_the_previous_report_whole(tmp_path):
    report = tmp_path / "report.json"
    report.write_text('{"previous": true}\n', encoding="utf-8")
    process = subprocess.Popen([str(COMMAND), "--lang", "en", "--format", "json", "--no-cache", "-j", "1",
                                "--timeout", "0", "-o", str(report), str(quorum(tmp_path)), str(quorum(tmp_path, "stuck.txt"))],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                               env=stuck_env(tmp_path), preexec_fn=_as_from_a_terminal)
    deadline = time.monotonic() + 60
    # the report is being written beside, and the worker checks the documents (the stuck one for good)
    while not (list(tmp_path.glob(".ent-lint-*.tmp")) and child_processes(process.pid)):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=60)
    finally:  # a command that did not stop is not left behind, nor its stuck worker
        if process.poll() is None:
            for pid in child_processes(process.pid):
                os.kill(pid, signal.SIGKILL)
            process.kill()
            process.communicate()
    assert process.returncode == 130 and "Traceback" not in err
    assert report.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert not list(tmp_path.glob(".ent-lint-*.tmp"))



def test_workers_die_with_their_parent(tmp_path):
    """A parent killed outright (SIGKILL, the OOM killer) leaves no worker behind: the idle one
    reads the end of its pipe, the one stuck in C code is killed by the kernel."""
    process = subprocess.Popen([str(COMMAND), "--lang", "en", "--no-cache", "-j", "2", "--timeout", "0",
                                str(quorum(tmp_path, "stuck.txt")), str(quorum(tmp_path))],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path, env=stuck_env(tmp_path))
    deadline = time.monotonic() + 60
    while len(workers := child_processes(process.pid)) < 2:
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    time.sleep(0.5)  # the other document checked: one worker idle, one stuck
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while left := [pid for pid in workers if alive(pid)]:
        if time.monotonic() > deadline:
            for pid in left:
                os.kill(pid, signal.SIGKILL)
            pytest.fail(f"workers left behind: {left}")
        time.sleep(0.05)


@pytest.mark.parametrize("content", [
    '{"entries": [{"rule": ["x"], "path": "a", "digest": "b", "fingerprint": "c"}]}',
    '{"entries": [{"rule": "x", "path": 1, "digest": null, "fingerprint": "c"}]}',
    '{"entries": "abc"}',
    '[' * 100_000 + ']' * 100_000,
    '{"entries": [' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "]}",
])
def test_a_malformed_baseline_is_one_line_exit_2(tmp_path, content):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    done = run("--no-cache", "--baseline", baseline, quorum(tmp_path), cwd=tmp_path)
    assert done.returncode == ERROR and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"ent-lint: error: {baseline}: not an ent-lint baseline")
    assert len(done.stderr.splitlines()) == 1


# --- output that cannot be forged ---------------------------------------------------------------

HOSTILE_NAME = "a\x1b]0;title\x07\n::error file=x::forged\x9b.txt"


def test_escapes_in_lines_and_names_are_shown_escaped_in_every_format(tmp_path):
    line = "Fait à ........ le ........ \x1b[2J\x1b]52;c;ZXZpbA==\x07"
    document = tmp_path / HOSTILE_NAME
    document.write_text(f"Séance du 27/11/2023\n{line}\n", encoding="utf-8")
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("z\x1b[31m\n::error::member.txt", "\x00")  # unreadable: reported on stderr
    outputs = {}
    for fmt in ("text", "concise", "github", "junit", "sarif", "json"):
        done = run("--format", fmt, "--no-cache", "-j", "1", document, archive, cwd=tmp_path)
        assert "Traceback" not in done.stderr and done.returncode == ERROR
        outputs[fmt] = done
    for fmt in ("text", "concise", "github"):
        for stream in (outputs[fmt].stdout, outputs[fmt].stderr):
            assert not set(stream) & {"\x1b", "\x07", "\x9b"}, fmt
            assert "\\x1b" in stream
            forged = [s for s in stream.splitlines() if s.startswith(("::error::", "::error file=x"))]
            assert not forged, fmt
    text = outputs["text"].stdout
    assert "\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07" in text
    (tmp_path / "::error::forged.txt").write_text(f"Séance du 27/11/2023\n{line}\n", encoding="utf-8")
    (tmp_path / "::warning::cut.txt").write_bytes(b"\x00")
    opening = run("--no-cache", "-j", "1", "*.txt", cwd=tmp_path)  # names that open a line
    for stream in (opening.stdout, opening.stderr):
        assert not [s for s in stream.splitlines() if s.startswith("::")] and "./::" in stream
    assert not [s for s in text.splitlines() if s.startswith(("::", "title"))]
    root = ET.fromstring(outputs["junit"].stdout)  # well-formed XML 1.0
    names = [case.get("name") for case in root.iter("testcase")]
    assert any("\\x1b" in name for name in names)
    json.loads(outputs["sarif"].stdout)
    findings = json.loads(outputs["json"].stdout)["findings"]
    assert any(f["path"] == str(document) for f in findings)  # JSON keeps the name as it is


# --- memory and size ----------------------------------------------------------------------------

def test_findings_of_one_rule_are_capped_per_document():
    text = "Séance du 27/11/2023\n" + "Fait à ........ le ........\n" * 300
    result = Linter().check("blanks.txt", text.encode("utf-8"))
    dates = [f for f in result.findings if f.rule == "blank-date"]
    [summary] = [f for f in result.findings if f.rule == "too-many-findings"]
    assert len(dates) == 100 and [f.line for f in dates] == list(range(2, 102))
    assert summary.args == {"count": 200, "rule": "blank-date", "limit": 100}
    assert summary.message.startswith("200 more findings of blank-date left out")
    assert summary.severity == max((f.severity for f in dates), key=["info", "warning", "error"].index)


# --- linear paths -------------------------------------------------------------------------------

def test_a_zip_of_two_thousand_members_is_read_in_one_pass(tmp_path):
    from ent_lint.inputs import expand, load

    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for number in range(2000):
            handle.writestr(f"d/{number:04d}.txt", f"Délibération n° {number}\n")
    started = time.perf_counter()
    jobs = list(expand([str(archive)]))
    data = [load(job) for job in jobs]
    assert len(data) == 2000 and data[7] == "Délibération n° 7\n".encode()
    assert time.perf_counter() - started < 10  # re-reading the archive per member took about 20 s


# --- blank pages --------------------------------------------------------------------------------

def _blank_pages_pdf(path: Path, blanks: int, text: bool = True) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    if text:
        page.drawString(72, 760, "Séance du conseil municipal du 27 novembre 2023")
        page.showPage()
    for _ in range(blanks):
        page.showPage()  # a page with no object on it, as a word processor's page break
    page.save()


def test_blank_pages_are_not_sent_to_ocr(tmp_path, monkeypatch):
    from ent_lint.readers import ocr

    sent = []
    monkeypatch.setattr(ocr, "ocr_pages", lambda doc, pages, *args: sent.extend(pages) or {})
    document = tmp_path / "blanks.pdf"
    _blank_pages_pdf(document, 30)
    result = Linter(ocr="auto").check_path(str(document))
    assert result.outcome is Outcome.OK and result.pages == 31 and sent == []
    Linter(ocr="always").check_path(str(document))
    assert sent == [0]  # even asked for every page, the blank ones are not rendered
    _blank_pages_pdf(document, 3, text=False)
    empty = Linter().check_path(str(document))
    assert empty.outcome is Outcome.UNREADABLE and empty.reason == "every page is blank"



# --- the server ---------------------------------------------------------------------------------

def test_a_server_worker_stuck_in_c_code_is_killed_and_replaced(tmp_path):
    import socket
    import urllib.error
    import urllib.request
    import uuid

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([str(COMMAND), "serve", "--port", str(port), "-j", "1", "--timeout", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=stuck_env(tmp_path))
    base = f"http://127.0.0.1:{port}"

    def post(name: str, data: bytes) -> int:
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
                .encode() + data + f"\r\n--{boundary}--\r\n".encode())
        request = urllib.request.Request(f"{base}/api/lint?lang=en", data=body, method="POST", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "the server did not start"
                time.sleep(0.1)
        document = (DOCUMENTS / "extrait-quorum.txt").read_bytes()
        assert post("stuck.txt", document) == 504  # its only worker stuck for an hour: killed
        assert post("quorum.txt", document) == 200  # by the worker that replaced it
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- smaller defects ----------------------------------------------------------------------------

def test_utf16_text_with_its_byte_order_mark_is_read(tmp_path):
    text = (DOCUMENTS / "extrait-quorum.txt").read_text(encoding="utf-8")
    expected = [(f.rule, f.line) for f in Linter().check("q.txt", text.encode("utf-8")).findings]
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        result = Linter().check("q.txt", data)
        assert result.outcome is Outcome.OK and [(f.rule, f.line) for f in result.findings] == expected


def test_zip_member_names_in_utf8_without_the_flag_are_shown_right(tmp_path):
    from ent_lint.inputs import expand, load

    archive = tmp_path / "names.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("dXXlibXXration.txt", "utf-8, no flag")  # as macOS and Linux tools write them
        handle.writestr("cafX.txt", "cp437")  # as the zip format says
        handle.writestr("rÃ©sumÃ©.txt", "flagged")  # zipfile sets the UTF-8 flag: taken as written
    data = archive.read_bytes().replace(b"dXXlibXXration", "délibération".encode())
    archive.write_bytes(data.replace(b"cafX", "café".encode("cp437")))
    jobs = list(expand([str(archive)]))
    assert [job.name for job in jobs] == [f"{archive}!café.txt", f"{archive}!délibération.txt",
                                          f"{archive}!rÃ©sumÃ©.txt"]
    assert [load(job) for job in jobs] == [b"cp437", b"utf-8, no flag", b"flagged"]


def test_a_page_too_complex_to_render_is_not_rendered_for_ocr(tmp_path, monkeypatch):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from ent_lint.readers import ocr

    if ocr.available():
        pytest.skip(ocr.available())
    bomb = tmp_path / "curves.pdf"
    page = canvas.Canvas(str(bomb), pagesize=A4)
    page.drawString(72, 760, "Séance du conseil municipal du 27 novembre 2023 " * 3)
    page.showPage()
    path = page.beginPath()  # one page of curves and no text: it would go to OCR
    path.moveTo(10, 10)
    for number in range(ocr.MAX_SEGMENTS + 10):
        path.lineTo(10 + (number * 7) % 570, 10 + (number * 13) % 820)
    page.drawPath(path)
    page.showPage()
    page.save()
    rendered = []
    render = ocr.render_gray
    monkeypatch.setattr(ocr, "render_gray", lambda page, *a: rendered.append(page) or render(page, *a))
    result = Linter(ocr="always").check_path(str(bomb))
    assert result.outcome is Outcome.OK and result.pages == 2 and len(rendered) == 1  # the text page alone
