"""One text as the server knows it: parsed, checked, indexed; and the other files it may need to read.

The checks are argmap's own pipeline (check_document, as `argmap validate` runs it), so the editor
shows exactly the problems that `validate` prints. Other files (the maps a links file names, the
links files that name a map) are read from the editor where they are open, else from disk.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..checking.pipeline import Result, check_document
from ..problems import Problem
from ..reading.document import Document, parse_bytes
from .navigation import Index, build, linked_maps
from .positions import Lines

_ARGMAP_FILE = re.compile(r"^(?:argmap|argmap-links)[ \t]*:|yaml-language-server:.*argmap|\$schema.*argmap",
                          re.MULTILINE)
_LINKS_FILE = re.compile(r"^argmap-links[ \t]*:", re.MULTILINE)
_SKIP = {"node_modules", "__pycache__", "venv", "site-packages", "out", "build", "dist"}
MAX_FILES = 20_000  # YAML files looked at when searching a workspace for links files
MAX_BYTES = 4 * 1024 * 1024


def is_argmap_text(text: str, name: str = "") -> bool:
    """Whether a YAML text is an argmap map or links file (other YAML in the workspace is left alone)."""
    return bool(_ARGMAP_FILE.search(text[:200_000])) or name.endswith((".argmap.yaml", ".argmap.yml"))


@dataclass
class Analysis:
    """One version of one text: its document, its problems once checked, its index of ids."""

    text: str
    name: str
    version: int | None = None
    doc: Document = field(init=False)
    lines: Lines = field(init=False)
    result: Result | None = None
    _index: Index | None = None

    def __post_init__(self) -> None:
        self.lines = Lines(self.text)
        self.doc = parse_bytes(self.text.encode("utf-8", "surrogatepass"), self.name)

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = build(self.doc, self.lines)
        return self._index

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems if self.result is not None else list(self.doc.problems)

    @property
    def data(self) -> dict | None:
        return self.doc.data if isinstance(self.doc.data, dict) else None

    def check(self, sources: Sequence[Path], cache: dict | None = None) -> Analysis:
        """Run the whole pipeline: with sources folders, quotes must be found (as `validate --sources`)."""
        self.result = check_document(self.doc, sources, bool(sources), cache)
        return self


class FreshCache(dict):
    """The pipeline's cache of checked files (path -> Result), forgetting a file once it changes on disk."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: dict = {}

    @staticmethod
    def _stamp(key) -> tuple | None:
        try:
            status = os.stat(key)
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) and self.stamps.get(key) == self._stamp(key)

    def __setitem__(self, key, value) -> None:
        self.stamps[key] = self._stamp(key)
        dict.__setitem__(self, key, value)


def sources_folders(setting: object, root: Path | None) -> list[Path]:
    """The sources folders: the `argmap.sources` setting (a folder or a list, relative to the workspace), else
    $ARGMAP_SOURCES, as `argmap validate` reads it."""
    from ..checking.sources import sources_folders as from_environment

    given = [setting] if isinstance(setting, str) else [s for s in setting if isinstance(s, str)] \
        if isinstance(setting, (list, tuple)) else []
    if not given:
        return from_environment()
    folders = []
    for folder in given:
        path = Path(os.path.expanduser(folder))
        folders.append(path if path.is_absolute() or root is None else root / path)
    return folders


# --- other files ------------------------------------------------------------------------------------

class Files:
    """Texts of files by absolute path: the editor's text where the file is open, else what is on disk."""

    def __init__(self, open_texts: Callable[[], dict[str, str]], roots: Callable[[], list[Path]]):
        self.open_texts = open_texts
        self.roots = roots

    def text(self, path: str | Path) -> str | None:
        key = os.path.normpath(os.path.abspath(path))
        opened = self.open_texts()
        if key in opened:
            return opened[key]
        try:
            if os.path.getsize(key) > MAX_BYTES:
                return None
            return Path(key).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None

    def analysis(self, path: str | Path) -> Analysis | None:
        text = self.text(path)
        return None if text is None else Analysis(text, os.path.normpath(os.path.abspath(path)))

    def links_files(self, near: Iterable[Path] = ()) -> dict[str, str]:
        """Every links file under the workspace folders and the given folders: path -> text."""
        found = {path: text for path, text in self.open_texts().items() if _LINKS_FILE.search(text)}
        roots = _outermost([*self.roots(), *near])
        seen = 0
        for root in roots:
            for folder, folders, files in os.walk(root):
                folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _SKIP)
                for name in sorted(files):
                    if not name.endswith((".yaml", ".yml")):
                        continue
                    seen += 1
                    if seen > MAX_FILES:
                        return found
                    path = os.path.normpath(os.path.join(folder, name))
                    if path in found:
                        continue
                    text = self.text(path)
                    if text and _LINKS_FILE.search(text):
                        found[path] = text
        return found

    def links_naming(self, map_path: str, near: Iterable[Path] = ()) -> list[tuple[Analysis, list[str]]]:
        """The links files that name a map, each with the sides ('a', 'b') on which they name it."""
        target = os.path.normpath(os.path.abspath(map_path))
        naming = []
        for path, text in self.links_files(near).items():
            analysis = Analysis(text, path)
            sides = [side for side, named in linked_maps(analysis.data or {}, path).items() if str(named) == target]
            if sides:
                naming.append((analysis, sides))
        return naming


def _outermost(folders: Iterable[Path]) -> list[Path]:
    """The folders that exist, each once, leaving out those inside another."""
    resolved = sorted({Path(os.path.abspath(f)) for f in folders if Path(f).is_dir()}, key=lambda p: len(p.parts))
    kept: list[Path] = []
    for folder in resolved:
        if not any(folder.is_relative_to(k) for k in kept):
            kept.append(folder)
    return kept
