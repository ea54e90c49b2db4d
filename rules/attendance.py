"""Attendance: counts against lists, quorum, proxies, the secretary, the council's size."""

from __future__ import annotations

from collections import defaultdict

from ent_lint import reference
from ent_lint.engine import Rule
from ent_lint.people import find, same_person

from ent_lint.people import present_people

from ._common import first_span


def _part_of_sitting(delib) -> bool:
    """Whether a member is listed for part of the sitting only ("à partir de la question 14"):
    the declared counts may then describe the opening or the later items."""
    return any(p.for_part_of_sitting for p in delib.present + delib.absent
               + [x.grantor for x in delib.proxies])


class PresentCount(Rule):
    """What it checks:
    The number of members declared present against the members listed present.  The presiding
    mayor counts as present whether or not the list names him.

    Why it matters:
    The present count decides the quorum and the number of voters; a count that does not match
    its own list makes the prefecture ask which one is true.

    Example:
    "Présents : 22" with 20 names listed and a president who is not among them.

    How to fix:
    Count the names again, add the missing member to the list or correct the figure.
    """

    id = "present-count"
    family = "attendance"
    severity = "error"
    summary = "declared present ≠ members listed present (the presiding mayor counts)"
    source = "register consistency"

    def check(self, document):
        for delib in document.deliberations:
            declared = delib.counts.present
            if declared is None or not delib.present or delib.attendance_changed:
                continue
            if not delib.sure("counts.present", "present") or _part_of_sitting(delib):
                continue
            listed = len(present_people(delib))
            allowed = {listed} if delib.session.president else {listed, listed + 1}
            if declared not in allowed:
                yield self.hit(
                    f"{declared} members declared present, but {listed} are listed present"
                    + (" (the president included)" if delib.session.president else ""),
                    first_span(delib, "counts.present", "list.present"),
                    fix="make the present count and the present list agree")


class ProxyCount(Rule):
    """What it checks:
    The number of members declared represented against the proxies listed.

    Why it matters:
    Each represented member is a vote cast by someone else; a count that does not match the
    listed proxies makes the vote figures unverifiable.

    Example:
    "Représentés : 8" with seven "X à Y" lines.

    How to fix:
    List every proxy with its holder, or correct the count.
    """

    id = "proxy-count"
    family = "attendance"
    severity = "error"
    summary = "declared represented ≠ proxies listed"
    source = "register consistency"

    def check(self, document):
        for delib in document.deliberations:
            declared = delib.counts.represented
            if declared is None or delib.attendance_changed or not delib.sure("counts.represented", "proxies"):
                continue
            if _part_of_sitting(delib):
                continue
            if not delib.proxies and "list.proxies" not in delib.spans:
                continue
            if declared != len(delib.proxies):
                yield self.hit(
                    f"{declared} members declared represented, but {len(delib.proxies)} proxies are listed",
                    first_span(delib, "counts.represented", "list.proxies"),
                    fix="make the represented count and the proxy list agree")


class VoterCount(Rule):
    """What it checks:
    The declared number of voters against present + represented − members not taking part.

    Why it matters:
    The voters are the base of the majority (CGCT L2121-20); a wrong figure puts the outcome of
    the vote in doubt.

    Example:
    "Présents : 22, Représentés : 8, Votants : 31".

    How to fix:
    Recompute: present members, plus proxies, minus those who left or did not take part.
    """

    id = "voter-count"
    family = "attendance"
    severity = "error"
    summary = "declared voters ≠ present + represented − members not taking part"
    source = "CGCT art. L2121-20"

    def check(self, document):
        for delib in document.deliberations:
            counts = delib.counts
            if None in (counts.present, counts.represented, counts.voting) or delib.attendance_changed:
                continue
            if not delib.sure("counts"):
                continue
            expected = counts.present + counts.represented - len(delib.not_voting)
            accepted = {expected} if delib.counts_for_item else {expected, counts.present + counts.represented}
            if counts.voting not in accepted:
                detail = f" − {len(delib.not_voting)} not taking part" if delib.not_voting else ""
                yield self.hit(
                    f"{counts.voting} voters declared, but {counts.present} present + "
                    f"{counts.represented} represented{detail} = {expected}",
                    first_span(delib, "counts.voting"),
                    fix=f"the voters should be {expected}")


