"""Validation from file to verdict: load, schema, semantic checks, quotes; and the model of a valid map."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import checks, links, schema, sources
from .links import LinkSet
from .load import Document, read_document
from .model import ArgumentMap, build
from .problems import Problem

MAP_SUFFIXES = (".yaml", ".yml")


class InvalidMap(Exception):
    """Raised by load() for a map with errors; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0]
        super().__init__(f"{first.file}:{first.line}:{first.column}: {first.message}"
                         + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""))


@dataclass
class Result:
    """The verdict on one file: its problems and, when it has no errors, its model."""

    document: Document
    problems: list[Problem] = field(default_factory=list)
    model: ArgumentMap | None = None
    links: LinkSet | None = None  # for a links file

    @property
    def file(self) -> str:
        return self.document.file


def check_document(doc: Document, source_dirs=(), require_sources: bool = False) -> Result:
    """Schema, then semantic checks, then quotes, stopping at the first stage that finds errors."""
    result = Result(doc, list(doc.problems))
    if doc.problems:
        return result
    if not isinstance(doc.data, dict):
        result.problems.append(doc.problem((), "schema-type", "the file must hold a mapping (key: value lines)",
                                           "start the file with 'argmap: 1'"))
        return result
    if links.is_links_data(doc.data):
        return _check_links(result, source_dirs)
    result.problems.extend(schema.check(doc, "map"))
    if result.problems:
        return result
    result.problems.extend(checks.check(doc))
    result.problems.extend(sources.check(doc, source_dirs, require_sources))
    result.problems.sort()
    if not any(p.is_error for p in result.problems):
        result.model = build(doc.data, doc.positions, doc.file)
    return result


def _check_links(result: Result, source_dirs) -> Result:
    result.problems.extend(schema.check(result.document, "links"))
    if not result.problems:
        found, result.links = links.check(result.document, lambda path: check_file(path, source_dirs))
        result.problems.extend(found)
    result.problems.sort()
    return result


def check_file(path: str | os.PathLike, source_dirs=(), require_sources: bool = False) -> Result:
    return check_document(read_document(path), source_dirs, require_sources)


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, and the YAML files inside folders (recursively, sorted), each once."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in MAP_SUFFIXES and p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            found.append(path)
    unique = list(dict.fromkeys(found))
    return unique


def is_links_file(path: Path) -> bool:
    """Whether a file is a links file rather than a map, by the same test on parsed data that validation uses."""
    return links.is_links_path(Path(path))


def map_files(paths) -> list[Path]:
    """The map files among paths and inside folders: links files in folders are passed over."""
    return [p for p in expand_paths(paths) if not is_links_file(p)]


def _folders(sources) -> list[Path]:
    if sources is None:
        return []
    return [Path(sources)] if isinstance(sources, (str, os.PathLike)) else [Path(s) for s in sources]


def validate(paths, sources=None) -> list[Problem]:
    """All problems in the given map files and folders, sorted by file and position.

    With sources (a folder or a list of them), every quote must be found in its source text.
    """
    folders = _folders(sources)
    problems: list[Problem] = []
    for path in expand_paths([paths] if isinstance(paths, (str, os.PathLike)) else paths):
        problems.extend(check_file(path, folders, bool(folders)).problems)
    return problems


def load(path: str | os.PathLike, sources=None) -> ArgumentMap:
    """The model of a valid map; raises InvalidMap with every problem when the map has errors."""
    folders = _folders(sources)
    result = check_file(path, folders, bool(folders))
    if result.model is None:
        raise InvalidMap([p for p in result.problems if p.is_error])
    return result.model
