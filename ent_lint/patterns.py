"""Regular expressions compiled on first use.

The parser and the rules define some 340 patterns at module level.  ``regex`` compiles in pure
Python (about 0.6 ms a pattern), so compiling them all at import cost about 200 ms of every start,
while a document uses about half of them.  ``NAME = patterns.compile(r"...")`` instead gives a
:class:`LazyPattern`: its ``pattern`` and ``flags`` are there at once (patterns are built from other
patterns' ``pattern``); anything else compiles it, once.

A bad pattern then fails at its first use rather than at import: tests/test_patterns.py compiles
every pattern the package and the rules define, so the suite still catches it.  What compiling
produces is kept on disk for the next process (ent_lint/pattern_store.py).
"""

from __future__ import annotations

import weakref
from typing import Any

import regex

from . import collector, pattern_store

_MADE: "weakref.WeakSet[LazyPattern]" = weakref.WeakSet()


class LazyPattern:
    """A ``regex`` pattern compiled the first time something other than ``pattern`` or ``flags``
    is asked of it.  Compiling binds the compiled pattern's methods and attributes on this object
    itself, so a later ``LAZY.search(text)`` is one attribute lookup, as on the compiled pattern.
    Two threads racing to compile it both compile: harmless, the results are equal."""

    def __new__(cls, pattern: str, flags: int = 0):
        # Made as an _Uncompiled, whose __getattr__ compiles; once compiled it becomes a plain
        # LazyPattern again: a class with __getattr__ makes every attribute lookup slower
        # (≈ 90 ns a call), even of attributes the object holds.
        return super().__new__(_Uncompiled if cls is LazyPattern else cls)

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags  # as given, not the compiled pattern's (which adds regex's defaults)
        _MADE.add(self)

    @property
    def compiled(self) -> bool:
        """Whether it has been compiled yet."""
        return "_compiled" in self.__dict__

    def compile(self) -> regex.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            with collector.paused():
                compiled = pattern_store.compile(self.pattern, self.flags)
            for name in dir(compiled):
                if not name.startswith("_") and name not in ("pattern", "flags"):
                    setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
            self.__class__ = LazyPattern
        return compiled

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"patterns.compile({self.pattern!r}, {self.flags!r})"


class _Uncompiled(LazyPattern):
    """A lazy pattern not compiled yet: asking it anything but ``pattern`` or ``flags`` compiles it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compile(), name)


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001  (named as regex.compile, which it replaces)
    """A pattern compiled on first use; see :class:`LazyPattern`."""
    return LazyPattern(pattern, flags)


def defined() -> list[LazyPattern]:
    """Every lazy pattern made so far (those of the modules imported)."""
    return list(_MADE)
