"""Patterns compiled on first use (ent_lint/patterns.py): every one compiles, loading the rules
compiles none, and a lazy pattern finds what its compiled form finds."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import regex

import ent_lint
import ent_lint.rules
from ent_lint import patterns
from ent_lint.parse.text import fold

ROOT = Path(__file__).resolve().parent.parent


def _import_everything() -> list[str]:
    """Import every module of the package and of the built-in rules; the names imported."""
    names = []
    for package in (ent_lint, ent_lint.rules):
        folder = str(Path(package.__file__).parent)  # not __path__: the editable install adds the repository's root
        for info in pkgutil.walk_packages([folder], package.__name__ + "."):
            if info.name.endswith(".__main__"):  # runs the command
                continue
            importlib.import_module(info.name)
            names.append(info.name)
    return names


@pytest.fixture(scope="module")
def defined() -> list[patterns.LazyPattern]:
    """The lazy patterns of the package and the rules (before a test here makes its own)."""
    modules = _import_everything()
    assert "ent_lint.parse.deliberation" in modules and "ent_lint.rules.attendance.secretary_ambiguous" in modules
    return patterns.defined()


def test_every_pattern_defined_compiles(defined):
    assert len(defined) > 300  # the walk reached the parser's and the rules' modules
    failed = []
    for pattern in defined:
        try:
            pattern.compile()
        except regex.error as exc:
            failed.append(f"{pattern.pattern[:80]!r}: {exc}")
    assert not failed, "\n".join(failed)


def test_a_bad_pattern_fails_at_first_use_not_before():
    bad = patterns.compile(r"(?P<open>unclosed")
    assert bad.pattern == r"(?P<open>unclosed" and not bad.compiled
    with pytest.raises(regex.error):
        bad.search("unclosed")


def test_loading_the_rules_compiles_no_pattern():
    # A fresh process: the other tests of this one have compiled patterns already.
    code = """
from pathlib import Path
import ent_lint.cli
from ent_lint import patterns
from ent_lint.config import find_config
from ent_lint.linter import Linter
linter = Linter(find_config(Path.cwd()).merged(), timeout=60)
linter.checker
made = patterns.defined()
print(len(made), sum(p.compiled for p in made))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    made, compiled = map(int, out.split())
    assert made > 300
    assert compiled == 0


def _texts() -> list[str]:
    """Folded text of some text fixtures (their first 3,000 characters: the whole of 357 patterns
    over many long documents takes minutes), the text the patterns are written for."""
    files = sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
    assert len(files) >= 12
    return [fold(file.read_text(encoding="utf-8", errors="replace")[:3000]) for file in files[::len(files) // 12]]


def test_a_lazy_pattern_finds_what_its_compiled_form_finds(defined):
    texts = _texts()
    found_any = 0
    for lazy in defined:
        eager = regex.compile(lazy.pattern, lazy.flags)
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in lazy.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in eager.finditer(text)], lazy.pattern[:80]
            found_any += bool(got)
            assert bool(lazy.search(text)) == bool(eager.search(text))
        assert lazy.groupindex == eager.groupindex
    assert found_any > 100  # the comparison saw matches, not only empty lists


def test_after_the_first_use_the_compiled_methods_are_called_directly():
    lazy = patterns.compile(r"(?P<n>\d+)\s+(?P<unit>jours?)", regex.IGNORECASE)
    assert (lazy.pattern, lazy.flags) == (r"(?P<n>\d+)\s+(?P<unit>jours?)", regex.IGNORECASE)
    assert not lazy.compiled
    assert lazy.search("dans 15 JOURS")["n"] == "15"
    assert lazy.compiled
    compiled = lazy.compile()
    for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
        method = lazy.__dict__[name]  # held by the object: no __getattr__ on later calls
        assert method.__self__ is compiled and method.__name__ == name
    # and the object is no longer of the class whose __getattr__ compiles: a class with a
    # __getattr__ slows every attribute lookup, even of the methods held
    assert type(lazy) is patterns.LazyPattern and not hasattr(type(lazy), "__getattr__")
    assert isinstance(patterns.compile("x"), patterns.LazyPattern)
    assert lazy.sub(r"\g<unit> \g<n>", "3 jours") == "jours 3"
    assert lazy.groups == 2 and lazy.groupindex == {"n": 1, "unit": 2}


def test_built_from_another_patterns_text_and_pickled():
    inner = patterns.compile(r"\d{1,3}")
    outer = patterns.compile(rf"pour\s*:\s*(?P<for>{inner.pattern})")
    assert not inner.compiled
    assert outer.match("pour : 12")["for"] == "12"
    copy = pickle.loads(pickle.dumps(outer))
    assert isinstance(copy, patterns.LazyPattern) and copy.pattern == outer.pattern
    assert copy.match("pour: 7")["for"] == "7"


def test_threads_racing_to_compile_get_the_same_answers():
    lazy = patterns.compile(r"(?i)seance\s+du\s+(?P<d>\d+)")
    answers = []
    start = threading.Barrier(8)

    def use():
        start.wait()
        answers.append(lazy.search("Séance du 12 mars".replace("é", "e"))["d"])

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["12"] * 8
