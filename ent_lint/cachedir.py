"""Where ent-lint keeps what it caches (results, compiled patterns): a module of its own, so that
finding the folder imports nothing more (the results cache brings SQLite)."""

from __future__ import annotations

import os
from pathlib import Path


def default_dir() -> Path:
    """``$ENT_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/ent-lint``, else ``~/.cache/ent-lint``."""
    if os.environ.get("ENT_LINT_CACHE_DIR"):
        return Path(os.environ["ENT_LINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ent-lint"
