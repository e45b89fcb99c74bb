"""Every id in a map or links file with its place: what is defined where, and what names it.

An Index is built from a parsed Document, whether or not the file passes the schema, so that
navigation works on a map that is still being written. It reads the data defensively: a value of the
wrong type is passed over, never trusted.

Ids live in namespaces. Claims, arguments and objections share one ("node": an objection's target
may be a claim or an argument, and the rules forbid the same id in two of them); actors and sections
have their own. In a links file, each link's `a` and `b` name a claim of the map on that side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..reading.document import Document
from ..reading.files import kind_of
from .positions import Lines, Span

NODE, ACTOR, SECTION = "node", "actor", "section"
NODE_SECTIONS = ("claims", "arguments", "objections")
NAMESPACE_OF = {"claims": NODE, "arguments": NODE, "objections": NODE, "tensions": NODE, "actors": ACTOR,
                "sections": SECTION}
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


@dataclass(frozen=True)
class Occurrence:
    """One id at one place: its definition (a key under claims, actors...) or a reference to it."""

    namespace: str
    id: str
    span: Span
    path: tuple
    definition: bool = False
    side: str | None = None  # in a links file: the map ('a' or 'b') whose claim this names


@dataclass
class Index:
    """The ids of one document and where they stand."""

    kind: str  # "map" or "links"
    occurrences: list[Occurrence] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id under a cursor (0-based line, code-point column)."""
        for occurrence in self.occurrences:
            if occurrence.span.holds(line, column):
                return occurrence
        return None

    def definition(self, namespace: str, ident: str) -> Occurrence | None:
        return next((o for o in self.occurrences if o.definition and o.namespace == namespace and o.id == ident), None)

    def uses(self, namespace: str, ident: str, side: str | None = None) -> list[Occurrence]:
        """Every occurrence of an id, definition included (in a links file, on one side only)."""
        return [o for o in self.occurrences if o.namespace == namespace and o.id == ident and o.side == side]

    def section(self, name: str) -> dict:
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}

    def ids(self, namespace: str) -> list[str]:
        names = [n for n, ns in NAMESPACE_OF.items() if ns == namespace]
        return [ident for name in names for ident in self.section(name)]


def scalar_span(lines: Lines, where: tuple[int, int] | None, value: str) -> Span | None:
    """The span of a scalar that starts at 1-based where: the text itself, without its quotes."""
    if where is None:
        return None
    line, column = where[0] - 1, where[1] - 1
    text = lines[line]
    if text[column:column + 1] in ("'", '"'):
        column += 1
    if text[column:column + len(value)] != value:
        return None  # not written as itself (an escape, a line break inside): no span to point at
    return Span(line, column, column + len(value))


