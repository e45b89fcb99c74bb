"""An id across files: its definition, every use in its map and in the links files that name the map, renaming.

A claim's id is used in its map and in every links file whose `maps.a` or `maps.b` is that map: a rename
changes all of them at once, so that `argmap compare` still finds every link.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .analysis import Analysis, Files
from .navigation import ID, NODE, Occurrence, linked_maps
from .positions import Span


class RenameRefused(Exception):
    """A rename that would break the map: the message says why."""


@dataclass(frozen=True)
class Symbol:
    """An id in the namespace of one map file."""

    map_file: str
    namespace: str
    id: str


@dataclass(frozen=True)
class Place:
    file: str
    span: Span
    definition: bool = False


def symbol_of(analysis: Analysis, occurrence: Occurrence) -> Symbol | None:
    """What an occurrence names: in a map, its own id; in a links file, a claim of the map on that side."""
    if occurrence.side is None:
        return Symbol(_key(analysis.name), occurrence.namespace, occurrence.id)
    target = linked_maps(analysis.data or {}, analysis.name).get(occurrence.side)
    return Symbol(str(target), NODE, occurrence.id) if target else None


def definition(symbol: Symbol, files: Files) -> Place | None:
    target = files.analysis(symbol.map_file)
    found = target.index.definition(symbol.namespace, symbol.id) if target else None
    return Place(target.name, found.span, True) if target and found else None


def places(symbol: Symbol, files: Files, include_definition: bool = True) -> list[Place]:
    """Every place that names the symbol: in its map, and (for claims) in the links files that name the map."""
    target = files.analysis(symbol.map_file)
    found: list[Place] = []
    if target is not None:
        found += [Place(target.name, o.span, o.definition) for o in target.index.uses(symbol.namespace, symbol.id)]
    defined_elsewhere = target is not None and any(
        symbol.id in (target.index.section(group)) for group in ("arguments", "objections"))
    if symbol.namespace == NODE and not defined_elsewhere:  # links join claims only
        for links, sides in files.links_naming(symbol.map_file, near=[Path(symbol.map_file).parent]):
            for side in sides:
                found += [Place(links.name, o.span) for o in links.index.uses(NODE, symbol.id, side)]
    return [p for p in found if include_definition or not p.definition]


def rename(symbol: Symbol, new: str, files: Files) -> dict[str, list[Span]]:
    """The spans to change in each file to rename the symbol to new; raises RenameRefused."""
    if not ID.fullmatch(new):
        raise RenameRefused(f"{new!r} is not an id: a letter or digit first, then letters, digits, '-', '_' or '.'")
    target = files.analysis(symbol.map_file)
    if target is None:
        raise RenameRefused(f"cannot read {symbol.map_file}")
    if new != symbol.id and new in target.index.ids(symbol.namespace):
        raise RenameRefused(f"{new!r} is already an id in {os.path.basename(symbol.map_file)}")
    if target.index.definition(symbol.namespace, symbol.id) is None:
        raise RenameRefused(f"{symbol.id!r} is not defined in {os.path.basename(symbol.map_file)}")
    changes: dict[str, list[Span]] = {}
    for place in places(symbol, files):
        changes.setdefault(place.file, []).append(place.span)
    return changes


def _key(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))
