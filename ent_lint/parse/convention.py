"""Conventions annexed to a deliberation: parties, articles, term, signatures, schools annex."""

from __future__ import annotations

from typing import Optional

import regex

from .. import patterns
from ..model import Article, Convention, Party, School, Span
from ..readers import Line, Table
from . import dates
from .deliberation import ENDS_ON, HEADING, date_after
from .names import clean_name, is_role, person, two_people
from .recognisers import Case, recogniser
from .text import View, fold

# "Entre :", "ENTRE", "Entre les soussignés", "Entre la Commune de ..." (not "entre son domicile")
# a party's name in lower case after its article: "Entre la commune de X", "Entre l'association Y"
_BODIES = (r"(?:commune|ville|communaut[eé]|syndicat|d[eé]partement|r[eé]gion|association|soci[eé]t[eé]|[eé]tat"
           r"|direction|[eé]tablissement|office|centre|agglom[eé]ration|m[eé]tropole)\b")
START = patterns.compile(r"^\s*(?:ENTRE|Entre)\b\s*(?:les\s+soussignés|LES\s+SOUSSIGNÉS)?\s*[:,]?\s*"
                         r"(?:d['’]une\s+part\s*[:,]?\s*)?$"
                         r"|^\s*(?:ENTRE|Entre)\s+(?:la|le|les|l['’]|La|Le|Les|L['’])\s*(?:\p{Lu}|" + _BODIES + ")")
PARTY_SIGNS = patterns.compile(r"represente?e?s?\s+par|d'une\s+part|d'autre\s+part")
TITLE = patterns.compile(r"^\s*(?:convention|contrat|accord|avenant)\b")
OTHER_PART = patterns.compile(r"^\s*(?:et\b|d'autre\s+part)")
AFTER_PARTIES = patterns.compile(r"^\s*(?:il\s+(?:est|a\s+ete)\s+convenu|preambule|article\s+(?:1|premier|1er)\b)")
ADDRESS = patterns.compile(r"^\s*(?:situee?|sise?|domiciliee?|dont\s+le\s+siege\s+(?:social\s+)?est|ayant\s+son\s+siege)\s*(?:au|a|:)?\s*")
REPRESENTED = patterns.compile(r"represente?e?\s+par\s*")
ROLE = patterns.compile(r"ci-apres\s+(?:conjointement\s+)?(?:denommee?s?|designee?s?|appelee?s?)\s*(?:par\s+)?"
                    r"|^\s*(?:partie\s+)?(?:denommee?|designee?)\s+ci-apres\s*")
ARTICLE = patterns.compile(
    r"^\s*(?P<label>articles?)\s+(?:(?P<part>\d{1,2})[.-](?=\d))?(?P<num>\d{1,2}|premier|1er|[ivx]{1,5})\b"
    r"\s*(?:er\b)?\s*"
    r"(?P<sep>[.:)-]|$)?\s*(?P<heading>.*)$")
DURATION = patterns.compile(
    r"(?:conclue?|etablie?|passee?|signee?)?\s*pour\s+une\s+duree\s+(?:de\s+|d')?(?P<n>\d{1,2}|"
    + dates.NUMBER_WORDS + r")\s+(?P<unit>an\(s\)|ans?|annees?|mois)")
START_FROM = patterns.compile(r"a\s+compter\s+(?:de\s+(?:la\s+date\s+de\s+)?(?:sa\s+)?(?P<sig>signature)|du\s+|de\s+)")
# the term written without "pour une durée de ... à compter du": "prend effet le 1er janvier",
# "entre en vigueur au ...", and its end "s'achève à l'échéance de la convention, le 2 mars 2027"
TAKES_EFFECT = patterns.compile(r"\b(?:prend(?:ra)?\s+effet|entre(?:ra)?\s+en\s+vigueur|s'applique(?:ra)?)\s+"
                                r"(?:a\s+compter\s+du|a\s+partir\s+du|des\s+le|le|au)\s*")
ENDS = patterns.compile(r"\b(?:prend(?:ra)?\s+fin|expire(?:ra)?|s'acheve(?:ra)?|se\s+termine(?:ra)?"
                        r"|arrive(?:ra)?\s+a\s+(?:son\s+)?(?:echeance|terme))\b(?:[^.;\n]{0,50}?,)?\s+le\s*")
