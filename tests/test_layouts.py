"""Layouts met in the real corpus, each written here in a short document of our own.

Every case came from reviewing ent-lint's findings on ../shared/corpus/real: the phrasing that
made a rule cry wolf is reproduced, and the test asserts both the extracted value and that the
rule now stays silent (or, for a real defect, still speaks).
"""

from __future__ import annotations

from ent_lint.api import extract, lint

from helpers import write_document as _write

HEAD = """\
COMMUNE DE SAINT-MARTIN
CONSEIL MUNICIPAL
Séance du 10 mars 2022
Date de la convocation : 3 mars 2022
"""


def _rules(path: str, level=("error", "warning")) -> list[str]:
    return sorted(f.rule for f in lint(path).findings if f.severity in level)


def test_minutes_quoting_a_convention_keep_the_items_after_it(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : Anne MARTIN, Paul DURAND, Luc PETIT
        Secrétaire de séance : Paul DURAND

        1 - Convention avec le syndicat
        Monsieur le Maire présente le projet :
        CONVENTION DE MISE A DISPOSITION
        Entre :
        La Commune de Saint-Martin, représentée par son Maire, Anne MARTIN,
        d'une part,
        Et le Syndicat des eaux, représenté par son Président, Jean ROUX,
        d'autre part,
        Article 1 - Objet
        Article 2 - Durée
        Le Conseil municipal, après en avoir délibéré, à l'unanimité,
        APPROUVE la convention.

        2 - Tarifs de la cantine
        Le Conseil municipal, après en avoir délibéré, à l'unanimité,
        FIXE les tarifs.
        """)
    document = extract(path)
    assert [d.number for d in document.deliberations] == ["1", "2"]
    assert len(document.conventions) == 1
    assert document.conventions[0].draft is True
    assert len(document.conventions[0].parties) == 2
    # a draft quoted before the council approves it is not signed yet
    assert "missing-signature" not in _rules(path)


def test_prose_starting_with_entre_is_not_a_convention(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : Anne MARTIN, Paul DURAND
        Secrétaire de séance : Paul DURAND
        Il s'agit pour l'enfant de s'approprier le trajet
        entre son domicile et son école, représenté par un plan d'une part.
        Le Conseil municipal, à l'unanimité, APPROUVE le plan.
        """)
    assert extract(path).conventions == []


def test_articles_numbered_again_in_each_title_or_as_chapter_dot_article(tmp_path):
    convention = """\
        CONVENTION D'OCCUPATION
        Entre la Commune de Saint-Martin, représentée par son Maire, Anne MARTIN, d'une part,
        Et l'association Sportive, représentée par son Président, Jean ROUX, d'autre part,
        TITRE 1 - OBJET
        Article 1 - Objet
        Article 2 - Locaux
        TITRE 2 - DISPOSITIONS DIVERSES
        Article 1 - Résiliation
        Article 2 - Litiges
        CHAPITRE II : Finances
        Article 2.1 : Participation
        Article 2.2 : Versement
        Fait à Saint-Martin, le 3 mars 2022
        Pour la Commune, Anne MARTIN
        Pour l'association, Jean ROUX
        """
    path = _write(tmp_path, convention)
    assert "article-numbering" not in _rules(path)
    # the near-miss's twin: a real duplicate inside one title is still found
    twin = _write(tmp_path, convention.replace("Article 2 - Litiges", "Article 1 - Litiges"), "dup.txt")
    assert "article-numbering" in _rules(twin)


def test_adoption_of_an_earlier_sitting_is_not_the_sitting_date(tmp_path):
    # Avranches, 14 December 2015: the first item adopts the minutes of 30 June.
    path = _write(tmp_path, """\
        VILLE DE SAINT-MARTIN

        Date de l'avis de convocation :
         03 mars 2022

        L'an deux mille vingt-deux, le dix mars, le conseil municipal de la ville s'est assemblé,
        sous la présidence de Monsieur David NICOLAS, Maire.

        Étaient présents : M. NICOLAS, Maire, M. DURAND
        Secrétaire de séance
        Monsieur DURAND est désigné comme secrétaire de séance.

        2022.03.10 - 1  ADOPTION DU COMPTE-RENDU DE LA SEANCE DU 30 JUIN 2021

        Monsieur le Maire soumet à l'approbation du Conseil Municipal le compte-rendu de la
        précédente réunion de conseil en date du 30 juin 2021.
        Le Conseil municipal, à l'unanimité, APPROUVE le compte rendu.
        """)
    delib = extract(path).deliberations[0]
    assert delib.session.date.isoformat() == "2022-03-10"
    assert delib.secretary.name == "DURAND"
    rules = _rules(path)
    assert "chronology" not in rules and "date-words-mismatch" not in rules


