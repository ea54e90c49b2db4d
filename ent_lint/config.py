"""Settings from ``[tool.ent-lint]`` in pyproject.toml or ``[ent-lint]`` in setup.cfg.

The nearest file that has such a section, walking up from the working directory, wins (in one
folder pyproject.toml before setup.cfg); options on the command line override it key by key.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .errors import ConfigError
from .findings import SEVERITY_RANK
from .i18n import N_

ENTRY_POINT_GROUP = "ent_lint.rules"  # where rule packs register, the built-in one included

KEYS = {"select", "extend-select", "ignore", "severity", "min-severity", "fail-on", "rules-dir",
        "per-file-ignores", "rules", "scdl", "lang", "exclude", "extend-exclude"}
FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass
class Settings:
    select: Optional[list[str]] = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    min_severity: str = "info"
    fail_on: str = "warning"
    rules_dir: list[str] = field(default_factory=list)
    #: glob -> rule ids silenced in the files it matches
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    #: rule id -> {option: value}, checked against the rule's declared options when rules load
    rule_options: dict[str, dict] = field(default_factory=dict)
    #: SCDL column -> value, for every row of ``ent-lint export --format scdl`` (COLL_SIRET...)
    scdl: dict[str, str] = field(default_factory=dict)
    #: the language of what the reader reads ("fr" or "en"); None: French, the default
    lang: Optional[str] = None
    #: globs of files and folders left out of folders, patterns and archives; None: the default
    #: (:data:`ent_lint.inputs.DEFAULT_EXCLUDE`), which ``extend_exclude`` adds to
    exclude: Optional[list[str]] = None
    extend_exclude: list[str] = field(default_factory=list)
    source: Optional[str] = None

    def merged(self, **cli) -> "Settings":
        """These settings with the command line's non-empty values on top."""
        result = Settings(**{k: v for k, v in vars(self).items()})
        for key, value in cli.items():
            if value is None or value == () or value == []:
                continue
            if key == "severity":
                result.severity = {**result.severity, **value}
            elif key in ("extend_select", "ignore", "rules_dir", "extend_exclude"):
                result_value = list(getattr(result, key)) + list(value)
                setattr(result, key, result_value)
            else:
                setattr(result, key, list(value) if isinstance(value, tuple) else value)
        return result


def _split(value, what: str = N_("rule ids")) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]
    if isinstance(value, list):
        return [str(v).strip() for v in value]
    raise ConfigError(N_("expected a list of {what:term}, got {value}"), what=what, value=repr(value))


def _from_mapping(data: dict, where: str) -> Settings:
    settings = Settings(source=where)
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(N_("{where}: unknown key {key} (known: {known})"), where=where, key=repr(key),
                              known=", ".join(sorted(KEYS)))
        if key == "select":
            settings.select = _split(value)
        elif key == "extend-select":
            settings.extend_select = _split(value)
        elif key == "ignore":
            settings.ignore = _split(value)
        elif key == "rules-dir":
            settings.rules_dir = _split(value)
        elif key == "exclude":
            settings.exclude = _split(value, N_("file globs"))
        elif key == "extend-exclude":
            settings.extend_exclude = _split(value, N_("file globs"))
        elif key == "severity":
            settings.severity = parse_severities(value, where)
        elif key == "min-severity":
            settings.min_severity = _level(str(value), where, SEVERITY_RANK)
        elif key == "fail-on":
            settings.fail_on = _level(str(value), where, FAIL_LEVELS)
        elif key == "per-file-ignores":
            settings.per_file_ignores = _per_file_ignores(value, where)
        elif key == "rules":
            settings.rule_options = _rule_options(value, where)
        elif key == "scdl":
            if not isinstance(value, dict):
                raise ConfigError(N_("{where}: scdl must give values by SCDL column name (COLL_SIRET = ...)"),
                                  where=where)
            settings.scdl = {str(k).upper(): str(v) for k, v in value.items()}
        elif key == "lang":
            from .i18n import LANGUAGES

            settings.lang = _level(str(value), where, LANGUAGES)
    return settings


def _per_file_ignores(value, where: str) -> dict[str, list[str]]:
    """``{"archives/2019/*.pdf": ["blank-date"]}`` or the INI lines ``archives/2019/*.pdf: blank-date``."""
    if isinstance(value, str):
        table = {}
        for line in value.splitlines():
            if line.strip():
                pattern, colon, ids = line.rpartition(":")
                if not colon or not pattern.strip():
                    raise ConfigError(N_("{where}: per-file-ignores: expected 'glob: rule, rule', got {line}"),
                                      where=where, line=repr(line.strip()))
                table[pattern.strip()] = _split(ids)
        return table
    if not isinstance(value, dict):
        raise ConfigError(N_("{where}: per-file-ignores must map file globs to rule ids"), where=where)
    return {str(pattern): _split(ids) for pattern, ids in value.items()}


def _rule_options(value, where: str) -> dict[str, dict]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(N_("{where}: [rules.<id>] tables must give options by name"), where=where)
    return {rule_id: dict(options) for rule_id, options in value.items()}


def _level(value: str, where: str, allowed) -> str:
    if value not in allowed:
        raise ConfigError(N_("{where:term}: {value} is not one of {allowed}"), where=where, value=repr(value),
                          allowed=", ".join(allowed))
    return value


def parse_severities(value, where: str) -> dict[str, str]:
    """``{"quorum": "warning"}`` or the INI form ``quorum:warning, blank-date:info``."""
    if isinstance(value, str):
        pairs = {}
        for item in _split(value):
            rule, _, level = item.partition(":") if ":" in item else item.partition("=")
            pairs[rule.strip()] = level.strip()
        value = pairs
    if not isinstance(value, dict):
        raise ConfigError(N_("{where}: severity must map rule ids to error, warning or info"), where=where)
    for level in value.values():
        _level(level, where, SEVERITY_RANK)
    return dict(value)


def find_config(start: Path) -> Settings:
    for folder in [start, *start.parents]:
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            import tomllib

            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(N_("{path}: invalid TOML ({error})"), path=str(pyproject), error=str(exc)) from None
            section = data.get("tool", {}).get("ent-lint")
            if section is not None:
                return _from_mapping(section, str(pyproject))
        setup_cfg = folder / "setup.cfg"
        if setup_cfg.is_file():
            parser = configparser.ConfigParser()
            try:
                parser.read(setup_cfg, encoding="utf-8")
            except configparser.Error as exc:
                raise ConfigError(N_("{path}: invalid file ({error})"), path=str(setup_cfg), error=str(exc)) from None
            if parser.has_section("ent-lint"):
                section = dict(parser.items("ent-lint"))
                rules = {name.split(".", 2)[2]: dict(parser.items(name)) for name in parser.sections()
                         if name.startswith("ent-lint.rules.") and name.count(".") >= 2}
                if rules:
                    section["rules"] = rules
                if parser.has_section("ent-lint.scdl"):
                    section["scdl"] = dict(parser.items("ent-lint.scdl"))
                return _from_mapping(section, str(setup_cfg))
    return Settings()
