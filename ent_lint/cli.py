"""The command line: a thin layer over :mod:`ent_lint.api`.

``ent-lint FILE...`` lints; ``extract``, ``rules`` and ``explain`` are subcommands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__, i18n
from .exitcodes import ERROR, OK, exit_code
from .i18n import N_, _, ngettext

LEVELS = ["error", "warning", "info"]


class _DefaultToCheck(click.Group):
    """Treat ``ent-lint FILE...`` as ``ent-lint check FILE...``."""

    def parse_args(self, ctx, args):
        takes_value = {"--format", "-o", "--output", "--select", "--extend-select", "--ignore",
                       "--severity", "--min-severity", "--fail-on", "--rules-dir", "--engine", "-j",
                       "--jobs", "--timeout", "--baseline", "--write-baseline", "--cache-dir", "--ocr",
                       "--max-pages", "--max-size", "--scheduler", "--scdl", "--lang"}
        skip = False
        for arg in args:
            if skip:
                skip = False
                continue
            if arg in takes_value:
                skip = True
                continue
            if arg.startswith("-"):
                continue
            if arg not in self.commands:
                args = ["check", *args]
            break
        return super().parse_args(ctx, args)


def _fail(message: str) -> None:
    click.echo(f"ent-lint: error: {message}", err=True)
    sys.exit(ERROR)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ent-lint")
def main():
    """Lint French council deliberations, minutes and annexed conventions.

    \b
    ent-lint FILE...            check documents (text or PDF), folders, globs, zip archives
    ent-lint extract FILE...    print the fields read from documents
    ent-lint rules              list the rules
    ent-lint explain RULE       print a rule's documentation
    ent-lint export --format scdl FILE...   the deliberations as an open-data CSV
    ent-lint actes ACT.pdf [ANNEX...]       check an @actes envelope before sending it
    ent-lint serve              the web page and HTTP API
    """


LANG_OPTION = click.option("--lang", type=click.Choice(i18n.LANGUAGES),
                           help="Language of what is printed: fr (default) or en; `lang` in the configuration.")


def _use_lang(lang) -> None:
    """The language of this command: the option, else the configuration's ``lang``, else French."""
    from .config import find_config
    from .errors import ConfigError

    if not lang:
        try:
            lang = find_config(Path.cwd()).lang
        except ConfigError as exc:
            _fail(str(exc))
    i18n.use(lang or i18n.DEFAULT)


def _ids(values: tuple[str, ...]):
    return [v.strip() for value in values for v in value.split(",") if v.strip()] if values else None


FORMATS = ["text", "concise", "json", "json-lines", "sarif", "junit", "github", "gitlab", "html"]


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--scdl", type=click.Path(dir_okay=False, exists=True), expose_value=False,
              callback=lambda ctx, param, value: ctx.meta.update(scdl=value),  # read by _with_published_csv
              help="A published SCDL deliberations CSV to compare with the acts (the open-data rules).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--images", is_flag=True, help="--format html: embed the PDF pages that hold findings, evidence framed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores).")
