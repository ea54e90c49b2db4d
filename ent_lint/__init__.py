"""ent-lint: a linter for French council deliberations, minutes and annexed conventions."""

import os as _os

__version__ = "0.1.0"

# The built-in rules live in the top-level rules/ folder and are installed as ent_lint.rules
# (setup.cfg's package_dir).  Run from a source checkout, let ent_lint.rules find that folder.
_here = _os.path.dirname(__file__)
if not _os.path.isdir(_os.path.join(_here, "rules")):
    _checkout = _os.path.dirname(_here)
    if _os.path.isfile(_os.path.join(_checkout, "rules", "__init__.py")):
        __path__.append(_checkout)  # noqa: F821 - a package's __path__
