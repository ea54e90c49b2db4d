"""The command line: a thin layer over :mod:`ent_lint.api`.

``ent-lint FILE...`` lints; ``extract``, ``rules`` and ``explain`` are subcommands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__, i18n
from .cli_support import DefaultToCheck, early_lang, option, resolve_colour, use_click_language
from .exitcodes import ERROR, OK, exit_code
from .i18n import N_, _, ngettext

LEVELS = ["error", "warning", "info"]


def _fail(message) -> None:
    """A usage or configuration error: one line on stderr, exit 2.  ``message`` is a text, or an
    exception (a :class:`~ent_lint.errors.ConfigError` is shown in the reader's language)."""
    text = message.translated() if hasattr(message, "translated") else str(message)
    click.echo(_("ent-lint: error: {message}").format(message=text), err=True)
    sys.exit(ERROR)


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("""Lint French council deliberations, minutes and annexed conventions.

    \b
    ent-lint [FILE]...          check documents (text or PDF), folders, globs, zip archives; - for stdin
    ent-lint extract FILE...    print the fields read from documents
    ent-lint rules              list the rules
    ent-lint explain RULE       print a rule's documentation
    ent-lint export --format scdl FILE...   the deliberations as an open-data CSV
    ent-lint actes ACT.pdf [ANNEX...]       check an @actes envelope before sending it
    ent-lint serve              the web page and HTTP API"""))
@click.version_option(__version__, "-V", "--version", prog_name="ent-lint")
def main():
    pass


def run() -> None:
    """The ``ent-lint`` command: the language is chosen before click parses the arguments, so
    that its usage errors and the help are in it too."""
    lang = early_lang(sys.argv[1:])
    i18n.use(lang)
    use_click_language(lang)
    try:
        main()
    except SystemExit as exc:
        if _REPORTED:
            _leave(exc.code)
        raise


#: set once ``check`` has written its report and closed what it opened (``rules``: its list)
_REPORTED = False


def _leave(code) -> None:
    """Leave at once after a check: the at-exit functions run and the standard streams are
    flushed as at any exit, but Python does not take down its modules and objects one by one
    (40 ms once the rules are loaded).  Another thread running, a code that is not a number or a
    stream that cannot be flushed: the usual exit."""
    import atexit
    import os
    import threading

    if not isinstance(code, int) or threading.active_count() > 1:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the usual exit says so
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        code = code or 120  # as Python's own exit when its streams cannot be flushed
    os._exit(code)


LANG_OPTION = option("--lang", type=click.Choice(i18n.LANGUAGES),
                     help=N_("Language of what is printed: fr (default) or en; `lang` in the configuration."))


def _use_lang(lang) -> None:
    """The language of this command: the option, else the configuration's ``lang``, else French."""
    from .config import find_config
    from .errors import ConfigError

    if not lang:
        try:
            lang = find_config(Path.cwd()).lang
        except ConfigError as exc:
            _fail(exc)
    i18n.use(lang or i18n.DEFAULT)
    use_click_language(i18n.current())


def _time_budget(timeout) -> dict:
    """``--timeout`` as the Linter takes it: given, a fixed budget; else the default one, which
    grows with the pages to OCR (:mod:`ent_lint.budget`)."""
    from .budget import options

    return options(timeout)


def _ids(values: tuple[str, ...]):
    return [v.strip() for value in values for v in value.split(",") if v.strip()] if values else None


FORMATS = ["text", "concise", "json", "json-lines", "sarif", "junit", "github", "gitlab", "html"]


def _exclude_options(command):
    """--exclude and --extend-exclude, shared by check and extract."""
    command = option("--extend-exclude", multiple=True, metavar="GLOB",
                     help=N_("Globs of files and folders to leave out, besides the excluded ones."))(command)
    return option("--exclude", multiple=True, metavar="GLOB",
                  help=N_("Globs of files and folders to leave out when walking folders, globs and zips"
                          " (replaces the default: README, CHANGELOG, LICENSE-like files, .git, .venv,"
                          " ent-lint's reports).")
                  )(command)


def _reading_options(command):
    """--engine, --ocr, --max-pages and --max-size, shared by check and extract."""
    for decorate in reversed((
            option("--engine", type=click.Choice(["fast", "pdfplumber"]), default="fast",
                   help=N_("How PDFs are read (fast: pypdfium2 text, pdfplumber for tables).")),
            option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                   help=N_("OCR of PDF pages: those without a usable text layer, all, or none.")),
            option("--max-pages", type=click.IntRange(min=0), default=200, show_default=True,
                   help=N_("Refuse PDFs with more pages (0: no limit).")),
            option("--max-size", type=click.IntRange(min=0), default=20, show_default=True,
                   help=N_("Refuse text files larger than this, in MiB (0: no limit).")))):
        command = decorate(command)
    return command


