"""Build the Graphviz graph of a map: the visual grammar lives here, running `dot` does not (see dot.py).

Every piece of text from a map reaches DOT through one of two doors: `_html()` for labels (HTML-escaped,
backslashes doubled, so `<`, `&`, quotes and `\\N` stay literal) and `_plain()` for tooltips
(graphviz.escape on doubled backslashes, so backslashes and `<...>` stay literal). Node names are derived
from ids that the schema restricts to [A-Za-z0-9_.-].
"""
from __future__ import annotations

import html
import itertools
import re
import textwrap
from collections import deque
from dataclasses import dataclass, replace

import graphviz

from ..model import UNDERCUT, ArgumentMap
from .layout import Layout, choose

DIRECTIONS = ("auto", "BT", "TB", "LR", "RL")  # auto: BT or RL, whichever suits the map's shape (layout.py)
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
# Past WHOLE_UP_TO claims even the fast layout takes minutes (a generated 20,000-claim map: stopped unfinished
# after two minutes; with the searches cut to a fiftieth still 76 s, most of it reducing 740,000 crossings in
# rows a thousand claims wide), and gives a picture nobody can read. There, unless --whole is given, argmap
# draws the top of the map: the claims nearest the thesis, at most TOP_CLAIMS of them, with "+N more" stubs.
WHOLE_UP_TO = 5000
TOP_CLAIMS = 500


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

    def edge(self, kind: str) -> dict[str, str]:
        """How each kind of edge looks, in one place: support (an inference to its conclusion), premise (a claim
        to its inference) and attack (an objection). Attack differs from support in colour, line and head."""
        return {
            "support": {"color": self.support, "penwidth": "1.6", "arrowhead": "normal"},
            "premise": {"color": self.support, "penwidth": "1.2", "arrowhead": "none"},
            "attack": {"color": self.attack, "style": "dashed", "penwidth": "1.6", "arrowhead": "tee"},
        }[kind]

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
    direction: str = "auto"
    wrap: int = 32
    quotes: bool = False
    ids: bool = False
    legend: bool = False
    sections: bool = False
    focus: str | None = None
    depth: int = 2
    style: Style = Style()
    layout: str = "auto"  # auto | default | fast: see FAST_LAYOUT
    tooltips: bool = True  # the HTML page shows texts in its panel, and leaves them out of the SVG
    overview: bool = False  # draw the section overview (overview.py) instead of the whole map
    whole: bool = False  # draw every claim of a map bigger than WHOLE_UP_TO (see top_of)


def _quote(value: str) -> str:
    """graphviz's own quoting (graphviz.quoting.quote), without its slow part where it cannot apply.

    graphviz searches every text three times for its odd cases: an HTML-like label, a quote already escaped,
    a final backslash. A map's ids, colours and styles hold no quote, backslash or markup, and a tooltip is
    made by graphviz.escape (see _plain), which doubles every backslash: for these, what is left of its rule
    is that a valid ID stays bare and anything else is quoted with each quote escaped. Anything else goes to
    graphviz. tests/drawing/test_graph.py checks that the two agree.
    """
    kind = type(value)
    if kind is str:
        if value[:1] == "<":
            if value[-1:] == ">":
                return value  # an HTML-like label, which graphviz passes as it is
        elif '"' not in value and "\\" not in value:
            return _bare_or_quoted(value)
    elif kind is graphviz.quoting.NoHtml:
        return _bare_or_quoted(value)
    return graphviz.quoting.quote(value)


def _bare_or_quoted(value: str) -> str:
    if graphviz.quoting.ID.match(value) and value.lower() not in graphviz.quoting.KEYWORDS:
        return value
    return '"' + value.replace('"', '\\"') + '"'


_PAIRS: dict[tuple[str, type, str], str] = {}
_UNIQUE = frozenset({"id", "tooltip", "label"})  # attributes whose values differ per node: not worth remembering


def _pair(key: str, value: str) -> str:
    """`key=value` as graphviz writes it, remembered: a node's colours, shapes and styles repeat across the map."""
    if key in _UNIQUE:
        return f"{_quote(key)}={_quote(value)}"
    pair = (key, type(value), value)
    found = _PAIRS.get(pair)
    if found is None:
        if len(_PAIRS) > 200_000:  # a long --watch session must not grow without end
            _PAIRS.clear()
        found = _PAIRS[pair] = f"{_quote(key)}={_quote(value)}"
    return found


