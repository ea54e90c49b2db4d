"""@actes: the envelope of an act sent to the prefecture, checked before it is sent.

An act goes to the prefecture's legality control (« contrôle de légalité ») through a
transmission platform (S²LOW, Pastell, FAST) with an envelope: its number (« numéro interne »),
subject (« objet »), nature (1 DE deliberation, 2 AR regulatory act, 3 AI individual act, 4 CC
contract or convention, 5 BF budget, 6 AU other), subject code (« matière », "8.1"), date, the
main file and the annexes.  The platforms check the envelope alone and refuse it after the fact;
ent-lint also reads the act, so it can say that the envelope does not describe it.

The envelope is given as command-line options, as a small TOML file, or as @actes v1.1 XML (an
``Acte`` element), validated against the @actes XSD.  The national classification (the natures
and the matières, levels 1 and 2) and the XSD are not shipped with ent-lint: they are found with
``--classification`` and ``--xsd``, or in the folder ``ENT_LINT_SCHEMAS`` names (its ``actes/``
folder), or in ``../shared/schemas`` from the working directory.

Each check is a rule class (id, message templates, documentation) of the scope ``envelope``:
the rule engine does not run them on documents; :func:`check_envelope` does.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Iterable, Iterator, Optional

from .engine import Hit, Message, Rule, render
from .errors import ConfigError
from .findings import Finding
from .i18n import N_
from .text import fold

NAMESPACE = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216"
_NS = f"{{{NAMESPACE}}}"

#: S²LOW's pattern for the act number, the strictest of the platforms
NUMBER = re.compile(r"^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$")
#: Pastell's: it lets a number start or end with "_"
LOOSE_NUMBER = re.compile(r"^[0-9A-Z_]{1,15}$")
SUBJECT_MAX = 499
MAX_TOTAL_BYTES = 150 * 1024 * 1024  # the act and its annexes together
#: the document kinds whose nature is known: an extract of the register is a deliberation (DE),
#: a convention a contract (CC)
NATURE_OF_KIND = {"extract": 1, "convention": 4}
#: annex types by file suffix, with the first bytes of such a file
ANNEX_TYPES = {".pdf": "PDF", ".jpg": "JPG", ".jpeg": "JPG", ".png": "PNG", ".xml": "XML"}
_MAGIC = {"PDF": (b"%PDF-",), "JPG": (b"\xff\xd8\xff",), "PNG": (b"\x89PNG\r\n\x1a\n",)}


class EnvelopeError(Exception):
    """An envelope that cannot be read (bad TOML, XML not valid against the XSD): a usage error."""


# ---------------------------------------------------------------------------------------------
# reference files


def schema_file(relative: str, given: Optional[str] = None) -> Path:
    """A reference file: ``given``, or ``relative`` under ``$ENT_LINT_SCHEMAS`` or ``../shared/schemas``."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise ConfigError(f"{given}: no such file")
        return path
    folders = [Path(os.environ["ENT_LINT_SCHEMAS"])] if os.environ.get("ENT_LINT_SCHEMAS") else []
    folders.append(Path.cwd().parent / "shared" / "schemas")
    for folder in folders:
        if (folder / relative).is_file():
            return folder / relative
    raise ConfigError(f"{relative} not found: give its path by option, or set ENT_LINT_SCHEMAS to the folder "
                      "that holds it")


@dataclass
class Classification:
    """An @actes classification: the natures by code, and the matières by dotted code ("8.1")
    with their labels from level 1 down."""

    natures: dict[int, str] = field(default_factory=dict)  # code -> abbreviation (DE, AR...)
    matieres: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def label(self, code: str) -> Optional[tuple[str, ...]]:
        return self.matieres.get(code)


