"""Checking many documents: worker processes, a timeout per document, the cache, stable order.

Each document goes through the one :class:`~ent_lint.linter.Linter` in a worker process, also
with one worker: the parent enforces the timeout from outside, so a document that keeps a worker
in C code (a PDF library's render) has that worker killed and replaced.  Results come out in the
order of the inputs whatever the scheduling, one at a time, so a report can be written as the
run goes and memory stays flat however large the archive.  A document that cannot be read, that
takes longer than the timeout, or that crashes its worker becomes a result with that outcome and
the run goes on.
"""

from __future__ import annotations

import hashlib
import os
import select
import signal
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Optional

from . import collector
from .errors import InputError
from .i18n import N_
from .inputs import Job, load
from .linter import Linter, Outcome, Result, timed_out

if TYPE_CHECKING:  # a run without the cache does not import SQLite (a few milliseconds of its start)
    from .cache import Cache

GRACE = 5.0  # seconds past the timeout (at most the timeout again) before a stuck worker is killed from outside
WORKER_MEMORY = 4 * 1024**3  # address space of a worker: a hostile PDF ends in MemoryError, not the OOM killer


#: the parent's ends of the workers' pipes; a forked worker inherits them and closes its copies,
#: so that the parent's death (even by SIGKILL) is an end of file for every worker, never a wait
_PARENT_ENDS: set = set()
_PARENT_PID = 0  # the process that starts the workers (inherited by a forked worker)


def _worker(conn, linter: Linter, ocr_slots, keep: bool, rules: bool, fields: bool = True) -> None:
    from .readers import ocr

    for end in list(_PARENT_ENDS):
        end.close()
    _die_with_parent()

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _limit_memory(WORKER_MEMORY)
    ocr.share_slots(ocr_slots)
    if rules:
        linter.checker  # noqa: B018  (built once, before the first document)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, name, data = message
        # the seconds the timeout grows by for OCR, so that the parent waits as much longer
        result = linter.check(name, data, keep=keep, rules=rules, fields=fields,
                              on_grant=lambda seconds: conn.send(("grant", seconds)))
        try:
            conn.send((index, result))
        except (BrokenPipeError, OSError):
            return


