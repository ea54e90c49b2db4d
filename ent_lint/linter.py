"""The one core every entry point goes through: read → parse → check, with a typed outcome.

The command line, its worker processes, the web service, ``extract``, the library API and
:mod:`ent_lint.testing` all build a :class:`Linter` from settings and call :meth:`Linter.check`.
A document either gives findings (outcome ``ok``) or one outcome that says what happened to it
(unreadable, too large, timed out, unsupported type, worker crashed, internal error), with the
reason in one line.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from . import __version__
from .budget import Budget
from .budget import start as start_budget
from .config import Settings
from .errors import ConfigError, InputError
from .findings import Finding
from .i18n import N_

if TYPE_CHECKING:
    from .engine import Checker


class Outcome(str, enum.Enum):
    OK = "ok"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    UNSUPPORTED = "unsupported-type"
    TIMED_OUT = "timed-out"
    WORKER_CRASHED = "worker-crashed"
    INTERNAL_ERROR = "internal-error"

    @property
    def cacheable(self) -> bool:
        """Whether the same bytes would give the same outcome: a timeout or a crash may not."""
        return self in (Outcome.OK, Outcome.UNREADABLE, Outcome.TOO_LARGE, Outcome.UNSUPPORTED)


@dataclass
class Result:
    """What one document gave: its outcome and findings, the facts archive rules took from it,
    and the source lines the findings point at."""

    name: str
    findings: list[Finding] = field(default_factory=list)
    outcome: Outcome = Outcome.OK
    reason: Optional[str] = None  # one line, for any outcome but ok: a catalogue sentence, in English
    digest: Optional[str] = None
    pages: Optional[int] = None
    lines: dict[str, str] = field(default_factory=dict)  # "page:line" -> the line as written
    facts: dict[str, list] = field(default_factory=dict)  # archive rule id -> facts
    seconds: float = 0.0
    cached: bool = False
    source: object = None  # the Source and Document, when asked for (keep=True)
    document: object = None
    archive: bool = False  # the findings of archive rules, after every document
    detail: Optional[str] = None  # the system's words on the reason (English), see InputError.detail
    kind: Optional[str] = None  # what the document is (extract, minutes, list, convention, other)
    fields: Optional[dict] = None  # the fields read, as `extract --format json` prints them

    @property
    def error(self) -> Optional[str]:
        """The reason the document was not checked, or None when it was."""
        return None if self.outcome is Outcome.OK else self.reason or self.outcome.value

    def source_line(self, page: Optional[int], line: Optional[int]) -> Optional[str]:
        return self.lines.get(f"{page or 0}:{line}") if line is not None else None

    def to_cache(self) -> dict:
        return {"outcome": self.outcome.value, "reason": self.reason, "detail": self.detail, "pages": self.pages,
                "lines": self.lines, "facts": self.facts, "kind": self.kind, "fields": self.fields,
                "findings": [{k: v for k, v in f.to_dict().items() if k != "path"} for f in self.findings]}

    @classmethod
    def from_cache(cls, name: str, digest: str, data: dict) -> "Result":
        findings = [Finding.from_dict({**f, "path": name}) for f in data["findings"]]
        return cls(name, findings, Outcome(data.get("outcome", "ok")), data.get("reason"), digest,
                   data.get("pages"), data.get("lines", {}), data.get("facts", {}), cached=True,
                   detail=data.get("detail"), kind=data.get("kind"), fields=data.get("fields"))


class _Timeout(BaseException):
    """Raised by the alarm: a BaseException, so that no reader's ``except Exception`` takes it
    for a corrupt file."""


_REPEAT = 0.2  # seconds between the alarm's repeats once the timeout is past


_armed = threading.Event()  # set while a check's timeout may still be raised


def _on_alarm(signum, frame):
    if _armed.is_set():
        raise _Timeout()


def _quieting(hook: Callable) -> Callable:
    """``hook`` but for an alarm that lands in a finalizer: Python drops it (the repeat raises it
    again where it counts), so it is not printed as a traceback."""
    def quiet(unraisable) -> None:
        if not isinstance(unraisable.exc_value, _Timeout):
            hook(unraisable)
    return quiet


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


#: settings that do not change a document's findings: left out of the cache key
_NOT_FINDINGS = ("source", "fail_on", "lang", "exclude", "extend_exclude")


def timed_out(seconds: float) -> str:
    return N_("timed out after {seconds} s (see --timeout)").format(seconds=f"{seconds:g}")


class Linter:
    """Settings made into a checker, and the reading options: what checks one document.

    ``timeout`` (seconds, None for no limit) bounds one document in this process; the batch
    runner also stops a worker that overruns it.  ``ocr_page_seconds`` adds as much to it for
    each page the document sends to OCR (:mod:`ent_lint.budget`; 0: the timeout is fixed)."""

    def __init__(self, settings: Optional[Settings] = None, *, engine: str = "fast",
                 timeout: Optional[float] = None, ocr: str = "auto", max_pages: int = 200,
                 ocr_threads: Optional[int] = None, checker: Optional["Checker"] = None,
                 max_size: Optional[int] = None, ocr_page_seconds: float = 0.0):
        self.settings = settings or Settings()
        self.engine = engine
        self.timeout = timeout if timeout and timeout > 0 else None
        self.ocr_page_seconds = ocr_page_seconds if self.timeout else 0.0
        self.read_options = {"ocr": ocr, "max_pages": max_pages, "ocr_threads": ocr_threads or os.cpu_count() or 1}
        if max_size is not None:  # bytes of a text input, 0 for no limit (the readers' default otherwise)
            self.read_options["max_size"] = max_size
        self._checker = checker
        self._given = checker is not None

    @property
    def max_text(self) -> int:
        """The bytes a text input may have (0: no limit): refused before it is read past them."""
        from .readers import MAX_TEXT_BYTES

        return self.read_options.get("max_size", MAX_TEXT_BYTES)

    def __getstate__(self):  # a worker process builds its own checker from the settings
        return {**vars(self), "_checker": self._checker if self._given else None}

    @property
    def checker(self) -> "Checker":
        """The selected rules (built on first use; a bad selection or option is a ConfigError)."""
        if self._checker is None:
            self._checker = build_checker(self.settings)
        return self._checker

    def fingerprint(self) -> str:
        """What, besides a document, decides its findings: version, settings, reading options,
        rule packs and their code.  The cache keys results by it."""
        options = (f"{self.engine}/ocr={self.read_options['ocr']}/max-pages={self.read_options['max_pages']}"
                   f"/max-size={self.read_options.get('max_size')}")
        parts = [__version__, options,
                 json.dumps({k: v for k, v in vars(self.settings).items() if k not in _NOT_FINDINGS},
                            sort_keys=True, default=str)]
        parts += _rule_packs()
        parts.append(_code_stamp("ent_lint"))
        for folder in self.settings.rules_dir:
            for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
                if name.endswith(".py"):
                    with open(os.path.join(folder, name), "rb") as handle:
                        parts.append(hashlib.sha256(handle.read()).hexdigest())
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()

    def check(self, name: str, data: bytes, *, keep: bool = False, rules: bool = True, fields: bool = True,
              on_grant: Optional[Callable[[float], None]] = None) -> Result:
        """Read, parse and check one document's bytes; never raises.  ``keep`` keeps the source and
        the document in the result; ``rules=False`` only reads and parses (``extract``);
        ``fields=False`` leaves :attr:`Result.fields` out (a run whose report and cache do not show
        them: it spares making and sending them); ``on_grant`` is told the seconds the timeout
        grows by for OCR."""
        started = time.perf_counter()
        use_alarm = bool(self.timeout) and _alarm_available()
        budget = Budget(self.timeout, self.ocr_page_seconds, alarm=use_alarm, listener=on_grant) \
            if self.timeout else None
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            previous_hook, sys.unraisablehook = sys.unraisablehook, _quieting(sys.unraisablehook)
            # then again every REPEAT seconds: an exception raised while Python runs a finalizer
            # or a weakref callback is printed and dropped, and the check would go on unbounded
            _armed.set()
            signal.setitimer(signal.ITIMER_REAL, self.timeout, _REPEAT)
        outer = start_budget(budget)
        try:
            result = self._check(name, data, keep, rules, fields)
        except InputError as exc:
            result = Result(name, outcome=Outcome(exc.outcome), reason=exc.message, detail=exc.detail)
        except _Timeout:
            _armed.clear()  # a repeat of the alarm cannot interrupt what follows
            result = Result(name, outcome=Outcome.TIMED_OUT, reason=timed_out(budget.seconds if budget else 0))
        except RecursionError:
            result = Result(name, outcome=Outcome.UNREADABLE, reason=N_("document too deeply nested to be read"))
        except MemoryError:
            result = Result(name, outcome=Outcome.TOO_LARGE, reason=N_("out of memory while reading the document"))
        except Exception as exc:  # the parser failed: report it, go on with the other documents
            result = Result(name, outcome=Outcome.INTERNAL_ERROR, reason=N_("internal error (a bug of ent-lint)"),
                            detail=f"{exc.__class__.__name__}: {exc}")
        finally:
            if use_alarm:
                _armed.clear()
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                sys.unraisablehook = previous_hook
            start_budget(outer)
        result.seconds = time.perf_counter() - started
        return result

    def check_path(self, path: "str | os.PathLike[str]", *, keep: bool = False, rules: bool = True) -> Result:
        """:meth:`check` of a file on disk; a file that cannot be opened is an unreadable result."""
        from .inputs import Job, load

        path = os.fspath(path)
        try:
            data = load(Job(path, path), max_text=self.max_text)
        except InputError as exc:
            return Result(path, outcome=Outcome(exc.outcome), reason=exc.message, detail=exc.detail)
        result = self.check(path, data, keep=keep, rules=rules)
        result.digest = hashlib.sha256(data).hexdigest()
        return result

    def _check(self, name: str, data: bytes, keep: bool, rules: bool, fields: bool = True) -> Result:
        from .parse import parse
        from .readers import read_data
        from .text import TextView, new_document

        new_document()  # what the last document's reading kept is forgotten
        source = read_data(name, data, engine=self.engine, **self.read_options)
        try:
            document = parse(source)
            findings, facts = [], {}
            if rules:
                text = TextView(source.lines)
                findings = self.checker.check(document, text, name)
                facts, crashes = self.checker.collect(document, text, name)
                findings += crashes
            if source.kind == "pdf" and findings:
                from .readers.pages import locate

                locate(data, source, findings)  # where each evidence stands on its page
        finally:
            source.close()  # the pages the reader kept loaded for locate
        lines = {}
        for finding in findings:
            line = source.line_at(finding.page, finding.line) if finding.line is not None else None
            if line is not None:
                lines[f"{finding.page or 0}:{finding.line}"] = line.raw.rstrip("\n")
        from .api import plain

        result = Result(name, findings, pages=source.page_count, lines=lines, facts=facts, kind=document.kind,
                        fields=plain(document) if fields else None)
        if keep:
            result.source, result.document = source, document
        return result

    def finish(self, results: Iterable[Result]) -> Result:
        """The archive rules' findings over the facts of ``results``, as one result."""
        findings = self.checker.finish((r.name, r.facts) for r in results if r.facts)
        return Result("(archive)", findings, archive=True)


