"""article-numbering: articles in sequence, without duplicates, headed the same way."""

from __future__ import annotations

from collections import Counter

from ent_lint.engine import KINDS, Examples, Message, Rule
from ent_lint.text import fold


class ArticleNumbering(Rule):
    """What it checks:
    Articles numbered in sequence from 1, without duplicates, and headed the same way
    ("Article 4." not "Articles 4."). Numbering may start again in each title or chapter
    ("TITRE 2", "CHAPITRE II", or "Article 2.1").

    Why it matters:
    Cross-references ("article 8") point to the wrong clause when the numbering slips.

    How to fix:
    Renumber and write every heading the same way.
    """

    id = "article-numbering"
    family = "convention"
    severity = "warning"
    summary = "articles out of sequence, duplicated, or headings written inconsistently"
    source = "form"
    kinds = KINDS  # any document that holds it, a record or not
    messages = {
        "twice": Message("article {number} appears twice"),
        "sequence": Message("article {number} follows article {previous}", fix="number it {expected}"),
        "heading": Message("« {label} {number} » is headed unlike the other articles (« {usual} »)",
                           fix="write « {usual} {number} »"),
    }
    examples = Examples(
        bad="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
Article 1. Objet
Article 2. Engagements de la Commune
Article 3. Engagements de la DSDEN
Articles 4. Gouvernance
Article 6. Durée
""",
        good="""\
Convention relative à l'Espace Numérique de Travail
Entre la Commune de Belval, d'une part,
Et la DSDEN du Var, d'autre part,
TITRE 1 - OBJET
Article 1. Objet
Article 2. Engagements des parties
TITRE 2 - DURÉE
Article 1. Durée
Article 2. Résiliation
""")

    def check(self, document, text):
        for conv in document.conventions:
            if conv.articles:
                yield from self._articles(conv.articles)

    def _articles(self, articles):
        usual = Counter(fold(a.label) for a in articles).most_common(1)[0][0].capitalize()
        previous = 0
        seen = set()
        part = None
        for article in articles:
            if article.part != part:
                part = article.part
                if article.number == 1:  # numbering that starts again in each title or chapter
                    previous, seen = 0, set()
            if article.number in seen:
                yield self.hit("twice", article.span, number=article.number)
            elif article.number != previous + 1:
                yield self.hit("sequence", article.span, number=article.number, previous=previous,
                               expected=previous + 1)
            if fold(article.label) != usual.lower():
                yield self.hit("heading", article.span, label=article.label, number=article.number, usual=usual)
            seen.add(article.number)
            previous = article.number
