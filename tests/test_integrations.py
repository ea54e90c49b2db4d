"""Where people run linters (issue 18): the pre-commit hook, the GitLab code quality report, the
system packages' script shared by the Dockerfile and CI, and shell completion."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ent_lint.exitcodes import FINDINGS

from helpers import ROOT, SEED_TXT, run_cli

BIN = Path(sys.executable).parent


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_entry_fails_on_a_staged_defective_extract(tmp_path):
    """The hook as pre-commit runs it: its entry and args, on the staged files its ``files`` and
    ``exclude`` patterns select (``pre-commit try-repo`` would build a virtual environment from
    the package index: the entry is run here on the installed ent-lint instead)."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "ent-lint")
    assert hook["language"] == "python"
    repo = tmp_path / "mairie"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "deliberations").mkdir()
    (repo / "deliberations" / "2023-31.txt").write_bytes(SEED_TXT.read_bytes())
    (repo / "README.md").write_text("# Registre\n", encoding="utf-8")
    (repo / "notes.py").write_text("x = 1\n")
    _git(repo, "add", ".")
    staged = _git(repo, "diff", "--cached", "--name-only").split()
    chosen = [name for name in staged if re.search(hook["files"], name) and not re.search(hook["exclude"], name)]
    assert chosen == ["deliberations/2023-31.txt"]
    entry = hook["entry"].split()
    result = subprocess.run([str(BIN / entry[0]), *entry[1:], *hook["args"], *chosen], cwd=repo,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == FINDINGS
    assert "deliberations/2023-31.txt:245:51: erreur[school-email-mismatch]" in result.stdout


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="pre-commit try-repo needs git and this repository's clone")
def test_pre_commit_try_repo_fails_on_a_defective_extract(tmp_path):
    """``pre-commit try-repo`` as a user would run it: pre-commit builds the hook's environment
    from this repository (pip, from the package index) and runs it on the staged files."""
    repo = tmp_path / "mairie"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "extrait.txt").write_bytes(SEED_TXT.read_bytes())
    (repo / "README.md").write_text("# Registre\n", encoding="utf-8")
    _git(repo, "add", ".")
    result = subprocess.run([str(BIN / "pre-commit"), "try-repo", str(ROOT), "ent-lint", "--verbose"], cwd=repo,
                            capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")})
    if "An unexpected error has occurred" in result.stdout + result.stderr and "pip" in result.stdout + result.stderr:
        pytest.skip("pre-commit could not build the hook's environment (no package index?): "
                    + (result.stdout + result.stderr).strip().splitlines()[-1])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "extrait.txt:245:51: erreur[school-email-mismatch]" in result.stdout
    assert "README.md" not in result.stdout


def test_gitlab_code_quality_report_shape():
    """GitLab's code quality report: an array of issues with description, check_name,
    fingerprint, severity (info, minor, major, critical, blocker) and location.path/lines.begin."""
    report = json.loads(run_cli("--format", "gitlab", "--no-cache", SEED_TXT).stdout)
    assert isinstance(report, list) and report
    for issue in report:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str)
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == str(SEED_TXT)
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in report}) == len(report)


def test_one_script_installs_the_system_packages_for_docker_and_ci():
    script = ROOT / "scripts" / "install-system-deps.sh"
    assert subprocess.run(["sh", "-n", str(script)]).returncode == 0
    assert "tesseract-ocr-fra" in script.read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.\d+-slim", dockerfile, re.M)
    assert "install-system-deps.sh" in dockerfile and "pip install" in dockerfile
    ci = (ROOT / ".ci" / "run").read_text()
    assert "sh scripts/install-system-deps.sh" in ci and "apt-get" not in ci
    # on a machine that has the packages already, the script installs nothing and needs no network
    if shutil.which("tesseract") and shutil.which("chromium"):
        result = subprocess.run(["sh", str(script), "--with-chromium"], capture_output=True, text=True,
                                env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}, timeout=60)
        assert result.returncode == 0 and result.stdout == ""


def test_shell_completion_script_is_produced():
    for shell, marker in (("bash", "complete -o nosort -F _ent_lint_completion ent-lint"),
                          ("zsh", "#compdef ent-lint"), ("fish", "complete --no-files --command ent-lint")):
        result = subprocess.run([str(BIN / "ent-lint")], capture_output=True, text=True,
                                env={**os.environ, "_ENT_LINT_COMPLETE": f"{shell}_source"}, timeout=60)
        assert result.returncode == 0 and marker in result.stdout, shell
    words = subprocess.run([str(BIN / "ent-lint")], capture_output=True, text=True, timeout=60,
                           env={**os.environ, "_ENT_LINT_COMPLETE": "bash_complete", "COMP_WORDS": "ent-lint ex",
                                "COMP_CWORD": "1"})
    assert "extract" in words.stdout and "explain" in words.stdout
    options = subprocess.run([str(BIN / "ent-lint")], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "_ENT_LINT_COMPLETE": "bash_complete", "COMP_WORDS": "ent-lint --for",
                                  "COMP_CWORD": "1"})
    assert "plain,--format" in options.stdout.split()
