"""A finding, kept free of heavy imports: a run served from the cache never loads the parser."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Literal, Optional

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
LEVELS = ("error", "warning", "info")


@dataclass
class Finding:
    """One problem found in one document, at a page, line and column, with its evidence."""

    rule: str
    severity: Severity
    message: str
    path: str
    page: Optional[int] = None
    line: Optional[int] = None
    column: Optional[int] = None
    evidence: Optional[str] = None
    fix: Optional[str] = None
    ocr: bool = False

    def evidence_key(self) -> str:
        """The evidence (or the message when there is none) with case and spacing ignored: what
        identifies a finding across runs, whatever line it moves to."""
        return " ".join((self.evidence or self.message).split()).casefold()

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