@click.option("--timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds allowed per document; 0 for no limit.")
@click.option("--select", multiple=True, help="Rules or families to check (replaces the default: all).")
@click.option("--extend-select", multiple=True, help="Rules or families to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules or families to leave out.")
@click.option("--severity", multiple=True, metavar="RULE=LEVEL", help="Override a rule's severity.")
@click.option("--min-severity", type=click.Choice(LEVELS), help="Hide findings below this level.")
@click.option("--fail-on", type=click.Choice(LEVELS + ["never"]),
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--statistics", is_flag=True, help="Print the number of findings by rule.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the findings as a baseline.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the results cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where the results cache lives.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--rules-dir", multiple=True, type=click.Path(), help="Load rules from a folder of .py files.")
@click.option("--engine", type=click.Choice(["fast", "pdfplumber"]), default="fast",
              help="How PDFs are read (fast: pypdfium2 text, pdfplumber for tables).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR of PDF pages: those without a usable text layer, all, or none.")
@click.option("--max-pages", type=click.IntRange(min=0), default=200, show_default=True,
              help="Refuse PDFs with more pages (0: no limit).")
@click.option("--max-size", type=click.IntRange(min=0), default=20, show_default=True,
              help="Refuse text files larger than this, in MiB (0: no limit).")
@click.option("--no-color", is_flag=True, help="No colours in text output.")
@click.option("-v", "--verbose", is_flag=True, help="Show the traceback of a rule that failed (rule-crash).")
@click.option("--scheduler", envvar="ENT_LINT_SCHEDULER", metavar="ADDRESS",
              help="Check on the Dask cluster of this scheduler (tcp://host:8786) instead of -j processes.")
@click.option("--shared-storage", is_flag=True,
              help="With --scheduler: the workers read the files at the same paths (else they get the bytes).")
@LANG_OPTION
def check(files, fmt, output, images, jobs, timeout, select, extend_select, ignore, severity, min_severity, fail_on,
          exit_zero, statistics, baseline, write_baseline, no_cache, cache_dir, progress, rules_dir, engine,
          ocr, max_pages, max_size, no_color, verbose, scheduler, shared_storage, lang):
    """Check FILES (documents, folders, glob patterns, .zip archives) and report the findings."""
    import os
    import time

    from .config import find_config, parse_severities
    from .errors import ConfigError
    from .inputs import expand

    started = time.perf_counter()
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    try:
        settings = find_config(Path.cwd()).merged(
            select=_ids(select), extend_select=_ids(extend_select), ignore=_ids(ignore),
            severity=parse_severities(",".join(severity), "--severity") if severity else None,
            min_severity=min_severity, fail_on=fail_on, rules_dir=list(rules_dir), lang=lang)
        _with_published_csv(settings, click.get_current_context().meta.get("scdl"))
    except ConfigError as exc:
        _fail(str(exc))
    i18n.use(settings.lang or i18n.DEFAULT)
    known = None
    if baseline:
        from .baseline import Baseline, BaselineError

        try:
            known = Baseline.load(baseline)
        except BaselineError as exc:
            _fail(str(exc))
    cache = None
    if not no_cache:
        from .cache import Cache, default_dir

        cache = Cache(Path(cache_dir) if cache_dir else default_dir())
        if cache.error:
            click.echo(f"ent-lint: warning: {cache.error}", err=True)
            cache = None
    from .batch import Runner
    from .linter import Linter

    linter = Linter(settings, engine=engine, timeout=timeout or None, ocr=ocr, max_pages=max_pages,
                    max_size=max_size * 1024**2)
    if scheduler:
        runner = _cluster_runner(linter, scheduler, cache, shared_storage)
    elif shared_storage:
        _fail("--shared-storage goes with --scheduler (or ENT_LINT_SCHEDULER)")
    else:
        runner = Runner(linter, workers=jobs or os.cpu_count() or 1, cache=cache)
    try:
        if cache is None or not cache.get(f"config:{runner.key_base}") or fmt == "sarif":
            linter.checker  # noqa: B018  (validates the selection now: a bad rule id is a usage error)
            if cache is not None:
                cache.put(f"config:{runner.key_base}", {"ok": True})
    except ConfigError as exc:
        _fail(str(exc))
    job_list = list(expand(files))
    report = _Report(output, job_list) if output else None
    stream = report.stream if report else sys.stdout
    try:
        code = _run_check(runner, job_list, fmt, stream, settings, known, write_baseline, statistics,
                          exit_zero, progress, started, verbose=verbose, images=images,
                          colour=not no_color and output is None and fmt == "text" and sys.stdout.isatty())
        if report:
            report.commit()
    except KeyboardInterrupt:
        click.echo("\nent-lint: interrupted", err=True)
        code = 130
    except OSError as exc:
        if report is None:
            raise
        click.echo(f"ent-lint: error: {output}: the report cannot be written ({exc.strerror or exc})", err=True)
        code = ERROR
    finally:
        if report:
            report.discard()
        if cache is not None:
            cache.close()
        if scheduler:
            runner.close()
    sys.exit(code)


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
                    _fail(f"{path}: -o names an input ({job.name}): it would be overwritten")
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
            _fail(f"{path}: the report cannot be written ({exc.strerror or exc})")

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
        _fail(str(exc))
    try:
        return DaskRunner(linter, scheduler, cache=cache, shared_storage=shared_storage)
    except ConfigError as exc:
        _fail(str(exc))


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
               progress, started, *, colour, verbose=False, images=False) -> int:
    import time

    from .baseline import entries_for, write
    from .report import HUMAN_FORMATS, Summary, line_start, reporter, shown

    rules = {r.id: type(r) for r in runner.linter.checker.rules} if fmt in ("sarif", "html") else None
    out = reporter(fmt, stream, rules=rules, fail_on=settings.fail_on, colour=colour, verbose=verbose,
                   lang=i18n.current(), rules_dir=settings.rules_dir, images=images)
    summary = Summary()
    bar = _Progress(len(jobs), enabled=sys.stderr.isatty() if progress is None else progress)
    recorded = []
    errors = []
    out.start()
    for result in _with_archive(runner, jobs):
        if write_baseline:
            recorded.extend(entries_for(result.name, result.digest, result.findings))
        if known is not None:
            kept = [f for f in result.findings if not known.is_known(result.name, result.digest, f)]
            result.findings = kept
        summary.add(result)
        out.add(result)
        if result.error:
            errors.append(shown(_("{name}: error: {reason}").format(name=line_start(result.name),
                                                                   reason=i18n.reason(result.error))))
        if not result.archive:
            bar.step()
    bar.close()
    if known is not None:
        summary.baseline_matched = known.matched
        summary.baseline_gone = known.gone()
    summary.seconds = time.perf_counter() - started
    if statistics and fmt in HUMAN_FORMATS:
        stream.write(summary.statistics(i18n.current()) + "\n")
    out.finish(summary)
    stream.flush()
    if write_baseline:
        try:
            write(write_baseline, recorded)
        except OSError as exc:
            click.echo(f"ent-lint: error: {write_baseline}: the baseline cannot be written ({exc.strerror or exc})",
                       err=True)
            return ERROR
    for line in errors:
        click.echo(line, err=True)
    if fmt not in HUMAN_FORMATS:
        if statistics:
            click.echo(summary.statistics(i18n.current()), err=True)
        click.echo(summary.closing(i18n.current()), err=True)
    if known is not None and summary.baseline_gone:
        gone = len(summary.baseline_gone)
        click.echo(ngettext("baseline: {n} entry no longer matches (fixed, or the document changed or left the run):",
                            "baseline: {n} entries no longer match (fixed, or the document changed or left the run):",
                            gone).format(n=gone), err=True)
        for entry in summary.baseline_gone[:20]:
            click.echo(shown(f"  {entry.path}: {entry.rule}: {entry.message}"), err=True)
        if len(summary.baseline_gone) > 20:
            click.echo(_("  ... and {n} more").format(n=len(summary.baseline_gone) - 20), err=True)
    return exit_code([s for s, n in summary.by_severity.items() if n], summary.unreadable, settings.fail_on,
                     exit_zero)


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


