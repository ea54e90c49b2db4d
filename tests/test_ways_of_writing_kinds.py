"""Documents that are not a classic extract or minutes: the acts of the executive, a convocation,
an agenda, a budget form, a newsletter, a list of decisions, conventions written otherwise.
Each is a short document of our own, with the kind and fields expected and no false finding
(see test_ways_of_writing.py)."""

from __future__ import annotations


import pytest

from ent_lint.api import extract, lint

from helpers import write_document as _write


def _warned(path: str) -> list[str]:
    return [f.rule for f in lint(path).findings if f.severity in ("warning", "error")]


ARRETE = """\
    MAIRIE DE SAINT-GENIÈS
    {title}
    portant interdiction temporaire de stationner place du Marché

    Le Maire de la commune de Saint-Geniès,
    Vu le Code général des collectivités territoriales, notamment son article L. 2213-2,
    Vu la délibération du conseil municipal n° 2021-08 du 2 mars 2021 fixant les droits de place,
    Vu la délibération n° 2020-17 du 28 mai 2020 portant délégation au Maire, adoptée à l'unanimité,
    Considérant la tenue de la fête locale,

    ARRÊTE
    Article 1 : Le stationnement est interdit place du Marché du 3 au 5 août 2024.
    Article 2 : Le présent arrêté sera affiché et transmis au représentant de l'État.

    Fait à Saint-Geniès, le 22 juillet 2024
    Le Maire,
    Marcelle VIGUIER
    """


@pytest.mark.parametrize("title", [
    "ARRÊTÉ DU MAIRE N° 2024-061",
    "ARRETE MUNICIPAL N°2024/PM/12",
    "Arrêté n° 61-2024",
    "DÉCISION DU MAIRE N° 14/2024",
    "Décision de la Présidente n° DP 2024-03",
    "EXTRAIT DU REGISTRE DES ARRETES DU MAIRE",
])
def test_an_act_of_the_executive_is_no_deliberation(tmp_path, title):
    path = _write(tmp_path, ARRETE.format(title=title))
    document = extract(path)
    assert (document.kind, document.title, document.deliberations) == ("other", title, [])
    found = [(f.code, f.severity, f.args) for f in lint(path).findings]
    assert found == [("no-deliberation/not-a-record", "info", {"title": title})]


def test_a_deliberation_whose_subject_is_a_budget_decision_stays_an_extract(tmp_path):
    path = _write(tmp_path, """\
        COMMUNE DE SAINT-GENIÈS
        DÉCISION MODIFICATIVE N° 2 – BUDGET PRINCIPAL
        Séance du conseil municipal du 9 septembre 2024
        Présents : Marcelle VIGUIER, Jean PONS, Anne ROUX
        Secrétaire de séance : Anne ROUX
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la décision modificative.
        """)
    document = extract(path)
    assert document.kind != "other"
    assert document.deliberations[0].vote.unanimous is True


CONVOCATION = """\
    Commune de Lussan-d'Orbe                                  Lussan, le 2 mai 2024
    {title}
    Madame, Monsieur,
    J'ai l'honneur de vous convoquer à la réunion du Conseil municipal qui se tiendra le
    vendredi 10 mai 2024 à 19 h 00 en mairie.
    Ordre du jour :
    1. Approbation du procès-verbal de la séance du 5 avril 2024
    2. Vote des subventions aux associations
    3. Questions diverses
    Le Maire,
    Gilles ARRIBAT
    """


@pytest.mark.parametrize("title", ["CONVOCATION DU CONSEIL MUNICIPAL", "Convocation", ""])
def test_a_convocation_is_no_record_of_the_sitting(tmp_path, title):
    path = _write(tmp_path, CONVOCATION.format(title=title))
    document = extract(path)
    assert (document.kind, document.deliberations) == ("other", [])
    assert _warned(path) == []


AGENDA = """\
    SYNDICAT INTERCOMMUNAL DES ÉCOLES DU VAL DE SEYE
    Comité syndical du jeudi 4 avril 2024 - 18 h - salle de la mairie de Vaour
    ORDRE DU JOUR
    Désignation du secrétaire de séance
    1 - Compte administratif 2023
    2 - Budget primitif 2024
    3 - Tarifs du transport scolaire
    """


def test_an_agenda_alone_is_no_record(tmp_path):
    path = _write(tmp_path, AGENDA)
    document = extract(path)
    assert (document.kind, document.title, document.deliberations) == ("other", "ORDRE DU JOUR", [])
    assert [f.rule for f in lint(path).findings] == ["no-deliberation"]


