"""Build the Graphviz graph of a map: the visual grammar lives here, running `dot` does not (see dot.py).

Every piece of text from a map reaches DOT through one of two doors: `_html()` for labels (HTML-escaped,
backslashes doubled, so `<`, `&`, quotes and `\\N` stay literal) and `_plain()` for tooltips
(graphviz.escape on doubled backslashes, so backslashes and `<...>` stay literal). Node names are derived
from ids that the schema restricts to [A-Za-z0-9_.-].
"""
from __future__ import annotations

import html
import re
import textwrap
from collections import deque
from dataclasses import dataclass

import graphviz

from ..model import UNDERCUT, ArgumentMap

DIRECTIONS = ("BT", "TB", "LR", "RL")
MAX_LABEL_CHARS = 600  # per text in a label; the tooltip keeps the full text (dot refuses labels of 16 KB)
MAX_TOOLTIP_BYTES = 15000  # any DOT string of 16 KB or more is a syntax error in dot

# Okabe-Ito colours, safe for colour-blind readers; every distinction is also made by line style or shape.
SUPPORT_COLOR = "#0072B2"
ATTACK_COLOR = "#D55E00"
ROLE_STYLE = {  # role -> (fill colour, label shown above the text)
    "thesis": ("#F0E442", "THESIS"),
    "conclusion": ("#CFE8F7", "CONCLUSION"),
    "premise": ("#FFFFFF", "PREMISE"),
    "evidence": ("#E3F2E9", "EVIDENCE"),
    "recommendation": ("#FBE3CD", "RECOMMENDATION"),
    "prediction": ("#EADFF2", "PREDICTION"),
    "context": ("#EEEEEE", "CONTEXT"),
}
OBJECTION_FILL = "#FADBD0"

# dot's defaults take minutes on maps of thousands of nodes (250 s seen for 5,000 claims): it keeps
# reordering ranks to remove crossings (mincross) and refining x positions (network simplex, most of the
# time on our 5,000-claim benchmark map). Above FAST_FROM nodes, argmap caps both searches and draws
# straight edges: the ranks (who supports whom, thesis on top) stay exact; what is traded is more edge
# crossings, wider and less balanced rows, and straight rather than curved edges.
FAST_FROM = 2500
FAST_LAYOUT = {"nslimit": "1", "nslimit1": "1", "mclimit": "0.1", "remincross": "false", "splines": "line"}


@dataclass(frozen=True)
class Style:
    """Colours, headers and font; the defaults are the Okabe-Ito palette above. A style file overrides them."""

    font: str = "Helvetica"
    support: str = SUPPORT_COLOR
    attack: str = ATTACK_COLOR
    objection: str = OBJECTION_FILL
    roles: tuple = tuple(ROLE_STYLE.items())  # (role, (fill, header)) pairs: hashable, so options stay frozen

    def role(self, role: str) -> tuple[str, str]:
        return dict(self.roles)[role]

    @classmethod
    def from_data(cls, data: dict) -> Style:
        """A style from a style file's data that passed schema/style.schema.json."""
        roles = dict(ROLE_STYLE)
        for role, given in (data.get("roles") or {}).items():
            fill, header = roles[role]
            roles[role] = (given.get("fill", fill), given.get("label", header))
        return cls(font=data.get("font", cls.font), support=data.get("support", SUPPORT_COLOR),
                   attack=data.get("attack", ATTACK_COLOR), objection=data.get("objection", OBJECTION_FILL),
                   roles=tuple(roles.items()))


@dataclass(frozen=True)
class RenderOptions:
    direction: str = "BT"
    wrap: int = 32
    quotes: bool = False
    ids: bool = False
    legend: bool = False
    sections: bool = False
    focus: str | None = None
    depth: int = 2
    style: Style = Style()
    layout: str = "auto"  # auto | default | fast: see FAST_LAYOUT


_QUOTED: dict[tuple[type, str], str] = {}


def _quote(value: str) -> str:
    """graphviz's own quoting, remembered: a big map repeats the same colours, shapes and names thousands of times.

    The key holds the type, because graphviz quotes a NoHtml string (from escape) unlike a plain one.
    """
    key = (type(value), value)
    found = _QUOTED.get(key)
    if found is None:
        if len(_QUOTED) > 200_000:  # a long --watch session must not grow without end
            _QUOTED.clear()
        found = _QUOTED[key] = graphviz.quoting.quote(value)
    return found


