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
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .errors import InputError
from .i18n import N_
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
            matches = _glob(argument)
            if not matches:
                yield Job(argument, argument, error="no file matches this pattern")
            for match in matches:
                yield from _expand_path(match, explicit=False)
        else:
            yield from _expand_path(argument, explicit=True)


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


def _expand_path(path: str, *, explicit: bool) -> Iterator[Job]:
    if os.path.isdir(path):  # os.walk follows no directory symlink: no loop, nothing outside
        if not explicit and os.path.islink(path):
            return  # a pattern's match that is a symlinked folder: not followed either
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


class _OpenArchive(threading.local):
    """The archive whose members are being read, kept open (one per thread): opening a zip reads
    its whole central directory, so opening it again for each member would make a run quadratic
    in the number of members.  An archive's members come one after the other."""

    path: Optional[str] = None
    archive = None

    def get(self, path: str):
        import zipfile

        if self.path != path:
            self.close()
            self.archive = zipfile.ZipFile(path)
            self.path = path
        return self.archive

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
        self.path = self.archive = None


_OPEN = _OpenArchive()


def _members(path: str) -> Iterator[Job]:
    import zipfile

    try:
        infos = _OPEN.get(path).infolist()
    except FileNotFoundError:
        yield Job(path, path, error="no such file")
        return
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Job(path, path, error=f"corrupt or unreadable zip archive ({exc})")
        return
    if len(infos) > MAX_MEMBERS:
        yield Job(path, path, error=N_("zip archive has {members} members, more than {limit}").format(
            members=len(infos), limit=MAX_MEMBERS))
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
        if not _wanted(info.filename):
            continue
        if info.filename.lower().endswith(ARCHIVE_SUFFIX):
            yield Job(name, path, info.filename, error=N_("archive inside an archive: not read"))
            continue
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            yield Job(name, path, info.filename,
                      error=f"zip archive expands to more than {MAX_TOTAL_BYTES // 1024**3} GiB: not read",
                      outcome="too-large")
            continue
        if info.file_size > MAX_MEMBER_BYTES:
            yield Job(name, path, info.filename,
                      error=N_("member expands to {size} bytes, more than {limit}").format(
                          size=info.file_size, limit=MAX_MEMBER_BYTES),
                      outcome="too-large")
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            yield Job(name, path, info.filename,
                      error=N_("compression ratio above {ratio}:1 (a zip bomb?): not read").format(ratio=MAX_RATIO),
                      outcome="too-large")
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


def load(job: Job) -> bytes:
    """The bytes of a job's document; :class:`InputError` when they cannot be had."""
    if job.error:
        raise InputError(job.name, job.error, job.outcome)
    if job.member is None:
        from .readers import load as load_file

        return load_file(job.path)
    import zipfile

    try:
        with _OPEN.get(job.path).open(job.member) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)  # the header's size may lie
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, RuntimeError) as exc:
        # RuntimeError: an encrypted member
        raise InputError(job.name, f"zip member cannot be read ({exc})") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise InputError(job.name, f"member expands to more than {MAX_MEMBER_BYTES} bytes: not read", "too-large")
    return data
