"""The explorer page: one self-contained HTML file around a map's SVG, to read a whole essay.

The page holds the diagram (dot's SVG, inline), the section overview, and the map's data as JSON: each
node's texts and places, the support and attack between nodes, the outline (the same tree as the
Markdown export), and the source text's paragraphs with each quote's place. Its script (explorer.js,
our own, beside this file with its stylesheet) draws nothing: it zooms and pans the SVG's viewBox,
searches, collapses, and fills the side panel. Nothing is fetched from the network.
"""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

from ...formats.outline import Entry, outline
from ...model import UNDERCUT, ArgumentMap

_ASSETS = resources.files(__name__)


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _details(model: ArgumentMap, claim, places) -> list[str]:
    lines = []
    if claim.actors:
        lines.append("Actor: " + ", ".join(model.actors[a].name for a in claim.actors))
    if claim.section:
        section = model.sections.get(claim.section)
        lines.append("Section: " + (section.title if section else claim.section))
    where = sorted(set(places.get(claim.id, ())))
    if where:
        lines.append(f"Source: {model.source.file}, line{'s' * (len(where) > 1)} {', '.join(map(str, where))}")
    if claim.implicit:
        lines.append("Implicit: reconstructed by the mapper, not said in the essay.")
    lines.extend(_beyond_support(model, claim))
    if claim.note:
        lines.append("Note: " + claim.note)
    if claim.tags:
        lines.append("Tags: " + ", ".join(claim.tags))
    lines.append(f"Id: {claim.id}" + (f" (map file {Path(model.file).name}, line {claim.line})" if model.file else ""))
    return lines


def entries(model: ArgumentMap, places: dict[str, list[int]] | None = None, side: str = "") -> dict[str, dict]:
    """What the panel shows for each node, keyed by the node's SVG id (the search looks in all of it)."""
    from ..graph import svg_id

    places = places or {}
    found = {}
    for c in model.claims.values():
        found[svg_id("claim", c.id, side)] = {
            "kind": c.role + (" (implicit)" if c.implicit else "") + (f" \u00b7 {model.id}" if side else ""),
            "text": c.text, "quotes": list(c.quotes), "details": _details(model, c, places)}
    for a in model.arguments.values():
        found[svg_id("argument", a.id, side)] = {
            "kind": "argument" + (f" ({a.scheme})" if a.scheme else ""),
            "text": a.text or f"Why: {model.claims[a.conclusion].text}", "quotes": [],
            "details": [f"Premises: {', '.join(model.claims[p].text for p in a.premises)}",
                        f"Conclusion: {model.claims[a.conclusion].text}", *_argument_beyond_support(model, a),
                        f"Id: {a.id}"]}
    return found


def _beyond_support(model: ArgumentMap, claim) -> list[str]:
    """The panel's lines for what a claim does beyond support and attack (issue 16)."""
    lines = []
    names = {"specifies": "Specifies", "means-to": "A means to"}
    for kind, target in claim.spells_out():
        lines.append(f"{names[kind]}: {model.claims[target].text}")
    for kind, detail in model.spelled_out_by(claim.id):
        lines.append(f"{'Specified by' if kind == 'specifies' else 'Reached by the means'}: {detail.text}")
    if claim.conditional:
        parts = [f"if: {model.claims[claim.antecedent].text}" if claim.antecedent else "",
                 f"then: {model.claims[claim.consequent].text}" if claim.consequent else ""]
        lines.append("Conditional" + (" (" + "; ".join(p for p in parts if p) + ")" if any(parts) else "") + ".")
    for tension in model.tensions_of(claim.id):
        other = next(c for c in tension.claims if c != claim.id)
        lines.append(f"In tension ({tension.kind}) with: {model.claims[other].text}"
                     + (f" ({tension.note})" if tension.note else ""))
    return lines


def _argument_beyond_support(model: ArgumentMap, argument) -> list[str]:
    lines = []
    if argument.exhaustive:
        lines.append(f"The options are all (exhaustiveness premise): {model.claims[argument.exhaustive].text}")
    if argument.corollary:
        lines.append("Follows from the thesis: its conclusion is drawn from the thesis, not a reason for it.")
    return lines


