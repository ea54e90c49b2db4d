"""The built-in rules of ent-lint, one small class each, grouped by family.

Installed as ``ent_lint.rules`` and registered through the ``ent_lint.rules`` entry point, the
same path third-party rule packs take.
"""

from . import attendance, convention, dates, names, reading, schools, vote

RULES = [
    *attendance.RULES, *vote.RULES, *dates.RULES, *names.RULES, *schools.RULES, *convention.RULES,
    *reading.RULES,
]