#: the deliberating bodies as the text summary names them
BODIES = {"municipal council": N_("municipal council"), "community council": N_("community council")}


def _text_summary(document) -> str:
    """The fields read from a document, one line per group, in the current language."""
    pages = ngettext(", {n} page", ", {n} pages", document.page_count).format(n=document.page_count) \
        if document.page_count else ""
    out = [f"{document.path} ({document.format}, {document.kind}{pages})"]
    for number, delib in enumerate(document.deliberations, 1):
        c = delib.counts
        out.append(_("  deliberation {number}: {id} {title}").format(
            number=number, id=delib.number or "-", title=delib.title or "").rstrip())
        out.append(_("    {body} of {authority}, sitting {date} {time} at {place}, president {president}").format(
            body=_(BODIES[delib.body]) if delib.body in BODIES else _("council"), authority=delib.authority or "?", date=delib.session.date or "?",
            time=delib.session.time or "", place=delib.session.place or "?",
            president=delib.session.president.name if delib.session.president else "?"))
        out.append(_("    convened {convened}, posted {posted}").format(convened=delib.convened_on,
                                                                       posted=delib.posted_on))
        out.append(_("    counts: in office {in_office}, present {present}, represented {represented}, voting {voting}")
                   .format(in_office=c.in_office, present=c.present, represented=c.represented, voting=c.voting))
        out.append(_("    lists: {present} present, {proxies} proxies, {absent} absent, {not_voting} not voting;"
                     " secretary {secretary}").format(
            present=len(delib.present), proxies=len(delib.proxies), absent=len(delib.absent),
            not_voting=len(delib.not_voting), secretary=delib.secretary.name if delib.secretary else "?"))
        vote = delib.vote
        outcome = _("unanimous") if vote.unanimous else _("for {for_}, against {against}, abstain {abstain}").format(
            for_=vote.for_, against=vote.against, abstain=vote.abstain)
        out.append(_("    vote: {outcome}").format(outcome=outcome if vote.stated else _("not stated")))
    for conv in document.conventions:
        out.append(_("  convention: {title}").format(title=conv.title or "-"))
        for party in conv.parties:
            rep = party.representative.name if party.representative else "?"
            out.append(_("    party: {name} (represented by {representative}; {role})").format(
                name=party.name, representative=rep, role=party.role or "-"))
        out.append(_("    duration {duration}, start {start}, end {end}, signed at {place} on {day}").format(
            duration=conv.duration, start=conv.start, end=conv.end_date, place=conv.signed_place, day=conv.signed_on))
        out.append(_("    {articles} articles, stated pages {stated}, {schools} schools").format(
            articles=len(conv.articles), stated=conv.stated_page_count, schools=len(conv.schools)))
        for school in conv.schools:
            out.append(f"      {school.type} {school.uai} {school.name} | {school.address} | {school.email}")
    return "\n".join(out)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--locations", is_flag=True, help="Include where each value was read (spans).")
