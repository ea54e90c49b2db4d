"""``--format html``: one self-contained report to keep, attach to a letter or print.

One HTML file, its style inside it, no script and nothing fetched: the summary table (file,
kind, errors, warnings, status), then each document's findings with their source lines (and,
with ``--images``, the PDF pages with each evidence framed), the fields read, the documentation
of the rules that found something, the version and the date.  A print stylesheet keeps the
badges and every finding.  Documents are written as they come into a buffer of short strings;
the summary table, which needs them all, goes first at the end.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import re
from typing import Optional

from . import __version__, i18n
from .fields import kind_name, sections
from .findings import LEVELS, Box
from .report import SEVERITY_NAMES, Reporter, Summary, _escaped, related

STYLE = """
:root { --error: #b00020; --warning: #8a5a00; --info: #1f5f8b; --ok: #1b7a3a; --line: #d9dee3; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 64rem; padding: 1rem; font-family: system-ui, sans-serif; color: #1c1c1c;
       line-height: 1.4; overflow-wrap: anywhere; }
h1 { margin: 0 0 .2rem; font-size: 1.5rem; } h2 { margin: 1.6rem 0 .4rem; font-size: 1.2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta { color: #52606d; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
td, th { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; border: 2px solid; font-weight: 600;
         font-size: .85rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge.error { color: #fff; background: var(--error); border-color: var(--error); }
.badge.warning { color: #fff; background: var(--warning); border-color: var(--warning); }
.badge.info { color: #fff; background: var(--info); border-color: var(--info); }
.clean { color: var(--ok); font-weight: 600; }
.unreadable { color: var(--error); font-weight: 600; }
.document { border-top: 3px solid #243b53; margin-top: 2rem; break-before: auto; }
.finding { border-left: 4px solid var(--line); padding: .3rem .7rem; margin: .5rem 0; break-inside: avoid; }
.finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); }
.finding.info { border-color: var(--info); }
.finding p { margin: .15rem 0; }
.where { color: #52606d; font-size: .85rem; }
.fix { color: #334e68; }
pre { margin: .2rem 0; padding: .3rem .5rem; background: #f5f7fa; border: 1px solid var(--line);
      white-space: pre-wrap; font-size: .8rem; }
code { font-family: ui-monospace, monospace; font-size: .85em; }
dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .15rem .8rem; margin: .3rem 0; }
dt { font-weight: 600; } dd { margin: 0; }
figure { margin: .6rem 0; break-inside: avoid; } figure img { max-width: 100%; border: 1px solid var(--line); }
figcaption { color: #52606d; font-size: .85rem; }
.rule { break-inside: avoid-page; }
@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } body { padding: .5rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  .document { break-before: page; }
  pre { white-space: pre-wrap; }
}
"""


# Control characters but tab and newline (which <pre> keeps), and unpaired surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _e(text) -> str:
    """Text from a document or a name, escaped for HTML, its control characters shown (``\x1b``)."""
    return html.escape(_CONTROL.sub(_escaped, str(text)), quote=True)


class HtmlReporter(Reporter):
    """The HTML report; ``images`` embeds the PDF pages that hold findings, evidence framed."""

    def __init__(self, out, *, images: bool = False, **options):
        super().__init__(out, **options)
        self.images = images

    def start(self) -> None:
        self._rows: list[str] = []
        self._documents: list[str] = []
        self._used: set[str] = set()
        self._count = 0

    def add(self, result) -> None:
        _ = self._
        self._count += 1
        anchor = f"doc-{self._count}"
        by = {level: sum(f.severity == level for f in result.findings) for level in LEVELS}
        self._used.update(f.rule for f in result.findings)
        if result.archive:
            name, kind, status = _("(the whole archive)"), "—", _("checked")
        else:
            name, kind = result.name, kind_name(result.kind, self.lang) if result.kind else "—"
            status = self.reason(result) if result.error else _("checked")
        status_class = "unreadable" if result.error else ""
        self._rows.append(
            f'<tr><td><a href="#{anchor}">{_e(name)}</a></td><td>{_e(kind)}</td>'
            f'<td class="n">{by["error"]}</td><td class="n">{by["warning"]}</td>'
            f'<td class="{status_class}">{_e(status)}</td></tr>')
        parts = [f'<section class="document" id="{anchor}"><h2>{_e(name)}</h2>']
        facts = [kind] if result.kind and not result.archive else []
        if result.pages:
            facts.append(self.ngettext("{n} page", "{n} pages", result.pages).format(n=result.pages))
        if facts:
            parts.append(f'<p class="meta">{_e(" · ".join(facts))}</p>')
        if result.error:
            text = _("Not checked: {reason}").format(reason=status)
            parts.append(f'<p class="unreadable">{_e(text)}</p>')
        elif not result.findings:
            text = _("no problem found")
            parts.append(f'<p class="clean">{_e(text)}</p>')
        else:
            counts = ", ".join(self.ngettext(*_PLURALS[level], n).format(n=n) for level, n in by.items() if n)
            parts.append(f"<p>{_e(counts)}</p>")
            parts.extend(self._finding(result, finding, anchor) for finding in result.findings)
            if self.images:
                parts.extend(self._pages(result, anchor))
        for section in sections(result.fields, self.lang):
            parts.append(_fields(section, _("Fields read")))
        parts.append("</section>")
        self._documents.append("\n".join(parts))

    def _finding(self, result, finding, anchor: str) -> str:
        _ = self._
        message, fix = self.text(finding)
        where = [w for w in (_("page {page}").format(page=finding.page) if finding.page is not None else None,
                             _("line {line}").format(line=finding.line) if finding.line is not None else None) if w]
        out = [f'<article class="finding {finding.severity}">',
               f'<p><span class="badge {finding.severity}">{_e(_(SEVERITY_NAMES[finding.severity]))}</span> '
               f'<a href="#rule-{_e(finding.rule)}"><code>{_e(finding.rule)}</code></a> {_e(message)}</p>']
        if where or finding.ocr:
            text = ", ".join(where) + (_(" (read by OCR)") if finding.ocr else "")
            if self.images and finding.box is not None:
                text = f'<a href="#{anchor}-p{finding.page}">{_e(text)}</a>'
            else:
                text = _e(text)
            out.append(f'<p class="where">{text}</p>')
        source = result.source_line(finding.page, finding.line)
        if source is not None:
            out.append(f"<pre>{finding.line} | {_e(source)}</pre>")
        for place in related(finding):
            text = _("also: {where}").format(where=place)
            out.append(f'<p class="where">{_e(text)}</p>')
        if fix:
            text = _("Fix: {fix}").format(fix=fix)
            out.append(f'<p class="fix">{_e(text)}</p>')
        out.append("</article>")
        return "\n".join(out)

    def _pages(self, result, anchor: str) -> list[str]:
        """The pages that hold framed evidence, as embedded JPEG images."""
        boxes: dict[int, list[Box]] = {}
        for finding in result.findings:
            if finding.box is not None:
                boxes.setdefault(finding.box.page, []).append(finding.box)
        if not boxes:
            return []
        data = _document_bytes(result.name)
        if data is None:
            return []
        from .errors import InputError
        from .readers.pages import page_image

        out = []
        for page in sorted(boxes):
            try:
                image, _scale = page_image(data, result.name, page, boxes[page], max_side=1000, fmt="JPEG")
            except InputError:
                continue
            encoded = base64.b64encode(image).decode("ascii")
            caption = self._("page {page}").format(page=page)
            out.append(f'<figure id="{anchor}-p{page}"><img alt="{_e(caption)}" '
                       f'src="data:image/jpeg;base64,{encoded}"><figcaption>{_e(caption)}</figcaption></figure>')
        return out

    def finish(self, summary: Summary) -> None:
        _ = self._
        now = _now()
        date = f"{i18n.format_date(now.date(), self.lang)} {now:%H:%M}"
        title = _("ent-lint report")
        made = _("ent-lint {version}, {date}").format(version=__version__, date=date)
        summary_title = _("Summary")
        headings = [_("File"), _("Kind"), _("Errors"), _("Warnings"), _("Status")]
        head = [f'<!doctype html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
                f"<header><h1>{_e(title)}</h1>",
                f'<p class="meta">{_e(made)}</p></header>',
                f'<section id="summary"><h2>{_e(summary_title)}</h2>',
                f"<p>{_e(summary.line(self.lang))}</p>",
                "<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in headings) + "</tr></thead>",
                "<tbody>"]
        self.out.write("\n".join(head) + "\n")
        self.out.write("\n".join(self._rows) + "\n</tbody></table></section>\n")
        self.out.write("\n".join(self._documents) + "\n")
        self.out.write(self._rules_section())
        self.out.write("</body>\n</html>\n")

    def _rules_section(self) -> str:
        if not self._used:
            return ""
        rules = self.rules or {}
        heading = self._("The rules that found something")
        out = [f'<section id="rules"><h2>{_e(heading)}</h2>']
        for rule_id in sorted(self._used):
            cls = rules.get(rule_id)
            if cls is None:
                out.append(f'<article class="rule" id="rule-{_e(rule_id)}"><h3><code>{_e(rule_id)}</code></h3></article>')
                continue
            source = self._("Legal source: {source}").format(source=i18n.source(cls, self.lang))
            doc = i18n.documentation(cls, self.lang) if hasattr(cls, "documentation") else ""
            out.append(f'<article class="rule" id="rule-{_e(rule_id)}"><h3><code>{_e(rule_id)}</code> — '
                       f"{_e(i18n.summary(cls, self.lang))}</h3><p>{_e(source)}</p><pre>{_e(doc)}</pre></article>")
        out.append("</section>\n")
        return "\n".join(out)


def _now() -> dt.datetime:
    """The report's date: now, or ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now().astimezone()


_PLURALS = {"error": ("{n} error", "{n} errors"), "warning": ("{n} warning", "{n} warnings"),
            "info": ("{n} info", "{n} infos")}


def _fields(section: dict, heading: str) -> str:
    rows = "".join(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in section["rows"])
    out = f'<h3>{_e(heading)} — {_e(section["title"])}</h3>\n<dl>{rows}</dl>'
    table = section.get("table")
    if table:
        head = "".join(f"<th>{_e(c)}</th>" for c in table["columns"])
        body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in table["rows"])
        out += f"\n<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return out


def _document_bytes(name: str) -> Optional[bytes]:
    """The bytes of a document named as the run names it: a file, or ``archive.zip!member``."""
    from .errors import InputError
    from .inputs import Job, load

    if os.path.isfile(name):
        job = Job(name, name)
    elif ".zip!" in name:
        archive, member = name.split(".zip!", 1)
        archive += ".zip"
        job = Job(name, archive, _raw_member(archive, member))
    else:
        return None
    try:
        return load(job)
    except InputError:
        return None


def _raw_member(archive: str, member: str) -> str:
    """The stored name of the member the run shows as ``member`` (a UTF-8 name without its flag
    is shown decoded)."""
    import zipfile

    from .inputs import _member_name

    try:
        with zipfile.ZipFile(archive) as handle:
            for info in handle.infolist():
                if _member_name(info) == member:
                    return info.filename
    except (OSError, zipfile.BadZipFile):
        pass
    return member