def _attr_list(label=None, kwargs=None, attributes=None) -> str:
    """graphviz.quoting.attr_list with the remembered quoting (same text, as the golden tests check)."""
    parts = [f"label={_quote(label)}"] if label is not None else []
    for mapping in (kwargs, attributes):
        if mapping:
            items = sorted(mapping.items()) if type(mapping) is dict else mapping.items()
            parts += [_pair(k, v) for k, v in items if v is not None]
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
    width = max(width, 8)
    for paragraph in text.splitlines() or [""]:
        if paragraph and len(paragraph) <= width and "\t" not in paragraph and paragraph.strip() == paragraph:
            lines.append(paragraph)  # what textwrap would return, without its work: most headers, many short texts
            continue
        lines.extend(textwrap.wrap(paragraph, width=width, break_long_words=True, break_on_hyphens=False) or [""])
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
    for first, second in _pairs_beyond_support(model):  # spell-outs and tensions are steps too
        attacks.setdefault(first, []).append(second)
        attacks.setdefault(second, []).append(first)
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


def top_of(model: ArgumentMap, options: RenderOptions) -> tuple[RenderOptions, int]:
    """The options that draw a map, and how many claims they draw: as given; or for a map of more than
    WHOLE_UP_TO claims with no --focus and no --whole, a focus on the thesis at the greatest depth that keeps
    at most TOP_CLAIMS claims (depth 1 at least)."""
    if options.whole or options.focus or len(model.claims) <= WHOLE_UP_TO or model.thesis not in model.claims:
        return options, len(model.claims)

    def claims_in(kept: set[str]) -> int:
        return sum(1 for item in kept if item in model.claims)

    depth, kept = 1, neighbourhood(model, model.thesis, 1)
    while depth < 100:
        wider = neighbourhood(model, model.thesis, depth + 1)
        if claims_in(wider) > TOP_CLAIMS or wider == kept:
            break
        depth, kept = depth + 1, wider
    return replace(options, focus=model.thesis, depth=depth), claims_in(kept)


def build_graph(model: ArgumentMap, options: RenderOptions = RenderOptions(), side: str = "",
                keep: set[str] | None = None) -> graphviz.Digraph:
    """The diagram of a valid map as a graphviz.Digraph: deterministic for the same map and options.

    With side ('a' or 'b'), the graph is a cluster whose names and ids are prefixed, to sit beside another.
    With keep (ids of claims and arguments), only those are drawn, with stubs where branches are cut off.
    """
    if options.focus is not None and options.focus not in model.claims and options.focus not in model.arguments:
        raise KeyError(options.focus)
    if keep is None and options.focus:
        keep = neighbourhood(model, options.focus, options.depth)
    layout = choose(model, options.wrap, keep, options.direction)
    graph = _map_graph(model, options, side, layout)
    sections = _Sections(graph, model, options, side, layout)
    objecting = {o.claim for o in model.objections.values()}
    for claim in model.claims.values():
        if keep is None or claim.id in keep:
            add_claim(sections.holding(claim.section), model, claim, options, side, claim.id in objecting, layout.wrap)
    for argument in model.arguments.values():
        if keep is None or argument.id in keep:
            (_add_corollary if argument.corollary else _add_argument)(
                graph, sections.holding(argument.section), argument, options, side, keep)
    for objection in model.objections.values():
        if keep is None or (objection.claim in keep and objection.target in keep):
            _add_objection(graph, objection, options, side)
    _add_spell_outs_and_tensions(graph, model, options, side, keep)
    if keep is not None:
        _add_stubs(graph, model, keep, side)
    sections.close()
    return graph


def hidden_neighbours(model: ArgumentMap, keep: set[str]) -> dict[str, int]:
    """For each kept claim, how many claims next to it (one step, as in neighbourhood) were cut off."""
    around: dict[str, set[str]] = {}
    for argument in model.arguments.values():
        members = [argument.conclusion, *argument.premises]
        for claim in members:
            around.setdefault(claim, set()).update(m for m in members if m != claim)
    for objection in model.objections.values():
        undercut = model.arguments.get(objection.target)
        targets = [undercut.conclusion, *undercut.premises] if undercut else [objection.target]
        around.setdefault(objection.claim, set()).update(targets)
        for target in targets:
            around.setdefault(target, set()).add(objection.claim)
    return {claim: len(around.get(claim, set()) - keep) for claim in model.claims
            if claim in keep and around.get(claim, set()) - keep}


