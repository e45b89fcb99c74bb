"""The outline of a map, as a tree: the thesis, the arguments for each claim, their premises and the objections,
what spells a claim out (and what it spells out), and what follows from the thesis.

One tree serves two readers: the Markdown export (markdown.py) writes it as nested bullets, and the HTML
page's outline view shows it as a nested, collapsible list.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import MEANS, SPECIFIES, ArgumentMap


@dataclass
class Entry:
    """A line of the outline: a claim (with the lead that says how it bears on its parent), or the
    "Because ..." line of an argument, whose children are its premises and the objections to it."""

    kind: str  # "claim" | "argument" | "repeat" (a claim whose reasons were given above) | "heading" (id: its text)
    id: str
    lead: str = ""
    children: list[Entry] = field(default_factory=list)


def _children(model: ArgumentMap, claim_id: str, done: set[str]) -> list[Entry]:
    """The children of a claim's entry: its arguments, the objections to it, what spells it out (under a
    heading), and what it spells out that is not written yet (under a heading)."""
    found = [Entry("argument", argument.id) for argument in model.arguments_for(claim_id)]
    found += [Entry("claim", o.claim, "Objection: ") for o in model.objections_to(claim_id)]
    for kind, heading in ((MEANS, "Means to this (how):"), (SPECIFIES, "Spelled out by:")):
        spellers = [c.id for k, c in model.spelled_out_by(claim_id) if k == kind]
        if spellers:
            found.append(Entry("heading", heading, children=[Entry("claim", c) for c in spellers]))
    general = [(k, t) for k, t in model.claims[claim_id].spells_out() if t not in done]
    if general:
        found.append(Entry("heading", "Spells out:",
                           children=[Entry("claim", t, "As a means to: " if k == MEANS else "") for k, t in general]))
    return found


def outline(model: ArgumentMap) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """The tree from the thesis, the trees of what follows from the thesis (arguments marked corollary), and
    the trees of the claims that neither reaches.

    Depth first, with a stack of its own: the deepest chain of reasons is as long as the map. A claim met
    a second time is a leaf (its reasons are given above).
    """
    done: set[str] = set()

    def grow(root_id: str) -> Entry:
        root = Entry("claim", root_id)
        stack: list[Entry] = [root]
        while stack:
            entry = stack.pop()
            if entry.kind == "heading":
                pass  # its children are set
            elif entry.kind == "argument":
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
                entry.children = _children(model, entry.id, done)
            stack.extend(reversed(entry.children))
        return root

    main = [grow(model.thesis)]
    conclusions = [a.conclusion for a in model.arguments.values() if a.corollary and a.conclusion not in done]
    corollaries = [grow(conclusion) for conclusion in conclusions if conclusion not in done]  # grow adds to done
    rest = [grow(claim_id) for claim_id in model.claims if claim_id not in done]
    return main, corollaries, rest
