"""Conventions: term, template residue, pages, articles, terms, ministry names, signatures."""
