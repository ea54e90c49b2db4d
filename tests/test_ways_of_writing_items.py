"""Ways of writing item headings and votes, each in a short document of our own (invented names
and places) with the reading expected and the false findings that must not come; a near-miss
beside most of them (see test_ways_of_writing.py)."""

from __future__ import annotations


import pytest

from ent_lint.api import extract, lint

from helpers import write_document


def _write(tmp_path, body: str, name: str = "pv.txt") -> str:
    return write_document(tmp_path, body, name)


def _severe(path: str) -> list[str]:
    return sorted(f.rule for f in lint(path).findings if f.severity in ("error", "warning"))


def _votes(path: str) -> list[tuple]:
    return [(d.vote.unanimous, d.vote.for_, d.vote.against, d.vote.abstain) for d in extract(path).deliberations]


HEAD = """\
    COMMUNE DE SAINT-ALBAN-DES-NOUES
    COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL DU 9 AVRIL 2024
    Le neuf avril deux mille vingt-quatre à 20 h 30, le conseil municipal s'est réuni à la mairie
    sous la présidence de M. Armand VIALETTE, Maire.
    Présents : Armand VIALETTE, Berthe CAZALS, Cyril DOUMERGUE, Denise ESTÈVE, Émile FABRE.
    Pouvoir : Gaston HORTALA à Armand VIALETTE.
    Secrétaire de séance : Denise ESTÈVE.
    En exercice : 6 – Présents : 5 – Votants : 6
    """


def test_lettered_items_each_closed_by_a_tally_line(tmp_path):
    path = _write(tmp_path, HEAD + """\
        A – Compte administratif 2023
        Le Maire quitte la salle et ne prend pas part au vote.
        Pour : 3 – Contre : 0 – Abstention : 1
        B – Affectation du résultat 2023
        Pour : 4 – Contre : 1 – Abstention : 1
        C – TAUX D'IMPOSITION 2024
        Le conseil décide de ne pas augmenter les taux.
        Pour : 6 – Contre : 0 – Abstention : 0
        D – Questions diverses
        Le repas des aînés aura lieu le 5 mai.
        """)
    delibs = extract(path).deliberations
    assert [(d.number, d.title) for d in delibs] == [
        ("A", "Compte administratif 2023"), ("B", "Affectation du résultat 2023"),
        ("C", "TAUX D'IMPOSITION 2024"), ("D", "Questions diverses")]
    assert _votes(path)[:3] == [(False, 3, 0, 1), (False, 4, 1, 1), (False, 6, 0, 0)]
    assert [p.name for p in delibs[0].not_voting] == ["Armand VIALETTE"]
    assert _severe(path) == []


def test_initials_before_surnames_are_no_lettered_items(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Délibération n° 2024-11 : Tarifs de la cantine
        A. CAZALS rappelle les tarifs de l'an passé.
        B. DOUMERGUE, adjoint, propose de les maintenir.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
        """)
    delibs = extract(path).deliberations
    assert [(d.number, d.title) for d in delibs] == [("2024-11", "Tarifs de la cantine")]


def test_register_prefix_then_its_label_and_a_member_with_an_interest(tmp_path):
    path = _write(tmp_path, """\
        VILLE DE PORT-KERMEUR
        CONSEIL MUNICIPAL DU 30 JANVIER 2024 – COMPTE RENDU
        Le Conseil Municipal s'est réuni le mardi 30 janvier 2024 à 18 h 30 sous la présidence de
        Mme Gwenaëlle TALLEC, Maire.
        Conseillers en exercice : 23 / Présents : 19 / Pouvoirs : 3 / Votants : 22
        Secrétaire de séance : M. Ronan KERGOAT
        DCM n° 24-001 : Débat d'orientation budgétaire 2024
        Le Conseil Municipal prend acte de la tenue du débat.
        DCM n° 24-002 : Ouverture de crédits d'investissement
        Mme Soizic LE DÛ, adjointe, intéressée, ne prend pas part au vote.
        Le Conseil Municipal, après en avoir délibéré, AUTORISE l'ouverture des crédits.
        Vote : 21 voix pour (unanimité des votants)
        Délibération DCM n° 24-003 : Tarifs du port de plaisance
        Le Conseil Municipal, après en avoir délibéré, FIXE les tarifs annexés.
        Vote : 17 voix pour, 5 voix contre
        """)
    delibs = extract(path).deliberations
    assert [d.number for d in delibs] == ["DCM 24-001", "DCM 24-002", "DCM 24-003"]
    assert delibs[1].title == "Ouverture de crédits d'investissement"
    assert [p.name for p in delibs[1].not_voting] == ["Soizic LE DÛ"]
    assert [p.name for p in delibs[2].not_voting] == []
    assert _votes(path)[1:] == [(True, 21, None, None), (False, 17, 5, None)]
    assert _severe(path) == []


def test_a_law_quoted_with_its_number_is_no_register_heading(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Délibération n° 2024-12 : Indemnités des élus
        LOI n° 2019-1461 du 27 décembre 2019 : le conseil en rappelle les termes.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les indemnités.
        """)
    assert [d.number for d in extract(path).deliberations] == ["2024-12"]