def _add_stubs(graph: graphviz.Digraph, model: ArgumentMap, keep: set[str], side: str) -> None:
    """A "+N more" stub beside each claim whose neighbours --focus cut off."""
    for claim, count in hidden_neighbours(model, keep).items():
        name = f"more.{claim_node(claim, side)}"
        graph.node(name, label=f"+{count} more", shape="box", style="rounded,dashed", color="#767676",
                   fontcolor="#444444", fontsize="9", height="0.2", margin="0.06,0.02",
                   id=svg_id("more", claim, side),
                   tooltip=_plain(f"{count} more claims next to this one are not drawn"),
                   **{"class": "stub"})
        graph.edge(name, claim_node(claim, side), style="dotted", color="#767676", arrowhead="none",
                   **{"class": "stub"})


def _map_graph(model: ArgumentMap, options: RenderOptions, side: str, layout: Layout) -> graphviz.Digraph:
    title = _html(model.title, 80, 300)
    if options.legend:
        title = legend_label(title, options.style, model)
    return _Digraph(name=f"cluster_{side}" if side else model.id, graph_attr={
        "rankdir": layout.direction, "newrank": "true", "nodesep": "0.3", "ranksep": "0.45",
        "fontname": options.style.font, "label": f"<{title}>", "labelloc": _top(layout.direction, bool(side)),
        "fontsize": "16", **_tooltip(model.title, options), "id": svg_id("map", model.id, side) if side else "argmap",
        **(FAST_LAYOUT if _fast(model, options) else {}),
    }, node_attr={"fontname": options.style.font, "fontsize": "11", "margin": "0.12,0.06"},
        edge_attr={"fontname": options.style.font, "fontsize": "9", "arrowsize": "0.7"})


def _top(direction: str, cluster: bool = True) -> str:
    """The labelloc that puts a cluster's title on top: dot turns the whole drawing over for BT, labels too."""
    return "b" if direction == "BT" and cluster else "t"


def _tooltip(text: str, options: RenderOptions) -> dict[str, str]:
    return {"tooltip": _plain(text)} if options.tooltips else {}


class _Sections:
    """The boxes of the essay's sections (with --sections): made on first use, added in the essay's order."""

    def __init__(self, graph: graphviz.Digraph, model: ArgumentMap, options: RenderOptions, side: str, layout: Layout):
        self.graph, self.model, self.options, self.side, self.layout = graph, model, options, side, layout
        self.clusters: dict[str, graphviz.Digraph] = {}

    def holding(self, section: str | None) -> graphviz.Digraph:
        """The graph that a node of this section goes into."""
        if not self.options.sections or section is None:
            return self.graph
        if section not in self.clusters:
            title = self.model.sections[section].title if section in self.model.sections else section
            self.clusters[section] = _Digraph(name=f"cluster_section_{self.side}{section}", graph_attr={
                "label": f"<<B>{_html(title, 60, 200)}</B>>", "labelloc": _top(self.layout.direction),
                "labeljust": "r" if self.layout.direction == "RL" else "l", "style": "rounded,dashed",
                "color": "#999999", "fontsize": "12",
                "id": svg_id("section", section, self.side), **_tooltip(title, self.options)})
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
             **_tooltip(tooltip, options), "color": options.style.support}
    if caption or options.ids:
        text = caption + (f" ({argument.id})" if options.ids else "")
        box.node(argument_node(argument.id, side), label=f"<{_html(text, 24, 200)}>", shape="box",
                 style="rounded,filled", fillcolor="#FFFFFF", fontcolor=options.style.support, fontsize="8",
                 height="0.2", margin="0.05,0.02", **attrs)
    else:
        box.node(argument_node(argument.id, side), label="", shape="circle", width="0.14", fixedsize="true",
                 style="filled", fillcolor=options.style.support, **attrs)
    if keep is None or argument.conclusion in keep:
        graph.edge(argument_node(argument.id, side), claim_node(argument.conclusion, side),
                   id=svg_id("supports", argument.id, side), **options.style.edge("support"), **{"class": "support"})
    for index, premise in enumerate(argument.premises):
        if keep is None or premise in keep:
            graph.edge(claim_node(premise, side), argument_node(argument.id, side),
                       id=svg_id("premise", f"{argument.id}-{index}", side), **options.style.edge("premise"),
                       **{"class": "premise", **_premise_marks(argument, premise)})


