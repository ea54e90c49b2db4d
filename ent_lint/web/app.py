"""``ent-lint serve``: the same checks over HTTP, and a page to drop a document on.

An ASGI application (Starlette, served by uvicorn).  A request is first given a place among
those being served (503 with Retry-After when every place is taken); only then is its body read,
streamed to a temporary folder on disk with the size cap counted as it comes (:mod:`.uploads`).
Each document is checked in a worker process, which reads it from there, within the time budget
the command line gives a document (:mod:`ent_lint.budget`: a base, and more for each page sent
to OCR, which the worker tells the server through shared memory); the folder is removed after
the request: nothing is stored, no outbound call is made.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__, budget, i18n
from ..batch import GRACE
from ..config import Settings
from ..i18n import N_
from ..linter import timed_out

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass
class ServeSettings:
    max_upload: int = 150 * 1024 * 1024  # bytes: an @actes envelope may carry 150 MB
    timeout: float = budget.DEFAULT_SECONDS  # seconds per document, the base of its budget
    #: seconds more for each page the document sends to OCR (0: the timeout is fixed, as an
    #: explicit ``--timeout`` is); :func:`ent_lint.budget.options` gives both from ``--timeout``
    ocr_page_seconds: float = budget.OCR_PAGE_SECONDS
    upload_idle: float = 30.0  # seconds an upload may stop sending before it is given up (408)
    workers: int = max(1, os.cpu_count() or 1)  # documents checked at once
    #: the project's configuration (``[tool.ent-lint]``), as the command line would find it
    lint: Settings = field(default_factory=Settings)
    #: the page's language before the reader switches it; the API's when no ``?lang=`` is given
    lang: str = i18n.DEFAULT


# --- work done in the pool's processes ----------------------------------------------------------

_LINTERS: dict = {}
_GRANTED: list = []  # the seconds granted for OCR to the document being checked, shared with the server


def _grant(seconds: float) -> None:
    """Told by the budget of each grant: the server, which watches from outside, waits as much longer."""
    _GRANTED[0].value += seconds


def _check_job(job, details: bool, rules: bool = True):
    """One uploaded document (a file, or a member of an uploaded zip, read here from disk)
    through the one :class:`~ent_lint.linter.Linter` (timeout included); the result, and the
    text lines and fields when asked for.  ``rules=False``: read only."""
    from ..errors import InputError
    from ..inputs import close_archives, load
    from ..linter import Outcome, Result

    try:
        data = load(job)
    except InputError as exc:
        return Result(job.name, outcome=Outcome(exc.outcome), reason=exc.message), None
    finally:
        close_archives()  # the request's folder is removed after it: keep no archive open
    result = _LINTERS["default"].check(job.name, data, keep=details, rules=rules, on_grant=_grant)
    extra = _details(result.source, result.document) if details and result.error is None else None
    result.source = result.document = None  # not sent back through the pool's pipe
    return result, extra


def _page_job(job, page: int, boxes):
    """Page ``page`` of an uploaded PDF as a PNG image with ``boxes`` drawn, and its scale; or
    ``(None, reason)`` (an InputError does not cross the process boundary)."""
    from ..errors import InputError
    from ..inputs import close_archives, load
    from ..readers.pages import page_image

    try:
        return page_image(load(job), job.name, page, boxes)
    except InputError as exc:
        return None, exc.message
    finally:
        close_archives()


def _details(source, document) -> dict:
    """The extracted text (for highlighting) and fields (for the summary) of a document."""
    from ..api import plain

    return {"lines": [{"page": line.page, "line": line.number, "text": line.raw, "ocr": line.ocr}
                      for line in source.lines],
            "document": plain(document)}


def _ready() -> bool:
    return "default" in _LINTERS


def _warm_up(settings: Settings, timeout: float, ocr_page_seconds: float, granted) -> None:
    """Load the parser and the project's rules in each pool process before the first request;
    ``granted`` is the shared count of the seconds granted to the document being checked."""
    import signal

    from ..batch import WORKER_MEMORY, _limit_memory
    from ..linter import Linter

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    _limit_memory(WORKER_MEMORY)
    linter = Linter(settings, timeout=timeout, ocr_threads=1, ocr_page_seconds=ocr_page_seconds)
    linter.checker  # noqa: B018
    _GRANTED[:] = [granted]
    _LINTERS["default"] = linter


# --- the application ----------------------------------------------------------------------------

class _SecurityHeaders:
    """ASGI middleware: the security headers on every response, the page's and the API's."""

    def __init__(self, app):
        self.app = app
        self.extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.extra if k not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


class _DeclaredLimit:
    """ASGI middleware: a request that declares a body over the limit (Content-Length) is
    answered 413 before anything of it is kept.  A body without a declared length is counted
    while it streams to disk (:mod:`ent_lint.web.uploads`)."""

    def __init__(self, app, limit: int, lang: str, idle: float):
        self.app = app
        self.limit = limit
        self.lang = lang
        self.idle = idle

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _drain(receive, self.limit + _DRAIN_BOUND, self.idle)
            return await _too_large(self.limit, _lang_of(scope, self.lang))(scope, receive, send)
        await self.app(scope, receive, send)


def _lang_of(scope, default: str) -> str:
    from urllib.parse import parse_qs

    lang = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[0]
    return lang if lang in i18n.LANGUAGES else default


#: how much of a refused body is read and dropped before the answer (beyond it, the connection
#: closes), so that a client that sends its whole body before reading reads the answer
_DRAIN_BOUND = 64 * 1024 * 1024
#: seconds a client is asked to wait before trying again when every place is taken
RETRY_AFTER = 10


async def _drain(receive, bound: int, idle: float) -> None:
    """Read and drop the rest of a request body, up to ``bound`` bytes, until it stops coming for
    ``idle`` seconds."""
    seen = 0
    while seen <= bound:
        try:
            message = await asyncio.wait_for(receive(), idle)
        except asyncio.TimeoutError:
            return
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body"):
            return


def _too_large(limit: int, lang: str) -> Response:
    message = i18n.Translator(lang)._("upload larger than the limit of {size} MiB").format(
        size=f"{limit / 1024**2:g}")
    return JSONResponse({"error": message}, status_code=413, headers={"Connection": "close"})


def create_app(settings: Optional[ServeSettings] = None) -> Starlette:
    settings = settings or ServeSettings()
    import shutil
    import tempfile
    from concurrent.futures.process import BrokenProcessPool
    from dataclasses import replace

    from ..inputs import ARCHIVE_SUFFIX, expand
    from .uploads import TooLarge, UploadError, receive

    def replaced(pool: "_Pool") -> "_Pool":
        """A new pool for one whose process overran its budget (in C code, where the alarm
        cannot reach) or died; the old process is killed."""
        _kill(pool)
        fresh = _Pool(settings)
        pools[pools.index(pool)] = fresh
        return fresh

    pools = [_Pool(settings) for _ in range(settings.workers)]
    idle: asyncio.Queue = asyncio.Queue()  # the pools free to take a document
    for pool in pools:
        idle.put_nowait(pool)
    places = settings.workers * 4  # requests checked or waiting for a process
    gate = asyncio.Semaphore(places)
    admitted_now = [0]  # requests holding a place
    starting = [0]  # worker processes started in place of killed ones, loading the rules
    grace = min(GRACE, settings.timeout)  # past the budget, before a stuck process is killed

    @contextlib.asynccontextmanager
    async def admitted(request: Request):
        """A place among the requests being served, and a temporary folder for the request's
        files (removed after it); 503 with Retry-After when every place is taken.  The body is
        read only once admitted."""
        if gate.locked():
            await _drain(request.receive, settings.max_upload, settings.upload_idle)
            raise _ClientError(503, N_("too many documents being checked: try again in a moment"),
                               {"Retry-After": str(RETRY_AFTER), "Connection": "close"})
        async with gate:
            admitted_now[0] += 1
            folder = tempfile.mkdtemp(prefix="ent-lint-upload-")
            try:
                yield folder
            finally:
                admitted_now[0] -= 1
                shutil.rmtree(folder, ignore_errors=True)

    async def uploads_of(request: Request, folder: str):
        try:
            uploads = await receive(request, folder, settings.max_upload, idle=settings.upload_idle)
        except TooLarge:
            await _drain(request.receive, _DRAIN_BOUND, settings.upload_idle)
            raise _ClientError(413, N_("upload larger than the limit of {size} MiB").format(
                size=f"{settings.max_upload / 1024**2:g}"), {"Connection": "close"}) from None
        except UploadError as exc:
            raise _ClientError(exc.status, exc.message, {"Connection": "close"} if exc.status == 408 else None) from None
        return uploads

    def jobs_of(uploads) -> list:
        """The documents of the uploads: each file, each member of a zip (the CLI's limits:
        members, ratio, size, names leading out of the archive), named as the sender named them."""
        from ..inputs import close_archives

        jobs = []
        try:
            for upload in uploads:
                if upload.size == 0:
                    raise _ClientError(400, N_("{name}: file is empty").format(name=upload.name))
                if not upload.name.lower().endswith(ARCHIVE_SUFFIX):
                    jobs.append(_Job(upload.name, upload.path))
                    continue
                for job in expand([upload.path]):
                    name = upload.name + job.name[len(upload.path):] if job.name.startswith(upload.path) else upload.name
                    jobs.append(replace(job, name=name))
        finally:
            close_archives()
        return jobs

    async def on_pool(function, *args):
        """``function(*args)`` in a free worker process, within the document's budget."""
        pool = await idle.get()
        pool.granted.value = 0.0
        try:
            future = asyncio.wrap_future(pool.submit(function, *args))
            overran = await overrun(future, pool)
            if overran is None:
                result = future.result()
        except BrokenProcessPool:
            warm_then_free(replaced(pool))
            raise _ClientError(422, N_("the document made the checking process crash")) from None
        except BaseException:
            idle.put_nowait(pool)
            raise
        if overran is not None:
            future.cancel()  # its process is killed: nothing will come of it
            warm_then_free(replaced(pool))
            raise _ClientError(504, N_("the check took longer than {seconds} s").format(seconds=f"{overran:g}"),
                               seconds=overran)
        idle.put_nowait(pool)
        return result

    async def overrun(future: asyncio.Future, pool: "_Pool") -> Optional[float]:
        """None once ``future`` is done within its budget, or the budget it overran by ``grace``:
        the base, and the seconds the worker was granted for OCR while it ran (:mod:`ent_lint.budget`)."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        while not future.done():
            seconds = settings.timeout + pool.granted.value
            left = started + seconds + grace - loop.time()
            if left <= 0:
                return seconds
            await asyncio.wait({future}, timeout=left)  # then again with what was granted meanwhile
        return None

    def warm_then_free(pool: "_Pool") -> None:
        """A replacement process joins the free ones once it has loaded the rules: the time it
        takes to start is not counted against the next document's timeout."""
        async def warm():
            try:
                await asyncio.wrap_future(pool.submit(_ready))
            except Exception:  # noqa: BLE001  (it died starting: the next document finds out)
                pass
            finally:
                starting[0] -= 1
            idle.put_nowait(pool)

        starting[0] += 1
        asyncio.ensure_future(warm())

    async def check_one(job, details: bool, rules: bool = True):
        """A document's result (a result with its outcome when the process timed out or died)."""
        from ..linter import Outcome, Result

        if job.error:
            return Result(job.name, outcome=Outcome(job.outcome), reason=job.error), None
        try:
            return await on_pool(_check_job, job, details, rules)
        except _ClientError as exc:
            outcome = Outcome.TIMED_OUT if exc.status == 504 else Outcome.WORKER_CRASHED
            reason = timed_out(exc.seconds) if exc.status == 504 else exc.message
            return Result(job.name, outcome=outcome, reason=reason), None

    def use_lang(request: Request) -> None:
        """The request's language: ``?lang=``, else the server's (an unknown one: the server's)."""
        lang = request.query_params.get("lang")
        i18n.use(lang if lang in i18n.LANGUAGES else settings.lang)

    async def lint(request: Request) -> Response:
        use_lang(request)
        fmt = request.query_params.get("format", "json")
        if fmt not in ("json", "sarif"):
            return _error(400, N_("format must be json or sarif"))
        details = request.query_params.get("details") in ("1", "true")
        try:
            async with admitted(request) as folder:
                upload = (await uploads_of(request, folder))[0]
                job = jobs_of([upload])[0] if not upload.name.lower().endswith(ARCHIVE_SUFFIX) else None
                if job is None:
                    raise _ClientError(400, N_("{name}: a zip archive goes to /api/batch").format(name=upload.name))
                result, extra = await check_one(job, details)
        except _ClientError as exc:
            return _error(exc.status, exc.message, exc.headers)
        if result.error:
            return _not_checked(upload.name, result)
        body = _render(fmt, result, settings.lint.rules_dir, i18n.current())
        if details:
            body["details"] = extra
        return JSONResponse(body)

    async def batch(request: Request) -> Response:
        """Several documents (files, zips): one JSON line per document as each is checked, or
        the HTML report of them all (``?format=html``)."""
        use_lang(request)
        lang = i18n.current()
        fmt = request.query_params.get("format", "json-lines")
        if fmt not in ("json-lines", "html"):
            return _error(400, N_("format must be json-lines or html"))
        stack = contextlib.AsyncExitStack()
        try:
            folder = await stack.enter_async_context(admitted(request))
            jobs = jobs_of(await uploads_of(request, folder))
        except _ClientError as exc:
            await stack.aclose()
            return _error(exc.status, exc.message, exc.headers)
        except BaseException:
            await stack.aclose()
            raise
        if fmt == "html":
            try:
                return await html_report(jobs, lang)
            finally:
                await stack.aclose()

        async def lines():
            try:
                yield _line({"type": "start", "total": len(jobs)})
                running: set = set()
                pending = list(enumerate(jobs))
                while pending or running:
                    while pending and len(running) < settings.workers:
                        index, job = pending.pop(0)
                        task = asyncio.ensure_future(check_one(job, True))
                        task.index = index
                        running.add(task)
                    done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                    for task in sorted(done, key=lambda t: t.index):
                        result, extra = task.result()
                        yield _line(_document_entry(task.index, result, extra, settings.lint.rules_dir, lang))
                yield _line({"type": "end"})
            finally:
                await stack.aclose()

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    async def html_report(jobs, lang: str) -> Response:
        import io

        from ..html_report import HtmlReporter
        from ..report import Summary

        from ..engine import discover

        tasks = [asyncio.ensure_future(check_one(job, False)) for job in jobs]
        out = io.StringIO()
        reporter = HtmlReporter(out, rules=discover(settings.lint.rules_dir), lang=lang,
                                rules_dir=settings.lint.rules_dir)
        summary = Summary()
        reporter.start()
        for task in tasks:
            result, _ = await task
            summary.add(result)
            reporter.add(result)
        reporter.finish(summary)
        return Response(out.getvalue(), media_type="text/html; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="ent-lint-report.html"'})

    async def page_image(request: Request) -> Response:
        """A page of an uploaded PDF (or of a PDF in an uploaded zip, ``?member=``) as an image,
        the evidence boxes of ``?box=x0,top,x1,bottom`` (points) framed on it."""
        from ..findings import Box

        use_lang(request)
        try:
            page = int(request.query_params.get("page", "1"))
            boxes = [Box(page, *(float(v) for v in box.split(",")))
                     for box in request.query_params.getlist("box")]
        except (TypeError, ValueError):
            return _error(400, N_("page and box must be numbers: page=7&box=x0,top,x1,bottom"))
        member = request.query_params.get("member")
        try:
            async with admitted(request) as folder:
                jobs = jobs_of((await uploads_of(request, folder))[:1])
                job = next((j for j in jobs if member is None or j.name.split("!", 1)[-1] == member), None)
                if job is None:
                    raise _ClientError(404, N_("no such member in the archive"))
                if job.error:
                    raise _ClientError(422, i18n.reason(job.error))
                image, scale = await on_pool(_page_job, job, page, boxes)
                if image is None:
                    raise _ClientError(422, i18n._("{name}: {reason}").format(name=job.name, reason=i18n.reason(scale)))
        except _ClientError as exc:
            return _error(exc.status, exc.message, exc.headers)
        return Response(image, media_type="image/png", headers={"X-Page-Scale": repr(scale)})

    async def extract(request: Request) -> Response:
        use_lang(request)
        try:
            async with admitted(request) as folder:
                upload = (await uploads_of(request, folder))[0]
                job = jobs_of([upload])[0]
                result, extra = await check_one(job, True, False)
        except _ClientError as exc:
            return _error(exc.status, exc.message, exc.headers)
        if result.error:
            return _not_checked(upload.name, result)
        return JSONResponse(extra["document"])

    async def rules(request: Request) -> Response:
        use_lang(request)
        return JSONResponse(_rules_listing(i18n.current()))

    async def rule(request: Request) -> Response:
        use_lang(request)
        listing = {r["id"]: r for r in _rules_listing(i18n.current())}
        found = listing.get(request.path_params["rule_id"])
        return JSONResponse(found) if found else _error(404, N_("no such rule"))

    async def healthz(request: Request) -> Response:
        """Liveness, and how busy the server is: worker processes busy checking, starting in
        place of killed ones, requests served or waiting."""
        return JSONResponse({"status": "ok", "version": __version__, "workers": settings.workers,
                             "busy": settings.workers - idle.qsize() - starting[0], "starting": starting[0],
                             "requests": admitted_now[0], "places": places})

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    async def index(request: Request) -> Response:
        page = resources.files("ent_lint.web").joinpath("static/index.html").read_text(encoding="utf-8")
        page = page.replace('<html lang="fr">', f'<html lang="{settings.lang}">', 1)  # the page starts in it
        return Response(page, media_type="text/html; charset=utf-8")

    async def favicon(request: Request) -> Response:
        return Response(_favicon(), media_type="image/x-icon", headers={"Cache-Control": "max-age=86400"})

    @contextlib.asynccontextmanager
    async def lifespan(app):
        # start the worker processes (and load the rules in them) before the first upload
        await asyncio.gather(*(asyncio.wrap_future(pool.submit(_ready)) for pool in pools))
        yield
        # every request has finished (uvicorn waits for them): stop the workers, none left behind
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
        for pool in pools:
            for process in list((pool._processes or {}).values()):  # noqa: SLF001
                process.join(timeout=5)
            _kill(pool)

    app = Starlette(routes=[
        Route("/", index),
        Route("/favicon.ico", favicon),
        Route("/healthz", healthz),
        Route("/openapi.json", openapi),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/batch", batch, methods=["POST"]),
        Route("/api/page", page_image, methods=["POST"]),
        Route("/api/extract", extract, methods=["POST"]),
        Route("/api/rules", rules),
        Route("/api/rules/{rule_id}", rule),
        Mount("/static", StaticFiles(packages=[("ent_lint.web", "static")]), name="static"),
    ], lifespan=lifespan)

    return _SecurityHeaders(_DeclaredLimit(app, settings.max_upload, settings.lang, settings.upload_idle))


class _Pool(ProcessPoolExecutor):
    """One worker process (one per pool, so that one stuck or dead is replaced alone), and the
    seconds granted for OCR to the document it checks, in memory it shares with the server."""

    def __init__(self, settings: ServeSettings):
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # not forked: the server runs threads and an event loop
        self.granted = context.RawValue("d", 0.0)
        super().__init__(max_workers=1, initializer=_warm_up, mp_context=context,
                         initargs=(settings.lint, settings.timeout, settings.ocr_page_seconds, self.granted))


def _kill(pool: ProcessPoolExecutor) -> None:
    for process in list((pool._processes or {}).values()):  # the executor has no public kill
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)


