"""Accuracy of ent-lint against gold annotations made by reading the documents.

For every ``tests/gold/<file>.yaml`` whose document is found (``../shared/corpus/real/`` by
default), runs ent-lint on the document and compares:

- **fields**: the values the document states (sitting date, president, secretary, the four
  counts, the present / proxies / absent lists, and each item's number, subject and vote):
  accuracy over the values the gold states, plus the values ent-lint invents where the gold has
  none;
- **findings**: the precision of warnings and errors (a finding is true when a gold defect of the
  same rule is quoted within three lines of it, or of a place of the same document the finding
  names as related: "written « X » elsewhere (line 3)") and the recall of the gold defects a rule can
  catch (reported at any level, and how many of them as a warning or an error).

Prints a table per document and the totals; ``--diff`` adds what differs, ``--json FILE`` writes
the figures (the ratchet test reads them).  Usage::

    python bench/accuracy.py [--corpus DIR] [--gold DIR] [--diff] [--json FILE] [NAME_GLOB...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import fnmatch
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "tests" / "gold"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "real"

#: the fields measured, in the order of the table
SITTING_FIELDS = ("date", "president", "secretary", "in_office", "present", "represented", "voting",
                  "present_list", "proxies", "absent_list")
ITEM_FIELDS = ("number", "subject", "vote")
FIELDS = SITTING_FIELDS + ITEM_FIELDS
SEVERE = {"warning", "error"}
CIVILITIES = {"m", "mr", "mme", "mmes", "mm", "mlle", "melle", "monsieur", "madame", "messieurs",
              "mesdames", "dr", "docteur", "me"}


def fold(text: str) -> str:
    """Lower case, no accents, « œ » as « oe », only letters, digits and single spaces (every other
    sign, « ° » and « – » too, is a space)."""
    text = unicodedata.normalize("NFKD", str(text).replace("œ", "oe").replace("Œ", "OE").lower())
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.encode("ascii", "ignore").decode().split())


# --- people -------------------------------------------------------------------------------------

def _tokens(name: str) -> list[str]:
    return [t for t in fold(name).split() if t not in CIVILITIES]


def same_name(a: str, b: str) -> bool:
    """Whether two written names can be one person: every word of the shorter form is a word of
    the longer one, or the initial of one ("F. BAUDON" is "Francis BAUDON"), and a full word
    (the surname) is shared."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    short, long_ = sorted((ta, tb), key=len)
    pool = list(long_)
    full_shared = False
    for token in short:
        if token in pool:
            pool.remove(token)
            full_shared = full_shared or len(token) > 1
            continue
        initial = next((p for p in pool if len(token) == 1 and p.startswith(token)
                        or len(p) == 1 and token.startswith(p)), None)
        if initial is None:
            return False
        pool.remove(initial)
    return full_shared


def match_names(gold: list[str], found: list[str]) -> tuple[list[str], list[str]]:
    """The gold names not found, and the names found that are in no gold entry."""
    rest = list(found)
    missing = []
    for name in gold:
        hit = next((f for f in rest if same_name(name, f)), None)
        if hit is None:
            missing.append(name)
        else:
            rest.remove(hit)
    return missing, rest


# --- the tool's side ----------------------------------------------------------------------------

def _name(person: Any) -> Optional[str]:
    return getattr(person, "name", None) if person is not None else None


def _date(value: Any) -> Optional[str]:
    return value.isoformat() if isinstance(value, dt.date) else None


def tool_sitting(document) -> dict:
    """The sitting as ent-lint read it: from the first deliberation (every item of a sitting
    carries the sitting's values)."""
    if not document.deliberations:
        return {}
    d = document.deliberations[0]
    return {
        "date": _date(d.session.date), "president": _name(d.session.president),
        "secretary": _name(d.secretary), "in_office": d.counts.in_office,
        "present": d.counts.present, "represented": d.counts.represented,
        "voting": d.counts.voting,
        "present_list": [p.name for p in d.present] if d.present else None,
        "proxies": [(p.grantor.name, p.holder.name) for p in d.proxies] if d.proxies else None,
        "absent_list": [p.name for p in d.absent] if d.absent else None,
    }


def tool_vote(delib) -> dict:
    v = delib.vote
    return {"unanimous": True if v.unanimous else None, "for": v.for_, "against": v.against,
            "abstain": v.abstain, "ballot": True if v.ballot else None}


# --- comparing ----------------------------------------------------------------------------------

