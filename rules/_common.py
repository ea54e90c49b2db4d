"""What the built-in rules share: where to point, and the date a deliberation number embeds."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ent_lint import patterns
from ent_lint.model import Span

#: a whole date inside a number: "2023/11/27-31", "20231127", "27-11-2023_4"
DATES_IN_NUMBERS = (
    patterns.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/._-]?(?P<m>[01]\d)[/._-]?(?P<d>[0-3]\d)(?!\d)"),
    patterns.compile(r"(?<!\d)(?P<d>[0-3]\d)[/._-](?P<m>[01]\d)[/._-](?P<y>(?:19|20)\d\d)(?!\d)"),
)


def embedded_date(number: str) -> Optional[dt.date]:
    """The first real date a deliberation number embeds, or None."""
    for pattern in DATES_IN_NUMBERS:
        for match in pattern.finditer(number):
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


def first_span(delib_or_conv, *keys: str) -> Optional[Span]:
    """The span of the first of ``keys`` the deliberation or convention has."""
    for key in keys:
        span = delib_or_conv.spans.get(key)
        if span is not None:
            return span
    return None
