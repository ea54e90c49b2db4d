"""The accuracy ratchet: ent-lint against the gold annotations of the real corpus.

``bench/accuracy.py`` measures field accuracy, the precision of warnings and errors and the recall
of the annotated defects; the totals may not fall below the figures recorded in
``tests/gold/ratchet.json`` (raise them there when a change does better).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml

from helpers import CORPUS, corpus_report

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def _bench():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_every_gold_file_is_well_formed():
    files = sorted(GOLD.glob("*.yaml"))
    assert len(files) >= 43
    kinds = {"extract", "minutes", "list", "convention", "other"}
    for path in files:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.name == f"{gold['file']}.yaml"
        assert gold["kind"] in kinds, path.name
        for item in gold.get("items") or []:
            assert "subject" in item and "number" in item, path.name
        for defect in gold.get("defects") or []:
            assert defect.get("catchable") in (True, False), path.name
            assert defect.get("quote") is None or "\n" not in defect["quote"], path.name


def test_the_comparison_matches_names_as_a_reader_would():
    bench = _bench()
    assert bench.same_name("F. BAUDON", "Francis BAUDON")
    assert bench.same_name("ALLAIS Florence", "Florence ALLAIS")
    assert not bench.same_name("Patrick GARNIER", "Jean-Pascal GARNIER")
    assert not bench.same_name("Lucien BIANCHI", "Danièle BLANCHI")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS}")
def test_accuracy_does_not_fall_below_the_recorded_figures():
    bench = _bench()
    summary = bench.totals(bench.measure(GOLD, CORPUS, [], lint=corpus_report))
    recorded = json.loads((GOLD / "ratchet.json").read_text(encoding="utf-8"))
    assert summary["documents"] == recorded["documents"]
    for key in ("field_accuracy", "precision", "recall"):
        assert summary[key] >= recorded[key], f"{key} fell to {summary[key]} (recorded {recorded[key]})"
    assert summary["read_as_empty"] == []
