"""Compiled patterns kept on disk between runs, as Python keeps its bytecode.

``regex`` turns a pattern into its matching code in pure Python (about 0.5 ms a pattern: some
75 ms for the 150 patterns a one-page document uses, in every process that starts) and then hands
that code to its C extension, whose own step costs about 10 µs.  The store keeps what the C step
receives, one small ``marshal`` file a pattern, and the next process gives it straight to the C
step.  The result is the same compiled pattern: the C step is a pure function of those arguments
(tests/test_pattern_store.py checks, for every pattern of the package and the rules, that what
is loaded equals what ``regex`` computes).

What the C step receives is read by standing in for ``regex``'s C module for the length of one
compile, in the compiling thread only; that is ``regex``'s private interface, so the store's
folder is named after the exact ``regex`` and Python versions, and anything unexpected (another
``regex``, a file cut short or written by another version, a pattern that does not match its
file) falls back to ``regex.compile``, which is always right.

The folder is ``patterns/`` in the cache folder (``ENT_LINT_CACHE_DIR``, ``--cache-dir``); a
command run with ``--no-cache`` reads what is kept there and writes nothing;
``ENT_LINT_PATTERN_STORE=off`` turns it off.  It trusts its files as Python trusts ``.pyc`` files:
whoever can write to your cache folder can change what ent-lint runs.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Optional

import regex

from .cachedir import default_dir

try:
    from regex import _main as _regex_main
except ImportError:  # another layout of regex: the store stays off
    _regex_main = None

FORMAT = 1
OFF = ("0", "off", "no", "false")
_VERSIONS = (f"regex-{regex.__version__}-v{int(getattr(_regex_main, 'DEFAULT_VERSION', 0))}"
             f"-py{sys.version_info[0]}{sys.version_info[1]}-f{FORMAT}")

_chosen: Optional[Path] = None  # a cache folder chosen by the command (--cache-dir)
_writable = True  # False once a write failed, or when the command writes nothing to the cache (--no-cache)
_swap = threading.Lock()


def keep_in(cache_folder: Optional[Path], *, write: bool = True) -> None:
    """Keep the compiled patterns under ``cache_folder`` (the command's ``--cache-dir``; None:
    the default folder).  ``write=False`` (``--no-cache``): patterns already kept are read, none
    is added, and nothing is created in the folder."""
    global _chosen, _writable
    _chosen = Path(cache_folder) if cache_folder else None
    _writable = write


def folder() -> Optional[Path]:
    """Where this process keeps compiled patterns now; None when the store is off."""
    if _regex_main is None or os.environ.get("ENT_LINT_PATTERN_STORE", "").lower() in OFF:
        return None
    return (_chosen or default_dir()) / "patterns" / _VERSIONS


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001  (named as regex.compile, which it stands for)
    """``regex.compile(pattern, flags)``, from the store when it holds it."""
    where = folder()
    if where is None:
        return regex.compile(pattern, flags)
    path = where / _name(pattern, flags)
    compiled = _load(path, pattern, flags)
    if compiled is None:
        compiled, arguments = _compile_capturing(pattern, flags)
        if arguments is not None:
            _save(path, pattern, flags, arguments)
    return compiled


def _name(pattern: str, flags: int) -> str:
    key = f"{int(flags)}\0{pattern}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(key, digest_size=16).hexdigest() + ".marshal"


def _load(path: Path, pattern: str, flags: int) -> Optional[regex.Pattern]:
    try:
        with open(path, "rb") as stream:
            stored_pattern, stored_flags, arguments = marshal.loads(stream.read())
        if stored_pattern != pattern or stored_flags != int(flags) or arguments[0] != pattern:
            return None
        return _regex_main._regex.compile(*arguments)
    except Exception:  # missing, cut short, another format: compile as usual
        return None


def _compile_capturing(pattern: str, flags: int) -> tuple[regex.Pattern, Optional[tuple]]:
    """Compile with ``regex``, reading what it hands to its C step (None if it could not be read)."""
    real = _regex_main._regex
    caller = threading.get_ident()
    seen: list[tuple] = []

    class Capture:
        """``regex``'s C module, except that ``compile`` called by this thread keeps its arguments."""

        def __getattr__(self, name):
            return getattr(real, name)

        @staticmethod
        def compile(*arguments):
            if threading.get_ident() == caller:
                seen.append(arguments)
            return real.compile(*arguments)

    with _swap:
        _regex_main._regex = Capture()
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _regex_main._regex = real
    if len(seen) != 1 or seen[0][0] != pattern:
        return compiled, None
    # The flags come as RegexFlag, which marshal does not keep: plain numbers.
    return compiled, tuple(int(value) if isinstance(value, int) else value for value in seen[0])


def _save(path: Path, pattern: str, flags: int, arguments: tuple) -> None:
    global _writable
    if not _writable:
        return
    try:
        data = marshal.dumps((pattern, int(flags), arguments))
    except ValueError:  # something marshal cannot keep: this pattern compiles each time
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)  # another process writing the same file writes the same bytes
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:  # a read-only or full cache folder: compile each time, say nothing
        _writable = False
