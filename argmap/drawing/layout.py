"""Choose a diagram's direction (and, under auto, its text width) from the map's shape, before dot runs.

dot stacks the claims in ranks, from the premises up to the thesis. An essay's thesis gathers many
reasons, so its tree is broad and shallow: drawn bottom to top (BT) it is 4.5 to 5.5 times wider
than high. Drawn right to left (RL: the thesis on the left, each reason to its right) the same tree
is about as high as wide, because a claim's box is about three times wider than high. When even the
better direction leaves the drawing too wide, auto narrows the text (to no less than 3/4 of --wrap),
which makes each box narrower and taller.

Graphviz's `unflatten -l N` (staggering the leaves over N ranks) was tried first: on the 2019 essay
map it gives 2.5:1 at best (RL gives 1.3:1), and on the 2021 map 3.3:1 (RL: 1.4:1), since the width
comes from whole subtrees side by side, not from one broad row of leaves.

The estimate is made from the model alone, so that `--format dot` needs no binary and the same map
always gives the same DOT text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import ArgumentMap

# A claim's box, in points, at the default sizes of graph.py (11 pt text, 9 pt header, margins 0.12,0.06 in):
CHAR_WIDTH = 5.6
LINE_HEIGHT = 13.5
BOX_PADDING = (17.0, 22.0)  # the margins, and for the height the header line too
NODE_SEP = 22.0  # nodesep 0.3 in
RANK_SEP = 32.0  # ranksep 0.45 in
INFERENCE = 10.0  # the inference dot between a premise's rank and its conclusion's
CAPTION_CHAR = 4.4  # a scheme's caption, in 8 pt type
TITLE = 30.0  # the map's title above the drawing
# an edge label (issue 16's spell-outs, tensions, corollaries, exhaustiveness premises) makes dot double every
# rank: each step between claims gains a rank for the labels, about this long along the direction
LABEL_RANK = 2 * RANK_SEP + 110.0
TARGET = (0.6, 1.6)  # the aspect ratios (width / height) aimed at: 1:2 to 2:1, with room for the estimate's error
NARROWER = (1.0, 0.875, 0.75)  # the text widths auto tries, as parts of --wrap


@dataclass(frozen=True)
class Shape:
    """How many claim ranks the map has, how many claims its broadest rank holds, and a typical box."""

    ranks: int
    breadth: int
    leaves: int
    box: tuple[float, float]
    inference: tuple[float, float] = (INFERENCE, INFERENCE)  # the inference node: a dot, or a scheme's caption
    labelled: bool = False  # some edge has a label (see LABEL_RANK)

    def size(self, direction: str) -> tuple[float, float]:
        """The drawing's estimated width and height in points."""
        vertical = direction in ("BT", "TB")
        across = self.breadth * (self.box[0] if vertical else self.box[1]) + (self.breadth - 1) * NODE_SEP
        along_box, along_inference = (self.box[1], self.inference[1]) if vertical else (self.box[0], self.inference[0])
        gap = 2 * RANK_SEP + along_inference + (LABEL_RANK if self.labelled else 0.0)
        along = self.ranks * along_box + (self.ranks - 1) * gap
        return (across, along + TITLE) if vertical else (along, across + TITLE)

    def aspect(self, direction: str) -> float:
        width, height = self.size(direction)
        return width / height


@dataclass(frozen=True)
class Layout:
    """What build_graph draws with: a direction and the width of the text in characters."""

    direction: str
    wrap: int


