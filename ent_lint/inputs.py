"""What the command line was given, turned into documents to check.

Files, folders (walked recursively), glob patterns and ``.zip`` archives.  An archive is read in
place: its members are named ``archive.zip!dir/file.pdf`` and read into memory one at a time,
nothing is extracted to disk.  Archives are bounded (member count, total uncompressed size,
compression ratio) and a member whose name would leave the archive (``../x``, ``/etc/x``) is
reported, never read.

In folders, glob matches and archives, files that are not council documents are skipped: an
unsupported type (``.docx``), or a path an exclusion glob matches (README-like files and the
tool's own outputs by default, ``--exclude``/``--extend-exclude``).  A file named on the command
line is always read.  Each skipped file is reported to ``skipped`` with the reason.
"""

from __future__ import annotations

import fnmatch
import glob
import io
import os
import re
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Iterable, Iterator, Optional

from .errors import InputError
from .i18n import N_
from .readers import TEXT_SUFFIXES, unsupported

DOCUMENT_SUFFIXES = TEXT_SUFFIXES | {".pdf"}
ARCHIVE_SUFFIX = ".zip"
MAX_MEMBERS = 100_000
MAX_TOTAL_BYTES = 4 * 1024**3  # uncompressed, for one archive
MAX_MEMBER_BYTES = 150 * 1024**2  # as much as an @actes envelope may carry in all
MAX_RATIO = 200  # uncompressed / compressed, for one member (zip bombs)
_GLOB_CHARS = set("*?[")
STDIN = "-"
#: what a folder holds that is not a council document: a project's own notes, version-control
#: and tool folders, and what ent-lint writes (reports, baselines, -o's temporary file)
DEFAULT_EXCLUDE = (
    "README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "NEWS*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*",
    "AUTHORS*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*",
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__", "site-packages",
    "*.egg-info", ".pytest_cache", ".mypy_cache", ".ruff_cache",
    "*.sarif", "*.sarif.json", "ent-lint-report*", "ent-lint-baseline*", ".ent-lint-*.tmp",
)


@dataclass(frozen=True)
class Job:
    """One document to check: a file, or a member of an archive."""

    name: str  # as shown in reports: "docs/a.pdf" or "archive.zip!dir/a.pdf"
    path: str  # the file on disk (the archive, for a member)
    member: Optional[str] = None
    error: Optional[str] = None  # known before reading: the job becomes an error entry
    outcome: str = "unreadable"  # what that error is (too-large for a member too big to open)
    data: Optional[bytes] = None  # the document itself, read from standard input
    detail: Optional[str] = None  # the system's words on that error (English)


def excluded(path: str, patterns: Iterable[str], relative: Optional[str] = None) -> Optional[str]:
    """The first glob of ``patterns`` that matches ``path``: a glob with a slash matches the end
    of the path (``archives/2019/*.pdf``); one without matches any name of ``relative`` (the
    path below the folder being walked; ``path`` itself when not given): ``README*`` a file,
    ``.git`` a folder on the way."""
    full = PurePath(os.path.normpath(path).replace("\\", "/"))
    names = PurePath(os.path.normpath(relative if relative is not None else path).replace("\\", "/")).parts
    patterns = tuple(patterns)
    any_name, with_slash = _globs(patterns)
    if not any(any_name.match(name) for name in names):  # the usual case, in one expression
        patterns = with_slash
    for pattern in patterns:
        glob_ = pattern.rstrip("/")
        if "/" in glob_:
            if full.match(glob_):
                return pattern
        elif any(fnmatch.fnmatchcase(name, glob_) for name in names):
            return pattern
    return None


@lru_cache(maxsize=16)
def _globs(patterns: tuple[str, ...]) -> tuple["re.Pattern", tuple[str, ...]]:
    """The globs without a slash as one expression that matches a name when one of them does
    (a folder's every file is tried against them all: one expression, not one glob after the
    other), and the globs with a slash."""
    names = [pattern.rstrip("/") for pattern in patterns if "/" not in pattern.rstrip("/")]
    any_name = re.compile("|".join(fnmatch.translate(glob_) for glob_ in names) or "(?!)")
    return any_name, tuple(pattern for pattern in patterns if "/" in pattern.rstrip("/"))


class _Walk:
    """One expansion: the exclusion globs and where skipped files are reported."""

    def __init__(self, exclude: Iterable[str], skipped: Optional[list]):
        self.exclude = tuple(exclude)
        self.skipped = skipped if skipped is not None else []

    def skip(self, name: str, reason: str) -> None:
        self.skipped.append((name, reason))

    def wanted(self, name: str, member: str, relative: Optional[str] = None) -> bool:
        """Whether a file met in a folder, a pattern or an archive is read (else it is skipped)."""
        pattern = excluded(member, self.exclude, relative)
        if pattern:
            self.skip(name, N_("excluded by the glob {pattern}").format(pattern=pattern))
            return False
        if not _wanted(member):
            self.skip(name, unsupported(os.path.splitext(member)[1]))
            return False
        return True