def _jobs(files, settings, skipped, stdin_filename):
    """The documents FILES name, with the exclusions of ``settings``; ``-`` reads standard input."""
    from .inputs import DEFAULT_EXCLUDE, STDIN, expand

    data = sys.stdin.buffer.read() if STDIN in files else None
    exclude = [*(settings.exclude if settings.exclude is not None else DEFAULT_EXCLUDE), *settings.extend_exclude]
    return list(expand(files, exclude=exclude, skipped=skipped, stdin=data, stdin_name=stdin_filename or STDIN))


@main.command(help=N_("Check FILES (documents, folders, glob patterns, .zip archives; - for standard input;"
                      " default: the current folder) and report the findings."))
@click.argument("files", nargs=-1)
@option("--scdl", type=click.Path(dir_okay=False, exists=True), expose_value=False,
        callback=lambda ctx, param, value: ctx.meta.update(scdl=value),  # read by _with_published_csv
        help=N_("A published SCDL deliberations CSV to compare with the acts (the open-data rules)."))
@option("--format", "fmt", type=click.Choice(FORMATS),
        help=N_("Output format (default: text; github when GITHUB_ACTIONS=true)."))
@option("-o", "--output", type=click.Path(dir_okay=False), help=N_("Write the report to FILE."))
@option("--images", is_flag=True, help=N_("--format html: embed the PDF pages that hold findings, evidence framed."))
@option("-q", "--quiet", is_flag=True, help=N_("Print the findings and nothing else (no summary, no progress)."))
@option("--stdin-filename", metavar="NAME", help=N_("The name of the document read from standard input (-)."))
@_exclude_options
@option("-j", "--jobs", type=click.IntRange(min=1), help=N_("Worker processes (default: the number of cores)."))
@option("--timeout", type=click.FloatRange(min=0),
        help=N_("Seconds allowed per document, 0 for no limit (default: 60, and 8 more a page to OCR)."))
@option("--select", multiple=True, help=N_("Rules or families to check (replaces the default: all)."))
@option("--extend-select", multiple=True, help=N_("Rules or families to add to the selection."))
@option("--ignore", multiple=True, help=N_("Rules or families to leave out."))
@option("--severity", multiple=True, metavar="RULE=LEVEL", help=N_("Override a rule's severity."))
@option("--min-severity", type=click.Choice(LEVELS), help=N_("Hide findings below this level."))
@option("--fail-on", type=click.Choice(LEVELS + ["never"]),
        help=N_("Lowest severity that makes the exit code 1 (default: warning)."))
@option("--exit-zero", is_flag=True, help=N_("Exit 0 even when findings are reported."))
@option("--statistics", is_flag=True, help=N_("Print the number of findings by rule."))
@option("--show-settings", is_flag=True, help=N_("Print the settings in effect and the files to check, then exit."))
@option("--baseline", type=click.Path(dir_okay=False), help=N_("Report only findings not in this baseline."))
@option("--write-baseline", type=click.Path(dir_okay=False), help=N_("Record the findings as a baseline."))
@option("--no-cache", is_flag=True, help=N_("Neither read nor write the results cache."))
@option("--cache-dir", type=click.Path(file_okay=False), help=N_("Where the results cache and the compiled patterns live."))
@option("--progress/--no-progress", default=None, help=N_("Progress bar on stderr (default: when a terminal)."))
@option("--rules-dir", multiple=True, type=click.Path(), help=N_("Load rules from a folder of .py files."))
@_reading_options
@option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
        help=N_("Colours in the text output: auto is on a terminal, unless NO_COLOR is set (FORCE_COLOR forces them)."))
@option("--no-color", "color", flag_value="never", hidden=True)
@option("-v", "--verbose", is_flag=True,
        help=N_("List the files skipped in folders; show the traceback of a rule that failed (rule-crash) and the"
                " system's words on a read error."))
@option("--scheduler", envvar="ENT_LINT_SCHEDULER", metavar="ADDRESS",
        help=N_("Check on the Dask cluster of this scheduler (tcp://host:8786) instead of -j processes."))
@option("--shared-storage", is_flag=True,
        help=N_("With --scheduler: the workers read the files at the same paths (else they get the bytes)."))
