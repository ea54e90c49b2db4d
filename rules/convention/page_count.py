"""page-count: the page count a convention states against its pages."""

from __future__ import annotations

from ent_lint.engine import KINDS, Examples, Message, Rule


class PageCount(Rule):
    """What it checks:
    A stated page count ("Ce document comporte 5 pages") against the actual pages of the
    convention or of the whole PDF.  Pages are known in a PDF, and in a text file whose pages
    are separated by form feeds (as pdftotext writes them).

    Why it matters:
    A page count that does not match suggests a page is missing from what was transmitted.

    How to fix:
    Correct the count, or add the missing page.
    """

    id = "page-count"
    family = "convention"
    severity = "warning"
    summary = "stated page count ≠ actual pages"
    source = "consistency"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "pages": Message("the convention states {stated} page but has {actual}",
                         plural="the convention states {stated} pages but has {actual}", count="stated", fix="correct the page count"),
        "pages-and-document": Message("the convention states {stated} page but has {actual} (the document {document})",
                                      plural="the convention states {stated} pages but has {actual} "
                                             "(the document {document})", count="stated",
                                      fix="correct the page count"),
    }
    examples = Examples(
        bad="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Objet
La DSDEN met l'ENT à la disposition des écoles de la commune.
\fArticle 2. Durée
La présente convention est conclue pour une durée de 3 ans.
Ce document comporte 3 pages.
""",
        good="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Objet
La DSDEN met l'ENT à la disposition des écoles de la commune.
\fArticle 2. Durée
La présente convention est conclue pour une durée de 3 ans.
Ce document comporte 2 pages.
""")

    def check(self, document, text):
        for conv in document.conventions:
            stated = conv.stated_page_count
            actual = {n for n in (conv.actual_page_count, document.page_count) if n}
            if not (stated and actual) or stated in actual:
                continue
            span = conv.spans.get("stated_page_count")
            if document.page_count != conv.actual_page_count:
                yield self.hit("pages-and-document", span, stated=stated, actual=conv.actual_page_count,
                               document=document.page_count)
            else:
                yield self.hit("pages", span, stated=stated, actual=conv.actual_page_count)