def test_minutes_that_open_on_their_agenda_are_read(tmp_path):
    """The near-miss: the same opening, then the sitting held (members present, votes)."""
    path = _write(tmp_path, AGENDA + """\
    Présents : Jean PONS, Anne ROUX, Luc FABRE
    Secrétaire de séance : Anne ROUX
    1 - Compte administratif 2023
    Le comité, après en avoir délibéré, à l'unanimité, APPROUVE le compte administratif.
    """)
    document = extract(path)
    assert document.kind != "other" and document.deliberations


def test_the_budget_signature_form_is_no_deliberation(tmp_path):
    path = _write(tmp_path, """\
        COMMUNE DE SALVAGNAC                              BUDGET PRIMITIF 2025
        Budget principal                                  ANNEXE IV - D1
        ARRETE ET SIGNATURES
        Nombre de membres en exercice : 15
        Nombre de membres présents : 11
        Nombre de suffrages exprimés : 12
        VOTES : Pour : 12  Contre : 0  Abstentions : 0
        Délibéré par l'assemblée, réunie en session ordinaire, à Salvagnac, le 8 avril 2025
        """)
    document = extract(path)
    assert (document.kind, document.deliberations) == ("other", [])
    assert _warned(path) == []


def test_a_newsletter_page_reports_the_sitting_without_being_checked(tmp_path):
    path = _write(tmp_path, """\
        LE PETIT CAUSSENARD
        Le journal des habitants de Sauveterre  —  n° 12  —  Printemps 2025
        Conseil municipal du 14 mars 2025
        Le conseil a voté à l'unanimité les tarifs de l'eau et, par 9 voix pour et 2 contre,
        l'achat d'un tracteur. Le procès-verbal est affiché en mairie.
        """)
    document = extract(path)
    assert document.kind == "other"
    assert _warned(path) == []


# the head of a list of the decisions of a sitting, each line saying its outcome
DECISIONS_HEAD = """\
        Mairie de Montredon
        RELEVÉ DES DÉCISIONS DU CONSEIL MUNICIPAL
        Séance du mardi 11 juin 2024
        1°) Budget - décision modificative n° 1 : adoptée à l'unanimité.
        2°) Tarifs de la garderie : adoptés (9 pour, 2 abstentions).
"""


def test_a_list_of_decisions_is_signed_by_the_mayor_alone(tmp_path):
    path = _write(tmp_path, DECISIONS_HEAD + """\
        Affiché le 13 juin 2024.
        Le Maire,
        Irène SOULIÉ
        """)
    assert extract(path).kind == "list"
    assert "missing-signature" not in _warned(path)


def test_a_convention_between_two_collectivities_that_takes_effect_on_a_date(tmp_path):
    path = _write(tmp_path, """\
        CONVENTION DE SERVICE COMMUN
        ENTRE :
        La Commune de Cazals, représentée par son Maire, Monsieur Paul RIVES,
        D'UNE PART,
        ET :
        La Communauté de communes du Causse, représentée par sa Présidente, Madame Lise BOYER,
        D'AUTRE PART,
        ARTICLE 1 - OBJET
        La Commune confie à la Communauté l'instruction des autorisations d'urbanisme.
        ARTICLE 2 - DUREE
        La présente convention prend effet le 1er février 2025. Elle est conclue pour une durée d'un an.
        Fait à Cazals, le ..................
        Pour la Commune,                     Pour la Communauté,
        Le Maire,                            La Présidente,
        Paul RIVES                           Lise BOYER
        """)
    document = extract(path)
    conv = document.conventions[0]
    assert (document.kind, conv.duration, conv.start) == ("convention", "P1Y", "2025-02-01")
    assert [p.name for p in conv.parties] == ["La Commune de Cazals", "La Communauté de communes du Causse"]
    assert _warned(path) == []


