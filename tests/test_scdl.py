"""SCDL « Délibérations »: the export of the documents as open data, and a published CSV checked
against the acts (the open-data rules).

Expected values are read from the fixture documents (quoted beside each), and the CSV is
validated with frictionless against the schema in ../shared/schemas, never against ent-lint's
own idea of it.
"""

from __future__ import annotations

import csv
import json
import textwrap

import pytest

from ent_lint.scdl import COLUMNS, REQUIRED, check_row, siret_valid

from helpers import DOCUMENTS, SHARED, run_cli

SCHEMA = SHARED / "schemas" / "scdl-deliberations-2.1.5.json"
#: the example SIRET of the schema (Ville de Poitiers); its Luhn sum, worked by hand, is 40
SIRET = "21860194600013"

pytestmark = pytest.mark.skipif(not SCHEMA.is_file(), reason="the shared schemas are not beside the repository")


@pytest.fixture(autouse=True)
def _schemas(monkeypatch):
    """The classification is found where the shared schemas are, whatever the working directory."""
    monkeypatch.setenv("ENT_LINT_SCHEMAS", str(SHARED / "schemas"))


def _frictionless_errors(path):
    frictionless = pytest.importorskip("frictionless")
    schema = frictionless.Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8")))
    report = frictionless.Resource(path=path.name, basepath=str(path.parent), schema=schema).validate()
    return report.flatten(["rowNumber", "fieldName", "type", "note"]), report.tasks[0].stats.get("rows")


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------------------- export


def test_the_columns_are_the_schemas_in_its_order():
    fields = json.loads(SCHEMA.read_text(encoding="utf-8"))["fields"]
    assert COLUMNS == tuple(f["name"] for f in fields)
    assert set(REQUIRED) == {f["name"] for f in fields if f.get("constraints", {}).get("required")}


#: per document: the SIRET and matière, in a sidecar (the matière differs between documents)
SIDECAR = {name: (SIRET, "8.1") for name in (
    "convention-defauts.txt", "convention-ecoles-tableau.txt", "extrait-alsace.txt", "extrait-comptes-faux.txt",
    "extrait-compteurs-en-ligne.txt", "extrait-covid.txt", "extrait-dates-en-lettres.txt",
    "extrait-dates-incoherentes.txt", "extrait-listes.txt", "extrait-pieges-noms.txt", "extrait-quorum.txt",
    "pv-trois-deliberations.txt", "pv-votes.txt")}
SIDECAR["extrait-communautaire.txt"] = (SIRET, "5.7")


def _sidecar_toml(path, table=SIDECAR, extra=""):
    lines = [f'["{name}"]\nCOLL_SIRET = "{siret}"\nDELIB_MATIERE_CODE = "{code}"\n'
             for name, (siret, code) in table.items()]
    path.write_text("\n".join(lines) + extra, encoding="utf-8")
    return path


