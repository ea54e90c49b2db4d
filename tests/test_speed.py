"""What the speed-ups of the short-document path must keep: the same output as the slower way."""

from __future__ import annotations

import random

import pytest

from ent_lint import i18n, text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_decimal_is_babels_format_decimal(lang):
    """The summary's seconds, written without Babel, are what Babel writes, ties included
    (half to even on the decimal value: 0.125 -> 0.12, 0.155 -> 0.16)."""
    from babel.numbers import format_decimal

    draw = random.Random(14)
    values = [0, 0.0, 0.005, 0.015, 0.125, 0.155, 1.005, 2.675, 59.999, 99.995, 1234.565, 123456.789, 1e-9]
    values += [draw.uniform(0, 1000) for _ in range(2000)] + [i / 1000 for i in range(5000)]
    values += [-1.5, float("inf")]  # Babel's own way, whatever it is
    for value in values:
        assert i18n.decimal(value, lang) == format_decimal(value, format="0.00", locale=lang), value


def test_decimal_signs():
    assert i18n.decimal(3.6, "fr") == "3,60"
    assert i18n.decimal(0.125, "en") == "0.12"


def test_fold_remembered_is_fold():
    """fold remembers short texts: a remembered text folds as a fresh one, long texts are not
    kept, and the memory is bounded."""
    samples = ["Élue", "M. Jean-Noël DUPONT", "L’ÉCOLE\tMATERNELLE", "x" * 300, "Séance du 1er mars"]
    fresh = [text.fold(s) for s in samples]
    again = [text.fold(s) for s in samples]
    assert fresh == again == ["elue", "m. jean-noel dupont", "l'ecole maternelle", "x" * 300, "seance du 1er mars"]
    assert "x" * 300 not in text._FOLDED
    for index in range(text._FOLDED_SIZE + 10):
        text.fold(f"ligne {index} é")
    assert len(text._FOLDED) <= text._FOLDED_SIZE


_WITH_AN_AT_EXIT = """
import atexit, sys
atexit.register(lambda: print("at exit ran", file=sys.stderr))
sys.argv = ["ent-lint", *sys.argv[1:]]
from ent_lint.cli import run
run()
"""


def test_check_leaves_with_its_report_whole_and_at_exit_functions_run(tmp_path):
    """The command leaves without Python's teardown once its report is written: what it printed
    and wrote, its exit code and the at-exit functions are those of a usual exit."""
    import json
    import subprocess
    import sys

    from click.testing import CliRunner

    from ent_lint.cli import main

    from .helpers import ROOT

    document = str(ROOT / "fixtures" / "documents" / "convention-defauts.pdf")
    report = tmp_path / "report.json"
    args = ["--no-cache", "-j", "1", "--format", "concise", document]
    done = subprocess.run([sys.executable, "-c", _WITH_AN_AT_EXIT, *args, ], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    in_process = CliRunner().invoke(main, args, catch_exceptions=False)
    assert done.returncode == in_process.exit_code == 1
    strip_time = (lambda out: [line.split(" (")[0] if "vérifié" in line else line for line in out.splitlines()])
    assert strip_time(done.stdout) == strip_time(in_process.output)
    assert len(done.stdout.splitlines()) > 3
    assert done.stderr.strip() == "at exit ran"
    written = subprocess.run([sys.executable, "-c", _WITH_AN_AT_EXIT, "--no-cache", "-j", "1", "--format", "json",
                              "-o", str(report), document], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert written.returncode == 1
    assert json.loads(report.read_text(encoding="utf-8"))


_MODULES_AFTER_A_CHECK = """
import atexit, sys
atexit.register(lambda: print(sorted(m for m in ("sqlite3", "ent_lint.cache") if m in sys.modules), file=sys.stderr))
sys.argv = ["ent-lint", *sys.argv[1:]]
from ent_lint.cli import run
run()
"""


def test_a_check_without_the_cache_does_not_import_it(tmp_path):
    """--no-cache: SQLite and the cache's module are never imported (a few milliseconds of the
    command's start); with the cache they are, and the cache is used."""
    import subprocess
    import sys

    from .helpers import ROOT

    document = str(ROOT / "fixtures" / "documents" / "extrait-quorum.txt")
    for args, imported in ((["--no-cache"], "[]"), (["--cache-dir", str(tmp_path / "cache")],
                                                   "['ent_lint.cache', 'sqlite3']")):
        done = subprocess.run([sys.executable, "-c", _MODULES_AFTER_A_CHECK, *args, "-j", "1", "--format", "concise",
                               document], capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert done.returncode == 1 and "quorum" in done.stdout
        assert done.stderr.strip() == imported
    assert (tmp_path / "cache").is_dir()
