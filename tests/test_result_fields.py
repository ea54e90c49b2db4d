"""A run leaves out the fields read where nothing shows them, and keeps them where something
does (the cache, the HTML report, the library's check)."""

from __future__ import annotations

from ent_lint.batch import Runner
from ent_lint.cache import Cache
from ent_lint.inputs import Job
from ent_lint.linter import Linter

from helpers import SEED_PDF, SEED_TXT

PATHS = [str(SEED_PDF), str(SEED_TXT)]


def _run(runner: Runner) -> list:
    return list(runner.run([Job(path, path) for path in PATHS]))


def test_without_fields_the_findings_are_the_same_and_the_fields_left_out():
    linter = Linter(timeout=120)
    full = _run(Runner(linter, fields=True))
    bare = _run(Runner(linter, fields=False))
    assert all(result.fields and result.fields["deliberations"] for result in full)
    assert [result.fields for result in bare] == [None, None]
    assert [[f.to_dict() for f in r.findings] for r in bare] == [[f.to_dict() for f in r.findings] for r in full]
    assert [(r.kind, r.pages, r.lines, r.facts) for r in bare] == [(r.kind, r.pages, r.lines, r.facts) for r in full]


def test_a_cache_keeps_the_fields_whatever_was_asked(tmp_path):
    linter = Linter(timeout=120)
    cache = Cache(tmp_path / "cache")
    try:
        checked = _run(Runner(linter, cache=cache, fields=False))
        again = _run(Runner(linter, cache=cache, fields=False))
    finally:
        cache.close()
    assert all(result.fields and result.fields["deliberations"] for result in checked)
    assert all(result.cached for result in again)
    assert [r.fields for r in again] == [r.fields for r in checked]


def test_the_library_check_keeps_the_fields():
    with open(SEED_PDF, "rb") as handle:
        result = Linter(timeout=120).check(str(SEED_PDF), handle.read())
    assert result.fields and result.fields["deliberations"]
