"""The rule engine: the Rule base class, discovery of rule packs, selection and checking.

Built-in rules (the ``rules/`` folder, installed as ``ent_lint.rules``) and third-party packs
register the same way: through the ``ent_lint.rules`` entry-point group.  A local folder of
rule files can be added with ``--rules-dir``.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Iterable, Iterator, Optional

from .config import ENTRY_POINT_GROUP
from .errors import ConfigError
from .findings import SEVERITY_RANK, Finding, Severity
from .model import Document, Span



@dataclass
class Hit:
    """What a rule reports; the engine turns it into a :class:`Finding`."""

    message: str
    span: Optional[Span] = None
    fix: Optional[str] = None
    severity: Optional[Severity] = None


class Rule:
    """One check.  Subclasses set the class attributes and implement :meth:`check`.

    The class docstring is the rule's documentation, with the sections "What it checks",
    "Why it matters", "Example" and "How to fix"; ``ent-lint explain``, the README's rule
    table and SARIF's rule help all come from it.
    """

    id: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    summary: ClassVar[str]
    source: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    #: the kinds of document the rule applies to (``Document.kind``)
    kinds: ClassVar[tuple[str, ...]] = ("extract", "minutes", "list", "convention", "other")

    def check(self, document: Document) -> Iterable[Hit]:
        raise NotImplementedError

    def hit(self, message: str, span: Optional[Span] = None, *, fix: Optional[str] = None,
            severity: Optional[Severity] = None) -> Hit:
        return Hit(message, span, fix, severity)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def describe(cls) -> dict:
        """The rule's identity, as ``ent-lint rules --format json`` and the web API list it."""
        return {"id": cls.id, "family": cls.family, "severity": cls.severity, "summary": cls.summary,
                "source": cls.source, "kinds": list(cls.kinds)}


def _rules_in(obj) -> list[type[Rule]]:
    if inspect.isclass(obj) and issubclass(obj, Rule):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [r for item in obj for r in _rules_in(item)]
    if inspect.ismodule(obj):
        if hasattr(obj, "RULES"):
            return _rules_in(obj.RULES)
        return [value for value in vars(obj).values()
                if inspect.isclass(value) and issubclass(value, Rule) and value is not Rule
                and value.__module__ == obj.__name__ and getattr(value, "id", None)]
    raise ConfigError(f"rule plugin gave {obj!r}, not a rule, a list of rules or a module")


def _load_dir(folder: str) -> list[type[Rule]]:
    path = Path(folder)
    if not path.is_dir():
        raise ConfigError(f"--rules-dir {folder}: not a directory")
    found: list[type[Rule]] = []
    for file in sorted(path.glob("*.py")):
        name = f"ent_lint_local_rules.{file.stem}"
        spec = importlib.util.spec_from_file_location(name, file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # a broken local rule file is a usage error
            raise ConfigError(f"{file}: cannot load rules ({exc.__class__.__name__}: {exc})") from None
        found.extend(_rules_in(module))
    return found


def discover(rules_dirs: Iterable[str] = ()) -> dict[str, type[Rule]]:
    """Every available rule by id: entry-point packs first, then local folders."""
    from importlib.metadata import entry_points

    classes: list[type[Rule]] = []
    points = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: (p.name != "builtin", p.name))
    seen_values = set()
    for point in points:
        if point.value in seen_values:
            continue
        seen_values.add(point.value)
        try:
            classes.extend(_rules_in(point.load()))
        except ConfigError:
            raise
        except Exception as exc:
            raise ConfigError(f"rule plugin {point.name!r} cannot be loaded: {exc}") from None
    for folder in rules_dirs:
        classes.extend(_load_dir(folder))
    registry: dict[str, type[Rule]] = {}
    for cls in classes:
        if cls.id in registry and registry[cls.id] is not cls:
            raise ConfigError(f"two rules share the id {cls.id!r}")
        registry[cls.id] = cls
    return registry


def resolve_ids(registry: dict[str, type[Rule]], names: Iterable[str], where: str) -> set[str]:
    """Rule ids for a list of ids, aliases, families or ALL; unknown names are an error."""
    aliases = {alias: cls.id for cls in registry.values() for alias in cls.aliases}
    families = {cls.family for cls in registry.values()}
    ids: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name.upper() == "ALL":
            ids.update(registry)
        elif name in registry:
            ids.add(name)
        elif name in aliases:
            ids.add(aliases[name])
        elif name in families:
            ids.update(i for i, cls in registry.items() if cls.family == name)
        else:
            raise ConfigError(f"{where}: unknown rule or family {name!r} (see `ent-lint rules`)")
    return ids


@dataclass
class Checker:
    """Selected rules with their effective severities."""

    rules: list[Rule]
    severities: dict[str, Severity]
    min_severity: Severity = "info"

    def check(self, document: Document) -> list[Finding]:
        findings: dict[tuple, Finding] = {}
        floor = SEVERITY_RANK[self.min_severity]
        for rule in self.rules:
            for hit in _run(rule, document):
                severity = hit.severity or self.severities[rule.id]
                if SEVERITY_RANK[severity] < floor:
                    continue
                span = hit.span
                finding = Finding(
                    rule=rule.id, severity=severity, message=hit.message, path=document.path,
                    page=span.page if span else None, line=span.line if span else None,
                    column=span.column if span else None, evidence=span.text if span else None,
                    fix=hit.fix, ocr=bool(span and span.ocr))
                key = (finding.rule, finding.page, finding.line, finding.column, finding.message)
                findings.setdefault(key, finding)
        return sorted(findings.values(),
                      key=lambda f: (f.page or 0, f.line or 0, f.column or 0, f.rule, f.message))


def _run(rule: Rule, document: Document) -> Iterator[Hit]:
    if document.kind in rule.kinds:
        yield from rule.check(document) or ()
