"""The register family: rules over every document of a run (duplicate-number, number-sequence)
and number-year-mismatch, through the command line (cold and warm cache, workers, formats) and
through the library on short documents written for them.  Every commune and name is invented."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ent_lint.linter import Linter
from ent_lint.rules.register.duplicate_number import DuplicateNumber
from ent_lint.rules.register.number_sequence import NumberSequence
from ent_lint.rules.register.number_year_mismatch import NumberYearMismatch
from ent_lint.testing import lint_text, linter_for

from helpers import SHARED

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def extract(day: str, number: str | None, subject: str, commune: str | None = "SAINT-ALBAN-DES-PRÉS") -> str:
    """An extract of the register: one act of one sitting."""
    head = f"COMMUNE DE {commune}\n" if commune else ""
    label = f"Délibération n° {number} : {subject}" if number else f"Objet : {subject}"
    return (f"{head}EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
            f"Séance du {day}\n"
            f"{label}\n"
            "Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la proposition du maire.\n")


def minutes(day: str, items: list[tuple[str, str]], commune: str = "SAINT-ALBAN-DES-PRÉS") -> str:
    """Minutes of one sitting: its acts, each headed by its number."""
    body = "".join(f"\nDélibération n° {number} : {subject}\n"
                   "Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE.\n"
                   for number, subject in items)
    return f"COMMUNE DE {commune}\nPROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU {day.upper()}\n{body}"


def archive(rule, documents: dict[str, str]):
    """The findings of ``rule`` alone over these documents, as one run sees them."""
    linter = linter_for(rule)
    results = [linter.check(name, text.encode("utf-8")) for name, text in documents.items()]
    assert all(r.error is None for r in results)
    return [f for f in linter.finish(results).findings if f.rule == rule.id]


def places(finding) -> list[str]:
    return [finding.path] + [r.path for r in finding.related]


# --- the command line over a folder -------------------------------------------------------------

FOLDER = {
    "2024-03-12_subventions.txt": extract("12 mars 2024", "2024-07", "Subventions aux associations sportives"),
    "2024-03-12_voirie.txt": extract("12 mars 2024", "2024-08", "Travaux de voirie rue des Lilas"),
    "2024-04-09_cantine.txt": extract("9 avril 2024", "2024-07", "Tarifs de la cantine scolaire"),
    "villeneuve_2024-03-20.txt": extract("20 mars 2024", "2024-07", "Vente d'un terrain communal",
                                         commune="VILLENEUVE-SUR-LANDE"),
}
SHARED_NUMBER = {"2024-03-12_subventions.txt", "2024-04-09_cantine.txt"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("register") / "actes"
    root.mkdir()
    for name, text in FOLDER.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def cli(*args, cwd: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "ent-lint"
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([str(command), "--select", "register", "--lang", "en", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=environment, timeout=300)


def duplicates(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "duplicate-number"]


def test_the_folder_is_read_as_written():
    for name, text in FOLDER.items():
        delib = Linter().check(name, text.encode("utf-8"), keep=True, rules=False).document.deliberations[0]
        assert delib.number and delib.title and delib.authority and delib.session.date, name


def test_one_number_on_two_acts_is_found_once_cold_and_warm(folder, tmp_path):
    cache = tmp_path / "cache"
    cold = cli("--format", "json", "--cache-dir", cache, folder, cwd=tmp_path)
    found = duplicates(json.loads(cold.stdout))
    assert len(found) == 1, cold.stdout + cold.stderr
    finding = found[0]
    named = {Path(p).name for p in [finding["path"]] + [r["path"] for r in finding["related"]]}
    assert named == SHARED_NUMBER
    assert finding["code"] == "duplicate-number/shared" and finding["args"]["count"] == 2
    assert finding["message"] == "number 2024-07 is given to 2 acts with different subjects (SAINT-ALBAN-DES-PRÉS)"
    # warm: every document's findings and facts from the cache (the JSON summary does not count
    # cached documents, the text summary does), and the archive finding again, once
    warm = cli("--format", "text", "--cache-dir", cache, folder, cwd=tmp_path).stdout
    assert f"{len(FOLDER)} from cache" in warm, warm
    assert warm.count("[duplicate-number]") == 1
    again = cli("--format", "json", "--cache-dir", cache, folder, cwd=tmp_path)
    assert duplicates(json.loads(again.stdout)) == found


def test_workers_give_the_same_archive_finding(folder, tmp_path):
    runs = [json.loads(cli("--format", "json", "-j", jobs, "--no-cache", folder, cwd=tmp_path).stdout)
            for jobs in ("1", "2")]
    assert duplicates(runs[0]) == duplicates(runs[1]) and len(duplicates(runs[0])) == 1


def test_sarif_junit_and_text_name_every_document(folder, tmp_path):
    sarif = json.loads(cli("--format", "sarif", "--no-cache", folder, cwd=tmp_path).stdout)
    if SARIF_SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "duplicate-number"]
    assert len(results) == 1
    uris = [results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    uris += [r["physicalLocation"]["artifactLocation"]["uri"] for r in results[0]["relatedLocations"]]
    assert {uri.rsplit("/", 1)[1] for uri in uris} == SHARED_NUMBER

    junit = ET.fromstring(cli("--format", "junit", "--no-cache", folder, cwd=tmp_path).stdout)
    cases = {case.get("name"): case for case in junit.iter("testcase")}
    assert "(archive)" in cases
    body = "".join(cases["(archive)"].itertext())
    assert all(name in body for name in SHARED_NUMBER)

    text = cli("--format", "text", "--no-cache", folder, cwd=tmp_path).stdout
    block = next(b for b in text.split("\n\n") if "[duplicate-number]" in b)
    assert all(name in block for name in SHARED_NUMBER)


# --- duplicate-number: the near-misses ------------------------------------------------------------

def test_duplicate_number_in_one_set_of_minutes_and_across_documents():
    found = archive(DuplicateNumber, {
        "pv.txt": minutes("12 mars 2024", [("2024-07", "Subventions aux associations"),
                                           ("2024-07", "Tarifs de la cantine scolaire")]),
        "extrait.txt": extract("9 avril 2024", "2024-7", "Achat d'un tracteur tondeuse"),
    })
    assert len(found) == 1 and found[0].args["count"] == 3
    assert sorted(places(found[0])) == ["extrait.txt", "pv.txt", "pv.txt"]


def test_the_same_act_in_its_extract_and_in_the_minutes_is_one_act():
    assert archive(DuplicateNumber, {
        "extrait.txt": extract("12 mars 2024", "2024-07", "Subventions aux associations sportives"),
        "pv.txt": minutes("12 mars 2024", [("2024-07", "Attribution des subventions aux associations sportives"),
                                           ("2024-08", "Tarifs de la cantine scolaire")]),
    }) == []


def test_two_collectivities_may_use_one_number():
    assert archive(DuplicateNumber, {
        "a.txt": extract("12 mars 2024", "2024-07", "Subventions aux associations"),
        "b.txt": extract("12 mars 2024", "2024-07", "Tarifs de la cantine", commune="VILLENEUVE-SUR-LANDE"),
    }) == []


def test_a_serial_without_year_starts_again_each_year():
    documents = {
        "2023.txt": extract("14 mars 2023", "12", "Subventions aux associations"),
        "2024.txt": extract("12 mars 2024", "12", "Tarifs de la cantine scolaire"),
    }
    assert archive(DuplicateNumber, documents) == []
    documents["2024-bis.txt"] = extract("9 avril 2024", "12", "Achat d'un tracteur tondeuse")
    found = archive(DuplicateNumber, documents)
    assert [sorted(places(f)) for f in found] == [["2024-bis.txt", "2024.txt"]]
    assert found[0].message == ("number 12 is given to 2 acts with different subjects in 2024"
                                " (SAINT-ALBAN-DES-PRÉS)")
    # one number shared in two years: two findings, each naming its year (same line, same
    # commune: findings of one message at one line would be taken for one)
    documents["2023-bis.txt"] = extract("9 mai 2023", "12", "Vente d'un terrain communal")
    found = archive(DuplicateNumber, documents)
    assert sorted(sorted(places(f)) for f in found) == [["2023-bis.txt", "2023.txt"], ["2024-bis.txt", "2024.txt"]]


def test_places_on_the_agenda_start_again_at_each_sitting():
    first = "COMMUNE DE SAINT-ALBAN-DES-PRÉS\nPROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2024\n"
    second = first.replace("12 MARS", "9 AVRIL")
    item = "\n{}) {}\nLe conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE.\n"
    assert archive(DuplicateNumber, {
        "mars.txt": first + item.format(1, "Budget primitif") + item.format(2, "Tarifs de la cantine"),
        "avril.txt": second + item.format(1, "Travaux de voirie") + item.format(2, "Vente d'un terrain"),
    }) == []
    found = archive(DuplicateNumber, {
        "mars.txt": first + item.format(1, "Budget primitif") + item.format(1, "Tarifs de la cantine")})
    assert [f.message for f in found] == [
        "number 1 is given to 2 acts with different subjects at the sitting of March 12, 2024 (SAINT-ALBAN-DES-PRÉS)"]


def test_register_numbers_that_start_again_at_each_sitting():
    assert archive(DuplicateNumber, {
        "mars.txt": minutes("10 mars 2024", [("1", "Budget primitif"), ("2", "Tarifs de la cantine")]),
        "juin.txt": minutes("20 juin 2024", [("1", "Compte administratif"), ("2", "Vente d'un terrain")]),
    }) == []


def test_an_act_without_number_or_collectivity_gives_no_facts():
    linter = linter_for(DuplicateNumber)
    for text in (extract("12 mars 2024", None, "Subventions aux associations"),
                 extract("12 mars 2024", "2024-07", "Subventions aux associations", commune=None)):
        result = linter.check("a.txt", text.encode("utf-8"))
        assert result.facts == {"duplicate-number": []}
    assert linter.check("b.txt", FOLDER["2024-04-09_cantine.txt"].encode("utf-8")).facts["duplicate-number"]


# --- number-sequence -------------------------------------------------------------------------------

def test_numbers_going_backward_from_one_sitting_to_the_next():
    found = archive(NumberSequence, {
        "mars.txt": extract("10 mars 2024", "2024-45", "Budget primitif"),
        "juin.txt": extract("20 juin 2024", "2024-12", "Tarifs de la cantine scolaire"),
    })
    assert len(found) == 1
    assert found[0].message == ("number 2024-12 (sitting of June 20, 2024) is lower than number 2024-45 "
                                "of the earlier sitting of March 10, 2024 (SAINT-ALBAN-DES-PRÉS)")
    assert places(found[0]) == ["juin.txt", "mars.txt"]


def test_gaps_order_within_a_sitting_and_two_years_are_not_backward():
    assert archive(NumberSequence, {  # a gap: documents missing from the archive
        "mars.txt": extract("10 mars 2024", "2024-12", "Budget primitif"),
        "juin.txt": extract("20 juin 2024", "2024-45", "Tarifs de la cantine scolaire"),
    }) == []
    assert archive(NumberSequence, {  # numbered as voted, within one sitting
        "pv.txt": minutes("10 mars 2024", [("2024-14", "Budget primitif"), ("2024-12", "Tarifs de la cantine"),
                                           ("2024-13", "Travaux de voirie")]),
        "juin.txt": extract("20 juin 2024", "2024-15", "Vente d'un terrain"),
    }) == []
    assert archive(NumberSequence, {  # the series starts again in January
        "2023.txt": extract("11 décembre 2023", "2023-80", "Budget primitif"),
        "2024.txt": extract("15 janvier 2024", "2024-1", "Tarifs de la cantine scolaire"),
    }) == []


def test_numbers_that_start_again_at_each_sitting_are_not_a_sequence():
    assert archive(NumberSequence, {
        "mars.txt": minutes("10 mars 2024", [("1", "Budget primitif"), ("2", "Tarifs de la cantine"),
                                             ("3", "Travaux de voirie")]),
        "juin.txt": minutes("20 juin 2024", [("1", "Compte administratif"), ("2", "Vente d'un terrain")]),
    }) == []


# --- number-year-mismatch --------------------------------------------------------------------------

def mismatches(text: str) -> list:
    return [f for f in lint_text(text, NumberYearMismatch) if f.rule == "number-year-mismatch"]


def test_a_number_from_another_year():
    found = mismatches(extract("14 mars 2024", "DEL2023-12", "Tarifs de la cantine scolaire"))
    assert [(f.line, f.evidence, f.message) for f in found] == [
        (4, "DEL2023-12", "number DEL2023-12 embeds the year 2023, but the sitting is on March 14, 2024")]
    assert found[0].fix == "number the act in the series of 2024"
    assert len(mismatches(extract("14 mars 2024", "12/2023", "Tarifs de la cantine"))) == 1


def test_the_sitting_s_year_a_bare_serial_and_a_whole_date_are_not_mismatches():
    for number in ("2024-12", "DEL2024-12", "2023", "2023/11/27-31", "2019-2020"):
        assert mismatches(extract("14 mars 2024", number, "Tarifs de la cantine scolaire")) == [], number


def test_a_number_listed_again_at_the_end_of_the_minutes():
    text = minutes("14 mars 2024", [("2024-11", "Budget primitif"), ("2024-12", "Achat d'un garage")])
    text += ("\nLe conseil municipal a délibéré 2 fois :\n2024-11 Budget primitif\n"
             "2023-12 Nouvelle proposition pour l'achat d'un garage\n")
    found = mismatches(text)
    assert [(f.evidence, f.args["year"]) for f in found] == [("2023-12", 2023)]


def test_a_sitting_date_read_without_certainty_is_not_judged():
    from ent_lint.text import TextView

    text = extract("14 mars 2024", "DEL2023-12", "Tarifs de la cantine")
    result = Linter().check("a.txt", text.encode("utf-8"), keep=True, rules=False)
    rule, view = NumberYearMismatch(), TextView(result.source.lines)
    assert len(list(rule.check(result.document, view))) == 1
    # what the parser says of a date read two ways on a scanned page
    result.document.deliberations[0].doubts["session.date"] = "the sitting's date is read two ways"
    assert list(rule.check(result.document, view)) == []
