"""The parser reads text through the public helpers of :mod:`ent_lint.text`."""

from typing import Optional

from ..text import View, deaccent, fold, per_document  # noqa: F401


def holds_any(text: str, words: tuple[str, ...], start: int = 0, end: Optional[int] = None) -> bool:
    """Whether ``text`` (between ``start`` and ``end``) holds one of ``words``: the cheap test the
    parsers make before a pattern every match of which holds one of them (a loop, not any() over
    a generator: for speed)."""
    if start == 0 and end is None:
        for word in words:
            if word in text:
                return True
        return False
    for word in words:
        if text.find(word, start, end) >= 0:
            return True
    return False