@dataclass
class Tally:
    stated: int = 0
    right: int = 0
    invented: int = 0  # a value ent-lint gives where the gold says the document states none

    def add(self, other: "Tally") -> None:
        self.stated += other.stated
        self.right += other.right
        self.invented += other.invented

    @property
    def accuracy(self) -> Optional[float]:
        return self.right / self.stated if self.stated else None


@dataclass
class DocResult:
    name: str
    kind_gold: str
    kind_tool: Optional[str] = None
    error: Optional[str] = None
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    items_gold: int = 0
    items_tool: int = 0
    findings: int = 0
    true_findings: int = 0
    defects: int = 0
    found_defects: int = 0  # reported at any level
    found_defects_severe: int = 0  # reported as a warning or an error
    diffs: list[str] = field(default_factory=list)
    false_findings: list[str] = field(default_factory=list)
    missed_defects: list[str] = field(default_factory=list)

    def total(self) -> Tally:
        t = Tally()
        for tally in self.fields.values():
            t.add(tally)
        return t


def _normal_number(number: Any) -> str:
    text = fold(number or "")
    for word in ("deliberation", "delib", "del", "dl", "n", "no", "numero", "point", "dossier"):
        text = " ".join(t for t in text.split() if t != word)
    return text.replace(" ", "")


def _subject_ok(gold: str, found: Optional[str]) -> bool:
    if not found:
        return False
    g, f = fold(gold), fold(found)
    if not g:
        return True
    n = min(len(g), len(f), 60)
    if n < min(len(g), 12):  # the tool's subject is a stub of the gold one
        return False
    return difflib.SequenceMatcher(None, g[:n], f[:n]).ratio() >= 0.85


def _vote_ok(gold: dict, found: dict) -> bool:
    for key in ("unanimous", "for", "against", "abstain", "ballot"):
        g = gold.get(key)
        if key in ("unanimous", "ballot"):
            g = True if g else None
        if g != found.get(key):
            return False
    return True


def pair_items(gold_items: list[dict], delibs: list) -> list[tuple[dict, Optional[Any]]]:
    """Each gold item with the deliberation ent-lint read for it: by number first, then by
    subject, in document order."""
    free = list(range(len(delibs)))
    pairs: dict[int, int] = {}
    for gi, item in enumerate(gold_items):
        key = _normal_number(item.get("number"))
        if not key:
            continue
        hit = next((ti for ti in free if _normal_number(delibs[ti].number) == key), None)
        if hit is not None:
            pairs[gi] = hit
            free.remove(hit)
    for gi, item in enumerate(gold_items):
        if gi in pairs:
            continue
        best = max(free, default=None, key=lambda ti: difflib.SequenceMatcher(
            None, fold(item.get("subject") or "")[:60], fold(delibs[ti].title or "")[:60]).ratio())
        if best is not None and _subject_ok(item.get("subject") or "", delibs[best].title):
            pairs[gi] = best
            free.remove(best)
    unpaired = [gi for gi in range(len(gold_items)) if gi not in pairs]
    if len(unpaired) == 1 and len(free) == 1:  # an extract's one deliberation, titled otherwise
        pairs[unpaired[0]] = free[0]
    return [(item, delibs[pairs[gi]] if gi in pairs else None) for gi, item in enumerate(gold_items)]


