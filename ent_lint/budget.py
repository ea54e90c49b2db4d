"""The time one document may take: a base, and more for each page that goes through OCR.

A text PDF is read in a fraction of a second, a scanned page takes about a second of tesseract
on one core (several when the cores are shared).  One fixed timeout either lets a hostile text
document run for minutes or times out a legitimate long scan, so by default the budget of a
document is::

    seconds = base + OCR_PAGE_SECONDS × pages to OCR

(60 s + 8 s a page: a 20-page scan has 220 s, a 40-page one 380 s; past 200 pages, the
``--max-pages`` default, the budget grows no more: 1,660 s).  The reader grants the OCR
seconds once it knows which pages it will render for OCR, before rendering them; the alarm in
the process is pushed back by as much, and the batch runner's parent, told through
``listener``, pushes back the moment it kills a stuck worker.  An explicit ``--timeout`` is a
fixed budget (``per_ocr_page`` 0).  The command line's runners, ``serve`` and the Dask runner
all take their budget from :func:`options`.
"""

from __future__ import annotations

import signal
from typing import Callable, Optional

DEFAULT_SECONDS = 60.0
OCR_PAGE_SECONDS = 8.0
MAX_OCR_PAGES = 200  # pages that add to the budget, at most (--max-pages' default): 60 + 1,600 s


def options(timeout: Optional[float]) -> dict:
    """``--timeout`` as a :class:`~ent_lint.linter.Linter` takes it: not given (None), the default
    budget, which grows with the pages to OCR; given, a fixed one (0: no limit)."""
    if timeout is None:
        return {"timeout": DEFAULT_SECONDS, "ocr_page_seconds": OCR_PAGE_SECONDS}
    return {"timeout": timeout or None, "ocr_page_seconds": 0.0}


class Budget:
    """Seconds allowed to the document being checked, grown by the pages it sends to OCR."""

    def __init__(self, seconds: float, per_ocr_page: float = 0.0, *, alarm: bool = False,
                 listener: Optional[Callable[[float], None]] = None):
        self.seconds = seconds
        self.per_ocr_page = per_ocr_page
        self.alarm = alarm  # an ITIMER_REAL alarm of this process counts the budget down
        self.listener = listener  # told each grant (seconds): the parent that watches from outside
        self.ocr_pages = 0  # pages granted so far

    def grant_ocr(self, pages: int) -> float:
        """Add the seconds of ``pages`` pages to OCR; the seconds added."""
        pages = max(0, min(pages, MAX_OCR_PAGES - self.ocr_pages))
        self.ocr_pages += pages
        extra = self.per_ocr_page * pages
        if not extra:
            return 0.0
        self.seconds += extra
        if self.alarm:
            remaining, repeat = signal.getitimer(signal.ITIMER_REAL)
            if remaining > 0:
                signal.setitimer(signal.ITIMER_REAL, remaining + extra, repeat)
        if self.listener is not None:
            self.listener(extra)
        return extra


_current: Optional[Budget] = None


def start(budget: Optional[Budget]) -> Optional[Budget]:
    """Make ``budget`` the one of the document being checked; the previous one."""
    global _current
    previous, _current = _current, budget
    return previous


def grant_ocr(pages: int) -> float:
    """What a reader calls before rendering ``pages`` pages for OCR (nothing without a budget)."""
    return _current.grant_ocr(pages) if _current is not None else 0.0
