"""Exit codes, in one place.

0: no finding reaches the fail level; 1: at least one does; 2: a usage error, or an input that
could not be read (the run did not check everything).
"""

from __future__ import annotations

from typing import Iterable, Union

from .findings import SEVERITY_RANK, Finding

OK = 0
FINDINGS = 1
ERROR = 2


def exit_code(findings: Iterable[Union[Finding, str]], unreadable: int, fail_on: str = "warning",
              exit_zero: bool = False) -> int:
    """The code for a run: ``findings`` are the findings reported, or just their severities."""
    if unreadable:
        return ERROR
    if exit_zero or fail_on == "never":
        return OK
    floor = SEVERITY_RANK[fail_on]
    severities = (f if isinstance(f, str) else f.severity for f in findings)
    return FINDINGS if any(SEVERITY_RANK[s] >= floor for s in severities) else OK