def edges(model: ArgumentMap, side: str = "") -> list[list[str]]:
    """[lower, upper, edge id, kind] for each edge of the diagram: lower supports or attacks upper, spells it out
    ("spell-out"), or is in tension with it ("tension")."""
    from ..graph import svg_id

    found = []
    for argument in model.arguments.values():
        node = svg_id("argument", argument.id, side)
        found.append([node, svg_id("claim", argument.conclusion, side), svg_id("supports", argument.id, side),
                      "support"])
        for index, premise in enumerate(argument.premises):
            found.append([svg_id("claim", premise, side), node, svg_id("premise", f"{argument.id}-{index}", side),
                          "premise"])
    for objection in model.objections.values():
        target = svg_id("argument" if objection.kind == UNDERCUT else "claim", objection.target, side)
        found.append([svg_id("claim", objection.claim, side), target, svg_id("objection", objection.id, side),
                      "attack"])
    for claim in model.claims.values():  # issue 16: a detail or a means lies under what it spells out
        for kind, spelled in claim.spells_out():
            found.append([svg_id("claim", claim.id, side), svg_id("claim", spelled, side),
                          svg_id(kind, f"{claim.id}-{spelled}", side), "spell-out"])
    for tension in model.tensions.values():
        first, second = tension.claims
        found.append([svg_id("claim", second, side), svg_id("claim", first, side), svg_id("tension", tension.id, side),
                      "tension"])
    return found


def _outline_data(model: ArgumentMap, side: str = "") -> list:
    """The outline trees as nested lists [kind, svg id (a heading's text), lead, children], built by
    formats.outline: [from the thesis, not reached from it, following from it]."""
    from ..graph import svg_id

    def convert(roots: list[Entry]) -> list:
        result: list = []
        stack = [(root, result) for root in reversed(roots)]
        while stack:  # no recursion: the tree is as deep as the map
            entry, into = stack.pop()
            kind = "argument" if entry.kind == "argument" else "claim"
            key = entry.id if entry.kind == "heading" else svg_id(kind, entry.id, side)  # a heading: its text
            item: list = [entry.kind, key, entry.lead, []]
            into.append(item)
            stack.extend((child, item[3]) for child in reversed(entry.children))
        return result

    main, corollaries, rest = outline(model)
    return [convert(main), convert(rest), convert(corollaries)]


def source_data(model: ArgumentMap, text: str | None, find=None, side: str = "") -> dict | None:
    """The source's paragraphs, and where each claim's quotes stand in them: {paragraphs, quotes: [[p, start,
    end, claim svg id]]}. find(quote) gives (start, end) in text or None (SourceText.find)."""
    from ..graph import svg_id

    if text is None or find is None:
        return None
    starts, paragraphs = [], []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):  # paragraphs: runs of non-blank lines
        starts.append(match.start())
        paragraphs.append(match.group())
    quotes = []
    for claim in model.claims.values():
        for quote in claim.quotes:
            span = find(quote)
            if span is None:
                continue
            index = max(0, _bisect(starts, span[0]))
            begin = span[0] - starts[index]
            quotes.append([index, begin, min(len(paragraphs[index]), span[1] - starts[index]),
                           svg_id("claim", claim.id, side)])
    quotes.sort()
    return {"file": model.source.file, "paragraphs": paragraphs, "quotes": quotes}


def _bisect(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


_TITLE = re.compile(r"<title>[^<]*</title>\s*")
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)
_TEXT = re.compile(r"<text[^>]*>.*?</text>\s*", re.DOTALL)
_NODE = re.compile(r'<g id="((?:[ab](?:-|&#45;))?(?:claim|argument)(?:-|&#45;)[^"]+)" class="node([^"]*)">(.*?</g>)',
                   re.DOTALL)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SHAPE = re.compile(r'<(?:path|polygon)[^>]*?(?:d|points)="([^"]*)"'
                    r'|<ellipse[^>]*?cx="([^"]+)" cy="([^"]+)" rx="([^"]+)" ry="([^"]+)"')
_SHIFT = re.compile(r'class="graph" transform="scale\(([\d.]+) ([\d.]+)\) rotate\(0\) '
                    r'translate\(([\d.-]+) ([\d.-]+)\)"')
LAZY_FROM = 400  # nodes: above this, a node's text is added only when it comes into view at a readable zoom


