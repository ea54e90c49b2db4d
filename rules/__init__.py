"""The built-in rules of ent-lint: one rule per file, in one folder per family.

Installed as ``ent_lint.rules`` and registered through the ``ent_lint.rules`` entry point, the
same path third-party rule packs take; every rule class found in the folders is registered.
Modules whose name starts with ``_`` hold what the rules of a family share.
"""
