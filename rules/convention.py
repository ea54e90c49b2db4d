"""Conventions: term, template residue, pages, articles, terms, ministry names, signatures."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ent_lint import reference
from ent_lint.engine import Rule
from ent_lint.people import find
from ent_lint.text import fold

from ._common import first_span
from .dates import french


def _duration_text(iso: str) -> str:
    amount, unit = int(iso[1:-1]), iso[-1]
    return f"{amount} {'years' if unit == 'Y' else 'months'}"


def add_duration(start: dt.date, iso: str) -> dt.date:
    amount, unit = int(iso[1:-1]), iso[-1]
    months = amount * 12 if unit == "Y" else amount
    year, month = divmod(start.month - 1 + months, 12)
    day = start.day
    while True:
        try:
            return dt.date(start.year + year, month + 1, day)
        except ValueError:
            day -= 1


class DurationMismatch(Rule):
    """What it checks:
    The duration stated in the deliberation against the convention's; and, when the
    convention gives a start date and an end date, that start + duration reaches the end.

    Why it matters:
    The council approved one duration; a convention signed for another is not the one it
    approved.

    Example:
    "pour une durée de 3 ans" in the deliberation, "conclue pour une durée de 2 ans" in the
    convention.

    How to fix:
    Align the convention on the deliberation, or deliberate again.
    """

    id = "duration-mismatch"
    family = "convention"
    severity = "error"
    summary = "duration in the deliberation ≠ duration in the convention; or start + duration ≠ end"
    source = "consistency"
    # in minutes, a convention annexed to one item cannot be matched to the others
    kinds = ("extract", "convention")

    def check(self, document):
        for conv in document.conventions:
            for delib in document.deliberations:
                if delib.convention_duration and conv.duration and delib.convention_duration != conv.duration:
                    yield self.hit(
                        f"the deliberation approves {_duration_text(delib.convention_duration)}, the "
                        f"convention says {_duration_text(conv.duration)}", conv.spans.get("duration"))
            if conv.duration and conv.start and conv.start != "signature" and isinstance(conv.end_date, dt.date):
                start = dt.date.fromisoformat(conv.start)
                end = add_duration(start, conv.duration)
                if conv.end_date not in (end, end - dt.timedelta(days=1)):
                    yield self.hit(
                        f"{_duration_text(conv.duration)} from {french(start)} end on {french(end)}, "
                        f"not {french(conv.end_date)}", conv.spans.get("end_date"))


class EndDateMismatch(Rule):
    """What it checks:
    The end date of the convention stated in the deliberation against the convention's own.

    Why it matters:
    The council approved a term; a convention ending on another date is not the one approved.

    Example:
    "prendra fin le 27 décembre 2026" in the deliberation, "le 31 août 2026" in the
    convention.

    How to fix:
    Write the same end date in both.
    """

    id = "end-date-mismatch"
    family = "convention"
    severity = "error"
    summary = "end date in the deliberation ≠ end date in the convention"
    source = "consistency"
    # in minutes, a convention annexed to one item cannot be matched to the others
    kinds = ("extract", "convention")

    def check(self, document):
        for conv in document.conventions:
            for delib in document.deliberations:
                if (isinstance(delib.convention_end, dt.date) and isinstance(conv.end_date, dt.date)
                        and delib.convention_end != conv.end_date):
                    yield self.hit(f"the deliberation ends the convention on {french(delib.convention_end)}, "
                                   f"the convention on {french(conv.end_date)}", conv.spans.get("end_date"))


class TemplateResidue(Rule):
    """What it checks:
    Template text left unfilled: "3 an(s)", "[MONTANT]", "M. ______", "XXX".

    Why it matters:
    Residue shows the template was not finished; the prefecture reads the act as a draft.

    Example:
    "conclue pour une durée de 3 an(s)".

    How to fix:
    Choose the form ("3 ans") or fill the field.
    """

    id = "template-residue"
    family = "convention"
    severity = "warning"
    summary = "template left unfilled: \"3 an(s)\", \"[MONTANT]\", \"M. ______\", \"XXX\""
    source = "completeness"

    def check(self, document):
        for mention in document.mentions_of("residue"):
            yield self.hit(f"template residue « {mention.text} »", mention.span,
                           fix="fill in or choose the form")


class PageCount(Rule):
    """What it checks:
    A stated page count ("Ce document comporte 5 pages") against the actual pages of the
    convention or of the whole PDF.

    Why it matters:
    A page count that does not match suggests a page is missing from what was transmitted.

    Example:
    "comporte 5 pages" on a 4-page convention.

    How to fix:
    Correct the count, or add the missing page.
    """

    id = "page-count"
    family = "convention"
    severity = "warning"
    summary = "stated page count ≠ actual pages"
    source = "consistency"

    def check(self, document):
        for conv in document.conventions:
            stated = conv.stated_page_count
            actual = {n for n in (conv.actual_page_count, document.page_count) if n}
            if stated and actual and stated not in actual:
                yield self.hit(f"the convention states {stated} pages but has {conv.actual_page_count}"
                               + (f" (the document {document.page_count})" if document.page_count != conv.actual_page_count else ""),
                               conv.spans.get("stated_page_count"), fix="correct the page count")


class ArticleNumbering(Rule):
    """What it checks:
    Articles numbered in sequence from 1, without duplicates, and headed the same way
    ("Article 4." not "Articles 4."). Numbering may start again in each title or chapter
    ("TITRE 2", "CHAPITRE II", or "Article 2.1").

    Why it matters:
    Cross-references ("article 8") point to the wrong clause when the numbering slips.

    Example:
    "Article 3. ...", "Articles 4. Gouvernance".

    How to fix:
    Renumber and write every heading the same way.
    """

    id = "article-numbering"
    family = "convention"
    severity = "warning"
    summary = "articles out of sequence, duplicated, or headings written inconsistently"
    source = "form"

    def check(self, document):
        for conv in document.conventions:
            if not conv.articles:
                continue
            usual = Counter(fold(a.label) for a in conv.articles).most_common(1)[0][0]
            previous = 0
            seen = set()
            part = None
            for article in conv.articles:
                if article.part != part:
                    part = article.part
                    if article.number == 1:  # numbering that starts again in each title or chapter
                        previous, seen = 0, set()
                if article.number in seen:
                    yield self.hit(f"article {article.number} appears twice", article.span)
                elif article.number != previous + 1:
                    yield self.hit(f"article {article.number} follows article {previous}", article.span,
                                   fix=f"number it {previous + 1}")
                if fold(article.label) != usual:
                    yield self.hit(f"« {article.label} {article.number} » is headed unlike the other "
                                   f"articles (« {usual.capitalize()} »)", article.span,
                                   fix=f"write « {usual.capitalize()} {article.number} »")
                seen.add(article.number)
                previous = article.number


class TermInconsistency(Rule):
    """What it checks:
    One notion named two ways in one document, e.g. "Espace Numérique de Travail" and
    "Environnement Numérique de Travail" for the ENT.

    Why it matters:
    Two names for one thing invite the question whether two things are meant.

    Example:
    The convention speaks of the "Espace Numérique de Travail", its annex of an
    "Environnement Numérique de Travail".

    How to fix:
    Use one name throughout.
    """

    id = "term-inconsistency"
    family = "convention"
    severity = "info"
    summary = "one notion named two ways in one document"
    source = "form"

    def check(self, document):
        by_notion: dict[str, dict[str, list]] = {}
        for mention in document.mentions_of("term"):
            notion, variant = mention.value.split("\t")
            by_notion.setdefault(notion, {}).setdefault(variant, []).append(mention)
        for notion, variants in by_notion.items():
            if len(variants) < 2:
                continue
            ranked = sorted(variants.items(), key=lambda item: -len(item[1]))
            main = ranked[0][0]
            for variant, mentions in ranked[1:]:
                yield self.hit(f"the {notion} is called « {variant} » here and « {main} » elsewhere",
                               mentions[0].span, fix=f"write « {main} » throughout")


class OutdatedMinistryName(Rule):
    """What it checks:
    A full name of the Ministry of Education that was not in force at the document's date
    (the sitting, or failing it the signature).  The bare "Éducation nationale" is read as a
    common name and not checked.

    Why it matters:
    A party named as it no longer exists is a sign of a template copied without review.

    Example:
    "Ministère de l'Education Nationale, de la Jeunesse et des Sports" (July 2020 to May 2022)
    in a convention of November 2023, when it was "Éducation nationale et Jeunesse".

    How to fix:
    Use the name in force at the date of the act.
    """

    id = "outdated-ministry-name"
    family = "convention"
    severity = "warning"
    summary = "a ministry name not in force at the document's date"
    source = reference.MINISTRY_SOURCE

    def check(self, document):
        day = document.reference_date
        if day is None:
            return
        current = reference.ministry_name_on(day)
        if current is None:
            return
        for mention in document.mentions_of("ministry"):
            parts = frozenset(p for p in (mention.value or "").split(",") if p)
            if not parts or parts == current[2]:
                continue
            periods = reference.ministry_periods(parts)
            when = "; ".join(f"from {french(a)}" + (f" to {french(b)}" if b else "") for a, b in periods)
            yield self.hit(
                f"« {mention.text} »" + (f" was the name {when}" if when else " was never the official name")
                + f"; on {french(day)} it was « {current[1]} »",
                mention.span, fix=f"write « Ministère de l'{current[1]} »")


class MissingSignature(Rule):
    """What it checks:
    A deliberation of a sitting since 1 July 2022 without the signature block of the mayor
    (or president) and of the secretary; a convention without a signature for each party.

    Why it matters:
    Since the reform of 1 July 2022 (CGCT L2121-23) deliberations are signed by the mayor and
    the secretary of the sitting; an unsigned convention binds no one.

    Example:
    An extract ending with "Le Maire, Marc Etienne LANSADÉ" and no secretary.

    How to fix:
    Add the missing signature block.
    """

    id = "missing-signature"
    family = "convention"
    severity = "warning"
    summary = "no signature block for the mayor and the secretary, or for each party"
    source = "CGCT art. L2121-23"

    def check(self, document):
        if document.deliberations and _signed_record(document):
            delib = document.deliberations[-1]
            if delib.session.date and delib.session.date >= reference.SIGNATURE_REFORM:
                missing = []
                president = delib.session.president
                if "mayor" not in delib.signature_roles and not (
                        president and find(delib.signatories, president)):
                    missing.append("the mayor")
                if "secretary" not in delib.signature_roles and not (
                        delib.secretary and find(delib.signatories, delib.secretary)):
                    missing.append("the secretary")
                if missing:
                    yield self.hit(f"no signature block for {' and '.join(missing)}",
                                   first_span(delib, "vote", "number", "deliberated"),
                                   fix="add « Le Maire, » and « Le secrétaire de séance, » with their names")
        for conv in document.conventions:
            if conv.draft:
                continue  # a draft quoted in the minutes is signed after the council approves it
            named = [p for p in conv.parties if p.name]
            signed = max(len(conv.signatories), conv.signature_blocks)
            if len(named) >= 2 and signed < len(named):
                yield self.hit(f"{len(named)} parties but {signed} signatures",
                               conv.spans.get("signed_place") or conv.spans.get("title"),
                               fix="add a signature block for each party")


def _signed_record(document) -> bool:
    """Whether the mayor's and the secretary's signatures can be looked for: an extract, or the
    procès-verbal of a sitting (a summary, a list of deliberations or a posted compte rendu is not
    signed that way), whose end was read from a text layer (a scanned signature cannot be read)."""
    last = document.deliberations[-1]
    if any(span.ocr for span in last.spans.values()):
        return False
    if document.kind == "extract":
        return True
    return document.kind == "minutes" and "proces" in fold(document.title or "")


RULES = [DurationMismatch, EndDateMismatch, TemplateResidue, PageCount, ArticleNumbering,
         TermInconsistency, OutdatedMinistryName, MissingSignature]
