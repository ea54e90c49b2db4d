"""The rules issue 12 asked for: proxies-exceed-absent, secretary-ambiguous, cited-article-subject.

Each has a case that fires and the near-misses of RULEBOOK.md's kind: another way of writing the
same thing, which must stay silent."""

from __future__ import annotations

import pytest

from ent_lint.engine import discover
from ent_lint.testing import lint_text

REGISTRY = discover()

HEAD = """\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
"""
PRESENT = "Présents : Jean DURAND, Paul MARTIN, Anne ROUX, Luc PETIT, Marie LEROY, Hugo BLANC, Léa NOIR\n"
ITEM = """\
Délibération n° 2024-07 : Subventions aux associations
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les subventions.
"""


def found(rule_id: str, text: str) -> list:
    return [f for f in lint_text(text, REGISTRY[rule_id]) if f.rule == rule_id]


# --- proxies-exceed-absent ------------------------------------------------------------------

def attendance(*lines: str, in_office: int = 11) -> str:
    return (HEAD + f"Membres en exercice : {in_office}\n" + PRESENT + "".join(line + "\n" for line in lines)
            + "Secrétaire de séance : Anne ROUX\n" + ITEM)


def test_a_grantor_missing_from_the_absence_list_is_reported():
    text = attendance("Absents excusés : Claire FAURE, Henri MOREAU, Eric GIRARD",
                      "Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN, Sophie LAMBERT à Anne ROUX")
    [finding] = found("proxies-exceed-absent", text)
    assert finding.code == "proxies-exceed-absent/not-absent"
    assert finding.args == {"grantor": "Sophie LAMBERT", "holder": "Anne ROUX"}
    assert finding.line == 6


def test_more_proxies_than_members_absent_is_reported():
    text = attendance("Absents excusés : Claire FAURE, Henri MOREAU",
                      "Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN", in_office=8)
    [finding] = found("proxies-exceed-absent", text)
    assert finding.code == "proxies-exceed-absent/exceed"
    assert finding.message == "2 proxies given, more than the 1 member absent (8 in office, 7 present)"


@pytest.mark.parametrize("lines", [
    # the absence label says the proxies were given by absent members
    ["Absents excusés ayant donné pouvoir : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN",
     "Absent : Eric GIRARD"],
    ["Absents représentés : Claire FAURE par Jean DURAND ; Henri MOREAU par Paul MARTIN", "Absent : Eric GIRARD"],
    # the proxies written inside the absence list
    ["Excusés : Claire FAURE (pouvoir à Jean DURAND), Henri MOREAU (pouvoir à Paul MARTIN), Eric GIRARD"],
    # the grantors named absent another way: an initial, the surname first
    ["Absents excusés : Mme C. FAURE, MOREAU Henri, Eric GIRARD",
     "Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN"],
    # the absence list names the members absent without a proxy only
    ["Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN", "Absent : Eric GIRARD"],
], ids=["absent-with-proxy-label", "absents-representes", "proxy-inside", "other-writing", "absent-without-proxy"])
def test_proxies_given_by_members_named_absent_are_silent(lines):
    assert found("proxies-exceed-absent", attendance(*lines)) == []


def test_a_present_count_that_its_list_contradicts_is_left_to_present_count():
    text = attendance("Absents excusés : Claire FAURE, Henri MOREAU",
                      "Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN", in_office=9)
    text = text.replace("Présents :", "Présents : 9\nÉtaient présents :")
    assert found("proxies-exceed-absent", text) == []


def test_a_proxy_written_twice_is_one_proxy():
    text = attendance("Absents excusés : Claire FAURE (pouvoir à Jean DURAND), Henri MOREAU (pouvoir à Paul MARTIN)",
                      "Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN", in_office=9)
    assert found("proxies-exceed-absent", text) == []


def test_proxies_without_an_absence_list_are_silent():
    text = attendance("Pouvoirs : Claire FAURE à Jean DURAND, Henri MOREAU à Paul MARTIN, Sophie LAMBERT à Anne ROUX",
                      in_office=10)
    assert found("proxies-exceed-absent", text) == []



def test_proxies_read_from_a_table_are_left_to_the_table():
    """The absences are the table's rows; an absence label elsewhere in the text is no list to
    compare the grantors with."""
    text = (HEAD + "Membres en exercice : 11\n" + PRESENT
            + "Absents excusés : Claire FAURE\n\n"
            + "|Absents|Ni pouvoir|Pouvoir donné à|\n|---|---|---|\n"
            + "|Claire FAURE| |Jean DURAND|\n|Henri MOREAU| |Paul MARTIN|\n|Eric GIRARD|X| |\n\n"
            + "Secrétaire de séance : Anne ROUX\n" + ITEM)
    assert found("proxies-exceed-absent", text) == []

# --- secretary-ambiguous --------------------------------------------------------------------

def sitting(*lines: str) -> str:
    return HEAD + PRESENT + "".join(line + "\n" for line in lines) + ITEM


def test_two_secretaries_of_one_sitting_are_reported():
    text = sitting("Secrétaire de séance : Mme Anne ROUX", "M. Paul MARTIN est désigné secrétaire de séance.")
    [finding] = found("secretary-ambiguous", text)
    assert finding.args == {"first": "Mme Anne ROUX", "second": "M. Paul MARTIN"}
    assert finding.line == 5


