"""Errors that end the reading of one input and are reported as one line naming the file."""

from __future__ import annotations

from typing import Optional


class InputError(Exception):
    """A file that cannot be read: the batch goes on, the file is reported as unreadable."""

    def __init__(self, path: str, message: str, outcome: str = "unreadable", detail: Optional[str] = None):
        super().__init__(f"{path}: {message}" + (f" ({detail})" if detail else ""))
        self.path = path
        #: one sentence of the catalogue (its English msgid, its placeholders filled)
        self.message = message
        #: what happened, as :class:`ent_lint.linter.Outcome` names it: unreadable, too-large,
        #: unsupported-type, timed-out
        self.outcome = outcome
        #: the system's own words (an OSError's, a PDF library's), in English: shown in English
        #: and with --verbose, never in place of the sentence
        self.detail = detail


class ConfigError(Exception):
    """A configuration or command-line value that makes no sense (an unknown rule id...).

    The message is a catalogue msgid with named arguments (``{key}``; ``{where:term}`` for a
    place that may be a word of the catalogue, "command line"), shown in English by ``str()``
    and in the reader's language by :meth:`translated`.  A message given already formatted
    (a rule pack's) is shown as it is."""

    def __init__(self, message: str, **args):
        from .i18n import Formatter

        self.template, self.values = message, args
        super().__init__(Formatter("en").format(message, **args) if args else message)

    def translated(self, lang: str | None = None) -> str:
        from .i18n import Formatter, check_lang, translations

        lang = check_lang(lang)
        if not self.values:
            return translations(lang).gettext(self.template)
        values = {k: v.translated(lang) if isinstance(v, ConfigError) else v for k, v in self.values.items()}
        return Formatter(lang).format(translations(lang).gettext(self.template), **values)
