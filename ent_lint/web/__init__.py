"""The web page and HTTP API of ``ent-lint serve``."""