def test_a_tally_table_under_each_item_of_a_pdf(tmp_path):
    reportlab = pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    assert reportlab
    style = getSampleStyleSheet()["Normal"]

    def tally(*figures):
        table = Table([["Pour", "Contre", "Abstention"], [str(f) for f in figures]], colWidths=[90] * 3)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return table

    story = [Paragraph(text, style) for text in (
        "COMMUNE DE MONTARDIT-LE-HAUT", "PROCÈS-VERBAL DU CONSEIL MUNICIPAL",
        "Le quatre juillet deux mille vingt-quatre à vingt heures, le conseil municipal s'est réuni sous "
        "la présidence de M. Corentin VAYSSE, Maire.",
        "Présents : Corentin VAYSSE, Hortense AUDOUY, Brice BESOMBES, Laurine CAUSSE.",
        "Secrétaire de séance : Laurine CAUSSE.", "Conseillers en exercice : 4 – Présents : 4 – Votants : 4")]
    story += [Paragraph("1 – Réfection du pont du Moulin", style),
              Paragraph("Le conseil municipal, après en avoir délibéré, retient l'entreprise la mieux-disante.", style),
              tally(2, 1, 1),
              Paragraph("2 – Création d'un poste d'adjoint technique", style),
              Paragraph("Le conseil municipal, après en avoir délibéré, crée le poste.", style), tally(3, 0, 1)]
    path = tmp_path / "pv.pdf"
    SimpleDocTemplate(str(path), pagesize=(595, 842)).build(story)
    assert [d.number for d in extract(str(path)).deliberations] == ["1", "2"]
    assert _votes(str(path)) == [(False, 2, 1, 1), (False, 3, 0, 1)]


def test_unanimity_less_votes_against_is_no_unanimity_less_abstentions_is(tmp_path):
    path = _write(tmp_path, HEAD + """\
        1. Tarifs de l'eau 2025
        Adoptés à l'unanimité moins une abstention (M. FABRE).
        2. Motion pour le bureau de poste
        Adoptée à l'unanimité moins deux voix contre.
        3. Acquisition d'une parcelle
        Adoptée à la majorité, 2 conseillers ayant voté contre (M. FABRE et Mme CAZALS).
        4. Recrutement d'un agent
        Unanimité.
        """)
    assert _votes(path) == [(True, None, None, 1), (False, None, 2, None), (False, None, 2, None),
                            (True, None, None, None)]
    assert "unanimity-with-dissent" not in _severe(path)


