"""Attendance: counts against lists, quorum, proxies, the secretary, the council's size."""
