"""AIF JSON (AIFdb, OVA): claims as I-nodes, inferences as RA-nodes, objections as CA-nodes; spell-outs as MA-nodes
(AIF's rephrase), a tension as two CA-nodes, one each way.

Node ids are the map's own ids, so that a map written and read back keeps its names. Reading copes
with real files: numeric or string ids, the xAIF wrapper ({"AIF": {...}}), dialogue nodes (L, TA, YA)
that carry no argument, and edges to nodes that are missing; each loss is a warning.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import ArgumentMap
from .importer import Importer

ARGUMENT_TYPES = {"I", "RA", "CA", "MA", "PA"}
SPELL_OUT_TEXT = {"specifies": "Specification", "means-to": "Means"}  # the MA node's text; its scheme is the kind
DIALOGUE_TYPES = {"L", "TA", "YA"}


def _timestamp(model: ArgumentMap) -> str:
    published = model.source.published or ""
    return f"{published} 00:00:00" if len(published) == 10 else "1970-01-01 00:00:00"


def dump(model: ArgumentMap) -> dict:
    stamp = _timestamp(model)
    edges: list[dict[str, str | None]] = []

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    nodes = [{"nodeID": c.id, "text": c.text, "type": "I", "timestamp": stamp} for c in model.claims.values()]
    for argument in model.arguments.values():
        node = {"nodeID": argument.id, "text": argument.scheme.replace("-", " ").capitalize() if argument.scheme
                else "Default Inference", "type": "RA", "timestamp": stamp}
        if argument.scheme:
            node["scheme"] = argument.scheme
        nodes.append(node)
        for premise in argument.premises:
            edge(premise, argument.id)
        edge(argument.id, argument.conclusion)
    for objection in model.objections.values():
        nodes.append({"nodeID": objection.id, "text": "Default Conflict", "type": "CA", "timestamp": stamp})
        edge(objection.claim, objection.id)
        edge(objection.id, objection.target)
    for claim in model.claims.values():  # AIF has no means-end relation: a means travels as a rephrase named Means
        for kind, target in claim.spells_out():
            node_id = f"{claim.id}.{kind}.{target}"
            nodes.append({"nodeID": node_id, "text": SPELL_OUT_TEXT[kind], "type": "MA", "timestamp": stamp,
                          "scheme": kind})
            edge(claim.id, node_id)
            edge(node_id, target)
    for tension in model.tensions.values():  # a symmetric conflict: one CA node each way
        for index, (first, second) in enumerate((tension.claims, tension.claims[::-1])):
            node_id = tension.id if index == 0 else f"{tension.id}.reverse"
            nodes.append({"nodeID": node_id, "text": "Default Conflict", "type": "CA", "timestamp": stamp,
                          "scheme": "tension"})
            edge(first, node_id)
            edge(node_id, second)
    return {"nodes": nodes, "edges": edges, "locutions": [],
            "argmap": {"id": model.id, "title": model.title, "thesis": model.thesis}}


def load(document: object, importer: Importer) -> None:
    """Fill importer from an AIF document (plain or xAIF-wrapped), as json.loads gave it."""
    if isinstance(document, dict) and isinstance(document.get("AIF"), dict):
        document = document["AIF"]
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise ValueError("not AIF: there is no list of 'nodes'")
    meta = document.get("argmap")
    if isinstance(meta, dict) and meta.get("thesis"):
        importer.meta["thesis"] = meta["thesis"]
    graph = _Graph(_argument_nodes(document["nodes"], importer))
    graph.connect(document.get("edges") or [], importer)
    for node_id, node in graph.nodes.items():
        if graph.kind[node_id] == "I":
            text = str(node.get("text", ""))
            importer.claim(node_id, text if text.strip() else f"(empty node {node_id})")
    for node_id, node in graph.nodes.items():
        if graph.kind[node_id] == "RA":
            _add_inference(graph, node_id, node, importer)
    for node_id, node in graph.nodes.items():
        if graph.kind[node_id] == "CA" and node.get("scheme") == "tension":
            _add_tension(graph, node_id, importer)
        elif graph.kind[node_id] == "CA":
            _add_conflict(graph, node_id, importer)
        elif graph.kind[node_id] == "MA" and node.get("scheme") in SPELL_OUT_TEXT:
            _add_spell_out(graph, node_id, str(node["scheme"]), importer)
        elif graph.kind[node_id] == "MA":
            importer.warn(f"MA (rephrase) node {node_id} was dropped: argmap has no rephrase relation")
        elif graph.kind[node_id] == "PA":
            importer.warn(f"PA (preference) node {node_id} was dropped: argmap has no preferences")


def _argument_nodes(nodes: list, importer: Importer) -> dict[str, dict]:
    """The I, RA, CA, MA and PA nodes by id; the rest (dialogue, malformed) skipped with a warning per kind."""
    kept: dict[str, dict] = {}
    skipped: dict[str, int] = defaultdict(int)
    for node in nodes:
        if not isinstance(node, dict) or "nodeID" not in node:
            skipped["without a nodeID"] += 1
            continue
        node_type = str(node.get("type", "")).upper()
        if node_type not in ARGUMENT_TYPES:
            skipped[f"of type {node_type or '(none)'}" + (" (dialogue)" if node_type in DIALOGUE_TYPES else "")] += 1
            continue
        if str(node["nodeID"]) in kept:
            skipped["whose nodeID another node has already (the first was kept)"] += 1
            continue
        kept[str(node["nodeID"])] = node
    for description, count in sorted(skipped.items()):
        importer.warn(f"{count} node{'s' * (count != 1)} {description} skipped")
    return kept


class _Graph:
    """The kept nodes with their types and the edges between them."""

    def __init__(self, nodes: dict[str, dict]):
        self.nodes = nodes
        self.kind = {node_id: str(node.get("type")).upper() for node_id, node in nodes.items()}
        self.incoming: dict[str, list[str]] = defaultdict(list)
        self.outgoing: dict[str, list[str]] = defaultdict(list)

    def connect(self, edges: list, importer: Importer) -> None:
        dangling = 0
        for edge in edges:
            source, target = str(edge.get("fromID")), str(edge.get("toID"))
            if source in self.nodes and target in self.nodes:
                self.outgoing[source].append(target)
                self.incoming[target].append(source)
            else:
                dangling += 1
        if dangling:
            importer.warn(f"{dangling} edge{'s' * (dangling != 1)} to or from nodes not kept were skipped")


def _add_inference(graph: _Graph, node_id: str, node: dict, importer: Importer) -> None:
    """An RA node: an argument from its I-node premises to each of its I-node conclusions."""
    premises = [n for n in graph.incoming[node_id] if graph.kind.get(n) == "I"]
    conclusions = [n for n in graph.outgoing[node_id] if graph.kind.get(n) == "I"]
    if not premises or not conclusions:
        importer.warn(f"RA node {node_id} was dropped: it needs premises and a conclusion among I-nodes")
        return
    if len(conclusions) > 1:
        importer.warn(f"RA node {node_id} has {len(conclusions)} conclusions; each became an argument")
    for index, conclusion in enumerate(conclusions):
        name = node_id if index == 0 else f"{node_id}-{index + 1}"
        importer.argument(name, conclusion, premises, scheme=node.get("scheme") or _scheme(node.get("text")))


MAX_CONFLICT_PAIRS = 1000  # objections one CA node may make: AIF joins one attacker to one target


def _add_conflict(graph: _Graph, node_id: str, importer: Importer) -> None:
    """A CA node: an objection from each attacking I-node against each attacked I- or RA-node."""
    attackers = [o for o in graph.incoming[node_id] if graph.kind.get(o) == "I"]
    pairs = [(o, t) for o in attackers for t in graph.outgoing[node_id][:MAX_CONFLICT_PAIRS]][:MAX_CONFLICT_PAIRS]
    whole = len(attackers) * len(graph.outgoing[node_id])
    if whole > len(pairs):
        importer.warn(f"CA node {node_id} joins {len(attackers)} attackers to {len(graph.outgoing[node_id])} targets; "
                      f"only the first {len(pairs)} of those {whole} attacks were imported")
    for index, (objector, target) in enumerate(pairs):
        if graph.kind.get(target) in ("I", "RA"):
            importer.objection(objector, target, name=node_id if len(pairs) == 1 else f"{node_id}-{index + 1}")
        else:
            importer.warn(f"CA node {node_id} attacks a {graph.kind.get(target)} node; that attack was dropped")


def _add_spell_out(graph: _Graph, node_id: str, kind: str, importer: Importer) -> None:
    """An MA node written by argmap: the claim that spells out (its source) and the claim spelled out (its target)."""
    for source in (n for n in graph.incoming[node_id] if graph.kind.get(n) == "I"):
        for target in (n for n in graph.outgoing[node_id] if graph.kind.get(n) == "I"):
            importer.spell_out(source, target, kind)


def _add_tension(graph: _Graph, node_id: str, importer: Importer) -> None:
    """A CA node written by argmap for a tension (one each way; the importer keeps one tension per pair)."""
    for first in (n for n in graph.incoming[node_id] if graph.kind.get(n) == "I"):
        for second in (n for n in graph.outgoing[node_id] if graph.kind.get(n) == "I"):
            importer.tension(first, second, name=node_id.removesuffix(".reverse"))


def _scheme(text) -> str | None:
    text = str(text or "").strip()
    if not text or text.lower() in ("default inference", "default conflict"):
        return None
    return "-".join(text.lower().split())

