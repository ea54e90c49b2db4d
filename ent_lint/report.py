"""Reporters: one small class per output format, fed one document's result at a time.

Each reporter writes to a text stream as results arrive (``start``, ``add`` for each document,
``finish`` with the run's summary), so output streams and memory stays flat; formats that must
hold something until the end (the counts in a JUnit header) hold only short strings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.parse
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import IO, Callable

from . import __version__
from . import i18n
from .findings import LEVELS, SEVERITY_RANK, Finding
from .i18n import N_, Translator, finding_text

# Control characters (but tab) and unpaired surrogates (a file name's undecodable bytes): on a
# terminal they clear the screen, set the title or write the clipboard, a newline forges a line.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
# What XML 1.0 forbids in a document (tab, newline and carriage return are allowed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _escaped(match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (Python's surrogateescape)
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _dumps(value) -> str:
    """JSON as UTF-8 can carry it: a file name's undecodable bytes (unpaired surrogates, which no
    UTF-8 stream can hold) are written ``\\xe9``, as the text output shows them."""
    return _SURROGATE.sub(lambda m: "\\" + _escaped(m), json.dumps(value, ensure_ascii=False))


def shown(text: str) -> str:
    """Text from a document or a name, safe to print: control characters as ``\\x1b``."""
    return _CONTROL.sub(_escaped, text)


def line_start(name: str) -> str:
    """A relative path that opens a line, never read as a GitHub workflow command (``::error``)."""
    return f"./{name}" if name.startswith("::") else name


def escape(text: str) -> str:
    """XML character data (xml.sax.saxutils would import urllib: slow to start); characters
    XML forbids are written as ``\\x1b``."""
    return _NOT_XML.sub(_escaped, text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def quoteattr(text: str) -> str:
    return '"' + escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;") + '"'


_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
INFORMATION_URI = "https://github.com/ent-lint/ent-lint"


@dataclass
class Summary:
    """What a run did, for the last lines of a report."""

    files: int = 0
    unreadable: int = 0
    cached: int = 0
    seconds: float = 0.0
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    baseline_matched: int = 0
    baseline_gone: list = field(default_factory=list)  # baseline entries no finding matched
    skipped: int = 0  # files met in folders, patterns and archives that are not read (type, exclusion)
    by_rule_line: bool = True  # the closing's line of findings by rule (--statistics prints a table instead)

    def add(self, result) -> None:
        self.files += not result.archive
        self.unreadable += bool(result.error)
        self.cached += result.cached
        for finding in result.findings:
            self.by_severity[finding.severity] += 1
            self.by_rule[finding.rule] += 1

    def line(self, lang: str | None = None) -> str:
        tr = Translator(lang)
        counts = {"error": tr.ngettext("{n} error", "{n} errors", self.by_severity["error"]),
                  "warning": tr.ngettext("{n} warning", "{n} warnings", self.by_severity["warning"]),
                  "info": tr.ngettext("{n} info", "{n} infos", self.by_severity["info"])}
        parts = [counts[s].format(n=self.by_severity[s]) for s in LEVELS]
        text = tr.ngettext("{n} file checked", "{n} files checked", self.files).format(n=self.files)
        text += tr._(": ") + ", ".join(parts)
        if self.unreadable:
            text += tr._("; ") + tr.ngettext("{n} could not be read", "{n} could not be read",
                                       self.unreadable).format(n=self.unreadable)
        if self.skipped:
            text += tr._("; ") + tr.ngettext("{n} file skipped (not a document type, or excluded; see --verbose)",
                                             "{n} files skipped (not a document type, or excluded; see --verbose)",
                                             self.skipped).format(n=self.skipped)
        if self.baseline_matched or self.baseline_gone:
            text += tr._("; ") + tr.ngettext("{n} known from the baseline", "{n} known from the baseline",
                                       self.baseline_matched).format(n=self.baseline_matched)
            if self.baseline_gone:
                text += ", " + tr.ngettext("{n} baseline entry no longer matches",
                                           "{n} baseline entries no longer match",
                                           len(self.baseline_gone)).format(n=len(self.baseline_gone))
        if self.seconds:
            text += f" ({i18n.decimal(self.seconds, tr.lang)} s"
            text += ", " + tr._("{n} from cache").format(n=self.cached) + ")" if self.cached else ")"
        return text

    def closing(self, lang: str | None = None) -> str:
        """The summary line, and the findings by rule on a second line when there are any."""
        if not self.by_rule or not self.by_rule_line:
            return self.line(lang)
        ranked = sorted(self.by_rule.items(), key=lambda item: (-item[1], item[0]))
        return (self.line(lang) + "\n" + Translator(lang)._("by rule: ")
                + ", ".join(f"{rule} {count}" for rule, count in ranked))

    def statistics(self, lang: str | None = None) -> str:
        if not self.by_rule:
            return Translator(lang)._("no findings")
        width = max(len(str(n)) for n in self.by_rule.values())
        return "\n".join(f"{count:>{width}}  {rule}" for rule, count in
                         sorted(self.by_rule.items(), key=lambda item: (-item[1], item[0])))

    def to_dict(self) -> dict:
        data = {"files": self.files, "unreadable": self.unreadable, "skipped": self.skipped, "cached": self.cached,
                "by_severity": {s: self.by_severity[s] for s in LEVELS if self.by_severity[s]},
                "by_rule": dict(sorted(self.by_rule.items())), "seconds": round(self.seconds, 3)}
        if self.baseline_matched or self.baseline_gone:
            data["baseline"] = {"matched": self.baseline_matched,
                                "gone": [e.to_dict() for e in self.baseline_gone]}
        return data


def location(finding: Finding) -> str:
    """``path:line:col``, as editors and CI problem matchers read it.  A line number is unique in
    its document: a PDF's lines are numbered from its first page to its last (the page is given
    apart, see :func:`page_note`), so the line shown under the location is that line."""
    parts = [finding.path]
    if finding.line is not None:
        parts += [str(finding.line), str(finding.column or 1)]
    return ":".join(parts)


def page_note(page, tr_: Callable[[str], str]) -> str:
    """`` (page 5)`` after a message, for a PDF's finding; nothing for a text."""
    return tr_(" (page {page})").format(page=page) if page is not None else ""