def test_a_convention_annexed_whose_parties_are_in_lower_case(tmp_path):
    path = _write(tmp_path, """\
        EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
        Séance du 2 septembre 2024
        Présents : Hélène MAS, Jean PONS, Anne ROUX
        Secrétaire de séance : Anne ROUX
        N° 2024-30 - Convention d'accès à la piscine pour l'école
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention ci-annexée.
        Le Maire,                       La secrétaire de séance,
        Hélène MAS                      Anne ROUX

        CONVENTION D'ACCES A LA PISCINE MUNICIPALE
        Entre la commune de Varen, représentée par son Maire, Madame Hélène MAS,
        Et l'association Les Nageurs du Viaur, représentée par son Président, Monsieur Yves CROS,
        Article 1 - Durée
        Elle est conclue pour l'année scolaire 2024-2025, du 9 septembre 2024 au 27 juin 2025.
        Fait à Varen, le .....
        La Maire,                       Le Président,
        Hélène MAS                      Yves CROS
        """)
    document = extract(path)
    assert document.kind == "extract"
    conv = document.conventions[0]
    assert (conv.start, conv.end_date.isoformat()) == ("2024-09-09", "2025-06-27")
    assert [s.name for s in document.deliberations[0].signatories] == ["Hélène MAS", "Anne ROUX"]
    assert _warned(path) == []


def test_an_amendment_that_ends_with_the_convention(tmp_path):
    path = _write(tmp_path, """\
        AVENANT N° 1 A LA CONVENTION DE FOURRIERE
        Entre
        Le Syndicat mixte du Ségala, représenté par son Président, M. Rémi ALBAR,
        Et
        La Commune de Naucelle, représentée par son Maire, Mme Odile COSTES,
        Article 1 - Durée
        Le présent avenant prend effet au 1er octobre 2024 et s'achève à l'échéance de la convention, le 30 juin 2026.
        Fait à Naucelle, le 20 septembre 2024.
        Le Président,                  Le Maire,
        Rémi ALBAR                     Odile COSTES
        """)
    conv = extract(path).conventions[0]
    assert (conv.start, conv.end_date.isoformat()) == ("2024-10-01", "2026-06-30")
    assert _warned(path) == []


@pytest.mark.parametrize("title", [
    "PROCÈS-VERBAL DE LA COMMISSION D'APPEL D'OFFRES",
    "Compte rendu de la réunion de la commission des travaux",
    "COMPTE-RENDU DU CONSEIL D'ÉCOLE DU 5 NOVEMBRE 2024",
])
def test_the_minutes_of_a_body_that_takes_no_deliberation(tmp_path, title):
    path = _write(tmp_path, f"""\
        VILLE DE PLOËRMEL-SUR-OUST
        {title}
        Réunion du 14 octobre 2024 à 10 heures
        Membres présents : M. Alain GUÉGAN, Président, Mme Rose LE DÛ, M. Yann PÉRON.
        Absente excusée : Mme Gaëlle NICOL.
        La commission décide à l'unanimité de retenir l'offre de l'entreprise Armor Bois.
        Le Président de la commission,
        Alain GUÉGAN
        """)
    document = extract(path)
    assert (document.kind, document.deliberations) == ("other", [])
    assert _warned(path) == []


def test_the_commission_permanente_deliberates(tmp_path):
    """The near-miss: a département's commission permanente takes deliberations."""
    path = _write(tmp_path, """\
        DÉPARTEMENT DU LOT
        PROCÈS-VERBAL DE LA COMMISSION PERMANENTE DU 4 JUILLET 2024
        Présents : Serge MAURY, Anne ROUX, Luc FABRE
        1. Aide aux communes
        La commission permanente, après en avoir délibéré, à l'unanimité, APPROUVE les aides.
        """)
    assert extract(path).kind == "minutes"


@pytest.mark.parametrize("title", ["PROJET DE DÉLIBÉRATION N° 4", "NOTE EXPLICATIVE DE SYNTHÈSE"])
def test_a_draft_sent_before_the_sitting(tmp_path, title):
    path = _write(tmp_path, f"""\
        CONSEIL MUNICIPAL DU 3 DÉCEMBRE 2024
        {title}
        Objet : Tarifs de l'eau 2025
        Vu le Code général des collectivités territoriales,
        Il est proposé au conseil municipal de fixer les tarifs comme suit.
        Le Conseil municipal, après en avoir délibéré, ..........
        """)
    document = extract(path)
    assert (document.kind, document.deliberations) == ("other", [])
    assert _warned(path) == []