def _add_objection(graph: graphviz.Digraph, objection, options: RenderOptions, side: str) -> None:
    target = (argument_node(objection.target, side) if objection.kind == UNDERCUT
              else claim_node(objection.target, side))
    graph.edge(claim_node(objection.claim, side), target, id=svg_id("objection", objection.id, side),
               **options.style.edge("attack"), **_tooltip(f"{objection.kind}: {objection.id}", options),
               **{"class": f"attack {objection.kind}"})


def add_claim(graph: graphviz.Digraph, model: ArgumentMap, claim, options: RenderOptions, side: str = "",
              objecting: bool = False, wrap: int | None = None) -> None:
    """One claim's node: fill by role, header with role and actors, the label, the full text as tooltip.

    The map's thesis is drawn as the thesis whatever its role: the thesis's fill and header, with its own
    role named after the header when it says more (THESIS \u00b7 RECOMMENDATION)."""
    wrap = wrap or options.wrap
    thesis = claim.id == model.thesis
    fill, role_label = options.style.role("thesis" if thesis else claim.role)
    if objecting and claim.role == "premise" and not thesis:
        fill = options.style.objection
    header = role_label
    if thesis and claim.role not in ("thesis", "conclusion"):
        header += " \u00b7 " + options.style.role(claim.role)[1]
    marks = (["IMPLICIT"] if claim.implicit else []) + (["CONDITIONAL"] if claim.conditional else [])
    if marks:
        header += f" ({', '.join(marks)})"
    if claim.actors:
        header += " \u00b7 " + ", ".join(model.actors[a].name for a in claim.actors)
    if options.ids:
        header += f" \u00b7 {claim.id}"
    label = _small(_html(header, wrap + 10, 300)) + '<BR ALIGN="CENTER"/>' + _html(claim.text, wrap)
    if options.quotes and claim.quotes:
        quote = " \u2026 ".join(claim.quotes)
        label += '<BR ALIGN="CENTER"/>' + _small("<I>" + _html(f"\u201c{quote}\u201d", wrap + 8) + "</I>", 9,
                                                 "#555555")
    styles = ["rounded", "filled"] + (["dashed"] if claim.implicit else []) + (["bold"] if thesis else [])
    tooltip = claim.text + ("".join(f"\n\u201c{q}\u201d" for q in claim.quotes))
    graph.node(
        claim_node(claim.id, side), label=f"<{label}>", shape="box", style=",".join(styles), fillcolor=fill,
        penwidth="3" if thesis else "1.2" if not claim.implicit else "1.4",
        fontsize="14" if thesis else "11", id=svg_id("claim", claim.id, side), **_tooltip(tooltip, options),
        **{"class": f"claim role-{claim.role}" + (" implicit" if claim.implicit else "") + (" thesis" if thesis else "")
           + (" conditional" if claim.conditional else "")
           + "".join(f" tag-{re.sub(r'[^A-Za-z0-9_-]+', '-', tag)}" for tag in claim.tags)},
    )


def _key(text: str, fill: str, style: str = "rounded", width: str = "1") -> str:
    """A legend entry drawn as a node is: a rounded box of the role's fill."""
    return (f'<TD><TABLE BORDER="{width}" STYLE="{style}" CELLBORDER="0" BGCOLOR="{fill}" CELLPADDING="3">'
            f'<TR><TD><FONT POINT-SIZE="9">{_html(text, 40, 80)}</FONT></TD></TR></TABLE></TD>')  # never markup


def legend_label(title: str, style: Style, model: ArgumentMap | None = None) -> str:
    """The title with the legend beneath it, as one HTML-like label: the legend takes no part in the layout,
    so it cannot push the essay's claims out of their order. With model, issue 16's elements that it uses."""
    keys = [_key(label.capitalize(), fill, width="3" if role == "thesis" else "1")
            for role, (fill, label) in style.roles]
    keys += [_key("Implicit premise", "#FFFFFF", "rounded,dashed"), _key("Objecting claim", style.objection)]
    lines = [(style.support, "──●──▶", "premises meet, then support"),
             (style.attack, "\u2013 \u2013 \u2013 \u2524", "attacks")]
    if model is not None:
        more_keys, more_lines = _legend_beyond_support(model, style)
        keys += more_keys
        lines += more_lines
    keys += [f'<TD><FONT POINT-SIZE="10" COLOR="{colour}">{glyph}</FONT><FONT POINT-SIZE="9"> {text}</FONT></TD>'
             for colour, glyph, text in lines]
    return (f'<TABLE BORDER="0" CELLSPACING="4"><TR><TD COLSPAN="{len(keys)}">{title}</TD></TR>'
            f'<TR>{"".join(keys)}</TR></TABLE>')