@LANG_OPTION
def check(files, fmt, output, images, quiet, stdin_filename, exclude, extend_exclude, jobs, timeout, select, extend_select,
          ignore, severity, min_severity, fail_on, exit_zero, statistics, show_settings, baseline, write_baseline,
          no_cache, cache_dir, progress, rules_dir, engine, ocr, max_pages, max_size, color, verbose, scheduler,
          shared_storage, lang):
    import os
    import time

    started = time.perf_counter()
    files = files or (".",)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    settings = _check_settings(select=select, extend_select=extend_select, ignore=ignore, severity=severity,
                               min_severity=min_severity, fail_on=fail_on, rules_dir=rules_dir, lang=lang,
                               exclude=exclude, extend_exclude=extend_exclude)
    i18n.use(settings.lang or i18n.DEFAULT)
    use_click_language(i18n.current())
    skipped: list[tuple[str, str]] = []
    if show_settings:
        _show_settings(settings, files, skipped, stdin_filename)
    known = _load_baseline(baseline)
    cache = _open_cache(no_cache, cache_dir)
    from .linter import Linter

    linter = Linter(settings, engine=engine, ocr=ocr, max_pages=max_pages, max_size=max_size * 1024**2,
                    **_time_budget(timeout))
    runner = _make_runner(linter, cache, scheduler=scheduler, shared_storage=shared_storage,
                          workers=jobs or os.cpu_count() or 1, fmt=fmt)
    _validate_selection(linter, runner, cache, fmt)
    job_list = _jobs(files, settings, skipped, stdin_filename)
    report = _Report(output, job_list) if output else None
    stream = report.stream if report else sys.stdout
    try:
        code = _run_check(runner, job_list, fmt, stream, settings, known, write_baseline, statistics,
                          exit_zero, False if quiet else progress, started, verbose=verbose, quiet=quiet,
                          skipped=skipped, images=images, colour=fmt in ("text", "concise") and resolve_colour(
                              color, stream if report is None else None))
        if report:
            report.commit()
    except KeyboardInterrupt:
        click.echo("\n" + _("ent-lint: interrupted"), err=True)
        code = 130
    except OSError as exc:
        if report is None:
            raise
        click.echo(_("ent-lint: error: {path}: the report cannot be written ({reason})").format(
            path=output, reason=exc.strerror or exc), err=True)
        code = ERROR
    finally:
        _close(report, cache, runner if scheduler else None)
    global _REPORTED
    _REPORTED = True
    sys.exit(code)


def _check_settings(*, select, extend_select, ignore, severity, min_severity, fail_on, rules_dir, lang, exclude,
                    extend_exclude):
    """The configuration file's settings with the options over them (a bad one: exit 2)."""
    from .config import find_config, parse_severities
    from .errors import ConfigError

    try:
        settings = find_config(Path.cwd()).merged(
            select=_ids(select), extend_select=_ids(extend_select), ignore=_ids(ignore),
            severity=parse_severities(",".join(severity), "--severity") if severity else None,
            min_severity=min_severity, fail_on=fail_on, rules_dir=list(rules_dir), lang=lang,
            exclude=_ids(exclude), extend_exclude=_ids(extend_exclude))
        _with_published_csv(settings, click.get_current_context().meta.get("scdl"))
    except ConfigError as exc:
        _fail(exc)
    return settings


def _show_settings(settings, files, skipped, stdin_filename) -> None:
    """``--show-settings``: the settings in effect and the files to check, then exit."""
    from .errors import ConfigError
    from .settings_view import show

    try:
        click.echo(show(settings, _jobs(files, settings, skipped, stdin_filename), skipped))
    except ConfigError as exc:
        _fail(exc)
    sys.exit(OK)


def _load_baseline(path):
    """``--baseline``: the findings known, or None (a malformed file: exit 2)."""
    if not path:
        return None
    from .baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        _fail(exc)


def _open_cache(no_cache, cache_dir):
    """The results cache, or None (``--no-cache``, or it cannot be opened: a warning says so).
    ``--cache-dir`` is where the compiled patterns are kept too; ``--no-cache`` adds none there."""
    if cache_dir or no_cache:
        from . import pattern_store

        pattern_store.keep_in(Path(cache_dir) if cache_dir else None, write=not no_cache)
    if no_cache:
        return None
    from .cache import Cache, default_dir

    cache = Cache(Path(cache_dir) if cache_dir else default_dir())
    if cache.error:
        click.echo(_("ent-lint: warning: {message}").format(message=cache.error), err=True)
        return None
    return cache


def _make_runner(linter, cache, *, scheduler, shared_storage, workers, fmt):
    """Worker processes on this machine, or the Dask cluster of ``--scheduler``."""
    if scheduler:
        return _cluster_runner(linter, scheduler, cache, shared_storage)
    if shared_storage:
        _fail(_("--shared-storage goes with --scheduler (or ENT_LINT_SCHEDULER)"))
    from .batch import Runner

    return Runner(linter, workers=workers, cache=cache, fields=fmt == "html")  # the one report that shows the fields read


def _validate_selection(linter, runner, cache, fmt) -> None:
    """Load the rules now, so that a bad rule id is a usage error before any document; a
    configuration the cache has seen load is not loaded again (SARIF lists the rules: always)."""
    from .errors import ConfigError

    try:
        if cache is None or not cache.get(f"config:{runner.key_base}") or fmt == "sarif":
            linter.checker  # noqa: B018
            if cache is not None:
                cache.put(f"config:{runner.key_base}", {"ok": True})
    except ConfigError as exc:
        _fail(exc)


