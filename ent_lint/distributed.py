"""Checking an archive on a Dask cluster: the same :class:`~ent_lint.linter.Linter` as ``-j``,
on the workers of a ``dask.distributed`` scheduler.

The client (this process) walks the inputs, reads and writes the results cache, keeps a bounded
window of tasks in flight, yields the results in the order of the inputs and runs the archive
rules at the end, exactly as :class:`~ent_lint.batch.Runner` does.  Each task checks one
document with the Linter that a worker plugin installed once on every worker (and on every
worker that joins or restarts).

A document travels as bytes, or, when the workers see the same files (``shared_storage``), as
its path: the worker reads it, a zip member where the zip is.  A worker lost mid-run has its
tasks retried elsewhere by Dask; a document whose task was running on every worker that died
past the scheduler's ``distributed.scheduler.allowed-failures`` is a ``worker-crashed`` result.

Needs the ``dask`` extra: ``pip install 'ent-lint[dask]'``.
"""

from __future__ import annotations

import copy
import ctypes
import dataclasses
import hashlib
import os
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from typing import Optional, Union

from . import __version__
from .batch import Runner
from .cache import Cache
from .errors import ConfigError, InputError
from .inputs import Job, expand, load
from .linter import Linter, Outcome, Result, _Timeout, timed_out

NEEDS_EXTRA = "--scheduler needs the dask extra: pip install 'ent-lint[dask]'"

try:
    from distributed import Client, WorkerPlugin, as_completed, get_worker
    from distributed.scheduler import KilledWorker
except ImportError as exc:  # the extra is not installed: say how to install it
    raise ImportError(NEEDS_EXTRA) from exc

HELD_PER_THREAD = 32  # results held for ordering behind a slow document, per worker thread
IN_FLIGHT_PER_THREAD = 2  # tasks sent ahead per worker thread: one running, one ready