def expand(arguments: Iterable[str], *, exclude: Iterable[str] = DEFAULT_EXCLUDE,
           skipped: Optional[list] = None, stdin: Optional[bytes] = None, stdin_name: str = STDIN) -> Iterator[Job]:
    """Jobs for the command line's arguments, in a stable order (sorted within each argument).

    ``-`` is the document given on standard input (``stdin``, named ``stdin_name``); files met in
    folders, patterns and archives that ``exclude`` matches, or of another type, are skipped and
    reported to ``skipped`` as (name, reason) pairs."""
    walk = _Walk(exclude, skipped)
    for argument in arguments:
        if argument == STDIN and stdin is not None:
            yield Job(stdin_name, STDIN, data=stdin)
        elif not os.path.exists(argument) and _GLOB_CHARS & set(argument):
            matches = _glob(argument)
            if not matches:
                yield Job(argument, argument, error=N_("no file matches this pattern"))
            for match in matches:
                yield from _expand_path(match, walk, explicit=False)
        else:
            yield from _expand_path(argument, walk, explicit=True)


def _glob(pattern: str) -> list[str]:
    """The paths a pattern matches, sorted, without following a directory symlink that leads out
    of the pattern's fixed folder (``docs`` in ``docs/**/*.pdf``) or loops: ``**`` goes through
    pathlib, which does not descend into symlinked folders, where glob.glob would loop."""
    path = Path(pattern)
    parts = path.parts[1:] if path.anchor else path.parts
    fixed = 0
    while fixed < len(parts) - 1 and not _GLOB_CHARS & set(parts[fixed]):
        fixed += 1
    base = Path(path.anchor, *parts[:fixed])
    if "**" in pattern:
        matches = [str(p) for p in base.glob("/".join(parts[fixed:]))]
    else:
        matches = glob.glob(pattern)
    inside = os.path.realpath(base)
    return sorted(m for m in matches
                  if os.path.commonpath([inside, os.path.realpath(os.path.dirname(m) or ".")]) == inside)


def _expand_path(path: str, walk: _Walk, *, explicit: bool, wanted: bool = False) -> Iterator[Job]:
    """The jobs of a path; ``wanted``: a file of a folder, already found wanted (its every name
    was tried against the globs, its own name too)."""
    if os.path.isdir(path):  # os.walk follows no directory symlink: no loop, nothing outside
        if not explicit and (os.path.islink(path) or excluded(path, walk.exclude)):
            return  # a pattern's match that is a symlinked or excluded folder: not followed either
        found = []
        for root, folders, files in os.walk(path):
            folders[:] = [f for f in folders if not excluded(os.path.join(root, f), walk.exclude, f)]  # .git...
            for name in files:
                file = os.path.join(root, name)
                if walk.wanted(file, file, os.path.relpath(file, path)):
                    found.append(file)
        for file in sorted(found):
            yield from _expand_path(file, walk, explicit=False, wanted=True)
        if explicit and not found:
            yield Job(path, path, error=N_("is a directory with no .pdf, .txt, .md or .zip file in it"))
    elif path.lower().endswith(ARCHIVE_SUFFIX):
        yield from _members(path, walk)
    elif explicit or wanted or walk.wanted(path, path, os.path.basename(path)):
        yield Job(path, path)


def _wanted(name: str) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return suffix in DOCUMENT_SUFFIXES or suffix == ARCHIVE_SUFFIX


class _OpenArchive(threading.local):
    """The archive whose members are being read, kept open (one per thread): opening a zip reads
    its whole central directory, so opening it again for each member would make a run quadratic
    in the number of members.  An archive's members come one after the other."""

    path: Optional[str] = None
    stamp: Optional[tuple] = None
    archive = None
    file = None

    def get(self, path: str):
        import zipfile

        info = os.stat(path)
        stamp = (info.st_ino, info.st_size, info.st_mtime_ns)  # the same archive, not rewritten since
        if self.path != path or self.stamp != stamp:
            self.close()
            self.file = _CountingFile(path)
            try:
                self.archive = zipfile.ZipFile(self.file)
            except BaseException:
                self.file.close()
                self.file = None
                raise
            self.path, self.stamp = path, stamp
        return self.archive

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.file.close()
        self.path = self.archive = self.file = None


class _CountingFile(io.FileIO):
    """An archive's file that counts the bytes read from it: the compressed bytes a member has
    really used, whatever its header says, for the ratio of a member being decompressed."""

    consumed = 0

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        self.consumed += len(data)
        return data


_OPEN = _OpenArchive()


def close_archives() -> None:
    """Close the archive this process keeps open between its members (before the folder that
    holds it is removed, as the web server does after each request)."""
    _OPEN.close()