def _close(report, cache, cluster) -> None:
    """What a check opened: a report not committed is removed, the cache and the cluster closed."""
    if report:
        report.discard()
    if cache is not None:
        cache.close()
    if cluster is not None:
        cluster.close()


class _Report:
    """``-o FILE``: the report goes to a temporary file beside FILE, renamed over it at the end,
    so that an interrupted or failed run leaves the previous report whole.  A FILE that is not a
    regular file (``/dev/null``, a pipe) is written in place.  A FILE that is one of the inputs
    is a usage error, before anything is written."""

    def __init__(self, path: str, jobs):
        import os
        import tempfile

        self.path, self.temporary = path, None
        if os.path.exists(path):
            for job in jobs:
                try:
                    same = os.path.samefile(path, job.path)
                except OSError:
                    continue
                if same:
                    _fail(_("{path}: -o names an input ({name}): it would be overwritten").format(
                        path=path, name=job.name))
        try:
            if os.path.exists(path) and not os.path.isfile(path):
                self.stream = open(path, "w", encoding="utf-8")
                return
            if os.path.exists(path):
                mode = os.stat(path).st_mode & 0o7777
            else:
                mask = os.umask(0)
                os.umask(mask)
                mode = 0o666 & ~mask
            handle, self.temporary = tempfile.mkstemp(prefix=".ent-lint-", suffix=".tmp",
                                                      dir=os.path.dirname(os.path.abspath(path)))
            os.chmod(self.temporary, mode)  # mkstemp's 0600 would outlive the rename
            self.stream = open(handle, "w", encoding="utf-8")
        except OSError as exc:
            _fail(_("{path}: the report cannot be written ({reason})").format(path=path, reason=exc.strerror or exc))

    def commit(self) -> None:
        """Close the report and put it in place (an OSError when it cannot be written)."""
        import os

        self.stream.close()
        if self.temporary:
            os.replace(self.temporary, self.path)
            self.temporary = None

    def discard(self) -> None:
        import os

        try:
            self.stream.close()
        except OSError:
            pass
        if self.temporary:
            try:
                os.unlink(self.temporary)
            except OSError:
                pass


def _cluster_runner(linter, scheduler, cache, shared_storage):
    """A runner on the Dask cluster at ``scheduler``: without the dask extra, or with a cluster
    that cannot be reached or used, a usage error."""
    from .errors import ConfigError

    try:
        from .distributed import DaskRunner
    except ImportError as exc:
        _fail(exc)
    try:
        return DaskRunner(linter, scheduler, cache=cache, shared_storage=shared_storage)
    except ConfigError as exc:
        _fail(exc)


def _with_published_csv(settings, path) -> None:
    """``--scdl``: the option ``csv`` of the rules that compare a published CSV with the acts.

    The option is kept in the context rather than passed to ``check``: the settings are where
    rule options live, and the engine checks them like those of the configuration."""
    if not path:
        return
    from .engine import discover

    for rule_id, cls in discover(settings.rules_dir).items():
        if cls.family == "open-data" and "csv" in cls.options:
            settings.rule_options = {**settings.rule_options,
                                     rule_id: {**settings.rule_options.get(rule_id, {}), "csv": path}}


def _with_archive(runner, jobs):
    """Every document's result, then the archive rules' findings over them all (when any)."""
    yield from runner.run(jobs)
    archive = runner.archive()
    if archive.findings:
        yield archive


def _run_check(runner, jobs, fmt, stream, settings, known, write_baseline, statistics, exit_zero,
               progress, started, *, colour, verbose=False, quiet=False, skipped=(), images=False) -> int:
    import time

    from .baseline import write
    from .report import HUMAN_FORMATS, Summary, line_start, reporter, shown

    rules = {r.id: type(r) for r in runner.linter.checker.rules} if fmt in ("sarif", "html") else None
    out = reporter(fmt, stream, rules=rules, fail_on=settings.fail_on, colour=colour, verbose=verbose,
                   lang=i18n.current(), rules_dir=settings.rules_dir, quiet=quiet, images=images)
    summary = Summary(skipped=len(skipped))
    if verbose:
        for name, why in skipped:
            click.echo(shown(_("{name}: skipped: {reason}").format(name=line_start(name), reason=i18n.reason(why))),
                       err=True)
    bar = _Progress(len(jobs), enabled=sys.stderr.isatty() if progress is None else progress)
    recorded = [] if write_baseline else None
    errors = []
    out.start()
    for result in _with_archive(runner, jobs):
        _against_baseline(result, known, recorded)
        summary.add(result)
        out.add(result)
        if result.error:
            errors.append(shown(_("{name}: error: {reason}").format(
                name=line_start(result.name), reason=i18n.reason(result.error, detail=result.detail, verbose=verbose))))
        if not result.archive:
            bar.step()
    bar.close()
    if known is not None:
        summary.baseline_matched = known.matched
        summary.baseline_gone = known.gone()
    summary.seconds = time.perf_counter() - started
    summary.by_rule_line = not statistics  # the table stands for the line of findings by rule
    if statistics and fmt in HUMAN_FORMATS:
        stream.write(summary.statistics(i18n.current()) + "\n")
    out.finish(summary)
    stream.flush()
    if write_baseline:
        try:
            write(write_baseline, recorded)
        except OSError as exc:
            click.echo(_("ent-lint: error: {path}: the baseline cannot be written ({reason})").format(
                path=write_baseline, reason=exc.strerror or exc), err=True)
            return ERROR
    _say_on_stderr(errors, summary, human=fmt in HUMAN_FORMATS, statistics=statistics, quiet=quiet,
                   baseline=known is not None)
    return exit_code([s for s, n in summary.by_severity.items() if n], summary.unreadable, settings.fail_on,
                     exit_zero)