def test_a_vote_on_how_to_vote_before_the_designation_it_allows(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Délibération n° 2024-13 : Désignation d'un délégué au syndicat d'énergie
        Le Conseil municipal décide, à l'unanimité, de ne pas procéder au scrutin secret.
        Mme Berthe CAZALS est désignée déléguée par 5 voix pour et 1 abstention.
        Délibération n° 2024-14 : Désignation d'un délégué au SIVU
        Le Conseil municipal décide, à l'unanimité, de voter à main levée, et désigne M. FABRE.
        """)
    assert _votes(path) == [(False, 5, None, 1), (True, None, None, None)]


def test_members_who_withdraw_from_the_debate_and_the_vote(tmp_path):
    path = _write(tmp_path, HEAD + """\
        AFFAIRE N° 1 – SUBVENTION À L'ASSOCIATION DES PARENTS D'ÉLÈVES
        Mme Denise ESTÈVE, présidente de l'association, se retire et ne participe ni au débat ni au vote.
        Le conseil municipal, après en avoir délibéré, ACCORDE une subvention de 600 €.
        Pour : 5 ; contre : 0 ; abstention : 0.
        AFFAIRE N° 2 – SUBVENTIONS AUX CLUBS SPORTIFS
        Mme Berthe CAZALS et M. Émile FABRE, présidents de clubs, ne prennent pas part au vote.
        Vote : adopté à l'unanimité des votants (4 voix)
        AFFAIRE N° 3 – TRAVAUX DE VOIRIE
        M. FABRE rappelle qu'il ne participe pas aux travaux de la commission.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les travaux.
        """)
    delibs = extract(path).deliberations
    assert [[p.name for p in d.not_voting] for d in delibs] == [
        ["Denise ESTÈVE"], ["Berthe CAZALS", "Émile FABRE"], []]
    assert _severe(path) == []


def test_tally_figures_damaged_by_ocr_are_read_with_doubt(tmp_path):
    path = _write(tmp_path, HEAD + """\
        N ° 2O24-0l5 : Travaux d'accessibilité de l'école
        Le Conseil Municipal, après en avoir délibéré, APPROUVE le programme.
        Pour : 5 - Contre : l - Abstention : O
        N ° 2O24-0l6 : Vente de l'ancien presbytère
        Le Conseil Municipal, après en avoir délibéré, DECIDE de vendre le bien.
        Pour : 4 - Contre : 2 - Abstention : 0
        """)
    delibs = extract(path).deliberations
    assert _votes(path) == [(False, 5, 1, 0), (False, 4, 2, 0)]
    assert "vote" in delibs[0].doubts and "vote" not in delibs[1].doubts
    findings = lint(path).findings
    # the first tally (7 votes for 6 voters) is not checked: its figures are in doubt
    assert [f.rule for f in findings if f.severity in ("error", "warning")] == []
    assert any(f.rule == "unreadable-part" and f.severity == "info" for f in findings)


def test_an_agenda_of_dashes_taken_up_as_objet_headings_with_votes_by_label(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Ordre du jour :
        - Approbation du compte de gestion 2023
        - Vote du budget primitif 2024
        - Demande de subvention au titre de la DETR

        Objet : Approbation du compte de gestion 2023
        Le conseil municipal, après en avoir délibéré, approuve le compte de gestion.
        Votes : Unanimité
        Objet : Vote du budget primitif 2024
        Le Maire présente le budget primitif.
        Votes : pour 4, contre 1, abstention 1
        Objet : Demande de subvention au titre de la DETR
        Le conseil municipal sollicite une subvention de 40 %.
        Votes : Unanimité
        """)
    delibs = extract(path).deliberations
    assert [d.title for d in delibs] == ["Approbation du compte de gestion 2023", "Vote du budget primitif 2024",
                                         "Demande de subvention au titre de la DETR"]
    assert _votes(path) == [(True, None, None, None), (False, 4, 1, 1), (True, None, None, None)]


def test_tallies_with_their_labels_cut_short(tmp_path):
    path = _write(tmp_path, HEAD + """\
        2024_031 Tarifs de la garderie périscolaire
        Vote : POUR 5 / CONTRE 0 / ABST. 1
        2024_032 Subvention au comité des fêtes
        Vote : P : 4 – C : 0 – A : 2
        2024_033 Location de la salle des fêtes
        La convention est conclue pour 3 ans, contre toute attente des usagers.
        Vote : unanimité
        """)
    assert _votes(path) == [(False, 5, 0, 1), (False, 4, 0, 2), (True, None, None, None)]
    assert _severe(path) == []


def test_a_tally_sentence_wrapped_after_a_named_dissent(tmp_path):
    path = _write(tmp_path, HEAD + """\
        1°/ Vote du compte administratif 2023 et affectation
        du résultat de fonctionnement
        Le conseil municipal, après en avoir délibéré, par 4 voix pour, 1 voix contre (M. FABRE)
        et 1 abstention (Mme CAZALS), APPROUVE le compte administratif 2023.
        2°/ Tarifs de la cantine scolaire
        Le conseil municipal, après en avoir délibéré, par 4 voix pour et 2 voix contre
        (MM. FABRE et DOUMERGUE), FIXE le prix du repas.
        """)
    delibs = extract(path).deliberations
    assert [d.number for d in delibs] == ["1", "2"]
    assert _votes(path) == [(False, 4, 1, 1), (False, 4, 2, None)]
    assert _severe(path) == []