def _members(path: str, walk: _Walk) -> Iterator[Job]:
    import zipfile

    try:
        infos = _OPEN.get(path).infolist()
    except OSError as exc:
        from .readers import system_error

        problem = system_error(path, exc)
        yield Job(path, path, error=problem.message, detail=problem.detail)
        return
    except (zipfile.BadZipFile, ValueError) as exc:
        yield Job(path, path, error=N_("corrupt or truncated zip archive: it cannot be opened"),
                  detail=f"{exc.__class__.__name__}: {exc}")
        return
    if len(infos) > MAX_MEMBERS:
        yield Job(path, path, error=N_("zip archive has {count} members, more than {limit}").format(
            count=len(infos), limit=MAX_MEMBERS))
        return
    total = 0
    for info in sorted(infos, key=_member_name):
        name = f"{path}!{_member_name(info)}"
        if info.is_dir():
            continue
        problem = _unsafe(info.filename)
        if problem:
            yield Job(name, path, info.filename, error=problem)
            continue
        if not walk.wanted(name, _member_name(info)):
            continue
        if info.filename.lower().endswith(ARCHIVE_SUFFIX):
            yield Job(name, path, info.filename, error=N_("archive inside an archive: not read"))
            continue
        if info.file_size == 0:  # known from the directory: no round trip to a worker for it
            yield Job(name, path, info.filename, error=N_("file is empty"))
            continue
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            yield Job(name, path, info.filename, outcome="too-large",
                      error=N_("zip archive expands to more than {limit} GiB: not read").format(
                          limit=MAX_TOTAL_BYTES // 1024**3))
            continue
        if info.file_size > MAX_MEMBER_BYTES:
            yield Job(name, path, info.filename, outcome="too-large",
                      error=N_("member expands to {size} bytes, more than {limit}: not read").format(
                          size=info.file_size, limit=MAX_MEMBER_BYTES))
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            yield Job(name, path, info.filename, outcome="too-large",
                      error=N_("compression ratio above {ratio}:1 (a zip bomb?): not read").format(ratio=MAX_RATIO))
            continue
        yield Job(name, path, info.filename)


def _member_name(info) -> str:
    """A member's name as its author wrote it.  Without the UTF-8 flag (bit 11) the zip format
    says cp437, which zipfile follows; but macOS, Linux and many tools write UTF-8 there without
    the flag, which cp437 turns into mojibake ("Ã©" for "é")."""
    if info.flag_bits & 0x800 or info.filename.isascii():
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename  # cp437 indeed


def _unsafe(member: str) -> Optional[str]:
    normalised = member.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return N_("absolute member name in a zip archive: not read")
    if ".." in normalised.split("/"):
        return N_("member name leads outside the zip archive ('..'): not read")
    return None


def load(job: Job, *, max_text: Optional[int] = None) -> bytes:
    """The bytes of a job's document; :class:`InputError` when they cannot be had.

    Bounded before anything is handed to a worker: a text (not a PDF) longer than ``max_text``
    bytes (``--max-size``) is refused; a member is decompressed a chunk at a time and given up
    as soon as it grows past its cap, past the size its header declared (a lying header), or
    past MAX_RATIO times its compressed size, so its memory is never more than the cap."""
    if job.error:
        raise InputError(job.name, job.error, job.outcome, job.detail)
    if job.data is not None:
        return job.data
    if job.member is None:
        from .readers import load as load_file

        return load_file(job.path, max_text=max_text)
    import zipfile

    try:
        archive = _OPEN.get(job.path)
        info = archive.getinfo(job.member)
        chunks, size, limit = [], 0, MAX_MEMBER_BYTES
        start = _OPEN.file.consumed
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                if not chunks and max_text and _is_text(job.member, chunk):
                    limit = min(limit, max_text)
                chunks.append(chunk)
                size += len(chunk)
                _bounded(job, info, size, limit, max_text, _OPEN.file.consumed - start)
    except InputError:
        raise
    except RuntimeError:  # zipfile's word for a member that needs a password
        raise InputError(job.name, N_("encrypted zip member: a password is required to read it")) from None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, zlib.error, NotImplementedError) as exc:
        raise InputError(job.name, N_("zip member cannot be read (damaged archive)"),
                         detail=f"{exc.__class__.__name__}: {exc}") from None
    return b"".join(chunks)


_CHUNK = 64 * 1024  # zipfile reads ahead at most this much compressed data: the ratio is measured within it


def _bounded(job: Job, info, size: int, limit: int, max_text: Optional[int], compressed: int) -> None:
    """Stop decompressing a member as soon as it is too large, whatever its header said:
    ``size`` bytes out so far, for ``compressed`` bytes read from the archive."""
    if size > limit:
        if limit == max_text:
            raise InputError(job.name, N_("text larger than {limit} bytes (see --max-size)").format(limit=limit),
                             "too-large")
        raise InputError(job.name, N_("member expands to more than {limit} bytes: not read").format(limit=limit),
                         "too-large")
    if size > info.file_size:
        raise InputError(job.name, N_("member larger than its zip header declares: not read"), "too-large")
    if size > 16 * _CHUNK and size / max(compressed, 1) > MAX_RATIO:
        raise InputError(job.name, N_("compression ratio above {ratio}:1 (a zip bomb?): not read").format(
            ratio=MAX_RATIO), "too-large")


def _is_text(name: str, head: bytes) -> bool:
    """Whether the reader will take these bytes for a text (--max-size applies), not a PDF."""
    return not name.lower().endswith(".pdf") and not head[:1024].lstrip().startswith(b"%PDF-")
