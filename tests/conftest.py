"""Test-wide settings: the results cache goes to a temporary folder, never the user's."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("ENT_LINT_CACHE_DIR")
    os.environ["ENT_LINT_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("ENT_LINT_CACHE_DIR", None)
    else:
        os.environ["ENT_LINT_CACHE_DIR"] = previous


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French, the default: a command run in-process (click's CliRunner)
    sets the language of the process it runs in."""
    from ent_lint import i18n

    with i18n.language(i18n.DEFAULT):
        yield
