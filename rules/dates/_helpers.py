"""What the date rules share: the deliberation's dates by name.  Dates read from the text are
read with ent_lint.dates, as the parser reads them."""

from __future__ import annotations

#: the deliberation's dates: field -> (message name, what the message calls it)
DELIBERATION_DATES = {
    "convened_on": ("convocation", "the convocation date"),
    "posted_on": ("posting", "the posting date"),
    "signed_on": ("signature", "the signature date"),
    "transmitted_on": ("transmission", "the transmission date"),
    "published_on": ("publication", "the publication date"),
    "convention_end": ("end", "the convention's end date"),
}