def test_a_list_of_deliberations_in_dashes_each_with_its_outcome_after_a_colon(tmp_path):
    path = _write(tmp_path, """\
        COMMUNE DE NEUVY-LES-SAULES
        Liste des délibérations du conseil municipal – séance du 17 juin 2024
        - Délibération n° 2024-40 : Compte de gestion 2023 : adoptée à l'unanimité
        - Délibération n° 2024-41 : Compte administratif 2023 : adoptée (12 voix pour, 1 abstention)
        - Délibération n° 2024-42 : Acquisition du terrain de la Croix-Blanche : ajournée
        - Délibération n° 2024-43 : Travaux : approbation du marché de voirie : adoptée (10 pour, 3 contre)
        Le Maire, Pascal RENARDEAU
        """)
    document = extract(path)
    assert document.kind == "list"
    assert [(d.number, d.title) for d in document.deliberations] == [
        ("2024-40", "Compte de gestion 2023"), ("2024-41", "Compte administratif 2023"),
        ("2024-42", "Acquisition du terrain de la Croix-Blanche"),
        ("2024-43", "Travaux : approbation du marché de voirie")]
    assert _votes(path) == [(True, None, None, None), (False, 12, None, 1), (None, None, None, None),
                            (False, 10, 3, None)]
    assert _severe(path) == []


def test_votes_out_of_the_voters_and_abstentions_wrapped_on_the_next_line(tmp_path):
    path = _write(tmp_path, HEAD + """\
        QUESTION N° 1 – Décision modificative n° 3
        Le Conseil Municipal adopte la décision modificative par 4 voix sur 6, deux conseillers s'étant
        abstenus.
        QUESTION N° 2 – Vente de la maison du garde-champêtre
        Le Conseil Municipal, par CINQ voix POUR et UNE voix CONTRE, AUTORISE la vente.
        QUESTION N° 3 – Tarifs de la piscine
        Le Conseil Municipal, par 3 voix contre 1 et 2 abstentions, FIXE les tarifs.
        """)
    assert _votes(path) == [(False, 4, None, 2), (False, 5, 1, None), (False, 3, 1, 2)]
    assert _severe(path) == []


def test_tallies_as_a_plain_text_table_and_one_label_a_line(tmp_path):
    path = _write(tmp_path, HEAD + """\
        1. Budget primitif 2025
        Le conseil municipal, après en avoir délibéré, vote le budget primitif 2025.
        | Votants | Pour | Contre | Abstentions |
        |---------|------|--------|-------------|
        |    6    |  4   |   1    |      1      |
        2. Tarifs de la salle des fêtes
        Le conseil municipal fixe les tarifs de location pour 2025.
        Résultat du vote :
        Votants : 6
        Pour : 5
        Contre : 0
        Abstentions : 1
        """)
    # a figure ending one line is not the label's of the next ("Votants : 6" / "Pour : 5")
    assert _votes(path) == [(False, 4, 1, 1), (False, 5, 0, 1)]
    assert _severe(path) == []


def test_letters_that_count_again_under_each_roman_section(tmp_path):
    path = _write(tmp_path, HEAD + """\
        I. FINANCES
        A. Compte de gestion 2023
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE le compte de gestion.
        B. Compte administratif 2023
        Le Maire quitte la salle. Le conseil municipal, après en avoir délibéré, par 4 voix pour et
        1 abstention, APPROUVE le compte administratif.
        II. PERSONNEL
        A. Création d'un poste d'agent de maîtrise
        Le conseil municipal, après en avoir délibéré, à l'unanimité, CRÉE le poste.
        III. URBANISME
        A. Cession d'un délaissé de voirie
        Le conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE la cession.
        """)
    delibs = extract(path).deliberations
    assert [(d.number, d.title) for d in delibs] == [
        ("I.A", "Compte de gestion 2023"), ("I.B", "Compte administratif 2023"),
        ("II.A", "Création d'un poste d'agent de maîtrise"), ("III.A", "Cession d'un délaissé de voirie")]
    assert _votes(path)[1] == (False, 4, None, 1)
    assert _severe(path) == []


