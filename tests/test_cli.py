"""The command as a user runs it: bad input, exit codes, formats, configuration, plugins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ent_lint.exitcodes import ERROR, FINDINGS, OK, exit_code
from ent_lint.model import Finding

from helpers import DOCUMENTS, ROOT, SEED_PDF, SEED_TXT, run_cli


def _encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(72, 720, "Séance du 27 novembre 2023")
    pdf.save()


@pytest.fixture
def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.pdf").write_bytes(bytes(range(256)) * 8)
    data = SEED_PDF.read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "folder.pdf").mkdir()
    try:
        _encrypted_pdf(tmp_path / "encrypted.pdf")
    except ImportError:
        pytest.skip("reportlab is needed to make an encrypted PDF")
    return tmp_path


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize("name,reason", [
    ("empty.txt", "empty"), ("binary.pdf", "PDF"), ("truncated.pdf", "PDF"),
    ("encrypted.pdf", "encrypted"), ("folder.pdf", "directory"), ("missing.pdf", "no such file"),
])
def test_bad_input_is_one_line_naming_the_file(bad_inputs, command, name, reason):
    path = bad_inputs / name
    result = run_cli(command, path, "--lang", "en")
    assert result.returncode == ERROR
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]


def test_a_batch_goes_on_after_a_bad_file(bad_inputs):
    result = run_cli("--format", "json", bad_inputs / "empty.txt", SEED_TXT)
    assert result.returncode == ERROR
    report = json.loads(result.stdout)
    assert report["errors"][0]["path"].endswith("empty.txt")
    assert any(f["rule"] == "school-email-mismatch" for f in report["findings"])


def test_json_findings_carry_every_field():
    result = run_cli("--format", "json", SEED_PDF)
    assert result.returncode == FINDINGS
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "school-email-mismatch")
    assert finding["severity"] == "error" and finding["page"] == 7 and finding["line"] and finding["column"]
    assert finding["evidence"] == "ecole.0831515w@ac-nice.fr"
    assert finding["path"].endswith(".pdf") and finding["fix"]


def test_text_output_points_at_the_line_with_a_caret():
    result = run_cli(SEED_TXT, "--lang", "en")
    assert f"{SEED_TXT}:245:51: error[school-email-mismatch]" in result.stdout
    assert "245 | EPPU 0831475C PISAN-MALASPINA" in result.stdout
    assert "^^^^^^^^^^^^^^^^^^^^^^^^^" in result.stdout


def test_extract_json_has_the_issue_s_names():
    data = json.loads(run_cli("extract", "--format", "json", SEED_TXT).stdout)
    delib = data["deliberations"][0]
    for key in ("authority", "body", "number", "title", "session", "convened_on", "posted_on", "counts",
                "present", "proxies", "absent", "not_voting", "secretary", "vote", "decisions",
                "signatories", "transmitted_on", "published_on"):
        assert key in delib
    assert "spans" not in delib
    located = json.loads(run_cli("extract", "--locations", SEED_TXT).stdout)
    assert located["deliberations"][0]["spans"]["counts.present"]["line"] == 12


def test_version_and_rules_and_explain():
    assert run_cli("--version").stdout.startswith("ent-lint, version")
    listing = run_cli("rules").stdout
    from ent_lint.engine import discover

    listed = [line.split()[0] for line in listing.strip().splitlines()]
    assert sorted(listed) == sorted(discover()) and "rule-crash" in listed
    explained = run_cli("explain", "quorum", "--lang", "en")
    assert explained.returncode == OK
    assert "L2121-17" in explained.stdout and "How to fix" in explained.stdout


def test_selection_and_unknown_ids():
    only = json.loads(run_cli("--format", "json", "--select", "schools", SEED_TXT).stdout)
    assert {f["rule"] for f in only["findings"]} == {"school-email-mismatch", "address-incomplete"}
    ignored = json.loads(run_cli("--format", "json", "--ignore", "schools,names", SEED_TXT).stdout)
    assert not {f["rule"] for f in ignored["findings"]} & {"school-email-mismatch", "name-spelling"}
    bad = run_cli("--select", "no-such-rule", SEED_TXT)
    assert bad.returncode == ERROR and "no-such-rule" in bad.stderr and "Traceback" not in bad.stderr


def test_severity_override_min_severity_and_fail_on():
    result = run_cli("--format", "json", "--severity", "school-email-mismatch=info", "--min-severity",
                     "warning", "--fail-on", "error", SEED_TXT)
    findings = json.loads(result.stdout)["findings"]
    assert not any(f["rule"] == "school-email-mismatch" for f in findings)
    assert all(f["severity"] == "warning" for f in findings)
    assert result.returncode == OK


def test_config_files_nearest_wins_and_command_line_over_both(tmp_path):
    (tmp_path / "setup.cfg").write_text("[ent-lint]\nselect = schools\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.ent-lint]\nselect = ["names"]\n')
    outer = json.loads(run_cli("--format", "json", SEED_TXT, cwd=tmp_path).stdout)
    assert {f["rule"] for f in outer["findings"]} == {"school-email-mismatch", "address-incomplete"}
    nearest = json.loads(run_cli("--format", "json", SEED_TXT, cwd=inner).stdout)
    assert {f["rule"] for f in nearest["findings"]} == {"name-spelling"}
    cli = json.loads(run_cli("--format", "json", "--select", "template-residue", SEED_TXT, cwd=inner).stdout)
    assert {f["rule"] for f in cli["findings"]} == {"template-residue"}
    (inner / "pyproject.toml").write_text('[tool.ent-lint]\nignore = ["quorom"]\n')
    typo = run_cli(SEED_TXT, cwd=inner)
    assert typo.returncode == ERROR and "quorom" in typo.stderr and "pyproject.toml" in typo.stderr


LOCAL_RULE = '''
from ent_lint.engine import Rule

class CogolinMentioned(Rule):
    """What it checks: the word Cogolin."""
    id = "cogolin-mentioned"
    family = "local"
    severity = "warning"
    summary = "the document names Cogolin"
    source = "test"

    def check(self, document):
        for delib in document.deliberations:
            if delib.authority == "COGOLIN":
                yield self.hit("Cogolin", delib.spans.get("authority"))
'''


def test_rules_dir_adds_a_rule(tmp_path):
    (tmp_path / "local.py").write_text(LOCAL_RULE)
    assert "cogolin-mentioned" in run_cli("rules", "--rules-dir", tmp_path).stdout
    result = run_cli("--format", "json", "--rules-dir", tmp_path, "--select", "cogolin-mentioned", SEED_TXT)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["cogolin-mentioned"]


def test_plugin_package_installed_in_a_virtual_environment(tmp_path):
    package = tmp_path / "plugin"
    (package / "cogolin_rules").mkdir(parents=True)
    (package / "cogolin_rules" / "__init__.py").write_text(LOCAL_RULE)
    (package / "setup.cfg").write_text(textwrap.dedent("""\
        [metadata]
        name = cogolin-rules
        version = 1.0
        [options]
        packages = cogolin_rules
        [options.entry_points]
        ent_lint.rules =
            cogolin = cogolin_rules
        """))
    (package / "pyproject.toml").write_text('[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n')
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    # The new environment sees this one's packages (ent-lint, pip, setuptools) through a .pth
    # file, and gets the plugin installed into its own site-packages: nothing here changes.
    # addsitedir also runs the .pth files there, so an editable install of ent-lint is seen too.
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "parent.pth").write_text("".join(
        f"import site; site.addsitedir({p!r})\n" for p in sys.path if p.endswith("site-packages")))
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(package)],
                   check=True, capture_output=True)
    run = [str(python), "-c", "from ent_lint.cli import main; main()"]
    listing = subprocess.run(run + ["rules"], capture_output=True, text=True, cwd=tmp_path)
    assert "cogolin-mentioned" in listing.stdout
    result = subprocess.run(run + ["--format", "json", "--select", "cogolin-mentioned", str(SEED_TXT)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["cogolin-mentioned"]


@pytest.mark.parametrize("severity,fail_on,exit_zero,unreadable,code", [
    ("info", "warning", False, 0, OK), ("warning", "warning", False, 0, FINDINGS),
    ("error", "never", False, 0, OK), ("error", "error", True, 0, OK), ("info", "info", False, 0, FINDINGS),
    ("info", "warning", False, 1, ERROR),
])
def test_exit_codes(severity, fail_on, exit_zero, unreadable, code):
    finding = Finding(rule="quorum", severity=severity, message="m", path="p")
    assert exit_code([finding], unreadable, fail_on, exit_zero) == code


def test_readme_quick_start_runs_as_written(tmp_path):
    """The quick start's first line, past its `pip install .`, on the installed command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    first = block.strip().splitlines()[0]
    assert first.startswith("pip install . && ")
    bin_dir = str(Path(sys.executable).parent)
    result = subprocess.run(first.removeprefix("pip install . && "), shell=True, cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"]})
    assert "délibération 1\u00a0: 2023/11/27-31" in result.stdout  # the fields, printed by extract, in French
    assert "erreur[school-email-mismatch]" in result.stdout  # then the check
    assert result.returncode == FINDINGS


def test_readme_rule_table_is_current():
    from ent_lint.readme import rule_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rule_table() in readme, "README rule table is stale: run `python -m ent_lint.readme`"


def test_a_rule_author_tests_one_rule_alone(tmp_path):
    from ent_lint.engine import Rule
    from ent_lint.testing import lint_with

    class MayorSigns(Rule):
        """What it checks: the mayor signs.
        Why it matters: house rule.
        Example: no signature.
        How to fix: sign."""

        id = "mayor-signs"
        family = "local"
        severity = "warning"
        summary = "the mayor signs every extract"
        source = "house rule"

        def check(self, document):
            for delib in document.deliberations:
                if "mayor" not in delib.signature_roles:
                    yield self.hit("no signature of the mayor", delib.spans.get("number"))

    unsigned = tmp_path / "unsigned.txt"
    unsigned.write_text("Séance du 10 mars 2022\nPrésents : Anne MARTIN\nSecrétaire de séance : Anne MARTIN\n"
                        "Délibération n° 2022-01\n"
                        "Le Conseil municipal, à l'unanimité, APPROUVE.\n", encoding="utf-8")
    found = lint_with(str(unsigned), MayorSigns)
    assert [(f.rule, f.severity) for f in found] == [("mayor-signs", "warning")]
    signed = tmp_path / "signed.txt"
    signed.write_text(unsigned.read_text(encoding="utf-8") + "Fait et délibéré à Saint-Martin, le 10 mars 2022\n"
                      "Le Maire,\nAnne MARTIN\n", encoding="utf-8")
    assert lint_with(str(signed), MayorSigns) == []