def _attr_list(label=None, kwargs=None, attributes=None) -> str:
    """graphviz.quoting.attr_list with the remembered quoting (same text, as the golden tests check)."""
    parts = [f"label={_quote(label)}"] if label is not None else []
    for mapping in (kwargs, attributes):
        if mapping:
            items = sorted(mapping.items()) if type(mapping) is dict else mapping.items()
            parts += [f"{_quote(k)}={_quote(v)}" for k, v in items if v is not None]
    return f" [{' '.join(parts)}]" if parts else ""


class _Digraph(graphviz.Digraph):
    """A graphviz.Digraph that quotes faster; everything else is the package's own."""

    _quote = staticmethod(_quote)
    _quote_edge = staticmethod(_quote)  # our node names hold no ':' (ids cannot), so there is no port to split off
    _attr_list = staticmethod(_attr_list)


def _fast(model: ArgumentMap, options: RenderOptions) -> bool:
    if options.layout != "auto":
        return options.layout == "fast"
    return len(model.claims) + len(model.arguments) > FAST_FROM and options.focus is None


def claim_node(claim_id: str, side: str = "") -> str:
    """The DOT node name of a claim; side ('a', 'b') keeps two maps apart in one diagram."""
    return f"{side}.claim.{claim_id}" if side else f"claim.{claim_id}"


def argument_node(argument_id: str, side: str = "") -> str:
    return f"{side}.argument.{argument_id}" if side else f"argument.{argument_id}"


def svg_id(kind: str, item_id: str, side: str = "") -> str:
    """The id a node or edge carries in SVG: 'claim-ID', or 'a-claim-ID' for side a of a comparison."""
    return f"{side}-{kind}-{item_id}" if side else f"{kind}-{item_id}"


def _plain(text: str, limit: int = MAX_TOOLTIP_BYTES) -> str:
    # dot unescapes a tooltip twice (as a DOT string, then as an escString for \\N and kin), and passes
    # anything shaped like an entity (&amp;) through to SVG as markup: double backslashes twice, escape &
    def escape(raw: str) -> str:
        return graphviz.escape(raw.replace("&", "&amp;").replace("\\", "\\\\"))

    escaped = escape(text)
    while len(escaped.encode("utf-8")) > limit:  # cut until even the escaped text fits
        text = text[: max(1, len(text) * 9 // 10) - 1]
        escaped = escape(text + "\u2026")
    return escaped


def _html(text: str, width: int, limit: int = MAX_LABEL_CHARS) -> str:
    """Text wrapped to width, every character literal, as the inside of an HTML-like label."""
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width=max(width, 8), break_long_words=True, break_on_hyphens=False)
                     or [""])
    # dot expands \N, \G, \l even inside HTML-like labels (and after resolving &#92;): double every backslash
    return '<BR ALIGN="CENTER"/>'.join(html.escape(line, quote=True).replace("\\", "\\\\") for line in lines)


def _small(text: str, size: int = 9, color: str = "#444444") -> str:
    return f'<FONT POINT-SIZE="{size}" COLOR="{color}">{text}</FONT>'


def neighbourhood(model: ArgumentMap, focus: str, depth: int) -> set[str]:
    """Ids of the claims within depth steps of focus (a step joins two claims through an argument or an
    objection, either way), and of the arguments among them: those whose conclusion and at least one
    premise are kept, so that no inference is drawn hanging. Focusing an argument starts from its claims.

    An argument is a hub that joins its claims: reaching it once reaches all of them, so a wide argument
    costs its width, not its width squared."""
    members = {a.id: [a.conclusion, *a.premises] for a in model.arguments.values()}
    hubs: dict[str, list[str]] = {}  # claim -> the arguments it belongs to
    attacks: dict[str, list[str]] = {}  # claim -> what it attacks or is attacked by (claims, or arguments)
    for argument_id, claims in members.items():
        for claim in claims:
            hubs.setdefault(claim, []).append(argument_id)
    for objection in model.objections.values():
        attacks.setdefault(objection.claim, []).append(objection.target)
        for attacked in members.get(objection.target, [objection.target]):
            attacks.setdefault(attacked, []).append(objection.claim)
    start = members.get(focus, [focus])
    seen, expanded = set(start), set()
    frontier = deque((claim, 0) for claim in start)
    while frontier:
        node, distance = frontier.popleft()
        if distance >= depth:
            continue
        reached: list[str] = []
        for neighbour in [*hubs.get(node, ()), *attacks.get(node, ())]:
            if neighbour in members:  # an argument: all of its claims, once
                if neighbour not in expanded:
                    expanded.add(neighbour)
                    reached.extend(members[neighbour])
            else:
                reached.append(neighbour)
        for claim in sorted(set(reached) - seen):
            seen.add(claim)
            frontier.append((claim, distance + 1))
    kept_arguments = {a.id for a in model.arguments.values()
                      if a.conclusion in seen and any(p in seen for p in a.premises)}
    return seen | kept_arguments