def compare_fields(result: DocResult, gold: dict, document) -> None:
    sitting = gold.get("sitting") or {}
    mine = tool_sitting(document) if document is not None else {}
    counts = sitting.get("counts") or {}
    golden = {
        "date": str(sitting["date"]) if sitting.get("date") else None,
        "president": sitting.get("president"),
        "secretary": sitting.get("secretary") or None,
        "in_office": counts.get("in_office"), "present": counts.get("present"),
        "represented": counts.get("represented"), "voting": counts.get("voting"),
        "present_list": sitting.get("present"),
        "proxies": [(p["grantor"], p["holder"]) for p in sitting["proxies"]]
        if sitting.get("proxies") is not None else None,
        "absent_list": sitting.get("absent"),
    }
    for name in SITTING_FIELDS:
        g, f = golden[name], mine.get(name)
        tally = result.fields[name]
        if g is None or g == []:
            if f not in (None, [], ()) and name not in ("proxies", "absent_list"):
                tally.invented += 1
                result.diffs.append(f"{name}: gold none, read {f!r}")
            continue
        tally.stated += 1
        ok = _field_ok(name, g, f)
        tally.right += ok
        if not ok:
            result.diffs.append(f"{name}: gold {_show(g)}, read {_show(f)}")
    delibs = document.deliberations if document is not None else []
    items = gold.get("items") or []
    result.items_gold, result.items_tool = len(items), len(delibs)
    for item, delib in pair_items(items, delibs):
        label = item.get("number") or (item.get("subject") or "")[:40]
        checks = []
        if item.get("number"):
            checks.append(("number", lambda d: _normal_number(d.number) == _normal_number(item["number"])))
        if item.get("subject"):
            checks.append(("subject", lambda d: _subject_ok(item["subject"], d.title)))
        if item.get("deliberative", True) and item.get("vote"):
            checks.append(("vote", lambda d: _vote_ok(item["vote"], tool_vote(d))))
        for name, check in checks:
            tally = result.fields[name]
            tally.stated += 1
            ok = delib is not None and check(delib)
            tally.right += ok
            if not ok:
                seen = "no item" if delib is None else {
                    "number": delib.number, "subject": (delib.title or "")[:50],
                    "vote": tool_vote(delib)}[name]
                result.diffs.append(f"item {label}: {name}: read {seen!r}"
                                    + (f", gold {item['vote']!r}" if name == "vote" else ""))


def _field_ok(name: str, gold: Any, found: Any) -> bool:
    if found is None:
        return False
    if name in ("president",):
        return same_name(gold, found)
    if name == "secretary":
        return any(same_name(g, found) for g in gold)
    if name in ("present_list", "absent_list"):
        missing, extra = match_names(list(gold), list(found))
        return not missing and not extra
    if name == "proxies":
        rest = list(found)
        for grantor, holder in gold:
            hit = next((p for p in rest if same_name(grantor, p[0]) and same_name(holder, p[1])), None)
            if hit is None:
                return False
            rest.remove(hit)
        return not rest
    return gold == found


def _show(value: Any) -> str:
    if isinstance(value, list) and len(value) > 4:
        return f"[{len(value)} entries: {', '.join(map(str, value[:3]))}, ...]"
    return repr(value)


# --- findings -----------------------------------------------------------------------------------

def _near(source, page: Optional[int], line: Optional[int], quote: str) -> bool:
    """Whether the quote stands within three lines of (page, line) in the text read."""
    wanted = fold(quote)
    if not wanted or source is None or line is None:
        return False
    lines = [ln for ln in source.lines if ln.page == page and abs(ln.number - line) <= 3]
    text = fold(" ".join(ln.text for ln in lines))
    return wanted in text


def compare_findings(result: DocResult, gold: dict, findings: list, source) -> None:
    defects = gold.get("defects") or []
    result.findings = sum(f.severity in SEVERE for f in findings)
    catchable = [d for d in defects if d.get("catchable", True) and d.get("rule")]
    found, found_severe = set(), set()
    for finding in findings:
        # a finding points at its place and at the related places it names ("written « X »
        # elsewhere (line 3)"): the defect is held when its quote stands near any of them
        places = [(finding.page, finding.line)] + [(r.page, r.line) for r in finding.related if r.path == finding.path]
        matches = [i for i, d in enumerate(catchable) if d["rule"] == finding.rule and (
            not d.get("quote") or finding.line is None
            or any(_near(source, page, line, d["quote"]) for page, line in places))]
        found.update(matches)
        if finding.severity not in SEVERE:
            continue
        if matches:
            result.true_findings += 1
            found_severe.update(matches)
        else:
            where = f"{finding.page}:{finding.line}" if finding.page else f"{finding.line}"
            result.false_findings.append(f"{finding.rule} at {where}: {finding.message[:90]}")
    result.defects = len(catchable)
    result.found_defects = len(found)
    result.found_defects_severe = len(found_severe)
    for i, d in enumerate(catchable):
        if i not in found:
            result.missed_defects.append(f"{d['rule']} p.{d.get('page')}: {d.get('quote')!r}")


# --- running ------------------------------------------------------------------------------------

def measure(gold_dir: Path, corpus: Path, patterns: list[str], lint=None) -> list[DocResult]:
    """Compare every gold file whose document is in ``corpus``; ``lint`` (path -> Report) defaults
    to ``ent_lint.api.lint``."""
    if lint is None:
        from ent_lint.api import lint

    results = []
    for gold_file in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        name = gold["file"]
        if patterns and not any(fnmatch.fnmatch(name, p) for p in patterns):
            continue
        path = corpus / name
        if not path.is_file():
            continue
        result = DocResult(name, gold.get("kind", "?"))
        report = lint(str(path))
        result.error = report.error
        document = report.document
        if document is not None:
            result.kind_tool = getattr(document, "kind", None)
        compare_fields(result, gold, document)
        compare_findings(result, gold, report.findings, report.source)
        results.append(result)
    return results


