"""The conventions of mature linters (issue 18): no path, stdin, quiet, exclude, colour, settings,
explain --all/json, extract over folders and zips, locations that tools parse."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ent_lint.exitcodes import ERROR, FINDINGS, OK

from helpers import SEED_PDF, SEED_TXT, run_cli

EMAIL = "school-email-mismatch"


@pytest.fixture
def folder(tmp_path):
    """A folder as a secretary keeps one: an extract, a README, a Word file."""
    (tmp_path / "extrait.txt").write_bytes(SEED_TXT.read_bytes())
    (tmp_path / "README.md").write_text("# Délibérations 2023\n\nSéance du 12 mars 2024\n", encoding="utf-8")
    (tmp_path / "projet.docx").write_bytes(b"PK\x03\x04 not really a docx")
    return tmp_path


def _run(*args, cwd=None, stdin=None, env=None):
    command = Path(sys.executable).parent / "ent-lint"
    return subprocess.run([str(command), *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          input=stdin, env={**os.environ, **(env or {})}, timeout=300)


def test_no_path_checks_the_current_folder_and_counts_what_it_skips(folder):
    result = _run("--lang", "en", "--format", "concise", "--no-cache", cwd=folder)
    assert result.returncode == FINDINGS
    assert f"extrait.txt:245:51: error[{EMAIL}]" in result.stdout
    assert "README" not in result.stdout  # not linted as a council document
    assert "1 file checked" in result.stdout and "2 files skipped" in result.stdout
    assert "README.md" not in result.stderr  # listed with --verbose only
    verbose = _run("--lang", "en", "-v", "--no-cache", cwd=folder)
    assert "README.md: skipped: excluded by the glob README*" in verbose.stderr
    docx = next(line for line in verbose.stderr.splitlines() if "projet.docx" in line)
    for accepted in (".pdf", ".txt", ".md", ".zip", "libreoffice --headless --convert-to pdf"):
        assert accepted in docx


def test_a_word_file_named_on_the_command_line_says_how_to_convert_it(folder):
    result = _run("--lang", "en", folder / "projet.docx")
    assert result.returncode == ERROR
    assert "libreoffice --headless --convert-to pdf" in result.stderr and ".zip" in result.stderr


def test_stdin_with_a_file_name():
    result = _run("-", "--stdin-filename", "extrait.txt", "--format", "json", "--no-cache", stdin=SEED_TXT.read_text())
    findings = json.loads(result.stdout)["findings"]
    assert result.returncode == FINDINGS
    assert any(f["rule"] == EMAIL and f["path"] == "extrait.txt" and f["line"] == 245 for f in findings)


def test_quiet_prints_the_findings_only():
    loud = _run("--format", "concise", "--no-cache", SEED_TXT)
    quiet = _run("-q", "--format", "concise", "--no-cache", SEED_TXT)
    assert quiet.returncode == loud.returncode == FINDINGS
    assert quiet.stdout.splitlines() == [line for line in loud.stdout.splitlines() if line.startswith(str(SEED_TXT))]
    assert "fichier vérifié" in loud.stdout and "fichier vérifié" not in quiet.stdout + quiet.stderr
    machine = _run("-q", "--format", "json", "--no-cache", SEED_TXT)
    assert machine.stderr == "" and json.loads(machine.stdout)["findings"]


def test_exclude_on_the_command_line_and_in_the_configuration(folder):
    (folder / "archives").mkdir()
    (folder / "archives" / "old.txt").write_bytes(SEED_TXT.read_bytes())
    both = _run("--format", "json", "--no-cache", ".", cwd=folder)
    assert {f["path"] for f in json.loads(both.stdout)["findings"]} == {"./extrait.txt", "./archives/old.txt"}
    cli = _run("--format", "json", "--no-cache", "--extend-exclude", "archives", ".", cwd=folder)
    assert {f["path"] for f in json.loads(cli.stdout)["findings"]} == {"./extrait.txt"}
    (folder / "pyproject.toml").write_text('[tool.ent-lint]\nextend-exclude = ["archives/*.txt"]\n')
    config = _run("--format", "json", "--no-cache", ".", cwd=folder)
    assert {f["path"] for f in json.loads(config.stdout)["findings"]} == {"./extrait.txt"}
    assert json.loads(config.stdout)["summary"]["skipped"] == 4  # README, .docx, pyproject.toml, archives/old.txt
    # --exclude replaces the default: the README is then read (and is no council document)
    replaced = _run("--format", "json", "--no-cache", "--exclude", "archives", ".", cwd=folder)
    assert any(f["path"] == "./README.md" for f in json.loads(replaced.stdout)["findings"])
    # a file named on the command line is always read
    named = _run("--format", "json", "--no-cache", "--extend-exclude", "extrait.txt", "extrait.txt", cwd=folder)
    assert json.loads(named.stdout)["findings"]


@pytest.mark.parametrize("args,env,coloured", [
    (["--color", "always"], {}, True),
    ([], {}, False),  # not a terminal
    ([], {"FORCE_COLOR": "1"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
])
def test_colour(args, env, coloured):
    result = _run(*args, "--no-cache", SEED_TXT, env={"NO_COLOR": "", "FORCE_COLOR": "", **env})
    assert ("\x1b[" in result.stdout) is coloured


def test_show_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ent-lint]\nignore = ["quorum"]\nextend-exclude = ["brouillons"]\n')
    (tmp_path / "a.txt").write_bytes(SEED_TXT.read_bytes())
    result = _run("--show-settings", "--lang", "en", cwd=tmp_path)
    assert result.returncode == OK
    assert f"# configuration: {tmp_path / 'pyproject.toml'}" in result.stdout
    assert 'ignore = ["quorum"]' in result.stdout and 'extend-exclude = ["brouillons"]' in result.stdout
    checked = re.search(r"rules checked \((\d+)\): (.*)", result.stdout)
    assert "quorum" not in checked.group(2).split(", ") and "vote-total" in checked.group(2)
    assert "#   ./a.txt" in result.stdout


def test_explain_all_and_json():
    from ent_lint.engine import discover

    text = _run("explain", "--all", "--lang", "en")
    assert text.returncode == OK
    assert all(f"{rule_id} (" in text.stdout for rule_id in discover())
    data = json.loads(_run("explain", "--all", "--format", "json").stdout)
    assert sorted(item["id"] for item in data) == sorted(discover())
    one = json.loads(_run("explain", "quorum", "--format", "json").stdout)
    assert [item["id"] for item in one] == ["quorum"]
    assert "Ce que la règle vérifie" in one[0]["documentation"]  # French by default
    assert _run("explain").returncode == ERROR


def test_explain_shows_option_help_in_french():
    french = _run("explain", "name-spelling").stdout
    assert "max-distance (int, par défaut 2)\u00a0: lettres qui peuvent différer" in french
    english = _run("explain", "name-spelling", "--lang", "en").stdout
    assert "max-distance (int, default 2): letters that may differ" in english


def test_severity_shown_is_the_severity_findings_carry(tmp_path):
    """secretary-not-present is an error, but a secretary not named at all a warning: both shown."""
    listing = _run("rules", "--lang", "en").stdout
    assert re.search(r"^secretary-not-present\s+attendance\s+error/warning\s", listing, re.M)
    assert re.search(r"^vote-missing\s+vote\s+warning/info\s", listing, re.M)  # info in minutes
    explained = _run("explain", "secretary-not-present", "--lang", "en").stdout
    assert "warning when: no secretary of the sitting is named" in explained
    document = tmp_path / "sans-secretaire.txt"
    document.write_text("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du 12 mars 2024\n"
                        "Présents : Jean DURAND - Paul MARTIN - Anne ROUX - Luc PETIT\nObjet : Tarifs\n"
                        "Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.\n",
                        encoding="utf-8")
    found = json.loads(_run("--format", "json", "--no-cache", "--select", "secretary-not-present", document).stdout)
    assert [f["severity"] for f in found["findings"]] == ["warning"]
    overridden = json.loads(_run("--format", "json", "--no-cache", "--select", "secretary-not-present",
                                 "--severity", "secretary-not-present=error", document).stdout)
    assert [f["severity"] for f in overridden["findings"]] == ["error"]  # the user's choice wins


def test_help_shows_the_check_options_in_french_and_in_english():
    french = _run("--help")
    assert french.returncode == OK
    assert french.stdout.startswith("Utilisation\u00a0: ent-lint")
    for text in ("--format", "--select", "--exclude", "--quiet", "Afficher ce message et quitter.", "Commandes:",
                 "Format de sortie"):
        assert text in french.stdout
    english = _run("--help", "--lang", "en")
    for text in ("Usage: ent-lint", "--format", "Show this message and exit.", "Output format"):
        assert text in english.stdout
    assert "Afficher" not in english.stdout


def test_usage_errors_in_french_and_in_english():
    french = _run("--format", "xml", SEED_TXT)
    assert french.returncode == ERROR
    assert "Erreur\u00a0: Valeur incorrecte pour '--format'\u00a0: 'xml' n'est pas l'une des valeurs" in french.stderr
    bad = _run("--no-such-option")
    assert "Option inconnue\u00a0: '--no-such-option'" in bad.stderr and "Utilisation\u00a0:" in bad.stderr
    english = _run("--lang", "en", "--no-such-option")
    assert "Error: No such option '--no-such-option'" in english.stderr and "Usage:" in english.stderr


def test_statistics_printed_once():
    result = _run("--statistics", "--no-cache", "--lang", "en", SEED_TXT)
    assert result.stdout.count(f"  {EMAIL}") == 1  # the table
    assert "by rule:" not in result.stdout


def test_pdf_locations_are_path_line_col_with_the_page_apart():
    result = _run("--lang", "en", "--no-cache", "--select", EMAIL, SEED_PDF)
    head = next(line for line in result.stdout.splitlines() if f"[{EMAIL}]" in line)
    match = re.match(rf"{re.escape(str(SEED_PDF))}:(\d+):(\d+): error\[{EMAIL}\] .* \(page 7\)$", head)
    assert match, head
    line = int(match.group(1))
    excerpt = next(row for row in result.stdout.splitlines() if row.startswith(f"{line} | "))
    from ent_lint.readers import read

    source = read(str(SEED_PDF))
    same = [entry for entry in source.lines if entry.number == line]
    assert len(same) == 1 and same[0].page == 7  # one line of the document has that number
    assert excerpt == f"{line} | {same[0].raw.rstrip()}"
    data = json.loads(_run("--format", "json", "--no-cache", "--select", EMAIL, SEED_PDF).stdout)["findings"][0]
    assert (data["line"], data["page"]) == (line, 7)
    gitlab = json.loads(_run("--format", "gitlab", "--no-cache", "--select", EMAIL, SEED_PDF).stdout)[0]
    assert gitlab["page"] == 7 and gitlab["location"]["lines"]["begin"] == line


def test_extract_over_a_folder_and_a_zip_one_json_shape(folder, tmp_path):
    one = _run("extract", folder / "extrait.txt")
    assert one.returncode == OK
    lines = one.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["deliberations"][0]["number"] == "2023/11/27-31"
    walked = _run("extract", folder, "-v", "--lang", "en")
    assert walked.returncode == OK
    documents = [json.loads(line) for line in walked.stdout.splitlines()]
    assert [d["path"] for d in documents] == [str(folder / "extrait.txt")]
    assert "README.md: skipped" in walked.stderr
    archive = tmp_path / "registre.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEED_TXT, "2023/a.txt")
        zf.write(SEED_PDF, "2023/b.pdf")
        zf.writestr("LISEZMOI.odt", b"odt")
    zipped = _run("extract", archive)
    documents = [json.loads(line) for line in zipped.stdout.splitlines()]
    assert [d["path"] for d in documents] == [f"{archive}!2023/a.txt", f"{archive}!2023/b.pdf"]
    assert set(documents[0]) == set(json.loads(lines[0]))  # the same shape whatever the number of files
    assert "1 fichier ignoré" in zipped.stderr


def test_extract_text_is_written_for_people_with_locations():
    text = _run("extract", "--format", "text", "--locations", "--lang", "en", SEED_PDF).stdout
    assert "blank=True" not in text and "text='" not in text
    assert "until left blank (« ..... »)" in text
    assert "sitting of November 27, 2023" in text and "duration 3 years" in text
    assert "session.president: line 13, column 88, page 1: « Marc Etienne LANSADÉ »" in text


def test_a_span_holds_the_whole_value():
    data = json.loads(_run("extract", "--locations", SEED_TXT).stdout)
    spans = data["deliberations"][0]["spans"]
    assert spans["session.president"]["text"] == "Marc Etienne LANSADÉ"


def test_configuration_errors_in_french_and_in_english(tmp_path):
    french = _run("--select", "quorom", SEED_TXT)
    assert french.returncode == ERROR
    assert french.stderr.strip() == ("ent-lint\u00a0: erreur\u00a0: ligne de commande\u00a0: règle ou famille inconnue"
                                     " 'quorom' (voir `ent-lint rules`)")
    english = _run("--select", "quorom", "--lang", "en", SEED_TXT)
    assert english.stderr.strip() == "ent-lint: error: command line: unknown rule or family 'quorom' (see `ent-lint rules`)"
    (tmp_path / "pyproject.toml").write_text('[tool.ent-lint.rules.name-spelling]\nmax-distance = "x"\n')
    option = _run(SEED_TXT, cwd=tmp_path)
    assert option.returncode == ERROR
    assert "[rules.name-spelling] max-distance\u00a0: int attendu, pas 'x'" in option.stderr


def test_the_readme_documents_every_option_of_the_help():
    from helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = _run("--help", "--lang", "en").stdout
    options = set(re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", shown, re.M))
    assert {"--format", "--quiet", "--exclude", "--color", "--show-settings"} <= options
    assert not {o for o in options if f"`{o}" not in readme and f" {o}" not in readme}


def test_export_messages_in_french_by_default():
    french = _run("export", "--format", "scdl", "--siret", "123", SEED_TXT)
    assert french.returncode == FINDINGS
    assert f"{SEED_TXT}\u00a0: COLL_SIRET\u00a0: '123' n'a pas 14 chiffres" in french.stderr
    assert french.stderr.strip().endswith("0 ligne écrite, 1 délibération laissée de côté")
    english = _run("export", "--format", "scdl", "--siret", "123", "--lang", "en", SEED_TXT)
    assert f"{SEED_TXT}: COLL_SIRET: '123' is not 14 digits" in english.stderr
    assert english.stderr.strip().endswith("0 rows written, 1 deliberation left out")
