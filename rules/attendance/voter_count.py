"""voter-count: the declared voters against present + represented − members not taking part."""

from __future__ import annotations

from ent_lint.engine import DeliberationRule, Examples, Message

from .._common import first_span


class VoterCount(DeliberationRule):
    """What it checks:
    The declared number of voters against present + represented − members not taking part.

    Why it matters:
    The voters are the base of the majority (CGCT L2121-20); a wrong figure puts the outcome of
    the vote in doubt.

    How to fix:
    Recompute: present members, plus proxies, minus those who left or did not take part.
    """

    id = "voter-count"
    family = "attendance"
    severity = "error"
    summary = "declared voters ≠ present + represented − members not taking part"
    source = "CGCT art. L2121-20"
    messages = {
        "mismatch": Message("{voting} voter declared, but {present} present + {represented} represented "
                            "= {expected}",
                            plural="{voting} voters declared, but {present} present + {represented} represented "
                                   "= {expected}", count="voting", fix="the voters should be {expected}"),
        "mismatch-not-voting": Message("{voting} voter declared, but {present} present + {represented} "
                                       "represented − {not_voting} not taking part = {expected}",
                                       plural="{voting} voters declared, but {present} present + {represented} "
                                              "represented − {not_voting} not taking part = {expected}",
                                       count="voting",
                                       fix="the voters should be {expected}"),
    }
    examples = Examples(
        bad="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 11
Nombre de membres présents : 8
Nombre de membres représentés : 2
Nombre de votants : 11
Objet : Subvention au comité des fêtes
Le conseil municipal, après en avoir délibéré, à l'unanimité, ACCORDE une subvention de 500 €.
""",
        good="""\
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
Nombre de membres en exercice : 11
Nombre de membres présents : 8
Nombre de membres représentés : 2
Nombre de votants : 9
Objet : Subvention au comité des fêtes
M. Paul MARTIN, président du comité, quitte la salle et ne prend pas part au vote.
Le conseil municipal, après en avoir délibéré, à l'unanimité, ACCORDE une subvention de 500 €.
""")

    def check_deliberation(self, delib, document, text):
        counts = delib.counts
        if None in (counts.present, counts.represented, counts.voting) or delib.attendance_changed:
            return
        if not delib.sure("counts"):
            return
        expected = counts.present + counts.represented - len(delib.not_voting)
        accepted = {expected} if delib.counts_for_item else {expected, counts.present + counts.represented}
        if counts.voting not in accepted:
            args = {"voting": counts.voting, "present": counts.present, "represented": counts.represented,
                    "expected": expected}
            if delib.not_voting:
                args["not_voting"] = len(delib.not_voting)
            yield self.hit("mismatch-not-voting" if delib.not_voting else "mismatch",
                           first_span(delib, "counts.voting"), **args)
