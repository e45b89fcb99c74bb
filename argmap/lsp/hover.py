"""What hovering over an id shows, as Markdown: a claim's text, role, quotes and where they stand in the source."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..checking.sources import find_source, read_source
from .navigation import NODE, Occurrence


def describe(data: dict, occurrence: Occurrence, map_file: str, sources: Sequence[Path] = ()) -> str | None:
    """Markdown for the thing an occurrence names, in the map whose data is given."""
    ident = occurrence.id
    if occurrence.namespace == NODE:
        claim = _mapping(data.get("claims")).get(ident)
        if isinstance(claim, dict):
            return _claim(ident, claim, data, map_file, sources)
        for group, say in (("arguments", _argument), ("objections", _objection)):
            item = _mapping(data.get(group)).get(ident)
            if isinstance(item, dict):
                return say(ident, item, data)
        return f"`{ident}`: no claim, argument or objection of this map has this id"
    group = "actors" if occurrence.namespace == "actor" else "sections"
    items = data.get(group)
    item = items.get(ident) if isinstance(items, dict) else None
    if not isinstance(item, dict):
        return f"`{ident}`: no {occurrence.namespace} of this map has this id"
    title = item.get("name") if group == "actors" else item.get("title")
    return "\n\n".join(filter(None, [f"**{occurrence.namespace}** `{ident}`: {title or ''}", _note(item)]))


def _claim(ident: str, claim: dict, data: dict, map_file: str, sources: Sequence[Path]) -> str:
    role = claim.get("role") or ("thesis" if data.get("thesis") == ident else None)
    heading = f"**claim** `{ident}`" + (f" ({role})" if role else "")
    parts = [heading + (" \u2014 implicit" if claim.get("implicit") else ""), str(claim.get("text", ""))]
    quotes = claim.get("quote")
    quotes = [q for q in (quotes if isinstance(quotes, list) else [quotes]) if isinstance(q, str)]
    where = _quote_lines(data, quotes, map_file, sources)
    for quote in quotes:
        stands = f"  \n> \u2014 {where[quote]}" if quote in where else ""
        parts.append("> \u201c" + " ".join(quote.split()) + "\u201d" + stands)
    if not quotes and not claim.get("implicit"):
        parts.append("*no quote*")
    return "\n\n".join(filter(None, [*parts, _note(claim)]))


def _argument(ident: str, argument: dict, data: dict) -> str:
    premises = argument.get("premises")
    scheme = argument.get("scheme")
    lines = [f"**argument** `{ident}`" + (f" ({scheme})" if isinstance(scheme, str) else "")]
    claims = _mapping(data.get("claims"))
    lines.extend(f"- `{p}`: {_text(claims, p)}" for p in (premises if isinstance(premises, list) else []))
    lines.append(f"\n\u2234 `{argument.get('conclusion')}`: {_text(claims, argument.get('conclusion'))}")
    return "\n".join(lines) + ("\n\n" + _note(argument) if _note(argument) else "")


def _objection(ident: str, objection: dict, data: dict) -> str:
    claims = _mapping(data.get("claims"))
    target = objection.get("target")
    kind = "undercut (attacks the argument)" if target in _mapping(data.get("arguments")) else "rebuttal"
    return "\n\n".join(filter(None, [
        f"**objection** `{ident}`: {kind}",
        f"`{objection.get('claim')}`: {_text(claims, objection.get('claim'))}",
        f"attacks `{target}`" + (f": {_text(claims, target)}" if target in claims else ""),
        _note(objection)]))


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _text(claims: dict, ident: object) -> str:
    claim = claims.get(ident) if isinstance(ident, str) else None
    return str(claim.get("text", "")) if isinstance(claim, dict) else "*not defined*"


def _note(item: dict) -> str:
    note = item.get("note")
    return f"*note:* {note}" if isinstance(note, str) and note else ""


def _quote_lines(data: dict, quotes: list[str], map_file: str, sources: Sequence[Path]) -> dict[str, str]:
    """Where each quote stands in the source: 'name, line N', or that it is not found there."""
    source = _mapping(data.get("source"))
    name = source.get("file")
    if not quotes or not isinstance(name, str):
        return {}
    try:
        path = find_source(name, sources, map_file)
        text = read_source(path.resolve()) if path else None
    except (OSError, ValueError):
        text = None
    if text is None:
        return {}
    where = {}
    for quote in quotes:
        span = text.find(quote)
        where[quote] = f"{name}, line {text.line_of(span[0])}" if span else f"not found verbatim in {name}"
    return where
