"""Ways of writing the sitting's head and its attendance, each in a short document of our own
(invented names and places), with the reading expected and the false findings that must not
come (see test_ways_of_writing.py).  The line-level cases of each recogniser are run by
tests/test_recognisers.py."""

from __future__ import annotations

from ent_lint.api import extract, lint

from helpers import write_document as _write


def _severe(path: str) -> list[str]:
    return sorted(f.rule for f in lint(path).findings if f.severity in ("error", "warning"))


def _names(people) -> list[str]:
    return [p.name for p in people]


def _pairs(proxies) -> list[tuple[str, str]]:
    return [(p.grantor.name, p.holder.name) for p in proxies]


HEAD = """\
    COMMUNE DE SAINT-ALBAN-DES-PRÉS
    EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
    Séance du 9 avril 2024
    """
ITEM = """\
    Délibération n° 2024-017
    Objet : Vente d'un terrain communal
    Le conseil municipal, après en avoir délibéré, à l'unanimité, AUTORISE le maire à signer l'acte.
    Le Maire,                                  Le secrétaire de séance,
    Hervé CASTAN                               Léon FABRE
    """


def test_a_proxy_whose_grantor_carries_a_note_before_the_holder(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Le neuf avril deux mille vingt-quatre, à vingt heures, le conseil municipal s'est réuni sous la
        présidence de M. Hervé CASTAN, maire.
        Conseillers en exercice : 7 – Présents : 4 – Pouvoirs : 2 – Votants : 6
        Présents : H. CASTAN, L. FABRE, M. ROUQUIÉ, A. SERVANT.
        Pouvoirs : J.-P. BARRAU (1er adjoint) à H. CASTAN ; Mme Lise TARDIEU (Les Prés) à M. Léon FABRE.
        Absent : R. VIGUIER.
        Secrétaire de séance : Léon FABRE
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert _pairs(delib.proxies) == [("J.-P. BARRAU", "H. CASTAN"), ("Lise TARDIEU", "Léon FABRE")]
    assert delib.proxies[0].grantor.note == "1er adjoint"
    assert delib.session.time == "20:00"
    assert _severe(path) == []


def test_a_member_represented_by_another_written_in_the_absence_list(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Le conseil municipal s'est réuni sous la présidence de M. Hervé CASTAN, maire.
        4 conseillers présents sur 6 en exercice, 1 pouvoir, 5 votants.
        Présents : Hervé CASTAN, Léon FABRE, Marthe ROUQUIÉ, Alain SERVANT.
        Absents : Mme Lise TARDIEU, représentée par M. Léon FABRE ; M. Roland VIGUIER.
        Secrétaire de séance : Léon FABRE
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert _pairs(delib.proxies) == [("Lise TARDIEU", "Léon FABRE")]
    assert _names(delib.absent) == ["Roland VIGUIER"]
    assert (delib.counts.present, delib.counts.in_office) == (4, 6)
    assert _severe(path) == []


def test_a_member_who_arrives_after_a_vote_and_one_who_leaves_with_a_proxy(tmp_path):
    path = _write(tmp_path, """\
        COMMUNE DE KERLAZ-VIHAN
        PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 21 MARS 2024
        Le vingt et un mars deux mille vingt-quatre à 20 h 30, le conseil municipal s'est réuni à la
        mairie sous la présidence de M. Yann KERGOAT, Maire.
        Présents : Yann KERGOAT, Anne GUILLERM, Paul ROPERS, Lise QUÉMÉNER, Gilles CARIOU.
        Absents excusés : Hervé PRIAT (pouvoir à Anne GUILLERM), Nolwenn BODIOU.
        En exercice : 7 – Présents : 5 – Votants : 6
        Secrétaire de séance : Lise QUÉMÉNER.
        1. Approbation du procès-verbal de la séance précédente
        Le procès-verbal est approuvé à l'unanimité.
        Arrivée de Mme Nolwenn BODIOU à 20 h 45, avant le vote de la délibération n° 2.
        2. Budget primitif 2024
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ADOPTE le budget primitif.
        M. Gilles CARIOU quitte la séance et donne pouvoir à M. Paul ROPERS.
        3. Subventions aux associations
        Le conseil municipal, après en avoir délibéré, par 6 voix pour et 1 abstention, ATTRIBUE les subventions.
        Le Maire,                                  La secrétaire de séance,
        Yann KERGOAT                               Lise QUÉMÉNER
        """)
    first, second, third = extract(path).deliberations
    assert len(first.present) == 5 and first.arrived == []  # she arrives after the first vote
    assert _names(second.arrived) == ["Nolwenn BODIOU"] and len(second.present) == 6
    assert len(third.present) == 5
    assert ("Gilles CARIOU", "Paul ROPERS") in _pairs(third.proxies)
    assert third.proxies[-1].grantor.note == "quitte la séance"
    assert _severe(path) == []  # 6 + 1 = 5 present and 2 proxies: no vote-total, no absent grantor


def test_the_secretary_elected_in_the_words_of_the_cgct_and_one_not_read(tmp_path):
    body = HEAD + """\
        Le conseil municipal s'est réuni sous la présidence de M. Hervé CASTAN, maire.
        Présents : Hervé CASTAN, Léon FABRE, Marthe ROUQUIÉ, Alain SERVANT.
        Absent : néant.
        Il a été procédé, conformément à l'article L. 2121-15 du CGCT, à l'élection d'un secrétaire pris
        dans le sein du conseil. {who}
        """ + ITEM
    path = _write(tmp_path, body.format(who="M. Léon FABRE ayant obtenu la majorité des suffrages, a été\n"
                                            "        désigné pour remplir ces fonctions qu'il a acceptées."))
    assert extract(path).deliberations[0].secretary.name == "Léon FABRE"
    assert "secretary-not-present" not in _severe(path)
    # the sentence in words no recogniser knows: the secretary is in doubt, not missing
    unread = _write(tmp_path, body.format(who="Le benjamin, Léon, s'est vu confier cette charge."), "unread.txt")
    delib = extract(unread).deliberations[0]
    assert delib.secretary is None and "secretary" in delib.doubts
    assert "secretary-not-present" not in _severe(unread)
    assert any(f.rule == "unreadable-part" for f in lint(unread).findings)


def test_counts_and_names_with_letters_ocr_read_for_digits(tmp_path):
    path = _write(tmp_path, """\
        Commune de Vi1lers-sur-Ognon
        EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL
        Nombre de conseillers
        en exercice : 1O
        présents : 8
        votants : 9
        Séance du 14 novembre 2O23
        L'an deux mille vingt-trois, le quatorze novembre à 19 heures, le Conseil Municipal s'est réuni
        sous la présidence de M. Rémi VUI0T, Maire.
        Présents : MM. VUI0T, BLANCHOT, GIRARDIN, Mmes PERRET, FAIVRE, MM. JEANNOT, COURVOISIER, Mme BOILLOT.
        Absents excusés : M. DROUHIN (pouvoir à M. VUI0T), Mme LACOSTE.
        Secrétaire : M. GIRARDIN
        Objet : Tarif de l'affouage
        Le Conseil Municipal, après en avoir délibéré, à l'unanimité, FIXE le prix de la portion.
        Le Maire,                                  Le secrétaire,
        Rémi VUI0T                                 Marc GIRARDIN
        """)
    delib = extract(path).deliberations[0]
    assert delib.counts.in_office == 10 and "counts.in_office" in delib.doubts
    assert "VUI0T" in _names(delib.present) and "present" in delib.doubts
    assert _pairs(delib.proxies) == [("DROUHIN", "VUI0T")]
    assert _severe(path) == []


def test_lists_under_inclusive_labels(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Le conseil municipal s'est réuni sous la présidence de Mme Évelyne TARDY, Maire.
        Présentes et présents : Évelyne TARDY, Karine AUBIN, Josselin BIGOT, Léon FABRE.
        Excusé(e)s : Laure PAPON représentée par Karine AUBIN ; Brigitte SAUZE.
        Absent(e)s : néant
        Secrétaire élue : Karine AUBIN
        Nombre de membres : en exercice 6 / présents 4 / représentés 1 / votants 5
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert len(delib.present) == 4
    assert _pairs(delib.proxies) == [("Laure PAPON", "Karine AUBIN")]
    assert _names(delib.absent) == ["Brigitte SAUZE"]
    assert delib.lists_complete
    assert _severe(path) == []


def test_substitutes_who_sit_and_vote_for_members_of_a_committee(tmp_path):
    path = _write(tmp_path, """\
        SYNDICAT MIXTE DU BASSIN DE LA BRIVE
        Extrait du registre des délibérations du Comité syndical
        Réunion du 23 mai 2024
        Le Comité syndical s'est réuni sous la présidence de M. Joël BRIAND, Président.
        Délégués titulaires présents : M. Joël BRIAND, Mme Nadia GRIMAL, M. Franck OGIER.
        Délégués suppléants présents avec voix délibérative : M. Thierry MÉNAGER (suppléant de M. Yves
        BROSSARD).
        Excusés : M. Yves BROSSARD, M. Jérôme BOUTIN.
        Délégués en exercice : 5 – présents : 4 – votants : 4
        Secrétaire : Mme Nadia GRIMAL.
        Délibération n° 2024-15 : Programme de restauration des cours d'eau
        Le Comité syndical, après en avoir délibéré, à l'unanimité, APPROUVE le programme.
        Le Président,                              La secrétaire de séance,
        Joël BRIAND                                Nadia GRIMAL
        """)
    delib = extract(path).deliberations[0]
    assert _names(delib.present) == ["Joël BRIAND", "Nadia GRIMAL", "Franck OGIER", "Thierry MÉNAGER"]
    assert _names(delib.absent) == ["Yves BROSSARD", "Jérôme BOUTIN"]  # replaced, yet absent
    assert _severe(path) == []


def test_the_hour_of_the_opening_in_other_sentences(tmp_path):
    for opening, hour in (("La séance est ouverte à 20 h 15 sous la présidence de M. Hervé CASTAN.", "20:15"),
                          ("L'an deux mille vingt-quatre, le neuf avril à 20 heures 30, le conseil s'est réuni "
                           "sous la présidence de M. Hervé CASTAN.", "20:30"),
                          ("Le conseil, convoqué le 2 avril 2024 à 18 heures, s'est réuni le mardi sous la "
                           "présidence de M. Hervé CASTAN.", None)):
        path = _write(tmp_path, HEAD + opening + "\n" + ITEM)
        assert extract(path).deliberations[0].session.time == hour, opening


GRID = """\
    COMMUNE DE BEAUSSAC-LA-ROCHE
    EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS
    Séance du 19 février 2024 à 20 h 00
    Présidence : M. Jean-Yves RIBOT, Maire

    En exercice   Présents   Représentés   Votants
        6            4           1            5

    Conseillers          Présent   Excusé   Absent   Pouvoir donné à
    RIBOT Jean-Yves         X
    AUDOIN Carole           X
    BRIAUD Hugues                     X              AUDOIN Carole
    CHARRON Élise           X
    DANIEL Michel           X
    ÉPARVIER Nadine                            X
{extra}
    Secrétaire de séance : Carole AUDOIN

    Délibération 2024-006 – Tarifs de la salle polyvalente
    Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
    Le Maire,                                  La secrétaire de séance,
    Jean-Yves RIBOT                            Carole AUDOIN
    """


def test_an_attendance_grid_of_every_member_laid_out_in_text_columns(tmp_path):
    path = _write(tmp_path, GRID.format(extra=""))
    delib = extract(path).deliberations[0]
    assert _names(delib.present) == ["RIBOT Jean-Yves", "AUDOIN Carole", "CHARRON Élise", "DANIEL Michel"]
    assert _pairs(delib.proxies) == [("BRIAUD Hugues", "AUDOIN Carole")]
    assert _names(delib.absent) == ["ÉPARVIER Nadine"]
    counts = delib.counts
    assert (counts.in_office, counts.present, counts.represented, counts.voting) == (6, 4, 1, 5)
    assert delib.lists_complete and _severe(path) == []
    # a row that marks nothing is not guessed: the grid is then in doubt
    doubtful = _write(tmp_path, GRID.format(extra="    FOURNIER Paul"), "doubtful.txt")
    assert "present" in extract(doubtful).deliberations[0].doubts
    assert _severe(doubtful) == []


def test_an_attendance_grid_drawn_as_a_table_in_a_pdf(tmp_path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["Normal"]
    rows = [["Nom Prénom", "Présent", "Absent", "Excusé", "Procuration à"],
            ["BARDOUX Claude", "X", "", "", ""], ["CASTELLE Mireille", "X", "", "", ""],
            ["DUFAU Romain", "", "", "X", "BARDOUX Claude"], ["ESPIAUBE Gisèle", "X", "", "", ""],
            ["MONTANÉ Sylvie", "", "X", "", ""]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = str(tmp_path / "grid.pdf")
    SimpleDocTemplate(path, pagesize=A4).build(
        [Paragraph(text, style) for text in ("COMMUNE DE SAINT-PAUL-DE-BIGORRE",
                                             "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL",
                                             "Séance du 7 mai 2024",
                                             "Le conseil municipal s'est réuni à 20 heures 30 sous la présidence "
                                             "de M. Claude BARDOUX, Maire.")]
        + [Spacer(1, 8), table, Spacer(1, 8)]
        + [Paragraph(text, style) for text in ("Membres en exercice : 5 – Présents : 3 – Votants : 4",
                                             "Secrétaire de séance : Mme Gisèle ESPIAUBE",
                                             "Délibération n° 2024-21 – Location du gîte communal",
                                             "Le conseil municipal, après en avoir délibéré, à l'unanimité, "
                                             "FIXE le loyer du gîte.")])
    delib = extract(path).deliberations[0]
    assert _names(delib.present) == ["BARDOUX Claude", "CASTELLE Mireille", "ESPIAUBE Gisèle"]
    assert _pairs(delib.proxies) == [("DUFAU Romain", "BARDOUX Claude")]
    assert _names(delib.absent) == ["MONTANÉ Sylvie"]
    assert delib.session.time == "20:30"
    assert [r for r in _severe(path) if r != "missing-signature"] == []


def test_the_members_present_out_of_the_members_in_office_in_a_sentence(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Le Maire, M. Hervé CASTAN, ouvre la séance et constate que 4 conseillers sur 6 sont présents ;
        le quorum est atteint.
        Présents : Hervé CASTAN, Léon FABRE, Marthe ROUQUIÉ, Alain SERVANT.
        Secrétaire de séance : Léon FABRE
        """ + ITEM)
    counts = extract(path).deliberations[0].counts
    assert (counts.present, counts.in_office) == (4, 6)


def test_a_holder_whose_surname_the_line_break_sent_to_the_next_line(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Le conseil municipal s'est réuni sous la présidence de Mme Claire LEBRUN, Maire.
        Présents : Claire LEBRUN, Gérard BESSON, Laurent NEVERS, Yves PAVIE.
        Absents ayant donné pouvoir : M. Daniel RIVET à Mme Claire
        LEBRUN, Mme Lydie SAUVAT à M. Gérard BESSON.
        Secrétaire de séance : M. Laurent NEVERS.
        """ + ITEM)
    assert _pairs(extract(path).deliberations[0].proxies) == [("Daniel RIVET", "Claire LEBRUN"),
                                                              ("Lydie SAUVAT", "Gérard BESSON")]


def test_proxies_and_absences_said_in_the_sentences_of_a_paragraph(tmp_path):
    path = _write(tmp_path, """\
        MAIRIE DE SAINT-CÔME-D'OLT
        Compte rendu de la réunion du conseil municipal du 04/03/2024 à 19h
        Le Maire, M. Bernard PRIEUR, ouvre la séance et constate que 4 conseillers sur 7 sont présents ;
        le quorum est atteint. Mme Odile CASSE a donné procuration à M. Bernard PRIEUR. Mme Lucie
        VAYRE est absente excusée et M. Fabien RIGOT est absent.
        Étaient présents : Bernard PRIEUR, Claude ANDRAL, Mireille BOUSQUET, Alain CANTALOUBE.
        Mme Mireille BOUSQUET est nommée secrétaire de séance.
        1) Travaux de voirie 2024
        Après en avoir délibéré, le conseil municipal, à l'unanimité, retient l'entreprise.
        """)
    delib = extract(path).deliberations[0]
    assert _pairs(delib.proxies) == [("Odile CASSE", "Bernard PRIEUR")]
    assert _names(delib.absent) == ["Lucie VAYRE", "Fabien RIGOT"]
    assert (delib.counts.present, delib.counts.in_office) == (4, 7)
    assert delib.lists_complete
    assert _severe(path) == []


def test_the_president_named_after_the_office_and_the_secretary_after_a_label(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Le conseil municipal s'est réuni sous la présidence de Monsieur le Maire, Hervé CASTAN.
        Présents : Hervé CASTAN, Léon FABRE, Marthe ROUQUIÉ, Alain SERVANT.
        Absent : néant.
        Désignation du secrétaire de séance : M. Léon FABRE est désigné secrétaire de séance à
        l'unanimité.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert delib.session.president.name == "Hervé CASTAN"
    assert delib.secretary.name == "Léon FABRE"
    assert _severe(path) == []


def test_lists_side_by_side_one_column_each(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Sous la présidence de M. Hervé CASTAN, Maire.
        En exercice : 7 – Présents : 4 – Pouvoirs : 2 – Votants : 6

        Présents                     Absents excusés              Pouvoirs
        Hervé CASTAN                 Lise TARDIEU                 Lise TARDIEU à Hervé CASTAN
        Léon FABRE                   Paul BARRAU                  Paul BARRAU à Léon FABRE
        Marthe ROUQUIÉ               Roland VIGUIER
        Alain SERVANT

        Secrétaire de séance : Léon FABRE
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert _names(delib.present) == ["Hervé CASTAN", "Léon FABRE", "Marthe ROUQUIÉ", "Alain SERVANT"]
    assert _pairs(delib.proxies) == [("Lise TARDIEU", "Hervé CASTAN"), ("Paul BARRAU", "Léon FABRE")]
    assert _names(delib.absent) == ["Roland VIGUIER"]
    assert delib.lists_complete and _severe(path) == []


# A community council's grid: each delegate under the commune that sends them, the commune first.
COMMUNITY_GRID = [["Commune", "Délégués", "Présent", "Absent", "Pouvoir donné à"],
                  ["Arlanc", "FAURE Josiane", "X", "", ""],
                  ["Arlanc", "MOULIN Gérard", "", "X", ""],
                  ["Beurières", "TIXIER Paul", "", "", "FAURE Josiane"],
                  ["Dore-l'Église", "VIALLE Odette", "X", "", ""],
                  ["Novacelles", "ROCHE Bernard", "X", "", ""]]
COMMUNITY_LINES = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE",
                   "Séance du 12 mars 2024",
                   "Le conseil communautaire s'est réuni à 18 heures sous la présidence de Mme Josiane FAURE.")
COMMUNITY_TAIL = ("Délégués en exercice : 5 – Présents : 3 – Votants : 4",
                  "Secrétaire de séance : Mme Odette VIALLE",
                  "Délibération n° 2024-08 – Adhésion au syndicat des eaux",
                  "Le conseil communautaire, après en avoir délibéré, à l'unanimité, APPROUVE l'adhésion.")


def _community_council_read(delib) -> None:
    assert _names(delib.present) == ["FAURE Josiane", "VIALLE Odette", "ROCHE Bernard"]
    assert _pairs(delib.proxies) == [("TIXIER Paul", "FAURE Josiane")]
    assert _names(delib.absent) == ["MOULIN Gérard"]
    assert delib.lists_complete and not delib.doubts.get("present")


def test_a_community_councils_grid_drawn_with_the_commune_first(tmp_path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["Normal"]
    table = Table(COMMUNITY_GRID)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = str(tmp_path / "grid.pdf")
    SimpleDocTemplate(path, pagesize=A4).build(
        [Paragraph(text, style) for text in COMMUNITY_LINES] + [Spacer(1, 8), table, Spacer(1, 8)]
        + [Paragraph(text, style) for text in COMMUNITY_TAIL])
    _community_council_read(extract(path).deliberations[0])


def test_a_community_councils_grid_as_a_markdown_table_with_the_commune_first(tmp_path):
    rows = ["| " + " | ".join(row) + " |" for row in COMMUNITY_GRID]
    rows.insert(1, "|" + "---|" * len(COMMUNITY_GRID[0]))
    path = tmp_path / "grid.md"
    path.write_text("\n\n".join(COMMUNITY_LINES) + "\n\n" + "\n".join(rows) + "\n\n" + "\n\n".join(COMMUNITY_TAIL) + "\n",
                    encoding="utf-8")
    _community_council_read(extract(str(path)).deliberations[0])


def test_a_table_whose_names_column_is_not_one_of_members_is_no_grid(tmp_path):
    """The near miss: a table of subsidies by commune, with a « Présent » column of another sense
    (present in the programme), names no member and reads as no attendance."""
    rows = [["Commune", "Association", "Présent", "Montant"],
            ["Arlanc", "Club de l'amitié", "X", "300 €"],
            ["Novacelles", "Comité des fêtes", "X", "450 €"]]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|---|---|---|---|")
    path = tmp_path / "subsidies.md"
    path.write_text("\n\n".join(COMMUNITY_LINES) + "\n\nPrésents : Mme Josiane FAURE, M. Bernard ROCHE.\n\n"
                    + "\n".join(lines) + "\n\n" + "\n\n".join(COMMUNITY_TAIL) + "\n", encoding="utf-8")
    delib = extract(str(path)).deliberations[0]
    assert _names(delib.present) == ["Josiane FAURE", "Bernard ROCHE"] and not delib.proxies and not delib.absent


def test_an_empty_cell_between_pipes_keeps_its_column_and_tabs_still_align():
    from ent_lint.readers.text import read_text

    source = read_text("t.md", "| Nom | Présent | Absent |\n|---|---|---|\n| DURAND Paul | | X |\n"
                                "| MARTIN Léa | X | |\n".encode(), markdown=True)
    [table] = source.tables
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Nom", "Présent", "Absent"], ["DURAND Paul", "", "X"], ["MARTIN Léa", "X", ""]]
    tabbed = read_text("t.txt", "Nom\t\tPrésent\tAbsent\nDURAND Paul\tX\t\tnon\n".encode(), markdown=False)
    assert [[cell.text for cell in row] for row in tabbed.tables[0].rows] == [
        ["Nom", "Présent", "Absent"], ["DURAND Paul", "X", "non"]]
