"""The preview: the map as the explorer page (self-contained HTML), written to a temporary folder.

A map is drawn with `argmap.render(model, "html")`, a links file as both maps side by side
(`render_comparison`). The page for a file always has the same path, so a browser or an editor's
web view can reload it when the server redraws it on save.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import ArgmapError
from .analysis import Analysis


class PreviewFailed(Exception):
    """The preview cannot be drawn: the map has errors, or Graphviz is missing or failed."""


def page_path(map_file: str, folder: str | None = None) -> Path:
    """Where the page for a map file is written: one folder per map file, so two maps never share a page."""
    user = os.getuid() if hasattr(os, "getuid") else 0
    base = Path(folder) if folder else Path(tempfile.gettempdir()) / f"argmap-preview-{user}"
    digest = hashlib.sha256(os.path.abspath(map_file).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return base / digest / (Path(map_file).stem + ".html")


def render(analysis: Analysis, sources: Sequence[Path] = (), folder: str | None = None) -> Path:
    """Draw the checked text into its page; raises PreviewFailed."""
    from .. import api

    result = analysis.result
    if result is None:
        raise PreviewFailed("the file has not been checked yet")
    errors = [p for p in result.problems if p.is_error]
    if errors:
        first = errors[0]
        raise PreviewFailed(f"the preview needs a valid file: {len(errors)} error{'s' * (len(errors) != 1)}, "
                            f"the first on line {first.line}: {first.message}")
    try:
        if result.kind == "links":
            links = result.valid_links()
            html = api.render_comparison(api.compare(links.a, links.b, links, suggest=False), "html")
        else:
            html = api.render(result.valid_map(), "html", sources=list(sources) or None)
    except ArgmapError as error:
        raise PreviewFailed(str(error)) from None
    path = page_path(analysis.name, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".html.partial")
    partial.write_bytes(html)
    os.replace(partial, path)
    return path
