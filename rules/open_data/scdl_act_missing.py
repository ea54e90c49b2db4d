"""scdl-act-missing: an act of the run that the published CSV leaves out."""

from __future__ import annotations

from ent_lint.engine import Examples, Message

from ._published import EXAMPLE_ACT, PublishedCsvRule, example_csv


class ScdlActMissing(PublishedCsvRule):
    """What it checks:
    Each deliberation read from the documents of the run against the published SCDL
    « Délibérations » CSV (``--scdl``): one that no row describes (by its number and date, or
    its date and subject when it has no number).

    Why it matters:
    A collectivity of more than 3,500 inhabitants must put its public documents online as open
    data (CGCT L1112-23, CRPA L312-1-1); a deliberation missing from the file is one the public
    cannot find there.

    Example:
    The run holds deliberation 2024-012 of 14 March 2024; no row has DELIB_ID 2024-012.

    How to fix:
    Add the row (``ent-lint export --format scdl`` writes it from the document), or check the
    number written in the CSV.
    """

    id = "scdl-act-missing"
    family = "open-data"
    severity = "warning"
    summary = "an act of the run that the published SCDL CSV does not list"
    source = "CGCT L1112-23; SCDL Délibérations 2.1.5"
    messages = {
        "missing": Message("deliberation {number} of {date:date} is not in the published CSV",
                           fix="add its row to the published CSV"),
        "missing-undated": Message("deliberation {number}, of a date not read, is not in the published CSV",
                                   fix="add its row to the published CSV"),
    }

    examples = Examples(
        bad=EXAMPLE_ACT, good=EXAMPLE_ACT, options={"csv": "{folder}/{example}.csv"},
        files={"bad.csv": example_csv(
            '2024-011,2024-03-14,Budget primitif 2024,15,12,12,0,0'),
               "good.csv": example_csv('2024-012,2024-03-14,Tarifs de la cantine scolaire,15,12,10,1,1')})

    def finish(self, facts):
        matching = self.matching(facts)
        if matching is None:
            return
        for act in matching.acts_alone:
            if act.fact["date"]:
                yield self.hit("missing", locations=[act.location], number=act.name, date=act.fact["date"])
            else:
                yield self.hit("missing-undated", locations=[act.location], number=act.name)