def totals(results: list[DocResult]) -> dict:
    by_field = {f: Tally() for f in FIELDS}
    for r in results:
        for name, tally in r.fields.items():
            by_field[name].add(tally)
    all_fields = Tally()
    for tally in by_field.values():
        all_fields.add(tally)
    findings = sum(r.findings for r in results)
    true = sum(r.true_findings for r in results)
    defects = sum(r.defects for r in results)
    found = sum(r.found_defects for r in results)
    found_severe = sum(r.found_defects_severe for r in results)
    kinds_right = sum(r.kind_tool == r.kind_gold for r in results)
    return {
        "documents": len(results),
        "field_accuracy": round(all_fields.accuracy or 0, 4),
        "fields_stated": all_fields.stated, "fields_right": all_fields.right,
        "values_invented": all_fields.invented,
        "by_field": {k: {"stated": t.stated, "right": t.right, "invented": t.invented,
                         "accuracy": round(t.accuracy, 4) if t.accuracy is not None else None}
                     for k, t in by_field.items()},
        "findings": findings, "true_findings": true,
        "precision": round(true / findings, 4) if findings else 1.0,
        "defects": defects, "defects_found": found,
        "recall": round(found / defects, 4) if defects else 1.0,
        "defects_found_as_warning_or_error": found_severe,
        "kind_accuracy": round(kinds_right / len(results), 4) if results else None,
        "read_as_empty": [r.name for r in results if r.items_tool == 0 and r.items_gold > 0],
    }


def _pct(value: Optional[float]) -> str:
    return "   -" if value is None else f"{100 * value:5.1f}%"


def print_report(results: list[DocResult], summary: dict, diff: bool) -> None:
    print(f"{'document':58} {'kind':>10} {'fields':>9} {'acc':>6} {'inv':>3} {'items':>7} "
          f"{'W+E':>3} {'true':>4} {'defects':>7}")
    for r in results:
        t = r.total()
        kind = r.kind_gold if r.kind_tool == r.kind_gold else f"{r.kind_tool}≠{r.kind_gold}"
        print(f"{r.name[:58]:58} {kind[:10]:>10} {t.right:>4}/{t.stated:<4} {_pct(t.accuracy)} "
              f"{t.invented:>3} {r.items_tool:>3}/{r.items_gold:<3} {r.findings:>3} "
              f"{r.true_findings:>4} {r.found_defects:>3}/{r.defects:<3}"
              + (f"  ERROR {r.error}" if r.error else ""))
        if diff:
            for line in r.diffs + [f"FALSE {x}" for x in r.false_findings] + [
                    f"MISSED {x}" for x in r.missed_defects]:
                print(f"    {line}")
    print()
    print("field            stated  right  accuracy  invented")
    for name, t in summary["by_field"].items():
        print(f"{name:16} {t['stated']:>6} {t['right']:>6}  {_pct(t['accuracy'])}  {t['invented']:>8}")
    print()
    print(f"documents: {summary['documents']}")
    print(f"field accuracy (values the documents state): {_pct(summary['field_accuracy'])} "
          f"({summary['fields_right']}/{summary['fields_stated']}); values invented: "
          f"{summary['values_invented']}")
    print(f"precision of warnings and errors: {_pct(summary['precision'])} "
          f"({summary['true_findings']}/{summary['findings']})")
    print(f"recall of the defects a rule can catch: {_pct(summary['recall'])} "
          f"({summary['defects_found']}/{summary['defects']}; "
          f"{summary['defects_found_as_warning_or_error']} of them as a warning or an error)")
    print(f"document kind right: {_pct(summary['kind_accuracy'])}")
    print(f"documents with items read as empty: {len(summary['read_as_empty'])} "
          f"{' '.join(summary['read_as_empty'])}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="*", help="file name globs to measure (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--diff", action="store_true", help="list what differs per document")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"accuracy: corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    results = measure(args.gold, args.corpus, args.patterns)
    summary = totals(results)
    print(f"ent-lint accuracy, {dt.date.today().isoformat()}, corpus {args.corpus}")
    print_report(results, summary, args.diff)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