def _against_baseline(result, known, recorded) -> None:
    """``--write-baseline``: add the result's findings to ``recorded``; ``--baseline``: keep only
    the findings ``known`` does not hold."""
    if recorded is not None:
        from .baseline import entries_for

        recorded.extend(entries_for(result.name, result.digest, result.findings))
    if known is not None:
        result.findings = [f for f in result.findings if not known.is_known(result.name, result.digest, f)]


def _say_on_stderr(errors, summary, *, human, statistics, quiet, baseline) -> None:
    """After the report: the read errors, the summary (after a machine format, which holds none)
    and the baseline's entries no longer matched."""
    for line in errors:
        click.echo(line, err=True)
    if not human and not quiet:
        if statistics:
            click.echo(summary.statistics(i18n.current()), err=True)
        click.echo(summary.closing(i18n.current()), err=True)
    if baseline:
        _say_baseline_gone(summary.baseline_gone)


def _say_baseline_gone(gone) -> None:
    """The baseline's entries no finding matched, the first 20 of them, on stderr."""
    from .report import shown

    if not gone:
        return
    click.echo(ngettext("baseline: {n} entry no longer matches (fixed, or the document changed or left the run):",
                        "baseline: {n} entries no longer match (fixed, or the document changed or left the run):",
                        len(gone)).format(n=len(gone)), err=True)
    for entry in gone[:20]:
        click.echo(shown(f"  {entry.path}: {entry.rule}: {entry.message}"), err=True)
    if len(gone) > 20:
        click.echo(_("  ... and {n} more").format(n=len(gone) - 20), err=True)


class _Progress:
    """done/total, rate and ETA on one stderr line, redrawn at most ten times a second."""

    def __init__(self, total: int, enabled: bool):
        import time

        self.total, self.enabled, self.done = total, enabled and total > 1, 0
        self.started = self.drawn = time.monotonic()

    def step(self) -> None:
        import time

        self.done += 1
        now = time.monotonic()
        if not self.enabled or (now - self.drawn < 0.1 and self.done < self.total):
            return
        self.drawn = now
        rate = self.done / max(now - self.started, 1e-6)
        eta = (self.total - self.done) / rate if rate else 0
        width = 24
        filled = int(width * self.done / max(self.total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
                         f"  {rate:.1f} doc/s  ETA {eta:.0f} s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


@main.command(help=N_("Print the fields read from FILES (documents, folders, glob patterns, .zip archives):"
                      " in JSON, one document per line (JSON Lines), or as text."))
@click.argument("files", nargs=-1, required=True)
@option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
        help=N_("json: one JSON object per document and per line; text: for people."))
@option("--locations", is_flag=True, help=N_("Include where each value was read (line, column, page, text)."))
@_exclude_options
@_reading_options
@option("--timeout", type=click.FloatRange(min=0),
        help=N_("Seconds allowed per document, 0 for no limit (default: 60, and 8 more a page to OCR)."))
@option("-v", "--verbose", is_flag=True,
        help=N_("List the files skipped in folders, and the system's words on a read error."))
@LANG_OPTION
def extract(files, fmt, locations, exclude, extend_exclude, engine, ocr, max_pages, max_size, timeout, verbose, lang):
    _use_lang(lang)
    from .api import plain
    from .batch import Runner
    from .config import find_config
    from .errors import ConfigError
    from .extract_text import summary
    from .linter import Linter
    from .report import line_start, shown

    try:
        settings = find_config(Path.cwd()).merged(exclude=_ids(exclude), extend_exclude=_ids(extend_exclude))
    except ConfigError as exc:
        _fail(exc)
    skipped: list[tuple[str, str]] = []
    jobs = _jobs(files, settings, skipped, None)
    for name, why in skipped if verbose else ():
        click.echo(shown(_("{name}: skipped: {reason}").format(name=line_start(name), reason=i18n.reason(why))),
                   err=True)
    linter = Linter(engine=engine, ocr=ocr, max_pages=max_pages, max_size=max_size * 1024**2,
                    **_time_budget(timeout))
    runner = Runner(linter, workers=1, keep=True, rules=False)  # a worker: the timeout holds in C code too
    failed = 0
    for result in runner.run(jobs):
        if result.error:
            click.echo(shown(_("{name}: error: {reason}").format(
                name=line_start(result.name), reason=i18n.reason(result.error, detail=result.detail, verbose=verbose))),
                err=True)
            failed += 1
            continue
        document = result.document
        document.path = result.name  # a zip member's name, as check reports it
        if fmt == "json":
            click.echo(json.dumps(plain(document, locations), ensure_ascii=False))
        else:
            click.echo("\n".join(shown(line) for line in summary(document, locations=locations).split("\n")))
    if skipped and not verbose:
        click.echo(ngettext("{n} file skipped (not a document type, or excluded; see --verbose)",
                            "{n} files skipped (not a document type, or excluded; see --verbose)",
                            len(skipped)).format(n=len(skipped)), err=True)
    sys.exit(ERROR if failed else OK)


def _severities(cls) -> str:
    """The severities a rule's findings carry, as ``rules`` shows them: "error/warning"."""
    from .report import SEVERITY_NAMES

    return "/".join(_(SEVERITY_NAMES[s]) for s in cls.severities())


@main.command("rules", help=N_("List the available rules."))
@option("--rules-dir", multiple=True, type=click.Path(), help=N_("Load rules from a folder of .py files."))
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help=N_("Output format."))
@LANG_OPTION
def list_rules(rules_dir, fmt, lang):
    global _REPORTED
    _use_lang(lang)
    from .engine import discover
    from .errors import ConfigError

    try:
        registry = discover(rules_dir)
    except ConfigError as exc:
        _fail(exc)
    rows = sorted(registry.values(), key=lambda r: (r.family, r.id))
    if fmt == "json":
        click.echo(json.dumps([{**r.describe(), "summary": i18n.summary(r)} for r in rows], ensure_ascii=False,
                              indent=2))
    else:
        for rule in rows:
            click.echo(f"{rule.id:<26} {rule.family:<11} {_severities(rule):<13} {i18n.summary(rule)}")
    _REPORTED = True  # nothing left open: the quick exit (the rules loaded, teardown would cost 40 ms)


