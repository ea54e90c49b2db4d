"""name-spelling on surnames written alone: after a civility, in a vote's list of names, as the
speaker of a paragraph, against the surnames of the attendance lists.

Each case is a short document of our own; the near-misses are the traps of precision: capitals
that are not a name, a surname shared by two members, a civility before a word in capitals.
"""

from __future__ import annotations

import textwrap

import pytest

from ent_lint.engine import discover
from ent_lint.testing import lint_text

NAME_SPELLING = discover()["name-spelling"]

HEAD = """\
    COMMUNE DE SAINT-MARTIN
    COMPTE RENDU DU CONSEIL MUNICIPAL DU 11 AVRIL 2024
    Le conseil municipal s'est réuni sous la présidence de M. Paul DURAND, Maire.
    En exercice : 7 - Présents : 6 - Pouvoirs : 1 - Votants : 7
    Présents : MM. Paul DURAND, Alain MARCHAND, Gérald DUPONT,
    Mmes Jeanne FAUCHER, Karine GILLET, Pauline LEMAIRE
    Absent représenté : M. Henri BERTHELOT (procuration à M. Alain MARCHAND)
    Secrétaire de séance : Mme Karine GILLET

    Délibération n° 2024-15 : Marché de travaux de voirie
    """


def _found(body: str, head: str = HEAD, **options) -> list[tuple[int, str]]:
    text = textwrap.dedent(head + body)
    found = lint_text(text, NAME_SPELLING, options={"name-spelling": options} if options else None)
    return [(f.line, f.message) for f in found if f.rule == "name-spelling"]


def test_a_surname_in_a_vote_list_written_with_a_letter_changed():
    found = _found("""\
        Le conseil municipal, après en avoir délibéré, ATTRIBUE le marché.
        Vote : Pour : 5 ; Contre : MM. MARCHANT et DUPONT
        """)
    assert found == [(12, "« MARCHANT » is written « Alain MARCHAND » in the attendance lists (line 5)")]


def test_the_speaker_of_a_paragraph_and_a_surname_after_madame():
    found = _found("""\
        M. BERTHELOD rappelle que le marché a été publié. Mme FAUCHET demande le coût des travaux.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ATTRIBUE le marché.
        """)
    assert [line for line, _ in found] == [11, 11]
    assert "« BERTHELOD » is written « Henri BERTHELOT »" in found[0][1]
    assert "« FAUCHET » is written « Jeanne FAUCHER »" in found[1][1]


def test_a_member_who_does_not_take_part_in_the_vote():
    found = _found("""\
        M. MARCHANT, intéressé, ne prend pas part au vote.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ATTRIBUE le marché.
        """)
    assert found == [(11, "« MARCHANT » is written « Alain MARCHAND » in the attendance lists (line 5)")]


def test_the_surnames_of_the_lists_written_right_are_silent():
    assert _found("""\
        M. MARCHAND rappelle que le marché a été publié. Mme FAUCHER demande le coût des travaux.
        Le conseil municipal, après en avoir délibéré, ATTRIBUE le marché.
        Vote : Pour : 5 ; Contre : MM. MARCHAND et DUPONT
        """) == []


def test_headings_and_words_in_capitals_that_are_not_after_a_civility_are_silent():
    # MARCHANDE, DUPONTS: one letter from members' surnames, but a heading and a verb, not people
    assert _found("""\
        MARCHANDE DE TRAVAUX - DUPONTS ET CHAUSSÉES
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE le MARCHANDE.
        DELIBERATION ADOPTEE
        """) == []


def test_a_civility_before_a_role_or_a_common_noun_in_capitals_is_silent():
    # LE MAIRE is one letter from the member LEMAIRE; MAIRE, ADJOINTE are roles, not surnames
    assert _found("""\
        M. LE MAIRE rappelle que le marché a été publié. Mme ADJOINTE présente le coût.
        Monsieur MAIRE répond. Mme la Présidente de la commission PRÉCISE le calendrier.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ATTRIBUE le marché.
        """) == []


def test_a_surname_near_two_members_is_silent():
    head = HEAD.replace("Gérald DUPONT", "Gérald MARCHANT")
    # MARCHANS is one letter from MARCHAND and from MARCHANT: which member is meant is not known
    assert _found("""\
        M. MARCHANS rappelle que le marché a été publié.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ATTRIBUE le marché.
        """, head) == []
    # and MARCHANT, itself a member's surname, is that member
    assert _found("""\
        M. MARCHANT rappelle que le marché a été publié.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ATTRIBUE le marché.
        """, head) == []


def test_short_surnames_and_lines_all_in_capitals_are_silent():
    head = HEAD.replace("Gérald DUPONT", "Gérald ROUX")
    assert _found("""\
        M. ROUS rappelle que le marché a été publié.
        APRES DEBAT AUQUEL ONT PRIS PART MONSIEUR MARCHANT ET MADAME FAUCHET, LE CONSEIL ATTRIBUE LE MARCHE.
        """, head) == []


def test_max_distance_bounds_the_letters_that_may_differ():
    body = """\
        M. BERTHELLOD rappelle que le marché a été publié.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, ATTRIBUE le marché.
        """
    # BERTHELLOD: two letters from BERTHELOT
    assert len(_found(body)) == 1
    assert _found(body, **{"max-distance": 1}) == []
    assert len(_found(body.replace("BERTHELLOD", "BERTHELOD"), **{"max-distance": 1})) == 1
    assert _found(body.replace("BERTHELLOD", "BERTHELOD"), **{"max-distance": 0}) == []


# --- a member's first name and surname in mixed case, as a speech writes them -----------------