# "elle est conclue pour l'année scolaire 2024-2025, du 2 septembre 2024 au 4 juillet 2025"
PERIOD = patterns.compile(r"\b(?:conclue?|valable|consentie?|etablie?)\b[^.;\n]{0,60}?\bdu\s+(?=[\d.]|1er|\p{L}+\s+\d)")
PERIOD_END = patterns.compile(r"\s+au\s+")
SIGNED_AT = patterns.compile(r"fait\s+(?:en\s+\w+\s+exemplaires?(?:\s+originaux)?\s*,?\s+)?a\s+(?P<place>[^,\n]{2,40}?)\s*,?\s+le\s*")
PAGE_COUNT = patterns.compile(r"comporte\s+(?P<n>\d{1,3}|" + dates.NUMBER_WORDS + r")\s+pages?")
SIGNATURES = patterns.compile(r"^\s*(?:signatures?\b|pour\s+(?:la|le|l')\s*\w+|les\s+parties)")
PART = patterns.compile(r"^\s*(?P<part>(?:titre|chapitre|partie|section)\s+(?:\d{1,2}|[ivx]{1,5}|premier|1er))\b")
RESUMES = patterns.compile(
    r"^\s*(?:le\s+conseil\s+(?:municipal|communautaire)\b|(?:apres\s+en\s+avoir|apres\s+avoir)\s+"
    r"(?:pris\s+connaissance|delibere)|vu\s+l'expose|oui\s+l'expose)")
ANNEX = patterns.compile(r"^\s*annexe?s?\b")
UAI = patterns.compile(r"^\d{7}[A-Za-z]$")
TYPE_CODE = patterns.compile(r"^[A-Z]{3,5}$")
EMAIL = patterns.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HEADER_KEYS = [
    ("email", patterns.compile(r"electronique|courriel|e-?mail|\bmel\b|\bmail\b")),
    ("uai", patterns.compile(r"\buai\b|\brne\b|immatriculation|code\s+(?:ecole|etablissement)")),
    ("type", patterns.compile(r"\btype\b|nature")),
    ("address", patterns.compile(r"adresse|localisation")),
    ("name", patterns.compile(r"\bnom\b|denomination|ecole|etablissement")),
]
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}


TERM = "convention-term"


def _date_read(pattern: regex.Pattern, text: str) -> Optional[str]:
    folded = fold(text)
    match = pattern.search(folded)
    value, _ = dates.first_date(folded[match.end():match.end() + 30]) if match else (None, None)
    return value.isoformat() if value else None


@recogniser("convention-parties", "lower-case-body",
            Case("Entre la commune de Saint-Jory, représentée par son Maire,", True),
            Case("ENTRE l'association Les Amis du Moulin, dont le siège est à Lisle", True),
            Case("Entre la mairie et l'école, le trajet des enfants se fait à pied.", None))
def lower_case_body(text: str) -> Optional[bool]:
    """"Entre la commune de X": a party's name in lower case after "Entre" opens the parties."""
    return True if START.match(text) else None


@recogniser(TERM, "takes-effect",
            Case("La présente convention prend effet le 1er janvier 2025.", "2025-01-01"),
            Case("Elle entrera en vigueur au 1er mars 2024 pour une année.", "2024-03-01"),
            Case("La présente décision prend effet dès sa notification.", None))
def takes_effect(text: str) -> Optional[str]:
    """"prend effet le ...", "entre en vigueur au ...": the start, without "à compter du"."""
    return _date_read(TAKES_EFFECT, text)


@recogniser(TERM, "ends-on",
            Case("Elle prendra fin le 31 mars 2027.", "2027-03-31"),
            Case("Le présent avenant s'achève à l'échéance de la convention, le 2 mars 2027.", "2027-03-02"),
            Case("La convention expire à la fin de l'année scolaire, sans autre formalité.", None))
def ends_on(text: str) -> Optional[str]:
    """"prendra fin le ...", "s'achève ..., le ...": the end of the term."""
    return _date_read(ENDS, text)


@recogniser(TERM, "period",
            Case("Elle est conclue pour l'année scolaire 2024-2025, du 2 septembre 2024 au 4 juillet 2025.",
                 ("2024-09-02", "2025-07-04")),
            Case("Convention valable du 1er janvier 2025 au 31 décembre 2026", ("2025-01-01", "2026-12-31")),
            Case("La salle est prêtée du 3 juin 2024 au 5 juin 2024 pour la fête de l'école.", None))
def period(text: str) -> Optional[tuple[str, str]]:
    """"conclue ... du <date> au <date>": both ends of the term."""
    conv = Convention()
    _period(View([Line(None, 1, text, text)]), conv)
    return (conv.start, conv.end_date.isoformat()) if conv.start and conv.end_date else None


