"""blank-date: a date left as a placeholder."""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

import regex

from ent_lint import patterns
from ent_lint.engine import Examples, Message, Rule
from ent_lint.model import Blank, Document, Span
from ent_lint.text import TextView

from ._helpers import DELIBERATION_DATES

# A placeholder where a date should be, after the word that announces it: "le .....",
# "le __/__/____", "le ../../....", "le XX/XX/XXXX", "du _____", "Date : ____".
BLANK_DATE = patterns.compile(
    r"""(?:\ble\s*(?=[._\u2026]{3}|_{2}|\.{2}\s*/|xx\b)
         |\bdu\s*(?=[._]{3}|_{2})
         |\bdate\s*:\s*(?=[._]{3}|_{2}))
        (?:[._\u2026]{3,}(?:\s*/\s*[._\u2026]{2,}){0,2}
         |_{1,}\s*/\s*_{1,}\s*/\s*_{2,}
         |\.{2}\s*/\s*\.{2}\s*/\s*\.{2,4}
         |xx\s*/\s*xx\s*/\s*x{2,4}
         |\bxx\b(?:\s+\w+\s+x{2,4})?)""", regex.VERBOSE)
#: what every match of BLANK_DATE holds: a text without any is spared its scan (for speed)
_BLANK_MARKS = ("_", "..", "\u2026", "xx")
# "Fait à Cogolin, le ....": the date of a signature, written when it is signed
SIGNED_AT = patterns.compile(r"\bfait\s+a\b")
# A blank that is not a date's: "la commune de …", "M. ……", "représentée par ____" — beside a
# blank date, the sign of a model text quoted or annexed (a motion to adopt, a form), whose
# blanks are the model's own.
OTHER_BLANK = patterns.compile(r"\b(?:de|d'|par|m\.|mme|monsieur|madame|commune|nom|prenom)\s*(?:\.{3,}|\u2026|_{3,})")
MODEL_REACH = 3  # lines around the blank date looked at
Place = tuple[int, int]


def _place(span: Span) -> Place:
    return (span.page or 0, span.line)


def _drafts(document: Document) -> list[tuple[Place, Place]]:
    """The first and last lines of each convention not signed yet."""
    return [(_place(conv.first_line), _place(conv.last_line)) for conv in document.conventions
            if conv.draft and conv.first_line is not None and conv.last_line is not None]


def _in(place: Place, drafts: list[tuple[Place, Place]]) -> bool:
    return any(start <= place <= end for start, end in drafts)


def _in_model(folded: str, start: int, end: int) -> bool:
    """Whether other blanks, not dates', stand within a few lines of this one: a model text."""
    before = start
    for _ in range(MODEL_REACH + 1):
        before = folded.rfind("\n", 0, before - 1) if before > 0 else -1
        if before < 0:
            before = 0
            break
    after = end
    for _ in range(MODEL_REACH):
        after = folded.find("\n", after + 1)
        if after < 0:
            after = len(folded)
            break
    return any(not (start <= m.start() < end) for m in OTHER_BLANK.finditer(folded, before, after))


class BlankDate(Rule):
    """What it checks:
    A date left as a placeholder: "le .....", "__/__/____", "../../....", "XX/XX/XXXX".  A
    blank signature date on a convention annexed before it is signed is normal and reported at
    info level only; so is a blank date among other blanks ("la commune de …, réunie le …"),
    the sign of a model text quoted or annexed, whose blanks are the model's.

    Why it matters:
    An operative date left blank (the end of a convention, a convocation) leaves the act
    incomplete: nobody can say when its effects end.

    How to fix:
    Write the date; if the deliberation states it, copy it from there.
    """

    id = "blank-date"
    family = "dates"
    severity = "warning"
    summary = "a date left as a placeholder (\"le .....\", \"__/__/____\", \"XX\")"
    source = "completeness"
    messages = {
        **{name: Message(f"{label} is left blank", fix="write the date")
           for name, label in DELIBERATION_DATES.values()},
        "convention-end": Message("the convention's end date is left blank", fix="write the end date"),
        "convention-end-stated": Message(
            "the convention's end date is left blank while the deliberation states {stated:date}",
            fix="write « prendra fin le {stated:act_date} »"),
        "convention-signature": Message(
            "the convention's signature date is left blank (normal before signature)",
            fix="date the convention when it is signed", severity="info"),
        "in-draft": Message("a date is left blank in a convention not signed yet (normal before signature): "
                            "« {phrase} »", fix="write the date when the convention is signed", severity="info"),
        "to-sign": Message("a signature date is left blank (normal before signature): « {phrase} »",
                           fix="date it when it is signed", severity="info"),
        "phrase": Message("a date is left blank: « {phrase} »", fix="write the date"),
        "in-model": Message("a date is left blank in a model text, among other blanks (the model's own?): "
                            "« {phrase} »", fix="if the text is the act's, write the date and the other blanks",
                            severity="info"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Date de la convocation : le ..........
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 27 novembre 2023
Date de la convocation : le 21 novembre 2023
Délibération n° 2023-31 : Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
Le Maire : ..........
""")

    def check(self, document, text):
        reported: set[Optional[Place]] = set()
        for hit in [*self._fields(document), *self._conventions(document)]:
            reported.add(_place(hit.span) if hit.span else None)
            yield hit
        yield from self._phrases(document, text, reported)

    def _fields(self, document: Document) -> Iterator:
        for delib in document.deliberations:
            for field, (name, _) in DELIBERATION_DATES.items():
                if isinstance(getattr(delib, field), Blank):
                    yield self.hit(name, delib.spans.get(field))

    def _conventions(self, document: Document) -> Iterator:
        stated = next((d.convention_end for d in document.deliberations
                       if isinstance(d.convention_end, dt.date)), None)
        for conv in document.conventions:
            if isinstance(conv.end_date, Blank):
                span = conv.spans.get("end_date")
                if stated:
                    yield self.hit("convention-end-stated", span, stated=stated.isoformat())
                else:
                    yield self.hit("convention-end", span)
            if isinstance(conv.signed_on, Blank):
                yield self.hit("convention-signature", conv.spans.get("signed_on"))

    def _phrases(self, document: Document, text: TextView, reported: set) -> Iterator:
        """The placeholders written anywhere that no field above holds."""
        drafts = None
        if not any(mark in text.folded for mark in _BLANK_MARKS):
            return
        for match, span in text.find(BLANK_DATE):
            if _place(span) in reported:
                continue
            drafts = _drafts(document) if drafts is None else drafts
            line_start = match.string.rfind("\n", 0, match.start()) + 1
            if _in(_place(span), drafts):
                yield self.hit("in-draft", span, phrase=span.text)
            elif _in_model(match.string, match.start(), match.end()):
                yield self.hit("in-model", span, phrase=span.text)
            elif SIGNED_AT.search(match.string, line_start, match.start()):
                yield self.hit("to-sign", span, phrase=span.text)
            else:
                yield self.hit("phrase", span, phrase=span.text)