def test_a_decision_of_the_bureau_by_delegation_is_an_extract_numbered_by_its_heading(tmp_path):
    path = _write(tmp_path, """\
        COMMUNAUTÉ DE COMMUNES DES MONTS D'AUBRAC
        Extrait du registre des décisions du Bureau communautaire
        Réunion du mardi 4 juin 2024
        Membres du Bureau en exercice : 5 - Présents : 5 - Votants : 5
        Présents : M. Jean VIALA, Mme Rose BRAS, M. Paul COSTES, Mme Anne ROUX, M. Luc FABRE.
        Secrétaire de séance : Mme Anne ROUX.
        Décision n° B-2024-21 - Fonds de concours à la commune de Laguiole
        Vu la délibération n° 2020-44 du Conseil communautaire du 16 juillet 2020 portant délégation au Bureau,
        Le Bureau, après en avoir délibéré, à l'unanimité, ATTRIBUE un fonds de concours de 8 000 €.
        Le Président,                       La secrétaire de séance,
        Jean VIALA                          Anne ROUX
        """)
    document = extract(path)
    assert document.kind == "extract"
    assert [(d.number, d.title) for d in document.deliberations] == [
        ("B-2024-21", "Fonds de concours à la commune de Laguiole")]
    assert _warned(path) == []


@pytest.mark.parametrize("line, title, vote", [
    ("Délibération n° 2023-041 – Tarifs du camping : approuvée par 12 voix pour et 3 contre",
     "Tarifs du camping", (False, 12, 3)),
    ("No 2023-041   Objet : Tarifs du camping        Vote : unanimite", "Tarifs du camping", (True, None, None)),
])
def test_a_list_whose_lines_say_their_outcome_after_the_title(tmp_path, line, title, vote):
    path = _write(tmp_path, f"""\
        COMMUNE DE LA SALVETAT
        LISTE DES DELIBERATIONS
        SEANCE DU CONSEIL MUNICIPAL DU 6 MARS 2023
        {line}
        {line.replace("041", "042").replace("camping", "port")}
        {line.replace("041", "043").replace("camping", "gîte")}
        Le Maire, Paul FABRE
        """)
    document = extract(path)
    assert document.kind == "list"
    read = [(d.number, d.title, (bool(d.vote.unanimous), d.vote.for_, d.vote.against)) for d in document.deliberations]
    assert read == [("2023-041", title, vote), ("2023-042", title.replace("camping", "port"), vote),
                    ("2023-043", title.replace("camping", "gîte"), vote)]


def test_a_list_of_decisions_numbered_1_degree_that_closes_on_questions_diverses(tmp_path):
    path = _write(tmp_path, DECISIONS_HEAD + """\
        3°) Subvention au club de rugby : adoptée à l'unanimité.
        4°) Questions diverses : sans objet.
        Le Maire,
        Irène SOULIÉ
        """)
    numbers = [d.number for d in extract(path).deliberations]
    assert numbers == ["1", "2", "3", "4"]


def _pdf(path, flowables):
    reportlab = pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate
    assert reportlab
    SimpleDocTemplate(str(path), pagesize=A4).build(flowables)
    return str(path)