def related(finding: Finding, tr_: Callable[[str], str] = lambda text: text) -> list[str]:
    """The other places an archive rule's finding names, as ``path:line`` and the page."""
    return [":".join([r.path, *([str(r.line)] if r.line is not None else [])]) + page_note(r.page, tr_)
            for r in finding.related]


def finding_fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across runs and line moves: path, rule, evidence and its rank among equals."""
    key = f"{finding.path}\x1f{finding.rule}\x1f{finding.evidence_key()}\x1f{occurrence}"
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]  # a name that is not UTF-8 too


def _with_occurrences(findings: list[Finding]):
    seen: Counter = Counter()
    for finding in findings:
        key = (finding.rule, finding.evidence_key())
        yield finding, seen[key]
        seen[key] += 1


class Reporter:
    """Base class: ``start``, then ``add`` for each document in order, then ``finish``."""

    def __init__(self, out: IO[str], *, rules=None, fail_on: str = "warning", colour: bool = False,
                 verbose: bool = False, lang: str | None = None, rules_dir=(), quiet: bool = False):
        self.out = out
        tr = Translator(lang)  # the language of what the reader reads; None: the current one
        self.lang, self._, self.ngettext = tr.lang, tr._, tr.ngettext
        self.rules_dir = tuple(rules_dir)  # where the templates of local rules' findings are
        self.rules = rules or {}  # rule id -> rule class, for formats that describe the rules
        self.fail_on = fail_on
        self.colour = colour
        self.verbose = verbose  # tracebacks of rules that failed
        self.quiet = quiet  # the findings and nothing else: no summary

    def start(self) -> None:
        pass

    def add(self, result) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass

    def failing(self, finding: Finding) -> bool:
        return self.fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]

    def text(self, finding: Finding, fix: bool = True) -> tuple[str, str | None]:
        """The finding's sentence and fix hint in the report's language (``fix=False``: the
        sentence alone, the hint None)."""
        return finding_text(finding, self.lang, self.rules_dir, fix)

    def rendered(self, finding: Finding) -> dict:
        """The finding as a dict, its message and fix in the report's language (its code and
        arguments beside them, for a program)."""
        message, fix = self.text(finding)
        return {**finding.to_dict(), "message": message, "fix": fix}

    def severity(self, severity: str) -> str:
        return self._(SEVERITY_NAMES[severity])

    def reason(self, result) -> str | None:
        """Why a document was not checked, in the report's language."""
        return i18n.reason(result.error, self.lang, result.detail, verbose=self.verbose) if result.error else None


