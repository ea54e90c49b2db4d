"""The parser reads text through the public helpers of :mod:`ent_lint.text`."""

from ..text import View, deaccent, fold  # noqa: F401
