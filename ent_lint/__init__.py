"""ent-lint: a linter for French council deliberations, minutes and annexed conventions."""

__version__ = "0.1.0"
