"""A Markdown outline of a map, to read or paste into a report: thesis, arguments, premises, objections."""
from __future__ import annotations

from ..model import ArgumentMap
from .outline import Entry, outline


def _quote(lines: list[str], quotes, indent: str) -> None:
    for quote in quotes:
        lines.append(f"{indent}> {' '.join(quote.split())}")


def dump(model: ArgumentMap) -> str:
    lines = [f"# {model.title}", ""]
    source = model.source
    facts = [f for f in (source.author, source.published, source.title and f"*{source.title}*") if f]
    if facts:
        lines += [", ".join(facts), ""]
    if model.description:
        lines += [" ".join(model.description.split()), ""]
    main, rest = outline(model)
    lines += ["## Thesis", ""]
    _write(lines, model, main)
    if rest:
        lines += ["", "## Claims not reached from the thesis", ""]
        _write(lines, model, rest)
    return "\n".join(lines).rstrip() + "\n"


def _write(lines: list[str], model: ArgumentMap, roots: list[Entry]) -> None:
    """The entries as nested bullets, depth first with a stack of its own (the tree can be as deep as the map)."""
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        entry, level = stack.pop()
        indent = "  " * level
        if entry.kind == "repeat":
            lines.append(f"{indent}- (its reasons are given above)")
        elif entry.kind == "argument":
            argument = model.arguments[entry.id]
            scheme = f" ({argument.scheme.replace('-', ' ')})" if argument.scheme else ""
            together = "together, " if len(argument.premises) > 1 else ""
            lines.append(f"{indent}- Because{scheme}, {together}`{argument.id}`:")
        else:
            claim = model.claims[entry.id]
            marks = [claim.role] + (["implicit"] if claim.implicit else [])
            marks += [model.actors[a].name for a in claim.actors]
            lines.append(f"{indent}- {entry.lead}**{claim.text}** _({', '.join(marks)})_")
            _quote(lines, claim.quotes, indent + "  ")
        stack.extend((child, level + 1) for child in reversed(entry.children))
