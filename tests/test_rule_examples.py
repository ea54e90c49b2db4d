"""Every rule, one generic test: its documentation's examples are run.

A rule's ``examples.bad`` must give at least one finding of that rule, every finding built from
one of the rule's declared messages; its ``examples.good``, a near-miss, must give none.  Each
snippet is read as ent-lint reads a ``.txt`` file and checked with that rule alone.
"""

from __future__ import annotations

import pytest

from ent_lint.engine import ArchiveRule, discover
from ent_lint.testing import run_example

REGISTRY = discover()
BUILT_IN = sorted(rule_id for rule_id, cls in REGISTRY.items() if cls.__module__.startswith("ent_lint.rules"))


def test_the_built_in_rules_are_found_in_their_folders():
    assert len(BUILT_IN) >= 30
    for rule_id in BUILT_IN:
        cls = REGISTRY[rule_id]
        family = cls.__module__.split(".")[2]
        assert family == cls.family.replace("-", "_"), f"{rule_id} lives in rules/{family}/, not its family's folder"
        assert cls.__module__.rsplit(".", 1)[1] == rule_id.replace("-", "_"), f"{rule_id}: one rule per file, named after it"


@pytest.mark.parametrize("rule_id", BUILT_IN)
def test_the_examples_of_the_rule(rule_id):
    cls = REGISTRY[rule_id]
    assert cls.examples is not None, f"{rule_id} has no examples"
    assert cls.messages, f"{rule_id} declares no message"
    doc = cls.documentation()
    for section in ("What it checks", "Why it matters", "How to fix"):
        assert section in doc, f"{rule_id}: its documentation has no '{section}'"
    flagged = [f for f in run_example(cls, "bad") if f.rule == rule_id]
    assert flagged, f"{rule_id}: its example gives no finding"
    for finding in flagged:
        assert finding.code.split("/", 1)[1] in cls.messages
        assert finding.severity in cls.severities(), f"{rule_id}: a {finding.severity} that rules/explain do not show"
        assert finding.message and "{" not in finding.message
    assert [f.message for f in run_example(cls, "good") if f.rule == rule_id] == [], \
        f"{rule_id}: its near-miss gives a finding"


def test_explain_prints_the_examples():
    from click.testing import CliRunner

    from ent_lint.cli import main

    for rule_id in BUILT_IN:
        out = CliRunner().invoke(main, ["explain", rule_id, "--lang", "en"]).output
        cls = REGISTRY[rule_id]
        if cls.examples:
            first = cls.examples.documents(cls.examples.bad)[0]
            assert "Example (flagged):" in out and first.strip().splitlines()[0] in out


def test_archive_rules_collect_facts_that_survive_json():
    import json

    for rule_id in BUILT_IN:
        cls = REGISTRY[rule_id]
        if issubclass(cls, ArchiveRule) and cls.examples:
            from ent_lint.linter import Linter

            for text in cls.examples.documents(cls.examples.bad):
                result = Linter().check("a.txt", text.encode("utf-8"))
                assert result.facts and json.loads(json.dumps(result.facts)) == result.facts
