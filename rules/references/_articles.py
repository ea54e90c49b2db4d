"""The articles of the CGCT that council documents cite most, and the subjects each governs.

Only articles whose subject is certain are listed; a citation of an article not listed here is
never judged.  Each subject is a pattern on folded text (lower case, no accents: see
``ent_lint.text.fold``) for the words that name it in a sentence.  Some subjects belong to two
articles (the convocation: L2121-11 under 3,500 inhabitants, L2121-12 from 3,500; the election of
the adjoints in communes under 1,000 inhabitants follows the mayor's, L2122-7 through L2122-7-1):
a citation is judged wrong only when its sentence names none of its own article's subjects.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ent_lint import patterns
from ent_lint.i18n import N_

#: the Code général des collectivités territoriales on Légifrance
CGCT = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/"


@dataclass(frozen=True)
class Article:
    number: str  # as the CGCT numbers it: "L2121-15"
    subject: str  # what it governs, in English, for messages (a msgid: translated at output)
    #: the words that name its subject in a sentence: where they stand, the sentence is about it
    words: regex.Pattern
    #: more words that make the citation plausible, without saying that the sentence is about it
    related: regex.Pattern

    @property
    def source(self) -> str:
        """Where to read it: the CGCT on Légifrance, and the article's number."""
        return f"CGCT art. {self.number}, {CGCT}"

    def fits(self, sentence: str) -> bool:
        """Whether a sentence citing this article speaks of what it governs, or may."""
        return bool(self.words.search(sentence) or self.related.search(sentence))


def _words(pattern: str) -> patterns.LazyPattern:
    return patterns.compile(pattern)


_ELECTION_OF_THE_MAYOR = r"election\s+(?:du|de\s+la)\s+maire|elue?\s+maire\b|elire\s+(?:le|la|son)\s+maire"
_ELECTION_OF_ADJOINTS = r"election\s+des\s+(?:maires?[\s-]+)?adjoint|elus?\s+adjoints?\b|elire\s+(?:les\s+)?adjoints"
_CONVOCATION = r"convocation|convoquee?s?\b|jours?\s+francs"

#: in the order a subject is attributed: the narrower article first (the presidency of the
#: mayor's election before the election itself)
ARTICLES = {a.number: a for a in (
    Article("L2121-11", N_("the convocation of the council (under 3,500 inhabitants)"),
            _words(_CONVOCATION), _words(r"delai|urgence|ordre\s+du\s+jour")),
    Article("L2121-12", N_("the convocation of the council (3,500 inhabitants and more)"),
            _words(rf"{_CONVOCATION}|note\s+(?:explicative\s+)?de\s+synthese"),
            _words(r"delai|urgence|ordre\s+du\s+jour")),
    Article("L2121-15", N_("the secretary of the sitting and the minutes"),
            _words(r"\bsecretaires?\b(?!\s+(?:generale?|de\s+mairie))|proces[\s-]+verba"),
            _words(r"\bsign|auxiliaire")),
    Article("L2121-17", N_("the quorum"),
            _words(r"\bquorum\b"), _words(r"membres\s+en\s+exercice|presents|majorite|convoque")),
    Article("L2121-20", N_("proxies and the majority of the votes cast"),
            _words(r"procuration|(?:donne|donner|donnant|ayant\s+donne)\s+(?:son\s+|un\s+|le\s+)?pouvoir"
                   r"|pouvoirs?\s+ecrits?|suffrages\s+exprimes|voix\s+(?:du\s+president\s+est\s+)?preponderante"),
            _words(r"majorite|\bvot|mandat|pouvoir")),
    Article("L2121-21", N_("the ways of voting (public or secret ballot)"),
            _words(r"scrutin\s+(?:secret|public)|bulletins?\s+secrets?|a\s+main\s+levee"),
            _words(r"\bvot|scrutin|nomination|designation|election|\belu|majorite|candidat|representant")),
    Article("L2122-2", N_("the number of adjoints"),
            _words(r"nombre\s+(?:des?\s+|d')?(?:postes?\s+d')?(?:maires?[\s-]+)?adjoints|postes?\s+d'adjoints"
                   r"|trente\s+pour\s+cent|30\s*%"),
            _words(r"adjoint")),
    Article("L2122-8", N_("who presides over the election of the mayor (the eldest member)"),
            _words(r"doyen(?:ne)?\s+d'age|(?:le|la)\s+plus\s+agee?\b"
                   r"|presid\w*(?:\s+\S+){0,6}\s+election\s+(?:du|de\s+la)\s+maire|elections?\s+complementaires?"),
            _words(r"presid|election|\belu|maire|convo|complet")),
    Article("L2122-7-2", N_("the election of the adjoints (1,000 inhabitants and more)"),
            _words(rf"{_ELECTION_OF_ADJOINTS}|scrutin\s+de\s+liste"),
            _words(r"adjoint|liste|election|\belu|scrutin|majorite")),
    Article("L2122-7", N_("the election of the mayor"),
            _words(_ELECTION_OF_THE_MAYOR),
            _words(r"election|\belu|maire|scrutin|majorite|adjoint|tour")),
    Article("L2122-22", N_("the powers the council delegates to the mayor"),
            _words(r"delegations?(?:\s+d'attributions?)?(?:\s+du\s+conseil(?:\s+municipal)?)?"
                   r"\s+(?:au|a\s+(?:monsieur|madame)\s+le)\s+maire"
                   r"|par\s+delegation|en\s+vertu\s+de\s+(?:la\s+|sa\s+)?delegation"),
            _words(r"delegu|delegation|decision|compte[\s-]+rendu|ester|emprunt|marche|tarif|regie|louage")),
)}
