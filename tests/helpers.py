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


@functools.lru_cache(maxsize=None)
def corpus_report(path: str):
    """ent-lint's report on one real document, made once per test session (scans are OCRed)."""
    from ent_lint.api import lint

    return lint(path)
