"""``ent-lint serve``: the real server on loopback, its API, and its page in headless Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import ROOT, SEED_PDF, SEED_TXT, child_processes

ARTIFACTS = Path(os.environ.get("ENT_LINT_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(*options: str, env: dict | None = None):
    """The installed command, serving on a free loopback port: its base URL and its process."""
    port = _free_port()
    command = Path(sys.executable).parent / "ent-lint"
    process = subprocess.Popen([str(command), "serve", "--port", str(port), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, **env} if env else None)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            process.kill()
            pytest.fail(f"server did not start: {process.stderr.read().decode()}")
        yield base, process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=60)


@pytest.fixture(scope="module")
def server():
    """A server with a 1 MiB upload limit, two worker processes and 30 s per check."""
    with serving("--max-upload", "1", "-j", "2", "--timeout", "30") as (base, _):
        yield base


def _post(url: str, name: str, data: bytes, field: str = "file") -> tuple[int, dict, dict]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read()), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), dict(error.headers)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read(), dict(response.headers)


def test_lint_api_gives_the_cli_json_for_the_seed(server):
    status, body, _ = _post(f"{server}/api/lint", SEED_PDF.name, SEED_PDF.read_bytes())
    assert status == 200
    command = Path(sys.executable).parent / "ent-lint"
    cli = json.loads(subprocess.run([str(command), "--format", "json", "--no-cache", str(SEED_PDF)],
                                    capture_output=True, text=True).stdout)
    def strip(findings):  # the paths differ (the upload's name, the file's path); the places not
        return [{k: ([{**r, "path": None} for r in v] if k == "related" else v) for k, v in f.items() if k != "path"}
                for f in findings]
    assert strip(body["findings"]) == strip(cli["findings"])
    assert {f["path"] for f in body["findings"]} == {SEED_PDF.name}
    mismatch = next(f for f in body["findings"] if f["rule"] == "school-email-mismatch")
    assert (mismatch["page"], mismatch["evidence"]) == (7, "ecole.0831515w@ac-nice.fr")


def test_lint_api_details_and_sarif(server):
    status, body, _ = _post(f"{server}/api/lint?details=1", SEED_TXT.name, SEED_TXT.read_bytes())
    assert status == 200
    assert body["details"]["document"]["deliberations"][0]["number"] == "2023/11/27-31"
    assert any("ecole.0831515w@ac-nice.fr" in line["text"] for line in body["details"]["lines"])
    status, sarif, _ = _post(f"{server}/api/lint?format=sarif", SEED_TXT.name, SEED_TXT.read_bytes())
    assert status == 200 and sarif["version"] == "2.1.0"
    assert any(r["ruleId"] == "school-email-mismatch" for r in sarif["runs"][0]["results"])


def test_extract_rules_health_and_openapi(server):
    status, body, _ = _post(f"{server}/api/extract", SEED_TXT.name, SEED_TXT.read_bytes())
    assert status == 200 and body["deliberations"][0]["counts"]["in_office"] == 33
    rules = json.loads(_get(f"{server}/api/rules")[1])
    assert "quorum" in {r["id"] for r in rules}
    quorum = json.loads(_get(f"{server}/api/rules/quorum?lang=en")[1])
    assert "CGCT" in quorum["source"] and "How to fix" in quorum["documentation"]
    assert json.loads(_get(f"{server}/healthz")[1])["status"] == "ok"
    schema = json.loads(_get(f"{server}/openapi.json")[1])
    assert schema["openapi"].startswith("3.") and {"/api/lint", "/api/extract", "/api/rules"} <= set(schema["paths"])


def test_bad_uploads_are_clear_4xx(server):
    status, body, _ = _post(f"{server}/api/lint?lang=en", "cut.pdf", SEED_PDF.read_bytes()[:2000])
    assert status == 422 and body["error"].startswith("cut.pdf: ") and "PDF" in body["error"]
    status, body, _ = _post(f"{server}/api/lint?lang=en", "empty.txt", b"")
    assert status == 400 and body["error"] == "empty.txt: file is empty"
    status, body, _ = _post(f"{server}/api/lint?lang=en", "seed.pdf", SEED_PDF.read_bytes(), field="document")
    assert status == 400 and "'file'" in body["error"]
    status, body, _ = _post(f"{server}/api/lint?format=xml&lang=en", "seed.pdf", SEED_PDF.read_bytes())
    assert status == 400


def test_an_upload_over_the_limit_is_413_in_the_readers_language(server):
    status, body, _ = _post(f"{server}/api/lint", "big.txt", b"x" * (1024 * 1024 + 10))
    assert status == 413 and body["error"] == "envoi plus grand que la limite de 1 Mio"
    status, body, _ = _post(f"{server}/api/lint?lang=en", "big.txt", b"x" * (1024 * 1024 + 10))
    assert status == 413 and body["error"] == "upload larger than the limit of 1 MiB"


def test_concurrent_uploads_all_answer(server):
    documents = [(SEED_PDF.name, SEED_PDF.read_bytes()), (SEED_TXT.name, SEED_TXT.read_bytes())] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda d: _post(f"{server}/api/lint", *d), documents))
    assert [status for status, _, _ in answers] == [200] * 8
    assert all(any(f["rule"] == "school-email-mismatch" for f in body["findings"]) for _, body, _ in answers)


def test_the_page_has_security_headers_and_no_outside_resource(server):
    status, page, headers = _get(f"{server}/")
    headers = {k.lower(): v for k, v in headers.items()}
    assert status == 200
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    text = page.decode()
    assert "http://" not in text and "https://" not in text  # works offline: nothing from a CDN
    for asset in ("/static/app.js", "/static/app.css"):
        assert _get(f"{server}{asset}")[0] == 200


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (Debian: apt-get install chromium)")
def test_the_page_in_headless_chromium(server):
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
            page.goto(server)
            assert page.locator("[data-i18n=drop]").inner_text().startswith("Déposez")
            page.set_input_files("#file", str(SEED_PDF))
            card = page.locator(".finding[data-rule=school-email-mismatch]")
            card.wait_for(timeout=60_000)
            assert "page 7" in card.inner_text()
            # its evidence is highlighted in the text read, on its line (line 191 of the document: page 7, its 13th)
            mark = page.locator("#l-7-191 mark[data-rule=school-email-mismatch]")
            assert mark.inner_text() == "ecole.0831515w@ac-nice.fr"
            card.click()
            assert "focus" in page.locator("#l-7-191").get_attribute("class")
            page.screenshot(path=str(ARTIFACTS / "web-seed.png"))
            # the rule's explanation is one click away
            card.locator("button.rule").click()
            page.locator("#explain[open]").wait_for(timeout=10_000)
            page.wait_for_function("document.getElementById('explain-doc').textContent.includes('Comment corriger')")
            assert page.locator("#explain-title").inner_text().startswith("school-email-mismatch")
            assert page.locator("#explain-source").inner_text().startswith("Source\u00a0:")
            page.locator("#explain button").click()
            # the extracted fields, and the interface in English
            assert "2023/11/27-31" in page.locator("#fields").inner_text()
            page.locator("#lang").click()
            assert page.locator("[data-i18n=findings]").inner_text() == "Findings"
            page.locator("#status", has_text="1 document checked.").wait_for(timeout=60_000)  # checked again in English
            assert "page 7, line 191" in page.locator(".finding[data-rule=school-email-mismatch]").inner_text()
            page.screenshot(path=str(ARTIFACTS / "web-seed-en.png"), full_page=True)
            # the report downloads as JSON and as SARIF
            with page.expect_download() as event:
                page.locator("#download-json").click()
            report = json.loads(Path(event.value.path()).read_text(encoding="utf-8"))
            assert any(f["rule"] == "school-email-mismatch" for f in report["findings"]) and "details" not in report
            with page.expect_download() as event:
                page.locator("#download-sarif").click()
            assert event.value.suggested_filename.endswith(".sarif")
            assert json.loads(Path(event.value.path()).read_text(encoding="utf-8"))["version"] == "2.1.0"
            # a corrupt file says why, in French
            page.locator("#lang").click()
            broken = ARTIFACTS / "broken.pdf"
            broken.write_bytes(SEED_PDF.read_bytes()[:1500])
            page.set_input_files("#file", str(broken))
            page.locator("#summary p.unreadable").wait_for(timeout=30_000)
            assert page.locator("#doc-title").inner_text() == "broken.pdf"
            assert page.locator("#summary").inner_text() == \
                "Non vérifié\u00a0: PDF endommagé ou tronqué\u00a0: il ne peut pas être ouvert"
        finally:
            browser.close()


def test_a_check_over_the_request_timeout_is_an_error_and_the_server_goes_on(tmp_path):
    with serving("--max-upload", "8", "-j", "1", "--timeout", "1") as (base, _):
        slow = SEED_TXT.read_bytes() * 400  # 5 MB of deliberations: about 3 s to check
        status, body, _ = _post(f"{base}/api/lint?lang=en", "slow.txt", slow)
        assert status == 504 and "timed out after 1 s" in body["error"] and body["outcome"] == "timed-out"
        status, body, _ = _post(f"{base}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
        assert status == 200 and body["findings"]


def _pool_workers(pid: int) -> list[int]:
    """The server's worker processes (spawned by multiprocessing), from /proc."""
    found = []
    for child in child_processes(pid):
        with open(f"/proc/{child}/cmdline", "rb") as cmd:
            if b"spawn_main" in cmd.read():
                found.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
def test_a_worker_that_dies_is_an_error_and_the_server_recovers():
    import signal
    import threading

    with serving("--max-upload", "8", "-j", "1", "--timeout", "60") as (base, process):
        answer = {}
        slow = SEED_TXT.read_bytes() * 400  # seconds of work: time to kill its process
        thread = threading.Thread(target=lambda: answer.update(r=_post(f"{base}/api/lint?lang=en", "slow.txt", slow)))
        thread.start()
        deadline = time.monotonic() + 30
        while json.loads(_get(f"{base}/healthz")[1])["busy"] != 1:  # the worker has the document
            assert time.monotonic() < deadline, "the upload did not reach the worker"
            time.sleep(0.05)
        workers = _pool_workers(process.pid)
        assert workers
        for pid in workers:  # as a PDF that crashes the PDF library would
            os.kill(pid, signal.SIGKILL)
        thread.join(timeout=60)
        status, body, _ = answer["r"]
        assert status == 422 and "crash" in body["error"]
        status, body, _ = _post(f"{base}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
        assert status == 200 and body["findings"]