def build_graph(model: ArgumentMap, options: RenderOptions = RenderOptions(), side: str = "") -> graphviz.Digraph:
    """The diagram of a valid map as a graphviz.Digraph: deterministic for the same map and options.

    With side ('a' or 'b'), the graph is a cluster whose names and ids are prefixed, to sit beside another.
    """
    if options.focus is not None and options.focus not in model.claims and options.focus not in model.arguments:
        raise KeyError(options.focus)
    keep = neighbourhood(model, options.focus, options.depth) if options.focus else None
    graph = _map_graph(model, options, side)
    sections = _Sections(graph, model, options, side)
    objecting = {o.claim for o in model.objections.values()}
    for claim in model.claims.values():
        if keep is None or claim.id in keep:
            add_claim(sections.holding(claim.section), model, claim, options, side, claim.id in objecting)
    for argument in model.arguments.values():
        if keep is None or argument.id in keep:
            _add_argument(graph, sections.holding(argument.section), argument, options, side, keep)
    for objection in model.objections.values():
        if keep is None or (objection.claim in keep and objection.target in keep):
            _add_objection(graph, objection, options, side)
    sections.close()
    if options.legend:
        graph.subgraph(_legend(options))
    return graph


def _map_graph(model: ArgumentMap, options: RenderOptions, side: str) -> graphviz.Digraph:
    return _Digraph(name=f"cluster_{side}" if side else model.id, graph_attr={
        "rankdir": options.direction, "newrank": "true", "nodesep": "0.3", "ranksep": "0.45",
        "fontname": options.style.font, "label": f"<{_html(model.title, 80, 300)}>", "labelloc": "t", "fontsize": "16",
        "tooltip": _plain(model.title), "id": svg_id("map", model.id, side) if side else "argmap",
        **(FAST_LAYOUT if _fast(model, options) else {}),
    }, node_attr={"fontname": options.style.font, "fontsize": "11", "margin": "0.12,0.06"},
        edge_attr={"fontname": options.style.font, "fontsize": "9", "arrowsize": "0.7"})


class _Sections:
    """The boxes of the essay's sections (with --sections): made on first use, added in the essay's order."""

    def __init__(self, graph: graphviz.Digraph, model: ArgumentMap, options: RenderOptions, side: str):
        self.graph, self.model, self.options, self.side = graph, model, options, side
        self.clusters: dict[str, graphviz.Digraph] = {}

    def holding(self, section: str | None) -> graphviz.Digraph:
        """The graph that a node of this section goes into."""
        if not self.options.sections or section is None:
            return self.graph
        if section not in self.clusters:
            title = self.model.sections[section].title if section in self.model.sections else section
            self.clusters[section] = _Digraph(name=f"cluster_section_{self.side}{section}", graph_attr={
                "label": f"<{_html(title, 60, 200)}>", "style": "rounded,dashed", "color": "#999999",
                "fontsize": "11", "id": svg_id("section", section, self.side), "tooltip": _plain(title)})
        return self.clusters[section]

    def close(self) -> None:
        for section in self.model.sections:  # in the essay's order, not first use
            if section in self.clusters:
                self.graph.subgraph(self.clusters[section])


