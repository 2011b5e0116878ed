"""Extract: pure functions reading a briefing's metadata (title, date, source, author, summary) from a cleaned page."""
