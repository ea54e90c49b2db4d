"""More ways of writing items and openings, each in a short document of our own (invented names
and places) with the reading expected and the false findings that must not come: an item put
off or withdrawn, a closing point "sans objet", a register number OCR ended with a dot, the
sitting's date in words without "L'an" (see test_ways_of_writing.py)."""

from __future__ import annotations

import datetime as dt

from ent_lint.api import extract, lint
from ent_lint.fields import vote as vote_field

from helpers import write_document


def _rules(path: str) -> list[str]:
    return sorted(f.rule for f in lint(path).findings)


def _severe(path: str) -> list[str]:
    return sorted(f.rule for f in lint(path).findings if f.severity in ("error", "warning"))


MINUTES = """\
    COMMUNE DE BRAMEVIELLE
    PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 14 MAI 2024
    L'an deux mille vingt-quatre, le quatorze mai à vingt heures, le conseil municipal s'est réuni
    sous la présidence de Mme Odile FERRANDIS, Maire.
    Présents : Odile FERRANDIS, Bastien GOURC, Clémence HÉRAIL, Damien ISSARTEL.
    Secrétaire de séance : Clémence HÉRAIL.
    En exercice : 4 – Présents : 4 – Votants : 4
    """
SIGNED = """
    La Maire,                     La secrétaire de séance,
    Odile FERRANDIS               Clémence HÉRAIL
    """


def test_items_put_off_or_withdrawn_are_adjourned_not_missing_a_vote(tmp_path):
    path = write_document(tmp_path, MINUTES + """\
        1°) Affectation du résultat 2023
        L'excédent de fonctionnement reporté s'élève à 41 000 €.
        Le conseil municipal, à l'unanimité, approuve l'affectation.
        2°) Achat d'un tracteur tondeuse
        Ce point est AJOURNÉ, les devis n'étant pas complets.
        3°) Cession du chemin rural dit de la Garrigue
        Point retiré de l’ordre du jour à la demande du maire.
        4°) Convention avec l'école de musique
        Le conseil municipal décide de reporter ce point à une prochaine séance.
        5°) Tarifs de la salle des fêtes
        Le conseil municipal, par 3 voix pour et 1 voix contre, fixe les tarifs.
        6°) Questions diverses : sans objet
        """ + SIGNED)
    delibs = extract(path).deliberations
    assert [(d.number, d.title) for d in delibs] == [
        ("1", "Affectation du résultat 2023"), ("2", "Achat d'un tracteur tondeuse"),
        ("3", "Cession du chemin rural dit de la Garrigue"), ("4", "Convention avec l'école de musique"),
        ("5", "Tarifs de la salle des fêtes"), ("6", "Questions diverses")]
    assert [d.vote.outcome for d in delibs] == [None, "adjourned", "adjourned", "adjourned", None, None]
    assert delibs[0].vote.unanimous is True and delibs[4].vote.for_ == 3
    assert "vote-missing" not in _rules(path)
    assert _severe(path) == []


def test_an_item_with_no_vote_and_not_put_off_is_still_a_missing_vote(tmp_path):
    path = write_document(tmp_path, MINUTES + """\
        1°) Affectation du résultat 2023
        Le conseil municipal, à l'unanimité, approuve l'affectation.
        2°) Achat d'un tracteur tondeuse
        Le conseil municipal, après en avoir délibéré, DÉCIDE d'acheter le tracteur, le solde étant
        reporté sur 2025.
        3°) Vente de bois
        Ce point est ajourné.
        4°) Indemnité du comptable public
        Le conseil municipal décide de lui allouer l'indemnité au taux plein.
        AMÉNAGEMENT DU CIMETIÈRE
        Faute de devis, ce projet est ajourné.
        """ + SIGNED)
    delibs = extract(path).deliberations
    assert [d.vote.outcome for d in delibs] == [None, None, "adjourned", None]
    missing = [f for f in lint(path).findings if f.rule == "vote-missing"]
    assert [f.args.get("item") for f in missing] == ["2", "4"]


def test_adjourned_is_written_for_the_reader():
    assert vote_field({"outcome": "adjourned"}, "fr") == "Ajourné ou retiré, non voté"
    assert vote_field({"outcome": "adjourned"}, "en") == "Put off or withdrawn, not voted"


