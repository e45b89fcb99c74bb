"""The outline of a map, as a tree: the thesis, the arguments for each claim, their premises and the objections.

One tree serves two readers: the Markdown export (markdown.py) writes it as nested bullets, and the HTML
page's outline view shows it as a nested, collapsible list.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ArgumentMap


@dataclass
class Entry:
    """A line of the outline: a claim (with the lead that says how it bears on its parent), or the
    "Because ..." line of an argument, whose children are its premises and the objections to it."""

    kind: str  # "claim" | "argument" | "repeat" (a claim whose reasons were given above)
    id: str
    lead: str = ""
    children: list["Entry"] = field(default_factory=list)


def _reasons(model: ArgumentMap, claim_id: str) -> list[tuple]:
    """The children of a claim's entry, as (kind, id, lead) to expand."""
    todo: list[tuple] = []
    for argument in model.arguments_for(claim_id):
        todo.append(("argument", argument.id, ""))
    todo += [("claim", o.claim, "Objection: ") for o in model.objections_to(claim_id)]
    return todo


def outline(model: ArgumentMap) -> tuple[list[Entry], list[Entry]]:
    """The tree from the thesis, and the trees of the claims that the thesis does not reach.

    Depth first, with a stack of its own: the deepest chain of reasons is as long as the map. A claim met
    a second time is a leaf (its reasons are given above).
    """
    done: set[str] = set()

    def grow(root_id: str) -> Entry:
        root = Entry("claim", root_id)
        stack: list[Entry] = [root]
        while stack:
            entry = stack.pop()
            if entry.kind == "argument":
                argument = model.arguments[entry.id]
                entry.children = [Entry("claim", p) for p in argument.premises]
                entry.children += [Entry("claim", o.claim, "Objection to this inference: ")
                                   for o in model.objections_to(argument.id)]
            elif entry.id in done:
                if model.arguments_for(entry.id) or model.objections_to(entry.id):
                    entry.children = [Entry("repeat", entry.id)]
                continue
            else:
                done.add(entry.id)
                entry.children = [Entry(kind, item, lead) for kind, item, lead in _reasons(model, entry.id)]
            stack.extend(reversed(entry.children))
        return root

    main = [grow(model.thesis)]
    rest = [grow(claim_id) for claim_id in model.claims if claim_id not in done]
    return main, rest
