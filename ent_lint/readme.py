"""The README's rule table, generated from the rules: ``python -m ent_lint.readme`` rewrites it."""

from __future__ import annotations

from pathlib import Path

BEGIN = "<!-- rules:begin -->"
END = "<!-- rules:end -->"


def rule_table() -> str:
    from .engine import discover

    rows = ["| id | family | severity | checks | source |", "|---|---|---|---|---|"]
    for rule in sorted(discover().values(), key=lambda r: (r.family, r.id)):
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| `{rule.id}` | {rule.family} | {'/'.join(rule.severities())} | {summary} | {rule.source} |")
    return f"{BEGIN}\n" + "\n".join(rows) + f"\n{END}"


def update(readme: Path) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    readme.write_text(text[:start] + rule_table() + text[end:], encoding="utf-8")


if __name__ == "__main__":
    update(Path("README.md"))
