"""References: the legal texts a document cites, against what they govern."""
