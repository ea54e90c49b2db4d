"""Workers are forked with the parent's objects frozen (gc.freeze), and the parent unfreezes."""

from __future__ import annotations

import gc
import multiprocessing
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
    assert gc.get_freeze_count() == 0
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
