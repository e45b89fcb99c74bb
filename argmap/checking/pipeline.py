"""The stages from a file to a verdict: read, schema, semantic rules, quotes; then the model of a valid file."""
from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidMap, WrongKind
from ..problems import Problem
from ..reading.document import Document, read_document
from ..reading.files import kind_of
from . import rules, schema
from .sources import check as check_quotes

if TYPE_CHECKING:
    from ..model import ArgumentMap
    from .links import LinkSet


@dataclass
class Result:
    """The verdict on one file: its problems and, when it has no errors, its model (a map's or a links file's)."""

    document: Document
    problems: list[Problem] = field(default_factory=list)
    links: LinkSet | None = None
    map_checked: bool = False  # a map that passed every stage: it has a model

    @functools.cached_property
    def model(self) -> ArgumentMap | None:
        """The map's model, built on first use: `argmap validate` never needs it, and building it costs a
        tenth of checking a map."""
        from ..model import build

        data = self.document.data
        if not self.map_checked or not isinstance(data, dict) or any(p.is_error for p in self.problems):
            return None
        return build(data, self.document.positions, self.document.file)

    @property
    def file(self) -> str:
        return self.document.file

    @property
    def kind(self) -> str:
        return kind_of(self.document.data)

    def valid_map(self) -> ArgumentMap:
        """The map's model; raises WrongKind for a links file, InvalidMap with the errors of an invalid map."""
        if self.kind == "links":
            raise WrongKind(self.file, "links file", "map",
                            "load it with argmap.load_links, or draw it with 'argmap compare MAP_A MAP_B'")
        if self.model is None:
            raise InvalidMap([p for p in self.problems if p.is_error])
        return self.model

    def valid_links(self) -> LinkSet:
        """The links file's model; raises WrongKind for a map, InvalidMap with the errors of an invalid file."""
        if self.kind != "links":
            raise WrongKind(self.file, "map", "links file", "a links file starts with 'argmap-links: 1'")
        if self.links is None:
            raise InvalidMap([p for p in self.problems if p.is_error])
        return self.links


Cache = dict  # resolved path -> Result: a map that a links file names is then checked once per command


def check_document(doc: Document, sources: Sequence[Path] = (), require_sources: bool = False,
                   cache: Cache | None = None, nested: bool = False) -> Result:
    """Schema, then semantic checks, then quotes, stopping at the first stage that finds errors.

    nested: the file is one that a links file names, so a links file here is only recognised, not followed.
    """
    result = Result(doc, list(doc.problems))
    if doc.problems:
        return result
    if not isinstance(doc.data, dict):
        result.problems.append(doc.problem((), "schema-type", "the file must hold a mapping (key: value lines)",
                                           "start the file with 'argmap: 1'"))
        return result
    if result.kind == "links":
        return result if nested else _check_links(result, sources, cache)
    result.problems.extend(schema.check(doc, "map"))
    if result.problems:
        return result
    result.problems.extend(rules.check(doc))
    result.problems.extend(check_quotes(doc, sources, require_sources))
    result.problems.sort()
    result.map_checked = True
    return result


def _check_links(result: Result, sources: Sequence[Path], cache: Cache | None) -> Result:
    result.problems.extend(schema.check(result.document, "links"))
    if not result.problems:
        from . import links  # here: checking a map does not need the links' classes

        found, result.links = links.check(result.document,
                                          lambda path: check_file(path, sources, cache=cache, nested=True))
        result.problems.extend(found)
    result.problems.sort()
    return result


def check_file(path: str | os.PathLike, sources: Sequence[Path] = (), require_sources: bool = False,
               cache: Cache | None = None, nested: bool = False) -> Result:
    """The verdict on one file; with a cache, each file is read and checked once."""
    key = Path(path).resolve() if cache is not None else None
    if cache is not None and key in cache:
        return cache[key]
    result = check_document(read_document(path), sources, require_sources, cache, nested)
    if cache is not None and not (nested and result.kind == "links"):  # a links file seen nested is not checked
        cache[key] = result
    return result