@click.option("--engine", type=click.Choice(["fast", "pdfplumber"]), default="fast")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR of PDF pages: those without a usable text layer, all, or none.")
@click.option("--max-pages", type=click.IntRange(min=0), default=200, show_default=True,
              help="Refuse PDFs with more pages (0: no limit).")
@click.option("--max-size", type=click.IntRange(min=0), default=20, show_default=True,
              help="Refuse text files larger than this, in MiB (0: no limit).")
@click.option("--timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds allowed per document; 0 for no limit.")
@LANG_OPTION
def extract(files, fmt, locations, engine, ocr, max_pages, max_size, timeout, lang):
    """Print the fields read from FILES."""
    _use_lang(lang)
    from .api import plain
    from .batch import Runner
    from .inputs import Job
    from .linter import Linter
    from .report import shown

    linter = Linter(engine=engine, timeout=timeout or None, ocr=ocr, max_pages=max_pages, max_size=max_size * 1024**2)
    runner = Runner(linter, workers=1, keep=True, rules=False)  # a worker: the timeout holds in C code too
    results = []
    failed = 0
    for result in runner.run(Job(path, path) for path in files):
        if result.error:
            click.echo(shown(_("{name}: error: {reason}").format(name=result.name, reason=i18n.reason(result.error))),
                       err=True)
            failed += 1
            continue
        results.append(result.document)
    if fmt == "json":
        payload = [plain(d, locations) for d in results]
        if len(files) == 1:
            payload = payload[0] if payload else None
        if payload is not None:
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for document in results:
            click.echo(_text_summary(document))
    sys.exit(ERROR if failed else OK)


