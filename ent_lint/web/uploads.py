"""Uploads streamed to disk: a multipart body parsed as it arrives, each file part written to a
temporary folder of the request, the size cap enforced while streaming.

Nothing of a document is held in the server's memory but the chunk being written; the worker
process that checks a document reads it from its file.  The folder is removed after the request.
"""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass
from typing import Optional

from python_multipart import MultipartParser
from python_multipart.multipart import parse_options_header

from ..i18n import N_

#: file parts in one request, at most (a zip holds more documents: its members are counted apart)
MAX_FILES = 1000
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")


class UploadError(Exception):
    """A request whose body cannot be taken: its HTTP status and a message (a catalogue msgid)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Upload:
    """One uploaded file: the name its sender gave it and where it was written."""

    name: str
    path: str
    size: int = 0


def _safe_name(filename: str, index: int) -> str:
    """The base name a sender gave, without folders or control characters."""
    name = _UNSAFE.sub("_", os.path.basename(filename.replace("\\", "/"))).strip()
    return name or f"document-{index}"


async def receive(request, directory: str, limit: int, field: str = "file", idle: float = 30.0) -> list[Upload]:
    """The files of a multipart request's ``field`` parts, written into ``directory`` as the body
    streams in; an :class:`UploadError` for a body that is not multipart, over ``limit`` bytes,
    with too many files, or that stops coming for ``idle`` seconds (a client that holds its
    place without sending: 408)."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise UploadError(415, N_("send the document as multipart/form-data in a field named 'file'"))
    uploads: list[Upload] = []
    state = {"headers": {}, "field": b"", "value": b"", "handle": None}

    def on_part_begin():
        state["headers"] = {}

    def on_header_field(data, start, end):
        state["field"] += data[start:end]

    def on_header_value(data, start, end):
        state["value"] += data[start:end]

    def on_header_end():
        state["headers"][state["field"].decode("latin-1").lower()] = state["value"]
        state["field"], state["value"] = b"", b""

    def on_headers_finished():
        _, disposition = parse_options_header(state["headers"].get("content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        filename = disposition.get(b"filename")
        if name != field or filename is None:
            return  # another field: its value is not kept
        if len(uploads) >= MAX_FILES:
            raise UploadError(413, N_("too many files in one request (at most {n})").format(n=MAX_FILES))
        index = len(uploads)
        shown = _safe_name(filename.decode("utf-8", "replace"), index)
        path = os.path.join(directory, f"{index}{os.path.splitext(shown)[1].lower()[:16]}")
        uploads.append(Upload(shown, path))
        state["handle"] = open(path, "xb")

    def on_part_data(data, start, end):
        if state["handle"] is not None:
            state["handle"].write(data[start:end])
            uploads[-1].size += end - start

    def on_part_end():
        if state["handle"] is not None:
            state["handle"].close()
            state["handle"] = None

    parser = MultipartParser(boundary, {
        "on_part_begin": on_part_begin, "on_header_field": on_header_field, "on_header_value": on_header_value,
        "on_header_end": on_header_end, "on_headers_finished": on_headers_finished,
        "on_part_data": on_part_data, "on_part_end": on_part_end})
    seen = 0
    chunks = request.stream().__aiter__()
    try:
        while True:
            try:
                chunk = await asyncio.wait_for(chunks.__anext__(), idle)
            except StopAsyncIteration:
                break
            except asyncio.TimeoutError:
                raise UploadError(408, N_("the upload stopped for {seconds} s: given up").format(
                    seconds=f"{idle:g}")) from None
            seen += len(chunk)
            if seen > limit:
                raise TooLarge(limit)
            parser.write(chunk)
        parser.finalize()
    except (UploadError, TooLarge):
        raise
    except Exception as exc:  # python-multipart's errors: a malformed body
        raise UploadError(400, N_("malformed multipart body ({error})").format(error=exc.__class__.__name__)) from None
    finally:
        if state["handle"] is not None:
            state["handle"].close()
    if not uploads:
        raise UploadError(400, N_("no file: send the document in a field named 'file'"))
    return uploads


class TooLarge(Exception):
    """The body went past the limit while streaming."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def first_empty(uploads: list[Upload]) -> Optional[Upload]:
    return next((u for u in uploads if u.size == 0), None)
