"""Checking: from a document to a verdict (schema, semantic rules, links, quotes against sources)."""
