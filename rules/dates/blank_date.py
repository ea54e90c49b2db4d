"""blank-date: a date left as a placeholder."""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

import regex

from ent_lint.engine import Examples, Message, Rule
from ent_lint.model import Blank, Document, Span
from ent_lint.text import TextView

from ._helpers import DELIBERATION_DATES

# A placeholder where a date should be, after the word that announces it: "le .....",
# "le __/__/____", "le ../../....", "le XX/XX/XXXX", "du _____", "Date : ____".
BLANK_DATE = regex.compile(
    r"""(?:\ble\s*(?=[._\u2026]{3}|_{2}|\.{2}\s*/|xx\b)
         |\bdu\s*(?=[._]{3}|_{2})
         |\bdate\s*:\s*(?=[._]{3}|_{2}))
        (?:[._\u2026]{3,}(?:\s*/\s*[._\u2026]{2,}){0,2}
         |_{1,}\s*/\s*_{1,}\s*/\s*_{2,}
         |\.{2}\s*/\s*\.{2}\s*/\s*\.{2,4}
         |xx\s*/\s*xx\s*/\s*x{2,4}
         |\bxx\b(?:\s+\w+\s+x{2,4})?)""", regex.VERBOSE)
# "Fait à Cogolin, le ....": the date of a signature, written when it is signed
SIGNED_AT = regex.compile(r"\bfait\s+a\b")
Place = tuple[int, int]


def _place(span: Span) -> Place:
    return (span.page or 0, span.line)


def _drafts(document: Document) -> list[tuple[Place, Place]]:
    """The first and last lines of each convention not signed yet."""
    return [(_place(conv.first_line), _place(conv.last_line)) for conv in document.conventions
            if conv.draft and conv.first_line is not None and conv.last_line is not None]


def _in(place: Place, drafts: list[tuple[Place, Place]]) -> bool:
    return any(start <= place <= end for start, end in drafts)


class BlankDate(Rule):
    """What it checks:
    A date left as a placeholder: "le .....", "__/__/____", "../../....", "XX/XX/XXXX".  A
    blank signature date on a convention annexed before it is signed is normal and reported at
    info level only.

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
        for match, span in text.find(BLANK_DATE):
            if _place(span) in reported:
                continue
            drafts = _drafts(document) if drafts is None else drafts
            line_start = match.string.rfind("\n", 0, match.start()) + 1
            if _in(_place(span), drafts):
                yield self.hit("in-draft", span, phrase=span.text)
            elif SIGNED_AT.search(match.string, line_start, match.start()):
                yield self.hit("to-sign", span, phrase=span.text)
            else:
                yield self.hit("phrase", span, phrase=span.text)