def test_points_listed_inside_an_item_under_roman_sections_stay_inside_it(tmp_path):
    path = _write(tmp_path, HEAD + """\
        I. FINANCES
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE le budget qui prévoit :
        A. La voirie
        B. Les écoles
        II. PERSONNEL
        Le conseil municipal, après en avoir délibéré, à l'unanimité, CRÉE le poste, pour :
        A. L'entretien des espaces verts
        """)
    assert [d.number for d in extract(path).deliberations] == ["I", "II"]


def test_votes_beside_blank_ballots_or_members_counted_as_not_voting_are_not_added_up(tmp_path):
    path = _write(tmp_path, HEAD + """\
        1. Élection du délégué au syndicat des eaux
        Le conseil municipal, par 3 voix pour, 1 voix contre et 2 bulletins blancs, élit M. FABRE.
        2. Tarifs de la cantine
        Nombre de votants : 6 – Suffrages exprimés : 5 – Pour : 5 – Contre : 0
        3. Motion sur l'hôpital
        Le conseil municipal, par 4 voix pour, 2 refus de vote, approuve la motion.
        4. Travaux de l'église
        Le conseil municipal, par 4 voix pour et 1 voix contre, approuve les travaux.
        """)
    delibs = extract(path).deliberations
    assert _votes(path) == [(False, 3, 1, None), (False, 5, 0, None), (False, 4, None, None), (False, 4, 1, None)]
    assert ["vote" in d.doubts for d in delibs] == [True, True, True, False]
    # the last one adds up to 5 of 6 voters: that is still found
    assert [(f.rule, f.line) for f in lint(path).findings if f.severity in ("error", "warning")] == [
        ("vote-total", 16)]


EXTRACT = """\
    COMMUNE DE LANVÉNEC-SUR-AFF
    EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
    Séance du 23 septembre 2024
    Le vingt-trois septembre deux mille vingt-quatre à 19 heures, le conseil municipal s'est réuni
    sous la présidence de M. Erwan QUÉMÉNER, Maire.
    Présents : Erwan QUÉMÉNER, Armelle BIHAN, Youenn CADIOU.
    Secrétaire de séance : Armelle BIHAN.
    N° 2024-087 – Création d'un budget annexe
    Le conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE de créer un budget annexe.
    Le Maire,                                     La secrétaire de séance,
    Erwan QUÉMÉNER                                Armelle BIHAN
    """


@pytest.mark.parametrize("mentions, transmitted, published", [
    ("Transmis au représentant de l'État le 26/09/2024\n"
     "Publié sur le site internet de la commune le 27/09/2024", "2024-09-26", "2024-09-27"),
    ("Reçu en sous-préfecture le : 25/09/2024\nPublié ou notifié le : 26/09/2024", "2024-09-25", "2024-09-26"),
    ("Certifié exécutoire compte tenu de la transmission en Préfecture le 24/09/2024\n"
     "et de la publication le 25/09/2024.", "2024-09-24", "2024-09-25"),
    # near-miss: a transmission still to come is no mention of the act's
    ("La présente délibération sera transmise au représentant de l'État.", None, None),
])
def test_mentions_of_transmission_and_publication_at_the_end(tmp_path, mentions, transmitted, published):
    path = _write(tmp_path, EXTRACT + mentions + "\n")
    delib = extract(path).deliberations[-1]
    assert (str(delib.transmitted_on) if delib.transmitted_on else None,
            str(delib.published_on) if delib.published_on else None) == (transmitted, published)
    assert _severe(path) == []


def test_register_numbers_with_the_year_first_then_the_prefix(tmp_path):
    path = _write(tmp_path, HEAD + """\
        2024-DCM-015 : Budget primitif 2024
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ADOPTE le budget primitif.
        2024-DCM-016 : Tarifs de la cantine
        Le conseil municipal, après en avoir délibéré, par 5 voix pour et 1 abstention, FIXE les tarifs.
        2024-ZAC-2 la zone d'activités reste à l'étude, sans vote.
        """)
    delibs = extract(path).deliberations
    assert [(d.number, d.title) for d in delibs] == [
        ("2024-DCM-015", "Budget primitif 2024"), ("2024-DCM-016", "Tarifs de la cantine")]
    assert _votes(path) == [(True, None, None, None), (False, 5, None, 1)]