def _add_argument(graph: graphviz.Digraph, box: graphviz.Digraph, argument, options: RenderOptions, side: str,
                  keep: set[str] | None) -> None:
    """The argument's inference node (in its section's box), its edge to the conclusion and from each premise."""
    caption = argument.scheme.replace("-", " ") if argument.scheme else ""
    linked = len(argument.premises) > 1
    tooltip = argument.text or caption or f"argument {argument.id}"
    attrs = {"id": svg_id("argument", argument.id, side), "class": "argument" + (" linked" if linked else ""),
             "tooltip": _plain(tooltip), "color": options.style.support}
    if caption or options.ids:
        text = caption + (f" ({argument.id})" if options.ids else "")
        box.node(argument_node(argument.id, side), label=f"<{_html(text, 24, 200)}>", shape="box",
                 style="rounded,filled", fillcolor="#FFFFFF", fontcolor=options.style.support, fontsize="8",
                 height="0.2", margin="0.05,0.02", **attrs)
    else:
        box.node(argument_node(argument.id, side), label="", shape="circle", width="0.14", fixedsize="true",
                 style="filled", fillcolor=options.style.support, **attrs)
    if keep is None or argument.conclusion in keep:
        graph.edge(argument_node(argument.id, side), claim_node(argument.conclusion, side), color=options.style.support,
                   penwidth="1.6", arrowhead="normal", id=svg_id("supports", argument.id, side), **{"class": "support"})
    for index, premise in enumerate(argument.premises):
        if keep is None or premise in keep:
            graph.edge(claim_node(premise, side), argument_node(argument.id, side), color=options.style.support,
                       penwidth="1.2", arrowhead="none", id=svg_id("premise", f"{argument.id}-{index}", side),
                       **{"class": "premise"})


def _add_objection(graph: graphviz.Digraph, objection, options: RenderOptions, side: str) -> None:
    target = (argument_node(objection.target, side) if objection.kind == UNDERCUT
              else claim_node(objection.target, side))
    graph.edge(claim_node(objection.claim, side), target, color=options.style.attack, style="dashed", penwidth="1.6",
               arrowhead="tee", id=svg_id("objection", objection.id, side),
               tooltip=_plain(f"{objection.kind}: {objection.id}"), **{"class": f"attack {objection.kind}"})


def add_claim(graph: graphviz.Digraph, model: ArgumentMap, claim, options: RenderOptions, side: str = "",
              objecting: bool = False) -> None:
    """One claim's node: fill by role, header with role and actors, the label, the full text as tooltip."""
    fill, role_label = options.style.role(claim.role)
    if objecting and claim.role == "premise":
        fill = options.style.objection
    header = role_label
    if claim.implicit:
        header += " (IMPLICIT)"
    if claim.actors:
        header += " \u00b7 " + ", ".join(model.actors[a].name for a in claim.actors)
    if options.ids:
        header += f" \u00b7 {claim.id}"
    label = _small(_html(header, options.wrap + 10, 300)) + '<BR ALIGN="CENTER"/>' + _html(claim.text, options.wrap)
    if options.quotes and claim.quotes:
        quote = " \u2026 ".join(claim.quotes)
        label += '<BR ALIGN="CENTER"/>' + _small("<I>" + _html(f"\u201c{quote}\u201d", options.wrap + 8) + "</I>", 9,
                                                 "#555555")
    thesis = claim.id == model.thesis
    styles = ["rounded", "filled"] + (["dashed"] if claim.implicit else []) + (["bold"] if thesis else [])
    tooltip = claim.text + ("".join(f"\n\u201c{q}\u201d" for q in claim.quotes))
    graph.node(
        claim_node(claim.id, side), label=f"<{label}>", shape="box", style=",".join(styles), fillcolor=fill,
        penwidth="3" if thesis else "1.2" if not claim.implicit else "1.4",
        fontsize="14" if thesis else "11", id=svg_id("claim", claim.id, side), tooltip=_plain(tooltip),
        **{"class": f"claim role-{claim.role}" + (" implicit" if claim.implicit else "") + (" thesis" if thesis else "")
           + "".join(f" tag-{re.sub(r'[^A-Za-z0-9_-]+', '-', tag)}" for tag in claim.tags)},
    )


