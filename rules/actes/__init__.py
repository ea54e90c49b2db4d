"""@actes envelope checks: run by ``ent-lint actes`` on a transmission (an act, its annexes and
its envelope), never on a document alone; listed here so that ``ent-lint rules``, ``explain`` and
the README's table show them with the others.  Their cases are in tests/test_actes.py."""

from ent_lint.actes import ENVELOPE_RULES as RULES  # noqa: F401
