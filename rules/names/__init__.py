"""Names: one person written two ways."""