# --- What a text does beyond support and attack (issue 16) --------------------------------------------------
# Spell-outs, tensions, arguments that follow from the thesis, conditionals and exhaustiveness premises are
# drawn here, apart from the rest of the grammar. Spell-outs never pass through an inference node: a grey
# line with a hollow arrowhead from the detail (or the means) to what it spells out. A tension is a dotted
# line with hollow diamonds at both ends that takes no part in the layout. An argument that follows from the
# thesis is drawn with its edges reversed for the layout, so that its conclusion sits below the thesis with
# the arrow pointing down into it.
RELATION_STYLE = {
    "specifies": {"color": "#666666", "style": "solid", "penwidth": "1.4", "arrowhead": "onormal",
                  "label": " specifies"},
    "means-to": {"color": "#666666", "style": "solid", "penwidth": "1.4", "arrowhead": "ovee", "label": " means to"},
    "tension": {"color": "#E69F00", "style": "dotted", "penwidth": "2.2", "dir": "both", "arrowhead": "odiamond",
                "arrowtail": "odiamond", "constraint": "false", "label": " tension"},
    "exhaustive": {"style": "bold", "label": " exhaustive"},
}


def _add_spell_outs_and_tensions(graph: graphviz.Digraph, model: ArgumentMap, _options: RenderOptions, side: str,
                                 keep: set[str] | None) -> None:
    for claim in model.claims.values():
        for kind, target in claim.spells_out():
            if keep is None or (claim.id in keep and target in keep):
                graph.edge(claim_node(claim.id, side), claim_node(target, side),
                           id=svg_id(kind, f"{claim.id}-{target}", side), fontcolor="#666666",
                           tooltip=_plain(f"{claim.text}\n{kind.replace('-', ' ')}\n{model.claims[target].text}"),
                           **{"class": f"spell-out {kind}"}, **RELATION_STYLE[kind])
    for tension in model.tensions.values():
        first, second = tension.claims
        if keep is None or (first in keep and second in keep):
            graph.edge(claim_node(first, side), claim_node(second, side), id=svg_id("tension", tension.id, side),
                       fontcolor=RELATION_STYLE["tension"]["color"],
                       tooltip=_plain(f"tension ({tension.kind}): {tension.id}" + (f"\n{tension.note}" if tension.note
                                                                                       else "")),
                       **{"class": f"tension {tension.kind}"}, **RELATION_STYLE["tension"])


def _add_corollary(graph: graphviz.Digraph, box: graphviz.Digraph, argument, options: RenderOptions, side: str,
                   keep: set[str] | None) -> None:
    """An argument that follows from the thesis: its inference node as any other, its edges reversed for the layout."""
    _add_argument(graph, box, argument, options, side, keep=set())  # the node alone
    if keep is None or argument.conclusion in keep:
        graph.edge(claim_node(argument.conclusion, side), argument_node(argument.id, side), dir="back",
                   arrowtail="normal", color=options.style.support, penwidth="1.6", label=" follows",
                   fontcolor=options.style.support, id=svg_id("supports", argument.id, side),
                   **{"class": "support corollary"})
    for index, premise in enumerate(argument.premises):
        if keep is None or premise in keep:
            graph.edge(argument_node(argument.id, side), claim_node(premise, side), dir="back", arrowtail="none",
                       color=options.style.support, penwidth="1.2",
                       id=svg_id("premise", f"{argument.id}-{index}", side),
                       **{"class": "premise corollary", **_premise_marks(argument, premise)})


def _pairs_beyond_support(model: ArgumentMap):
    """The claims that a spell-out or a tension joins, one step apart for --focus."""
    for claim in model.claims.values():
        for _, target in claim.spells_out():
            yield claim.id, target
    for tension in model.tensions.values():
        yield tension.claims


