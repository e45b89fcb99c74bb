"""Semantic checks: what a JSON Schema cannot say about a map (references, circles, reachability, quotes).

Each rule is a function registered in RULES; its docstring is the user documentation of its codes.
Rules run only on data that passed the schema, so they may rely on its shape.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from ..problems import Problem, did_you_mean

SECTIONS = ("claims", "arguments", "objections")
RULES: list[Callable] = []


def rule(function: Callable) -> Callable:
    RULES.append(function)
    return function


def check(doc) -> list[Problem]:
    problems: list[Problem] = []
    for each in RULES:
        if each is connection_to_thesis and any(p.code == "unknown-ref" for p in problems):
            continue  # an unknown id would make every claim behind it look cut off: report the cause only
        problems.extend(each(doc, doc.data))
    return problems


def _ids(data: dict, section: str) -> dict:
    return data.get(section) or {}


def _references(data: dict) -> Iterator[tuple[tuple, str, dict, str]]:
    """Every reference in the map: (path of the reference, id, namespace it must be in, what it names)."""
    claims = _ids(data, "claims")
    arguments = _ids(data, "arguments")
    claims_or_arguments = {**claims, **arguments}
    if "thesis" in data:
        yield ("thesis",), data["thesis"], claims, "claim"
    for cid, claim in claims.items():
        actors = claim.get("actor")
        for index, actor in enumerate(actors if isinstance(actors, list) else [actors] if actors else []):
            path = ("claims", cid, "actor", index) if isinstance(actors, list) else ("claims", cid, "actor")
            yield path, actor, _ids(data, "actors"), "actor"
        if "section" in claim:
            yield ("claims", cid, "section"), claim["section"], _ids(data, "sections"), "section"
    for aid, argument in arguments.items():
        yield ("arguments", aid, "conclusion"), argument["conclusion"], claims, "claim"
        for index, premise in enumerate(argument["premises"]):
            yield ("arguments", aid, "premises", index), premise, claims, "claim"
        if "section" in argument:
            yield ("arguments", aid, "section"), argument["section"], _ids(data, "sections"), "section"
    for oid, objection in _ids(data, "objections").items():
        yield ("objections", oid, "claim"), objection["claim"], claims, "claim"
        yield ("objections", oid, "target"), objection["target"], claims_or_arguments, "claim or argument"


@rule
def unknown_references(doc, data) -> Iterator[Problem]:
    """unknown-ref: every id that a map names (thesis, premises, conclusions, objections, actors, sections)
    must be defined."""
    for path, ref, namespace, kind in _references(data):
        if ref not in namespace:
            where = ".".join(map(str, path))
            hint = did_you_mean(ref, namespace)
            if not hint:
                places = {"actor": "actors", "section": "sections", "claim": "claims",
                          "claim or argument": "claims or arguments"}
                hint = f"define it under {places[kind]}"
            yield doc.problem(path, "unknown-ref", f"{where} names the {kind} {ref!r}, which this map does not define",
                              hint)


@rule
def duplicate_ids(doc, data) -> Iterator[Problem]:
    """duplicate-id: claims, arguments and objections share one namespace, so that a reference is never ambiguous."""
    seen: dict[str, str] = {}
    for section in SECTIONS:
        for item_id in _ids(data, section):
            if item_id in seen:
                yield doc.problem((section, item_id), "duplicate-id",
                                  f"{item_id!r} is used in both {seen[item_id]} and {section}",
                                  "rename one of them; ids must be unique across claims, arguments and objections",
                                  key=True)
            else:
                seen[item_id] = section


@rule
def unsupported_thesis(doc, data) -> Iterator[Problem]:
    """unsupported-thesis: some argument concludes the thesis. (A missing thesis is caught by the schema.)"""
    thesis = data["thesis"]
    if thesis in _ids(data, "claims") and data.get("arguments") and not any(
        a["conclusion"] == thesis for a in data["arguments"].values()
    ):
        yield doc.problem(("thesis",), "unsupported-thesis", f"no argument concludes the thesis {thesis!r}",
                          "add an argument whose conclusion is the thesis")


@rule
def self_and_duplicate_premises(doc, data) -> Iterator[Problem]:
    """self-support: an argument's conclusion is not among its premises; duplicate-premise: no premise twice."""
    for aid, argument in _ids(data, "arguments").items():
        seen = set()
        for index, premise in enumerate(argument["premises"]):
            path = ("arguments", aid, "premises", index)
            if premise == argument["conclusion"]:
                yield doc.problem(path, "self-support",
                                  f"argument {aid!r} uses its own conclusion {premise!r} as a premise",
                                  "a claim cannot support itself; remove it from the premises")
            elif premise in seen:
                yield doc.problem(path, "duplicate-premise", f"argument {aid!r} lists the premise {premise!r} twice")
            seen.add(premise)