def levels(model: ArgumentMap, keep: set[str] | None = None) -> dict[str, int]:
    """Each drawn claim's number of steps below the claim it supports or attacks, counted from the top.

    A claim's level is the longest chain of support and attack from it up to a claim that supports
    nothing, as dot ranks them (a claim lies below everything it supports). Issue 16's spell-outs rank
    the same way (a detail or a means lies below what it spells out), and an argument that follows from
    the thesis is drawn reversed (its conclusion below its premises); tensions take no part in the ranks.
    """
    above: dict[str, set[str]] = {}
    for argument in model.arguments.values():
        if keep is not None and argument.id not in keep:
            continue
        for premise in argument.premises:
            if argument.corollary:
                above.setdefault(argument.conclusion, set()).add(premise)
            else:
                above.setdefault(premise, set()).add(argument.conclusion)
    for objection in model.objections.values():
        target = objection.target
        undercut = model.arguments.get(target)
        if undercut is not None:
            target = undercut.conclusion
        above.setdefault(objection.claim, set()).add(target)
    for detail in model.claims.values():
        for _, spelled in detail.spells_out():
            above.setdefault(detail.id, set()).add(spelled)
    drawn = [c for c in model.claims if keep is None or c in keep]
    found: dict[str, int] = {}
    visiting: set[str] = set()
    for start in drawn:  # iterative depth-first search; a circle (which a valid map's support never makes) is cut
        stack = [(start, False)]
        while stack:
            claim, ready = stack.pop()
            if claim in found or (not ready and claim in visiting):
                continue
            visiting.add(claim)
            parents = [p for p in above.get(claim, ()) if keep is None or p in keep]
            if ready or not parents:
                found[claim] = 1 + max((found.get(p, 0) for p in parents), default=-1)
                continue
            stack.append((claim, True))
            stack.extend((p, False) for p in parents if p not in found)
    return found


def shape(model: ArgumentMap, wrap: int, keep: set[str] | None = None,
          found: dict[str, int] | None = None) -> Shape:
    """The estimated shape of the drawing at this text width; found: the claims' levels, when known already."""
    found = levels(model, keep) if found is None else found
    if not found:
        return Shape(1, 1, 1, (100.0, 40.0))
    per_rank: dict[int, int] = {}
    for level in found.values():
        per_rank[level] = per_rank.get(level, 0) + 1
    supporting = ({p for a in model.arguments.values() for p in a.premises}
                  | {o.claim for o in model.objections.values()})
    supported = {a.conclusion for a in model.arguments.values()} | {o.target for o in model.objections.values()}
    leaves = sum(1 for c in found if c in supporting and c not in supported)
    texts = [model.claims[c].text for c in found]
    width = min(wrap, max(len(t) for t in texts)) * CHAR_WIDTH + BOX_PADDING[0]
    lines = sum(math.ceil(len(t) / wrap) for t in texts) / len(texts)
    height = lines * LINE_HEIGHT + BOX_PADDING[1]
    captions = [len(a.scheme) for a in model.arguments.values() if a.scheme and (keep is None or a.id in keep)]
    inference = (max(captions) * CAPTION_CHAR + 8, 16.0) if captions else (INFERENCE, INFERENCE)
    labelled = bool(model.tensions) or any(True for c in found for _ in model.claims[c].spells_out()) or any(
        a.corollary or a.exhaustive for a in model.arguments.values() if keep is None or a.id in keep)
    return Shape(max(found.values()) + 1, max(per_rank.values()), leaves, (width, height), inference, labelled)


def _distance(aspect: float) -> float:
    """How far an aspect ratio lies from the readable range, on a log scale (0 inside it)."""
    low, high = TARGET
    return max(0.0, math.log(low / aspect), math.log(aspect / high))


def choose(model: ArgumentMap, wrap: int, keep: set[str] | None = None, direction: str = "auto") -> Layout:
    """The given direction and wrap; or under auto, BT or RL (BT on a tie) and the widest text of NARROWER
    that brings the estimated aspect within TARGET, else the nearest."""
    if direction != "auto":
        return Layout(direction, wrap)
    options = []
    ranks = levels(model, keep)  # the same at every width
    for narrowing in NARROWER:
        width = max(8, round(wrap * narrowing))
        found = shape(model, width, keep, ranks)
        options += [(round(_distance(found.aspect(d)), 2), -width, index, d) for index, d in enumerate(("BT", "RL"))]
    _, width, _, chosen = min(options)
    return Layout(chosen, -width)
