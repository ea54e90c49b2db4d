"""The rule engine: a rule that raises, rule options from the configuration, per-file ignores,
message codes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import DOCUMENTS

COMMAND = Path(sys.executable).parent / "ent-lint"
QUORUM = DOCUMENTS / "extrait-quorum.txt"

PACK = '''
from ent_lint.engine import DeliberationRule, Examples, Message, Option, Rule


class Explodes(Rule):
    """What it checks: nothing; it raises.
    Why it matters: a test of isolation.
    How to fix: nothing."""

    id = "explodes"
    family = "local"
    summary = "raises"
    source = "test"
    messages = {"never": Message("never shown")}

    def check(self, document, text):
        raise ZeroDivisionError("a bug in a rule")


class LongTitle(DeliberationRule):
    """What it checks: a deliberation title longer than a limit.
    Why it matters: a house rule.
    How to fix: shorten it."""

    id = "long-title"
    family = "local"
    summary = "a title over the limit"
    source = "house rule"
    messages = {"long": Message("the title has {length} characters, more than {limit}", fix="shorten it")}
    options = {"limit": Option(int, 500, "the longest title allowed, in characters")}

    def check_deliberation(self, delib, document, text):
        length = len(delib.title or "")
        if length > self.settings["limit"]:
            yield self.hit("long", delib.spans.get("title"), length=length, limit=self.settings["limit"])
'''


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "local_rules.py").write_text(PACK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(config), encoding="utf-8")
    return tmp_path


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """``ent-lint`` (a check, without the cache, unless a subcommand is named) in ``cwd``."""
    options = [] if args[0] in ("rules", "explain") else ["--no-cache"]
    return subprocess.run([str(COMMAND), *options, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_a_rule_that_raises_gives_rule_crash_and_the_others_stand(tmp_path):
    cwd = _project(tmp_path, '[tool.ent-lint]\nrules-dir = ["pack"]\n')
    done = _run(cwd, "--format", "json", str(QUORUM))
    report = json.loads(done.stdout)
    rules = [f["rule"] for f in report["findings"]]
    assert rules.count("rule-crash") == 1 and "quorum" in rules  # the built-in rules' findings stand
    [crash] = [f for f in report["findings"] if f["rule"] == "rule-crash"]
    assert crash["severity"] == "error" and crash["args"]["rule"] == "explodes"
    assert "ZeroDivisionError" in crash["message"] and "a bug in a rule" in crash["traceback"]
    assert report["errors"] == [] and "Traceback" not in done.stderr
    text = _run(cwd, "--verbose", "--lang", "en", str(QUORUM)).stdout
    assert "[rule-crash] rule explodes failed" in text and "ZeroDivisionError" in text and "| Traceback" in text
    assert "| Traceback" not in _run(cwd, str(QUORUM)).stdout  # the traceback under --verbose only


def test_a_rule_option_in_pyproject_changes_the_rule(tmp_path):
    cwd = _project(tmp_path, '[tool.ent-lint]\nrules-dir = ["pack"]\nignore = ["explodes"]\n')
    assert "long-title" not in _run(cwd, "--format", "json", str(QUORUM)).stdout  # default limit: 500
    (cwd / "pyproject.toml").write_text('[tool.ent-lint]\nrules-dir = ["pack"]\nignore = ["explodes"]\n\n'
                                        '[tool.ent-lint.rules.long-title]\nlimit = 10\n', encoding="utf-8")
    report = json.loads(_run(cwd, "--format", "json", str(QUORUM)).stdout)
    [found] = [f for f in report["findings"] if f["rule"] == "long-title"]
    assert found["code"] == "long-title/long" and found["args"]["limit"] == 10
    assert found["message"] == f"the title has {found['args']['length']} characters, more than 10"


def test_rule_options_in_setup_cfg(tmp_path):
    cwd = _project(tmp_path, "")
    (cwd / "pyproject.toml").unlink()
    (cwd / "setup.cfg").write_text("[ent-lint]\nrules-dir = pack\nignore = explodes\n\n"
                                   "[ent-lint.rules.long-title]\nlimit = 10\n", encoding="utf-8")
    assert "long-title" in _run(cwd, "--format", "json", str(QUORUM)).stdout


def test_a_wrong_option_is_a_one_line_usage_error(tmp_path):
    for table, says in (("limit = \"ten\"", "expected int, got 'ten'"),
                        ("width = 3", "unknown option 'width' (known: limit)")):
        cwd = tmp_path / table.split()[0]
        cwd.mkdir()
        _project(cwd, f'[tool.ent-lint]\nrules-dir = ["pack"]\n\n[tool.ent-lint.rules.long-title]\n{table}\n')
        done = _run(cwd, "--lang", "en", str(QUORUM))  # configuration errors are French by default
        assert done.returncode == 2 and done.stdout == ""
        [line] = done.stderr.strip().splitlines()
        assert line.startswith("ent-lint: error:") and "pyproject.toml" in line and says in line
    cwd = tmp_path / "unknown-rule"
    cwd.mkdir()
    _project(cwd, '[tool.ent-lint.rules.no-such-rule]\nlimit = 3\n')
    done = _run(cwd, "--lang", "en", str(QUORUM))
    assert done.returncode == 2 and "options for an unknown rule 'no-such-rule'" in done.stderr


def test_per_file_ignores(tmp_path):
    (tmp_path / "archive" / "2019").mkdir(parents=True)
    old = tmp_path / "archive" / "2019" / "extrait.txt"
    new = tmp_path / "extrait.txt"
    old.write_bytes(QUORUM.read_bytes())
    new.write_bytes(QUORUM.read_bytes())
    (tmp_path / "pyproject.toml").write_text('[tool.ent-lint.per-file-ignores]\n"archive/2019/*.txt" = ["quorum"]\n',
                                             encoding="utf-8")
    report = json.loads(_run(tmp_path, "--format", "json", "archive", "extrait.txt").stdout)
    quorum = {Path(f["path"]).as_posix() for f in report["findings"] if f["rule"] == "quorum"}
    assert quorum == {"extrait.txt"}
    others = {Path(f["path"]).as_posix() for f in report["findings"] if f["rule"] != "quorum"}
    assert "archive/2019/extrait.txt" in others  # only the rule named is silenced there


def test_rules_json_and_explain_show_options_and_messages(tmp_path):
    cwd = _project(tmp_path, "")
    listing = json.loads(_run(cwd, "rules", "--rules-dir", "pack", "--format", "json").stdout)
    [long_title] = [r for r in listing if r["id"] == "long-title"]
    assert long_title["options"] == {"limit": {"type": "int", "default": 500,
                                               "help": "the longest title allowed, in characters"}}
    assert long_title["messages"] == {"long-title/long": "the title has {length} characters, more than {limit}"}
    explained = _run(cwd, "explain", "long-title", "--rules-dir", "pack", "--lang", "en").stdout
    assert "limit (int, default 500): the longest title allowed" in explained


def test_findings_carry_a_code_and_arguments_and_the_baseline_key_ignores_the_words():
    from ent_lint.findings import Finding

    a = Finding("quorum", "error", "the quorum is not reached", "a.txt", code="quorum/missed", args={"present": 5})
    b = Finding("quorum", "error", "le quorum n'est pas atteint", "a.txt", code="quorum/missed", args={"present": 5})
    assert a.evidence_key() == b.evidence_key()
    assert Finding.from_dict(json.loads(json.dumps(a.to_dict()))) == a


def test_a_built_in_rule_option_in_pyproject_changes_the_rule(tmp_path):
    """name-spelling's max-distance: 0 letters allowed to differ, the misspelt surname passes."""
    from ent_lint.engine import discover

    example = tmp_path / "minutes.txt"
    example.write_text(discover()["name-spelling"].examples.bad, encoding="utf-8")
    rules = lambda: [f["rule"] for f in json.loads(_run(tmp_path, "--format", "json", "--select", "names",  # noqa: E731
                                                       str(example)).stdout)["findings"]]
    assert "name-spelling" in rules()
    (tmp_path / "pyproject.toml").write_text('[tool.ent-lint.rules.name-spelling]\nmax-distance = 0\n',
                                             encoding="utf-8")
    assert "name-spelling" not in rules()


