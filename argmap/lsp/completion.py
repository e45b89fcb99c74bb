"""What to offer at the cursor: ids where an id is expected, roles, schemes, relations, actors and sections.

The place is read from the text itself, line by line, not from a parse: while a value is being typed
the YAML is often broken (`premises: [a, `), and completion matters most then. The ids offered come
from the last version of the file that parsed.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..checking.links import RELATIONS
from .positions import Lines

_KEY_VALUE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
_ITEM = re.compile(r"^(?P<indent>\s*)-(?:[ \t]+(?P<value>.*))?$")
_OPEN_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:#.*)?$")

# (top-level key, key) -> what the value names (the top-level `thesis:` names a claim too)
_EXPECTED: dict[tuple[str | None, str], str] = {
    ("arguments", "conclusion"): "claim",
    ("arguments", "premises"): "claim",
    ("objections", "claim"): "claim",
    ("objections", "target"): "claim-or-argument",
    ("claims", "actor"): "actor",
    ("claims", "section"): "section",
    ("arguments", "section"): "section",
    ("claims", "role"): "role",
    ("arguments", "scheme"): "scheme",
    ("links", "a"): "claim@a",
    ("links", "b"): "claim@b",
    ("links", "relation"): "relation",
}


@dataclass(frozen=True)
class Place:
    """What the value at the cursor names, and the column where the typed part of it starts."""

    expects: str
    start: int
    typed: str


def place(lines: Lines, line: int, column: int) -> Place | None:
    """What is expected at a cursor (0-based line, code-point column), or None where no value is expected."""
    before = lines[line][:column]
    found = _KEY_VALUE.match(before)
    flow = _in_flow_mapping(before)
    key: str | None
    if flow:
        key, value = flow
        indent = len(before) - len(before.lstrip()) or 1  # inside braces: never the top level
    elif found:
        if found.group("value") is None:
            return None  # still on the key, or right after its colon
        key, value, indent = found.group("key"), found.group("value"), len(found.group("indent"))
    else:
        item = _ITEM.match(before)
        if not item or (item.group("value") is None and not before.endswith((" ", "\t"))):
            return None
        value, indent = item.group("value") or "", len(item.group("indent"))
        key = _parent_key(lines, line, indent)
    if key is None or re.search(r"(^|\s)#", value):
        return None
    if value.lstrip().startswith("["):
        inner = value.lstrip()[1:]
        if "]" in inner:
            return None
        typed = inner.split(",")[-1].lstrip()
    else:
        typed = value
    typed = typed.lstrip("\"'")
    if re.search(r"\s", typed):
        return None
    top_level = indent == 0 and not (found and found.group("dash"))
    expects = ("claim" if key == "thesis" else None) if top_level else _EXPECTED.get((_top_key(lines, line), key))
    if expects is None:
        return None
    return Place(expects, column - len(typed), typed)


def _in_flow_mapping(before: str) -> tuple[str, str] | None:
    """The key and the value typed so far, when the cursor is inside an unclosed `{key: value, key: `."""
    brace = before.rfind("{")
    if brace == -1 or "}" in before[brace:]:
        return None
    found = re.search(r"(?:^|,)\s*([A-Za-z_][\w-]*)\s*:\s+(\[[^\]]*|[^,\[\]]*)$", before[brace + 1:])
    return (found.group(1), found.group(2)) if found else None


def _parent_key(lines: Lines, line: int, indent: int) -> str | None:
    """The key that a block list item at this indentation belongs to (`premises:` above `- a`)."""
    for number in range(line - 1, -1, -1):
        text = lines[number]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        width = len(text) - len(text.lstrip())
        if stripped.startswith("-") and width == indent:
            continue
        found = _OPEN_KEY.match(text)
        if found and len(found.group("indent")) <= indent:
            return found.group("key")
        if width <= indent:
            return None
    return None


def _top_key(lines: Lines, line: int) -> str | None:
    """The top-level key (claims, arguments, links...) that an indented line stands under."""
    for number in range(line - 1, -1, -1):
        found = re.match(r"^([A-Za-z_][\w-]*)[ \t]*:", lines[number])
        if found:
            return found.group(1)
    return None


# --- what to offer -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    label: str
    kind: str  # "claim", "argument", "actor", "section", "value"
    detail: str = ""
    documentation: str = ""


@functools.lru_cache(maxsize=1)
def _schema() -> dict:
    from ..checking.schema import schema_path

    return json.loads(Path(schema_path("map")).read_text(encoding="utf-8"))


def roles() -> list[Candidate]:
    claim = _schema()["$defs"]["claim"]["properties"]["role"]
    described = dict(re.findall(r"(\w+): ([^;]+?)(?:;|\. Left out)", claim["description"]))
    return [Candidate(role, "value", "role", described.get(role, "")) for role in claim["enum"]]


def schemes(data: dict | None) -> list[Candidate]:
    known = list(_schema()["$defs"]["argument"]["properties"]["scheme"].get("examples", []))
    arguments = (data or {}).get("arguments")
    used = [a.get("scheme") for a in arguments.values() if isinstance(a, dict)] if isinstance(arguments, dict) else []
    return [Candidate(s, "value", "scheme" if s in known else "scheme used in this map")
            for s in dict.fromkeys([*known, *[u for u in used if isinstance(u, str)]])]


def relations() -> list[Candidate]:
    meaning = {"same": "the same claim", "recast": "the same claim in other words",
               "contradicts": "the claims contradict, or the assessment changed", "develops": "b develops a"}
    return [Candidate(r, "value", "relation", meaning.get(r, "")) for r in RELATIONS]


_GROUPS = ("claims", "arguments", "objections", "actors", "sections")


def scan(lines: Lines) -> dict:
    """The ids of a text that has never parsed, read line by line: the keys one level under claims:, arguments:..."""
    found: dict[str, dict] = {}
    group, indent = None, None
    for number in range(len(lines)):
        line = lines[number]
        top = re.match(r"^([A-Za-z_][\w-]*)[ \t]*:", line)
        if top:
            group, indent = (top.group(1) if top.group(1) in _GROUPS else None), None
            continue
        key = re.match(r"^([ ]+)([A-Za-z0-9][A-Za-z0-9_.-]*)[ \t]*:", line) if group else None
        if key:
            indent = len(key.group(1)) if indent is None else indent
            if len(key.group(1)) == indent and group is not None:
                found.setdefault(group, {})[key.group(2)] = {}
    return found


def ids(data: dict | None, expects: str) -> list[Candidate]:
    """The ids a map defines that fit what is expected."""
    data = data or {}
    groups = {"claim": ["claims"], "claim-or-argument": ["claims", "arguments"], "actor": ["actors"],
              "section": ["sections"]}[expects]
    found: list[Candidate] = []
    for group in groups:
        items = data.get(group)
        found.extend(Candidate(str(ident), group[:-1], *_describe(group, item if isinstance(item, dict) else {}))
                     for ident, item in (items.items() if isinstance(items, dict) else []))
    return found


def _premises(premises: object) -> str:
    return ", ".join(map(str, premises)) if isinstance(premises, list) else ""


def _describe(group: str, item: dict) -> tuple[str, str]:
    if group == "claims":
        role = item.get("role") or ("implicit" if item.get("implicit") else "")
        quote = item.get("quote")
        quote = " \u2026 ".join(quote) if isinstance(quote, list) else quote
        return str(role or "claim"), str(item.get("text", "")) + (f"\n\n\u201c{quote}\u201d" if quote else "")
    if group == "arguments":
        premises = item.get("premises")
        return "argument", f"{_premises(premises)} \u2192 {item.get('conclusion', '')}"
    return group[:-1], str(item.get("name") or item.get("title") or "")
