"""Comparing: explicit links between two maps joined with suggested pairs."""
