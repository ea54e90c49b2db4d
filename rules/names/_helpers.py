"""What the name rules share: how far two spellings are."""

from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    """Letters to insert, delete or replace to write ``a`` as ``b`` (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def doubled_letter(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter written twice in one and once in the other
    ("Matthieu" / "Mathieu", "NEDELLEC" / "NEDELEC", "Danielle" / "Daniele")."""
    if abs(len(a) - len(b)) != 1:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    for i in range(1, len(longer)):
        if longer[i] == longer[i - 1] and longer[:i] + longer[i + 1:] == shorter:
            return True
    return False
