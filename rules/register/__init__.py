"""Register: deliberation numbers across the acts of a collectivity (duplicates, order, year)."""