class MemberTotal(Rule):
    """What it checks:
    Members in office against the distinct members named across the present, represented and
    absent lists, when the document gives all three.

    Why it matters:
    A member missing from every list, or one named twice, hides an attendance error.

    Example:
    "En exercice : 33" with 22 present, 8 represented and 2 absent named.

    How to fix:
    Name every member in office in exactly one list.
    """

    id = "member-total"
    family = "attendance"
    severity = "error"
    summary = "members in office ≠ distinct members named in the lists"
    source = "register consistency"

    def check(self, document):
        for delib in document.deliberations:
            if delib.counts.in_office is None or not delib.lists_complete or delib.attendance_changed:
                continue
            if not delib.sure("counts.in_office", "present", "proxies", "absent") or _part_of_sitting(delib):
                continue
            people, keys = [], set()
            for who in present_people(delib) + [p.grantor for p in delib.proxies] + delib.absent:
                if who.normalized in keys or find(people, who) is not None:
                    continue  # the same key is the same person: no need to compare with each
                keys.add(who.normalized)
                people.append(who)
            if len(people) != delib.counts.in_office:
                yield self.hit(
                    f"{delib.counts.in_office} members in office, but {len(people)} distinct members "
                    "are named as present, represented or absent",
                    first_span(delib, "counts.in_office"),
                    fix="name every member in office once, in the present, proxy or absent list")


class Quorum(Rule):
    """What it checks:
    That more than half of the members in office were physically present (proxies do not
    count), unless the document says the council met on a second convocation "sans condition
    de quorum".  In the COVID-19 windows (until 30/09/2021, and 10/11/2021 to 31/07/2022) one
    third sufficed.

    Why it matters:
    A deliberation taken without quorum is illegal and is annulled by the administrative court.

    Example:
    "En exercice : 33 - Présents : 16".

    How to fix:
    If the quorum was not reached, the sitting must be convened again (three days at least);
    mention the second convocation in the deliberation.
    """

    id = "quorum"
    family = "attendance"
    severity = "error"
    summary = "present ≤ half of members in office, no second convocation mentioned"
    source = "CGCT art. L2121-17; " + reference.COVID_SOURCE

    def check(self, document):
        for delib in document.deliberations:
            in_office = delib.counts.in_office
            present = delib.counts.present
            if present is None and delib.present and delib.sure("present"):
                present = len(present_people(delib))
            if not in_office or present is None or delib.second_convocation or delib.attendance_changed:
                continue
            if not delib.sure("counts.in_office", "counts.present"):
                continue
            covid = reference.in_covid_window(delib.session.date)
            failed = present * 3 < in_office if covid else present * 2 <= in_office
            if failed:
                needed = (in_office + 2) // 3 if covid else in_office // 2 + 1
                yield self.hit(
                    f"quorum not reached: {present} present of {in_office} in office "
                    f"({needed} needed{', COVID-19 rule of one third' if covid else ''})",
                    first_span(delib, "counts.present", "list.present"),
                    fix="convene the council again, or mention the second convocation")


class ProxyHolderLimit(Rule):
    """What it checks:
    That no member holds more than one proxy (two during the COVID-19 windows).

    Why it matters:
    A second proxy is void (CGCT L2121-20): the vote it carried must not be counted.

    Example:
    "A à C" and "B à C".

    How to fix:
    Give the second proxy to another member present, or count that member as absent.
    """

    id = "proxy-holder-limit"
    family = "attendance"
    severity = "error"
    summary = "a holder carries more than one proxy (two in COVID windows)"
    source = "CGCT art. L2121-20; " + reference.COVID_SOURCE

    def check(self, document):
        for delib in document.deliberations:
            if not delib.sure("proxies"):
                continue
            limit = 2 if reference.in_covid_window(delib.session.date) else 1
            held = defaultdict(list)
            for proxy in delib.proxies:
                key = next((k for k in held if same_person(k, proxy.holder)), proxy.holder)
                held[key].append(proxy)
            for holder, proxies in held.items():
                if len(proxies) > limit:
                    yield self.hit(
                        f"{holder.name} holds {len(proxies)} proxies (at most {limit})",
                        proxies[limit].span, fix="a member present may hold one proxy only")


class ProxyHolderAbsent(Rule):
    """What it checks:
    That every proxy holder is among the members present (the president included).

    Why it matters:
    A proxy given to an absent member cannot be used: the vote it carries is void.

    Example:
    "Gilbert UVERNET à Audrey MICHEL" while Audrey MICHEL is listed absent.

    How to fix:
    Check the name of the holder; if the holder was absent the proxy is void.
    """

    id = "proxy-holder-absent"
    family = "attendance"
    severity = "error"
    summary = "a proxy holder is not present"
    source = "CGCT art. L2121-20"

    def check(self, document):
        for delib in document.deliberations:
            if not delib.present or not delib.sure("present", "proxies"):
                continue
            present = present_people(delib)
            for proxy in delib.proxies:
                if find(present, proxy.holder) is None:
                    yield self.hit(f"proxy holder {proxy.holder.name} is not listed present",
                                   proxy.span, fix="a proxy must be given to a member present")