def load_classification(path: Path) -> Classification:
    """Read a ``RetourClassification`` file (ISO-8859-1, as the prefectures send it)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise ConfigError(f"{path}: not a readable @actes classification ({exc})") from None
    found = Classification()
    for nature in root.iter(f"{_NS}NatureActe"):
        code = nature.get(f"{_NS}CodeNatureActe")
        if code and code.isdigit():
            found.natures[int(code)] = nature.get(f"{_NS}TypeAbrege", "")

    def walk(element, prefix: str, labels: tuple[str, ...], level: int) -> None:
        for child in element.findall(f"{_NS}Matiere{level}"):
            code = f"{prefix}.{child.get(f'{_NS}CodeMatiere')}" if prefix else child.get(f"{_NS}CodeMatiere")
            here = (*labels, (child.get(f"{_NS}Libelle") or "").strip())
            found.matieres[code] = here
            walk(child, code, here, level + 1)

    matieres = root.find(f"{_NS}Matieres")
    if matieres is not None:
        walk(matieres, "", (), 1)
    if not found.natures or not found.matieres:
        raise ConfigError(f"{path}: no natures or matières found: not an @actes classification")
    return found


# ---------------------------------------------------------------------------------------------
# the envelope


@dataclass
class Envelope:
    """What the envelope says of the act; ``None`` where it says nothing."""

    source: Optional[str] = None  # the envelope file, if one was given
    number: Optional[str] = None
    subject: Optional[str] = None
    nature: Optional[int] = None
    matiere: Optional[str] = None
    date: Optional[dt.date] = None

    def merged(self, **values) -> "Envelope":
        """This envelope with the given non-empty values on top (the command line's)."""
        return Envelope(**{**vars(self), **{k: v for k, v in values.items() if v is not None}})


def read_envelope(path: str, xsd: Optional[str] = None) -> Envelope:
    """An envelope from a TOML sidecar (keys numero, objet, nature, matiere, date) or @actes XML."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xml":
        return _read_xml(path, xsd)
    if suffix == ".toml":
        return _read_toml(path)
    raise EnvelopeError(f"{path}: an envelope is a .toml or an @actes .xml file")


def _read_toml(path: str) -> Envelope:
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise EnvelopeError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise EnvelopeError(f"{path}: invalid TOML ({exc})") from None
    known = {"numero", "objet", "nature", "matiere", "date"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise EnvelopeError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")
    envelope = Envelope(path)
    if "numero" in data:
        envelope.number = str(data["numero"])
    if "objet" in data:
        envelope.subject = str(data["objet"])
    if "nature" in data:
        envelope.nature = _nature(data["nature"], path)
    if "matiere" in data:
        envelope.matiere = str(data["matiere"])
    if "date" in data:
        envelope.date = _date(data["date"], path)
    return envelope


def _nature(value, where: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise EnvelopeError(f"{where}: nature {value!r} is not a number (1 to 6)") from None


def _date(value, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise EnvelopeError(f"{where}: date {value!r} is not a date (YYYY-MM-DD)") from None


def _read_xml(path: str, xsd: Optional[str]) -> Envelope:
    try:
        import xmlschema
    except ImportError:
        raise EnvelopeError("an @actes XML envelope is validated with xmlschema: pip install 'ent-lint[actes]'") from None

    try:
        schema = xmlschema.XMLSchema(str(schema_file("actes/actesv1_1.xsd", xsd)))
    except ConfigError as exc:
        raise EnvelopeError(f"the @actes XSD: {exc}") from None
    try:
        error = next(iter(schema.iter_errors(path)), None)
    except (ET.ParseError, OSError) as exc:
        raise EnvelopeError(f"{path}: not readable XML ({exc})") from None
    except xmlschema.XMLSchemaException as exc:
        raise EnvelopeError(f"{path}: not valid against actesv1_1.xsd: {_one_line(str(exc))}") from None
    if error is not None:
        where = f" at {error.path}" if getattr(error, "path", None) else ""
        raise EnvelopeError(f"{path}: not valid against actesv1_1.xsd{where}: {_one_line(error.reason or str(error))}")
    root = ET.parse(path).getroot()
    if root.tag != f"{_NS}Acte":
        raise EnvelopeError(f"{path}: the root element is {root.tag.split('}')[-1]}, not an @actes Acte")
    codes = []
    for level in range(1, 6):
        element = root.find(f"{_NS}CodeMatiere{level}")
        if element is None:
            break
        codes.append(element.get(f"{_NS}CodeMatiere"))
    subject = root.find(f"{_NS}Objet")
    return Envelope(path, number=root.get(f"{_NS}NumeroInterne"),
                    subject=subject.text if subject is not None and subject.text is not None else "",
                    nature=int(root.get(f"{_NS}CodeNatureActe")), matiere=".".join(codes),
                    date=dt.date.fromisoformat(root.get(f"{_NS}Date")))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# the checks


@dataclass
class Transmission:
    """What one transmission holds: the envelope, the files, and what ent-lint read of the act."""

    envelope: Envelope
    act: str
    annexes: list[str]
    classification: Classification
    document: object = None  # the parsed act (ent_lint.model.Document), when it could be read


class EnvelopeRule(Rule):
    """A check of an @actes transmission: the engine never runs it on a document alone."""

    family: ClassVar[str] = "actes"
    severity = "error"
    scope: ClassVar[str] = "envelope"
    kinds: ClassVar[tuple[str, ...]] = ()
    source = "@actes v1.1; S²LOW and Pastell checks"

    def check_envelope(self, sent: Transmission) -> Iterable[Hit]:
        raise NotImplementedError


class ActesNumber(EnvelopeRule):
    """What it checks:
    The act number of the envelope: 1 to 15 capitals, digits or "_", neither starting nor ending
    with "_" (S²LOW's pattern, the strictest; Pastell also takes a leading or trailing "_").

    Why it matters:
    A platform refuses an envelope whose number does not match its pattern; the act is not
    transmitted and so not enforceable.

    Example:
    "2023/11/27-31" or "del_2023_31" (separators or lower case).

    How to fix:
    Write the number in capitals and digits, with "_" for separators: "2023_11_27_31".
    """

    id = "actes-number"
    summary = "the act number does not match the platforms' pattern"
    messages = {
        "missing": Message("the envelope gives no act number", fix="give the act number (--numero)"),
        "pattern": Message("act number {number!r} does not match ^([A-Z0-9][A-Z0-9_]{{0,13}})?[A-Z0-9]$",
                           fix="write it in capitals, digits and '_' (at most 15 characters): {suggestion}"),
        "loose": Message("act number {number!r} starts or ends with '_': Pastell takes it, S²LOW refuses it",
                         fix="drop the leading or trailing '_'"),
    }

    def check_envelope(self, sent):
        number = sent.envelope.number
        if not number:
            yield self.hit("missing")
        elif not NUMBER.match(number):
            if LOOSE_NUMBER.match(number):
                yield self.hit("loose", number=number)
            else:
                suggestion = re.sub(r"[^A-Z0-9]+", "_", fold(number).upper()).strip("_")[:15] or "-"
                yield self.hit("pattern", number=number, suggestion=suggestion)


class ActesSubject(EnvelopeRule):
    """What it checks:
    The subject (« objet ») of the envelope: 1 to 499 characters, on one line.

    Why it matters:
    The platforms refuse a longer subject, or one with a line break.

    How to fix:
    Shorten the subject; write it on one line.
    """

    id = "actes-subject"
    summary = "the subject is empty, longer than 499 characters, or on several lines"
    messages = {
        "missing": Message("the envelope gives no subject", fix="give the subject (--objet)"),
        "length": Message("the subject has {length} characters, more than 499", fix="shorten it to 499 characters"),
        "lines": Message("the subject holds a line break", fix="write it on one line"),
    }

    def check_envelope(self, sent):
        subject = sent.envelope.subject
        if subject is None or not subject.strip():
            yield self.hit("missing")
            return
        if len(subject) > SUBJECT_MAX:
            yield self.hit("length", length=len(subject))
        if "\n" in subject or "\r" in subject:
            yield self.hit("lines")


class ActesNature(EnvelopeRule):
    """What it checks:
    The nature code of the envelope: one of the classification's (1 DE, 2 AR, 3 AI, 4 CC, 5 BF,
    6 AU), and the one the document's kind calls for (an extract of the register is a
    deliberation, 1; a convention a contract, 4).

    Why it matters:
    A deliberation sent as a regulatory act is filed under the wrong heading at the prefecture;
    its control and its publication follow the wrong path.

    How to fix:
    Give the nature of the act as the document is: 1 (DE) for an extract of the register.
    """

    id = "actes-nature"
    summary = "the nature code is unknown or does not fit the document (extract: 1 DE, convention: 4 CC)"
    messages = {
        "missing": Message("the envelope gives no nature", fix="give the nature (--nature, 1 to 6)"),
        "unknown": Message("nature {nature} is not in the classification (known: {known})",
                           fix="give one of {known}"),
        "kind": Message("nature {nature} ({abbreviation}) is given for {kind:term}, which is nature {expected} "
                        "({expected_abbreviation})",
                        fix="give nature {expected}"),
    }

    def check_envelope(self, sent):
        nature, natures = sent.envelope.nature, sent.classification.natures
        if nature is None:
            yield self.hit("missing")
            return
        if nature not in natures:
            yield self.hit("unknown", nature=nature, known=", ".join(f"{c} {a}" for c, a in sorted(natures.items())))
            return
        kind = getattr(sent.document, "kind", None)
        expected = NATURE_OF_KIND.get(kind)
        if expected is not None and nature != expected:
            label = {"extract": N_("an extract of the register"), "convention": N_("a convention")}[kind]
            yield self.hit("kind", nature=nature, abbreviation=natures[nature], kind=label, expected=expected,
                           expected_abbreviation=natures.get(expected, "?"))


class ActesMatiere(EnvelopeRule):
    """What it checks:
    The subject code (« matière ») of the envelope: a code of the classification, of two levels
    at least ("8.1"; a prefecture may add levels 3 to 5 in its own file, given by option).

    Why it matters:
    The platform refuses a code the prefecture's classification does not hold.

    How to fix:
    Take the code from the classification (8.1 education, 7.1 budget decisions...).
    """

    id = "actes-matiere"
    summary = "the matière code is not in the classification"
    messages = {
        "missing": Message("the envelope gives no matière code", fix="give the matière (--matiere, e.g. 8.1)"),
        "unknown": Message("matière {matiere!r} is not in the classification", fix="take a code of the classification"),
        "level": Message("matière {matiere!r} has one level; the envelope needs two at least ({matiere}.1...)",
                         fix="give the sub-matière"),
    }

    def check_envelope(self, sent):
        code = sent.envelope.matiere
        if not code:
            yield self.hit("missing")
        elif code not in sent.classification.matieres:
            yield self.hit("unknown", matiere=code)
        elif "." not in code:
            yield self.hit("level", matiere=code)


class ActesMainFile(EnvelopeRule):
    """What it checks:
    The main file of the act: a PDF that can be opened (an XML file only for a budget document,
    nature 5 with matière 7.1).

    Why it matters:
    The platforms refuse a main file of another type, and a PDF that their reader cannot open
    as corrupt.

    How to fix:
    Export the act again as PDF.
    """

    id = "actes-main-file"
    summary = "the act is not a readable PDF"
    messages = {
        "type": Message("the act must be a PDF (XML only for a budget document, nature 5, matière 7.1)",
                        fix="send the act as PDF"),
        "corrupt": Message("the act cannot be opened as {type}: {reason}", fix="export the act again"),
    }

    def check_envelope(self, sent):
        suffix = Path(sent.act).suffix.lower()
        budget = sent.envelope.nature == 5 and (sent.envelope.matiere or "").startswith("7.1")
        if suffix == ".xml" and budget:
            reason = _not_a("XML", sent.act)
            if reason:
                yield self.hit("corrupt", type="XML", reason=reason)
            return
        if suffix != ".pdf":
            yield self.hit("type")
            return
        reason = _not_a("PDF", sent.act)
        if reason:
            yield self.hit("corrupt", type="PDF", reason=reason)


class ActesAnnex(EnvelopeRule):
    """What it checks:
    Each annex: a PDF, JPG, PNG or XML file, whose content is of that type (a PDF that opens).

    Why it matters:
    The platforms refuse another type, and a corrupt file, with the whole transmission.

    How to fix:
    Convert the annex to PDF; export a corrupt file again.
    """

    id = "actes-annex"
    summary = "an annex is not a PDF, JPG, PNG or XML file, or is corrupt"
    messages = {
        "type": Message("annex {name} is not a PDF, JPG, PNG or XML file", fix="convert it to PDF"),
        "corrupt": Message("annex {name} is not a readable {type} file: {reason}", fix="export it again"),
    }

    def check_envelope(self, sent):
        for annex in sent.annexes:
            name = Path(annex).name
            kind = ANNEX_TYPES.get(Path(annex).suffix.lower())
            if kind is None:
                yield self.hit("type", name=name)
                continue
            reason = _not_a(kind, annex)
            if reason:
                yield self.hit("corrupt", name=name, type=kind, reason=reason)


class ActesSize(EnvelopeRule):
    """What it checks:
    The size of the act and its annexes together: 150 MB at most (the sizes on disk; the files
    are not read for it).

    Why it matters:
    The platforms refuse a larger transmission.

    How to fix:
    Compress the scans (a lower resolution), or send the largest annexes by other means
    (« document papier »).
    """

    id = "actes-size"
    summary = "the act and its annexes weigh more than 150 MB"
    messages = {
        "total": Message("the act and its annexes weigh {megabytes} MB, more than 150 MB",
                         fix="compress the scans or leave the largest annexes out"),
    }

    def check_envelope(self, sent):
        total = 0
        for path in [sent.act, *sent.annexes]:
            try:
                total += os.stat(path).st_size
            except OSError:
                continue  # a missing file is reported before the checks run
        if total > MAX_TOTAL_BYTES:
            yield self.hit("total", megabytes=f"{total / 1024 / 1024:.1f}")


class ActesMismatch(EnvelopeRule):
    """What it checks:
    The envelope against the act itself: the same number (compared without separators, since the
    number a council writes, "2023/11/27-31", is not a valid @actes number as it stands), the
    same date, the same subject (case, accents and punctuation aside; one may extend the other).

    Why it matters:
    The prefecture files the act under the envelope's number, date and subject; an envelope that
    describes another act (a copy-paste from the previous one) sends the act under a false
    identity.

    How to fix:
    Copy the number, date and subject from the act.
    """

    id = "actes-mismatch"
    summary = "the envelope's number, date or subject differ from the act's"
    messages = {
        "number": Message("the envelope's number {envelope!r} is not the act's ({act!r})",
                          fix="give the act's number: {suggestion}"),
        "date": Message("the envelope's date {envelope:date} is not the act's ({act:date})",
                        fix="give the date of the sitting, {act}"),
        "subject": Message("the envelope's subject is not the act's ({act!r})", fix="copy the subject of the act"),
    }

    def check_envelope(self, sent):
        delib = _the_deliberation(sent)
        if delib is None:
            return
        envelope = sent.envelope
        if envelope.number and delib.number and number_key(envelope.number) != number_key(delib.number):
            suggestion = re.sub(r"[^A-Z0-9]+", "_", fold(delib.number).upper()).strip("_")[:15]
            yield self.hit("number", delib.spans.get("number"), envelope=envelope.number, act=delib.number,
                           suggestion=suggestion)
        if envelope.date and delib.session.date and envelope.date != delib.session.date:
            yield self.hit("date", delib.spans.get("session.date"), envelope=envelope.date.isoformat(),
                           act=delib.session.date.isoformat())
        if envelope.subject and delib.title and not _same_subject(envelope.subject, delib.title):
            yield self.hit("subject", delib.spans.get("title"), act=delib.title)


ENVELOPE_RULES: list[type[EnvelopeRule]] = [ActesNumber, ActesSubject, ActesNature, ActesMatiere, ActesMainFile,
                                            ActesAnnex, ActesSize, ActesMismatch]


def number_key(number: str) -> str:
    """A deliberation number without its separators, in capitals: "2023/11/27-31" → "2023112731"."""
    return re.sub(r"[^0-9A-Z]", "", fold(number).upper())


def subject_key(text: str) -> str:
    """A subject with case, accents, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text).lower()).split())