class Diagram:
    """dot's SVG made ready to sit inline, with what the script needs to add text later (on big maps)."""

    def __init__(self, svg: bytes, labels: dict[str, str], lazy: bool | None = None):
        """No prolog, no <title>s (one per element, read out by screen readers as names), no comments; each
        claim and argument a button reachable by the keyboard, named by its visible text (or, for an inference
        dot, by its entry's text). With lazy, each node's text is kept out of the SVG, in self.texts, with its
        box (in the viewBox's units) in self.boxes: a 2,000-claim map opens without parsing 10,000 lines of text."""
        text = svg.decode("utf-8")
        text = text[text.find("<svg"):]
        text = _COMMENT.sub("", _TITLE.sub("", text))
        shift = _SHIFT.search(text)
        sx, sy, dx, dy = (float(g) for g in shift.groups()) if shift else (1.0, 1.0, 0.0, 0.0)
        self.lazy = len(_NODE.findall(text)) > LAZY_FROM if lazy is None else lazy
        self.texts: dict[str, str] = {}
        self.boxes: dict[str, list[float]] = {}

        def focusable(match: re.Match) -> str:
            key = html.unescape(match.group(1))  # dot writes '-' in ids as &#45;
            order = "0" if "claim-" in key else "-1"  # Tab goes from claim to claim; arguments by the panel's links
            body = match.group(3)
            lines = _TEXT.findall(body)
            shown = " ".join(html.unescape(re.sub(r"<[^>]*>", "", line)) for line in lines)
            name = html.escape(" ".join(shown.split()) or labels.get(key, key), quote=True)
            if self.lazy and lines:
                # the stylesheet gives the font; SVG's default anchor is start
                self.texts[key] = "".join(_FONT.sub("", line.strip()) for line in lines)
                body = _TEXT.sub("", body)
                self.boxes[key] = _box(body, sx, sy, dx, dy)
                body = _ROUNDED.sub(_rect, body, count=1)
            named = "" if self.lazy else f' aria-label="{name}"'  # a big map's names are set by its script
            return (f'<g tabindex="{order}" role="button"{named} id="{match.group(1)}" '
                    f'class="node{match.group(2)}">{body}')

        self.svg = _NODE.sub(focusable, text)


_FONT = re.compile(r' font-family="[^"]*"| text-anchor="start"')
# the rounded box dot draws for a claim: eight Bezier corners, written out in 400 bytes; a <rect> says it in 100
_ROUNDED = re.compile(r'<path fill="([^"]*)" stroke="([^"]*)"((?: stroke-[a-z]+="[^"]*")*) d="M(-?[\d.]+),(-?[\d.]+)C'
                      r'(?:-?[\d.]+,-?[\d.]+ ){5}(-?[\d.]+),(-?[\d.]+) [^"]*"/>')


def _rect(match: re.Match) -> str:
    """A claim's rounded box as a <rect>: the path starts at the top right corner's straight end, and its
    second corner point gives the left edge; the box's height comes from the rest of the path."""
    fill, stroke, extra = match.group(1), match.group(2), match.group(3)
    numbers = [float(n) for n in _NUMBER.findall(match.group(0)[match.group(0).index(' d="'):])]
    xs, ys = numbers[0::2], numbers[1::2]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    return (f'<rect fill="{fill}" stroke="{stroke}"{extra} x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" '
            f'height="{y1 - y0:g}" rx="6"/>')


def _box(body: str, sx: float, sy: float, dx: float, dy: float) -> list[float]:
    """The bounding box of a node's first shape, in the units of the SVG's viewBox."""
    shape = _SHAPE.search(body)
    if shape is None:
        return [0.0, 0.0, 0.0, 0.0]
    if shape.group(1) is not None:
        numbers = [float(n) for n in _NUMBER.findall(shape.group(1))]
        xs, ys = numbers[0::2], numbers[1::2]
    else:
        cx, cy, rx, ry = (float(shape.group(i)) for i in range(2, 6))
        xs, ys = [cx - rx, cx + rx], [cy - ry, cy + ry]
    return [round(sx * (min(xs) + dx), 1), round(sy * (min(ys) + dy), 1), round(sx * (max(xs) + dx), 1),
            round(sy * (max(ys) + dy), 1)]


def _json(data) -> str:
    # '<' never appears raw inside the script element, so no text can close it early
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _label(item: dict) -> str:
    text = item["text"]
    return f"{item['kind']}: {text if len(text) <= 200 else text[:199] + chr(0x2026)}"


def page(title: str, svg: bytes, data: dict, overview: bytes | None = None, extra: str = "") -> bytes:
    """The HTML page: the SVGs inline, the data as JSON, our stylesheet and script; nothing from the network.

    extra is more inline HTML for the body (the compare page's review block), placed after the page's script.

    data holds "nodes" (entries()), and may hold "edges", "thesis", "outline", "source", "overview" (overview
    node id -> claim id) and, for a comparison, "links" (every link and suggestion, with its relation or score)
    and "argmap-review" (the review block's data, drawing.review).
    """
    if "nodes" not in data:  # the old call: the panel's entries alone
        data = {"nodes": data}
    labels = {key: _label(item) for key, item in data["nodes"].items()}
    kind = "comparison" if "links" in data else "map"
    overview_svg = Diagram(overview, {}, lazy=False).svg if overview else ""
    diagram = Diagram(svg, labels)
    if diagram.lazy:
        data = {**data, "texts": diagram.texts, "boxes": diagram.boxes}
    title_html = html.escape(title)
    views = [("diagram", "Diagram")] + ([("overview", "Overview")] if overview else []) + [("outline", "Outline")]
    if data.get("source"):
        views.append(("source", "Source"))
    if kind == "comparison":
        views.append(("links", "Links"))
    tabs = "".join(f'<button type="button" class="tab" data-view="{name}" '
                   f'aria-pressed="{str(name == "diagram").lower()}">{label}</button>' for name, label in views)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title_html}</title>