def _legend(options: RenderOptions) -> graphviz.Digraph:
    legend = _Digraph(name="cluster_legend", graph_attr={
        "label": "Legend", "style": "rounded", "color": "#999999", "fontsize": "11", "id": "legend"})
    legend.attr("node", fontsize="9", shape="box", style="rounded,filled")
    style = options.style
    for role, (fill, label) in style.roles:
        legend.node(f"legend.{role}", label=f"<{_html(label.capitalize(), 40, 80)}>", fillcolor=fill,  # never markup
                    **({"penwidth": "3", "style": "rounded,filled,bold"} if role == "thesis" else {}))
    legend.node("legend.implicit", label="Implicit premise", fillcolor="#FFFFFF", style="rounded,filled,dashed")
    legend.node("legend.objection", label="Objecting claim", fillcolor=style.objection)
    legend.node("legend.inference", label="", shape="circle", width="0.14", fixedsize="true", style="filled",
                fillcolor=style.support, color=style.support)
    legend.edge("legend.premise", "legend.inference", color=style.support, arrowhead="none", label=" premise")
    legend.edge("legend.inference", "legend.conclusion", color=style.support, label=" supports")
    legend.edge("legend.objection", "legend.evidence", color=style.attack, style="dashed", arrowhead="tee",
                label=" attacks")
    return legend


def dot_source(model: ArgumentMap, options: RenderOptions = RenderOptions()) -> str:
    return build_graph(model, options).source


# Cross links between two maps: each relation differs in line style and arrowhead, not only in colour.
LINK_STYLE = {
    "same": {"color": "#009E73", "style": "solid", "penwidth": "2.4", "dir": "none"},
    "recast": {"color": "#56B4E9", "style": "dashed", "penwidth": "2.2", "dir": "none"},
    "contradicts": {"color": "#D55E00", "style": "bold", "penwidth": "2.4", "dir": "both", "arrowhead": "tee",
                    "arrowtail": "tee"},
    "develops": {"color": "#CC79A7", "style": "solid", "penwidth": "2.2", "arrowhead": "vee"},
    "suggested": {"color": "#999999", "style": "dotted", "penwidth": "1.4", "dir": "none"},
}


def build_comparison_graph(result, options: RenderOptions = RenderOptions(), suggestions: bool = True,
                           linked_only: bool = False) -> graphviz.Digraph:
    """Both maps side by side as clusters, with their cross links drawn and styled by relation.

    With linked_only, each side shows just its linked claims, in two columns that read left to right.
    """
    pairs = list(result.explicit) + (list(result.suggested) if suggestions else [])
    title = f"{result.a.title} \u2194 {result.b.title}"
    graph = _Digraph(name="comparison", graph_attr={
        "rankdir": options.direction, "newrank": "true", "compound": "true", "fontname": options.style.font,
        "label": f"<{_html(title, 120, 400)}>", "labelloc": "t",
        "fontsize": "16", "id": "argmap-comparison", "nodesep": "0.3", "ranksep": "0.45"},
        node_attr={"fontname": options.style.font, "fontsize": "11", "margin": "0.12,0.06"},
        edge_attr={"fontname": options.style.font, "fontsize": "9", "arrowsize": "0.7"})
    if linked_only:
        graph.attr(rankdir="LR", ranksep="3")
        for side, model in (("a", result.a), ("b", result.b)):
            column = _Digraph(name=f"column_{side}", graph_attr={"rank": "same"})
            column.node(f"{side}.title", label=f"<<B>{_html(model.title, options.wrap, 300)}</B>>", shape="plaintext",
                        fontsize="13", id=svg_id("map", model.id, side))
            linked = {getattr(p, side).id for p in pairs}
            for claim in model.claims.values():  # in the map's order, so each column reads like its essay
                if claim.id in linked:
                    add_claim(column, model, claim, options, side)
            graph.subgraph(column)
        graph.edge("a.title", "b.title", style="invis")  # B's column one rank right of A's
    else:
        for side, model in (("a", result.a), ("b", result.b)):
            cluster = build_graph(model, options, side=side)
            cluster.graph_attr.update(style="rounded", color="#777777")
            graph.subgraph(cluster)
    for index, pair in enumerate(pairs):
        relation = pair.relation or "suggested"
        label = relation if pair.relation else f"{pair.score:.2f}?"
        tooltip = f"{relation}: {pair.a.text} \u2194 {pair.b.text}" + (f"\n{pair.note}" if pair.note else "")
        graph.edge(claim_node(pair.a.id, "a"), claim_node(pair.b.id, "b"), constraint="false",
                   xlabel=f"<{_html(label, 30, 40)}>", fontcolor=LINK_STYLE[relation]["color"],
                   id=f"link-{index}", tooltip=_plain(tooltip), **{"class": f"link {relation}"},
                   **LINK_STYLE[relation])
    return graph
