"""``ent-lint serve``: the same checks over HTTP, and a page to drop a document on.

An ASGI application (Starlette, served by uvicorn).  Each upload is held in memory (or in the
temporary file Starlette spools large parts to, deleted after the request), checked in a worker
process with the request timeout, and forgotten: nothing is stored, no outbound call is made.
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
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__, i18n
from ..batch import GRACE
from ..config import Settings
from ..i18n import N_

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
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
    max_upload: int = 20 * 1024 * 1024  # bytes
    timeout: float = 60.0  # seconds per request
    workers: int = max(1, os.cpu_count() or 1)  # documents checked at once
    #: the project's configuration (``[tool.ent-lint]``), as the command line would find it
    lint: Settings = field(default_factory=Settings)
    #: the page's language before the reader switches it; the API's when no ``?lang=`` is given
    lang: str = i18n.DEFAULT


# --- work done in the pool's processes ----------------------------------------------------------

_LINTERS: dict = {}


def _check_job(name: str, data: bytes, details: bool, rules: bool = True):
    """One upload through the one :class:`~ent_lint.linter.Linter` (timeout included); the
    result, and the text lines and fields when asked for.  ``rules=False``: read only."""
    result = _LINTERS["default"].check(name, data, keep=details, rules=rules)
    extra = _details(result.source, result.document) if details and result.error is None else None
    result.source = result.document = None  # not sent back through the pool's pipe
    return result, extra


def _details(source, document) -> dict:
    """The extracted text (for highlighting) and fields (for the summary) of a document."""
    from ..api import plain

    return {"lines": [{"page": line.page, "line": line.number, "text": line.raw, "ocr": line.ocr}
                      for line in source.lines],
            "document": plain(document)}


def _ready() -> bool:
    return "default" in _LINTERS


def _warm_up(settings: Settings, timeout: float) -> None:
    """Load the parser and the project's rules in each pool process before the first request."""
    from ..batch import WORKER_MEMORY, _limit_memory
    from ..linter import Linter

    _limit_memory(WORKER_MEMORY)
    linter = Linter(settings, timeout=timeout, ocr_threads=1)
    linter.checker  # noqa: B018
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


