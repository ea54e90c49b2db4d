"""Short documents of our own in ways of writing items and outcomes: items opened by the member
who reports on them, outcomes written in words without a count, motions put to the council."""

from __future__ import annotations

from ent_lint.api import extract, lint

from helpers import write_document as _write


def _rules(path: str, *severities: str) -> list[str]:
    return sorted(f.rule for f in lint(path).findings if f.severity in severities)


MINUTES_HEAD = """\
    CONSEIL MUNICIPAL DU 12 AVRIL 2024
    L'an deux mil vingt-quatre, le douze avril, à dix-neuf heures, le Conseil Municipal de la
    commune de Saint-Aubin-des-Prés s'est réuni sous la présidence de Monsieur Paul BERTIN, Maire.
    Présents : MM. BERTIN, DUCLOS, Mmes FAURE, GIRARD, MM. HENRY, JOLY, LEMAIRE, Mme NOEL et M. PERRIN.
    Absente représentée : Mme ROUX par M. BERTIN.
    Madame GIRARD a été désignée secrétaire de séance.
    Nombre de Conseillers en exercice : 11
    Nombre de Conseillers présents : 9
    Nombre de Conseillers représentés : 1
    """


def test_items_opened_by_the_member_who_reports_and_the_sections_of_a_report(tmp_path):
    path = _write(tmp_path, MINUTES_HEAD + """\
        COMPTE ADMINISTRATIF 2023 :
        Monsieur DUCLOS donne lecture du rapport suivant :
        LES DEPENSES DE FONCTIONNEMENT
        Elles s'élèvent à 512 300,00 €.
        LES RECETTES DE FONCTIONNEMENT
        Elles s'élèvent à 601 450,00 €.
        Monsieur le Maire s'étant retiré, le Conseil vote le compte administratif.
        Adopté à l'unanimité par le Conseil Municipal.
        BUDGET PRIMITIF 2024 :
        Madame FAURE donne lecture du rapport suivant :
        La Commission des Finances vous propose d'inscrire au budget les crédits ci-après :
        SECTION DE FONCTIONNEMENT
        Dépenses : 630 000 €
        Tarifs de la salle des fêtes :
        Rapporteur : M. HENRY
        Les tarifs proposés pour 2024 sont joints.
        Adopté à l'unanimité par le Conseil Municipal.
        TRAVAUX :
        Ø
         REFECTION DU MUR DU CIMETIERE
        Monsieur JOLY donne lecture du rapport :
        Le devis de l'entreprise s'élève à 8 400 €.
        Adopté à l'unanimité par le Conseil Municipal.
        """)
    document = extract(path)
    assert [d.title for d in document.deliberations] == [
        "COMPTE ADMINISTRATIF 2023", "BUDGET PRIMITIF 2024", "Tarifs de la salle des fêtes",
        "TRAVAUX : REFECTION DU MUR DU CIMETIERE"]
    # the sections of the first report are no items; its vote is its own
    assert document.deliberations[0].vote.unanimous is True
    # the budget is put to the council and no outcome is written: a note in minutes
    budget = document.deliberations[1]
    assert budget.deliberative and not budget.vote.stated
    notes = [f for f in lint(path).findings if f.rule == "vote-missing"]
    assert [(f.severity, f.line) for f in notes] == [("info", 18)]  # "BUDGET PRIMITIF 2024 :"
    assert _rules(path, "error", "warning") == []


def test_a_reading_of_letters_or_one_report_opens_no_items(tmp_path):
    # a member reading a letter is no report; two reports alone are not how the items are written
    path = _write(tmp_path, MINUTES_HEAD + """\
        1. Subvention au club de football
        Monsieur le Maire donne lecture du courrier du club.
        Le conseil, après en avoir délibéré, à l'unanimité, accorde 500 €.
        2. Tarifs de la cantine
        Rapporteur : Mme FAURE
        Le conseil, après en avoir délibéré, à l'unanimité, fixe les tarifs.
        """)
    assert [d.number for d in extract(path).deliberations] == ["1", "2"]


