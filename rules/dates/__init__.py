"""Dates: placeholders, words against digits, weekdays, convocation delay, chronology."""
