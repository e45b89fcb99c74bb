"""Authoring: from a text to a map: sentences and clauses, drafts, quote help."""
