"""bench/perturb.py's rewrites on a short document of our own: a benign rewrite changes no reading.

The bench measures the whole corpus (python bench/perturb.py); this keeps a few of its families
from regressing in a few seconds: each rewrite must change the document, and ent-lint must read
from it what it reads from the document as first written (names and titles compared folded, as
the accuracy measure compares them).
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from ent_lint.api import extract, lint

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    if "perturb" not in sys.modules:
        spec = importlib.util.spec_from_file_location("perturb", ROOT / "bench" / "perturb.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["perturb"] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["perturb"]


DOCUMENT = """\
COMPTE RENDU DU CONSEIL MUNICIPAL
Séance du 12 mars 2021
Le conseil municipal s'est réuni sous la présidence de Madame Hélène VAUTRIN, Maire.
Présents : Mme VAUTRIN, MM. LEBRUN, FOUQUET, Mmes GARNIER, POISSON
Absent représenté : M. OUDIN par Mme POISSON
Secrétaire de séance : Mme GARNIER
Nombre de conseillers en exercice : 6
Présents : 5
Votants : 6

QUESTION N° 1

TARIFS DE LA CANTINE SCOLAIRE

Le conseil municipal, à l'unanimité, fixe les tarifs.

QUESTION N° 2

SUBVENTION AU COMITÉ DES FÊTES - ANNÉE 2021

Le conseil municipal, par 5 voix pour et 1 abstention, accorde une subvention de 300 euros.
"""
GOLD = {
    "sitting": {"president": "Hélène VAUTRIN", "secretary": ["GARNIER"],
                "present": ["VAUTRIN", "LEBRUN", "FOUQUET", "GARNIER", "POISSON"],
                "proxies": [{"grantor": "OUDIN", "holder": "POISSON"}]},
    "items": [{"subject": "TARIFS DE LA CANTINE SCOLAIRE"},
              {"subject": "SUBVENTION AU COMITÉ DES FÊTES - ANNÉE 2021"}],
}
FAMILIES = ["surname-title", "headings-sentence", "civility-short", "civility-full", "colon-nbsp", "colon-tight",
            "counts-words", "dash-en", "caps-unaccented", "crlf"]


def _reading(path: str) -> dict:
    fold = _bench().acc.fold
    delibs = extract(path).deliberations
    first = delibs[0]
    return {
        "president": fold(first.session.president.name), "secretary": fold(first.secretary.name),
        "present": [fold(p.name) for p in first.present],
        "proxies": [(fold(p.grantor.name), fold(p.holder.name)) for p in first.proxies],
        "counts": (first.counts.in_office, first.counts.present, first.counts.voting),
        "items": [(d.number, fold(d.title or ""), d.vote.unanimous, d.vote.for_, d.vote.abstain) for d in delibs],
        "severe": sorted(f.rule for f in lint(path).findings if f.severity in ("warning", "error")),
    }


@pytest.fixture(scope="module")
def first_reading(tmp_path_factory):
    path = tmp_path_factory.mktemp("perturb") / "cr.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    reading = _reading(str(path))
    assert reading["present"] == ["vautrin", "lebrun", "fouquet", "garnier", "poisson"]
    assert [item[1] for item in reading["items"]] == ["tarifs de la cantine scolaire",
                                                      "subvention au comite des fetes annee 2021"]
    assert reading["severe"] == []
    return reading


@pytest.mark.parametrize("name", FAMILIES)
def test_a_benign_rewrite_changes_no_reading(name, first_reading, tmp_path):
    bench = _bench()
    family = bench.FAMILIES[name]
    rewritten = family.rewrite(DOCUMENT, random.Random(f"1:{name}"), GOLD)
    assert rewritten != DOCUMENT, f"{name} left the document as it was"
    assert bench.broken_values(DOCUMENT, rewritten, GOLD) == []
    path = tmp_path / "cr.txt"
    path.write_bytes(rewritten.encode("utf-8"))
    assert _reading(str(path)) == first_reading


def test_the_guard_refuses_a_rewrite_that_changes_a_gold_value():
    bench = _bench()
    changed = DOCUMENT.replace("CANTINE SCOLAIRE", "RESTAURATION SCOLAIRE")
    assert bench.broken_values(DOCUMENT, changed, GOLD) == ["tarifsdelacantinescolaire"]
