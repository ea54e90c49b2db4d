"""The server's edges: a body read only once the request has a place, streamed to disk with the
size cap counted as it comes, 503 with Retry-After when full, /healthz, a graceful stop."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from helpers import SEED_TXT, alive, child_processes
from test_web import _free_port, _post, serving

BOUNDARY = "edgesboundary"


def _health(base: str) -> dict:
    with urllib.request.urlopen(f"{base}/healthz", timeout=10) as response:
        return json.loads(response.read())


def _stalled_upload(base: str, sent: bytes, declared: int) -> socket.socket:
    """A client that sends the headers and part of a multipart body, then waits."""
    url = urlparse(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=30)
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    sock.sendall((f"POST /api/lint HTTP/1.1\r\nHost: {url.hostname}\r\n"
                  f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
                  f"Content-Length: {declared}\r\n\r\n").encode() + head + sent)
    return sock


def _wait(predicate, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """One worker (four places), 1 MiB uploads, its temporary files in a folder of the test."""
    folder = tmp_path_factory.mktemp("server-tmp")
    with serving("--max-upload", "1", "-j", "1", "--timeout", "30", env={"TMPDIR": str(folder)}) as (base, _):
        yield base, folder


def test_a_body_streams_to_a_file_on_disk_and_is_removed_after(small):
    base, folder = small
    part = b"Extrait du registre\n" * 3000  # 60 KB sent, the rest still to come
    sock = _stalled_upload(base, part, declared=900_000)
    try:
        written = _wait(lambda: [p for p in folder.glob("ent-lint-upload-*/*") if p.stat().st_size >= len(part)])
        assert written[0].name == "0.txt"  # named by position: no name of the sender's on disk
    finally:
        sock.close()
    _wait(lambda: not list(folder.glob("ent-lint-upload-*")))
    status, body, _ = _post(f"{base}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
    assert status == 200 and body["findings"]
    assert not list(folder.glob("ent-lint-upload-*"))


def test_a_body_without_a_length_is_capped_while_it_streams(small):
    base, folder = small
    url = urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n").encode()

    def chunks():
        yield head
        for _ in range(40):  # 2.5 MiB, over the 1 MiB limit, with no Content-Length
            yield b"x" * 65536

    connection.request("POST", "/api/lint", body=chunks(), encode_chunked=True,
                       headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"] == "envoi plus grand que la limite de 1 Mio"
    connection.close()
    _wait(lambda: not list(folder.glob("ent-lint-upload-*")))


def test_a_full_server_answers_503_with_retry_after_and_healthz_says_so(small):
    base, _ = small
    stalled = [_stalled_upload(base, b"x", declared=10_000) for _ in range(4)]  # the four places
    try:
        _wait(lambda: _health(base)["requests"] == 4)
        health = _health(base)
        assert health["status"] == "ok" and health["workers"] == 1 and health["places"] == 4
        status, body, headers = _post(f"{base}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
        assert status == 503 and {k.lower(): v for k, v in headers.items()}["retry-after"] == "10"
        assert body["error"] == "trop de documents en cours de vérification\u00a0: réessayer dans un instant"
    finally:
        for sock in stalled:
            sock.close()
    _wait(lambda: _health(base)["requests"] == 0)
    status, body, _ = _post(f"{base}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
    assert status == 200 and body["findings"]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc for the process tree")
def test_sigterm_lets_the_request_in_flight_finish_then_exits_0_leaving_no_process():
    port = _free_port()
    command = Path(sys.executable).parent / "ent-lint"
    process = subprocess.Popen([str(command), "serve", "--port", str(port), "-j", "1", "--max-upload", "8"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _try_health(base), timeout=60)
        children = child_processes(process.pid)
        assert children  # the worker process (and multiprocessing's resource tracker)
        answer = {}
        slow = SEED_TXT.read_bytes() * 150  # a second or two of work
        thread = threading.Thread(target=lambda: answer.update(r=_post(f"{base}/api/lint", "slow.txt", slow)))
        thread.start()
        _wait(lambda: _health(base)["busy"] == 1)
        process.send_signal(signal.SIGTERM)
        thread.join(timeout=120)
        status, body, _ = answer["r"]
        assert status == 200 and body["findings"]  # the request in flight finished
        assert process.wait(timeout=60) == 0
        _wait(lambda: not any(alive(pid) for pid in children), timeout=10)  # the resource tracker exits after it
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert b"Traceback" not in process.stderr.read()


def _try_health(base: str) -> bool:
    try:
        return _health(base)["status"] == "ok"
    except OSError:
        return False


if os.name != "posix":  # pragma: no cover
    pytest.skip("POSIX signals and /proc", allow_module_level=True)


def test_an_upload_that_stops_coming_loses_its_place():
    """A client that holds a place without sending (slowloris) is given up after the idle bound:
    408, its place and its folder freed.  The application in-process, served by uvicorn."""
    import asyncio

    import uvicorn

    from ent_lint.web.app import ServeSettings, create_app

    app = create_app(ServeSettings(workers=1, upload_idle=1.0, timeout=30))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _try_health(base), timeout=60)
        stalled = [_stalled_upload(base, b"x", declared=10_000) for _ in range(4)]
        try:
            answers = [_read_all(sock) for sock in stalled]  # within about a second
            assert all(a.startswith(b"HTTP/1.1 408") for a in answers), answers
            body = json.loads(answers[0].split(b"\r\n\r\n", 1)[1].decode("utf-8"))
            assert body["error"] == "l'envoi s'est arrêté pendant 1 s\u00a0: abandonné"
        finally:
            for sock in stalled:
                sock.close()
        assert _health(base)["requests"] == 0
        status, body, _ = _post(f"{base}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
        assert status == 200 and body["findings"]
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _read_all(sock: socket.socket) -> bytes:
    """What the server sends until it closes the connection."""
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
