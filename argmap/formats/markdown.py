"""A Markdown outline of a map, to read or paste into a report: thesis, arguments, premises, objections, what
spells a claim out, what follows from the thesis, and the tensions."""
from __future__ import annotations

from ..escaping import markdown
from ..model import ArgumentMap
from .outline import Entry, outline


def _quote(lines: list[str], quotes, indent: str) -> None:
    lines.extend(f"{indent}> {markdown(quote)}" for quote in quotes)


def dump(model: ArgumentMap) -> str:
    lines = [f"# {markdown(model.title)}", ""]
    source = model.source
    facts = [markdown(f) for f in (source.author, source.published) if f]
    facts += [f"*{markdown(source.title)}*"] if source.title else []
    if facts:
        lines += [", ".join(facts), ""]
    if model.description:
        lines += [markdown(model.description), ""]
    main, corollaries, rest = outline(model)
    lines += ["## Thesis", ""]
    _write(lines, model, main)
    if corollaries:
        lines += ["", "## Follows from the thesis", ""]
        _write(lines, model, corollaries)
    if rest:
        lines += ["", "## Claims not reached from the thesis", ""]
        _write(lines, model, rest)
    if model.tensions:
        lines += ["", "## Tensions", ""]
        for tension in model.tensions.values():
            first, second = (model.claims[c] for c in tension.claims)
            note = f": {markdown(tension.note)}" if tension.note else ""
            lines.append(f"- **{markdown(first.text)}** \u2194 **{markdown(second.text)}** _({tension.kind})_{note}")
    return "\n".join(lines).rstrip() + "\n"


def _write(lines: list[str], model: ArgumentMap, roots: list[Entry]) -> None:
    """The entries as nested bullets, depth first with a stack of its own (the tree can be as deep as the map)."""
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        entry, level = stack.pop()
        indent = "  " * level
        if entry.kind == "repeat":
            lines.append(f"{indent}- (its reasons are given above)")
        elif entry.kind == "heading":
            lines.append(f"{indent}- {entry.id}")
        elif entry.kind == "argument":
            argument = model.arguments[entry.id]
            scheme = f" ({argument.scheme.replace('-', ' ')})" if argument.scheme else ""
            together = "together, " if len(argument.premises) > 1 else ""
            exhaustive = f" (the options are all: `{argument.exhaustive}`)" if argument.exhaustive else ""
            lines.append(f"{indent}- Because{scheme}, {together}`{argument.id}`{exhaustive}:")
        else:
            claim = model.claims[entry.id]
            marks = [claim.role] + (["implicit"] if claim.implicit else [])
            marks += ["conditional"] if claim.conditional else []
            marks += [markdown(model.actors[a].name) for a in claim.actors]
            lines.append(f"{indent}- {entry.lead}**{markdown(claim.text)}** _({', '.join(marks)})_")
            _quote(lines, claim.quotes, indent + "  ")
        stack.extend((child, level + 1) for child in reversed(entry.children))