def _premise_marks(argument, premise: str) -> dict:
    """The exhaustiveness premise of an argument by elimination: its edge bold and labelled."""
    if premise != argument.exhaustive:
        return {}
    return {**RELATION_STYLE["exhaustive"], "class": "premise exhaustive"}  # replaces the plain class


def _legend_beyond_support(model: ArgumentMap, style: Style) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Legend entries for the elements of this block that the map uses, and only those: boxes, and lines as
    (colour, glyph, text)."""
    keys: list[str] = []
    lines: list[tuple[str, str, str]] = []
    spell_outs = {kind for claim in model.claims.values() for kind, _ in claim.spells_out()}
    if "specifies" in spell_outs:
        lines.append((RELATION_STYLE["specifies"]["color"], "───▷", "a detail specifies"))
    if "means-to" in spell_outs:
        lines.append((RELATION_STYLE["means-to"]["color"], "───❭", "a means to"))
    if any(claim.conditional for claim in model.claims.values()):
        keys.append(_key("Premise (conditional)", "#FFFFFF"))
    if model.tensions:
        lines.append((RELATION_STYLE["tension"]["color"], "◇····◇", "in tension"))
    if any(argument.corollary for argument in model.arguments.values()):
        lines.append((style.support, "◀──●", "follows from the thesis"))
    if any(argument.exhaustive for argument in model.arguments.values()):
        lines.append((style.support, "━━●", "the options are all (exhaustive)"))
    return keys, lines


def dot_source(model: ArgumentMap, options: RenderOptions = RenderOptions()) -> str:
    return build_graph(model, options).source


# Cross links between two maps: each relation differs in line style and arrowhead, not only in colour. Each label
# is written in "text", a darker shade of the line's colour with at least 4.5:1 contrast on white (WCAG AA).
LINK_STYLE = {
    "same": {"color": "#009E73", "style": "solid", "penwidth": "2.4", "dir": "none"},
    "recast": {"color": "#56B4E9", "style": "dashed", "penwidth": "2.2", "dir": "none"},
    "contradicts": {"color": "#D55E00", "style": "bold", "penwidth": "2.4", "dir": "both", "arrowhead": "tee",
                    "arrowtail": "tee"},
    "develops": {"color": "#CC79A7", "style": "solid", "penwidth": "2.2", "arrowhead": "vee"},
    "suggested": {"color": "#999999", "style": "dotted", "penwidth": "1.4", "dir": "none"},
}
LINK_TEXT = {"same": "#00694C", "recast": "#1C6A9A", "contradicts": "#A84A00", "develops": "#9A3D74",
             "suggested": "#595959"}


def comparison_direction(result, options: RenderOptions) -> str:
    """RL (the maps one above the other) when either map is drawn RL on its own, else BT (side by side)."""
    if options.direction != "auto":
        return options.direction
    chosen = {choose(model, options.wrap).direction for model in (result.a, result.b)}
    return "RL" if "RL" in chosen else "BT"


def build_comparison_graph(result, options: RenderOptions = RenderOptions(), suggestions: bool = True,
                           linked_only: bool = False) -> graphviz.Digraph:
    """Both maps as clusters, with their cross links drawn and styled by relation.

    With linked_only, each side shows just its linked claims, in two columns, each in its essay's order
    from the top, under its map's title.
    """
    pairs = list(result.explicit) + (list(result.suggested) if suggestions else [])
    title = f"{result.a.title} \u2194 {result.b.title}"
    direction = "TB" if linked_only else comparison_direction(result, options)
    graph = _Digraph(name="comparison", graph_attr={
        "rankdir": direction, "newrank": "true", "compound": "true", "fontname": options.style.font,
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
            order = [claim.id for claim in model.claims.values() if claim.id in linked]  # the essay's order
            for claim_id in order:
                add_claim(column, model, model.claims[claim_id], options, side)
            # within a rank, an edge puts its tail before its head: this chain keeps the title on top, then the essay
            chain = [f"{side}.title"] + [claim_node(claim_id, side) for claim_id in order]
            for above, below in itertools.pairwise(chain):
                column.edge(above, below, style="invis")
            graph.subgraph(column)
        graph.edge("a.title", "b.title", style="invis", constraint="true")  # B's column one rank right of A's
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
                   xlabel=f"<{_html(label, 30, 40)}>", fontcolor=LINK_TEXT[relation],
                   id=f"link-{index}", **_tooltip(tooltip, options), **{"class": f"link {relation}"},
                   **LINK_STYLE[relation])
    return graph
