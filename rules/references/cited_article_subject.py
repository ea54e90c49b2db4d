"""cited-article-subject: a CGCT article cited for a subject another article governs."""

from __future__ import annotations

from ent_lint import patterns
from ent_lint.engine import Examples, Message, Rule
from ent_lint.text import fold

from ._articles import ARTICLES, CGCT, Article

# "article L2121-15", "L.2121-15", "L. 2122-7-2" (folded text); not a range ("L2121-15 à L2121-26")
CITATION = patterns.compile(
    r"\bl\s?\.?\s?(?P<number>\d{4}-\d{1,2}(?:-\d{1,2})?)(?![\d-])(?!\s*(?:a|au)\s+(?:l\s?\.?\s?)?\d{4})")
# The end of a sentence or of a clause of visas ("Vu ... ;"): not the period of "M.", "art." or
# an initial.
BOUNDARY = patterns.compile(
    r"""(?x)(?<!\b(?:m|mm|mme|art|n|cf|st|ste|l|\w))[.;](?=\s)|:[ \t]*\n|\n[ \t]*\n
    | \n(?=[ \t]*(?:vu|considerant|conformement|en\s+application|deliberation|objet|seance|point|article
                  |[-•*]\s|\d{1,2}\s*[).°-]))""")
# Another code than the CGCT: its articles are numbered L2xxx-x too (code de la commande publique).
OTHER_CODE = patterns.compile(r"\bcode\s+(?!general\s+des\s+collectivites)(?:de|du|des|d')?\s*[a-z]")
VISA = patterns.compile(r"\s*(?:vu|considerant|conformement|en\s+application|en\s+vertu)\b")
REACH = 400  # a sentence is judged on this many characters at most on each side of the citation


def _sentence(folded: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or the clause of visas) around ``start:end`` begins and ends."""
    before = [m.end() for m in BOUNDARY.finditer(folded, max(0, start - REACH), start)]
    after = BOUNDARY.search(folded, end, min(len(folded), end + REACH))
    begin = before[-1] if before else max(0, start - REACH)
    return begin, after.start() if after else min(len(folded), end + REACH)


def _about(sentence: str) -> list[Article]:
    """The articles whose subject the sentence names."""
    return [article for article in ARTICLES.values() if article.words.search(sentence)]


def _heading(document, span) -> str | None:
    """The title of the item the citation stands in, if the document gives one."""
    place = (span.page or 0, span.line)
    title = None
    for delib in document.deliberations:
        begin = delib.spans.get("deliberated") or delib.spans.get("title")
        if begin is not None and (begin.page or 0, begin.line) <= place:
            title = delib.title
    return title


class CitedArticleSubject(Rule):
    """What it checks:
    That an article of the CGCT cited in a sentence governs what the sentence speaks of: the
    secretary's article (L2121-15) cited for the presidency of the mayor's election (L2122-8),
    the number of adjoints (L2122-2) cited under the delegations to the mayor (L2122-22).  A
    citation is judged by the words of its own sentence (or clause of visas), or, for a visa
    that names no subject, by the title of the item it stands under; it is reported only when
    those words name the subject of another article of the table and nothing its own article
    governs.  Only a few articles whose subject is certain are known; any other citation, and a
    sentence that cites two articles for two subjects, are left alone.

    Why it matters:
    A deliberation's visas and references state its legal basis: a wrong article reads as a
    misunderstanding of the rule applied, and a reader who checks the article finds another
    subject.

    How to fix:
    Cite the article that governs the subject (the message names it), or check the number.
    """

    id = "cited-article-subject"
    family = "references"
    severity = "info"
    summary = "a CGCT article cited for a subject another article governs"
    source = f"CGCT ({CGCT})"
    kinds = ("extract", "minutes", "list")
    messages = {
        "subject": Message("article {article} of the CGCT is cited about {subject:term}, which article {governing} "
                           "governs ({article} is about {cited_subject:term})",
                           fix="cite article {governing} ({source}), or check the number"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 28 mai 2020
Délibération n° 2020-12 : Élection du maire
Conformément à l'article L2121-15 du CGCT, la séance au cours de laquelle il est procédé à
l'élection du maire est présidée par Mme Jeanne BLANC, doyenne d'âge de l'assemblée.
Le conseil municipal procède à l'élection du maire au scrutin secret.
M. Paul MARTIN, ayant obtenu la majorité absolue, est proclamé maire.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 28 mai 2020
Délibération n° 2020-12 : Élection du maire
Conformément à l'article L2122-8 du CGCT, la séance au cours de laquelle il est procédé à
l'élection du maire est présidée par Mme Jeanne BLANC, doyenne d'âge de l'assemblée.
Conformément à l'article L2121-15 du CGCT, M. Luc PETIT est désigné secrétaire de séance.
M. Paul MARTIN, ayant obtenu la majorité absolue, est proclamé maire.
""")

    def check(self, document, text):
        for match, span in text.find(CITATION):
            cited = ARTICLES.get("L" + match["number"])
            governing = cited and self._governing(cited, document, text.folded, match, span)
            if governing is not None:
                yield self.hit("subject", span, article=cited.number, cited_subject=cited.subject,
                               subject=governing.subject, governing=governing.number, source=governing.source)

    @staticmethod
    def _governing(cited: Article, document, folded: str, match, span) -> Article | None:
        """The article that governs what the citation's sentence (or item title) speaks of, when
        that is not the cited article's subject."""
        begin, end = _sentence(folded, match.start(), match.end())
        sentence = folded[begin:end]
        if OTHER_CODE.search(sentence) or cited.fits(sentence):
            return None
        about = _about(sentence)
        if not about and VISA.match(sentence) and len(CITATION.findall(sentence)) == 1:
            title = fold(_heading(document, span) or "")
            about = [] if cited.fits(title) else _about(title)
        return next((a for a in about if a is not cited), None)
