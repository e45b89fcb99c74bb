"""argmap: argument maps written as YAML, checked like code, drawn like diagrams, compared like diffs.

The public API: every job of the command line, without click. Errors are subclasses of ArgmapError.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .api import (
    Imported,
    compare,
    draft,
    export,
    find_quote,
    import_map,
    load,
    load_links,
    load_style,
    loads,
    measure_coverage,
    render,
    render_comparison,
    validate,
    validate_text,
)
from .checking.links import Link, LinkSet
from .coverage import Coverage
from .errors import (
    ArgmapError,
    CannotWrite,
    DotError,
    DotFailed,
    DotNotFound,
    DrawingWarning,
    ImportFailed,
    InvalidMap,
    NoMapFiles,
    OutputIsInput,
    SourceNotFound,
    UnknownId,
    UsageError,
    WrongKind,
)
from .model import Actor, Argument, ArgumentMap, Claim, Objection, Section, Source, Tension
from .problems import Problem

if TYPE_CHECKING:
    from .authoring.draft import Draft
    from .authoring.quotes import Found
    from .comparing.compare import Comparison, Pair
    from .drawing.graph import RenderOptions, Style

# imported on first use: validating must not pay for graphviz
_LAZY = {"Draft": "authoring.draft", "Found": "authoring.quotes", "Comparison": "comparing.compare",
         "Pair": "comparing.compare", "RenderOptions": "drawing.graph", "Style": "drawing.graph"}

__version__ = "0.1.0"
__all__ = [
    # jobs
    "load", "loads", "validate", "validate_text", "load_links", "load_style", "render", "render_comparison",
    "compare", "export", "import_map", "measure_coverage", "find_quote", "draft",
    # values
    "ArgumentMap", "Claim", "Argument", "Objection", "Tension", "Source", "Section", "Actor", "Problem", "LinkSet",
    "Link", "Comparison", "Pair", "Coverage", "Imported", "RenderOptions", "Style", "Found", "Draft",
    # errors
    "ArgmapError", "UsageError", "InvalidMap", "WrongKind", "NoMapFiles", "UnknownId", "OutputIsInput", "CannotWrite",
    "SourceNotFound", "ImportFailed", "DotError", "DotNotFound", "DotFailed", "DrawingWarning",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
