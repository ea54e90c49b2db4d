"""The typed model: the contract between the parser and the rules.

Glossary of the French terms behind the English field names:
``in_office`` = "en exercice", ``legal_size`` = "afférents au conseil", ``present`` = "présents",
``represented`` = "représentés" (by proxy), ``voting`` = "votants" / "ont pris part au vote",
``proxy`` = "pouvoir" / "procuration", ``grantor`` = "mandant", ``holder`` = "mandataire",
``convened_on`` = "date de la convocation", ``posted_on`` = "date d'affichage",
``secretary`` = "secrétaire de séance", ``UAI`` = "unité administrative immatriculée" (ex-RNE).

Every value the parser extracts keeps where it came from in a ``spans`` mapping beside it (a
dotted field path to a :class:`Span`), so a rule can point at its evidence without knowing
anything about files.  A value the document leaves as a placeholder is a :class:`Blank`, which
is not the same as ``None`` (the document says nothing).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from .findings import SEVERITY_RANK, Finding, Severity  # noqa: F401  (re-exported for rules)

# A note that limits an entry to some items: "jusqu'à la délibération n°62", "à partir du point 3".
PART_OF_SITTING = re.compile(
    r"jusqu|partir|depuis|d[eè]s\s+(?:la|le)|arriv|quitt|parti|d[ée]part|question|point|d[ée]lib|dossier",
    re.IGNORECASE)


class Span(BaseModel):
    """Where a value was read: 1-based page (PDFs only), line and column, and the text read."""

    model_config = ConfigDict(frozen=True)

    page: Optional[int] = None
    line: int
    column: int = 1
    text: str = ""
    ocr: bool = False
    #: OCR read a word of that line with low confidence
    unsure: bool = Field(default=False, exclude=True)


class Blank(BaseModel):
    """A value the document leaves as a placeholder ("le .....", "__/__/____")."""

    blank: Literal[True] = True
    text: str


class Person(BaseModel):
    """A name as written, with a key that ignores case, accents, civility, hyphens and order."""

    name: str
    normalized: str
    # a comment written beside the name: "(jusqu'à la délibération n°2015/62)"
    note: Optional[str] = None
    span: Optional[Span] = Field(default=None, exclude=True)

    @property
    def for_part_of_sitting(self) -> bool:
        """Whether the note limits the presence, absence or proxy to some items."""
        return bool(self.note) and bool(PART_OF_SITTING.search(self.note))

    def __hash__(self) -> int:  # people are compared by their normalised key
        return hash(self.normalized)


class Proxy(BaseModel):
    grantor: Person
    holder: Person
    span: Optional[Span] = Field(default=None, exclude=True)


class Counts(BaseModel):
    legal_size: Optional[int] = None
    in_office: Optional[int] = None
    present: Optional[int] = None
    represented: Optional[int] = None
    voting: Optional[int] = None


class Vote(BaseModel):
    unanimous: Optional[bool] = None
    for_: Optional[int] = Field(default=None, alias="for", serialization_alias="for")
    against: Optional[int] = None
    abstain: Optional[int] = None
    ballot: Optional[bool] = None  # an election or a secret ballot, counted in votes per candidate
    #: the outcome written in words without any count ("Adopté à la majorité", "La proposition est
    #: rejetée"): "adopted" or "rejected"; "adjourned" for an item put off or withdrawn ("Ce point
    #: est ajourné", "retiré de l'ordre du jour"), which is not voted
    outcome: Optional[Literal["adopted", "rejected", "adjourned"]] = None

    model_config = ConfigDict(populate_by_name=True)

    @property
    def stated(self) -> bool:
        return (self.unanimous is not None or self.for_ is not None or self.against is not None
                or bool(self.ballot) or self.outcome is not None)


class Session(BaseModel):
    date: Optional[dt.date] = None
    time: Optional[str] = None
    place: Optional[str] = None
    president: Optional[Person] = None
    weekday: Optional[str] = None
    date_in_words: Optional[dt.date] = None
    #: the date a header or footer repeated on the pages gives the sitting ("CM – 15.09.2014")
    date_in_running_title: Optional[dt.date] = None


DateValue = Union[dt.date, Blank, None]

#: what a document is: an extract of the register, minutes of a sitting, the list of the
#: deliberations of a sitting, a convention, or something else
DocumentKind = Literal["extract", "minutes", "list", "convention", "other"]


class Deliberation(BaseModel):
    authority: Optional[str] = None
    body: Optional[Literal["municipal council", "community council", "syndicate committee"]] = None
    number: Optional[str] = None
    title: Optional[str] = None
    session: Session = Field(default_factory=Session)
    convened_on: DateValue = None
    posted_on: DateValue = None
    counts: Counts = Field(default_factory=Counts)
    present: list[Person] = Field(default_factory=list)
    proxies: list[Proxy] = Field(default_factory=list)
    absent: list[Person] = Field(default_factory=list)
    not_voting: list[Person] = Field(default_factory=list)
    left: list[Person] = Field(default_factory=list)
    arrived: list[Person] = Field(default_factory=list)
    secretary: Optional[Person] = None
    vote: Vote = Field(default_factory=Vote)
    decisions: list[str] = Field(default_factory=list)
    #: the item decides something ("après en avoir délibéré", an operative verb, a vote); an
    #: information point of minutes does not
    deliberative: bool = True
    signatories: list[Person] = Field(default_factory=list)
    signed_on: DateValue = None
    transmitted_on: DateValue = None
    published_on: DateValue = None
    urgency: bool = False
    second_convocation: bool = False
    convention_duration: Optional[str] = None
    convention_end: DateValue = None
    lists_complete: bool = False
    #: counts and lists read for this item itself (an extract), not only for the whole sitting
    counts_for_item: bool = True
    #: members arrived or left before this item: the sitting's counts no longer describe it
    attendance_changed: bool = False
    signature_roles: list[str] = Field(default_factory=list)
    #: the fields read without certainty (field path -> reason)
    doubts: dict[str, str] = Field(default_factory=dict)
    spans: dict[str, Span] = Field(default_factory=dict)

    def sure(self, *fields: str) -> bool:
        """Whether every one of these fields (or a field under it) was read with certainty."""
        return not any(doubt == f or doubt.startswith(f + ".") or f.startswith(doubt + ".")
                       for f in fields for doubt in self.doubts)


class Party(BaseModel):
    name: Optional[str] = None
    address: Optional[str] = None
    representative: Optional[Person] = None
    role: Optional[str] = None


class Article(BaseModel):
    number: int
    heading: str
    label: str = "Article"
    part: Optional[str] = None  # "TITRE 2", "CHAPITRE I", or "1" for an article numbered 1.3
    span: Optional[Span] = Field(default=None, exclude=True)


class School(BaseModel):
    type: Optional[str] = None
    uai: Optional[str] = None
    name: Optional[str] = None
    address: Optional[str] = None
    email: Optional[str] = None
    spans: dict[str, Span] = Field(default_factory=dict)


class Convention(BaseModel):
    title: Optional[str] = None
    parties: list[Party] = Field(default_factory=list)
    duration: Optional[str] = None
    start: Optional[str] = None
    end_date: DateValue = None
    signed_place: Optional[str] = None
    signed_on: DateValue = None
    signatories: list[Person] = Field(default_factory=list)
    signature_blocks: int = 0  # "Pour la Commune," / "Pour l'Occupant," headings, named or not
    draft: bool = False  # quoted in minutes before the council's decision, so not signed yet
    #: its first and last lines in the document
    first_line: Optional[Span] = None
    last_line: Optional[Span] = None
    stated_page_count: Optional[int] = None
    actual_page_count: Optional[int] = None
    articles: list[Article] = Field(default_factory=list)
    schools: list[School] = Field(default_factory=list)
    spans: dict[str, Span] = Field(default_factory=dict)


class Document(BaseModel):
    path: str
    format: Literal["text", "pdf"] = "text"
    kind: DocumentKind = "other"
    #: the line where the document names itself ("EXTRAIT DU REGISTRE ...", "PROCÈS-VERBAL ...")
    title: Optional[str] = None
    page_count: Optional[int] = None
    deliberations: list[Deliberation] = Field(default_factory=list)
    conventions: list[Convention] = Field(default_factory=list)
    #: the département of the collectivity, from the postcodes the document gives
    department: Optional[str] = None
    #: the document's date for naming rules: the sitting, or failing it a signature date
    reference_date: Optional[dt.date] = None