@main.command(help=N_("Print the documentation of RULE (a rule id or a family), or of every rule with --all."))
@click.argument("rule", required=False)
@option("--all", "all_rules", is_flag=True, help=N_("Every rule."))
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help=N_("text, or json: a list of objects (id, family, severities, summary, source, documentation...)."))
@option("--rules-dir", multiple=True, type=click.Path(), help=N_("Load rules from a folder of .py files."))
@LANG_OPTION
def explain(rule, all_rules, fmt, rules_dir, lang):
    _use_lang(lang)
    from .engine import discover, resolve_ids
    from .errors import ConfigError
    from .report import SEVERITY_NAMES

    if bool(rule) == all_rules:
        _fail(_("explain takes one RULE, or --all"))
    try:
        registry = discover(rules_dir)
        ids = sorted(registry) if all_rules else sorted(resolve_ids(registry, [rule], "explain"))
    except ConfigError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps([{**registry[i].describe(), "summary": i18n.summary(registry[i]),
                                "source": i18n.source(registry[i]), "documentation": i18n.documentation(registry[i]),
                                "extras": i18n.extras(registry[i]).strip()} for i in ids],
                              ensure_ascii=False, indent=2))
        return
    for number, rule_id in enumerate(ids):
        cls = registry[rule_id]
        if number:
            click.echo("")
        click.echo(_("{rule} ({family}, default severity {severity})").format(
            rule=cls.id, family=cls.family, severity=_(SEVERITY_NAMES[cls.severity])))
        for name, message in cls.messages.items():
            if message.severity and message.severity != cls.severity:
                click.echo(_("  {severity} when: {message}").format(severity=_(SEVERITY_NAMES[message.severity]),
                                                                    message=_(message.text)))
        for severity, when in cls.severity_when.items():
            click.echo(_("  {severity}: {when}").format(severity=_(SEVERITY_NAMES[severity]), when=_(when)))
        click.echo(i18n.summary(cls) + "\n" + _("Legal source: {source}").format(source=i18n.source(cls)) + "\n")
        click.echo(i18n.documentation(cls))
        click.echo(i18n.extras(cls))


@main.command(help=N_("Serve the web page and the HTTP API (POST /api/lint, /api/extract; GET /api/rules)."))
@option("--host", default="127.0.0.1", show_default=True, help=N_("Address to listen on."))
@option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help=N_("Port to listen on."))
@option("--max-upload", type=click.IntRange(min=1), default=150, show_default=True, help=N_("Largest upload, in MiB."))
@option("--timeout", type=click.FloatRange(min=1),
        help=N_("Seconds allowed to check one document (default: 60, and 8 more a page to OCR; given, fixed)."))
