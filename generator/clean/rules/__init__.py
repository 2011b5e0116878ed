"""Cleaning rules, one kind of site chrome each; the order they run in is in generator.clean.RULES."""
