"""Votes: figures against voters, unanimity, a stated outcome."""
