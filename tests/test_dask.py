"""The archive run on a Dask cluster: a LocalCluster of two worker processes, one thread each.

The same findings, in the same order, as ``-j 2``: from the command line, with the documents
sent as bytes or read by the workers from the shared disk, with a worker killed in the middle of
a document, and through the results cache.  A document that kills every worker that takes it is
one error entry and the run goes on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from ent_lint.cache import Cache
from ent_lint.config import Settings
from ent_lint.exitcodes import ERROR, FINDINGS
from ent_lint.inputs import expand
from ent_lint.linter import Linter, Outcome

from helpers import DOCUMENTS, FIXTURES, SEED_TXT, alive

distributed = pytest.importorskip("distributed")
# The functions this module runs on the workers (cluster.run) travel by value: the workers
# cannot import a test module, whatever the folder pytest runs from.
import cloudpickle  # noqa: E402  (installed with distributed)

cloudpickle.register_pickle_by_value(sys.modules[__name__])

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")

PDFS = ["convention-defauts.pdf", "extrait-compteurs-en-ligne.pdf", "extrait-dates-en-lettres.pdf",
        "pv-trois-deliberations.pdf"]
ZIPPED = ["extrait-quorum.txt", "convention-ecoles-tableau.pdf"]
KILL_MARKER = "ENT-LINT TEST: THIS DOCUMENT KILLS ITS WORKER"

ARCHIVE_RULE = '''
from ent_lint.engine import ArchiveRule
from ent_lint.findings import Location


class SameKind(ArchiveRule):
    """What it checks: documents of one kind across the run (facts from the workers, decided here)."""
    id = "same-kind"
    family = "test"
    severity = "info"
    summary = "documents of the same kind"
    source = "test"

    def collect(self, document, text):
        return [document.kind]

    def finish(self, facts):
        paths = {}
        for path, kind in facts:
            paths.setdefault(kind, []).append(path)
        return [self.hit(f"{len(found)} documents of kind {kind}", locations=[Location(p) for p in sorted(found)])
                for kind, found in sorted(paths.items()) if len(found) > 1]
'''

KILLER_RULE = f'''
import os

import regex

from ent_lint.engine import Rule

MARKER = regex.compile(r"{KILL_MARKER.lower()}")


class KillsTheWorker(Rule):
    """What it checks: nothing; a document with the marker line ends the process checking it."""
    id = "kills-the-worker"
    family = "test"
    severity = "info"
    summary = "ends its process on a marker line"
    source = "test"

    def check(self, document, text):
        if any(text.find(MARKER)):
            os._exit(1)
        return []
'''


def run_cli(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "ent-lint"
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "ENT_LINT_SCHEDULER")}
    # in English, the language of the library's Finding.message that the runners' results are compared with
    return subprocess.run([str(command), "--lang", "en", *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**environment, **(env or {})}, timeout=120)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    # a document may take two workers down with it, no more; a worker holds only the task it runs,
    # so that the tasks queued behind a killer are not counted against them
    config = {"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(config), \
            LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as local, \
            Client(local) as client:
        client.wait_for_workers(2, timeout=60)
        yield client


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """21 documents: the 14 text fixtures, four PDFs, a zip of two more, and a longer document."""
    root = tmp_path_factory.mktemp("dask") / "archive"
    (root / "text").mkdir(parents=True)
    for path in sorted(DOCUMENTS.glob("*.txt")):
        shutil.copy(path, root / "text" / path.name)
    for name in PDFS:
        shutil.copy(DOCUMENTS / name, root / name)
    with zipfile.ZipFile(root / "more.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ZIPPED:
            zf.write(DOCUMENTS / name, f"2023/{name}")
    # twenty sittings in one file: a document that keeps a worker busy for a while
    (root / "text" / "registre.txt").write_text(SEED_TXT.read_text(encoding="utf-8") * 20, encoding="utf-8")
    (root.parent / "pack").mkdir()
    (root.parent / "pack" / "same_kind.py").write_text(ARCHIVE_RULE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def settings(archive) -> Settings:
    """The default rules and an archive rule from a rules folder, which the workers load too."""
    return Settings(rules_dir=["pack"])  # relative: the workers' working folder is not this one


@pytest.fixture(scope="module")
def reference(archive) -> dict:
    """The ``-j 2`` report, the one the cluster must match."""
    done = run_cli("--format", "json", "--no-cache", "-j", "2", "--rules-dir", "pack", archive, cwd=archive.parent)
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 21 and len(report["findings"]) > 50 and report["errors"] == []
    assert sum(f["rule"] == "same-kind" for f in report["findings"]) >= 2  # the archive rule, across files
    return report


def _findings(results) -> list[dict]:
    return [f.to_dict() for result in results for f in result.findings]


def test_the_command_line_on_the_cluster_gives_the_findings_of_j2(cluster, archive, reference):
    from distributed import get_task_stream

    address = cluster.scheduler.address
    with get_task_stream(cluster) as by_bytes_tasks:
        by_bytes = run_cli("--format", "json", "--no-cache", "--rules-dir", "pack", "--scheduler", address, archive,
                           cwd=archive.parent)
    # the address from the environment; --shared-storage alone would be a usage error
    with get_task_stream(cluster) as by_path_tasks:
        by_path = run_cli("--format", "json", "--no-cache", "--rules-dir", "pack", "--shared-storage", archive,
                          cwd=archive.parent, env={"ENT_LINT_SCHEDULER": address})
    for done, tasks in ((by_bytes, by_bytes_tasks), (by_path, by_path_tasks)):
        report = json.loads(done.stdout)
        assert report["findings"] == reference["findings"]
        assert report["errors"] == [] and report["summary"]["files"] == 21 and done.returncode == FINDINGS
        # every document was checked by the cluster's workers, not by the command
        assert sum(str(task["key"]).startswith("ent-lint-check-") for task in tasks.data) == 21


def test_a_scheduler_that_cannot_be_reached_is_a_usage_error(tmp_path):
    done = run_cli("--no-cache", "--scheduler", "tcp://127.0.0.1:9", SEED_TXT, cwd=tmp_path,
                   env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "0.5s"})
    assert done.returncode == ERROR and done.stdout == ""
    assert done.stderr.startswith("ent-lint: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler (")
    alone = run_cli("--no-cache", "--shared-storage", SEED_TXT, cwd=tmp_path)
    assert alone.returncode == ERROR
    assert alone.stderr == "ent-lint: error: --shared-storage goes with --scheduler (or ENT_LINT_SCHEDULER)\n"


def _die_if_checking(marker: str, dask_worker=None) -> None:
    """On a worker: if it is in the middle of checking a document, record which and die."""
    keys = [str(ts.key) for ts in dask_worker.state.executing if str(ts.key).startswith("ent-lint-check-")]
    if keys:
        try:
            os.close(os.open(f"{marker}.claimed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:  # another worker was killed already: one is enough
            return
        Path(f"{marker}.tmp").write_text(f"{keys[0]} {os.getpid()}")
        os.replace(f"{marker}.tmp", marker)  # whole, or not there yet
        os._exit(1)


def test_a_worker_killed_in_the_middle_of_a_document_changes_nothing(cluster, archive, settings, reference, tmp_path,
                                                                     monkeypatch):
    from ent_lint.distributed import check_on_cluster

    workers = list(cluster.scheduler_info()["workers"])
    marker = tmp_path / "killed"
    first_result = threading.Event()
    killed: dict = {}

    def kill_one_busy_worker():
        """Once results flow, kill the first worker found checking a document, and wait for its
        process to be gone."""
        import psutil

        if not first_result.wait(60):
            return
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not marker.exists():
            for address in workers:
                try:  # a round trip per worker: the one killed answers with a closed connection
                    cluster.run(_die_if_checking, str(marker), workers=[address])
                except OSError:
                    break
        if marker.exists():
            key, pid = marker.read_text().split()
            try:
                psutil.Process(int(pid)).wait(max(0.0, deadline - time.monotonic()))
            except (psutil.NoSuchProcess, psutil.TimeoutExpired):
                pass  # gone already; or still there, which the test reports
            killed.update(key=key, pid=int(pid))

    killer = threading.Thread(target=kill_one_busy_worker, daemon=True)
    killer.start()
    results = []
    monkeypatch.chdir(archive.parent)
    for result in check_on_cluster([str(archive)], cluster, settings, timeout=60):
        results.append(result)
        first_result.set()
    killer.join(60)
    assert killed, "no worker was killed while checking a document"
    assert not alive(killed["pid"])
    index = int(killed["key"].rsplit("-", 1)[1])
    assert results[index].outcome is Outcome.OK  # the document it was checking, checked elsewhere
    assert [r.outcome for r in results if not r.archive] == [Outcome.OK] * 21
    assert _findings(results) == reference["findings"]


def test_the_cache_is_read_and_written_by_the_client_both_ways_of_sending(cluster, archive, settings, reference,
                                                                         tmp_path, monkeypatch):
    from ent_lint.distributed import DaskRunner

    monkeypatch.chdir(archive.parent)
    for shared in (False, True):
        cache = Cache(tmp_path / f"cache-{shared}")
        runner = DaskRunner(Linter(settings), cluster, cache=cache, shared_storage=shared)
        try:
            first = [*runner.run(expand([str(archive)])), runner.archive()]
            second = [*runner.run(expand([str(archive)])), runner.archive()]
        finally:
            runner.close()
            cache.close()
        # each content checked once at least (a copy met later in the run may come from the cache)
        assert sum(not r.cached for r in first) >= len({r.digest for r in first if not r.archive})
        assert all(r.cached for r in second if not r.archive)
        assert _findings(first) == _findings(second) == reference["findings"]


def test_a_document_over_the_timeout_is_timed_out_on_the_worker(cluster, tmp_path):
    from ent_lint.distributed import check_on_cluster

    slow = tmp_path / "slow.txt"  # four hundred sittings: seconds of work, far past the limit
    slow.write_text(SEED_TXT.read_text(encoding="utf-8") * 400, encoding="utf-8")
    started = time.monotonic()
    [result] = check_on_cluster([str(slow)], cluster, timeout=0.5)
    assert result.outcome is Outcome.TIMED_OUT and result.reason == "timed out after 0.5 s (see --timeout)"
    assert result.seconds < 5 and time.monotonic() - started < 30


def test_a_scan_has_the_ocr_budget_on_the_workers_and_an_explicit_timeout_stays_fixed(cluster):
    """The budget of -j (ent_lint.budget): the base, and more for each page sent to OCR.  A base
    of 1 s, 8 s more a page: a 2-page scan that needs about 3 s of OCR passes; the same base
    fixed (an explicit --timeout) times it out."""
    from ent_lint.distributed import check_on_cluster
    from ent_lint.readers import ocr

    if ocr.available():
        pytest.skip(ocr.available())
    scan = str(FIXTURES / "scans" / "pv-trois-deliberations.pdf")
    [result] = check_on_cluster([scan], cluster, timeout=1, ocr_page_seconds=8)
    assert result.outcome is Outcome.OK and result.pages == 2 and result.seconds > 1
    [fixed] = check_on_cluster([scan], cluster, timeout=1, ocr_page_seconds=0)
    assert fixed.outcome is Outcome.TIMED_OUT and fixed.reason == "timed out after 1 s (see --timeout)"


def test_a_document_that_kills_every_worker_is_an_error_entry_and_the_run_goes_on(cluster, tmp_path):
    from ent_lint.distributed import check_on_cluster

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "killer.py").write_text(KILLER_RULE, encoding="utf-8")
    folder = tmp_path / "documents"
    folder.mkdir()
    names = ["a-extrait-quorum.txt", "b-convention-defauts.txt", "d-pv-votes.txt"]
    for name in names:
        shutil.copy(DOCUMENTS / name.split("-", 1)[1], folder / name)
    (folder / "c-killer.txt").write_text(f"{KILL_MARKER}\n{SEED_TXT.read_text(encoding='utf-8')}", encoding="utf-8")
    settings = Settings(rules_dir=[str(pack)])
    results = list(check_on_cluster([str(folder)], cluster, settings, timeout=60))
    assert [Path(r.name).name for r in results] == ["a-extrait-quorum.txt", "b-convention-defauts.txt",
                                                    "c-killer.txt", "d-pv-votes.txt"]
    crashed = results[2]
    assert crashed.outcome is Outcome.WORKER_CRASHED
    assert crashed.reason == "worker crashed twice while checking this document"
    here = Linter(settings)
    for result in results[:2] + results[3:]:
        assert result.outcome is Outcome.OK
        assert _findings([result]) == _findings([here.check_path(result.name)])
    assert _findings(results[:2] + results[3:])  # the others were checked: they have findings


def test_without_the_dask_extra_the_option_is_a_clear_error(tmp_path):
    hidden = tmp_path / "no-dask" / "distributed"  # shadows the installed package, as if absent
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError('No module named distributed')\n")
    done = run_cli("--scheduler", "tcp://127.0.0.1:8786", SEED_TXT, cwd=tmp_path,
                   env={"PYTHONPATH": str(hidden.parent)})
    assert done.returncode == ERROR
    assert done.stderr == "ent-lint: error: --scheduler needs the dask extra: pip install 'ent-lint[dask]'\n"