def test_the_export_of_the_fixtures_validates_against_the_schema(tmp_path):
    sidecar = _sidecar_toml(tmp_path / "values.toml")
    out = tmp_path / "deliberations.csv"
    run = run_cli("export", "--lang", "en", "--format", "scdl", "-o", out, "--sidecar", sidecar,
                  *sorted(DOCUMENTS.glob("*.txt")))
    assert run.returncode == 1, run.stderr  # some deliberations cannot give a complete row
    errors, rows = _frictionless_errors(out)
    assert errors == []
    written = _rows(out)
    assert rows == len(written)
    # the deliberations whose documents print a number, less the two whose own figures refuse them
    assert [(r["DELIB_ID"], r["DELIB_DATE"]) for r in written] == [
        ("2024-10-08-03", "2024-10-08"),   # convention-ecoles-tableau: "N° 2024-10-08-03"
        ("DE_2023_087", "2023-12-05"),     # extrait-communautaire: "N° DE_2023_087", "Séance du mardi 5 décembre 2023"
        ("2024-012", "2024-03-14"),        # extrait-compteurs-en-ligne: "Délibération n° 2024-012"
        ("2023/09/25-12", "2023-09-25"),   # extrait-pieges-noms: "N° 2023/09/25-12"
        ("1", "2024-06-20"), ("2", "2024-06-20"), ("3", "2024-06-20"),  # pv-trois-deliberations: "1)", "2)", "3)"
        ("2024-16", "2024-04-11"), ("2024-17", "2024-04-11"),           # pv-votes: "Délibération n° 2024-16", "-17"
    ]
    community = written[1]
    assert community["COLL_NOM"] == "COMMUNAUTÉ DE COMMUNES DU VAL DE LOIRE ET DES COTEAUX"
    assert community["DELIB_OBJET"] == "Adhésion au syndicat mixte de l'eau potable"
    assert community["PREF_DATE"] == "2023-12-08"  # "Transmis en préfecture le 8 décembre 2023"
    # "Membres en exercice : 9", "Votants : 8", "Pour : 6 ; Contre : 1 ; Abstentions : 1"
    assert [community[c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")] == \
        ["9", "8", "6", "1", "1"]
    assert community["DELIB_MATIERE_CODE"] == "5.7"
    assert community["DELIB_MATIERE_NOM"] == "institutions et vie politique/intercommunalite"
    assert written[0]["DELIB_MATIERE_NOM"] == "domaines de compétences par thèmes/enseignement"
    # "Adopté par 15 voix pour et 2 abstentions": no votes against; "Conseillers en exercice : 19", "Votants : 17"
    assert [written[4][c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")] == \
        ["19", "17", "15", "0", "2"]
    # "à l'unanimité" alone does not say how many abstained: no figures (all five empty, as the schema wants)
    assert [written[0][c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR")] == ["", "", ""]
    # a stated vote none of whose figures is given ("Convention de déneigement": none at all)
    assert written[8]["VOTE_POUR"] == ""

    reported = run.stderr.splitlines()
    for name in ("convention-defauts", "extrait-alsace", "extrait-comptes-faux", "extrait-covid",
                 "extrait-dates-en-lettres", "extrait-listes", "extrait-quorum"):  # no "N°" in these
        assert any(line.endswith(f"{name}.txt: DELIB_ID: required, and neither the document nor the options give it")
                   for line in reported), name
    # "Transmis en préfecture le 10/03/2024" for a sitting of 14 March: PREF_DATE ≥ DELIB_DATE fails
    assert any("extrait-dates-incoherentes.txt: PREF_DATE: 2024-03-10 is before the deliberation" in line
               for line in reported)
    # "Votants : 14" and "Pour : 10 ; Contre : 2 ; Abstentions : 1" (13): VOTE_REEL = POUR + CONTRE + ABSTENTION fails
    assert any("pv-votes.txt#1: VOTE_REEL: 14 voters, but 10 for + 2 against + 1 abstentions = 13" in line
               for line in reported)
    assert reported[-1] == "9 rows written, 9 deliberations left out"


def test_a_missing_required_value_is_reported_and_not_written(tmp_path):
    out = tmp_path / "out.csv"
    run = run_cli("export", "--lang", "en", "--format", "scdl", "-o", out, "--siret", SIRET, "--matiere", "8.3",
                  DOCUMENTS / "extrait-quorum.txt")
    assert run.returncode == 1
    assert "extrait-quorum.txt: DELIB_ID: required" in run.stderr
    assert _rows(out) == []
    # without the SIRET, both missing columns are named
    run = run_cli("export", "--lang", "en", "--format", "scdl", "-o", out, "--matiere", "8.3", DOCUMENTS / "extrait-quorum.txt")
    assert "extrait-quorum.txt: COLL_SIRET: required" in run.stderr
    assert "extrait-quorum.txt: DELIB_ID: required" in run.stderr


def test_the_sidecar_fills_what_the_document_leaves_out_and_must_agree_with_the_rest(tmp_path):
    out = tmp_path / "out.csv"
    sidecar = tmp_path / "values.csv"
    sidecar.write_text("file,COLL_SIRET,DELIB_MATIERE_CODE,DELIB_ID\n"
                       f"extrait-quorum.txt,{SIRET},8.3,2023-41\n"
                       f"extrait-communautaire.txt,{SIRET},5.7,DE_2023_088\n", encoding="utf-8")
    run = run_cli("export", "--lang", "en", "--format", "scdl", "-o", out, "--sidecar", sidecar,
                  DOCUMENTS / "extrait-quorum.txt", DOCUMENTS / "extrait-communautaire.txt")
    assert run.returncode == 1
    rows = _rows(out)
    assert [(r["DELIB_ID"], r["DELIB_DATE"], r["DELIB_MATIERE_NOM"]) for r in rows] == [
        ("2023-41", "2023-09-25", "domaines de compétences par thèmes/voirie")]  # extrait-quorum: "Séance du 25 septembre 2023"
    assert ("extrait-communautaire.txt: DELIB_ID: the document states 'DE_2023_087', the sidecar "
            "[extrait-communautaire.txt] gives 'DE_2023_088'") in run.stderr


def test_per_item_values_of_minutes_and_values_from_the_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text(f'[tool.ent-lint.scdl]\nCOLL_SIRET = "{SIRET}"\n'
                                             'COLL_NOM = "Commune de Marseillan-les-Pins"\n', encoding="utf-8")
    sidecar = tmp_path / "values.toml"
    sidecar.write_text(textwrap.dedent("""\
        ["pv-trois-deliberations.txt"]
        DELIB_MATIERE_CODE = "7.1"
        ["pv-trois-deliberations.txt#2"]
        DELIB_MATIERE_CODE = "7.5"
        ["pv-trois-deliberations.txt#3"]
        DELIB_MATIERE_CODE = "4.1"
        ["pv-trois-deliberation.txt#4"]
        DELIB_MATIERE_CODE = "4.2"
        """), encoding="utf-8")
    out = tmp_path / "out.csv"
    run = run_cli("export", "--lang", "en", "--format", "scdl", "-o", out, "--sidecar", sidecar,
                  DOCUMENTS / "pv-trois-deliberations.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "[pv-trois-deliberation.txt#4] names no deliberation of the run" in run.stderr  # a misspelt name
    rows = _rows(out)
    assert [(r["DELIB_ID"], r["DELIB_MATIERE_CODE"], r["COLL_SIRET"]) for r in rows] == [
        ("1", "7.1", SIRET), ("2", "7.5", SIRET), ("3", "4.1", SIRET)]
    assert {r["COLL_NOM"] for r in rows} == {"Commune de Marseillan-les-Pins"}
    assert _frictionless_errors(out)[0] == []


def test_an_unknown_column_or_matiere_is_a_usage_error(tmp_path):
    sidecar = tmp_path / "values.toml"
    sidecar.write_text('["extrait-quorum.txt"]\nSIRET = "1"\n', encoding="utf-8")
    run = run_cli("export", "--lang", "en", "--format", "scdl", "--sidecar", sidecar, DOCUMENTS / "extrait-quorum.txt")
    assert run.returncode == 2 and "unknown column 'SIRET'" in run.stderr
    run = run_cli("export", "--lang", "en", "--format", "scdl", "--siret", SIRET, "--matiere", "9.9", "-o", tmp_path / "o.csv",
                  DOCUMENTS / "extrait-communautaire.txt")
    assert run.returncode == 1 and "DELIB_MATIERE_CODE: '9.9' is not a matière of the classification" in run.stderr


# ------------------------------------------------------------------- the custom checks, one by one


def _valid_row(**changes):
    row = {c: "" for c in COLUMNS}
    row.update(COLL_NOM="Ville de Poitiers", COLL_SIRET=SIRET, DELIB_ID="1DL15494", DELIB_DATE="2017-10-15",
               DELIB_MATIERE_CODE="8.4", DELIB_MATIERE_NOM="domaines de compétences par thèmes/aménagement du territoire",
               DELIB_OBJET="Politique montagne", VOTE_EFFECTIF="43", VOTE_REEL="40", VOTE_POUR="25", VOTE_CONTRE="10",
               VOTE_ABSTENTION="5", PREF_ID="PREF038", PREF_DATE="2017-10-20", BUDGET_ANNEE="2017/2018",
               BUDGET_NOM="Budget annexe déchets")
    row.update(changes)
    return row


def test_a_valid_row_passes_every_check():
    assert check_row(_valid_row()) == []


@pytest.mark.parametrize("changes, column, words", [
    ({"COLL_SIRET": "21860194600014"}, "COLL_SIRET", "checksum"),        # Luhn sum 41
    ({"COLL_SIRET": "2186019460001"}, "COLL_SIRET", "14 digits"),
    ({"VOTE_POUR": "26"}, "VOTE_REEL", "= 41"),                           # 26 + 10 + 5 ≠ 40
    ({"VOTE_EFFECTIF": "39"}, "VOTE_EFFECTIF", "less than VOTE_REEL"),
    ({"PREF_DATE": "2017-10-14"}, "PREF_DATE", "before the deliberation"),
    ({"VOTE_EFFECTIF": ""}, "VOTE_EFFECTIF", "all filled or all empty"),
    ({"BUDGET_NOM": ""}, "BUDGET_ANNEE", "both filled or both empty"),
    ({"BUDGET_ANNEE": "2018/2017"}, "BUDGET_ANNEE", "before its last"),
    ({"DELIB_MATIERE_NOM": "aménagement/voirie"}, "DELIB_MATIERE_NOM", "level-1 heading"),
    ({"DELIB_MATIERE_NOM": "Voirie"}, "DELIB_MATIERE_NOM", "no '/'"),
    ({"DELIB_MATIERE_CODE": "8.100"}, "DELIB_MATIERE_CODE", "does not match"),
    ({"DELIB_DATE": "15/10/2017"}, "DELIB_DATE", "not a date"),
    ({"DELIB_OBJET": ""}, "DELIB_OBJET", "required"),
])
def test_each_check_fails_a_row_that_breaks_it(changes, column, words):
    found = check_row(_valid_row(**changes))
    assert [c for c, _ in found] == [column], found
    assert words in found[0][1]


def test_the_level_one_label_is_compared_without_case_or_accents():
    assert check_row(_valid_row(DELIB_MATIERE_NOM="Domaines de competences par themes/Amenagement")) == []


def test_the_siret_checksum():
    assert siret_valid(SIRET)
    assert not siret_valid("21860194600031")  # two digits swapped
    # La Poste's establishments: not Luhn, but their digits add up to a multiple of 5
    assert not siret_valid("35600000000011") and siret_valid("35600000000010")


# ------------------------------------------------------------------ a published CSV against the acts

ACTS = [DOCUMENTS / "extrait-communautaire.txt", DOCUMENTS / "extrait-compteurs-en-ligne.txt",
        DOCUMENTS / "pv-trois-deliberations.txt"]
HEADER = ",".join(COLUMNS)


def _published(path, lines):
    path.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _row(**values):
    return ",".join(f'"{values.get(c, "")}"' for c in COLUMNS)


def _good_rows():
    """Rows as the acts state them (quoted from the documents)."""
    return {
        # "N° DE_2023_087", 5 décembre 2023, "Membres en exercice : 9", "Votants : 8", "Pour : 6 ; Contre : 1 ; Abstentions : 1"
        "DE_2023_087": _row(DELIB_ID="DE_2023_087", DELIB_DATE="2023-12-05", DELIB_OBJET="Adhésion au syndicat mixte de "
                            "l'eau potable", VOTE_EFFECTIF=9, VOTE_REEL=8, VOTE_POUR=6, VOTE_CONTRE=1, VOTE_ABSTENTION=1),
        # "Délibération n° 2024-012", 14 mars 2024, "En exercice : 15 ... Votants : 14", "par 12 voix pour, 1 contre et 1 abstention"
        "2024-012": _row(DELIB_ID="2024-012", DELIB_DATE="2024-03-14", DELIB_OBJET="Tarifs de la cantine scolaire",
                         VOTE_EFFECTIF=15, VOTE_REEL=14, VOTE_POUR=12, VOTE_CONTRE=1, VOTE_ABSTENTION=1),
        # the minutes of 20 June 2024: "1) Approbation du compte administratif 2023", "par 15 voix pour et 2 abstentions"
        "1": _row(DELIB_ID="1", DELIB_DATE="2024-06-20", DELIB_OBJET="approbation du compte administratif 2023",
                  VOTE_EFFECTIF=19, VOTE_REEL=17, VOTE_POUR=15, VOTE_CONTRE=0, VOTE_ABSTENTION=2),
        # "2) Subvention à l'association « Les Amis du Port »", unanimity of the voters: the votes left empty
        "2": _row(DELIB_ID="2", DELIB_DATE="2024-06-20", DELIB_OBJET="Subvention à l'association « Les Amis du Port »"),
        # "3) Création d'un poste d'adjoint technique", "Pour : 14 ; Contre : 3 ; Abstention : 0"
        "3": _row(DELIB_ID="3", DELIB_DATE="2024-06-20", DELIB_OBJET="Création d'un poste d'adjoint technique",
                  VOTE_EFFECTIF=19, VOTE_REEL=17, VOTE_POUR=14, VOTE_CONTRE=3, VOTE_ABSTENTION=0),
    }


def _open_data_findings(csv_path, files=ACTS):
    run = run_cli("--scdl", csv_path, "--select", "open-data", "--format", "json", "--no-cache", "--lang", "en", *files)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["findings"], run


def test_a_published_csv_true_to_the_acts_gives_nothing(tmp_path):
    findings, run = _open_data_findings(_published(tmp_path / "published.csv", _good_rows().values()))
    assert findings == [] and run.returncode == 0


def test_one_wrong_vote_one_missing_act_and_one_extra_row_give_exactly_three_findings(tmp_path):
    rows = _good_rows()
    del rows["2"]  # the act of item 2 is left out
    # 2024-012: 11 for and 2 against published, 12 and 1 in the act
    rows["2024-012"] = _row(DELIB_ID="2024-012", DELIB_DATE="2024-03-14", DELIB_OBJET="Tarifs de la cantine scolaire",
                            VOTE_EFFECTIF=15, VOTE_REEL=14, VOTE_POUR=11, VOTE_CONTRE=2, VOTE_ABSTENTION=1)
    rows["2024-099"] = _row(DELIB_ID="2024-099", DELIB_DATE="2024-03-14", DELIB_OBJET="Vente d'un terrain")
    published = _published(tmp_path / "published.csv", rows.values())
    findings, run = _open_data_findings(published)
    assert run.returncode == 1
    assert sorted((f["rule"], f["code"]) for f in findings) == [
        ("scdl-act-missing", "scdl-act-missing/missing"),
        ("scdl-row-mismatch", "scdl-row-mismatch/votes"),
        ("scdl-row-without-act", "scdl-row-without-act/orphan"),
    ]
    by_rule = {f["rule"]: f for f in findings}
    votes = by_rule["scdl-row-mismatch"]
    assert votes["message"] == ("the published votes of deliberation 2024-012 differ from the act: VOTE_POUR 11 in the "
                                "CSV, 12 in the act, VOTE_CONTRE 2 in the CSV, 1 in the act")
    assert votes["path"] == str(published) and votes["line"] == 3  # the header, DE_2023_087, then 2024-012
    assert votes["related"][0]["path"].endswith("extrait-compteurs-en-ligne.txt")
    missing = by_rule["scdl-act-missing"]
    assert missing["path"].endswith("pv-trois-deliberations.txt") and missing["args"]["number"] == "2"
    orphan = by_rule["scdl-row-without-act"]
    assert orphan["path"] == str(published) and orphan["args"]["number"] == "2024-099"


def test_a_wrong_date_or_subject_is_a_difference_and_a_semicolon_csv_is_read(tmp_path):
    rows = _good_rows()
    rows["DE_2023_087"] = rows["DE_2023_087"].replace("2023-12-05", "2023-12-06")
    rows["3"] = rows["3"].replace("Création d'un poste d'adjoint technique", "Suppression d'un poste")
    text = HEADER + "\n" + "\n".join(rows.values()) + "\n"
    published = tmp_path / "published.csv"
    published.write_text(text.replace(",", ";"), encoding="utf-8-sig")
    findings, _ = _open_data_findings(published)
    assert sorted(f["code"] for f in findings) == ["scdl-row-mismatch/date", "scdl-row-mismatch/subject"]


def test_the_open_data_rules_are_silent_without_a_csv():
    run = run_cli("--select", "open-data", "--format", "json", "--no-cache", *ACTS)
    assert json.loads(run.stdout)["findings"] == [] and run.returncode == 0


def test_an_unreadable_published_csv_is_a_usage_error(tmp_path):
    bad = tmp_path / "published.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    run = run_cli("--scdl", bad, "--select", "open-data", *ACTS)
    assert run.returncode == 2 and "not an SCDL deliberations CSV" in run.stderr


def test_the_open_data_rules_through_the_library(tmp_path):
    """The same rules, their option set directly (what ``--scdl`` does through the settings)."""
    from ent_lint.engine import discover
    from ent_lint.testing import linter_for

    rows = _good_rows()
    del rows["DE_2023_087"]
    published = _published(tmp_path / "published.csv", rows.values())
    registry = discover()
    rules = [cls for cls in registry.values() if cls.family == "open-data"]
    linter = linter_for(*rules, options={cls.id: {"csv": str(published)} for cls in rules})
    results = [linter.check_path(str(path)) for path in ACTS]
    findings = linter.finish(results).findings
    assert [(f.rule, f.args["number"]) for f in findings] == [("scdl-act-missing", "DE_2023_087")]