def test_a_list_of_deliberations_as_a_table_keeps_the_decision_out_of_the_title(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Table

    style = getSampleStyleSheet()["Normal"]
    rows = [["N°", "Objet", "Décision"],
            ["2024-011", Paragraph("Vote du compte administratif 2023", style), Paragraph("Adoptée (14 pour, 1 abstention)", style)],
            ["2024-012", Paragraph("Tarifs de la salle des fêtes", style), "Adoptée à l'unanimité"],
            ["2024-013", Paragraph("Vente d'un terrain communal", style), "Rejetée (5 pour, 10 contre)"]]
    path = _pdf(tmp_path / "liste.pdf", [
        Paragraph("Liste des délibérations du Conseil municipal", style),
        Paragraph("Séance du lundi 8 avril 2024", style), Table(rows, colWidths=[60, 230, 180]),
        Paragraph("Le Maire,", style), Paragraph("Agnès COSTES", style)])
    document = extract(path)
    assert document.kind == "list"
    assert [(d.number, d.title) for d in document.deliberations] == [
        ("2024-011", "Vote du compte administratif 2023"), ("2024-012", "Tarifs de la salle des fêtes"),
        ("2024-013", "Vente d'un terrain communal")]


def test_signature_blocks_side_by_side_in_a_pdf_and_a_wrapped_school_email(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Table

    style = getSampleStyleSheet()["Normal"]
    schools = [["Type", "UAI", "Nom", "Adresse", "Courriel"],
               ["EEPU", "0370412X", Paragraph("École des Tilleuls", style),
                Paragraph("4 rue du Stade 37320 Esvres", style), Paragraph("ce.0370412X@ac-orleans-tours.fr", style)]]
    path = _pdf(tmp_path / "convention.pdf", [
        Paragraph("CONVENTION RELATIVE À L'ESPACE NUMÉRIQUE DE TRAVAIL", style),
        Paragraph("Entre la commune d'Esvres, représentée par son Maire, M. Hugo DELMAS,", style),
        Paragraph("Et l'association Les Amis de l'École, représentée par sa Présidente, Mme Inès CARON,", style),
        Paragraph("Article 1 – Durée", style),
        Paragraph("La convention est conclue pour une durée de trois ans à compter de sa signature.", style),
        Paragraph("Fait à Esvres, le 3 mars 2025", style),
        Table([["Le Maire,", "La Présidente,"], ["Hugo DELMAS", "Inès CARON"]], colWidths=[200, 200]),
        Paragraph("ANNEXE – Liste des écoles", style), Table(schools, colWidths=[40, 65, 100, 130, 90])])
    conv = extract(path).conventions[0]
    assert [s.name for s in conv.signatories] == ["Hugo DELMAS", "Inès CARON"]
    assert [s.email for s in conv.schools] == ["ce.0370412X@ac-orleans-tours.fr"]
    assert _warned(path) == []


def test_an_arrete_under_a_long_letterhead_and_one_read_by_ocr(tmp_path):
    letterhead = "RÉPUBLIQUE FRANÇAISE\n    Liberté – Égalité – Fraternité\n    Département du Cantal\n" \
                 "    Arrondissement d'Aurillac\n    Commune de Marmanhac\n    Police municipale\n"
    for title in ("ARRÊTÉ N° PM-2024-12", "ARRETE MUNlCIPAL N° 2O24-O12"):
        path = _write(tmp_path, ARRETE.replace("MAIRIE DE SAINT-GENIÈS\n", letterhead).format(title=title))
        document = extract(path)
        assert (document.kind, document.title, document.deliberations) == ("other", title, [])


def test_minutes_that_list_the_mayors_decisions_below_their_opening_are_minutes(tmp_path):
    """The near-miss: "Décision n°" low in the opening of minutes that show the sitting held."""
    path = _write(tmp_path, """\
        Commune de Marmanhac
        Séance du conseil municipal du 4 mars 2024
        Présents : Jean PONS, Anne ROUX, Luc FABRE
        Secrétaire de séance : Anne ROUX
        Décisions prises par le Maire par délégation :
        Décision n° 2024-03 : bail du logement de l'école
        1. Tarifs de la cantine
        Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
        """)
    document = extract(path)
    assert document.kind != "other" and document.deliberations


def test_a_convocation_sent_by_email(tmp_path):
    path = _write(tmp_path, """\
        De : Mairie de Salers <mairie@salers.example>
        Envoyé : lundi 4 novembre 2024 10:12
        Objet : Convocation au conseil municipal du 12 novembre 2024
        Mesdames, Messieurs les conseillers municipaux,
        J'ai l'honneur de vous convoquer à la séance du conseil municipal du mardi 12 novembre 2024.
        Ordre du jour :
        - Approbation du procès-verbal du 8 octobre 2024
        - Décision modificative n° 2
        Le Maire, Denis FAURIEL
        """)
    document = extract(path)
    assert (document.kind, document.deliberations) == ("other", [])
    assert _warned(path) == []


def test_a_note_in_a_margin_box_above_the_minutes_title(tmp_path):
    """The near-miss of the drafts: "Note de synthèse ..." left in a margin box above the
    minutes' own title does not make the minutes a draft."""
    path = _write(tmp_path, """\
        Note de synthèse du conseil municipal du 2 avril 2024
        PROCÈS-VERBAL DU CONSEIL MUNICIPAL DE LA COMMUNE DE SALERS
        Séance du 9 avril 2024
        Présents : Jean PONS, Anne ROUX, Luc FABRE
        Secrétaire de séance : Anne ROUX
        1. Tarifs de la cantine
        Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
        """)
    document = extract(path)
    assert document.kind == "minutes" and document.deliberations


VALMONT_PARTIES = """\
    ENTRE :
    La commune de Valmont, représentée par son Maire, Monsieur Jean ROUX,
    D'une part,
    ET :
    L'association Valmont Sports, représentée par sa Présidente, Madame Anne GIRARD,
    D'autre part,
    Article 1 : Objet
    La commune met le gymnase à la disposition de l'association le mercredi.
"""


# A convention that opens on its title and sets out its purpose in a preamble before its parties:
# the preamble, however many lines it is wrapped over, is the convention's, and a deliberation it
# cites ("fixés par délibération") makes no extract of it.
CONVENTION_WITH_A_PREAMBLE = """\
    CONVENTION DE MISE À DISPOSITION DES ÉQUIPEMENTS SPORTIFS MUNICIPAUX
    À TITRE PRÉCAIRE ET RÉVOCABLE

    La présente convention a pour objet de définir les conditions dans
    lesquelles la commune met à disposition de ses usagers les locaux
    du complexe sportif du Val, ses vestiaires et son matériel.

    Selon le type d'utilisateur (associations de la commune ou d'ailleurs,
    comités, fédérations, sociétés privées, particuliers) et la nature
    des activités (sports, loisirs, autres), les créneaux pourront être
    facturés selon la grille des tarifs en vigueur, fixée
    par délibération.

""" + VALMONT_PARTIES + """\
    Article 2 : Durée
    La convention est conclue pour un an à compter du 1er septembre 2025.
    Fait à Valmont, le 2 juillet 2025
    Le Maire,                       La Présidente,
    Jean ROUX                       Anne GIRARD
    """


def test_a_convention_whose_preamble_stands_between_its_title_and_its_parties(tmp_path):
    document = extract(_write(tmp_path, CONVENTION_WITH_A_PREAMBLE))
    assert (document.kind, len(document.deliberations), len(document.conventions)) == ("convention", 0, 1)
    assert document.title.startswith("CONVENTION DE MISE À DISPOSITION DES ÉQUIPEMENTS SPORTIFS")
    assert [p.name for p in document.conventions[0].parties] == ["La commune de Valmont", "L'association Valmont Sports"]


def test_minutes_that_quote_a_convention_without_its_title_keep_the_item_that_presents_it(tmp_path):
    """The near miss: the convention's title is searched back to the document's opening only
    when the document opens on it; in minutes, the item heading and the mayor's words above a
    quoted convention stay the council's."""
    document = extract(_write(tmp_path, """\
    PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 3 JUIN 2025
    Membres en exercice : 11 - Présents : 9 - Votants : 9
    Présents : Jean ROUX, Anne GIRARD, Paul BLANC, Marie NOIR, Luc VERT, Léa GRIS, Tom BRUN, Eva ROSE, Max JAUNE
    Secrétaire de séance : Anne GIRARD
    1. Convention avec l'association Valmont Sports
    Monsieur le Maire expose que l'association Valmont Sports demande
    à disposer du gymnase le mercredi après-midi pour ses entraînements
    de jeunes, comme les années passées, et que la commune peut le lui
    accorder à titre gratuit en contrepartie de l'entretien du matériel.
    Il donne lecture du projet de convention, dont les termes suivent,
    et rappelle que les tarifs des salles ont été fixés par délibération
    du 12 janvier dernier pour les autres usagers, qui les acquittent
    chaque trimestre auprès du régisseur de recettes de la commune.
""" + VALMONT_PARTIES + """\
    Le conseil municipal, après en avoir délibéré, à l'unanimité, approuve la convention.
    2. Tarifs de la cantine
    Le conseil municipal, après en avoir délibéré, à l'unanimité, fixe le prix du repas à 3,50 euros.
    """))
    assert document.kind == "minutes"
    assert [d.title for d in document.deliberations] == ["Convention avec l'association Valmont Sports",
                                                           "Tarifs de la cantine"]


def test_a_convention_titled_on_one_long_line(tmp_path):
    """A title of 120 characters on one line (a text or Markdown file does not wrap it) is still
    the document's title when the document opens on it."""
    title = ("CONVENTION DE MISE À DISPOSITION DES ÉQUIPEMENTS SPORTIFS MUNICIPAUX À TITRE PRÉCAIRE "
             "ET RÉVOCABLE POUR LA SAISON 2025-2026")
    body = CONVENTION_WITH_A_PREAMBLE.replace(
        "CONVENTION DE MISE À DISPOSITION DES ÉQUIPEMENTS SPORTIFS MUNICIPAUX\n    À TITRE PRÉCAIRE ET RÉVOCABLE",
        title)
    assert title in body and len(title) > 110
    document = extract(_write(tmp_path, body))
    assert (document.kind, document.title, len(document.deliberations)) == ("convention", title, 0)
