"""Reading: what ent-lint could not read, said rather than guessed."""

from __future__ import annotations

from ent_lint.engine import Rule


class NoDeliberation(Rule):
    """What it checks:
    A document in which no council sitting, deliberation or convention is recognised.

    Why it matters:
    A document read as holding nothing would pass every check in silence: the reader must know
    that nothing was checked (a layout ent-lint does not know, a scan without text, a file that
    is not a council document).

    Example:
    A 30-page deliberation whose pages are tables of subsidies, with no heading ent-lint knows.

    How to fix:
    Check the document by hand; if it is a council document, send it to the ent-lint developers
    so that its layout is learnt.
    """

    id = "no-deliberation"
    family = "reading"
    severity = "info"
    summary = "no sitting, deliberation or convention recognised: nothing was checked"
    source = "ent-lint"

    def check(self, document):
        if not document.deliberations and not document.conventions:
            yield self.hit("no council sitting, deliberation or convention was recognised in this "
                           "document: nothing was checked",
                           fix="check the document by hand")


class UnreadablePart(Rule):
    """What it checks:
    The parts of a document that were read without certainty (a list read by OCR, a sitting date
    read two ways): the rules that would build on them stay silent, and this says so.

    Why it matters:
    A finding built on a misreading is worse than none; silence on a part that was not read must
    not be taken for a clean bill.

    Example:
    The present list of a scanned page, where OCR may drop or glue names.

    How to fix:
    Check that part by hand.
    """

    id = "unreadable-part"
    family = "reading"
    severity = "info"
    summary = "a part read without certainty: the rules that need it stayed silent"
    source = "ent-lint"

    def check(self, document):
        seen = set()
        for delib in document.deliberations:
            for part, reason in delib.doubts.items():
                if (part, reason) in seen:
                    continue
                seen.add((part, reason))
                yield self.hit(f"{part} could not be read reliably ({reason}); "
                               "the checks that need it were not made",
                               delib.spans.get(part) or delib.spans.get(f"list.{part}"),
                               fix="check this part by hand")


RULES = [NoDeliberation, UnreadablePart]
