"""What the schools rules share: the schools of a document, UAI and postcode patterns."""

from __future__ import annotations

from typing import Iterator, Optional

from ent_lint import patterns, reference
from ent_lint.model import Document, School

# A UAI: seven digits and a check letter (written in either case)
UAI = patterns.compile(r"^(?P<digits>\d{7})(?P<letter>[A-Za-z])$")
POSTCODE = patterns.compile(r"(?<!\d)(?P<code>\d{5}|2[AB]\d{3})(?!\d)")


def schools(document: Document) -> Iterator[School]:
    """The schools listed in the annexes of every convention of the document."""
    for conv in document.conventions:
        yield from conv.schools


def school_department(school: School) -> Optional[str]:
    """The département of the school's postcode, if its address gives one."""
    match = POSTCODE.search(school.address or "")
    return reference.postcode_department(match["code"]) if match else None


def example_convention(*rows: str) -> str:
    """The examples of the family: an ENT convention of Cogolin whose annex lists ``rows``, the
    table's heading first ("| Type | UAI | Nom de l'école | Adresse |")."""
    return ("Convention relative à l'Espace Numérique de Travail\n"
            "Entre la Commune de Cogolin, d'une part,\n"
            "Et la DSDEN du Var, d'autre part,\n"
            "Annexe : écoles concernées\n" + "".join(row + "\n" for row in rows))
