"""no-deliberation: a document in which nothing ent-lint can check was recognised."""

from __future__ import annotations

from ent_lint.engine import KINDS, Examples, Message, Rule


class NoDeliberation(Rule):
    """What it checks:
    A document in which no council sitting, deliberation or convention is recognised; one that
    names itself as something else (an arrêté or a decision of the mayor or the president, a
    convocation, an agenda, a budget form, the minutes of a commission, a draft) is said to be
    that.

    Why it matters:
    A document read as holding nothing would pass every check in silence: the reader must know
    that nothing was checked (a layout ent-lint does not know, a scan without text, a file that
    is not a council document).

    How to fix:
    Check the document by hand; if it is a council document, send it to the ent-lint developers
    so that its layout is learnt.
    """

    id = "no-deliberation"
    family = "reading"
    severity = "info"
    summary = "no sitting, deliberation or convention recognised: nothing was checked"
    source = "ent-lint"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "nothing": Message("no council sitting, deliberation or convention was recognised in this document: "
                           "nothing was checked", fix="check the document by hand"),
        "not-a-record": Message("this document names itself « {title} »: it is not a deliberation, minutes or a "
                                "convention of the council, and nothing was checked",
                                fix="check it by hand if it must be checked; a deliberation it cites is checked "
                                    "in its own extract"),
    }
    examples = Examples(
        bad="""\
Liste des subventions versées en 2024

Association des parents d'élèves    1 200 €
Club de football                    3 500 €
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Délibération n° 2024-07 : Subventions aux associations
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les subventions.
""")

    def check(self, document, text):
        if document.deliberations or document.conventions:
            return
        title = document.title if document.kind == "other" else None
        yield self.hit("not-a-record", title=title) if title else self.hit("nothing")
