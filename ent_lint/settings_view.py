"""``ent-lint --show-settings``: the settings in effect, as the configuration would write them,
the rules they select and the files they check."""

from __future__ import annotations

import json

from .config import Settings
from .i18n import _, reason


def show(settings: Settings, jobs, skipped) -> str:
    """The configuration's keys with their values in effect (TOML), the selected rules, then the
    files that would be checked and those skipped, with why."""
    from .inputs import DEFAULT_EXCLUDE
    from .linter import build_checker

    checker = build_checker(settings)  # a bad selection is the usual ConfigError
    values = {
        "select": settings.select if settings.select is not None else ["ALL"],
        "extend-select": settings.extend_select, "ignore": settings.ignore,
        "severity": settings.severity, "min-severity": settings.min_severity, "fail-on": settings.fail_on,
        "rules-dir": settings.rules_dir, "per-file-ignores": settings.per_file_ignores,
        "exclude": settings.exclude if settings.exclude is not None else list(DEFAULT_EXCLUDE),
        "extend-exclude": settings.extend_exclude, "lang": settings.lang or "fr",
    }
    out = ["# " + _("configuration: {source}").format(source=settings.source or _("none (the defaults)"))]
    out += [f"{key} = {_toml(value)}" for key, value in values.items()]
    for rule_id, options in sorted(settings.rule_options.items()):
        out += ["", f"[rules.{rule_id}]", *(f"{name} = {_toml(value)}" for name, value in options.items())]
    rules = sorted(rule.id for rule in checker.rules)
    out += ["", "# " + _("rules checked ({n}): {rules}").format(n=len(rules), rules=", ".join(rules))]
    out += ["# " + _("files: {n}").format(n=len(jobs))]
    out += [f"#   {job.name}" for job in jobs]
    if skipped:
        out += ["# " + _("skipped: {n}").format(n=len(skipped))]
        out += [f"#   {name}: {reason(why)}" for name, why in skipped]
    return "\n".join(out)


def _toml(value) -> str:
    """A value as TOML writes it: strings, lists and inline tables are JSON's."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)
