"""argmap: argument maps written as YAML, checked like code, drawn like diagrams, compared like diffs.

The public API: every job of the command line, without click. Errors are subclasses of ArgmapError.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
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
    from .authoring.draft import Draft
    from .authoring.quotes import Found
    from .checking.links import Link, LinkSet
    from .comparing.compare import Comparison, Pair
    from .coverage import Coverage
    from .drawing.graph import RenderOptions, Style
    from .model import Actor, Argument, ArgumentMap, Claim, Objection, Section, Source, Tension
    from .problems import Problem

# Every name below is imported on first use, so that `import argmap` (and with it every `argmap` command, which
# imports argmap.cli) costs only what it uses: validating a map must not pay for graphviz, the comparer or the
# exporters. Start-up is what every pre-commit run and editor check pays (bench/README.md).
_LAZY = {
    "api": ("Imported", "compare", "draft", "export", "find_quote", "import_map", "load", "load_links", "load_style",
            "loads", "measure_coverage", "render", "render_comparison", "validate", "validate_text"),
    "authoring.draft": ("Draft",), "authoring.quotes": ("Found",), "checking.links": ("Link", "LinkSet"),
    "comparing.compare": ("Comparison", "Pair"), "coverage": ("Coverage",), "drawing.graph": ("RenderOptions", "Style"),
    "model": ("Actor", "Argument", "ArgumentMap", "Claim", "Objection", "Section", "Source", "Tension"),
    "problems": ("Problem",),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}

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
    if name in _MODULE_OF:
        value = getattr(importlib.import_module(f".{_MODULE_OF[name]}", __name__), name)
        globals()[name] = value  # found once: the next use is an ordinary attribute
        return value
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