@option("-j", "--jobs", type=click.IntRange(min=1), help=N_("Documents checked at once (default: the cores)."))
@option("--header-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
        help=N_("Seconds a client has to send a request's line and headers."))
@option("--upload-idle", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
        help=N_("Seconds an upload may stop sending before it is given up (408)."))
@option("--max-connections", type=click.IntRange(min=1), default=1000, show_default=True,
        help=N_("Connections open at once, at most (fewer if the open-files limit allows fewer)."))
@LANG_OPTION
def serve(host, port, max_upload, timeout, jobs, header_timeout, upload_idle, max_connections, lang):
    import os
    import socket

    from .config import find_config
    from .errors import ConfigError
    from .linter import build_checker
    from .web.app import ServeSettings, create_app
    from .web.server import run

    try:  # the project's configuration, as `ent-lint check` finds it; a bad one is a usage error
        project = find_config(Path.cwd())
        build_checker(project)
    except ConfigError as exc:
        _fail(exc)
    try:  # a clear usage error, before the worker processes start, when the port is taken
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        _fail(_("{host}:{port}: cannot listen ({reason})").format(host=host, port=port, reason=exc.strerror or exc))

    settings = ServeSettings(max_upload=max_upload * 1024 * 1024, **_time_budget(timeout), upload_idle=upload_idle,
                             workers=jobs or os.cpu_count() or 1, lint=project, lang=lang or project.lang or i18n.DEFAULT)
    app = create_app(settings)
    click.echo(f"ent-lint {__version__}: http://{host}:{port}/", err=True)
    import signal

    # uvicorn stops on SIGTERM and SIGINT once the requests in flight have answered (within a
    # check's time), then raises the signal again: here it is done, and the exit status is 0
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, lambda *_: None)
    run(app, host=host, port=port, workers=settings.workers, shutdown_seconds=settings.timeout + 10,
        header_timeout=header_timeout, connections=max_connections)


@main.command("export", help=N_("Write the deliberations of FILES as an open-data CSV; a row that cannot be complete"
                                 " and valid is reported on stderr (file and column) and left out, and the exit"
                                 " code is then 1."))
@click.argument("files", nargs=-1, required=True)
@option("--format", "fmt", type=click.Choice(["scdl"]), required=True,
        help=N_("scdl: the SCDL « Délibérations » 2.1.5 open-data CSV."))
@option("-o", "--output", type=click.Path(dir_okay=False), help=N_("Write the CSV to FILE (default: stdout)."))
@option("--siret", help=N_("COLL_SIRET of every row: the collectivity's SIRET (14 digits)."))
@option("--matiere", metavar="CODE",
        help=N_("DELIB_MATIERE_CODE of every row (8.1); its label from the classification."))
@option("--coll-nom", help=N_("COLL_NOM of every row: the official name, when the documents write another form."))
@option("--pref-id", help=N_("PREF_ID of every row: the prefecture (PREF083) or sub-prefecture."))
@option("--sidecar", type=click.Path(dir_okay=False, exists=True),
        help=N_("Values per document: a TOML or CSV file keyed by document file name ('name#2' for an item)."))
@option("--classification", type=click.Path(dir_okay=False, exists=True),
        help=N_("The @actes classification for the matière labels (default: the national one, see README)."))
@option("--timeout", type=click.FloatRange(min=0),
        help=N_("Seconds allowed per document, 0 for no limit (default: 60, and 8 more a page to OCR)."))
@LANG_OPTION
def export_command(files, fmt, output, siret, matiere, coll_nom, pref_id, sidecar, classification, timeout, lang):
    _use_lang(lang)
    from .config import find_config
    from .errors import ConfigError
    from .exitcodes import FINDINGS
    from .scdl import export, read_sidecar

    options = {"COLL_SIRET": siret, "DELIB_MATIERE_CODE": matiere, "COLL_NOM": coll_nom, "PREF_ID": pref_id}
    try:
        config = find_config(Path.cwd()).scdl
        table = read_sidecar(sidecar) if sidecar else {}
        codes = [matiere, config.get("DELIB_MATIERE_CODE"), *(v.get("DELIB_MATIERE_CODE") for v in table.values())]
        labels = None
        if any(codes):
            from .actes import load_classification, schema_file

            labels = load_classification(schema_file("actes/classification.xml", classification))
    except ConfigError as exc:
        _fail(exc)
    documents, failed = _read_documents(files, timeout)
    try:
        made = export(documents, options={k: v for k, v in options.items() if v}, config=config, sidecar=table,
                      classification=labels)
    except ConfigError as exc:
        _fail(exc)
    try:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.write(made.csv())
        else:
            sys.stdout.write(made.csv())
    except OSError as exc:
        _fail(_("{path}: the CSV cannot be written ({reason})").format(path=output, reason=exc.strerror or exc))
    for key in made.unused:
        click.echo(_("ent-lint: warning: {path}: [{key}] names no deliberation of the run").format(
            path=sidecar, key=key), err=True)
    for problem in made.problems:  # the messages are English msgids with their values: translated here
        where = f"{problem.file}#{problem.item}" if problem.item is not None else problem.file
        click.echo(_("{where}: {column}: {message}").format(where=where, column=problem.column,
                                                           message=i18n.reason(problem.message)), err=True)
    left_out = len({(p.file, p.item) for p in made.problems})
    rows = ngettext("{n} row written", "{n} rows written", len(made.rows)).format(n=len(made.rows))
    out = ngettext("{n} deliberation left out", "{n} deliberations left out", left_out).format(n=left_out)
    click.echo(_("{rows}, {left_out}").format(rows=rows, left_out=out), err=True)
    sys.exit(ERROR if failed else FINDINGS if made.problems else OK)