def find_start(view: View, first: int = 0) -> Optional[int]:
    """Line index where a convention begins: its title just before "Entre", or the document's
    first line when the document opens on a convention's title (what stands between that title
    and "Entre" is then its preamble, however many lines it is wrapped over)."""
    folded = view.folded_lines
    for index in range(first, len(folded)):
        if not START.match(view.lines[index].text):
            continue
        if not any(PARTY_SIGNS.search(text) for text in folded[index:index + 30]):
            continue
        for back in range(index - 1, max(first - 1, index - 10), -1):
            if TITLE.match(folded[back]):
                return back
        opening = opening_title(view, index) if first == 0 else None
        return index if opening is None else opening
    return None


def opening_title(view: View, before: int) -> Optional[int]:
    """The document's first non-blank line when it names a convention and comes before line
    ``before``; None otherwise.  (Read from the document's start only: in minutes, the lines
    above a quoted convention are the council's.)"""
    folded = view.folded_lines
    opening = next((index for index in range(min(before + 1, len(folded))) if folded[index].strip()), None)
    return opening if opening is not None and TITLE.match(folded[opening]) else None


def find_end(view: View, start: int) -> int:
    """Line index where a convention quoted inside minutes gives way to the council's decision.

    A convention annexed after the extract runs to the end of the document; one quoted in the
    body of minutes ends where the council resumes ("Le Conseil municipal, après en avoir
    délibéré ...").
    """
    signed = False
    for index in range(start + 1, len(view.lines)):
        folded = view.folded_lines[index]
        if RESUMES.match(folded) or signed and HEADING.match(folded) and not _goes_on(view, index):
            return index  # the council's decision, or the next item once the convention is signed
        signed = signed or bool(SIGNED_AT.search(folded))
    return len(view.lines)


def _goes_on(view: View, index: int) -> bool:
    """Whether the line at ``index`` goes on the sentence of the line before it, wrapped there
    ("... de la loi" / "n° 2000-321 du 12 avril 2000 relative ..."): a long line that ends on a
    word or a comma, with no blank line between.  A heading follows a blank line, a signature
    or a full stop."""
    before = view.lines[index - 1].text.rstrip() if index else ""
    return len(before) >= 50 and bool(regex.search(r"[\p{Ll},]$", before))


def is_draft(view: View, end: int) -> bool:
    """A convention quoted in the minutes before the council approves it: not signed yet."""
    return end < len(view.lines) and bool(RESUMES.match(view.folded_lines[end]))


def parse_convention(view: View, tables: list[Table], page_count: Optional[int]) -> Convention:
    conv = Convention()
    start = next((i for i, line in enumerate(view.lines) if START.match(line.text)), 0)
    title = [view.lines[i].text.strip() for i in range(start) if view.lines[i].text.strip()]
    if title:
        conv.title = " ".join(" ".join(title[:3]).split())
        conv.spans["title"] = view.line_span(0)
    _parties(view, view.folded_lines, start, conv)
    _articles(view, conv)
    _duration(view, conv)
    _term(view, conv)
    signed = _signed(view, conv)
    count = PAGE_COUNT.search(view.folded)
    if count:
        conv.stated_page_count = dates.words_to_int(count["n"])
        conv.spans["stated_page_count"] = view.span(count.start(), count.end())
    pages = [line.page for line in view.lines if line.page is not None]
    if pages:
        conv.actual_page_count = pages[-1] - pages[0] + 1
    _signatories(view, view.folded_lines, conv, signed)
    conv.schools = schools_from_tables(tables, view)
    return conv


def _articles(view: View, conv: Convention) -> None:
    """The articles, under the parts ("TITRE I", "CHAPITRE 2") that head them."""
    part = None
    for index, text in enumerate(view.folded_lines):
        heading_of_part = PART.match(text)
        if heading_of_part and view.lines[index].text.lstrip()[:1].isupper():
            part = heading_of_part["part"].upper()
            continue
        match = ARTICLE.match(text)
        if not match or not _is_heading(view.lines[index].text, match):
            continue
        line = view.lines[index].text
        conv.articles.append(Article(number=_article_number(match["num"]),
                                     heading=line[match.start("heading"):].strip(" .:-–"),
                                     label=line[match.start("label"):match.end("label")],
                                     part=match["part"] or part,
                                     span=view.span(view.starts[index] + match.start(),
                                                    view.starts[index] + match.end("num"))))