def test_a_tally_that_states_the_votes_cast_is_no_election(tmp_path):
    path = _write(tmp_path, HEAD + """\
        1. Tarifs de la cantine
        VOTE : Adopté à l'unanimité des présents (6 voix)
        2. Tarifs de la garderie
        Nombre de votants : 6 – Suffrages exprimés : 6 – Pour : 5 – Contre : 1
        3. Élection du délégué au syndicat des eaux
        Il est procédé au vote à bulletin secret. Suffrages exprimés : 6. M. FABRE est élu avec 6 voix.
        """)
    delibs = extract(path).deliberations
    assert _votes(path)[:2] == [(True, 6, None, None), (False, 5, 1, None)]
    assert [bool(d.vote.ballot) for d in delibs] == [False, False, True]


def _margin_pdf(path, box: list[str]) -> None:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    style = getSampleStyleSheet()["Normal"]
    margin = Table([[Paragraph(line, style)] for line in box], colWidths=[110])
    margin.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    body = [Paragraph(text, style) for text in (
        "L'an deux mille vingt-quatre, le vingt et un octobre à vingt heures, le conseil municipal s'est "
        "réuni sous la présidence de Mme Maëlys GAUTREAU, Maire.",
        "Nombre de conseillers en exercice : 19 – Présents : 15 – Pouvoirs : 2 – Votants : 17",
        "Secrétaire de séance : M. Hugo PELLERIN.",
        "Délibération n° 2024-064 – Tarifs des concessions du cimetière",
        "Le conseil municipal, après en avoir délibéré, FIXE les tarifs des concessions.",
        "La Maire, Maëlys GAUTREAU          Le secrétaire de séance, Hugo PELLERIN")]
    layout = Table([[margin, body]], colWidths=[120, 350])
    layout.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("COMMUNE DE MONTAGRIER-LE-BAS", style),
             Paragraph("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS – Séance du 21 octobre 2024", style), layout]
    SimpleDocTemplate(str(path), pagesize=(595, 842)).build(story)


def test_a_tally_in_a_margin_box_and_signature_blocks_side_by_side_in_a_pdf(tmp_path):
    pytest.importorskip("reportlab")
    path = tmp_path / "extrait.pdf"
    _margin_pdf(path, ["Vote", "Pour : 15", "Contre : 0", "Abstention : 2"])
    delib = extract(str(path)).deliberations[0]
    assert (delib.vote.for_, delib.vote.against, delib.vote.abstain) == (15, 0, 2)
    assert "vote" in delib.doubts  # read outside the deliberation's text
    assert sorted(delib.signature_roles) == ["mayor", "secretary"]
    assert _severe(str(path)) == []
    # near-miss: a margin box of counts holds no vote, and the vote missing is still said
    _margin_pdf(path, ["Présents : 15", "Votants : 17"])
    assert extract(str(path)).deliberations[0].vote.for_ is None
    assert _severe(str(path)) == ["vote-missing"]


def test_titles_wrapped_after_a_word_under_or_beside_their_number(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Délibération n° 2024-21
        Convention de partenariat avec l'association Les Amis du Patrimoine pour la
        restauration de la chapelle Saint-Roch
        Le conseil municipal, après en avoir délibéré, à l'unanimité, AUTORISE le Maire à signer.
        Délibération n° 2024-22
        Objet : Demande de subvention au titre du fonds
        départemental de soutien aux communes rurales
        Le conseil municipal, après en avoir délibéré, par 5 voix pour et 1 abstention, SOLLICITE la subvention.
        Délibération n° 2024-23 : Modification des statuts de la communauté de communes
        relative à la compétence eau potable
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la modification.
        Délibération n° 2024-24 : Tarifs de la cantine
        le Maire rappelle les tarifs, qui sont adoptés à l'unanimité.
        """)
    assert [d.title for d in extract(path).deliberations] == [
        "Convention de partenariat avec l'association Les Amis du Patrimoine pour la restauration de la "
        "chapelle Saint-Roch",
        "Demande de subvention au titre du fonds départemental de soutien aux communes rurales",
        "Modification des statuts de la communauté de communes relative à la compétence eau potable",
        "Tarifs de la cantine"]
