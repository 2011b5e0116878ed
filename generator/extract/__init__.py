"""Extract: pure functions that read a briefing's metadata (title, date, source, author, summary) from a cleaned page."""