def test_an_outcome_in_words_without_a_count_is_an_outcome(tmp_path):
    extract_head = """\
        EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
        Séance du 12 mars 2024
        Nombre de membres en exercice : 15
        Nombre de votants : 14
        Délibération n° 2024-07 : Convention de déneigement
        Le conseil municipal, après en avoir délibéré, autorise le Maire à signer la convention.
        """
    ways = {"Adopté à la majorité.": "adopted", "Adoptée, sauf par M. ROY qui s'abstient.": "adopted",
            "La proposition est rejetée.": "rejected", "Résultat du vote : adopté": "adopted",
            "Vote à main levée : adoptée à la majorité": "adopted",
            "Le Conseil, à la majorité absolue des suffrages exprimés, confirme sa décision.": "adopted"}
    for index, (line, outcome) in enumerate(ways.items()):
        path = _write(tmp_path, extract_head + "        " + line + "\n", f"e{index}.txt")
        document = extract(path)
        assert document.deliberations[0].vote.outcome == outcome, line
        assert "vote-missing" not in _rules(path, "error", "warning", "info"), line
    # "adoptée par 14 voix": the votes for, the word "pour" left out
    path = _write(tmp_path, extract_head + "        Délibération adoptée par 14 voix.\n", "by.txt")
    vote = extract(path).deliberations[0].vote
    assert (vote.for_, vote.against, vote.outcome) == (14, None, None)
    assert "vote-missing" not in _rules(path, "warning")
    # near miss: another act's approval, with a date, is no outcome of this vote
    path = _write(tmp_path, extract_head + "        Le règlement approuvé par délibération du 2 mai 2023 reste en vigueur.\n",
                  "near.txt")
    assert extract(path).deliberations[0].vote.outcome is None
    assert "vote-missing" in _rules(path, "warning")


def test_the_chair_proposing_in_a_verbatim_record_is_no_motion(tmp_path):
    path = _write(tmp_path, MINUTES_HEAD + """\
        I. DESIGNATION DU SECRETAIRE DE SEANCE
        Monsieur le Maire : je vous propose de retirer un point de l'ordre du jour.
        Madame NOEL : Pourquoi ?
        II. TARIFS DE LA CANTINE
        Il est proposé au conseil municipal de fixer les tarifs.
        III. SUBVENTIONS
        Le conseil, après en avoir délibéré, à l'unanimité, accorde les subventions.
        IV. TRAVAUX
        Le conseil, après en avoir délibéré, à l'unanimité, approuve les travaux.
        """)
    document = extract(path)
    assert [d.deliberative for d in document.deliberations] == [False, True, True, True]
    missing = [f for f in lint(path).findings if f.rule == "vote-missing"]
    assert [f.line for f in missing] == [13]  # "II. TARIFS DE LA CANTINE"


def test_subjects_each_followed_by_their_rapporteur_are_the_items(tmp_path):
    path = _write(tmp_path, """\
        COMPTE RENDU DU CONSEIL MUNICIPAL DU 5 MARS 2024
        Présents : Anne MARTIN, Paul DURAND, Luc PETIT, Marie BLANC
        Secrétaire de séance : Paul DURAND

        Objet : Tarifs de la cantine scolaire
        Rapporteur : Mme Marie BLANC
        Le conseil municipal, après en avoir délibéré, à l'unanimité, fixe les tarifs.

        Objet : Subvention au comité des fêtes
        Rapporteur : M. Luc PETIT
        Le conseil municipal, après en avoir délibéré, par 3 voix pour et 1 abstention, accorde 300 €.

        Objet : Travaux de voirie
        Rapporteur : M. Paul DURAND
        Le conseil municipal, après en avoir délibéré, à l'unanimité, approuve le devis.
        """)
    document = extract(path)
    assert [d.title for d in document.deliberations] == [
        "Tarifs de la cantine scolaire", "Subvention au comité des fêtes", "Travaux de voirie"]
    assert [(d.vote.for_, d.vote.abstain) for d in document.deliberations] == [(None, None), (3, 1), (None, None)]