def _Job(name: str, path: str):
    from ..inputs import Job

    return Job(name, path)


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


def _document_entry(index: int, result, extra, rules_dir, lang: str) -> dict:
    """One document of a batch: its outcome, counts, findings (as the JSON report gives them),
    its kind, and for a checked one the text lines and the fields in words."""
    from ..fields import kind_name, sections
    from ..report import JsonReporter

    reporter = JsonReporter(None, lang=lang, rules_dir=rules_dir)
    findings = [reporter.rendered(f) for f in result.findings]
    counts = {level: sum(f.severity == level for f in result.findings) for level in ("error", "warning", "info")}
    entry = {"type": "document", "index": index, "name": result.name, "outcome": result.outcome.value,
             "error": i18n.reason(result.error, lang) if result.error else None,
             "kind": result.kind, "kind_name": kind_name(result.kind, lang) if result.kind else None,
             "pages": result.pages, "counts": counts, "findings": findings}
    if extra is not None:
        entry["lines"] = extra["lines"]
        entry["fields"] = sections(extra["document"], lang)
    return entry


_FAVICON: list = []


def _favicon() -> bytes:
    """The page's icon: a check mark on the header's blue, drawn once."""
    if not _FAVICON:
        import io

        from PIL import Image, ImageDraw

        image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((2, 2, 61, 61), radius=12, fill=(36, 59, 83, 255))
        draw.line([(16, 33), (28, 45), (49, 20)], fill=(255, 255, 255, 255), width=8, joint="curve")
        out = io.BytesIO()
        image.save(out, format="ICO", sizes=[(16, 16), (32, 32), (64, 64)])
        _FAVICON.append(out.getvalue())
    return _FAVICON[0]