def _same_subject(envelope: str, act: str) -> bool:
    """The envelope's subject is the act's, or one of them extends the other ("Adhésion au
    syndicat" / "Adhésion au syndicat - approbation des statuts")."""
    short, long = sorted((subject_key(envelope), subject_key(act)), key=len)
    return bool(short) and (long == short or long.startswith(short + " ") or f" {short} " in f" {long} ")


def _the_deliberation(sent: Transmission):
    """The deliberation the envelope sends: the document's only one, or the one of its number."""
    delibs = list(getattr(sent.document, "deliberations", None) or [])
    if len(delibs) == 1:
        return delibs[0]
    number = sent.envelope.number
    for delib in delibs:
        if number and delib.number and number_key(delib.number) == number_key(number):
            return delib
    return None


def _not_a(kind: str, path: str) -> Optional[str]:
    """Why the file at ``path`` is not a readable ``kind`` file, or None when it is one.

    A PDF is opened (as the platforms open it), an image or XML file only looked at: its first
    bytes, or for XML its parse."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return exc.strerror or str(exc)
    if kind == "XML":
        try:
            ET.parse(path)
        except ET.ParseError as exc:
            return f"not well-formed XML ({exc})"
        return None
    if not head.startswith(_MAGIC[kind]):
        return f"its content is not {kind}"
    if kind == "PDF":
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            return f"the PDF cannot be opened ({exc})"
        pdf.close()
    return None


# ---------------------------------------------------------------------------------------------
# the run


def check_envelope(sent: Transmission) -> list[Finding]:
    """The findings of every envelope check on one transmission."""
    found = []
    for cls in ENVELOPE_RULES:
        rule = cls()
        for hit in rule.check_envelope(sent):
            found.append(_finding(rule, hit, sent))
    return found


def _finding(rule: EnvelopeRule, hit: Hit, sent: Transmission) -> Finding:
    message, fix = render(type(rule), hit)
    span = hit.span
    # a finding about the act's text points at the act; one about the envelope at the envelope
    about_files = span is not None or rule.id in ("actes-main-file", "actes-size")
    path = sent.act if about_files else sent.envelope.source or sent.act
    if rule.id == "actes-annex":
        path = next((a for a in sent.annexes if Path(a).name == hit.args.get("name")), sent.act)
    return Finding(rule=rule.id, severity=hit.severity or rule.severity, message=message, path=path,
                   page=span.page if span else None, line=span.line if span else None,
                   column=span.column if span else None, evidence=span.text if span else None, fix=fix,
                   code=f"{rule.id}/{hit.code}", args=dict(hit.args))


def files_missing(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if not os.path.isfile(path):
            yield path
