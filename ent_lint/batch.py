"""Checking many documents: worker processes, a timeout per document, the cache, stable order.

Results come out in the order of the inputs whatever the scheduling, one at a time, so a report
can be written as the run goes and memory stays flat however large the archive.  A document that
cannot be read, that takes longer than the timeout, or that crashes a rule becomes an error entry
and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Callable, Optional

from . import __version__
from .cache import Cache
from .errors import InputError
from .findings import Finding
from .inputs import Job, load

GRACE = 5.0  # seconds past the timeout before a stuck worker is killed from outside
WORKER_MEMORY = 4 * 1024**3  # address space of a worker: a hostile PDF ends in MemoryError, not the OOM killer


@dataclass
class Result:
    """What one document gave: findings, or an error; the source lines the findings point at."""

    name: str
    findings: list[Finding] = field(default_factory=list)
    error: Optional[str] = None
    digest: Optional[str] = None
    pages: Optional[int] = None
    lines: dict[str, str] = field(default_factory=dict)  # "page:line" -> the line as written
    seconds: float = 0.0
    cached: bool = False
    source: object = None  # the Source and Document, when asked for (check_data keep=True)
    document: object = None

    def source_line(self, page: Optional[int], line: Optional[int]) -> Optional[str]:
        return self.lines.get(f"{page or 0}:{line}") if line is not None else None

    def to_cache(self) -> dict:
        return {"findings": [{k: v for k, v in f.to_dict().items() if k != "path"} for f in self.findings],
                "error": self.error, "pages": self.pages, "lines": self.lines}

    @classmethod
    def from_cache(cls, name: str, digest: str, data: dict) -> "Result":
        findings = [Finding.from_dict({**f, "path": name}) for f in data["findings"]]
        return cls(name, findings, data.get("error"), digest, data.get("pages"), data.get("lines", {}),
                   cached=True)


def fingerprint(settings, engine: str) -> str:
    """What, besides the document, decides its findings: settings, engine, rules and their code."""
    parts = [__version__, engine, json.dumps({k: v for k, v in vars(settings).items()
                                              if k not in ("source", "fail_on")}, sort_keys=True)]
    parts += _rule_packs()
    parts.append(_code_stamp("ent_lint"))
    for folder in settings.rules_dir:
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as handle:
                    parts.append(hashlib.sha256(handle.read()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _rule_packs() -> list[str]:
    """Installed rule packs, by their distribution's folder name (which holds the version) and
    entry points, with a stamp of their code.  Reading the few entry_points.txt files directly
    costs a millisecond where importlib.metadata.entry_points() costs 25."""
    from .config import ENTRY_POINT_GROUP

    header = f"[{ENTRY_POINT_GROUP}]"
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in sorted(names):
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            if header not in text:
                continue
            section = text.split(header, 1)[1].split("\n[", 1)[0]
            found.append(f"{name}:{section.strip()}")
            for line in section.splitlines():
                if "=" in line:
                    module = line.split("=", 1)[1].strip().split(":")[0]
                    if not module.startswith("ent_lint"):  # ent_lint itself is stamped whole
                        found.append(_code_stamp(module))
    return found


def _code_stamp(module: str) -> str:
    """Sizes and times of a package's files: edited code is never served from the cache."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return module
    if spec is None or not spec.submodule_search_locations:
        return module if spec is None or not spec.origin else _stamp_files([spec.origin])
    files = []
    for folder in spec.submodule_search_locations:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".py"))
    return _stamp_files(files)


def _stamp_files(files: list[str]) -> str:
    out = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            continue
        out.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(out).encode("utf-8")).hexdigest()


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def check_data(name: str, data: bytes, checker, engine: str, timeout: Optional[float],
               read_options: Optional[dict] = None, *, keep: bool = False) -> Result:
    """Read, parse and check one document's bytes; never raises."""
    from .parse import parse
    from .readers import read_data

    started = time.perf_counter()
    use_alarm = bool(timeout) and _alarm_available()
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        source = read_data(name, data, engine=engine, **(read_options or {}))
        document = parse(source)
        findings = checker.check(document)
        lines = {}
        for finding in findings:
            line = source.line_at(finding.page, finding.line) if finding.line is not None else None
            if line is not None:
                lines[f"{finding.page or 0}:{finding.line}"] = line.raw.rstrip("\n")
        result = Result(name, findings, pages=source.page_count, lines=lines)
        if keep:
            result.source, result.document = source, document
    except InputError as exc:
        result = Result(name, error=exc.message)
    except _Timeout:
        result = Result(name, error=f"timed out after {timeout:g} s (see --timeout)")
    except RecursionError:
        result = Result(name, error="document too deeply nested to be read")
    except MemoryError:
        result = Result(name, error="out of memory while reading the document")
    except Exception as exc:  # a rule or the parser failed: report it, go on with the others
        result = Result(name, error=f"internal error: {exc.__class__.__name__}: {exc}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    result.seconds = time.perf_counter() - started
    return result


def _worker(conn, settings, engine: str, timeout: Optional[float], read_options: dict, ocr_slots) -> None:
    from .config import build_checker
    from .readers import ocr

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _limit_memory(WORKER_MEMORY)
    ocr.share_slots(ocr_slots)
    checker = build_checker(settings)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, name, data = message
        result = check_data(name, data, checker, engine, timeout, read_options)
        try:
            conn.send((index, result))
        except (BrokenPipeError, OSError):
            return


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


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

    def __init__(self, context, settings, engine, timeout, read_options, ocr_slots):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker,
                                       args=(child, settings, engine, timeout, read_options, ocr_slots),
                                       daemon=True)
        self.process.start()
        child.close()
        self.job: Optional[tuple[int, Job, str]] = None
        self.started = 0.0

    def send(self, index: int, job: Job, digest: str, data: bytes) -> None:
        self.job = (index, job, digest)
        self.started = time.monotonic()
        self.conn.send((index, job.name, data))

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
        self.conn.close()