def test_an_election_and_a_label_naming_two_people_are_reported():
    text = sitting("A été élue secrétaire de séance : Mme Anne ROUX", "Secrétaire : Luc PETIT")
    assert [f.args["second"] for f in found("secretary-ambiguous", text)] == ["Luc PETIT"]


@pytest.mark.parametrize("lines", [
    # one member, written two ways
    ["Secrétaire de séance : Mme Anne ROUX", "Anne ROUX a été désignée secrétaire de séance."],
    ["Secrétaire de séance : ROUX Anne", "Le conseil désigne Mme A. ROUX comme secrétaire de séance."],
    # an auxiliary secretary and the general secretary hold other offices
    ["Secrétaire de séance : Anne ROUX",
     "Mme Claire FAURE, secrétaire générale des services, est désignée secrétaire auxiliaire."],
    ["Secrétaire de séance : Anne ROUX", "M. Paul MARTIN est désigné secrétaire de séance adjoint."],
    ["Secrétaire de séance : Anne ROUX", "Mme Claire FAURE est nommée secrétaire générale des services."],
    # the secretary of an earlier sitting
    ["Secrétaire de séance : Anne ROUX",
     "Lors de la séance du 5 février 2024, M. Paul MARTIN a été désigné secrétaire de séance."],
    # two secretaries named together
    ["Secrétaires de séance : Anne ROUX ; Paul MARTIN", "M. Paul MARTIN est désigné secrétaire de séance."],
], ids=["civility", "initial-and-order", "auxiliary", "deputy", "general-secretary", "earlier-sitting", "two-together"])
def test_one_secretary_is_silent(lines):
    assert found("secretary-ambiguous", sitting(*lines)) == []


def test_an_associations_secretary_in_the_body_is_silent():
    text = sitting("Secrétaire de séance : Anne ROUX") + (
        "Le bureau de l'association est composé ainsi :\nPrésident : Marc LEBLANC\nSecrétaire : Julie VERT\n")
    assert found("secretary-ambiguous", text) == []


def test_two_extracts_in_one_file_are_two_sittings():
    first = sitting("Secrétaire de séance : Anne ROUX")
    second = first.replace("12 mars", "9 avril").replace("Secrétaire de séance : Anne ROUX",
                                                         "Secrétaire de séance : Paul MARTIN")
    assert found("secretary-ambiguous", first + "\n" + second) == []


# --- cited-article-subject ------------------------------------------------------------------

ELECTION = """\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 28 mai 2020
Délibération n° 2020-12 : {title}
{body}
Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE.
"""


def test_the_secretarys_article_cited_for_the_presidency_is_reported():
    body = ("Conformément à l'article L2121-15 du CGCT, la séance au cours de laquelle il est procédé à\n"
            "l'élection du maire est présidée par le doyen d'âge, Mme Jeanne BLANC.")
    [finding] = found("cited-article-subject", ELECTION.format(title="Élection du maire", body=body))
    assert (finding.args["article"], finding.args["governing"]) == ("L2121-15", "L2122-8")
    assert finding.severity == "info"


def test_a_visa_is_judged_by_the_title_of_its_item():
    body = "Vu le code général des collectivités territoriales, et notamment son article L2122-2 ;"
    text = ELECTION.format(title="Délégations du conseil municipal au maire", body=body)
    [finding] = found("cited-article-subject", text)
    assert (finding.args["article"], finding.args["governing"]) == ("L2122-2", "L2122-22")


@pytest.mark.parametrize("title, body", [
    # the right article
    ("Élection du maire", "Conformément à l'article L.2122-8 du CGCT, la séance est présidée par le doyen d'âge."),
    ("Délégations du conseil municipal au maire", "Vu l'article L. 2122-22 du CGCT ;"),
    # an article the table does not know
    ("Élection du maire", "Conformément à l'article L2122-17 du CGCT, la séance est présidée par le doyen d'âge."),
    # one sentence, two articles for two subjects
    ("Élection du maire", ("Conformément aux articles L2121-15 et L2122-8 du CGCT, M. Luc PETIT est désigné "
                           "secrétaire de séance et la séance est présidée par le doyen d'âge.")),
    # a visa that names no subject, among others
    ("Élection du maire", "Vu les articles L2121-15, L2122-4 et L2122-7 du CGCT ;"),
    # another code numbers its articles the same way
    ("Délégations du conseil municipal au maire", "Vu le code de la commande publique, notamment l'article L2122-2 ;"),
], ids=["right-article", "right-visa", "unknown-article", "two-subjects", "list-of-visas", "other-code"])
def test_a_citation_of_the_right_article_is_silent(title, body):
    assert found("cited-article-subject", ELECTION.format(title=title, body=body)) == []


# --- template-residue: the civilities of a model left side by side ---------------------------

@pytest.mark.parametrize("line, residue", [
    ("Après les explications de Madame/Monsieur le Maire, le conseil délibère.", "Madame/Monsieur"),
    ("Le rapport de M. / Mme le rapporteur est adopté.", "M. / Mme"),
    ("Mesdames, Messieurs, le conseil est ouvert.", None),          # a salutation
    ("M. et Mme DUPONT ont cédé la parcelle.", None),                 # a couple
])
def test_civilities_left_side_by_side(line, residue):
    text = HEAD + PRESENT + "Délibération n° 2024-07 : Cession\n" + line + "\nAdopté à l'unanimité.\n"
    found = [f.evidence for f in lint_text(text, REGISTRY["template-residue"]) if f.rule == "template-residue"]
    assert found == ([residue] if residue else [])
