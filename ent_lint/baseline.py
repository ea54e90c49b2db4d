"""A baseline: the findings an archive already had, so that only new ones fail a job.

An entry is keyed by rule, document content hash and an evidence fingerprint (the rule and the
text the finding points at, not its line number).  A finding is known when an entry has the
same rule and fingerprint and either the same content hash (the document moved) or the same
path (the document was edited elsewhere).  Entries that match nothing are listed as gone.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from . import __version__
from .findings import Finding

FORMAT = 1


def evidence_fingerprint(finding: Finding) -> str:
    """The rule and the normalised evidence (or message when there is none); no position."""
    text = unicodedata.normalize("NFKC", finding.evidence_key())
    return hashlib.sha256(f"{finding.rule}\x1f{text}".encode("utf-8")).hexdigest()[:32]


@dataclass
class Entry:
    rule: str
    path: str
    digest: str
    fingerprint: str
    message: str = ""

    def to_dict(self) -> dict:
        return {"rule": self.rule, "path": self.path, "digest": self.digest,
                "fingerprint": self.fingerprint, "message": self.message}


def entries_for(path: str, digest: Optional[str], findings: Iterable[Finding]) -> list[Entry]:
    return [Entry(f.rule, path, digest or "", evidence_fingerprint(f), f.message) for f in findings]


def write(path: str, entries: list[Entry]) -> None:
    data = {"tool": "ent-lint", "version": __version__, "format": FORMAT,
            "entries": [e.to_dict() for e in sorted(entries, key=lambda e: (e.path, e.rule, e.fingerprint))]}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if any("\ud800" <= c <= "\udfff" for e in entries for c in e.path):
        text = json.dumps(data, indent=1)  # a name that is not UTF-8: \udce9 escapes, read back as they were
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


class BaselineError(Exception):
    pass


class Baseline:
    """Known findings; :meth:`is_known` uses up one matching entry per finding."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.matched = 0
        self._used: set[int] = set()
        self._by_digest: dict[tuple, list[int]] = {}
        self._by_path: dict[tuple, list[int]] = {}
        for index, entry in enumerate(entries):
            self._by_digest.setdefault((entry.rule, entry.digest, entry.fingerprint), []).append(index)
            self._by_path.setdefault((entry.rule, entry.path, entry.fingerprint), []).append(index)

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            entries = [Entry(e["rule"], e["path"], e["digest"], e["fingerprint"], e.get("message", ""))
                       for e in data["entries"]]
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found") from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            # RecursionError: arrays nested thousands deep
            raise BaselineError(f"{path}: not an ent-lint baseline ({exc.__class__.__name__})") from None
        for number, entry in enumerate(entries, 1):
            if not all(isinstance(value, str) for value in vars(entry).values()):
                raise BaselineError(f"{path}: not an ent-lint baseline (entry {number}: every field must be a string)")
        return cls(entries)

    def is_known(self, path: str, digest: Optional[str], finding: Finding) -> bool:
        fingerprint = evidence_fingerprint(finding)
        for index_map, key in ((self._by_digest, (finding.rule, digest or "", fingerprint)),
                               (self._by_path, (finding.rule, path, fingerprint))):
            for index in index_map.get(key, ()):
                if index not in self._used:
                    self._used.add(index)
                    self.matched += 1
                    return True
        return False

    def gone(self) -> list[Entry]:
        """Entries no finding matched: fixed, or their document changed or left the run."""
        return [e for i, e in enumerate(self.entries) if i not in self._used]
