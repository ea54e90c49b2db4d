"""A finding, kept free of heavy imports: a run served from the cache never loads the parser.

A finding carries a message *code* and its named *arguments*; the sentence a reader sees is
rendered from the rule's template (``message``, in English, is that rendering).  What identifies
a finding across runs and languages is the rule, the evidence and the arguments, never the text.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Literal, Optional

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
LEVELS = ("error", "warning", "info")


@dataclass
class Location:
    """Another place a finding points at: an archive rule's finding names every document."""

    path: str
    page: Optional[int] = None
    line: Optional[int] = None
    evidence: Optional[str] = None


@dataclass
class Box:
    """Where a PDF finding's evidence stands on its page: in PDF points (1/72 inch) from the
    top-left corner of the page as shown (its crop box), as pdfplumber measures: ``x0`` and
    ``x1`` from the left edge, ``top`` and ``bottom`` from the top edge."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


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
    #: the message code (``rule-id/name``) and its arguments, from which the text is rendered
    code: str = ""
    args: dict = field(default_factory=dict)
    #: the other documents an archive rule's finding involves
    related: list[Location] = field(default_factory=list)
    #: the traceback of a rule that crashed (``rule-crash``)
    traceback: Optional[str] = None
    #: where the evidence stands on a PDF page (from the text layer's characters or the OCR words)
    box: Optional[Box] = None

    def evidence_key(self) -> str:
        """The evidence (or the code and arguments, or the message when there are none) with
        case and spacing ignored: what identifies a finding across runs, whatever line it moves
        to and whatever language it is shown in."""
        if self.evidence:
            text = self.evidence
        elif self.code:
            text = f"{self.code} {json.dumps(self.args, sort_keys=True, ensure_ascii=False, default=str)}"
        else:
            text = self.message
        return " ".join(text.split()).casefold()

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        values["related"] = [Location(**r) if isinstance(r, dict) else r for r in values.get("related") or []]
        if isinstance(values.get("box"), dict):
            values["box"] = Box(**values["box"])
        return cls(**values)
