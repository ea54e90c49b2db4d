"""The parser reads text through the public helpers of :mod:`ent_lint.text`."""

from ..text import View, deaccent, fold  # noqa: F401


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``: the cheap test the parsers make before a pattern
    every match of which holds one of them (a loop, not any() over a generator: for speed)."""
    for word in words:
        if word in text:
            return True
    return False