def _die_with_parent() -> None:
    """On Linux, the kernel kills a worker whose parent dies, even one stuck in C code that would
    never read its pipe's end of file (prctl PR_SET_PDEATHSIG); elsewhere the end of file does.
    The signal follows the thread that started the worker: the runner starts and stops its
    workers within one call, in one thread."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if _PARENT_PID and os.getppid() != _PARENT_PID:  # the parent died before the request took effect
        os._exit(1)


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _readable(slots: list, timeout: float) -> list:
    """Those of ``slots`` whose worker wrote to its pipe (a result, more seconds) or ended,
    waiting at most ``timeout`` seconds for one: one poll of their pipes, made for the call
    (``multiprocessing.connection.wait`` where there is no poll; it builds a selector and its
    keys in Python at every call, a tenth of the parent's time a document)."""
    if not hasattr(select, "poll"):
        from multiprocessing.connection import wait

        ready = wait([slot.conn for slot in slots], timeout=timeout)
        return [slot for slot in slots if slot.conn in ready]
    poller = select.poll()
    for slot in slots:
        poller.register(slot.conn.fileno(), select.POLLIN)  # an end of the pipe is an event too
    written = {descriptor for descriptor, _ in poller.poll(timeout * 1000)}
    return [slot for slot in slots if slot.conn.fileno() in written]


def _limit_memory(limit: int) -> None:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


class _Slot:
    """One worker process and the document it is busy with."""

    def __init__(self, context, linter: Linter, ocr_slots, keep: bool, rules: bool, fields: bool = True):
        global _PARENT_PID
        _PARENT_PID = os.getpid()
        self.conn, child = context.Pipe()
        _PARENT_ENDS.add(self.conn)
        self.process = context.Process(target=_worker, args=(child, linter, ocr_slots, keep, rules, fields),
                                       daemon=True)
        with collector.frozen():  # the worker's collections leave the modules and rules it inherits alone
            self.process.start()
        child.close()
        self.job: Optional[tuple[int, Job, str]] = None
        self.started = 0.0
        self.budget: Optional[float] = None  # seconds of the document being checked (grown for OCR)

    def send(self, index: int, job: Job, digest: str, data: bytes, budget: Optional[float]) -> None:
        self.job = (index, job, digest)
        self.started = time.monotonic()
        self.budget = budget
        self.conn.send((index, job.name, data))

    def overran(self) -> bool:
        """Whether the document has had its budget and as much again (at most GRACE more)."""
        return bool(self.budget) and time.monotonic() - self.started > self.budget + min(GRACE, self.budget)

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        _PARENT_ENDS.discard(self.conn)
        self.conn.close()


class _Feed:
    """The documents to check, in the order given, read and hashed one ahead of the workers; a
    document known without checking (a read error, a cache hit) goes straight to ``done``.  At
    most ``window`` documents are taken past the first result not yet given out."""

    def __init__(self, jobs: Iterable[Job], prepare, window: int):
        self._jobs = iter(jobs)
        self._prepare = prepare
        self._window = window
        self._taken = 0
        self._exhausted = False
        self._ahead: Optional[tuple[int, Job, str, bytes]] = None

    def peek(self, done: dict, next_out: int) -> Optional[tuple[int, Job, str, bytes]]:
        """The next document to check, ``(index, job, digest, data)``, or None for now."""
        while self._ahead is None and not self._exhausted and self._taken - next_out < self._window:
            job = next(self._jobs, None)
            if job is None:
                self._exhausted = True
                break
            index, self._taken = self._taken, self._taken + 1
            result, digest, data = self._prepare(job)
            if result is not None:
                done[index] = result
            else:
                self._ahead = (index, job, digest, data)
        return self._ahead

    def take(self) -> tuple[int, Job, str, bytes]:
        ahead, self._ahead = self._ahead, None
        return ahead

    @property
    def empty(self) -> bool:
        return self._exhausted and self._ahead is None


class Runner:
    """Check jobs with ``workers`` processes through ``linter``, whose timeout bounds each
    document; the results of documents already checked come from ``cache``.  ``keep``,
    ``rules`` and ``fields`` are :meth:`Linter.check`'s (``extract`` keeps the document and checks
    no rule); the fields are kept whenever there is a cache, which stores them."""

    def __init__(self, linter: Linter, *, workers: int = 1, cache: Optional[Cache] = None, keep: bool = False,
                 rules: bool = True, fields: bool = True):
        self.linter = linter
        self.workers = max(1, workers)
        self.keep, self.rules = keep, rules
        self.fields = fields or cache is not None
        self.timeout = linter.timeout
        self.cache = cache
        self._ocr_slots = None
        self.key_base = linter.fingerprint() if cache is not None else ""
        self._facts: list[tuple[str, dict]] = []

    def _prepare(self, job: Job) -> tuple[Optional[Result], str, bytes]:
        """A result known without checking (error, cache hit), or the bytes to check."""
        try:
            data = load(job, max_text=self.linter.max_text)
        except InputError as exc:
            return Result(job.name, outcome=Outcome(exc.outcome), reason=exc.message, detail=exc.detail), "", b""
        digest = hashlib.sha256(data).hexdigest()
        if self.cache is not None:
            cached = self.cache.get(self._key(digest))
            if cached is not None:
                return Result.from_cache(job.name, digest, cached), digest, b""
        return None, digest, data

    def _key(self, digest: str) -> str:
        return hashlib.sha256(f"{self.key_base}:{digest}".encode()).hexdigest()

    def _store(self, result: Result) -> None:
        if self.cache is not None and result.digest and result.outcome.cacheable:
            self.cache.put(self._key(result.digest), result.to_cache())

    def archive(self) -> Result:
        """The archive rules' findings over every document :meth:`run` gave (call it after)."""
        facts, self._facts = self._facts, []
        return self.linter.finish(Result(name, facts=f) for name, f in facts)

    def run(self, jobs: Iterable[Job]) -> Iterator[Result]:
        """Results in the order of ``jobs``, checked in worker processes, so that a document
        that crashes the PDF library or outlasts the timeout in C code is one error entry."""
        for result in self._run_parallel(jobs):
            if result.facts:
                self._facts.append((result.name, result.facts))
            yield result

    def _run_parallel(self, jobs: Iterable[Job]) -> Iterator[Result]:
        # The parent's work for a document (reading and hashing it, the cache, the report) is done
        # while the workers check others: a worker that gives a result gets its next document
        # before that result is reported or cached, and that document was read while it worked.
        feed = _Feed(jobs, self._prepare, window=32 * self.workers)  # results held for ordering, at most
        done: dict[int, Result] = {}
        next_out = 0
        slots: list[_Slot] = []
        context = None  # multiprocessing is imported once a document needs checking
        try:
            while True:
                while feed.peek(done, next_out) is not None:
                    idle = next((s for s in slots if s.job is None), None)
                    if idle is None and len(slots) >= self.workers:
                        break
                    if idle is None:
                        if self.rules:
                            _ = self.linter.checker  # built once here, so forked workers inherit its imports
                        if context is None:
                            context = _context()
                            self._ocr_slots = context.BoundedSemaphore(os.cpu_count() or 1)
                        idle = self._new_slot(context)
                        slots.append(idle)
                    idle.send(*feed.take(), self.timeout)
                feed.peek(done, next_out)  # the next document read now, while the workers check theirs
                while next_out in done:
                    result = done.pop(next_out)
                    if not result.cached:
                        self._store(result)
                    yield result
                    next_out += 1
                busy = [s for s in slots if s.job is not None]
                if not busy:
                    if feed.empty and not done:
                        break
                    continue
                ready = _readable(busy, timeout=0.2)
                for slot in busy:
                    if slot in ready:
                        self._collect(slot, done, slots, context)
                    elif slot.overran():
                        index, job, digest = slot.job
                        done[index] = Result(job.name, outcome=Outcome.TIMED_OUT, digest=digest,
                                             reason=timed_out(slot.budget))
                        self._replace(slot, slots, context)
        finally:
            for slot in slots:
                slot.stop(kill=slot.job is not None)

    def _collect(self, slot: _Slot, done: dict, slots: list, context) -> None:
        index, job, digest = slot.job
        try:
            got_index, result = slot.conn.recv()
            if got_index == "grant":  # more seconds for the pages to OCR: the document goes on
                slot.budget = (slot.budget or 0) + result
                return
        except (EOFError, OSError):
            code = slot.process.exitcode
            done[index] = Result(job.name, outcome=Outcome.WORKER_CRASHED, digest=digest,
                                 reason=N_("worker crashed while checking this document (exit {code})").format(
                                     code=code))
            self._replace(slot, slots, context)
            return
        result.digest = digest
        done[got_index] = result
        slot.job = None

    def _replace(self, slot: _Slot, slots: list, context) -> None:
        slot.stop(kill=True)
        slots.remove(slot)
        slots.append(self._new_slot(context))

    def _new_slot(self, context) -> _Slot:
        return _Slot(context, self.linter, self._ocr_slots, self.keep, self.rules, self.fields)