def test_whether_a_rule_takes_the_text_is_asked_once_per_rule_not_per_document(monkeypatch):
    import inspect

    from ent_lint import engine
    from ent_lint.linter import Linter

    asked = []
    signature = inspect.signature
    monkeypatch.setattr(engine, "_TAKES_TEXT", {})
    monkeypatch.setattr(inspect, "signature", lambda method, *a, **k: asked.append(method) or signature(method, *a, **k))
    linter = Linter()
    data = QUORUM.read_bytes()
    first = linter.check("a.txt", data)
    once = len(asked)
    for _ in range(3):
        assert linter.check("a.txt", data).findings == first.findings
    assert 0 < once == len(asked)
    assert once == len({getattr(m, "__func__", m) for m in asked})  # one question per rule


def test_a_rule_pack_whose_check_takes_only_the_document_still_runs():
    from ent_lint.engine import Checker, Rule
    from ent_lint.parse import parse
    from ent_lint.readers import read_data

    class Old(Rule):
        """What it checks: nothing; a rule written before the text view."""
        id = "old-style"
        family = "local"
        severity = "warning"
        summary = "old"
        source = "test"

        def check(self, document):
            yield self.hit("old")

    class New(Old):
        """What it checks: nothing; a rule that takes the text view."""
        id = "new-style"

        def check(self, document, text):
            yield self.hit("new")

    document = parse(read_data("a.txt", QUORUM.read_bytes()))
    checker = Checker([Old(), New()], {"old-style": "warning", "new-style": "warning"})
    for _ in range(2):  # the second time, from what was asked the first
        assert sorted(f.rule for f in checker.check(document)) == ["new-style", "old-style"]
