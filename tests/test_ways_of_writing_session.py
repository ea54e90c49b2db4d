"""Ways of writing the sitting's date on every page, and the sentence where a decision stands,
each in a short document of our own with a near-miss beside it (see test_ways_of_writing.py)."""

from __future__ import annotations

import textwrap

import pytest

from ent_lint.api import extract, lint


def _write(tmp_path, body: str) -> str:
    path = tmp_path / "pv.txt"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)


PAGE_ONE = """\
    PROCÈS-VERBAL DU CONSEIL MUNICIPAL
    L'an deux mille quatorze, le quinze septembre à vingt heures, le conseil municipal s'est
    réuni sous la présidence de M. Paul DURAND, Maire.
    Présents : Paul DURAND, Anne ROUX, Luc PERRIN
    Secrétaire de séance : Anne ROUX
    1. Tarifs de la cantine
    Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
    {footer}
    \f2. Voirie
    Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les travaux.
    {footer}
    """


def test_a_running_footer_that_dates_the_sitting_another_year(tmp_path):
    path = _write(tmp_path, PAGE_ONE.format(footer="CM – 15.09.2019"))
    assert extract(path).deliberations[0].session.date_in_running_title.isoformat() == "2019-09-15"
    found = [(f.rule, f.line) for f in lint(path).findings if f.severity == "error"]
    assert found == [("date-words-mismatch", 8)]


@pytest.mark.parametrize("footer", [
    "CM – 15.09.2014",  # the right date
    "Conseil municipal du 15 septembre 2014 – page 1",  # the right date, in words, with a page number
    "Mairie de Saint-Martin – 15.09.2019",  # a date that is not the sitting's (no sitting named)
])
def test_running_titles_with_the_sitting_date_or_no_sitting_are_silent(tmp_path, footer):
    path = _write(tmp_path, PAGE_ONE.format(footer=footer))
    assert [f.rule for f in lint(path).findings if f.rule == "date-words-mismatch"] == []


def test_a_reference_to_another_sitting_in_the_body_is_no_running_title(tmp_path):
    reference = "Vu la délibération du conseil municipal du 11.09.2012,"
    path = _write(tmp_path, PAGE_ONE.format(footer="").replace(
        "1. Tarifs de la cantine\n", f"1. Tarifs de la cantine\n    {reference}\n").replace(
        "2. Voirie\n", "2. Voirie\n    Le Maire présente le programme.\n    Les travaux dureront un mois.\n"
                       f"    {reference}\n    La commission a rendu son avis.\n    Le devis est joint.\n"
                       "    L'entreprise est retenue.\n"))
    assert extract(path).deliberations[0].session.date_in_running_title is None


DECISIONS = """\
    PROCÈS-VERBAL DU CONSEIL MUNICIPAL
    Séance du 23 juillet 2020
    Présents : Paul DURAND, Anne ROUX, Luc PERRIN
    Secrétaire de séance : Anne ROUX
    2020-039 DÉSIGNATION DES DÉLÉGUÉS À LA CLECT
    Monsieur le Maire expose que la communauté de communes a fixé la composition de la
    commission ; la commune désigne un titulaire et un suppléant.
    Après en avoir délibéré,
    Vu le code général des impôts,
    Vu le code général des collectivités territoriales,
    Le conseil municipal désigne :
    - en qualité de titulaire M. Luc PERRIN
    2020-040 REPRÉSENTANT AU COMITÉ LEADER
    La commune, après avoir délibéré, accepte et propose M. Paul DURAND.
    """


def test_an_outcome_left_out_is_pointed_at_the_decision_not_the_heading(tmp_path):
    findings = [f for f in lint(_write(tmp_path, DECISIONS)).findings if f.rule == "vote-missing"]
    assert [(f.line, f.evidence) for f in findings] == [
        (11, "Le conseil municipal désigne"), (14, "après avoir délibéré, accepte")]


MOTION = """\
    COMPTE RENDU DU CONSEIL MUNICIPAL DU 28 OCTOBRE 2022
    Présents : Paul DURAND, Anne ROUX, Luc PERRIN
    Secrétaire de séance : Anne ROUX
    1. Motion de l'association des maires
    Le Maire donne lecture du modèle de motion proposé aux communes :
    {model}
    Le conseil municipal, après en avoir délibéré, à l'unanimité, ADOPTE la motion.
    """


def test_a_blank_date_in_a_model_text_among_other_blanks_is_a_note(tmp_path):
    path = _write(tmp_path, MOTION.format(model="« Le Conseil municipal de la commune de …, réuni le ……., "
                                                "exprime sa préoccupation. »"))
    found = [(f.rule, f.severity) for f in lint(path).findings if f.rule == "blank-date"]
    assert found == [("blank-date", "info")]


def test_a_blank_date_alone_is_a_warning_even_beside_a_sentence_ending_in_de(tmp_path):
    path = _write(tmp_path, MOTION.format(model="La motion a été reçue le ……. Elle parle de.\n"
                                                "    Elle est lue en séance."))
    found = [(f.rule, f.severity) for f in lint(path).findings if f.rule == "blank-date"]
    assert found == [("blank-date", "warning")]


LEGAL_SIZE_CUT = """\
    COMPTE RENDU DU CONSEIL MUNICIPAL DU 24 MARS 2006
    Nombre de Conseillers afférents au Conseil
    Municipal : {size}
    Nombre de Conseillers en exercice : 18
    Nombre de Conseillers présents : 15
    Secrétaire de séance : Anne ROUX
    1. Tarifs de la cantine
    Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
    """


def test_a_legal_size_whose_label_is_cut_over_two_lines(tmp_path):
    path = _write(tmp_path, LEGAL_SIZE_CUT.format(size="18"))
    assert extract(path).deliberations[0].counts.legal_size == 18
    assert [(f.rule, f.line) for f in lint(path).findings if f.rule == "council-size"] == [("council-size", 2)]


def test_a_legal_size_of_the_table_cut_over_two_lines_is_silent(tmp_path):
    path = _write(tmp_path, LEGAL_SIZE_CUT.format(size="19"))
    assert extract(path).deliberations[0].counts.legal_size == 19
    assert [f.rule for f in lint(path).findings if f.rule == "council-size"] == []