@rule
def self_attack(doc, data) -> Iterator[Problem]:
    """self-attack: no claim objects to itself, nor to an argument it concludes."""
    arguments = _ids(data, "arguments")
    for oid, objection in _ids(data, "objections").items():
        target = objection["target"]
        attacked = arguments[target]["conclusion"] if target in arguments else target
        if objection["claim"] == attacked:
            yield doc.problem(("objections", oid, "target"), "self-attack",
                              f"objection {oid!r}: the claim {objection['claim']!r} attacks itself",
                              "an objection needs a claim other than the one it attacks")


@rule
def circular_support(doc, data) -> Iterator[Problem]:
    """circular-support: following premises to conclusions never leads back to where it started."""
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)  # premise -> [(conclusion, argument id)]
    for aid, argument in _ids(data, "arguments").items():
        for premise in argument["premises"]:
            if premise != argument["conclusion"]:
                edges[premise].append((argument["conclusion"], aid))
    for cycle in _cycles(edges):
        claims = [claim for claim, _ in cycle]
        first_argument = cycle[0][1]
        yield doc.problem(("arguments", first_argument), "circular-support",
                          "claims support each other in a circle: " + " -> ".join([*claims, claims[0]]),
                          "remove one of the arguments in the circle, or make one of them an objection", key=True)


def _cycles(edges: dict[str, list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """One cycle per strongly connected component, as [(claim, argument leaving it)], found without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in list(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child_index = work.pop()
            if child_index == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = edges.get(node, [])
            if child_index < len(children):
                work.append((node, child_index + 1))
                child = children[child_index][0]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            for child, _ in children:
                if child in on_stack:
                    low[node] = min(low[node], low[child])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(component)
    return [_cycle_in(component, edges) for component in components]


def _cycle_in(component: list[str], edges) -> list[tuple[str, str]]:
    members = set(component)
    start = min(component)
    path: list[tuple[str, str]] = []
    seen = {start}
    node = start
    while True:  # in a strongly connected component, a walk that prefers unseen members closes a cycle
        nexts = [(c, a) for c, a in edges[node] if c in members]
        nexts.sort(key=lambda pair: (pair[0] != start, pair[0] in seen, pair[0]))
        child, argument = nexts[0]
        path.append((node, argument))
        if child == start:
            return path
        if child in seen:
            cut = next(i for i, (claim, _) in enumerate(path) if claim == child)
            return path[cut:]
        seen.add(child)
        node = child


@rule
def connection_to_thesis(doc, data) -> Iterator[Problem]:
    """orphan-claim: every claim takes part in an argument or objection; unreachable-claim: and leads to the thesis."""
    claims = _ids(data, "claims")
    arguments = _ids(data, "arguments")
    objections = _ids(data, "objections")
    thesis = data.get("thesis")
    used: set[str] = set()
    leads_to: dict[str, set[str]] = defaultdict(set)  # reversed edges: conclusion -> premises and objectors
    for argument in arguments.values():
        used.add(argument["conclusion"])
        used.update(argument["premises"])
        for premise in argument["premises"]:
            leads_to[argument["conclusion"]].add(premise)
    for objection in objections.values():
        used.add(objection["claim"])
        target = objection["target"]
        used.add(target)
        attacked = arguments[target]["conclusion"] if target in arguments else target
        leads_to[attacked].add(objection["claim"])
    reached = set()
    if thesis in claims:
        frontier = [thesis]
        reached.add(thesis)
        while frontier:
            for nxt in leads_to.get(frontier.pop(), ()):
                if nxt not in reached:
                    reached.add(nxt)
                    frontier.append(nxt)
    for cid in claims:
        if cid == thesis:
            continue
        if cid not in used:
            yield doc.problem(("claims", cid), "orphan-claim",
                              f"claim {cid!r} is not used by any argument or objection",
                              "make it a premise of an argument, an objection, or remove it", key=True)
        elif thesis in claims and cid not in reached:
            yield doc.problem(("claims", cid), "unreachable-claim",
                              f"claim {cid!r} is connected, but nothing it supports or attacks "
                              f"leads to the thesis {thesis!r}",
                              "link its argument to a claim that leads to the thesis", key=True)


@rule
def quotes_and_roles(doc, data) -> Iterator[Problem]:
    """missing-quote, implicit-with-quote: a claim carries the essay's words unless marked implicit.
    thesis-role: only the map's thesis has role thesis."""
    for cid, claim in _ids(data, "claims").items():
        implicit = claim.get("implicit", False)
        if not implicit and "quote" not in claim:
            yield doc.problem(("claims", cid), "missing-quote", f"claim {cid!r} has no quote",
                              "add the essay's words as 'quote', or mark a reconstructed premise 'implicit: true'",
                              key=True)
        if implicit and "quote" in claim:
            yield doc.problem(("claims", cid, "quote"), "implicit-with-quote",
                              f"claim {cid!r} is marked implicit but has a quote",
                              "remove 'implicit: true' if the essay says it, or remove the quote", key=True)
        if claim.get("role") == "thesis" and cid != data.get("thesis"):
            yield doc.problem(("claims", cid, "role"), "thesis-role",
                              f"claim {cid!r} has role thesis, but the map's thesis is {data.get('thesis')!r}",
                              "use role conclusion for intermediate conclusions")