#: the severities as a human reader sees them (the machine formats keep the English keys)
SEVERITY_NAMES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


class TextReporter(Reporter):
    """ruff-style: ``path:page:line:col: severity[rule] message``, the line with a caret, help."""

    concise = False

    def _paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour else text

    def add(self, result) -> None:
        out = []  # unreadable documents are reported on stderr, one line each
        for finding in result.findings:
            message, fix = self.text(finding, fix=not self.concise)  # concise prints no hint
            head = (f"{self._paint(shown(line_start(location(finding))), _BOLD)}: "
                    f"{self._paint(self.severity(finding.severity), _COLOURS[finding.severity])}[{finding.rule}] "
                    f"{shown(message)}{page_note(finding.page, self._)}")
            if finding.ocr:
                head += self._(" (read by OCR)")
            out.append(head)
            if self.concise:
                continue
            source = result.source_line(finding.page, finding.line)
            if source is not None:
                number = str(finding.line)
                gutter = " " * len(number)
                source = source.replace("\t", " ")
                column = max(1, finding.column or 1)
                evidence = finding.evidence or ""
                width = len(shown(evidence)) if evidence and "\n" not in evidence else 1
                column = len(shown(source[:column - 1])) + 1  # the caret under the line as printed
                source = shown(source)
                width = max(1, min(width, max(1, len(source) - column + 1)))
                out += [f"{gutter} |", f"{number} | {source}",
                        f"{gutter} | {' ' * (column - 1)}{self._paint('^' * width, _COLOURS[finding.severity])}"]
            out += [self._("  = also: {where}").format(where=shown(where)) for where in related(finding, self._)]
            if fix:
                out.append(self._("  = help: {fix}").format(fix=shown(fix)))
            if self.verbose and finding.traceback:
                out += [f"  | {shown(line)}" for line in finding.traceback.rstrip().splitlines()]
            out.append("")
        if out:
            self.out.write("\n".join(out) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.out.write(summary.closing(self.lang) + "\n")


class ConciseReporter(TextReporter):
    concise = True


class JsonReporter(Reporter):
    """One JSON object: findings and errors as arrays, written as they come, then the summary."""

    def start(self) -> None:
        self.out.write(f'{{"tool": "ent-lint", "version": {json.dumps(__version__)}, "findings": [')
        self._first = True
        self._errors: list[dict] = []

    def add(self, result) -> None:
        for finding in result.findings:
            self.out.write(("\n  " if self._first else ",\n  ") + _dumps(self.rendered(finding)))
            self._first = False
        if result.error:
            self._errors.append({"path": result.name, "outcome": result.outcome.value, "message": self.reason(result)})

    def finish(self, summary: Summary) -> None:
        errors = ",\n  ".join(_dumps(e) for e in self._errors)
        self.out.write("\n]," if not self._first else "],")
        self.out.write(f'\n "errors": [\n  {errors}\n],' if errors else '\n "errors": [],')
        self.out.write(f'\n "summary": {_dumps(summary.to_dict())}}}\n')


class JsonLinesReporter(Reporter):
    """One JSON object per line: each finding, each error, then the summary."""

    def add(self, result) -> None:
        lines = [_dumps({"type": "finding", **self.rendered(f)}) for f in result.findings]
        if result.error:
            lines.append(_dumps({"type": "error", "path": result.name, "outcome": result.outcome.value,
                                     "message": self.reason(result)}))
        if lines:
            self.out.write("\n".join(lines) + "\n")
            self.out.flush()

    def finish(self, summary: Summary) -> None:
        self.out.write(_dumps({"type": "summary", **summary.to_dict()}) + "\n")


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(name: str) -> str:
    """A relative URI reference for a path or an ``archive.zip!member`` name."""
    path = name.replace(os.sep, "/")
    try:  # a name that is not UTF-8: its own bytes, percent-encoded
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "backslashreplace")
    return urllib.parse.quote(raw, safe="/!:@-._~")


def _extras(cls, lang: str) -> str:
    return i18n.extras(cls, lang) if hasattr(cls, "extras") else ""


def _sarif_location(where, index: int) -> dict:
    location = {"id": index, "physicalLocation": {"artifactLocation": {"uri": artifact_uri(where.path)}}}
    if where.line is not None:
        location["physicalLocation"]["region"] = {"startLine": where.line}
    if where.evidence:
        location["message"] = {"text": where.evidence}
    return location