def _duration(view: View, conv: Convention) -> None:
    """"conclue pour une durée de trois ans à compter de ..." : the duration and its start."""
    match = DURATION.search(view.folded)
    if not match:
        return
    amount = dates.words_to_int(match["n"])
    if amount:
        conv.duration = f"P{amount}{'M' if match['unit'].startswith('mois') else 'Y'}"
        conv.spans["duration"] = view.span(match.start(), match.end())
    begin = START_FROM.search(view.folded, match.end(), match.end() + 80)
    if not begin:
        return
    if begin["sig"]:
        conv.start = "signature"
    else:
        value, _ = date_after(view, begin.end() - 3 if view.folded[begin.end() - 3:begin.end()] == "du " else begin.end())
        if value is None:
            value, _ = date_after(view, begin.end())
        if value is not None and not hasattr(value, "blank"):
            conv.start = value.isoformat()
    conv.spans["start"] = view.span(begin.start(), begin.end())


def _term(view: View, conv: Convention) -> None:
    """The end ("prendra fin le ...", "s'achève ..., le ...") and, where "à compter du" did not
    give it, the start ("prend effet le ...")."""
    value, span = _date_after_any(view, (ENDS_ON, ENDS))
    if value is not None:
        conv.end_date, conv.spans["end_date"] = value, span
    if conv.start is None and conv.end_date is None:
        _period(view, conv)
    if conv.start is None:
        value, span = _date_after_any(view, (TAKES_EFFECT,))
        if value is not None and not hasattr(value, "blank"):
            conv.start, conv.spans["start"] = value.isoformat(), span


def _period(view: View, conv: Convention) -> None:
    """"conclue ... du 2 septembre 2024 au 4 juillet 2025": both ends of the term."""
    match = PERIOD.search(view.folded)
    if not match:
        return
    start, start_span = date_after(view, match.end())
    if start is None or hasattr(start, "blank"):
        return
    to = PERIOD_END.search(view.folded, match.end(), match.end() + 40)
    end, end_span = date_after(view, to.end()) if to else (None, None)
    if end is None or hasattr(end, "blank"):
        return
    conv.start, conv.spans["start"] = start.isoformat(), start_span
    conv.end_date, conv.spans["end_date"] = end, end_span


def _date_after_any(view: View, patterns: tuple) -> tuple:
    """The date (or blank) after the first of the patterns found that a date follows."""
    for pattern in patterns:
        for match in pattern.finditer(view.folded):
            value, span = date_after(view, match.end())
            if value is not None:
                return value, span
    return None, None


def _signed(view: View, conv: Convention):
    """"Fait à X, le ...": the place and date of signature; the match, for the signatories below."""
    signed = SIGNED_AT.search(view.folded)
    if signed:
        conv.signed_place = view.text[signed.start("place"):signed.end("place")].strip()
        conv.spans["signed_place"] = view.span(signed.start("place"), signed.end("place"))
        value, span = date_after(view, signed.end())
        if value is not None:
            conv.signed_on = value
            conv.spans["signed_on"] = span
    return signed


def _is_heading(text: str, match: regex.Match) -> bool:
    heading = text[match.start("heading"):].strip()
    if not text.lstrip()[:1].isupper():
        return False
    if match["sep"] and match["sep"] != "":
        return len(text) < 120
    return not heading or (heading[:1].isupper() and len(text) < 100)


def _article_number(token: str) -> int:
    if token in ("premier", "1er"):
        return 1
    if token.isdigit():
        return int(token)
    return _ROMAN.get(token, 0)


def _parties(view: View, folded: list[str], start: int, conv: Convention) -> None:
    for block in _party_blocks(folded, start):
        if block:
            conv.parties.append(_party(view, folded, start, block))


def _party_blocks(folded: list[str], start: int) -> list[list[int]]:
    """The lines of each party, from "Entre ..." to "D'autre part" (or the first article)."""
    end = next((i for i in range(start, len(folded)) if AFTER_PARTIES.match(folded[i])), len(folded))
    blocks: list[list[int]] = [[]]
    for index in range(start, end):
        text = folded[index].strip()
        if not text:
            continue
        if len(blocks) >= 2 and blocks[-1] and regex.match(r"^d'autre\s+part[\s,.;:]*$", text):
            if _another_party_follows(folded, index + 1, end):
                continue  # "Et, <party> D'autre part, Et : <party> D'autre part"
            break  # "ET : <party> ... D'autre part." closes the parties
        if OTHER_PART.match(text) and blocks[-1]:
            blocks.append([])
            rest = regex.sub(r"^(?:et|d'autre\s+part)[\s,:]*(?:d'autre\s+part[\s,:]*)?", "", text)
            if len(rest) > 3:
                blocks[-1].append(index)
            continue
        if index == start:
            rest = regex.sub(r"^entre(?:\s+les\s+soussignes)?[\s,:]*(?:d'une\s+part[\s,:]*)?", "", text)
            if len(rest) > 3:
                blocks[-1].append(index)
            continue
        if regex.match(r"^(?:d'une|d'autre)\s+part", text) or regex.match(r"^ci-apres\s+conjointement", text):
            continue
        blocks[-1].append(index)
    return blocks


