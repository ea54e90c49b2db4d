"""scdl-row-without-act: a published row that describes no act of the run."""

from __future__ import annotations

from ent_lint.engine import Examples, Message

from ._published import EXAMPLE_ACT, PublishedCsvRule, example_csv


class ScdlRowWithoutAct(PublishedCsvRule):
    """What it checks:
    Each row of the published SCDL « Délibérations » CSV (``--scdl``) against the acts of the
    run: one whose number (or, for an act with no number, date and subject) matches none.

    Why it matters:
    A published deliberation without its act is either a wrong number, or an act the archive
    does not hold: either way the public reads a decision it cannot check.

    Example:
    A row with DELIB_ID 2024-099 when the run's acts are numbered 2024-012 to 2024-020.

    How to fix:
    Correct the row's number, or add the act to the run (check the whole archive the CSV covers).
    """

    id = "scdl-row-without-act"
    family = "open-data"
    severity = "warning"
    summary = "a published SCDL row that matches no act of the run"
    source = "SCDL Délibérations 2.1.5"
    messages = {
        "orphan": Message("row {line} of the published CSV (DELIB_ID {number}, DELIB_DATE {date}) matches no act of the "
                          "run",
                          fix="correct the row's DELIB_ID, or check the document it describes"),
    }

    examples = Examples(
        bad=EXAMPLE_ACT, good=EXAMPLE_ACT, options={"csv": "{folder}/{example}.csv"},
        files={"bad.csv": example_csv(
            '2024-012,2024-03-14,Tarifs de la cantine scolaire,15,12,10,1,1',
            "2024-099,2024-03-14,Vente d'un terrain communal,12,12,12,0,0"),
               "good.csv": example_csv('2024-012,2024-03-14,Tarifs de la cantine scolaire,15,12,10,1,1')})

    def finish(self, facts):
        matching = self.matching(facts)
        if matching is None:
            return
        for row in matching.rows_alone:
            yield self.hit("orphan", locations=[row.location(self.settings["csv"])], line=row.line,
                           number=row.values.get("DELIB_ID") or "—", date=row.values.get("DELIB_DATE") or "—")
