"""What the built-in rules share: where to point."""

from __future__ import annotations

from typing import Optional

from ent_lint.model import Span


def first_span(delib_or_conv, *keys: str) -> Optional[Span]:
    """The span of the first of ``keys`` the deliberation or convention has."""
    for key in keys:
        span = delib_or_conv.spans.get(key)
        if span is not None:
            return span
    return None
