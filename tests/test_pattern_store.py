"""Compiled patterns kept on disk (ent_lint/pattern_store.py): what comes back from the store is
the pattern ``regex`` compiles, for every pattern of the package and the rules, and anything odd
in the store falls back to ``regex.compile``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from ent_lint import pattern_store, patterns

from .test_patterns import _import_everything

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_27c4777c775cd845.txt"  # the reference document


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store of its own in a temporary cache folder, on whatever the environment says."""
    monkeypatch.delenv("ENT_LINT_PATTERN_STORE", raising=False)
    monkeypatch.setattr(pattern_store, "_writable", True)
    pattern_store.keep_in(tmp_path)
    yield pattern_store.folder()
    pattern_store.keep_in(None)


def _same(first: regex.Pattern, second: regex.Pattern, texts: list[str]) -> None:
    assert (first.pattern, first.flags, first.groups, first.groupindex) == \
        (second.pattern, second.flags, second.groups, second.groupindex)
    for text in texts:
        assert [m.span(0) for m in first.finditer(text)] == [m.span(0) for m in second.finditer(text)]
        assert [m.groups() for m in first.finditer(text)] == [m.groups() for m in second.finditer(text)]


def test_every_pattern_comes_back_from_the_store_as_regex_compiles_it(store):
    _import_everything()
    defined = patterns.defined()
    assert len(defined) > 300
    texts = [SEED.read_text(encoding="utf-8"), "Le 3 mars 2024 à vingt heures, M. DUPONT : 12 voix pour, 2 contre."]
    for lazy in defined:
        pattern_store.compile(lazy.pattern, lazy.flags)  # compiles and stores
    assert len(list(store.iterdir())) >= len({(p.pattern, int(p.flags)) for p in defined}) - 5
    for lazy in defined:
        stored = pattern_store._load(store / pattern_store._name(lazy.pattern, lazy.flags), lazy.pattern, lazy.flags)
        assert stored is not None, lazy.pattern[:80]
        _same(stored, regex.compile(lazy.pattern, lazy.flags), texts)


def test_a_stored_pattern_is_not_compiled_by_regex_again(store, monkeypatch):
    pattern_store.compile(r"(?i)\bséance\s+du\s+(\d+)", 0)

    def refuse(*arguments, **options):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", refuse)
    found = pattern_store.compile(r"(?i)\bséance\s+du\s+(\d+)", 0).search("Séance du 12 mars")
    assert found.group(1) == "12"


def test_a_file_cut_short_falls_back_and_is_written_again(store):
    pattern = r"\bdélibération\s+n°\s*(\d+)"
    pattern_store.compile(pattern)
    path = store / pattern_store._name(pattern, 0)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert pattern_store.compile(pattern).search("délibération n° 42").group(1) == "42"
    assert path.read_bytes() == whole


def test_a_file_that_holds_another_pattern_is_not_used(store):
    pattern_store.compile(r"\d+")
    # Another pattern's file under this pattern's name (as if the names collided).
    os.replace(store / pattern_store._name(r"\d+", 0), store / pattern_store._name(r"[a-z]+", 0))
    assert pattern_store.compile(r"[a-z]+").findall("ab 12 cd") == ["ab", "cd"]


def test_flags_are_part_of_the_name():
    assert pattern_store._name("abc", 0) != pattern_store._name("abc", regex.IGNORECASE)


def test_the_store_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ENT_LINT_PATTERN_STORE", "off")
    pattern_store.keep_in(tmp_path)
    try:
        assert pattern_store.folder() is None
        assert pattern_store.compile(r"x+").match("xxx")
        assert not (tmp_path / "patterns").exists()
    finally:
        pattern_store.keep_in(None)


def test_a_cache_folder_that_cannot_be_made_compiles_each_time_silently(tmp_path, monkeypatch):
    monkeypatch.delenv("ENT_LINT_PATTERN_STORE", raising=False)
    monkeypatch.setattr(pattern_store, "_writable", True)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    pattern_store.keep_in(blocker)
    try:
        assert pattern_store.compile(r"y+").match("yy")
        assert pattern_store._writable is False
        assert blocker.read_text() == "a file where the cache folder should be"
    finally:
        pattern_store.keep_in(None)


def test_a_full_cache_folder_compiles_each_time_silently(store, monkeypatch):
    def full(*arguments, **options):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pattern_store.tempfile, "mkstemp", full)
    assert pattern_store.compile(r"z+").match("zz")
    assert pattern_store._writable is False
    assert not store.exists() or not any(store.iterdir())


def test_the_store_is_named_after_the_versions_it_depends_on(store):
    name = store.name
    assert regex.__version__ in name and f"py{sys.version_info[0]}{sys.version_info[1]}" in name
    assert store.parent.name == "patterns"


def test_a_run_without_the_cache_reads_the_store_and_adds_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("ENT_LINT_PATTERN_STORE", raising=False)
    pattern_store.keep_in(tmp_path)
    try:
        pattern_store.compile(r"\bquorum\b")
        pattern_store.keep_in(tmp_path, write=False)  # --no-cache
        files = sorted(pattern_store.folder().iterdir())
        assert pattern_store.compile(r"\bconvocation\b").search("la convocation")  # compiled, not kept
        assert sorted(pattern_store.folder().iterdir()) == files

        def refuse(*arguments, **options):
            raise AssertionError("compiled again")

        monkeypatch.setattr(regex, "compile", refuse)
        assert pattern_store.compile(r"\bquorum\b").search("le quorum est atteint")  # read from the store
        pattern_store.keep_in(tmp_path / "elsewhere", write=False)
        monkeypatch.undo()
        assert pattern_store.compile(r"x+").match("xx") and not (tmp_path / "elsewhere").exists()
    finally:
        pattern_store.keep_in(None)


def test_two_commands_say_the_same_with_a_cold_and_a_warm_store(tmp_path):
    environment = {**os.environ, "ENT_LINT_CACHE_DIR": str(tmp_path)}
    environment.pop("ENT_LINT_PATTERN_STORE", None)
    command = [sys.executable, "-m", "ent_lint", "--format", "json", str(SEED)]
    cold = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)
    stored = sorted((tmp_path / "patterns").glob("*/*.marshal"))
    # without the results cache: the document is checked again, its patterns read from the store
    warm = subprocess.run([*command[:3], "--no-cache", *command[3:]], env=environment, capture_output=True,
                          text=True, timeout=120)
    assert cold.returncode == warm.returncode == 1  # the reference document has errors
    assert len(stored) > 50 and sorted((tmp_path / "patterns").glob("*/*.marshal")) == stored
    said = [json.loads(run.stdout) for run in (cold, warm)]
    for report in said:
        del report["summary"]["seconds"]
    assert len(said[0]["findings"]) >= 5 and said[0] == said[1]
