"""Which files to read: map files in folders, and whether a document is a map or a links file."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MAP_SUFFIXES = (".yaml", ".yml")
LINKS_KEY = "argmap-links"


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, and the YAML files inside folders (recursively, sorted, hidden ones passed over), each once."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in MAP_SUFFIXES and p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def kind_of(data: object) -> str:
    """'links' for a links file's data, else 'map': the one test that every command uses."""
    return "links" if isinstance(data, dict) and LINKS_KEY in data else "map"
