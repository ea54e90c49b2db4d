"""no-deliberation: a document in which nothing ent-lint can check was recognised."""

from __future__ import annotations

from ent_lint.engine import Examples, Message, Rule


class NoDeliberation(Rule):
    """What it checks:
    A document in which no council sitting, deliberation or convention is recognised.

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
    messages = {
        "nothing": Message("no council sitting, deliberation or convention was recognised in this document: "
                           "nothing was checked", fix="check the document by hand"),
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
        if not document.deliberations and not document.conventions:
            yield self.hit("nothing")
