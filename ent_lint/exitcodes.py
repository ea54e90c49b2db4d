"""Exit codes, in one place.

0: no finding reaches the fail level; 1: at least one does; 2: a usage error, or an input that
could not be read (the run did not check everything).
"""

from __future__ import annotations

from typing import Iterable

from .model import SEVERITY_RANK, Finding

OK = 0
FINDINGS = 1
ERROR = 2


def exit_code(findings: Iterable[Finding], unreadable: int, fail_on: str = "warning",
              exit_zero: bool = False) -> int:
    if unreadable:
        return ERROR
    if exit_zero or fail_on == "never":
        return OK
    floor = SEVERITY_RANK[fail_on]
    return FINDINGS if any(SEVERITY_RANK[f.severity] >= floor for f in findings) else OK
