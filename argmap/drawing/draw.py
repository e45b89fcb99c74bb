"""A graph to bytes in each output format: DOT text as it is, the rest through dot, HTML around dot's SVG."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError
from .dot import run_dot

FORMATS = ("svg", "png", "pdf", "dot", "html")


def format_for(output: str | Path | None, given: str | None = None) -> str:
    """The format: the one given, else the output's suffix; an unknown suffix is an error, not a silent SVG."""
    if given:
        return given
    if output and str(output) != "-":
        suffix = Path(output).suffix.lower().lstrip(".")
        if suffix in FORMATS or suffix == "gv":
            return "dot" if suffix == "gv" else suffix
        raise UsageError(f"cannot tell the format of {output} from its suffix; "
                         f"use .svg, .png, .pdf, .html, .gv or name it with --format")
    return "svg"


def draw(source: str, fmt: str, html_page: Callable[[bytes], bytes], timeout: float = 120.0, warn=None) -> bytes:
    """DOT text in fmt: through dot unless fmt is dot; an HTML page is made by html_page(svg).

    warn(message) receives each warning that dot printed."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return source.encode("utf-8")
    if fmt == "html":
        return html_page(run_dot(source, "svg", timeout, warn))
    return run_dot(source, fmt, timeout, warn)