def _party(view: View, folded: list[str], start: int, block: list[int]) -> Party:
    """One party's name, address, representative and role from its lines."""
    party = Party()
    for index in block:
        text = view.lines[index].text.strip()
        low = folded[index].strip()
        low_offset = len(folded[index]) - len(folded[index].lstrip())
        if index == start or OTHER_PART.match(low):
            cut = regex.match(r"^(?:entre|et)(?:\s+les\s+soussignes)?[\s,:]*(?:d'(?:une|autre)\s+part[\s,:]*)?", low)
            text, low = text[cut.end():], low[cut.end():]
            low_offset += cut.end()
        address = ADDRESS.match(low)
        represented = REPRESENTED.search(low)
        role = ROLE.search(low)
        if address and party.address is None:
            party.address = text[address.end():].strip(" ,.")
        elif represented:
            _representative(view, party, text, represented, view.starts[index] + low_offset)
        elif role:
            party.role = text[role.end():].strip(" «»\"“”.,")
        elif party.name is None:
            party.name = _bare_name(text.strip(" ,"))
    return party


def _representative(view: View, party: Party, text: str, represented: regex.Match, offset: int) -> None:
    """"<name>, représentée par son maire, M. X": the party's name before, its representative after."""
    if party.name is None and represented.start() > 3:
        party.name = _bare_name(text[:represented.start()].strip(" ,"))
    rest = text[represented.end():]
    rest = regex.sub(r"^(?:son|sa|leur)\s+[^,]+,\s*", "", rest, flags=regex.IGNORECASE)
    name = clean_name(rest.split(",")[0])
    if name:
        column = offset + represented.end()
        party.representative = person(name, view.span(column, column + len(rest.split(",")[0])))


# what follows a party's name: its legal form, its seat ("L'association X, association loi
# 1901 dont le siège est ...", "La société Y, sise 3 rue ...")
_DESCRIBED = patterns.compile(r",\s*(?:association\s+(?:loi|regie|declaree)|dont\s+le\s+siege|sise?\b|ayant\s+son\s+siege"
                              r"|represente?e?s?\s*$"  # "représentée" whose "par ..." the line wrapped away
                              r"|domiciliee?\b|immatriculee?\b|inscrite?\s+au)")


def _bare_name(name: str) -> str:
    """The party's name without what describes it after a comma."""
    described = _DESCRIBED.search(fold(name))  # fold keeps the offsets of a text with accents
    return name[:described.start()].strip(" ,") if described else name


def _another_party_follows(folded: list[str], first: int, end: int) -> bool:
    for index in range(first, min(end, first + 4)):
        text = folded[index].strip()
        if not text or regex.match(r"^(?:partie\s+)?(?:denommee|ci-apres)", text):
            continue
        return bool(OTHER_PART.match(text))
    return False


def _signatories(view: View, folded: list[str], conv: Convention, signed) -> None:
    first = view.line_index(signed.end()) + 1 if signed else None
    if first is None:
        first = next((i for i, f in enumerate(folded) if SIGNATURES.match(f)), None)
    if first is None:
        return
    for index in range(first, min(len(view.lines), first + 14)):
        if ANNEX.match(folded[index]):
            break
        # blocks side by side: "Pour la Commune,          Pour l'Association," on one line
        for cell in _COLUMN_GAP.split(view.lines[index].text.strip()):
            _signature_cell(view, conv, index, cell.strip())


# two people signing side by side, each a first name and a surname in capitals: "Hugo DELMAS Inès CARON"
_TWO_SIGNING = patterns.compile(r"^(?P<a>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}[\p{Lu}'’-]+)+)"
                                r"\s+(?P<b>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}[\p{Lu}'’-]+)+)$")