@main.command("rules")
@click.option("--rules-dir", multiple=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@LANG_OPTION
def list_rules(rules_dir, fmt, lang):
    """List the available rules."""
    _use_lang(lang)
    from .engine import discover
    from .errors import ConfigError

    try:
        registry = discover(rules_dir)
    except ConfigError as exc:
        _fail(str(exc))
    rows = sorted(registry.values(), key=lambda r: (r.family, r.id))
    if fmt == "json":
        click.echo(json.dumps([{**r.describe(), "summary": i18n.summary(r)} for r in rows], ensure_ascii=False,
                              indent=2))
        return
    for rule in rows:
        click.echo(f"{rule.id:<26} {rule.family:<11} {_(rule.severity):<13} {i18n.summary(rule)}")


@main.command()
@click.argument("rule")
@click.option("--rules-dir", multiple=True, type=click.Path())
@LANG_OPTION
def explain(rule, rules_dir, lang):
    """Print the documentation of RULE."""
    _use_lang(lang)
    from .engine import discover, resolve_ids
    from .errors import ConfigError

    try:
        registry = discover(rules_dir)
        ids = resolve_ids(registry, [rule], "explain")
    except ConfigError as exc:
        _fail(str(exc))
    for rule_id in sorted(ids):
        cls = registry[rule_id]
        click.echo(_("{rule} ({family}, default severity {severity})").format(
            rule=cls.id, family=cls.family, severity=_(cls.severity)))
        click.echo(i18n.summary(cls) + "\n" + _("Legal source: {source}").format(source=i18n.source(cls)) + "\n")
        click.echo(i18n.documentation(cls))
        click.echo(i18n.extras(cls))
        if len(ids) > 1:
            click.echo("")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--max-upload", type=click.IntRange(min=1), default=20, show_default=True, help="Largest upload, in MiB.")
@click.option("--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True,
              help="Seconds allowed to check one upload.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Documents checked at once (default: the cores).")
@LANG_OPTION
def serve(host, port, max_upload, timeout, jobs, lang):
    """Serve the web page and the HTTP API (POST /api/lint, /api/extract; GET /api/rules)."""
    import os
    import socket

    import uvicorn

    from .config import find_config
    from .errors import ConfigError
    from .linter import build_checker
    from .web.app import ServeSettings, create_app

    try:  # the project's configuration, as `ent-lint check` finds it; a bad one is a usage error
        project = find_config(Path.cwd())
        build_checker(project)
    except ConfigError as exc:
        _fail(str(exc))
    try:  # a clear usage error, before the worker processes start, when the port is taken
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        _fail(f"{host}:{port}: cannot listen ({exc.strerror or exc})")

    app = create_app(ServeSettings(max_upload=max_upload * 1024 * 1024, timeout=timeout,
                                   workers=jobs or os.cpu_count() or 1, lint=project,
                                   lang=lang or project.lang or i18n.DEFAULT))
    click.echo(f"ent-lint {__version__}: http://{host}:{port}/", err=True)
    import signal

    # uvicorn stops on SIGTERM and SIGINT once the requests in flight have answered (within a
    # check's time), then raises the signal again: here it is done, and the exit status is 0
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, lambda *_: None)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                timeout_graceful_shutdown=int(timeout) + 10)


@main.command("export")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["scdl"]), required=True,
              help="scdl: the SCDL « Délibérations » 2.1.5 open-data CSV.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the CSV to FILE (default: stdout).")
@click.option("--siret", help="COLL_SIRET of every row: the collectivity's SIRET (14 digits).")
@click.option("--matiere", metavar="CODE", help="DELIB_MATIERE_CODE of every row (8.1); its label from the classification.")
@click.option("--coll-nom", help="COLL_NOM of every row: the official name, when the documents write another form.")
@click.option("--pref-id", help="PREF_ID of every row: the prefecture (PREF083) or sub-prefecture.")
@click.option("--sidecar", type=click.Path(dir_okay=False, exists=True),
              help="Values per document: a TOML or CSV file keyed by document file name ('name#2' for an item).")
@click.option("--classification", type=click.Path(dir_okay=False, exists=True),
              help="The @actes classification for the matière labels (default: the national one, see README).")
