"""The fields read from a document, in words a reader reads: "3 ans", "lundi 27 novembre 2023",
"Pour 15 · Contre 0 · Abstentions 2 · Unanimité non".

From the plain fields (``extract --format json``, kept on a result), sections of labelled rows
in one language; the web page and the HTML report show the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from .i18n import N_, Translator, format_date

#: what a document is, as a reader names it
KINDS = {"extract": N_("extract of the register"), "minutes": N_("minutes"), "list": N_("list of deliberations"),
         "convention": N_("convention"), "other": N_("other document")}
#: the deliberating bodies
BODIES = {"municipal council": N_("municipal council"), "community council": N_("community council"),
          "syndicate committee": N_("syndicate committee")}
_SEP = " · "


def kind_name(kind: Optional[str], lang: str) -> str:
    tr = Translator(lang)
    return tr._(KINDS.get(kind or "other", KINDS["other"]))


def day(value: Any, lang: str) -> Optional[str]:
    """A date with its weekday ("lundi 27 novembre 2023"); a placeholder as written, in quotes."""
    if value is None:
        return None
    if isinstance(value, dict) and value.get("blank"):
        tr = Translator(lang)
        return tr._("left blank: {text}").format(text=_quoted(value.get("text", ""), lang))
    from babel.dates import format_date as babel_date

    try:
        date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return str(value)
    return f"{babel_date(date, format='EEEE', locale=lang)} {format_date(date, lang)}" if lang == "fr" \
        else f"{babel_date(date, format='EEEE', locale=lang)}, {format_date(date, lang)}"


def duration(value: Optional[str], lang: str) -> Optional[str]:
    """An ISO period of years, months, weeks or days ("P3Y": "3 ans")."""
    if not value or len(value) < 3 or not value[1:-1].isdigit():
        return value
    tr = Translator(lang)
    amount, unit = int(value[1:-1]), value[-1]
    forms = {"Y": ("{n} year", "{n} years"), "M": ("{n} month", "{n} months"),
             "W": ("{n} week", "{n} weeks"), "D": ("{n} day", "{n} days")}
    if unit not in forms:
        return value
    return tr.ngettext(*forms[unit], amount).format(n=amount)


def _quoted(text: str, lang: str) -> str:
    return f"«\u00a0{text}\u00a0»" if lang == "fr" else f"“{text}”"


def _number(value: Optional[int]) -> str:
    return "?" if value is None else str(value)


def vote(vote: dict, lang: str) -> Optional[str]:
    tr = Translator(lang)
    if not vote or not any(vote.get(k) is not None for k in ("unanimous", "for", "against", "abstain", "ballot", "outcome")):
        return None
    if vote.get("outcome") and all(vote.get(k) is None for k in ("unanimous", "for", "against", "abstain")):
        return {"adopted": tr._("Adopted, no count written"), "rejected": tr._("Rejected, no count written"),
                "adjourned": tr._("Put off or withdrawn, not voted")}[vote["outcome"]]
    parts = [tr._("For {n}").format(n=_number(vote.get("for"))),
             tr._("Against {n}").format(n=_number(vote.get("against"))),
             tr._("Abstentions {n}").format(n=_number(vote.get("abstain"))),
             tr._("Unanimous {answer}").format(answer=_yes_no(vote.get("unanimous"), tr))]
    if vote.get("ballot"):
        parts.append(tr._("by ballot"))
    return _SEP.join(parts)


def _yes_no(value: Optional[bool], tr: Translator) -> str:
    return "?" if value is None else tr._("yes") if value else tr._("no")


def counts(counts: dict, lang: str) -> Optional[str]:
    tr = Translator(lang)
    labels = [("legal_size", N_("Seats {n}")), ("in_office", N_("In office {n}")), ("present", N_("Present {n}")),
              ("represented", N_("Represented {n}")), ("voting", N_("Voting {n}"))]
    parts = [tr._(label).format(n=counts[key]) for key, label in labels if counts.get(key) is not None]
    return _SEP.join(parts) or None


def _names(people: list) -> Optional[str]:
    return ", ".join(p["name"] for p in people if p and p.get("name")) or None


def sections(fields: Optional[dict], lang: str) -> list[dict]:
    """``[{"title", "rows": [[label, value], ...], "table": {"columns", "rows"} or None}]``: each
    deliberation, then each convention; a field the document does not give is left out."""
    if not fields:
        return []
    tr = Translator(lang)
    return ([_deliberation(index, d, tr, lang) for index, d in enumerate(fields.get("deliberations") or [], 1)]
            + [_convention(c, tr, lang) for c in fields.get("conventions") or []])


def _deliberation(index: int, d: dict, tr: Translator, lang: str) -> dict:
    rows = _sitting_rows(d, tr, lang) + _people_rows(d) + _mention_rows(d, lang)
    sizes = {N_("Present ({n})"): len(d.get("present") or []), N_("Proxies ({n})"): len(d.get("proxies") or []),
             N_("Absent ({n})"): len(d.get("absent") or [])}
    title = tr._("Deliberation {number}").format(number=d.get("number") or index)
    if d.get("title"):
        title += f" — {d['title']}"
    return {"title": title, "table": None,
            "rows": [[tr._(label).format(n=sizes.get(label, "")), value] for label, value in rows if value]}


def _sitting_rows(d: dict, tr: Translator, lang: str) -> list[tuple]:
    session = d.get("session") or {}
    sitting = _SEP.join(x for x in (day(session.get("date"), lang), session.get("time"), session.get("place")) if x)
    body = tr._(BODIES[d["body"]]) if d.get("body") in BODIES else None
    return [
        (N_("Body"), _SEP.join(x for x in (body, d.get("authority")) if x) or None),
        (N_("Sitting"), sitting or None),
        (N_("President"), (session.get("president") or {}).get("name")),
        (N_("Convened on"), day(d.get("convened_on"), lang)),
        (N_("Posted on"), day(d.get("posted_on"), lang)),
        (N_("Counts"), counts(d.get("counts") or {}, lang)),
        (N_("Vote"), vote(d.get("vote") or {}, lang)),
    ]


def _people_rows(d: dict) -> list[tuple]:
    proxies = ", ".join(f"{p['grantor']['name']} → {p['holder']['name']}" for p in d.get("proxies") or [])
    return [
        (N_("Present ({n})"), _names(d.get("present") or [])),
        (N_("Proxies ({n})"), proxies or None),
        (N_("Absent ({n})"), _names(d.get("absent") or [])),
        (N_("Secretary"), (d.get("secretary") or {}).get("name")),
    ]


def _mention_rows(d: dict, lang: str) -> list[tuple]:
    return [
        (N_("Signed on"), day(d.get("signed_on"), lang)),
        (N_("Transmitted on"), day(d.get("transmitted_on"), lang)),
        (N_("Published on"), day(d.get("published_on"), lang)),
        (N_("Convention's duration"), duration(d.get("convention_duration"), lang)),
        (N_("Convention's end"), day(d.get("convention_end"), lang)),
    ]


def _convention(c: dict, tr: Translator, lang: str) -> dict:
    parties = " ; ".join(p["name"] for p in c.get("parties") or [] if p.get("name"))
    rows = [
        (N_("Parties"), parties or None),
        (N_("Duration"), duration(c.get("duration"), lang)),
        (N_("Start"), _start(c.get("start"), tr, lang)),
        (N_("End"), day(c.get("end_date"), lang)),
        (N_("Signed at"), c.get("signed_place")),
        (N_("Signed on"), day(c.get("signed_on"), lang)),
        (N_("Signatories"), _names(c.get("signatories") or [])),
        (N_("Pages"), _pages(c, tr)),
    ]
    schools = c.get("schools") or []
    table = None
    if schools:
        table = {"columns": [tr._("Type"), tr._("UAI"), tr._("Name"), tr._("Address"), tr._("Email")],
                 "rows": [[s.get(k) or "" for k in ("type", "uai", "name", "address", "email")] for s in schools]}
    title = tr._("Convention") + (f" — {c['title']}" if c.get("title") else "")
    return {"title": title, "table": table, "rows": [[tr._(label), value] for label, value in rows if value]}


def _start(start: Optional[str], tr: Translator, lang: str) -> Optional[str]:
    """A convention's start: "from its signature", a date, or the words the document gives."""
    if start == "signature":
        return tr._("from its signature")
    return day(start, lang) if start and start[:1].isdigit() else start


def _pages(convention: dict, tr: Translator) -> Optional[str]:
    stated, actual = convention.get("stated_page_count"), convention.get("actual_page_count")
    if stated is None and actual is None:
        return None
    return tr._("{stated} stated, {actual} counted").format(stated=_number(stated), actual=_number(actual))