class _ClientError(Exception):
    def __init__(self, status: int, message: str, headers: Optional[dict] = None, seconds: float = 0.0):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.seconds = seconds  # a 504's: the budget overran


def _error(status: int, message: str, headers: Optional[dict] = None) -> JSONResponse:
    """An error answer, its message in the request's language."""
    return JSONResponse({"error": i18n.reason(message)}, status_code=status, headers=headers)


_STATUS = {"too-large": 413, "unsupported-type": 415, "timed-out": 504}


def _not_checked(name: str, result) -> JSONResponse:
    """A document the linter did not check: the status its outcome calls for, and the reason."""
    message = i18n._("{name}: {reason}").format(name=name, reason=i18n.reason(result.error, detail=result.detail))
    return JSONResponse({"error": message, "outcome": result.outcome.value},
                        status_code=_STATUS.get(result.outcome.value, 422))


def _render(fmt: str, result, rules_dir=(), lang: str = i18n.DEFAULT) -> dict:
    """The CLI's JSON (or SARIF) for one document, through the CLI's own reporters."""
    import io

    from ..report import Summary, reporter

    rules = None
    if fmt == "sarif":
        from ..engine import discover

        rules = discover(rules_dir)
    out = io.StringIO()
    summary = Summary()
    summary.add(result)
    summary.seconds = result.seconds
    report = reporter(fmt, out, rules=rules, lang=lang, rules_dir=rules_dir)
    report.start()
    report.add(result)
    report.finish(summary)
    return json.loads(out.getvalue())


