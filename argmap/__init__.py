"""argmap: argument maps written as YAML, checked like code, drawn like diagrams, compared like diffs."""
from .model import ArgumentMap, Argument, Claim, Objection
from .problems import Problem
from .validation import InvalidMap, load, validate

__version__ = "0.1.0"
__all__ = ["ArgumentMap", "Argument", "Claim", "InvalidMap", "Objection", "Problem", "load", "validate"]