class _BodyLimit:
    """ASGI middleware: a request body over the limit is answered 413 without being kept.

    A declared Content-Length over the limit is refused without reading the body into memory;
    otherwise the body is read (in memory, at most the limit) before the application sees it.
    Before a 413, what the client is still sending is read and dropped, up to a bound, so that a
    client that sends its whole body before reading the answer reads the 413 instead of a broken
    pipe; past the bound the connection is closed."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _drain(receive, self.limit + _DRAIN_BOUND)
            return await _too_large(self.limit)(scope, receive, send)
        chunks, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            seen += len(message.get("body", b""))
            if seen > self.limit:
                if message.get("more_body"):
                    await _drain(receive, _DRAIN_BOUND)
                return await _too_large(self.limit)(scope, receive, send)
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


#: how much of an oversized body is read and dropped before the 413 (beyond it, the connection closes)
_DRAIN_BOUND = 64 * 1024 * 1024


async def _drain(receive, bound: int) -> None:
    """Read and drop the rest of a request body, up to ``bound`` bytes."""
    seen = 0
    while seen <= bound:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body"):
            return


def _too_large(limit: int) -> Response:
    return JSONResponse({"error": f"upload larger than the limit of {limit} bytes"}, status_code=413,
                        headers={"Connection": "close"})


def create_app(settings: Optional[ServeSettings] = None) -> Starlette:
    settings = settings or ServeSettings()
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        # one process per pool, so that one stuck or dead is replaced alone; spawned, not forked:
        # the server runs threads and an event loop
        return ProcessPoolExecutor(max_workers=1, initializer=_warm_up,
                                   initargs=(settings.lint, settings.timeout),
                                   mp_context=multiprocessing.get_context("spawn"))

    def replaced(pool: ProcessPoolExecutor) -> ProcessPoolExecutor:
        """A new pool for one whose process overran the timeout (in C code, where the alarm
        cannot reach) or died; the old process is killed."""
        for process in list((pool._processes or {}).values()):  # the executor has no public kill
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        fresh = new_pool()
        pools[pools.index(pool)] = fresh
        return fresh

    pools = [new_pool() for _ in range(settings.workers)]
    idle: asyncio.Queue = asyncio.Queue()  # the pools free to take a document
    for pool in pools:
        idle.put_nowait(pool)
    gate = asyncio.Semaphore(settings.workers * 4)  # requests checked or waiting for a process
    grace = min(GRACE, settings.timeout)  # past the timeout, before a stuck process is killed

    async def read_upload(request: Request) -> tuple[str, bytes]:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/form-data"):
            raise _ClientError(415, N_("send the document as multipart/form-data in a field named 'file'"))
        form = await request.form(max_files=1, max_fields=8)
        try:
            upload = form.get("file")
            if upload is None or not hasattr(upload, "read"):
                raise _ClientError(400, N_("no file: send the document in a field named 'file'"))
            data = await upload.read()
            name = os.path.basename(upload.filename or "document")
        finally:
            await form.close()
        if not data:
            raise _ClientError(400, N_("{name}: file is empty").format(name=name))
        return name, data

    async def run(function, *args):
        if gate.locked():
            raise _ClientError(503, N_("too many documents being checked: try again in a moment"))
        async with gate:
            pool = await idle.get()
            try:
                future = pool.submit(function, *args)
                return await asyncio.wait_for(asyncio.wrap_future(future), settings.timeout + grace)
            except asyncio.TimeoutError:
                pool = replaced(pool)
                raise _ClientError(504, N_("the check took longer than {seconds} s").format(
                    seconds=f"{settings.timeout:g}")) from None
            except BrokenProcessPool:
                pool = replaced(pool)
                raise _ClientError(422, N_("the document made the checking process crash")) from None
            finally:
                idle.put_nowait(pool)

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
            name, data = await read_upload(request)
            result, extra = await run(_check_job, name, data, details)
        except _ClientError as exc:
            return _error(exc.status, exc.message)
        if result.error:
            return _not_checked(name, result)
        body = _render(fmt, result, settings.lint.rules_dir, i18n.current())
        if details:
            body["details"] = extra
        return JSONResponse(body)

    async def extract(request: Request) -> Response:
        use_lang(request)
        try:
            name, data = await read_upload(request)
            result, extra = await run(_check_job, name, data, True, False)
        except _ClientError as exc:
            return _error(exc.status, exc.message)
        if result.error:
            return _not_checked(name, result)
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
        return JSONResponse({"status": "ok", "version": __version__})

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    async def index(request: Request) -> Response:
        page = resources.files("ent_lint.web").joinpath("static/index.html").read_text(encoding="utf-8")
        page = page.replace('<html lang="fr">', f'<html lang="{settings.lang}">', 1)  # the page starts in it
        return Response(page, media_type="text/html; charset=utf-8")

    @contextlib.asynccontextmanager
    async def lifespan(app):
        # start the worker processes (and load the rules in them) before the first upload
        await asyncio.gather(*(asyncio.wrap_future(pool.submit(_ready)) for pool in pools))
        yield
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)

    app = Starlette(routes=[
        Route("/", index),
        Route("/healthz", healthz),
        Route("/openapi.json", openapi),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/extract", extract, methods=["POST"]),
        Route("/api/rules", rules),
        Route("/api/rules/{rule_id}", rule),
        Mount("/static", StaticFiles(packages=[("ent_lint.web", "static")]), name="static"),
    ], lifespan=lifespan)

    return _SecurityHeaders(_BodyLimit(app, settings.max_upload))


class _ClientError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str) -> JSONResponse:
    """An error answer, its message in the request's language."""
    return JSONResponse({"error": i18n.reason(message)}, status_code=status)


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
                          "400": _ERROR, "413": _ERROR, "415": _ERROR, "422": _ERROR, "504": _ERROR}}},
        "/api/extract": {"post": {
            "summary": "The fields read from a document, as `ent-lint extract` prints them",
            "requestBody": _UPLOAD,
            "responses": {"200": {"description": "the extracted document"},
                          "400": _ERROR, "413": _ERROR, "415": _ERROR, "422": _ERROR, "504": _ERROR}}},
        "/api/rules": {"get": {"summary": "The rules", "responses": {"200": {"description": "every rule"}}}},
        "/api/rules/{rule_id}": {"get": {
            "summary": "One rule's documentation",
            "parameters": [{"name": "rule_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the rule"}, "404": _ERROR}}},
        "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}},
    },
}