class DaskRunner(Runner):
    """Check jobs on the Dask cluster of ``scheduler`` (an address, or a connected client that
    stays the caller's) through ``linter``; the results of documents already checked come from
    ``cache``, which only this process reads and writes.  :meth:`close` when done.

    ``shared_storage``: the workers open the files at the paths this process sees (made
    absolute); otherwise this process reads each document and sends its bytes."""

    def __init__(self, linter: Linter, scheduler: Union[str, Client], *, cache: Optional[Cache] = None,
                 shared_storage: bool = False):
        super().__init__(linter, workers=1, cache=cache)
        linter.checker  # noqa: B018  (a bad selection is this process's error, not a worker's)
        self.shared_storage = shared_storage
        self.client = scheduler if isinstance(scheduler, Client) else connect(scheduler)
        self._owned = self.client is not scheduler
        self._plugin = f"ent-lint-{uuid.uuid4().hex}"
        self._installed = False
        try:
            self._install()
        except BaseException:
            self.close()
            raise
        threads = sum(self.client.nthreads().values()) or 1
        self.in_flight = max(4, IN_FLIGHT_PER_THREAD * threads)
        self.held = max(64, HELD_PER_THREAD * threads)

    def _install(self) -> None:
        """The same ent-lint on every worker, and the Linter installed on each (and on workers
        that join later)."""
        try:
            versions = set(self.client.run(_version).values())
        except ImportError as exc:
            raise ConfigError(f"ent-lint cannot be imported on the Dask workers ({exc}):"
                              " install the same ent-lint there") from None
        if versions - {__version__}:
            raise ConfigError(f"the Dask workers run ent-lint {', '.join(sorted(versions))},"
                              f" this process {__version__}: install the same version everywhere")
        self._installed = True  # kept by the scheduler even when a worker fails to set it up
        try:
            self.client.register_plugin(_LinterPlugin(_for_workers(self.linter)), name=self._plugin)
        except ConfigError as exc:  # the rules cannot be loaded there (a --rules-dir missing...)
            raise ConfigError(f"on a Dask worker: {exc}") from None

    def close(self) -> None:
        """Take the Linter off the workers; close the client if this runner opened it."""
        if self._installed and self.client.status == "running":
            self.client.unregister_worker_plugin(self._plugin)
            self._installed = False
        if self._owned:
            self.client.close()

    def run(self, jobs: Iterable[Job]) -> Iterator[Result]:
        """Results in the order of ``jobs``, checked on the cluster."""
        for result in self._run_cluster(jobs):
            if result.facts:
                self._facts.append((result.name, result.facts))
            yield result

    def _run_cluster(self, jobs: Iterable[Job]) -> Iterator[Result]:
        pending = iter(jobs)
        done: dict[int, Result] = {}
        running: dict = {}  # future -> (index, job, whether the task only hashes the document)
        completed = as_completed(loop=self.client.loop, with_results=True, raise_errors=False)

        def send(index: int, job: Job, task) -> None:
            if isinstance(task, Result):
                done[index] = task
            else:
                running[task[0]] = (index, job, task[1])
                completed.add(task[0])

        next_out = taken = 0
        exhausted = False
        try:
            while True:
                while not exhausted and len(running) < self.in_flight and taken - next_out < self.held:
                    job = next(pending, None)
                    if job is None:
                        exhausted = True
                        break
                    index, taken = taken, taken + 1
                    send(index, job, self._task(index, job))
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                if not running:
                    if exhausted:
                        return
                    continue
                future, value = next(completed)
                index, job, hashing = running.pop(future)
                if hashing and future.status == "finished" and not isinstance(value, Result):
                    send(index, job, self._cached(job.name, value)
                         or self._task(index, job, digest=value))
                    continue
                done[index] = _result_of(future, value, job)
                self._store(done[index])
        finally:
            if running:
                self.client.cancel(list(running))

    def _task(self, index: int, job: Job, digest: Optional[str] = None):
        """(future, whether it only hashes) for one job, or its result when it is known here
        (an error, a cache hit)."""
        plugin = self._plugin
        key = f"ent-lint-check-{plugin}-{index}"
        if not self.shared_storage:
            known, digest, data = self._prepare(job)
            if known is not None:
                return known
            return self.client.submit(_check_bytes, plugin, job.name, data, digest, key=key), False
        if job.error:
            return Result(job.name, outcome=Outcome(job.outcome), reason=job.error)
        job = dataclasses.replace(job, path=os.path.abspath(job.path))  # the workers' cwd is not ours
        if self.cache is not None and digest is None:  # the worker hashes, this process looks it up
            return self.client.submit(_digest, job, key=f"ent-lint-digest-{plugin}-{index}"), True
        return self.client.submit(_check_path, plugin, job, key=key), False

    def _cached(self, name: str, digest: str) -> Optional[Result]:
        cached = self.cache.get(self._key(digest))
        return Result.from_cache(name, digest, cached) if cached is not None else None


def check_on_cluster(paths: Iterable[str], scheduler: Union[str, Client], settings=None, *,
                     shared_storage: bool = False, cache: Optional[Cache] = None,
                     **options) -> Iterator[Result]:
    """Check ``paths`` (files, folders, globs, zip archives, as on the command line) on the Dask
    cluster at ``scheduler`` (an address, or a connected :class:`distributed.Client`): each
    document's result in the order of the inputs, then the archive rules' result when it has
    findings.  ``options`` are the :class:`~ent_lint.linter.Linter`'s (``timeout``, ``ocr``...)."""
    runner = DaskRunner(Linter(settings, **options), scheduler, cache=cache, shared_storage=shared_storage)
    try:
        yield from runner.run(expand(paths))
        archive = runner.archive()
        if archive.findings:
            yield archive
    finally:
        runner.close()


def connect(address: str) -> Client:
    """A client of the scheduler at ``address``; one that cannot be reached is a ConfigError."""
    try:
        return Client(address, set_as_default=False)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{address}: cannot reach the Dask scheduler ({exc})") from None


def _result_of(future, value, job: Job) -> Result:
    """A task's result, or what its failure means for the document."""
    if future.status == "finished":
        return value
    error = future.exception() if future.status == "error" else value
    if isinstance(error, KilledWorker):
        times = error.allowed_failures + 1
        return Result(job.name, outcome=Outcome.WORKER_CRASHED,
                      reason=f"worker crashed {'twice' if times == 2 else f'{times} times'}"
                             " while checking this document")
    return Result(job.name, outcome=Outcome.INTERNAL_ERROR,
                  reason=f"internal error on the cluster: {error.__class__.__name__}: {error}")


