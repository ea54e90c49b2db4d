"""The command line: a thin layer over :mod:`ent_lint.api`.

``ent-lint FILE...`` lints; ``extract``, ``rules`` and ``explain`` are subcommands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .exitcodes import ERROR, OK, exit_code

LEVELS = ["error", "warning", "info"]


class _DefaultToCheck(click.Group):
    """Treat ``ent-lint FILE...`` as ``ent-lint check FILE...``."""

    def parse_args(self, ctx, args):
        takes_value = {"--format", "-o", "--output", "--select", "--extend-select", "--ignore",
                       "--severity", "--min-severity", "--fail-on", "--rules-dir", "--engine"}
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
    ent-lint FILE...            check documents (text or PDF)
    ent-lint extract FILE...    print the fields read from documents
    ent-lint rules              list the rules
    ent-lint explain RULE       print a rule's documentation
    """


def _ids(values: tuple[str, ...]):
    return [v.strip() for value in values for v in value.split(",") if v.strip()] if values else None


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--select", multiple=True, help="Rules or families to check (replaces the default: all).")
@click.option("--extend-select", multiple=True, help="Rules or families to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules or families to leave out.")
@click.option("--severity", multiple=True, metavar="RULE=LEVEL", help="Override a rule's severity.")
@click.option("--min-severity", type=click.Choice(LEVELS), help="Hide findings below this level.")
@click.option("--fail-on", type=click.Choice(LEVELS + ["never"]),
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--rules-dir", multiple=True, type=click.Path(), help="Load rules from a folder of .py files.")
@click.option("--engine", type=click.Choice(["fast", "pdfplumber"]), default="fast",
              help="How PDFs are read (fast: pypdfium2 text, pdfplumber for tables).")
@click.option("--no-color", is_flag=True, help="No colours in text output.")
def check(files, fmt, output, select, extend_select, ignore, severity, min_severity, fail_on,
          exit_zero, rules_dir, engine, no_color):
    """Check FILES and report the findings."""
    from .api import lint
    from .config import build_checker, find_config, parse_severities
    from .errors import ConfigError
    from .report import render

    try:
        settings = find_config(Path.cwd()).merged(
            select=_ids(select), extend_select=_ids(extend_select), ignore=_ids(ignore),
            severity=parse_severities(",".join(severity), "--severity") if severity else None,
            min_severity=min_severity, fail_on=fail_on, rules_dir=list(rules_dir))
        checker = build_checker(settings)
    except ConfigError as exc:
        _fail(str(exc))
    reports = [lint(path, checker, engine=engine) for path in files]
    colour = not no_color and output is None and fmt == "text" and sys.stdout.isatty()
    text = render(fmt, reports, colour=colour) if fmt != "json" else render(fmt, reports)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    for report in reports:
        if report.error:
            click.echo(f"{report.path}: error: {report.error}", err=True)
    findings = [f for r in reports for f in r.findings]
    sys.exit(exit_code(findings, sum(1 for r in reports if r.error), settings.fail_on, exit_zero))


def _plain(document, locations: bool) -> dict:
    exclude = None if locations else {
        "mentions": True,
        "deliberations": {"__all__": {"spans"}},
        "conventions": {"__all__": {"spans": True, "schools": {"__all__": {"spans"}}}},
    }
    return document.model_dump(mode="json", by_alias=True, exclude=exclude)


def _text_summary(document) -> str:
    out = [f"{document.path} ({document.kind}{f', {document.page_count} pages' if document.page_count else ''})"]
    for number, delib in enumerate(document.deliberations, 1):
        c = delib.counts
        out.append(f"  deliberation {number}: {delib.number or '-'} {delib.title or ''}".rstrip())
        out.append(f"    {delib.body or 'council'} of {delib.authority or '?'}, sitting {delib.session.date or '?'}"
                   f" {delib.session.time or ''} at {delib.session.place or '?'},"
                   f" president {delib.session.president.name if delib.session.president else '?'}")
        out.append(f"    convened {delib.convened_on}, posted {delib.posted_on}")
        out.append(f"    counts: in office {c.in_office}, present {c.present}, represented {c.represented},"
                   f" voting {c.voting}")
        out.append(f"    lists: {len(delib.present)} present, {len(delib.proxies)} proxies,"
                   f" {len(delib.absent)} absent, {len(delib.not_voting)} not voting;"
                   f" secretary {delib.secretary.name if delib.secretary else '?'}")
        vote = delib.vote
        outcome = "unanimous" if vote.unanimous else f"for {vote.for_}, against {vote.against}, abstain {vote.abstain}"
        out.append(f"    vote: {outcome if vote.stated else 'not stated'}")
    for conv in document.conventions:
        out.append(f"  convention: {conv.title or '-'}")
        for party in conv.parties:
            rep = party.representative.name if party.representative else "?"
            out.append(f"    party: {party.name} (represented by {rep}; {party.role or '-'})")
        out.append(f"    duration {conv.duration}, start {conv.start}, end {conv.end_date},"
                   f" signed at {conv.signed_place} on {conv.signed_on}")
        out.append(f"    {len(conv.articles)} articles, stated pages {conv.stated_page_count},"
                   f" {len(conv.schools)} schools")
        for school in conv.schools:
            out.append(f"      {school.type} {school.uai} {school.name} | {school.address} | {school.email}")
    return "\n".join(out)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--locations", is_flag=True, help="Include where each value was read (spans).")
@click.option("--engine", type=click.Choice(["fast", "pdfplumber"]), default="fast")
def extract(files, fmt, locations, engine):
    """Print the fields read from FILES."""
    from .api import extract as extract_one
    from .errors import InputError

    results = []
    failed = 0
    for path in files:
        try:
            document = extract_one(path, engine=engine)
        except InputError as exc:
            click.echo(f"{exc.path}: error: {exc.message}", err=True)
            failed += 1
            continue
        results.append(document)
    if fmt == "json":
        payload = [_plain(d, locations) for d in results]
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
def list_rules(rules_dir, fmt):
    """List the available rules."""
    from .engine import discover
    from .errors import ConfigError

    try:
        registry = discover(rules_dir)
    except ConfigError as exc:
        _fail(str(exc))
    rows = sorted(registry.values(), key=lambda r: (r.family, r.id))
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "family": r.family, "severity": r.severity,
                                "summary": r.summary, "source": r.source} for r in rows],
                              ensure_ascii=False, indent=2))
        return
    for rule in rows:
        click.echo(f"{rule.id:<26} {rule.family:<11} {rule.severity:<8} {rule.summary}")


@main.command()
@click.argument("rule")
@click.option("--rules-dir", multiple=True, type=click.Path())
def explain(rule, rules_dir):
    """Print the documentation of RULE."""
    from .engine import discover, resolve_ids
    from .errors import ConfigError

    try:
        registry = discover(rules_dir)
        ids = resolve_ids(registry, [rule], "explain")
    except ConfigError as exc:
        _fail(str(exc))
    for rule_id in sorted(ids):
        cls = registry[rule_id]
        click.echo(f"{cls.id} ({cls.family}, default severity {cls.severity})")
        click.echo(f"{cls.summary}\nLegal source: {cls.source}\n")
        click.echo(cls.documentation())
        if len(ids) > 1:
            click.echo("")


if __name__ == "__main__":
    main()