class SarifReporter(Reporter):
    """SARIF 2.1.0: the rules in tool.driver, one result per finding, unreadable files as
    tool execution notifications."""

    def start(self) -> None:
        rules = []
        self._index = {}
        for position, (rule_id, cls) in enumerate(sorted(self.rules.items())):
            self._index[rule_id] = position
            doc = i18n.documentation(cls, self.lang) if hasattr(cls, "documentation") else ""
            summary = i18n.summary(cls, self.lang)
            first = doc.split("\n\n")[0].split("\n", 1)  # the first section, without its title
            rules.append({
                "id": rule_id,
                "name": "".join(part.capitalize() for part in rule_id.split("-")),
                "shortDescription": {"text": summary},
                "fullDescription": {"text": (first[1] if len(first) > 1 else first[0]).strip() or summary},
                "help": {"text": (f"{summary}\n" + self._("Legal source: {source}").format(source=i18n.source(cls, self.lang))
                                  + f"\n\n{doc}{_extras(cls, self.lang)}").rstrip()},
                "defaultConfiguration": {"level": _SARIF_LEVEL[cls.severity]},
                "properties": {"family": cls.family, "source": cls.source},
            })
        head = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
        }
        driver = {"name": "ent-lint", "version": __version__, "semanticVersion": __version__,
                  "informationUri": INFORMATION_URI, "rules": rules}
        self.out.write(json.dumps(head)[:-1] + ', "runs": [{"tool": {"driver": '
                       + _dumps(driver) + '}, "columnKind": "unicodeCodePoints", "results": [')
        self._first = True
        self._notifications: list[dict] = []

    def _sarif_message(self, finding: Finding) -> str:
        message, fix = self.text(finding)
        return message + (self._(" (fix: {fix})").format(fix=fix) if fix else "")

    def add(self, result) -> None:
        for finding, occurrence in _with_occurrences(result.findings):
            region = {}
            if finding.line is not None:
                region["startLine"] = finding.line
                region["startColumn"] = finding.column or 1
                if finding.evidence and "\n" not in finding.evidence:
                    region["snippet"] = {"text": finding.evidence}
                if finding.box is not None:  # on the PDF page, in points from its top-left corner
                    region["properties"] = {"box": asdict(finding.box)}
            location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(finding.path)}}}
            if region:
                location["physicalLocation"]["region"] = region
            item = {
                "ruleId": finding.rule,
                "level": _SARIF_LEVEL[finding.severity],
                "message": {"text": self._sarif_message(finding)},
                "locations": [location],
                "partialFingerprints": {"entLint/v1": finding_fingerprint(finding, occurrence)},
            }
            if finding.related:
                item["relatedLocations"] = [_sarif_location(r, index) for index, r in enumerate(finding.related, 1)]
            if finding.rule in self._index:
                item["ruleIndex"] = self._index[finding.rule]
            properties = {}
            if finding.page is not None:
                properties["page"] = finding.page
            if finding.ocr:
                properties["ocr"] = True
            if properties:
                item["properties"] = properties
            self.out.write(("\n" if self._first else ",\n") + _dumps(item))
            self._first = False
        if result.error:
            self._notifications.append({
                "level": "error", "message": {"text": self._("{name}: {reason}").format(name=result.name, reason=self.reason(result))},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.name)}}}],
            })

    def finish(self, summary: Summary) -> None:
        invocation = {"executionSuccessful": summary.unreadable == 0,
                      "toolExecutionNotifications": self._notifications}
        self.out.write("], " + '"invocations": [' + _dumps(invocation) + "]}]}\n")


