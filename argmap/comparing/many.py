"""More than two essays: every links file among the maps, and the claims that recur as chains of links.

A chain is a set of claims, in two or more maps, that links join directly or through one another (a
connected component of the links, found with union-find, so 20 maps of 1,000 claims take well under a
second once read). Its claims are listed in the order of their maps' dates (`source.published`, then
the map's id), and its links in the same order, so a chain reads as the story of one claim across the
essays. Only accepted links count: drafts and rejected suggestions are not anyone's judgement yet.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..checking.links import RELATIONS, LinkSet
from ..model import ArgumentMap, Claim


@dataclass(frozen=True)
class Node:
    map: ArgumentMap
    claim: Claim

    @property
    def key(self) -> tuple[str, str]:
        return (self.map.id, self.claim.id)


@dataclass(frozen=True)
class ChainLink:
    earlier: Node
    later: Node
    relation: str
    note: str | None = None


@dataclass
class Chain:
    nodes: list[Node]
    links: list[ChainLink]

    @property
    def maps(self) -> list[ArgumentMap]:
        return list({id(n.map): n.map for n in self.nodes}.values())


@dataclass
class Corpus:
    maps: list[ArgumentMap]  # in date order
    links: list[LinkSet]
    chains: list[Chain] = field(default_factory=list)

    def pair_counts(self) -> list[tuple[LinkSet, dict[str, int]]]:
        return [(k, {r: sum(link.relation == r for link in k.links) for r in RELATIONS}) for k in self.links]


def date_key(model: ArgumentMap) -> tuple[bool, str, str, str]:
    """Dated maps first, by date; undated ones after them; then by id and file."""
    return (not model.source.published, str(model.source.published or ""), model.id, model.file or "")


def _resolved(path: str | None) -> str | None:
    from pathlib import Path

    return str(Path(path).resolve()) if path else None


def chains(maps: list[ArgumentMap], link_sets: list[LinkSet]) -> Corpus:
    """The maps in date order, their links files, and the chains of claims that recur across two or more maps."""
    ordered = sorted(maps, key=date_key)
    rank = {id(m): i for i, m in enumerate(ordered)}
    by_file = {_resolved(m.file): m for m in ordered if m.file}
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = []
    for links in link_sets:
        a, b = by_file.get(_resolved(links.a.file), links.a), by_file.get(_resolved(links.b.file), links.b)
        if id(a) not in rank or id(b) not in rank:
            continue
        for link in links.links:
            one, two = (rank[id(a)], link.a), (rank[id(b)], link.b)
            parent[find(one)] = find(two)
            edges.append((one, two, link))
    members: dict[tuple[int, str], set[tuple[int, str]]] = defaultdict(set)
    for node in parent:
        members[find(node)].add(node)
    links_of: dict[tuple[int, str], list] = defaultdict(list)
    for one, two, link in edges:
        links_of[find(one)].append((one, two, link))
    found = []
    for root, nodes in members.items():
        if len({m for m, _ in nodes}) < 2:
            continue
        ordered_nodes = sorted(nodes, key=lambda n: (n[0], ordered[n[0]].claims[n[1]].line, n[1]))

        def as_node(n):
            return Node(ordered[n[0]], ordered[n[0]].claims[n[1]])

        chain_links = []
        for one, two, link in links_of[root]:
            first, second = sorted((one, two), key=lambda n: (n[0], n[1]))
            chain_links.append(ChainLink(as_node(first), as_node(second), link.relation, link.note))
        chain_links.sort(key=lambda k: (rank[id(k.earlier.map)], rank[id(k.later.map)], k.earlier.claim.line,
                                        k.later.claim.line))
        found.append(Chain([as_node(n) for n in ordered_nodes], chain_links))
    found.sort(key=lambda c: (-len(c.maps), -len(c.nodes), rank[id(c.nodes[0].map)], c.nodes[0].claim.line))
    return Corpus(ordered, list(link_sets), found)


def relation_counts(chain: Chain) -> Counter:
    return Counter(k.relation for k in chain.links)
