"""What the command line was given, turned into documents to check.

Files, folders (walked recursively), glob patterns and ``.zip`` archives.  An archive is read in
place: its members are named ``archive.zip!dir/file.pdf`` and read into memory one at a time,
nothing is extracted to disk.  Archives are bounded (member count, total uncompressed size,
compression ratio) and a member whose name would leave the archive (``../x``, ``/etc/x``) is
reported, never read.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .errors import InputError
from .readers import TEXT_SUFFIXES

DOCUMENT_SUFFIXES = TEXT_SUFFIXES | {".pdf"}
ARCHIVE_SUFFIX = ".zip"
MAX_MEMBERS = 100_000
MAX_TOTAL_BYTES = 4 * 1024**3  # uncompressed, for one archive
MAX_MEMBER_BYTES = 512 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, for one member (zip bombs)
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Job:
    """One document to check: a file, or a member of an archive."""

    name: str  # as shown in reports: "docs/a.pdf" or "archive.zip!dir/a.pdf"
    path: str  # the file on disk (the archive, for a member)
    member: Optional[str] = None
    error: Optional[str] = None  # known before reading: the job becomes an error entry
    outcome: str = "unreadable"  # what that error is (too-large for a member too big to open)


def expand(arguments: Iterable[str]) -> Iterator[Job]:
    """Jobs for the command line's arguments, in a stable order (sorted within each argument)."""
    for argument in arguments:
        if not os.path.exists(argument) and _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                yield Job(argument, argument, error="no file matches this pattern")
            for match in matches:
                yield from _expand_path(match, explicit=False)
        else:
            yield from _expand_path(argument, explicit=True)


def _expand_path(path: str, *, explicit: bool) -> Iterator[Job]:
    if os.path.isdir(path):
        found = sorted(os.path.join(root, name) for root, _, files in os.walk(path)
                       for name in files if _wanted(name))
        for file in found:
            yield from _expand_path(file, explicit=False)
        if explicit and not found:
            yield Job(path, path, error="is a directory with no .pdf, .txt, .md or .zip file in it")
    elif path.lower().endswith(ARCHIVE_SUFFIX):
        yield from _members(path)
    elif explicit or _wanted(path):
        yield Job(path, path)


def _wanted(name: str) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return suffix in DOCUMENT_SUFFIXES or suffix == ARCHIVE_SUFFIX


def _members(path: str) -> Iterator[Job]:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except FileNotFoundError:
        yield Job(path, path, error="no such file")
        return
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Job(path, path, error=f"corrupt or unreadable zip archive ({exc})")
        return
    if len(infos) > MAX_MEMBERS:
        yield Job(path, path, error=f"zip archive has {len(infos)} members, more than {MAX_MEMBERS}")
        return
    total = 0
    for info in sorted(infos, key=lambda i: i.filename):
        name = f"{path}!{info.filename}"
        if info.is_dir():
            continue
        problem = _unsafe(info.filename)
        if problem:
            yield Job(name, path, info.filename, error=problem)
            continue
        if not _wanted(info.filename):
            continue
        if info.filename.lower().endswith(ARCHIVE_SUFFIX):
            yield Job(name, path, info.filename, error="archive inside an archive: not read")
            continue
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            yield Job(name, path, info.filename,
                      error=f"zip archive expands to more than {MAX_TOTAL_BYTES // 1024**3} GiB: not read",
                      outcome="too-large")
            continue
        if info.file_size > MAX_MEMBER_BYTES:
            yield Job(name, path, info.filename,
                      error=f"member expands to {info.file_size} bytes, more than {MAX_MEMBER_BYTES}",
                      outcome="too-large")
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            yield Job(name, path, info.filename,
                      error=f"compression ratio above {MAX_RATIO}:1 (a zip bomb?): not read",
                      outcome="too-large")
            continue
        yield Job(name, path, info.filename)


def _unsafe(member: str) -> Optional[str]:
    normalised = member.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return "absolute member name in a zip archive: not read"
    if ".." in normalised.split("/"):
        return "member name leads outside the zip archive ('..'): not read"
    return None


def load(job: Job) -> bytes:
    """The bytes of a job's document; :class:`InputError` when they cannot be had."""
    if job.error:
        raise InputError(job.name, job.error, job.outcome)
    if job.member is None:
        from .readers import load as load_file

        return load_file(job.path)
    import zipfile

    try:
        with zipfile.ZipFile(job.path) as archive, archive.open(job.member) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)  # the header's size may lie
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, RuntimeError) as exc:
        # RuntimeError: an encrypted member
        raise InputError(job.name, f"zip member cannot be read ({exc})") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise InputError(job.name, f"member expands to more than {MAX_MEMBER_BYTES} bytes: not read", "too-large")
    return data
