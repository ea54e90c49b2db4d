"""scdl-row-mismatch: a published row whose date, subject or votes differ from the act."""

from __future__ import annotations

from ent_lint.engine import Examples, Message

from ._published import EXAMPLE_ACT, PublishedCsvRule, example_csv, differences


class ScdlRowMismatch(PublishedCsvRule):
    """What it checks:
    Each row of the published SCDL « Délibérations » CSV (``--scdl``) against the act it
    describes (the same number, or the same date and subject for an act with no number): its
    date (DELIB_DATE), its subject (DELIB_OBJET, case, accents and punctuation aside) and its
    votes (VOTE_*, each where both the act and the row give it; a row that leaves the votes empty
    is not a difference).

    Why it matters:
    Open data stands in for the register for whoever reads it: a wrong vote or date published
    says something the council did not decide.  Published CSVs are typed by hand from the acts.

    Example:
    The act: "Pour : 6 ; Contre : 1 ; Abstentions : 1"; the row: VOTE_POUR 7, VOTE_CONTRE 0.

    How to fix:
    Correct the row from the act (``ent-lint export --format scdl`` writes the rows from the
    documents).
    """

    id = "scdl-row-mismatch"
    family = "open-data"
    severity = "error"
    summary = "a published SCDL row whose date, subject or votes differ from the act"
    source = "SCDL Délibérations 2.1.5; CGCT L2121-23"
    messages = {
        "date": Message("the published row of deliberation {number} gives the date {published:date}; the act's is "
                        "{act:date}", fix="write DELIB_DATE {act}"),
        "subject": Message("the published row of deliberation {number} gives the subject « {published} »; the act's "
                           "is « {act} »", fix="copy the subject of the act"),
        "votes": Message("the published votes of deliberation {number} differ from the act: {details:votes}",
                         fix="copy the votes of the act"),
    }

    examples = Examples(
        bad=EXAMPLE_ACT, good=EXAMPLE_ACT, options={"csv": "{folder}/{example}.csv"},
        files={"bad.csv": example_csv(
            '2024-012,2024-03-14,Tarifs de la cantine scolaire,15,12,12,0,0'),
               "good.csv": example_csv('2024-012,2024-03-14,Tarifs de la cantine scolaire,15,12,10,1,1')})

    def finish(self, facts):
        matching = self.matching(facts)
        if matching is None:
            return
        path = self.settings["csv"]
        for act, row in matching.pairs:
            found = differences(act, row)
            where = [row.location(path), act.location]
            number = row.values.get("DELIB_ID") or act.name
            if "date" in found:
                yield self.hit("date", locations=where, number=number, act=found["date"][0],
                               published=found["date"][1])
            if "subject" in found:
                yield self.hit("subject", locations=where, number=number, act=found["subject"][0],
                               published=found["subject"][1])
            if "votes" in found:
                details = [[column, published, stated] for column, stated, published in found["votes"]]
                yield self.hit("votes", locations=where, number=number, details=details)
