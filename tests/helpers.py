"""Shared paths and helpers.  The tests run against the installed package (``pip install .``)."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DOCUMENTS = FIXTURES / "documents"
SEED_TXT = FIXTURES / "000_27c4777c775cd845.txt"
SEED_PDF = FIXTURES / "000_27c4777c775cd845.pdf"
SHARED = Path(os.environ.get("ENT_LINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "real"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed command as a user would."""
    command = Path(sys.executable).parent / "ent-lint"
    return subprocess.run([str(command), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def dig(data, path: str):
    """Follow a dotted path; ``#`` gives a list's length."""
    for key in path.split("."):
        if key == "#":
            return len(data)
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data


def child_processes(pid: int) -> list[int]:
    """The processes a process started (Linux, from /proc): the workers to kill in crash tests."""
    children = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            children += [int(c) for c in handle.read().split()]
    return children


def alive(pid: int) -> bool:
    """Whether a process runs (Linux, from /proc): gone or a zombie waiting for its parent is not."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def cpu_ticks(pid: int) -> int:
    """The CPU time a process has used, in clock ticks (Linux, from /proc)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def busy_child(pid: int, timeout: float = 60) -> int:
    """The one child of ``pid`` still working once the others have gone idle: in a run whose
    other documents are quick, the worker busy with the slow one, whatever the machine's load."""
    import time

    deadline = time.monotonic() + timeout
    last: dict[int, int] = {}
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = {child: cpu_ticks(child) for child in child_processes(pid)}
        moving = [child for child, ticks in now.items() if child in last and ticks > last[child]]
        if len(now) >= 2 and len(moving) == 1 and all(c in last for c in now):
            return moving[0]
        last = now
    raise AssertionError("no single busy worker found")


@functools.lru_cache(maxsize=None)
def corpus_report(path: str):
    """ent-lint's report on one real document, made once per test session (scans are OCRed)."""
    from ent_lint.api import lint

    return lint(path)


def write_document(tmp_path, body: str, name: str = "doc.txt") -> str:
    """A short document of our own, its indentation removed, written as ``name`` in ``tmp_path``."""
    import textwrap

    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)