def build(doc: Document, lines: Lines | None = None) -> Index:
    """The index of a parsed document (an empty one when it holds no mapping)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    index = Index(kind_of(data), data=data)
    lines = lines or Lines(doc.text)

    def add(namespace: str, value: object, path: tuple, definition: bool = False, side: str | None = None) -> None:
        if not isinstance(value, str) or not value:
            return
        where = doc.key_positions.get(path) if definition else doc.positions.get(path)
        span = scalar_span(lines, where, value)
        if span is not None:
            index.occurrences.append(Occurrence(namespace, value, span, path, definition, side))

    if index.kind == "links":
        links = data.get("links")
        for number, link in enumerate(links if isinstance(links, list) else []):
            if isinstance(link, dict):
                for side in ("a", "b"):
                    add(NODE, link.get(side), ("links", number, side), side=side)
    else:
        _map_occurrences(index, add)
    index.occurrences.sort(key=lambda o: o.span)
    return index


def _map_occurrences(index: Index, add) -> None:
    for name, namespace in NAMESPACE_OF.items():
        for ident in index.section(name):
            add(namespace, ident, (name, ident), definition=True)
    add(NODE, index.data.get("thesis"), ("thesis",))
    for cid, claim in index.section("claims").items():
        if not isinstance(claim, dict):
            continue
        actors = claim.get("actor")
        if isinstance(actors, list):
            for number, actor in enumerate(actors):
                add(ACTOR, actor, ("claims", cid, "actor", number))
        else:
            add(ACTOR, actors, ("claims", cid, "actor"))
        add(SECTION, claim.get("section"), ("claims", cid, "section"))
        for kind in ("specifies", "means-to"):  # spell-outs name claims, one or a list
            named = claim.get(kind)
            if isinstance(named, list):
                for number, target in enumerate(named):
                    add(NODE, target, ("claims", cid, kind, number))
            else:
                add(NODE, named, ("claims", cid, kind))
        parts = claim.get("conditional")
        if isinstance(parts, dict):
            for part in ("if", "then"):
                add(NODE, parts.get(part), ("claims", cid, "conditional", part))
    for aid, argument in index.section("arguments").items():
        if not isinstance(argument, dict):
            continue
        add(NODE, argument.get("exhaustive"), ("arguments", aid, "exhaustive"))
        add(NODE, argument.get("conclusion"), ("arguments", aid, "conclusion"))
        premises = argument.get("premises")
        for number, premise in enumerate(premises if isinstance(premises, list) else []):
            add(NODE, premise, ("arguments", aid, "premises", number))
        add(SECTION, argument.get("section"), ("arguments", aid, "section"))
    for oid, objection in index.section("objections").items():
        if isinstance(objection, dict):
            add(NODE, objection.get("claim"), ("objections", oid, "claim"))
            add(NODE, objection.get("target"), ("objections", oid, "target"))
    for tid, tension in index.section("tensions").items():
        claims = tension.get("claims") if isinstance(tension, dict) else None
        for number, claim_id in enumerate(claims if isinstance(claims, list) else []):
            add(NODE, claim_id, ("tensions", tid, "claims", number))


def linked_maps(data: object, links_file: str) -> dict[str, Path]:
    """The maps a links file names, by side, as absolute paths (only those it names as text)."""
    maps = data.get("maps") if isinstance(data, dict) else None
    if not isinstance(maps, dict):
        return {}
    base = Path(links_file).parent
    return {side: Path(_absolute(base / path)) for side, path in maps.items()
            if side in ("a", "b") and isinstance(path, str)}


def _absolute(path: Path) -> str:
    import os

    return os.path.normpath(os.path.abspath(path))


# --- the outline ------------------------------------------------------------------------------------

@dataclass
class Entry:
    """One line of the outline: a group (claims, arguments...) or an item in it, with the lines it spans."""

    name: str
    kind: str  # "group", "claim", "argument", "objection", "actor", "section", "link", "value"
    detail: str
    first: int
    last: int
    selection: Span
    children: list[Entry] = field(default_factory=list)


def outline(doc: Document, lines: Lines) -> list[Entry]:
    """The document's top-level keys, and under claims, arguments, objections, actors and sections each item."""
    data = doc.data if isinstance(doc.data, dict) else {}
    starts = sorted(where[0] - 1 for path, where in doc.key_positions.items() if len(path) <= 2)
    if not data:
        return []
    entries = []
    for key, value in data.items():
        key_span = scalar_span(lines, doc.key_positions.get((key,)), key)
        if key_span is None:
            continue
        entry = Entry(key, "group" if isinstance(value, (dict, list)) else "value", _short(value),
                      key_span.line, _last_line(lines, starts, key_span.line, top=True, doc=doc), key_span)
        if key in NAMESPACE_OF and isinstance(value, dict):
            for ident, item in value.items():
                span = scalar_span(lines, doc.key_positions.get((key, ident)), ident)
                if span is not None:
                    entry.children.append(Entry(ident, key[:-1], _detail(key, item), span.line,
                                                _last_line(lines, starts, span.line), span))
        elif key == "links" and isinstance(value, list):
            for number, link in enumerate(value):
                where = doc.positions.get(("links", number))
                if isinstance(link, dict) and where:
                    line = where[0] - 1
                    text = f"{link.get('a')} \u2194 {link.get('b')}"
                    entry.children.append(Entry(text, "link", str(link.get("relation", "")), line,
                                                _last_line(lines, starts, line),
                                                Span(line, where[1] - 1, len(lines[line]))))
        entries.append(entry)
    return entries


def _last_line(lines: Lines, starts: list[int], first: int, top: bool = False, doc: Document | None = None) -> int:
    """The last line of the entry that starts on line first: before the next key, blank and comment lines left out."""
    import bisect

    if top and doc is not None:
        starts = sorted(where[0] - 1 for path, where in doc.key_positions.items() if len(path) == 1)
    following = bisect.bisect_right(starts, first)
    last = (starts[following] - 1) if following < len(starts) else len(lines) - 1
    while last > first and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    return last


def _short(value: object, width: int = 60) -> str:
    if isinstance(value, (dict, list)):
        return f"{len(value)} item{'s' * (len(value) != 1)}"
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _detail(group: str, item: object) -> str:
    if not isinstance(item, dict):
        return ""
    if group == "claims":
        return _short(item.get("text", ""))
    if group == "arguments":
        premises = item.get("premises")
        listed = ", ".join(map(str, premises)) if isinstance(premises, list) else ""
        return f"{listed} \u2192 {item.get('conclusion', '')}"
    if group == "objections":
        return f"{item.get('claim', '')} \u21af {item.get('target', '')}"
    return _short(item.get("name") or item.get("title") or "")
