"""Schools annex: UAI identifiers, emails, addresses, type codes."""