class PersonInTwoLists(Rule):
    """What it checks:
    That no member is listed both present and absent, or both present and represented.

    Why it matters:
    A member cannot be in the room and represented at once; the counts built on the lists are
    then wrong.

    Example:
    "Patricia PENCHENAT" in the present list and "Patricia PENCHENAT à Audrey TROIN".

    How to fix:
    Keep the member in the one list that is true.
    """

    id = "person-in-two-lists"
    family = "attendance"
    severity = "error"
    summary = "one member both present and absent or represented"
    source = "register consistency"

    def check(self, document):
        for delib in document.deliberations:
            if delib.attendance_changed or not delib.sure("present", "absent", "proxies"):
                continue
            for who in delib.present:
                for other, where in [(p, "absent") for p in delib.absent] + [
                        (p.grantor, "represented") for p in delib.proxies]:
                    if who.for_part_of_sitting or other.for_part_of_sitting:
                        continue  # "present until item 62", "represented from item 63"
                    if who.normalized == other.normalized or same_person(who, other) and (
                            len(who.normalized.split()) > 1 and len(other.normalized.split()) > 1):
                        yield self.hit(f"{who.name} is listed present and {where}",
                                       other.span or who.span,
                                       fix="a member is either present, represented or absent")


class SecretaryNotPresent(Rule):
    """What it checks:
    That a secretary of the sitting is named, and is among the members present.

    Why it matters:
    The council names one of its members secretary at the start of each sitting (CGCT
    L2121-15); since July 2022 the secretary signs the deliberations.

    Example:
    "Secrétaire de séance : Audrey MICHEL" while Audrey MICHEL is absent.

    How to fix:
    Name the secretary chosen among the members present.
    """

    id = "secretary-not-present"
    family = "attendance"
    severity = "error"
    summary = "no secretary named, or the secretary is not among the present"
    source = "CGCT art. L2121-15"

    def check(self, document):
        for delib in document.deliberations:
            if not delib.present or not delib.sure("present", "secretary"):
                continue
            if delib.secretary is None:
                yield self.hit("no secretary of the sitting is named",
                               first_span(delib, "list.present"),
                               fix="add « Secrétaire de séance : » with the member chosen",
                               severity="warning")
            elif find(present_people(delib), delib.secretary) is None:
                yield self.hit(f"the secretary {delib.secretary.name} is not listed present",
                               delib.spans.get("secretary"),
                               fix="the secretary must be chosen among the members present")


class CouncilSize(Rule):
    """What it checks:
    That the legal size of a municipal council is one of the sizes of CGCT L2121-2 and that
    the members in office do not exceed it.

    Why it matters:
    A size outside the table is a typing error that distorts the quorum and the convocation
    delay.

    Example:
    "Membres afférents au conseil : 31" (no commune has 31 seats).

    How to fix:
    Use the legal size for the commune's population (7, 11, 15, 19, 23, 27, 29, 33...).
    """

    id = "council-size"
    family = "attendance"
    severity = "error"
    summary = "legal size not in the L2121-2 table, or members in office above it"
    source = reference.COUNCIL_SIZES_SOURCE

    def check(self, document):
        for delib in document.deliberations:
            if delib.body == "community council":
                continue
            size, in_office = delib.counts.legal_size, delib.counts.in_office
            if size is not None and size not in reference.LEGAL_SIZES:
                yield self.hit(f"{size} is not a legal council size (CGCT L2121-2)",
                               first_span(delib, "counts.legal_size"),
                               fix="use the size of the table for the population")
            elif size is not None and in_office is not None and in_office > size:
                yield self.hit(f"{in_office} members in office exceed the legal size {size}",
                               first_span(delib, "counts.in_office"))
            elif size is None and in_office is not None and in_office > max(reference.LEGAL_SIZES):
                yield self.hit(f"{in_office} members in office exceed the largest council (69)",
                               first_span(delib, "counts.in_office"))


RULES = [PresentCount, ProxyCount, VoterCount, MemberTotal, Quorum, ProxyHolderLimit,
         ProxyHolderAbsent, PersonInTwoLists, SecretaryNotPresent, CouncilSize]