def build_checker(settings: Settings) -> "Checker":
    """The rules ``settings`` select, with their severities, options and per-file ignores."""
    from . import collector

    with collector.paused(freeze=True):
        from .engine import Checker, discover, resolve_ids  # imports the model: only when checking

        registry = discover(settings.rules_dir)
    where = settings.source or N_("command line")
    selected = (resolve_ids(registry, settings.select, where) if settings.select is not None
                else set(registry))
    selected |= resolve_ids(registry, settings.extend_select, where)
    selected -= resolve_ids(registry, settings.ignore, where)
    selected |= {"rule-crash", "too-many-findings"}  # what a failing rule, a flood of findings become
    severities = {rule_id: cls.severity for rule_id, cls in registry.items()}
    overridden = set()
    for name, level in settings.severity.items():
        for rule_id in resolve_ids(registry, [name], where):
            severities[rule_id] = level
            overridden.add(rule_id)
    for rule_id in settings.rule_options:
        if rule_id not in registry:
            raise ConfigError(N_("{where:term}: options for an unknown rule {rule} (see `ent-lint rules`)"), where=where,
                              rule=repr(rule_id))
    rules = []
    for rule_id in sorted(selected):
        options = settings.rule_options.get(rule_id, {})
        try:
            rules.append(registry[rule_id](**options))
        except ConfigError as exc:
            raise ConfigError(N_("{where:term}: {error}"), where=where, error=exc) from None
    ignores = [(pattern, frozenset(resolve_ids(registry, ids, f"{where}: per-file-ignores")))
               for pattern, ids in settings.per_file_ignores.items()]
    return Checker(rules, severities, settings.min_severity, ignores, frozenset(overridden))


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