def _read_documents(files, timeout) -> tuple[list, int]:
    """The documents of FILES read (no rule run), as (name, document) pairs, and how many could
    not be read (each said on stderr).  They are read in a worker, as ``check`` reads them: the
    time budget holds even in C code, and memory is capped."""
    from .batch import Runner
    from .inputs import expand
    from .linter import Linter
    from .report import line_start, shown

    documents, failed = [], 0
    runner = Runner(Linter(**_time_budget(timeout)), workers=1, keep=True, rules=False)
    for result in runner.run(list(expand(files))):
        if result.error:
            click.echo(shown(_("{name}: error: {reason}").format(
                name=line_start(result.name), reason=i18n.reason(result.error, detail=result.detail))), err=True)
            failed += 1
        else:
            documents.append((result.name, result.document))
    return documents, failed


@main.command("actes", help=N_("Check ACT (a PDF) and its ANNEXES before their transmission to the prefecture"
                               " (@actes): the envelope's number, subject, nature, matière, the files, their size,"
                               " and the envelope against the act."))
@click.argument("act", type=click.Path(dir_okay=False))
@click.argument("annexes", nargs=-1, type=click.Path(dir_okay=False))
@option("--envelope", type=click.Path(dir_okay=False, exists=True),
        help=N_("The envelope: a TOML file (numero, objet, nature, matiere, date) or @actes v1.1 XML."))
@option("--numero", help=N_("The act number (NumeroInterne)."))
@option("--objet", help=N_("The subject of the act."))
@option("--nature", type=int, help=N_("The nature code: 1 DE, 2 AR, 3 AI, 4 CC, 5 BF, 6 AU."))
@option("--matiere", help=N_("The matière code (8.1)."))
@option("--date", "date_", type=click.DateTime(["%Y-%m-%d"]), help=N_("The date of the decision (YYYY-MM-DD)."))
@option("--classification", type=click.Path(dir_okay=False, exists=True),
        help=N_("The prefecture's @actes classification (default: the national one, see README)."))
@option("--xsd", type=click.Path(dir_okay=False, exists=True), help=N_("The @actes v1.1 XSD (actesv1_1.xsd)."))
@option("--format", "fmt", type=click.Choice(["text", "concise", "json"]), default="text", show_default=True,
        help=N_("Output format."))
@LANG_OPTION
def actes_command(act, annexes, envelope, numero, objet, nature, matiere, date_, classification, xsd, fmt, lang):
    _use_lang(lang)
    from .actes import (Envelope, EnvelopeError, Transmission, check_envelope, files_missing, load_classification,
                        read_envelope, schema_file)
    from .batch import Runner
    from .errors import ConfigError
    from .inputs import Job
    from .linter import Linter, Result
    from .report import Summary, reporter

    missing = list(files_missing([act, *annexes]))
    if missing:
        _fail(_("{path}: no such file").format(path=missing[0]))
    try:
        given = read_envelope(envelope, xsd) if envelope else Envelope()
        labels = load_classification(schema_file("actes/classification.xml", classification))
    except (EnvelopeError, ConfigError) as exc:
        _fail(exc)
    given = given.merged(number=numero, subject=objet, nature=nature, matiere=matiere,
                         date=date_.date() if date_ else None)
    # read in a worker, as check reads it: the time budget holds in C code too
    [read] = Runner(Linter(**_time_budget(None)), workers=1, keep=True, rules=False).run([Job(act, act)])
    result = Result(act, check_envelope(Transmission(given, act, list(annexes), labels, document=read.document)))
    for finding in result.findings:  # the act's lines the findings point at, for the text reporter
        line = read.source.line_at(finding.page, finding.line) if read.source and finding.line else None
        if line is not None:
            result.lines[f"{finding.page or 0}:{finding.line}"] = line.raw.rstrip("\n")
    summary = Summary()
    summary.add(result)
    out = reporter(fmt, sys.stdout)
    out.start()
    out.add(result)
    out.finish(summary)
    sys.exit(exit_code(result.findings, 0))


if __name__ == "__main__":
    run()
