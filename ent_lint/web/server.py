"""Serving the application with uvicorn, and the bounds on slow clients that uvicorn lacks.

uvicorn bounds an idle connection between two requests (``timeout_keep_alive``, 5 s), a
request's line and headers (``h11_max_incomplete_event_size``, 16 KiB: past it, a 400 and one
log line) and the connections the kernel holds before they are accepted (``backlog``, 2048).
Its ``limit_concurrency`` is left unset: it counts open connections, slow ones included, and
answers the next complete request 503, so slow clients would turn the normal requests away;
the application's own places answer 503 with Retry-After instead.

uvicorn has no bound on the time a client takes to send its request line and headers (its
issue 157, "timeout-request-start", open since 2018): a client that connects and sends nothing,
or half a request line a byte at a time, keeps a file descriptor for good, and 1,100 of them
exhausted the server's descriptors (then asyncio's accept loop logged 51 MB of tracebacks in
12 s).  :class:`Protocol`, uvicorn's own h11 protocol given to it as its ``http`` class, adds
the two bounds: a request's line and headers must have arrived HEADER_TIMEOUT seconds after the
connection was made (or after the previous response), else the connection is closed (with a
408 when part of a request came); and at most :func:`max_connections` connections are open at
once, the next ones answered 503 with Retry-After and closed at once.  Each refusal is one
line in the log.  The body of an admitted request has its own bound (the upload's idle time,
:mod:`.uploads`).

asyncio accepts a burst of waiting connections (up to the backlog, 2,048) before any of them
reaches the protocol, so a burst can still run out of descriptors: asyncio then stops accepting
for a second, but logs the error with its traceback for each connection left in the burst (the
51 MB); here it is one line a second at most.  The server raises its own soft limit of
descriptors to the hard one (as Go's runtime does), so that a burst rarely meets it.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import sys
from typing import Optional

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import RETRY_AFTER

HEADER_TIMEOUT = 10.0  # seconds to send a request's line and headers
MAX_CONNECTIONS = 1000  # connections open at once, at most
FILES_KEPT = 100  # descriptors the server needs besides its connections, and...
FILES_PER_WORKER = 10  # ...for each worker process (pipes, an upload being written)
LINGER = 1.0  # seconds what a client still sends after its 408 is read and dropped

_BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: %d\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
         % RETRY_AFTER)
_TOO_SLOW = b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


def max_connections(workers: int, wanted: int = MAX_CONNECTIONS) -> int:
    """Connections open at once, at most: ``wanted``, fewer when this process may open fewer
    files (``ulimit -n``) than it needs for them and for itself."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return wanted
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - FILES_KEPT - FILES_PER_WORKER * workers))


def protocol(header_timeout: float = HEADER_TIMEOUT, connections: int = MAX_CONNECTIONS) -> type:
    """uvicorn's h11 protocol with these bounds."""
    return type("Protocol", (Protocol,), {"header_timeout": header_timeout, "max_connections": connections})


class Protocol(H11Protocol):
    """One connection: uvicorn's, closed when its request's line and headers are slower than
    ``header_timeout``, refused when ``max_connections`` are open already."""

    header_timeout = HEADER_TIMEOUT
    max_connections = MAX_CONNECTIONS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self.header_timer: Optional[asyncio.TimerHandle] = None
        self.lingering = False
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self.logger.warning("%s: connection refused (503): %d connections open, the most", self._peer(),
                                self.max_connections)
            transport.write(_BUSY)
            transport.close()
            return
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self.lingering:  # answered 408 already: dropped
            return
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the request's line and headers are in
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:  # waits for the next request
            self._arm()

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self.header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _too_slow(self) -> None:
        self.header_timer = None
        if self.transport.is_closing():
            return
        started = bool(self.conn.trailing_data[0])  # part of a request line or headers came
        self.logger.warning("%s: connection closed%s: no complete request line and headers within %g s",
                            self._peer(), " (408)" if started else "", self.header_timeout)
        if not started:
            self.transport.close()
            return
        # the answer and the end of the stream, then what the client still sends is read and
        # dropped a moment: closed at once, the connection would be reset by those bytes and the
        # client could lose the 408 before reading it
        self.transport.write(_TOO_SLOW)
        self.transport.write_eof()
        self.lingering = True
        self.loop.call_later(LINGER, self.transport.close)

    def _peer(self) -> str:
        return "%s:%d" % self.client[:2] if self.client else "a client"


def _raise_file_limit() -> None:
    """The soft limit of open files raised to the hard one (``ulimit -n`` is often 1,024)."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or soft < hard):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ImportError, OSError, ValueError):
        pass


_OUT_OF_FILES = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)


class _LoopErrors:
    """asyncio's accept loop out of descriptors: one line a second at most (it waits a second
    and goes on); any other error as asyncio logs it."""

    def __init__(self):
        self.logged = float("-inf")

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict) -> None:
        error = context.get("exception")
        if isinstance(error, OSError) and error.errno in _OUT_OF_FILES and "accept" in context.get("message", ""):
            if loop.time() - self.logged >= 1.0:
                self.logged = loop.time()
                logging.getLogger("uvicorn.error").warning("new connections wait 1 s: %s", error.strerror)
            return
        loop.default_exception_handler(context)


def run(app, *, host: str, port: int, workers: int, shutdown_seconds: float,
        header_timeout: float = HEADER_TIMEOUT, connections: int = MAX_CONNECTIONS) -> None:
    """Serve ``app`` until SIGTERM or SIGINT; the requests in flight have ``shutdown_seconds`` to
    answer; a request's line and headers have ``header_timeout`` seconds to come, and at most
    ``connections`` are open at once."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            asyncio.get_running_loop().set_exception_handler(_LoopErrors())
            await super().startup(sockets)

    _raise_file_limit()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False,
                            timeout_graceful_shutdown=int(shutdown_seconds),
                            http=protocol(header_timeout, max_connections(workers, connections)))
    server = Server(config)
    server.run()
    if not server.started:
        sys.exit(3)  # uvicorn's exit status when it cannot start