class JUnitReporter(Reporter):
    """JUnit XML: one testcase per document, failing when it has a finding at the fail level."""

    def start(self) -> None:
        self._cases: list[str] = []
        self._failures = 0
        self._errors = 0

    def add(self, result) -> None:
        attrs = f'classname="ent-lint" name={quoteattr(result.name)} time="{result.seconds:.3f}"'
        if result.error:
            self._errors += 1
            self._cases.append(f"  <testcase {attrs}>\n    <error message={quoteattr(self.reason(result))}"
                               f' type="{result.outcome.value}"/>\n  </testcase>')
            return
        failing = [f for f in result.findings if self.failing(f)]
        if not result.findings:
            self._cases.append(f"  <testcase {attrs}/>")
            return
        body = "\n".join(f"{location(f)}: {self.severity(f.severity)}[{f.rule}] {self.text(f)[0]}"
                         + page_note(f.page, self._)
                         + "".join("\n" + self._("  also: {where}").format(where=where) for where in related(f, self._))
                         for f in result.findings)
        if failing:
            self._failures += 1
            inner = (f"    <failure message={quoteattr(self._failure_message(len(failing)))}"
                     f' type="ent-lint">{escape(body)}</failure>')
        else:
            inner = f"    <system-out>{escape(body)}</system-out>"
        self._cases.append(f"  <testcase {attrs}>\n{inner}\n  </testcase>")

    def _failure_message(self, failing: int) -> str:
        return self.ngettext("{n} finding at or above {level}", "{n} findings at or above {level}",
                             failing).format(n=failing, level=self.severity(self.fail_on))

    def finish(self, summary: Summary) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f'<testsuites name="ent-lint" tests="{len(self._cases)}" failures="{self._failures}"'
                       f' errors="{self._errors}" time="{summary.seconds:.3f}">\n'
                       f'<testsuite name="ent-lint" tests="{len(self._cases)}" failures="{self._failures}"'
                       f' errors="{self._errors}" time="{summary.seconds:.3f}">\n')
        self.out.write("\n".join(self._cases) + ("\n" if self._cases else ""))
        self.out.write("</testsuite>\n</testsuites>\n")


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


class GitHubReporter(Reporter):
    """GitHub Actions workflow commands: ``::error file=...,line=...::message``."""

    _COMMAND = {"error": "error", "warning": "warning", "info": "notice"}

    def add(self, result) -> None:
        lines = []
        if result.error:
            lines.append(f"::error file={_github_escape(result.name, prop=True)},"
                         f"title=unreadable::{_github_escape(self.reason(result))}")
        for f in result.findings:
            props = [f"file={_github_escape(f.path, prop=True)}"]
            if f.line is not None:
                props += [f"line={f.line}", f"col={f.column or 1}"]
            props.append(f"title={_github_escape(f.rule, prop=True)}")
            page = self._(" (page {page})").format(page=f.page) if f.page is not None else ""
            lines.append(f"::{self._COMMAND[f.severity]} {','.join(props)}::{_github_escape(self.text(f)[0] + page)}")
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.out.write(summary.closing(self.lang) + "\n")


class GitLabReporter(Reporter):
    """GitLab code quality report: a JSON array of issues."""

    _SEVERITY = {"error": "major", "warning": "minor", "info": "info"}

    def start(self) -> None:
        self.out.write("[")
        self._first = True

    def add(self, result) -> None:
        items = []
        for finding, occurrence in _with_occurrences(result.findings):
            items.append({
                "description": self.text(finding)[0],
                "check_name": finding.rule,
                "fingerprint": finding_fingerprint(finding, occurrence),
                "severity": self._SEVERITY[finding.severity],
                "location": {"path": finding.path, "lines": {"begin": finding.line or 1}},
                **({"page": finding.page} if finding.page is not None else {}),
            })
        if result.error:
            items.append({
                "description": self._("could not be read: {reason}").format(reason=self.reason(result)),
                "check_name": "unreadable",
                "fingerprint": hashlib.sha256(f"{result.name}\x1funreadable".encode("utf-8", "surrogateescape"))
                .hexdigest()[:32],
                "severity": "blocker", "location": {"path": result.name, "lines": {"begin": 1}},
            })
        for item in items:
            self.out.write(("\n" if self._first else ",\n") + _dumps(item))
            self._first = False

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]\n" if not self._first else "]\n")


def _html(out: IO[str], **options) -> Reporter:
    from .html_report import HtmlReporter  # its own module: the fields in words, page images

    return HtmlReporter(out, **options)


REPORTERS: dict[str, Callable[..., Reporter]] = {
    "text": TextReporter,
    "concise": ConciseReporter,
    "json": JsonReporter,
    "json-lines": JsonLinesReporter,
    "sarif": SarifReporter,
    "junit": JUnitReporter,
    "github": GitHubReporter,
    "gitlab": GitLabReporter,
    "html": _html,
}
FORMATS = list(REPORTERS)
HUMAN_FORMATS = {"text", "concise", "github"}


def reporter(fmt: str, out: IO[str], *, images: bool = False, **options) -> Reporter:
    """The reporter of ``fmt``; ``images``: the HTML report embeds the pages with findings."""
    if fmt == "html":
        options["images"] = images
    return REPORTERS[fmt](out, **options)