def test_register_number_ended_with_a_dot(tmp_path):
    path = write_document(tmp_path, """\
        EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
        Commune de Lagarde-sur-Vèbre
        Séance du 3 février 2025
        Nombre de membres en exercice : 11 – Présents : 10 – Votants : 10
        Présents : Marc ALIBERT, Nadia BOUSQUET, Olivier CAYLA, Paule DELMAS, Quentin ESCANDE,
        Rémi FABRE, Sylvie GASC, Théo HUC, Ursule IZARD, Victor JOULIA.
        Absent : Walter KERN.
        Secrétaire de séance : Paule DELMAS.
        Délibération n° 2025-011.
        Objet : Vente d'une parcelle communale
        Le conseil municipal, après en avoir délibéré, à l'unanimité, décide de vendre la parcelle.
        Fait et délibéré les jour, mois et an susdits.
        Le Maire, Marc ALIBERT
        """)
    delibs = extract(path).deliberations
    assert [d.number for d in delibs] == ["2025-011"]


def test_sitting_date_in_words_without_lan(tmp_path):
    path = write_document(tmp_path, """\
        COMMUNE DE SAINT-PONS-LE-VIEUX
        PROCÈS-VERBAL DU CONSEIL MUNICIPAL
        Le deux avril deux mille vingt-quatre, le maire a convoqué le conseil municipal.
        Le neuf avril deux mille vingt-quatre, à vingt heures, le conseil municipal s'est réuni sous la
        présidence de M. Anselme VIDAL, Maire.
        Présents : Anselme VIDAL, Brigitte ROQUES, Célestin MAURY.
        Secrétaire de séance : Brigitte ROQUES.
        En exercice : 3 – Présents : 3 – Votants : 3
        1. Tarifs de la cantine
        Le conseil municipal, à l'unanimité, fixe le prix du repas.
        2. Travaux de voirie
        Le conseil municipal, à l'unanimité, approuve le devis.

        Le Maire,                     La secrétaire de séance,
        Anselme VIDAL                 Brigitte ROQUES
        """)
    delibs = extract(path).deliberations
    assert {d.session.date for d in delibs} == {dt.date(2024, 4, 9)}
    assert "date-words-mismatch" not in _rules(path)
    assert _severe(path) == []


LIST_HEAD = """\
    COMMUNE DE ROQUEFIXADE
    LISTE DES DÉLIBÉRATIONS EXAMINÉES PAR LE CONSEIL MUNICIPAL
    Séance du 18 mars 2025
    """


def test_list_with_vote_columns_one_row_per_deliberation(tmp_path):
    # as a PDF's text gives an unruled table: one space between the cells
    path = write_document(tmp_path, LIST_HEAD + """\
        N° Objet Pour Contre Abstentions
        2025-014 Décision modificative n° 1 budget de l'eau 9 0 0
        2025-015 Tarifs du camping 2025 7 1 1
        2025-016 Adhésion au groupement de commandes 8 0 1

        Affichée le 20 mars 2025
        Le Maire, Hortense LACAZE
        """)
    delibs = extract(path).deliberations
    assert [(d.number, d.title) for d in delibs] == [
        ("2025-014", "Décision modificative n° 1 budget de l'eau"), ("2025-015", "Tarifs du camping 2025"),
        ("2025-016", "Adhésion au groupement de commandes")]
    assert [(d.vote.for_, d.vote.against, d.vote.abstain) for d in delibs] == [(9, 0, 0), (7, 1, 1), (8, 0, 1)]
    assert _severe(path) == []


def test_figures_ending_a_heading_without_vote_columns_stay_in_the_title(tmp_path):
    path = write_document(tmp_path, MINUTES + """\
        1°) Décision modificative n° 2
        Le conseil municipal, à l'unanimité, approuve la décision modificative.
        2°) Travaux de l'école tranche 2 3
        Le conseil municipal, à l'unanimité, approuve les travaux.
        """ + SIGNED)
    delibs = extract(path).deliberations
    assert [d.title for d in delibs] == ["Décision modificative n° 2", "Travaux de l'école tranche 2 3"]
    assert [d.vote.unanimous for d in delibs] == [True, True]