def export_command(files, fmt, output, siret, matiere, coll_nom, pref_id, sidecar, classification):
    """Write the deliberations of FILES as an open-data CSV; a row that cannot be complete and
    valid is reported on stderr (file and column) and left out, and the exit code is then 1."""
    from .config import find_config
    from .errors import ConfigError, InputError
    from .exitcodes import FINDINGS
    from .inputs import expand, load
    from .linter import Linter
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
        _fail(str(exc))
    linter = Linter()
    documents, failed = [], 0
    for job in expand(files):
        try:
            result = linter.check(job.name, load(job), keep=True, rules=False)
        except InputError as exc:
            result = None
            click.echo(f"{job.name}: error: {exc.message}", err=True)
        if result is not None and result.error:
            click.echo(f"{job.name}: error: {result.error}", err=True)
        if result is None or result.error:
            failed += 1
            continue
        documents.append((job.name, result.document))
    try:
        made = export(documents, options={k: v for k, v in options.items() if v}, config=config, sidecar=table,
                      classification=labels)
    except ConfigError as exc:
        _fail(str(exc))
    try:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.write(made.csv())
        else:
            sys.stdout.write(made.csv())
    except OSError as exc:
        _fail(f"{output}: the CSV cannot be written ({exc.strerror or exc})")
    for key in made.unused:
        click.echo(f"ent-lint: warning: {sidecar}: [{key}] names no deliberation of the run", err=True)
    for problem in made.problems:
        click.echo(f"{problem}", err=True)
    left_out = len({(p.file, p.item) for p in made.problems})
    click.echo(f"{len(made.rows)} row{'s' if len(made.rows) != 1 else ''} written, {left_out} "
               f"deliberation{'s' if left_out != 1 else ''} left out", err=True)
    sys.exit(ERROR if failed else FINDINGS if made.problems else OK)


@main.command("actes")
@click.argument("act", type=click.Path(dir_okay=False))
@click.argument("annexes", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--envelope", type=click.Path(dir_okay=False, exists=True),
              help="The envelope: a TOML file (numero, objet, nature, matiere, date) or @actes v1.1 XML.")
@click.option("--numero", help="The act number (NumeroInterne).")
@click.option("--objet", help="The subject of the act.")
@click.option("--nature", type=int, help="The nature code: 1 DE, 2 AR, 3 AI, 4 CC, 5 BF, 6 AU.")
@click.option("--matiere", help="The matière code (8.1).")
@click.option("--date", "date_", type=click.DateTime(["%Y-%m-%d"]), help="The date of the decision (YYYY-MM-DD).")
@click.option("--classification", type=click.Path(dir_okay=False, exists=True),
              help="The prefecture's @actes classification (default: the national one, see README).")
@click.option("--xsd", type=click.Path(dir_okay=False, exists=True), help="The @actes v1.1 XSD (actesv1_1.xsd).")
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "json"]), default="text", show_default=True)
@LANG_OPTION
def actes_command(act, annexes, envelope, numero, objet, nature, matiere, date_, classification, xsd, fmt, lang):
    """Check ACT (a PDF) and its ANNEXES before their transmission to the prefecture (@actes):
    the envelope's number, subject, nature, matière, the files, their size, and the envelope
    against the act."""
    _use_lang(lang)
    from .actes import (Envelope, EnvelopeError, Transmission, check_envelope, files_missing, load_classification,
                        read_envelope, schema_file)
    from .errors import ConfigError
    from .linter import Linter, Result
    from .report import Summary, reporter

    missing = list(files_missing([act, *annexes]))
    if missing:
        _fail(f"{missing[0]}: no such file")
    try:
        given = read_envelope(envelope, xsd) if envelope else Envelope()
        labels = load_classification(schema_file("actes/classification.xml", classification))
    except (EnvelopeError, ConfigError) as exc:
        _fail(str(exc))
    given = given.merged(number=numero, subject=objet, nature=nature, matiere=matiere,
                         date=date_.date() if date_ else None)
    read = Linter().check_path(act, keep=True, rules=False)
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
    main()