<style>{_asset("explorer.css")}</style></head>
<body class="{kind}">
<header id="bar">
<p id="title">{title_html}</p>
<nav aria-label="Views">{tabs}</nav>
<form id="search" role="search" onsubmit="return false">
<label for="find" class="sr">Search claims</label>
<input id="find" type="search" placeholder="Search texts, quotes, ids, actors, tags" autocomplete="off">
<button type="button" id="previous" aria-label="Previous match">&#8593;</button>
<button type="button" id="next" aria-label="Next match">&#8595;</button>
<output id="count" aria-live="polite"></output>
</form>
<div id="tools" role="group" aria-label="Zoom and depth">
<button type="button" id="zoom-out" aria-label="Zoom out">&minus;</button>
<button type="button" id="zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="fit">Fit</button>
<button type="button" id="reset">Reset</button>
<label for="depth">Depth</label>
<select id="depth"><option value="">all</option><option>1</option><option>2</option><option>3</option><option>4</option><option>5</option><option>6</option></select>
</div>
</header>
<main id="views">
<section id="view-diagram" class="view" aria-label="Diagram">
<div id="viewport" tabindex="0" role="group" aria-label="Diagram of the argument. Drag or use the arrow keys to pan; + and - zoom; 0 fits; Tab moves from claim to claim, Enter opens one." aria-describedby="keys">
{diagram.svg}
</div>
<script>{_asset("fit.js")}</script>
<p id="keys" class="hint">Drag to pan, wheel or pinch to zoom. Keys: arrows pan, + and &minus; zoom, 0 fits, Tab and Enter open claims, Escape returns here.</p>
</section>
<section id="view-overview" class="view" aria-label="Overview of the sections" hidden>{overview_svg}</section>
<section id="view-outline" class="view" aria-label="Outline" hidden><h2>Outline</h2><div id="outline"></div></section>
<section id="view-source" class="view" aria-label="Source text" hidden><h2>Source text</h2><div id="source"></div></section>
<section id="view-links" class="view" aria-label="Links between the maps" hidden><h2>Links and suggestions</h2>
<div id="link-filters"><label for="relation">Relation</label> <select id="relation"><option value="">all</option></select>
<label for="link-find">Filter</label> <input id="link-find" type="search" autocomplete="off"></div>
<table id="links"><caption class="sr">Every link and suggestion between the two maps</caption><thead><tr><th scope="col">Relation</th><th scope="col">First map</th><th scope="col">Second map</th><th scope="col">Note or score</th></tr></thead><tbody></tbody></table></section>
</main>
<aside id="panel" aria-label="Details" aria-live="polite"><h1 class="text">{title_html}</h1><p class="where">Hover over a claim to read it; click it, or Tab to it and press Enter, to keep it here.</p></aside>
<script type="application/json" id="argmap-data">{_json(data)}</script>
<script>{_asset("explorer.js")}</script>
{extra}</body></html>
""".encode()  # noqa: S608 (an HTML page: its <select> is no SQL)


def map_data(model: ArgumentMap, places: dict[str, list[int]] | None = None, source=None) -> dict:
    """Everything the page knows about one map; source is the SourceText at hand, or None."""
    from ..graph import svg_id
    from ..overview import summaries

    return {"nodes": entries(model, places), "edges": edges(model), "thesis": svg_id("claim", model.thesis),
            "outline": _outline_data(model),
            "source": source_data(model, source.text, source.find) if source is not None else None,
            "overview": {svg_id("overview", s.id): svg_id("claim", s.main) for s in summaries(model)}}


def comparison_data(result, suggestions: bool = True) -> dict:
    """Both maps' data, and every link and suggestion as one record each (the review of suggestions adds to it)."""
    from ..graph import svg_id

    pairs = list(result.explicit) + (list(result.suggested) if suggestions else [])
    links = [{"a": svg_id("claim", p.a.id, "a"), "b": svg_id("claim", p.b.id, "b"), "origin": p.origin,
              "relation": p.relation or "suggested", "score": p.score, "note": p.note, "edge": f"link-{index}"}
             for index, p in enumerate(pairs)]
    return {"nodes": {**entries(result.a, side="a"), **entries(result.b, side="b")},
            "edges": edges(result.a, "a") + edges(result.b, "b"),
            "thesis": svg_id("claim", result.a.thesis, "a"), "theses": [svg_id("claim", result.a.thesis, "a"),
                                                                          svg_id("claim", result.b.thesis, "b")],
            "outline": _outline_data(result.a, "a"), "outline_b": _outline_data(result.b, "b"),
            "maps": [result.a.title, result.b.title], "links": links}
