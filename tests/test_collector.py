"""Workers are forked with the parent's objects frozen (gc.freeze), and the parent unfreezes;
no collection while the rules load or a pattern compiles, and what the rules' loading made is
frozen once."""

from __future__ import annotations

import gc
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from ent_lint import collector
from ent_lint.batch import Runner
from ent_lint.config import Settings
from ent_lint.inputs import expand
from ent_lint.linter import Linter

from helpers import DOCUMENTS


def _report_frozen(conn) -> None:
    conn.send(gc.get_freeze_count())
    conn.close()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="fork only")
def test_a_process_forked_while_frozen_leaves_the_parents_objects_out_of_its_collections():
    gc.unfreeze()  # what the rules' loading froze earlier in this session (collector.paused)
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    with collector.frozen():
        process = context.Process(target=_report_frozen, args=(theirs,))
        process.start()
    assert gc.get_freeze_count() == 0  # this process frees its objects as before
    in_child = ours.recv()
    process.join()
    assert in_child > 10_000  # the modules, classes and functions of this test process


def test_the_runner_leaves_its_own_process_unfrozen():
    document = sorted(Path(DOCUMENTS).glob("*.txt"))[0]
    results = list(Runner(Linter(Settings(), timeout=60), workers=1).run(expand([str(document)])))
    assert results[0].outcome.value == "ok"
    assert gc.get_freeze_count() == 0


def test_no_collection_while_paused_and_the_collector_back_on_after():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), collector.paused():
        1 / 0
    assert gc.isenabled()


def test_a_pause_leaves_the_collector_off_when_it_was_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_the_rules_freezes_what_it_made_once_with_the_collector_on_after():
    code = ("import gc\n"
            "from ent_lint.linter import Linter\n"
            "assert gc.get_freeze_count() == 0\n"
            "Linter().checker\n"
            "frozen = gc.get_freeze_count()\n"
            "Linter().checker\n"  # a second checker: nothing frozen again
            "print(frozen, gc.get_freeze_count(), gc.isenabled())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 10_000  # pydantic's, the model's and the rules' objects
    assert int(out[1]) <= int(out[0])  # not frozen again (some frozen objects freed since)
    assert out[2] == "True"
