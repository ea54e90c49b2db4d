"""A cache of results in an embedded SQLite database.

A result is keyed by the document's content hash, the configuration's fingerprint (selected
rules, severities, engine, rule packs and their versions) and ent-lint's version, so a changed
document, setting or rule is never served stale.  The cache is best effort: when the database
cannot be opened or written, the run goes on without it.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Optional

from .cachedir import default_dir  # noqa: F401  (where the cache is, for the command)

SCHEMA = 2
MAX_AGE = 90 * 24 * 3600  # seconds: results older than this are dropped when the cache is closed


class Cache:
    """Results by key; ``get`` and ``put`` never raise."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / f"results-v{SCHEMA}.sqlite3"
        self.error: Optional[str] = None
        self._pending = 0
        self._written = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS results "
                             "(key TEXT PRIMARY KEY, value BLOB, created INTEGER NOT NULL)")
            self._db.execute("BEGIN")
        except (sqlite3.Error, OSError) as exc:
            self._db = None
            self.error = f"cache disabled: {self.path}: {exc}"

    def get(self, key: str) -> Optional[dict]:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            return json.loads(zlib.decompress(row[0]))
        except (zlib.error, ValueError):
            return None

    def put(self, key: str, value: dict) -> None:
        if self._db is None:
            return
        blob = zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8"), 3)
        try:
            self._db.execute("INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)",
                             (key, blob, int(time.time())))
            self._pending += 1
            self._written = True
            if self._pending >= 200:
                self._db.execute("COMMIT")
                self._db.execute("BEGIN")
                self._pending = 0
        except sqlite3.Error as exc:
            self.error = f"cache not written: {exc}"

    def close(self) -> None:
        if self._db is None:
            return
        try:
            if self._written:  # an old result is one of an old version or configuration: let it go
                self._db.execute("DELETE FROM results WHERE created < ?", (int(time.time()) - MAX_AGE,))
            self._db.execute("COMMIT")
            self._db.close()
        except sqlite3.Error:
            pass
        self._db = None
