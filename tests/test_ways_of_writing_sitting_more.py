"""More ways of writing the attendance, each in a short document of our own (invented names and
places), with the reading expected and the false findings that must not come (see
test_ways_of_writing.py).  The line-level cases of each recogniser are run by
tests/test_recognisers.py."""

from __future__ import annotations

from ent_lint.api import extract, lint

from helpers import write_document as _write


def _severe(path: str) -> list[str]:
    return sorted(f.rule for f in lint(path).findings if f.severity in ("error", "warning"))


def _pairs(proxies) -> list[tuple[str, str]]:
    return [(p.grantor.name, p.holder.name) for p in proxies]


HEAD = """\
    COMMUNE DE VILLERS-SOUS-BRANDE
    EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
    Séance du 14 mai 2024
    Le quatorze mai deux mille vingt-quatre, à dix-neuf heures, le conseil municipal s'est réuni sous
    la présidence de Mme Colette MARCHAIS, maire.
    """
ITEM = """\
    Délibération n° 2024-031
    Objet : Tarifs de la cantine scolaire
    Le conseil municipal, après en avoir délibéré, à l'unanimité, FIXE les tarifs.
    Le Maire,                                  Le secrétaire de séance,
    Colette MARCHAIS                           Hugo BRIAND
    """


def test_a_proxy_whose_holder_wrapped_to_a_line_of_its_own_beginning_with_a(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Conseillers en exercice : 7 – Présents : 4 – Pouvoirs : 2 – Votants : 6
        Présents : Colette MARCHAIS, Hugo BRIAND, Anaïs CLOAREC, Jules DANET.
        Pouvoirs : M. Pierre LHUILLIER à Mme Colette MARCHAIS ; Mme Sylvie QUÉRÉ
        à M. Hugo BRIAND.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert _pairs(delib.proxies) == [("Pierre LHUILLIER", "Colette MARCHAIS"), ("Sylvie QUÉRÉ", "Hugo BRIAND")]
    assert [p.name for p in delib.absent] == ["Yann TOULLEC"]
    assert _severe(path) == []  # no false member-total: the seven members are all named


def test_a_proxy_cut_between_the_holders_civility_and_name(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Conseillers en exercice : 6 – Présents : 4 – Pouvoirs : 1 – Votants : 5
        Présents : Colette MARCHAIS, Hugo BRIAND, Anaïs CLOAREC, Jules DANET.
        Pouvoir : Mme Sylvie QUÉRÉ donne pouvoir à Madame
        Anaïs CLOAREC.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert _pairs(delib.proxies) == [("Sylvie QUÉRÉ", "Anaïs CLOAREC")]
    assert _severe(path) == []


def test_a_line_beginning_with_a_that_names_no_one_ends_the_list(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Conseillers en exercice : 6 – Présents : 5 – Votants : 5
        Présents : Colette MARCHAIS, Hugo BRIAND, Anaïs CLOAREC, Jules DANET, Sylvie QUÉRÉ
        à l'ouverture de la séance.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert delib.proxies == []
    assert [p.name for p in delib.present][-1] == "Sylvie QUÉRÉ"


MINUTES = """\
    MAIRIE DE PRADES-SUR-LÈRE
    Compte rendu de la séance du conseil municipal du 12/09/2024
    {opening}
    Présents : Gilles ARNAL, Nadine BESSIÈRE, Karim CHABBERT, Lucie DELMAS, Marc ESPIÉ.
    Absent : M. Paul FOURNIÉ.
    Mme Lucie DELMAS est désignée secrétaire de séance.

    1) Éclairage du stade
    Après en avoir délibéré, le conseil municipal, à l'unanimité, retient le devis de 4 300 € HT.

    2) Questions diverses
    Néant.

    {signature}
    """


def test_a_president_named_by_the_office_that_opens_and_signs(tmp_path):
    for opening, signature in (("Le Maire ouvre la séance à 20 h 05.", "Le Maire, Gilles ARNAL"),
                               ("Monsieur le Maire ouvre la séance à 20 h.", "Le Maire,\n    Gilles ARNAL")):
        path = _write(tmp_path, MINUTES.format(opening=opening, signature=signature))
        delib = extract(path).deliberations[0]
        assert delib.session.president is not None and delib.session.president.name == "Gilles ARNAL"


def test_no_president_from_a_signature_that_is_not_the_office_that_opened(tmp_path):
    for opening, signature in (
            ("Le Maire ouvre la séance à 20 h.", "L'adjoint au maire, Karim CHABBERT"),  # a deputy signs
            ("Le Maire ouvre la séance à 20 h.", "Le Maire, Paul FOURNIÉ"),  # not among the present
            ("Le Maire ouvre la séance à 20 h.",  # two signatures side by side: whose is which?
             "Le Maire,                 La secrétaire de séance,\n    Gilles ARNAL              Lucie DELMAS"),
            ("La séance est ouverte à 20 h.", "Le Maire, Gilles ARNAL")):  # the opening names no office
        path = _write(tmp_path, MINUTES.format(opening=opening, signature=signature))
        assert extract(path).deliberations[0].session.president is None, (opening, signature)


def test_a_surname_that_is_also_a_role_word_among_surnames_in_capitals(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Conseillers en exercice : 8 – Présents : 7 – Votants : 7
        Présents : Mme MARCHAIS, MM. BRIAND, DANET, Mmes CLOAREC, MAIRE, QUÉRÉ, M. LHUILLIER.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert [p.name for p in delib.present] == ["MARCHAIS", "BRIAND", "DANET", "CLOAREC", "MAIRE", "QUÉRÉ", "LHUILLIER"]
    assert all(p.note is None for p in delib.present)
    assert _severe(path) == []


def test_a_role_word_after_the_first_entry_stays_its_title(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Présents : MM. MARCHAIS, MAIRE, BRIAND, DANET.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert "MAIRE" not in [p.name for p in delib.present]


def test_an_entry_that_names_someone_unreadably_puts_the_list_in_doubt(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Conseillers en exercice : 7 – Présents : 6 – Votants : 6
        Présents : Colette MARCHAIS, Hugo BRIAND, Adjointe déléguée Martine LHUILLIER, Anaïs CLOAREC,
        Jules DANET, Sylvie QUÉRÉ.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert "present" in delib.doubts  # an entry was not read: the list is not known whole
    assert _severe(path) == []  # so no false member-total on it


def test_roles_labels_and_lone_civilities_in_a_list_are_no_doubt(tmp_path):
    path = _write(tmp_path, HEAD + """\
        Conseillers en exercice : 6 – Présents : 5 – Votants : 5
        Présents : Colette MARCHAIS, Maire, Hugo BRIAND, Anaïs CLOAREC, adjoints,
        MMES QUÉRÉ, DANET.
        Absent : M. Yann TOULLEC.
        Secrétaire de séance : M. Hugo BRIAND.
        """ + ITEM)
    delib = extract(path).deliberations[0]
    assert [p.name for p in delib.present] == ["Colette MARCHAIS", "Hugo BRIAND", "Anaïs CLOAREC", "QUÉRÉ", "DANET"]
    assert "present" not in delib.doubts
    assert _severe(path) == []
