"""Schools annex: UAI identifiers, emails, addresses, type codes."""

from __future__ import annotations

import regex

from ent_lint import reference
from ent_lint.engine import Rule

_UAI = regex.compile(r"^(?P<digits>\d{7})(?P<letter>[A-Za-z])$")
_EMAIL_UAI = regex.compile(r"(?<!\d)(?P<uai>\d{7}[A-Za-z])(?=@|\.|$)")
_DOMAIN = regex.compile(r"@ac-(?P<academy>[a-z-]+)\.fr$", regex.IGNORECASE)
_POSTCODE = regex.compile(r"(?<!\d)(?P<code>\d{5}|2[AB]\d{3})(?!\d)")
_POSTCODE_TOWN = regex.compile(r"(?<!\d)(?:\d{5}|2[AB]\d{3})\s+\p{L}")


def schools(document):
    for conv in document.conventions:
        yield from conv.schools


def school_department(school):
    match = _POSTCODE.search(school.address or "")
    return reference.postcode_department(match["code"]) if match else None


class UaiChecksum(Rule):
    """What it checks:
    The check letter of each UAI: ``"ABCDEFGHJKLMNPRSTUVWXYZ"[int(seven digits) % 23]``.

    Why it matters:
    A wrong letter means a mistyped identifier: the school named is not the one meant.

    Example:
    "0830556E" (830556 mod 23 = 3: the letter is D).

    How to fix:
    Copy the UAI from the school directory (annuaire de l'éducation).
    """

    id = "uai-checksum"
    family = "schools"
    severity = "error"
    summary = "UAI check letter wrong"
    source = reference.UAI_SOURCE

    def check(self, document):
        for school in schools(document):
            match = _UAI.match(school.uai or "")
            if match:
                expected = reference.uai_check_letter(match["digits"])
                if match["letter"].upper() != expected:
                    yield self.hit(f"UAI {school.uai}: the check letter should be {expected}",
                                   school.spans.get("uai"), fix=f"{match['digits']}{expected}")
            elif school.uai:
                yield self.hit(f"UAI {school.uai} is not seven digits and a letter", school.spans.get("uai"))


class SchoolEmailMismatch(Rule):
    """What it checks:
    That the UAI inside a school's email (ecole.0831475C@ac-nice.fr) is the school's UAI.

    Why it matters:
    The ENT accounts and the mail of one school would go to another.

    Example:
    PISAN-MALASPINA, UAI 0831475C, email ecole.0831515w@ac-nice.fr.

    How to fix:
    Write the email from the school's own UAI.
    """

    id = "school-email-mismatch"
    family = "schools"
    severity = "error"
    summary = "the UAI inside a school's email ≠ the school's UAI"
    source = reference.UAI_SOURCE

    def check(self, document):
        for school in schools(document):
            if not school.email or not school.uai:
                continue
            match = _EMAIL_UAI.search(school.email)
            if match and match["uai"].upper() != school.uai.upper():
                yield self.hit(f"{school.name or 'school'} has UAI {school.uai} but its email "
                               f"{school.email} names {match['uai']}",
                               school.spans.get("email"),
                               fix=f"use the email built on {school.uai}")


class UaiDepartmentMismatch(Rule):
    """What it checks:
    That the département in a UAI (its first three digits: 083 for the Var) is the département
    of the school's postcode.

    Why it matters:
    A UAI of another département belongs to another school.

    Example:
    UAI 0061234X for a school at 83310 COGOLIN.

    How to fix:
    Check the UAI in the school directory.
    """

    id = "uai-department-mismatch"
    family = "schools"
    severity = "error"
    summary = "UAI département ≠ département of the school's postcode"
    source = reference.UAI_SOURCE

    def check(self, document):
        for school in schools(document):
            if not school.uai or not _UAI.match(school.uai):
                continue
            postcode_dept = school_department(school)
            uai_dept = reference.uai_department(school.uai)
            if postcode_dept and uai_dept and postcode_dept != uai_dept:
                yield self.hit(f"UAI {school.uai} is in département {uai_dept}, the address in "
                               f"{postcode_dept}", school.spans.get("uai"))


class AcademyDomainMismatch(Rule):
    """What it checks:
    That the académie of a school's email domain (ac-nice.fr) covers the school's département.

    Why it matters:
    An email of another académie does not reach the school.

    Example:
    ecole.0830556D@ac-lyon.fr for a school of the Var (académie de Nice).

    How to fix:
    Use the domain of the school's académie.
    """

    id = "academy-domain-mismatch"
    family = "schools"
    severity = "error"
    summary = "email domain académie does not cover the school's département"
    source = reference.ACADEMIES_SOURCE

    def check(self, document):
        for school in schools(document):
            match = _DOMAIN.search(school.email or "")
            if not match:
                continue
            covered = reference.ACADEMIES.get(match["academy"].lower())
            department = school_department(school) or reference.uai_department(school.uai or "")
            if covered and department and department not in covered:
                yield self.hit(f"{school.email}: académie de {match['academy']} does not cover "
                               f"département {department}", school.spans.get("email"))


class AddressIncomplete(Rule):
    """What it checks:
    That each school's address has a postcode and a commune.

    Why it matters:
    An address without them cannot be checked against the UAI and the académie, and the annex
    does not identify the school.

    Example:
    RIALET, "IMPASSE DES PITCHOUNS".

    How to fix:
    Complete the address: "IMPASSE DES PITCHOUNS 83310 COGOLIN".
    """

    id = "address-incomplete"
    family = "schools"
    severity = "warning"
    summary = "school address without postcode or commune"
    source = "completeness"

    def check(self, document):
        for school in schools(document):
            if school.address is None:
                continue
            if not _POSTCODE_TOWN.search(school.address):
                yield self.hit(f"the address of {school.name or school.uai} has no postcode and commune: "
                               f"« {school.address} »", school.spans.get("address"),
                               fix="add the postcode and the commune")


class DuplicateUai(Rule):
    """What it checks:
    That no UAI is listed twice in the schools annex.

    Why it matters:
    A duplicated line usually hides a school that was forgotten.

    Example:
    Two rows with 0830556D.

    How to fix:
    Remove the duplicate or correct the UAI of the other school.
    """

    id = "duplicate-uai"
    family = "schools"
    severity = "warning"
    summary = "one UAI listed twice"
    source = "consistency"

    def check(self, document):
        seen = set()
        for school in schools(document):
            key = (school.uai or "").upper()
            if key and key in seen:
                yield self.hit(f"UAI {school.uai} is listed twice", school.spans.get("uai"))
            seen.add(key)


class SchoolTypeCode(Rule):
    """What it checks:
    That the school type is a known code: EMPU, EEPU, EPPU (public nursery, elementary,
    primary) or EMPR, EEPR, EPPR (private).

    Why it matters:
    An unknown code is a typing error in the annex.

    Example:
    "EPUU".

    How to fix:
    Use the code of the school's nature.
    """

    id = "school-type-code"
    family = "schools"
    severity = "warning"
    summary = "unknown school type code"
    source = reference.SCHOOL_TYPES_SOURCE

    def check(self, document):
        for school in schools(document):
            if school.type and school.type.upper() not in reference.SCHOOL_TYPES:
                yield self.hit(f"unknown school type code {school.type}", school.spans.get("type"),
                               fix="one of " + ", ".join(reference.SCHOOL_TYPES))


RULES = [UaiChecksum, SchoolEmailMismatch, UaiDepartmentMismatch, AcademyDomainMismatch,
         AddressIncomplete, DuplicateUai, SchoolTypeCode]
