"""Python's cyclic garbage collector around the workers' start.

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
