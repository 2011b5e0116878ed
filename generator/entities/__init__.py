"""Entities: the registry editors keep, recognising companies and topics in briefings, linking the corpus."""