_RULES_CACHE: dict[str, list] = {}


def _rules_listing(lang: str) -> list[dict]:
    """Every rule's identity and documentation, in ``lang`` (each language built once)."""
    if lang not in _RULES_CACHE:
        from ..engine import discover

        _RULES_CACHE[lang] = [
            {**cls.describe(), "summary": i18n.summary(cls, lang), "source": i18n.source(cls, lang),
             "documentation": i18n.documentation(cls, lang)}
            for cls in sorted(discover().values(), key=lambda c: (c.family, c.id))]
    return _RULES_CACHE[lang]


_UPLOAD = {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "a .pdf, .txt or .md document"}}}}}}
_ERROR = {"description": "error", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"error": {"type": "string"}}}}}}
OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "ent-lint", "version": __version__,
             "description": "Checks French council deliberations, minutes and annexed conventions."},
    "paths": {
        "/api/lint": {"post": {
            "summary": "Check a document",
            "parameters": [
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "sarif"]},
                 "description": "json (the CLI's --format json) or sarif"},
                {"name": "details", "in": "query", "schema": {"type": "boolean"},
                 "description": "add the extracted text lines and fields"}],
            "requestBody": _UPLOAD,
            "responses": {"200": {"description": "the report, as `ent-lint --format json` prints it"},
                          "400": _ERROR, "408": _ERROR, "413": _ERROR, "415": _ERROR, "422": _ERROR, "503": _ERROR,
                          "504": _ERROR}}},
        "/api/batch": {"post": {
            "summary": "Check several documents (files and zip archives, field `file` repeated)",
            "parameters": [
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json-lines", "html"]},
                 "description": "json-lines: one line per document as each is checked (start, document..., end); "
                                "html: the report of `ent-lint --format html`"}],
            "requestBody": _UPLOAD,
            "responses": {"200": {"description": "the documents' results, or the HTML report"},
                          "400": _ERROR, "413": _ERROR, "415": _ERROR, "503": _ERROR}}},
        "/api/page": {"post": {
            "summary": "A page of an uploaded PDF as a PNG image, evidence boxes framed",
            "parameters": [
                {"name": "page", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 1}},
                {"name": "box", "in": "query", "schema": {"type": "string"},
                 "description": "x0,top,x1,bottom in PDF points from the page's top-left corner (a finding's box); "
                                "repeatable"},
                {"name": "member", "in": "query", "schema": {"type": "string"},
                 "description": "the PDF's name inside an uploaded zip archive"}],
            "requestBody": _UPLOAD,
            "responses": {"200": {"description": "the page (header X-Page-Scale: pixels per point)",
                                  "content": {"image/png": {}}},
                          "400": _ERROR, "404": _ERROR, "413": _ERROR, "422": _ERROR, "503": _ERROR, "504": _ERROR}}},
        "/api/extract": {"post": {
            "summary": "The fields read from a document, as `ent-lint extract` prints them",
            "requestBody": _UPLOAD,
            "responses": {"200": {"description": "the extracted document"},
                          "400": _ERROR, "408": _ERROR, "413": _ERROR, "415": _ERROR, "422": _ERROR, "503": _ERROR,
                          "504": _ERROR}}},
        "/api/rules": {"get": {"summary": "The rules", "responses": {"200": {"description": "every rule"}}}},
        "/api/rules/{rule_id}": {"get": {
            "summary": "One rule's documentation",
            "parameters": [{"name": "rule_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the rule"}, "404": _ERROR}}},
        "/healthz": {"get": {"summary": "Liveness, worker processes busy, requests served or waiting",
                             "responses": {"200": {"description": "ok"}}}},
    },
}
