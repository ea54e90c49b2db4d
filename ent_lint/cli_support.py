"""What the command line needs from click beyond its decorators: the help texts and click's own
messages (usage errors, "Usage:", "Show this message and exit.") in the reader's language, and
the group that runs ``check`` when no command is named and shows check's options in its help.

The help texts are English msgids marked ``N_()`` where the options are declared; they are
translated when the help is written, once the language is known.  Click's own messages go
through the stdlib's ``gettext``, bound at import in each click module (``from gettext import
gettext as _``): :func:`use_click_language` points those module references at the ``click``
domain's catalogue of the chosen language, so nothing global (the process's text domain, the
``LANGUAGE`` variable that tesseract and the workers inherit) is changed.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Iterator, Optional, Sequence

import click

from . import i18n

CLICK_DOMAIN = i18n.CLICK_DOMAIN
#: the click modules that import gettext's functions as module globals
_CLICK_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser",
                  "click.shell_completion", "click.termui", "click.types", "click.utils", "click._termui_impl")


def use_click_language(lang: str) -> None:
    """Click's own messages in ``lang`` (English needs no catalogue: click's msgids are English)."""
    catalogue = i18n.translations(lang, CLICK_DOMAIN)
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = catalogue.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = catalogue.ngettext


def early_lang(argv: Sequence[str]) -> str:
    """The language of this run, known before click parses anything (its usage errors and
    ``--help`` come first): ``--lang`` on the command line, else the configuration's ``lang``,
    else French."""
    from .config import find_config
    from .errors import ConfigError

    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in i18n.LANGUAGES:
            return value
    try:
        lang = find_config(Path.cwd()).lang
    except ConfigError:
        lang = None  # reported by the command itself, in the default language
    return lang or i18n.DEFAULT


@contextlib.contextmanager
def _help_translated(item) -> Iterator[None]:
    original = item.help
    if original:
        item.help = i18n._(original)
    try:
        yield
    finally:
        item.help = original


class Option(click.Option):
    """An option whose help (an English msgid) is shown in the current language."""

    def get_help_record(self, ctx: click.Context):
        with _help_translated(self):
            return super().get_help_record(ctx)


def option(*decls, **attrs):
    """``click.option`` with the help translated when shown."""
    return click.option(*decls, cls=Option, **attrs)


class Command(click.Command):
    """A command whose help (an English msgid) is shown in the current language."""

    def format_help_text(self, ctx, formatter) -> None:
        with _help_translated(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _help_translated(self):
            return super().get_short_help_str(limit)


class DefaultToCheck(click.Group):
    """``ent-lint [OPTIONS] [FILE]...`` is ``ent-lint check [OPTIONS] [FILE]...``: a first word
    that is not a command (or no word at all) runs ``check``; the help shows check's options."""

    command_class = Command
    default = "check"

    def parse_args(self, ctx, args):
        own = {opt for param in self.get_params(ctx) for opt in param.opts + param.secondary_opts}
        positional = self._first_word(args)
        if positional is None and (own & set(args) or (ctx.resilient_parsing and not args)):
            # the group's own --help/--version (its language chosen already), or the completion of
            # the first word: the commands
            args = [arg for index, arg in enumerate(args) if arg != "--lang" and not arg.startswith("--lang=")
                    and not (index and args[index - 1] == "--lang")]
        elif positional not in self.commands:
            args = [self.default, *args]
        return super().parse_args(ctx, args)

    def _first_word(self, args) -> Optional[str]:
        """The first argument that is neither one of check's options nor an option's value
        (``--`` and ``-`` count as words), or None."""
        check = self.commands.get(self.default)
        takes_value = {opt for param in (check.params if check else []) if isinstance(param, click.Option)
                       and not param.is_flag and not param.count for opt in param.opts}
        words = iter(args)
        for arg in words:
            if arg in takes_value:
                next(words, None)  # its value
            elif arg in ("-", "--") or not arg.startswith("-"):
                return arg
        return None

    def format_help_text(self, ctx, formatter) -> None:
        with _help_translated(self):
            super().format_help_text(ctx, formatter)

    def shell_complete(self, ctx, incomplete: str):
        """The commands, and for a word that starts with a dash check's options too."""
        found = super().shell_complete(ctx, incomplete)
        if incomplete.startswith("-"):
            check = self.commands[self.default]
            found += check.shell_complete(click.Context(check, info_name=self.default, parent=ctx), incomplete)
        return found

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, i18n._("[OPTIONS] [FILE]... | COMMAND [ARGS]..."))

    def format_options(self, ctx, formatter) -> None:
        """Check's options with the group's own (--version, --help), then the commands."""
        check = self.commands[self.default]
        check_ctx = click.Context(check, info_name=self.default, parent=ctx)
        params = [p for p in check.get_params(check_ctx)[:-1] + self.get_params(ctx) if isinstance(p, click.Option)]
        rows = [record for param in params
                if (record := param.get_help_record(check_ctx if param in check.params else ctx))]
        if rows:
            with formatter.section(i18n.translations(i18n.current(), CLICK_DOMAIN).gettext("Options")):
                formatter.write_dl(rows)
        self.format_commands(ctx, formatter)


def resolve_colour(choice: Optional[str], stream) -> bool:
    """``--color``: always, never, or auto (the default): colours on a terminal, unless
    ``NO_COLOR`` is set (https://no-color.org); ``FORCE_COLOR`` turns them on off a terminal."""
    import os

    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())