@recogniser("convention-signatures", "side-by-side",
            Case("Hugo DELMAS Inès CARON", ("Hugo DELMAS", "Inès CARON")),
            Case("Marie-Hélène LE GOFF Jean DURAND", ("Marie-Hélène LE GOFF", "Jean DURAND")),
            Case("Jean-Pierre DE LA ROCHE", None),
            Case("Anne Marie DUPONT", None))
def side_by_side(name: str) -> Optional[tuple[str, str]]:
    """"Hugo DELMAS Inès CARON": two signature blocks side by side whose gap the text layer or
    the OCR lost, each a first name and a surname in capitals."""
    match = _TWO_SIGNING.match(name)
    return (match["a"], match["b"]) if match else None


# three spaces or a tab between two signature blocks written side by side
_COLUMN_GAP = patterns.compile(r"\s{3,}|\t+")


def _signature_cell(view: View, conv: Convention, index: int, text: str) -> None:
    """One signature block's line: "Pour la Commune," opens a block, a role is passed over, a
    name signs."""
    folded = fold(text)
    if folded.startswith("pour "):
        conv.signature_blocks += 1
    if not text or SIGNATURES.match(folded) and (len(text) < 25 or folded.startswith("pour ")):
        return
    if is_role(regex.split(r"\s+(?:de|du|des|d')\s*", folded)[0]):
        return  # "Maire de CHARTRETTES" under the name
    name = clean_name(text.split(",")[0])
    if name and len(name.split()) >= 2:
        # two blocks side by side whose gap the text layer or the OCR lost: "Régis FOUQUET Paul ESNAULT"
        for one in two_people.read(name) or side_by_side.read(name) or (name,):
            conv.signatories.append(person(one, view.line_span(index)))


def _header_columns(row: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for position, cell in enumerate(row):
        text = fold(cell)
        for key, pattern in _HEADER_KEYS:
            if key not in columns and pattern.search(text):
                columns[key] = position
                break
    return columns


def schools_from_tables(tables: list[Table], view: View) -> list[School]:
    """The schools of the annex's tables: one per row holding a UAI number, its cells placed by
    the header row above when there is one, else by what they hold."""
    schools: list[School] = []
    for table in tables:
        columns: dict[str, int] = {}
        for row in table.rows:
            texts = [cell.text.strip() for cell in row]
            uai_at = next((i for i, t in enumerate(texts) if UAI.match(t.replace(" ", ""))), None)
            if uai_at is None:
                header = _header_columns(texts)
                if "uai" in header or len(header) >= 3:
                    columns = header
                continue
            schools.append(_school(view, row, texts, _school_columns(columns, texts, uai_at)))
    return schools


def _school_columns(columns: dict[str, int], texts: list[str], uai_at: int) -> dict[str, int]:
    """Where each field of a school stands in its row: the header's columns, else the cell that
    looks like it (an email, a type code), the name and the address in the cells left."""
    cols = dict(columns)
    cols["uai"] = uai_at
    if "email" not in cols:
        found = next((i for i, t in enumerate(texts) if EMAIL.search(t)), None)
        if found is not None:
            cols["email"] = found
    if "type" not in cols:
        found = next((i for i, t in enumerate(texts) if TYPE_CODE.match(t) and i != uai_at), None)
        if found is not None:
            cols["type"] = found
    rest = [i for i in range(len(texts)) if i not in cols.values()]
    cols.setdefault("name", rest[0] if rest else -1)
    rest = [i for i in rest if i != cols["name"]]
    cols.setdefault("address", rest[0] if rest else -1)
    return cols


def _school(view: View, row, texts: list[str], cols: dict[str, int]) -> School:
    school = School()
    for key in ("type", "uai", "name", "address", "email"):
        position = cols.get(key, -1)
        if not 0 <= position < len(row):
            continue
        value = texts[position].replace(" ", "") if key == "uai" else texts[position]
        if key == "email" and EMAIL.fullmatch("".join(value.split())):
            value = "".join(value.split())  # an address its cell wrapped: "ce.0371023L@ac-orleans-tour s.fr"
        setattr(school, key, value or None)
        cell = row[position]
        school.spans[key] = _cell_span(view, cell.page, cell.line, value)
    return school


def _cell_span(view: View, page: Optional[int], line: int, value: str) -> Span:
    for candidate in view.lines:
        if candidate.page == page and candidate.number == line:
            probe = value.split(" ")[0] if value else ""
            column = candidate.text.find(probe) if probe else -1
            return Span(page=page, line=line, column=candidate.column(max(column, 0)), text=value,
                        ocr=candidate.ocr)
    return Span(page=page, line=line or 1, column=1, text=value)
