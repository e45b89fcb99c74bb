"""The section overview: one node per essay section holding its main claim, with the support and attack between
sections.

A reader sees the essay's plan at a glance, on a laptop screen or an A4 page, before opening the whole map.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import graphviz

from ..model import ArgumentMap
from .graph import RenderOptions, _Digraph, _html, _plain, _small, svg_id
from .layout import levels

UNSECTIONED = "(no section)"  # the box of the claims that name no section
OVERVIEW_WRAP = 28
PER_ROW = 4  # sections side by side, at most: four boxes fit a laptop's screen and an A4 page across
MAX_TEXT = 140  # characters of a main claim; the page's panel shows the rest


@dataclass(frozen=True)
class SectionSummary:
    id: str
    title: str
    main: str  # the id of the claim nearest the thesis, first in the map on a tie
    claims: tuple[str, ...]


def summaries(model: ArgumentMap) -> list[SectionSummary]:
    """Each section that holds a claim, in the essay's order, then the claims that name no section."""
    level = levels(model)
    members: dict[str, list[str]] = {}
    for claim in model.claims.values():
        members.setdefault(claim.section or UNSECTIONED, []).append(claim.id)
    order = [s for s in model.sections if s in members] + [s for s in members if s not in model.sections]
    found = []
    for section in order:
        claims = members[section]
        main = (model.thesis if model.thesis in claims
                else min(claims, key=lambda c: (level.get(c, 0), claims.index(c))))
        title = model.sections[section].title if section in model.sections else section
        found.append(SectionSummary(section, title, main, tuple(claims)))
    return found


def flows(model: ArgumentMap) -> dict[tuple[str, str, str], int]:
    """(from section, to section, 'support' or 'attack') -> how many arguments or objections cross that way."""
    def section(claim_id: str) -> str:
        return model.claims[claim_id].section or UNSECTIONED

    counted: dict[tuple[str, str, str], int] = {}
    for argument in model.arguments.values():
        to = section(argument.conclusion)
        for origin in sorted({section(p) for p in argument.premises} - {to}):
            counted[(origin, to, "support")] = counted.get((origin, to, "support"), 0) + 1
    for objection in model.objections.values():
        target = (model.arguments[objection.target].conclusion if objection.target in model.arguments
                  else objection.target)
        origin, to = section(objection.claim), section(target)
        if origin != to:
            counted[(origin, to, "attack")] = counted.get((origin, to, "attack"), 0) + 1
    return counted


def build_overview(model: ArgumentMap, options: RenderOptions | None = None) -> graphviz.Digraph:
    """The overview as a graphviz.Digraph: the sections in the essay's order, in rows of up to PER_ROW read
    left to right, with the support (solid, arrow) and attack (dashed, bar) that crosses between them.

    A grid rather than a layout by support: an essay whose many sections all support the last one would
    otherwise be one long row, too wide for a screen or a page.
    """
    options = options or RenderOptions()
    style = options.style
    graph = _Digraph(name=f"{model.id}-overview", graph_attr={
        "rankdir": "TB", "newrank": "true", "nodesep": "0.25", "ranksep": "0.35", "splines": "curved",
        "outputorder": "edgesfirst", "fontname": style.font,
        "label": f"<{_html(model.title, 80, 300)}<BR/>"
                 f"{_small('The essay section by section, each with its main claim', 10)}>",
        "labelloc": "t", "fontsize": "15", "id": "overview", "tooltip": _plain(model.title)},
        node_attr={"fontname": style.font, "fontsize": "10", "shape": "box", "style": "rounded,filled",
                   "margin": "0.08,0.05", "width": "2.6"},
        edge_attr={"fontname": style.font, "fontsize": "10", "arrowsize": "0.8"})
    found = summaries(model)
    per_row = min(PER_ROW, max(2, math.ceil(math.sqrt(len(found) * 1.5))))
    rows = [found[start:start + per_row] for start in range(0, len(found), per_row)]
    for row_number, row in enumerate(rows):
        line = _Digraph(name=f"row{row_number}", graph_attr={"rank": "same"})
        for column, summary in enumerate(row):
            claim = model.claims[summary.main]
            fill, header = style.role(claim.role)
            thesis = summary.main == model.thesis
            count = len(summary.claims)
            number = row_number * per_row + column + 1
            text = claim.text if len(claim.text) <= MAX_TEXT else claim.text[:MAX_TEXT - 1].rstrip() + "\u2026"
            label = (f"<B>{_html(f'{number}. {summary.title}', OVERVIEW_WRAP + 8, 200)}</B><BR/>"
                     + _small(_html(f"{header} \u00b7 {count} claim{'s' * (count != 1)}", OVERVIEW_WRAP + 10), 8)
                     + f"<BR/>{_html(text, OVERVIEW_WRAP + 4, 300)}")
            line.node(f"section.{summary.id}", label=f"<{label}>", fillcolor=fill, penwidth="3" if thesis else "1.2",
                      id=svg_id("overview", summary.id), tooltip=_plain(claim.text),
                      **{"class": "section" + (" thesis" if thesis else "")})
        for left, right in itertools.pairwise(row):  # within a rank, an edge puts its tail left of its head
            line.edge(f"section.{left.id}", f"section.{right.id}", style="invis")
        graph.subgraph(line)
    for upper, lower in itertools.pairwise(rows):
        graph.edge(f"section.{upper[0].id}", f"section.{lower[0].id}", style="invis", weight="10")
    for (origin, to, kind), count in sorted(flows(model).items()):
        attack = kind == "attack"
        graph.edge(f"section.{origin}", f"section.{to}", **{**style.edge(kind), "constraint": "false",
                                                             "penwidth": str(min(1.0 + 0.4 * count, 3.5))},
                   tooltip=f"{count} {'attack' if attack else 'support'}{'s' * (count != 1)}",
                   id=f"flow-{origin}-{to}-{kind}", **{"class": kind})
    return graph