def _for_workers(linter: Linter) -> Linter:
    """The linter as the workers need it: rule folders by absolute path (their cwd is not ours),
    and one tesseract at a time, since each worker process stands for one core."""
    sent = copy.copy(linter)  # without its checker: each worker builds its own
    sent.settings = dataclasses.replace(linter.settings,
                                        rules_dir=[os.path.abspath(d) for d in linter.settings.rules_dir])
    sent.read_options = {**linter.read_options, "ocr_threads": 1}
    return sent


# --- on the workers --------------------------------------------------------------------------

def _version() -> str:
    return __version__


class _LinterPlugin(WorkerPlugin):
    """The Linter, installed once per worker process; its rules are built there once."""

    def __init__(self, linter: Linter):
        self.linter = linter

    def setup(self, worker) -> None:
        from . import parse, text  # noqa: F401  (imported before any deadline can cut an import short)
        from .readers import pdf  # noqa: F401

        # pdfium is not thread-safe: one document at a time per process, whatever --nthreads
        self.lock = threading.Lock()
        self.linter.checker  # noqa: B018  (a rule that cannot load fails the registration)

    def check(self, name: str, data: bytes) -> Result:
        with self.lock:
            deadline = _Deadline(self.linter.timeout)
            try:
                with deadline:  # pushed back by the seconds the budget grants for OCR, as -j's parent is
                    return self.linter.check(name, data, on_grant=deadline.extend)
            except _Timeout:  # the deadline fell between the check's end and its own disarming
                return Result(name, outcome=Outcome.TIMED_OUT, reason=timed_out(deadline.seconds))


def _plugin(name: str) -> _LinterPlugin:
    return get_worker().plugins[name]


def _check_bytes(plugin: str, name: str, data: bytes, digest: str) -> Result:
    result = _plugin(plugin).check(name, data)
    result.digest = digest
    return result


def _check_path(plugin: str, job: Job) -> Result:
    try:
        data = load(job)
    except InputError as exc:
        return Result(job.name, outcome=Outcome(exc.outcome), reason=exc.message)
    result = _plugin(plugin).check(job.name, data)
    result.digest = hashlib.sha256(data).hexdigest()
    return result


def _digest(job: Job) -> Union[str, Result]:
    """The content hash of a job's document, read on the worker; its error as a result."""
    try:
        return hashlib.sha256(load(job)).hexdigest()
    except InputError as exc:
        return Result(job.name, outcome=Outcome(exc.outcome), reason=exc.message)


class _Deadline:
    """The Linter's timeout for a task: Dask runs tasks in threads, where no SIGALRM can be set,
    so a timer raises the same ``_Timeout`` in the task's thread (between two bytecodes, as the
    alarm would), and the Linter turns it into a ``timed-out`` result.  :meth:`extend` pushes it
    back by the seconds the document's budget grants for OCR (:mod:`ent_lint.budget`).  An
    exception raised while a finaliser runs is dropped by Python: it is raised again each second
    until the task ends."""

    def __init__(self, seconds: Optional[float]):
        self.seconds = seconds
        self.thread = threading.get_ident()
        self.lock = threading.Lock()
        self.armed = False
        self.fired = False
        self.timer: Optional[threading.Timer] = None
        self.due = 0.0  # time.monotonic() when the timer fires

    def _start(self, seconds: float) -> None:
        self.due = time.monotonic() + seconds
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def extend(self, seconds: float) -> None:
        """``seconds`` more for the document (a grant for the pages it sends to OCR)."""
        with self.lock:
            if self.seconds:
                self.seconds += seconds
            if self.armed and not self.fired and self.timer is not None:
                self.timer.cancel()
                self._start(max(0.0, self.due - time.monotonic()) + seconds)

    def _fire(self) -> None:
        with self.lock:
            if self.armed and threading.current_thread() is self.timer:  # not one that extend() replaced
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread), ctypes.py_object(_Timeout))
                self.fired = True
                self._start(1.0)

    def __enter__(self) -> "_Deadline":
        if self.seconds:
            self.armed = True
            self._start(self.seconds)
        return self

    def __exit__(self, *exc_info) -> None:
        with self.lock:
            self.armed = False
            if self.timer is not None:
                self.timer.cancel()
            if self.fired:  # raised but maybe not yet delivered: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread), None)