MIXED_HEAD = """\
    PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 14 OCTOBRE 2021
    Etaient présents :
    Hugo Tardieu - Denis Vanhecke - Lina Faure - Noé Garnier - Denis Marchal
    Secrétaire de séance : Lina Faure

    1 - Saison culturelle
    """


def test_a_members_full_name_with_a_letter_changed_in_a_speech():
    found = _found("Denis Vanecke évoque la nouvelle scénographie du théâtre.\n", head=MIXED_HEAD)
    assert [message for _, message in found] == [
        "« Denis Vanecke » is written « Denis Vanhecke » in the attendance lists (line 3)"]


@pytest.mark.parametrize("speech", [
    "Denis Vanhecke évoque la nouvelle scénographie du théâtre.\n",   # written right
    "Marc Vanecke, directeur du théâtre, présente la saison.\n",      # another first name: another person
    "Denis Marchand présente la saison.\n",                            # two letters from Denis Marchal: another name
    "Le Théâtre Municipal accueille la saison.\n",                     # two capitalised words, no first name
])
def test_full_names_that_are_right_or_someone_else_stay_silent(speech):
    assert _found(speech, head=MIXED_HEAD) == []


def test_a_full_name_near_two_namesakes_is_not_guessed():
    head = MIXED_HEAD.replace("Denis Marchal", "Denis Vaneck")  # one letter from Vanecke, as Vanhecke is
    assert _found("Denis Vanecke évoque la saison.\n", head=head) == []


# --- a letter doubled or undoubled: in a table of names, in a first name, in lists of first names

NAMESAKES = """\
    COMMUNE DE SAINT-MARTIN
    PROCÈS-VERBAL DU CONSEIL MUNICIPAL DU 11 AVRIL 2024
    Présents : Paul DURAND, Yves KERGALL, Marc KERGAL, Isabelle ROPARS, Gilles TANGUY
    Secrétaire de séance : Gilles TANGUY

    Délibération n° 2024-15 : Tableau du conseil municipal
    Le tableau est établi dans l'ordre ci-après.
    """


def test_a_letter_undoubled_in_a_surname_even_when_another_member_bears_it():
    found = _found("""\
        M. Yves KERGAL présente le rapport de la commission.
        """, head=NAMESAKES)
    assert found == [(8, "« Yves KERGAL » is written « Yves KERGALL » in the attendance lists (line 3)")]


def test_a_first_name_with_a_letter_undoubled_and_its_surname_on_the_next_line():
    found = _found("""\
        Mme Isabele
        ROPARS
        """, head=NAMESAKES)
    assert found == [(8, "« Isabele ROPARS » is written « Isabelle ROPARS » in the attendance lists (line 3)")]


@pytest.mark.parametrize("table", [
    "M. Yves KERGALL   Conseiller\nM. Marc KERGAL   Conseiller",  # both right
    "M. Yvon KERGALL   Conseiller",  # not a member's first name: someone else
    "Mme Isabel ROPARS   Conseillère",  # a letter dropped, not doubled: another first name
    "M. Yvon TANGUY   Conseiller",  # another first name of the family
    "Mme Denise DURAND   Conseillère",  # Denis / Denise: two people
])
def test_names_that_are_right_or_not_a_doubled_letter_stay_silent(table):
    assert _found(textwrap.indent(table, "    ") + "\n", head=NAMESAKES) == []


FIRST_NAMES = """\
    COMPTE RENDU DU CONSEIL MUNICIPAL DU 5 MARS 2021
    Présents : Jean-Pierre, Anne-Marie, Mario, Matthieu, Nelly, Patrick
    Absent : Marc
    Secrétaire de séance : Nelly

    1. Sécurité
    """


def test_a_first_name_undoubled_where_the_lists_name_members_by_first_name():
    found = _found("Un groupe de travail est créé : Nelly / Fanny / Anne-Marie / Mathieu / Hélène.\n",
                   head=FIRST_NAMES)
    assert found == [(7, "« Mathieu » is written « Matthieu » in the attendance lists (line 2)")]


@pytest.mark.parametrize("body", [
    "Un groupe de travail est créé : Nelly / Maria / Marion / Hélène.\n",  # residents, not doubled letters
    "Un groupe de travail est créé : Matthieu / Marc.\n",  # the members as listed
])
def test_first_names_of_others_stay_silent(body):
    assert _found(body, head=FIRST_NAMES) == []


def test_first_names_alone_are_not_compared_where_the_lists_give_full_names():
    assert _found("Un groupe de travail est créé : Karine / Gerald.\n") == []


CONVENTION = """\
    CONVENTION DE MISE À DISPOSITION DU GYMNASE
    Entre la commune de Saint-Martin et l'association Basket Club.
    Article 1 : la commune met à disposition le gymnase Robert DESCHAMPS.
    Article 2 : l'association assure le ménage après chaque séance.
    {last}
    """


def test_a_full_name_outside_the_lists_written_with_a_letter_changed():
    found = _found("", head=CONVENTION.format(last="Adresse : Gymnase Robert Deschamp, 5 rue des Écoles."))
    assert found == [(5, "« Robert Deschamp » is written « Robert DESCHAMPS » elsewhere (line 3)")]


@pytest.mark.parametrize("last", [
    "Adresse : Gymnase Robert Deschamps, 5 rue des Écoles.",  # the same, in mixed case
    "Le président, Roger DESCHAMPS, signe la convention.",  # another first name: another person
    "Adresse : Gymnase Robert Duchamp, 5 rue des Écoles.",  # letters apart: another name
    "Adresse : salle Paul ROUS, et salle Paul ROUX.",  # short surnames are not compared
])
def test_full_names_written_one_way_or_of_others_stay_silent(last):
    assert _found("", head=CONVENTION.format(last=last)) == []
