"""Reporters: one small renderer per format, each a function of the reports."""

from __future__ import annotations

import json
from collections import Counter
from typing import Callable, Iterable

from . import __version__
from .api import Report
from .model import Finding

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"


def location(finding: Finding) -> str:
    parts = [finding.path]
    if finding.page is not None:
        parts.append(str(finding.page))
    if finding.line is not None:
        parts += [str(finding.line), str(finding.column or 1)]
    return ":".join(parts)


def _source_line(report: Report, finding: Finding):
    if report.source is None or finding.line is None:
        return None
    line = report.source.line_at(finding.page, finding.line)
    return line.raw.rstrip("\n") if line is not None else None


def render_text(reports: list[Report], *, colour: bool = False, concise: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    out: list[str] = []
    for report in reports:
        if report.error:
            out.append(f"{report.path}: {paint('error', _COLOURS['error'])}: {report.error}")
            continue
        for finding in report.findings:
            head = (f"{paint(location(finding), _BOLD)}: {paint(finding.severity, _COLOURS[finding.severity])}"
                    f"[{finding.rule}] {finding.message}")
            if finding.ocr:
                head += " (read by OCR)"
            out.append(head)
            if concise:
                continue
            source = _source_line(report, finding)
            if source is not None:
                number = str(finding.line)
                gutter = " " * len(number)
                shown = source.replace("\t", " ")
                column = max(1, finding.column or 1)
                width = len(finding.evidence or "") if finding.evidence and "\n" not in finding.evidence else 1
                width = max(1, min(width, max(1, len(shown) - column + 1)))
                out.append(f"{gutter} |")
                out.append(f"{number} | {shown}")
                out.append(f"{gutter} | {' ' * (column - 1)}{paint('^' * width, _COLOURS[finding.severity])}")
            if finding.fix:
                out.append(f"  = help: {finding.fix}")
            out.append("")
    out.append(summary_line(reports))
    return "\n".join(out) + "\n"


def summary_line(reports: list[Report]) -> str:
    findings = [f for r in reports for f in r.findings]
    by_severity = Counter(f.severity for f in findings)
    unreadable = sum(1 for r in reports if r.error)
    files = len(reports)
    parts = [f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 else ''}" for s in ("error", "warning", "info")]
    text = f"{files} file{'s' if files != 1 else ''} checked: " + ", ".join(parts)
    if unreadable:
        text += f"; {unreadable} could not be read"
    return text


def as_json(reports: list[Report]) -> dict:
    findings = [f.model_dump(mode="json") for r in reports for f in r.findings]
    return {
        "tool": "ent-lint",
        "version": __version__,
        "findings": findings,
        "errors": [{"path": r.path, "message": r.error} for r in reports if r.error],
        "summary": {
            "files": len(reports),
            "unreadable": sum(1 for r in reports if r.error),
            "by_severity": dict(Counter(f["severity"] for f in findings)),
            "by_rule": dict(sorted(Counter(f["rule"] for f in findings).items())),
        },
    }


def render_json(reports: list[Report], **_) -> str:
    return json.dumps(as_json(reports), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "concise": lambda reports, **kw: render_text(reports, concise=True, **kw),
    "json": render_json,
}


def render(fmt: str, reports: Iterable[Report], **options) -> str:
    return RENDERERS[fmt](list(reports), **options)
