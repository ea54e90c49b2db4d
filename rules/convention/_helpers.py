"""What the convention rules share: durations written as ISO periods, and signed records."""

from __future__ import annotations

import datetime as dt

from ent_lint.model import Document
from ent_lint.text import fold


def duration_text(iso: str) -> str:
    """An ISO period of years or months ("P3Y") as a reader writes it ("3 years")."""
    amount, unit = int(iso[1:-1]), iso[-1]
    return f"{amount} {'years' if unit == 'Y' else 'months'}"


def add_duration(start: dt.date, iso: str) -> dt.date:
    """``start`` plus an ISO period of years or months; a day the month lacks falls back to its last."""
    amount, unit = int(iso[1:-1]), iso[-1]
    months = amount * 12 if unit == "Y" else amount
    year, month = divmod(start.month - 1 + months, 12)
    day = start.day
    while True:
        try:
            return dt.date(start.year + year, month + 1, day)
        except ValueError:
            day -= 1


def signed_record(document: Document) -> bool:
    """Whether the mayor's and the secretary's signatures can be looked for: an extract, or the
    procès-verbal of a sitting (a summary, a list of deliberations or a posted compte rendu is not
    signed that way), whose end was read from a text layer (a scanned signature cannot be read)."""
    last = document.deliberations[-1]
    if any(span.ocr for span in last.spans.values()):
        return False
    if document.kind == "extract":
        return True
    return document.kind == "minutes" and "proces" in fold(document.title or "")
