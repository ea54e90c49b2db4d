"""Errors that end the reading of one input and are reported as one line naming the file."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read: the batch goes on, the file is reported as unreadable."""

    def __init__(self, path: str, message: str, outcome: str = "unreadable"):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        #: what happened, as :class:`ent_lint.linter.Outcome` names it: unreadable, too-large,
        #: unsupported-type, timed-out
        self.outcome = outcome


class ConfigError(Exception):
    """A configuration or command-line value that makes no sense (an unknown rule id...)."""