class Runner:
    """Check jobs with ``workers`` processes (1: in this process), ``timeout`` s per document."""

    def __init__(self, settings, *, engine: str = "fast", workers: int = 1,
                 timeout: Optional[float] = 60.0, cache: Optional[Cache] = None,
                 checker_factory: Optional[Callable] = None, ocr: str = "auto", max_pages: int = 200):
        self.settings = settings
        self.engine = engine
        self.workers = max(1, workers)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.cache = cache
        # in this process, a scanned document's pages go to tesseract side by side; each worker
        # process runs one tesseract at a time (the workers already share the cores)
        self._here_options = {"ocr": ocr, "max_pages": max_pages, "ocr_threads": os.cpu_count() or 1}
        # each worker may run as many tesseracts as there are cores, within one count shared by
        # all the workers (created with the workers): a long scan's pages spread over idle cores
        self._worker_options = {"ocr": ocr, "max_pages": max_pages, "ocr_threads": os.cpu_count() or 1}
        self._ocr_slots = None
        self.key_base = fingerprint(settings, f"{engine}/ocr={ocr}/max-pages={max_pages}") if cache is not None else ""
        self._checker = None
        self._checker_factory = checker_factory

    @property
    def checker(self):
        if self._checker is None:
            from .config import build_checker

            self._checker = (self._checker_factory or build_checker)(self.settings)
        return self._checker

    def _prepare(self, job: Job) -> tuple[Optional[Result], str, bytes]:
        """A result known without checking (error, cache hit), or the bytes to check."""
        try:
            data = load(job)
        except InputError as exc:
            return Result(job.name, error=exc.message), "", b""
        digest = hashlib.sha256(data).hexdigest()
        if self.cache is not None:
            cached = self.cache.get(self._key(digest))
            if cached is not None:
                return Result.from_cache(job.name, digest, cached), digest, b""
        return None, digest, data

    def _key(self, digest: str) -> str:
        return hashlib.sha256(f"{self.key_base}:{digest}".encode()).hexdigest()

    def _store(self, result: Result) -> None:
        timed_out = result.error and result.error.startswith(("timed out", "internal error", "worker"))
        if self.cache is not None and result.digest and not timed_out:
            self.cache.put(self._key(result.digest), result.to_cache())

    def run(self, jobs: Iterable[Job]) -> Iterator[Result]:
        """Results in the order of ``jobs``.  With one worker, in this process; otherwise in
        worker processes, so that a document that crashes the PDF library is one error entry."""
        if self.workers == 1:
            yield from self._run_here(jobs)
        else:
            yield from self._run_parallel(jobs)

    def _run_here(self, jobs: Iterable[Job]) -> Iterator[Result]:
        for job in jobs:
            result, digest, data = self._prepare(job)
            if result is None:
                result = check_data(job.name, data, self.checker, self.engine, self.timeout, self._here_options)
                result.digest = digest
                self._store(result)
            yield result

    def _run_parallel(self, jobs: Iterable[Job]) -> Iterator[Result]:
        pending = iter(jobs)
        done: dict[int, Result] = {}
        next_out = 0
        taken = 0
        exhausted = False
        window = 32 * self.workers  # results held for ordering, at most
        slots: list[_Slot] = []
        context = None  # multiprocessing is imported once a document needs checking
        try:
            while True:
                idle = [s for s in slots if s.job is None]
                while not exhausted and (idle or len(slots) < self.workers) and taken - next_out < window:
                    job = next(pending, None)
                    if job is None:
                        exhausted = True
                        break
                    index, taken = taken, taken + 1
                    result, digest, data = self._prepare(job)
                    if result is not None:
                        done[index] = result
                        continue
                    if not idle:
                        _ = self.checker  # built once here, so forked workers inherit its imports
                        if context is None:
                            context = _context()
                            self._ocr_slots = context.BoundedSemaphore(os.cpu_count() or 1)
                        slots.append(self._new_slot(context))
                        idle.append(slots[-1])
                    idle.pop().send(index, job, digest, data)
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                busy = [s for s in slots if s.job is not None]
                if exhausted and not busy and not done:
                    break
                if not busy:
                    continue
                from multiprocessing.connection import wait

                ready = wait([s.conn for s in busy], timeout=0.2)
                for slot in busy:
                    if slot.conn in ready:
                        self._collect(slot, done, slots, context)
                    elif self.timeout and time.monotonic() - slot.started > self.timeout + GRACE:
                        index, job, digest = slot.job
                        done[index] = Result(job.name, error=f"timed out after {self.timeout:g} s "
                                             "(see --timeout); the worker was stopped", digest=digest)
                        self._replace(slot, slots, context)
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
        finally:
            for slot in slots:
                slot.stop(kill=slot.job is not None)

    def _collect(self, slot: _Slot, done: dict, slots: list, context) -> None:
        index, job, digest = slot.job
        try:
            got_index, result = slot.conn.recv()
        except (EOFError, OSError):
            code = slot.process.exitcode
            done[index] = Result(job.name, error=f"worker crashed while checking this document (exit {code})",
                                 digest=digest)
            self._replace(slot, slots, context)
            return
        result.digest = digest
        done[got_index] = result
        slot.job = None
        self._store(result)

    def _replace(self, slot: _Slot, slots: list, context) -> None:
        slot.stop(kill=True)
        slots.remove(slot)
        slots.append(self._new_slot(context))

    def _new_slot(self, context) -> _Slot:
        return _Slot(context, self.settings, self.engine, self.timeout, self._worker_options, self._ocr_slots)