def test_a_bare_posting_date_after_the_sitting_is_the_minutes_publication(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : Anne MARTIN, Paul DURAND
        A été élue secrétaire de séance : Mme Anne MARTIN
        Date d'affichage 17 mars 2022
        Le Conseil municipal, à l'unanimité, APPROUVE.
        """)
    delib = extract(path).deliberations[0]
    assert delib.posted_on is None
    assert delib.published_on.isoformat() == "2022-03-17"
    assert delib.secretary.name == "Anne MARTIN"
    assert "chronology" not in _rules(path)


def test_tally_lines_secret_ballot_and_a_member_not_voting_without_civility(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : ALLAIS Florence ; BARBE Dominique ; DUBOIS Bertrand
        Excusés : ROCA Nathalie (donne procuration à DUBOIS Bertrand)
        Absents : SCAILLIEREZ Alizée
        Secrétaires de Séance : Bertrand DUBOIS ; Florence ALLAIS

        Délibération D2022-01
        Objet : Subvention au club
        Dominique BARBE ne prend pas part au vote faisant partie du bureau du club.
        Après en avoir délibéré,
        POUR 2
        CONTRE 1 (Florence ALLAIS)
        ABSTENTION 0
        APPROUVE la subvention.

        Délibération D2022-02
        Objet : Choix de l'acquéreur
        Après avoir procédé au dépouillement des votes : 4 suffrages exprimés.
        DECIDE de retenir l'offre de Mme SALLENEUVE.
        """)
    first, second = extract(path).deliberations
    assert (first.vote.for_, first.vote.against, first.vote.abstain) == (2, 1, 0)
    assert [p.name for p in first.not_voting] == ["Dominique BARBE"]
    assert [p.name for p in first.absent] == ["SCAILLIEREZ Alizée"]
    assert first.secretary.name == "Bertrand DUBOIS"
    assert second.vote.ballot is True
    rules = _rules(path)
    assert "vote-total" not in rules and "vote-missing" not in rules


def test_lists_over_blank_lines_margins_titles_and_proxies_after_a_title(tmp_path):
    path = _write(tmp_path, """\
        VILLE DE SAINT-MARTIN
        Séance du 10 mars 2022
        Nombre de conseillers en exercice : 12
        Étaient présents : M. NICOLAS, Maire
        MME COCHAT, M. DROUET, MM. LAINE,
        adjoints,

        6 MMES FAUVEL, SERGENT, MM SIRI & HUET, conseillers municipaux,
        Absents excusés :
        M. Jacques CHEVALIER, Conseiller municipal délégué, pouvoir
        donné à M. Georges LAINE
        MME Régine CORMIER, Conseillère municipale, pouvoir donné à
        M. Paul SIRI
        Absentes : MMES BAILLY ET MOSNIER
        Secrétaire de séance
        Monsieur M. SIRI est désigné comme secrétaire de séance.
        1 - Budget
        Le Conseil municipal, à l'unanimité, APPROUVE le budget.
        """)
    delib = extract(path).deliberations[0]
    assert [p.name for p in delib.present] == [
        "NICOLAS", "COCHAT", "DROUET", "LAINE", "FAUVEL", "SERGENT", "SIRI", "HUET"]
    assert [(p.grantor.name, p.holder.name) for p in delib.proxies] == [
        ("Jacques CHEVALIER", "Georges LAINE"), ("Régine CORMIER", "Paul SIRI")]
    assert [p.name for p in delib.absent] == ["BAILLY", "MOSNIER"]
    assert delib.secretary.name == "SIRI"
    rules = _rules(path)
    for rule in ("secretary-not-present", "proxy-holder-absent", "person-in-two-lists", "member-total"):
        assert rule not in rules


