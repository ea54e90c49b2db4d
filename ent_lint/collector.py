"""Python's cyclic garbage collector around the rules' loading and the workers' start.

A forked worker inherits the parent's objects: the modules of the parser, pydantic's and some
hundred rules'.  Its collections would scan all of them again, for nothing (about 25 ms of its
first document, when its patterns are compiled and create many objects), and touch their pages,
which copy-on-write then copies.  Frozen when the worker is forked (``gc.freeze``, as Python's
documentation advises before ``fork()``), they are left out of the worker's collections.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """The objects that exist now are left out of the collections of processes forked within;
    this process unfreezes them after (a long-lived one, ``serve``, must still free them)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_FROZE = False  # whether paused(freeze=True) froze once already


@contextlib.contextmanager
def paused(freeze: bool = False) -> Iterator[None]:
    """No collection within.  Loading the rules (pydantic, the model's schemas, the rules' modules)
    and compiling a pattern allocate tens of thousands of objects, which either live as long as
    the process or are freed by their reference counts: the collections the allocations trigger
    find nothing and cost some 10 ms of a command's start.  With ``freeze``, the objects that
    exist at the end are left out of later collections too (``gc.freeze``), once per process:
    a long-lived one (``serve``) freezes only what its start made.  Does nothing when the
    collector is already off (a caller's choice, or an enclosing pause)."""
    global _FROZE
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze and not _FROZE:
            _FROZE = True
            gc.freeze()
        gc.enable()
