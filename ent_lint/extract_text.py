"""``ent-lint extract --format text``: the fields read from a document, written for people.

Dates as the language writes them, a blank as « ..... » said to be blank, a duration in years,
a value not found as "?", and with ``locations`` each field's place (line, column, page) and the
text read there, under the document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import i18n
from .i18n import N_, _, ngettext
from .model import Blank, Document, Span

#: the words of the model's fixed values, as a reader sees them
TERMS = {"municipal council": N_("municipal council"), "community council": N_("community council"),
         "syndicate committee": N_("syndicate committee"),
         "extract": N_("extract of the register"), "minutes": N_("minutes"), "list": N_("list of deliberations"),
         "convention": N_("convention"), "other": N_("other document"), "text": N_("text"), "pdf": N_("PDF"),
         "signature": N_("its signature")}


def _term(value: str | None) -> str:
    return _(TERMS[value]) if value in TERMS else (value or "?")


def _value(value: Any) -> str:
    """A value as a reader writes it: a date in words, a blank said to be blank, "?" when absent."""
    if value is None:
        return "?"
    if isinstance(value, Blank):
        return _("left blank (« {text} »)").format(text=value.text)
    if isinstance(value, dt.date):
        return i18n.format_date(value, i18n.current())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _duration(value: str | None) -> str:
    if not value:
        return "?"
    try:
        return i18n.Formatter(i18n.current()).format("{d:period}", d=value)
    except (ValueError, IndexError):
        return value


def where(span: Span) -> str:
    """``line 12, column 5`` and the page of a PDF."""
    text = _("line {line}, column {column}").format(line=span.line, column=span.column)
    return text + (_(", page {page}").format(page=span.page) if span.page is not None else "")


def summary(document: Document, *, locations: bool = False) -> str:
    """The fields read from ``document``, one line per group, in the current language."""
    pages = ngettext("{n} page", "{n} pages", document.page_count).format(n=document.page_count) \
        if document.page_count else None
    head = ", ".join(part for part in (_term(document.format), _term(document.kind), pages) if part)
    out = [f"{document.path} ({head})"]
    for number, delib in enumerate(document.deliberations, 1):
        out += _deliberation(number, delib, locations)
    for conv in document.conventions:
        out += _convention(conv, locations)
    return "\n".join(out)


def _deliberation(number: int, delib, locations: bool) -> list[str]:
    c, session = delib.counts, delib.session
    out = [_("  deliberation {number}: {id} {title}").format(
        number=number, id=delib.number or "-", title=delib.title or "").rstrip()]
    out.append(_("    {body} of {authority}, sitting of {date} {time} at {place}, president {president}").format(
        body=_term(delib.body) if delib.body else _("council"), authority=delib.authority or "?",
        date=_value(session.date), time=session.time or "", place=session.place or "?",
        president=session.president.name if session.president else "?"))
    out.append(_("    convened {convened}, posted {posted}").format(convened=_value(delib.convened_on),
                                                                   posted=_value(delib.posted_on)))
    out.append(_("    counts: in office {in_office}, present {present}, represented {represented}, voting {voting}")
               .format(in_office=_value(c.in_office), present=_value(c.present),
                       represented=_value(c.represented), voting=_value(c.voting)))
    out.append(_("    lists: {present} present, {proxies} proxies, {absent} absent, {not_voting} not voting;"
                 " secretary {secretary}").format(
        present=len(delib.present), proxies=len(delib.proxies), absent=len(delib.absent),
        not_voting=len(delib.not_voting), secretary=delib.secretary.name if delib.secretary else "?"))
    out.append(_("    vote: {outcome}").format(outcome=_outcome(delib.vote)))
    for field, reason in delib.doubts.items():
        out.append(_("    not sure of {field}: {reason}").format(field=field, reason=reason))
    return out + (_spans(delib.spans) if locations else [])


def _outcome(vote) -> str:
    if not vote.stated:
        return _("not stated")
    if vote.unanimous:
        return _("unanimous")
    if vote.outcome and vote.for_ is None and vote.against is None:
        return {"adopted": _("adopted, no count written"), "rejected": _("rejected, no count written"),
                "adjourned": _("put off or withdrawn, not voted")}[vote.outcome]
    return _("for {for_}, against {against}, abstain {abstain}").format(
        for_=_value(vote.for_), against=_value(vote.against), abstain=_value(vote.abstain))


def _convention(conv, locations: bool) -> list[str]:
    out = [_("  convention: {title}").format(title=conv.title or "-")]
    for party in conv.parties:
        rep = party.representative.name if party.representative else "?"
        out.append(_("    party: {name} (represented by {representative}; {role})").format(
            name=party.name or "?", representative=rep, role=party.role or "-"))
    out.append(_("    duration {duration}, from {start}, until {end}; signed at {place} on {day}").format(
        duration=_duration(conv.duration), start=_term(conv.start) if conv.start else "?",
        end=_value(conv.end_date), place=conv.signed_place or "?", day=_value(conv.signed_on)))
    out.append(_("    {articles} articles, stated pages {stated}, {schools} schools").format(
        articles=len(conv.articles), stated=_value(conv.stated_page_count), schools=len(conv.schools)))
    for school in conv.schools:
        out.append("      " + " | ".join(_value(v) for v in (
            " ".join(part for part in (school.type, school.uai, school.name) if part) or None,
            school.address, school.email)))
        if locations:
            out += _spans(school.spans, indent="        ")
    return out + (_spans(conv.spans) if locations else [])


def _spans(spans: dict[str, Span], indent: str = "      ") -> list[str]:
    """Each field's place and the text read there."""
    return [indent + _("{field}: {where}: « {text} »").format(field=field, where=where(span), text=span.text)
            for field, span in spans.items()]