def test_a_member_present_for_some_items_and_represented_for_the_others(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents:
        M. Georges LECLEVE, Maire
        M. MME Michel GRAVOUIL, Marie-Laure DAVID (jusqu'à la délibération n°2022/62), Adjoints
        Absents excusés :
        MME Marie-Laure DAVID, Adjointe, pouvoir donné à M. Michel GRAVOUIL (à partir de la délibération n°2022/63)
        A été élue secrétaire de séance : MME Marie-Laure DAVID
        2022/62 - Budget
        Le Conseil municipal, à l'unanimité, APPROUVE.
        """)
    delib = extract(path).deliberations[0]
    assert delib.present[2].note == "jusqu'à la délibération n°2022/62"
    assert delib.present[2].for_part_of_sitting
    # at the opening she is present: the proxy she gives from a later item is not the opening's
    assert delib.proxies == []
    assert "person-in-two-lists" not in _rules(path)


def test_the_same_member_present_and_absent_without_a_note_is_still_found(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : Michel GRAVOUIL, Marie-Laure DAVID, Georges LECLEVE
        Absents excusés : Marie-Laure DAVID (pouvoir donné à Michel GRAVOUIL)
        Secrétaire de séance : Michel GRAVOUIL
        Le Conseil municipal, à l'unanimité, APPROUVE.
        """)
    assert "person-in-two-lists" in _rules(path)


def test_counts_written_before_their_label(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : Anne MARTIN - Paul DURAND - Luc PETIT
        Procurations :
        Marie ROUX (procuration à Anne MARTIN)
        3 présents
        1 procuration 4 votants
        Secrétaire de séance : Paul DURAND
        Le Conseil municipal, à l'unanimité, APPROUVE.
        """)
    counts = extract(path).deliberations[0].counts
    assert (counts.present, counts.represented, counts.voting) == (3, 1, 4)
    assert "proxy-count" not in _rules(path) and "voter-count" not in _rules(path)


def test_header_counts_that_contradict_the_lists_are_found(tmp_path):
    # Chemere, 15 December 2009: "Présents : 17 / Votants : 15" over 15 names and 2 proxies.
    path = _write(tmp_path, HEAD + """\
        Nombre de conseillers en exercice : 5
        Présents : 5
        Votants : 3
        Procurations : 2
        Présents : Anne MARTIN, Paul DURAND, Luc PETIT
        Absents excusés : Marie ROUX (pouvoir donné à Anne MARTIN), Jean BLANC (pouvoir donné à Luc PETIT)
        Secrétaire de séance : Paul DURAND
        Le Conseil municipal, à l'unanimité, APPROUVE.
        """)
    rules = _rules(path)
    assert "present-count" in rules and "voter-count" in rules


def test_signature_blocks_in_html_markdown_and_blank_signature_dates(tmp_path):
    path = _write(tmp_path, """\
        # Convention de mise à disposition

        ## ENTRE :

        **LA MAIRIE DE SAINT-MARTIN**
        Représentée par son Maire, Monsieur Pascal GROS

        D'une part,

        ## ET :

        **L'association** : Club des sports

        Désigné ci-après « l'occupant »

        D'autre part.

        Par la présente convention, il a été convenu ce qui suit :

        ## Article 1 – Objet

        **Fait à SAINT-MARTIN, le** _______________________ **2025**

        <table><tr><td>
        <strong>Pour la Ville de SAINT-MARTIN</strong><br/>
        <strong>Pascal GROS</strong><br/>
        Maire de SAINT-MARTIN<br/>
        </td><td>
        <strong>Pour l'Occupant</strong><br/>
        Nom et fonction :<br/>
        </td></tr></table>
        """, "convention.md")
    conv = extract(path).conventions[0]
    assert len(conv.parties) == 2
    assert [p.name for p in conv.signatories] == ["Pascal GROS"]
    assert conv.signature_blocks == 2
    assert conv.signed_on.blank
    assert _rules(path) == []
    assert "blank-date" in _rules(path, level=("info",))


def test_an_item_after_the_lists_ends_the_attendance_block_without_a_secretary_line(tmp_path):
    path = _write(tmp_path, """\
        Séance du 10 mars 2022
        Présents : Anne MARTIN, Paul DURAND
        Délibération n° 2022-01
        Le Conseil municipal, à l'unanimité, APPROUVE.
        Fait et délibéré à Saint-Martin, le 10 mars 2022
        Le Maire,
        Anne MARTIN
        """)
    delib = extract(path).deliberations[0]
    assert delib.number == "2022-01" and delib.vote.unanimous is True
    assert delib.signature_roles == ["mayor"]
    # the near-miss: "délibération n°" inside a count box, before any name, is no item
    box = _write(tmp_path, HEAD + """\
        Présents :
        16 jusqu'à la
        délibération n°2022/62
        Présents : Anne MARTIN, Paul DURAND
        Secrétaire de séance : Paul DURAND
        Le Conseil municipal, à l'unanimité, APPROUVE.
        """, "box.txt")
    assert [p.name for p in extract(box).deliberations[0].present] == ["Anne MARTIN", "Paul DURAND"]


def test_form_feeds_are_page_breaks_in_a_text_file():
    """pdftotext marks each page's end with a form feed: a text so made is in pages, its lines
    keep the numbers an editor shows."""
    from ent_lint.readers.text import read_text

    source = read_text("a.txt", b"Convention\nArticle 1\n\fArticle 2\nFait en deux pages\n\f", markdown=False)
    assert source.page_count == 2
    assert [(line.page, line.number, line.text) for line in source.lines[:4]] == [
        (1, 1, "Convention"), (1, 2, "Article 1"), (2, 3, "Article 2"), (2, 4, "Fait en deux pages")]
    plain = read_text("b.txt", b"Convention\nArticle 1\n", markdown=False)
    assert plain.page_count is None and {line.page for line in plain.lines} == {None}
