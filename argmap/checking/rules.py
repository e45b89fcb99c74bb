"""Semantic checks: what a JSON Schema cannot say about a map (references, circles, reachability, quotes,
and the forms that spelling out, conditionals, elimination and tensions must keep).

Each rule is a function registered in RULES; its docstring is the user documentation of its codes.
Rules run only on data that passed the schema, so they may rely on its shape.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from ..problems import Problem, did_you_mean
from ..terms import ELIMINATION, MODUS_PONENS, SPELL_OUTS, conditional_parts, follows_from_thesis, ids_of

SECTIONS = ("claims", "arguments", "objections", "tensions")
RULES: list[Callable] = []


def rule(function: Callable) -> Callable:
    RULES.append(function)
    return function


def check(doc) -> list[Problem]:
    problems: list[Problem] = []
    for each in RULES:
        if each in AFTER_REFERENCES and any(p.code == "unknown-ref" for p in problems):
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
        for field in SPELL_OUTS:
            targets = claim.get(field)
            for index, target in enumerate(ids_of(targets)):
                path = ("claims", cid, field, index) if isinstance(targets, list) else ("claims", cid, field)
                yield path, target, claims, "claim"
        conditional = claim.get("conditional")
        if isinstance(conditional, dict):
            for part in ("if", "then"):
                if part in conditional:
                    yield ("claims", cid, "conditional", part), conditional[part], claims, "claim"
    for aid, argument in arguments.items():
        yield ("arguments", aid, "conclusion"), argument["conclusion"], claims, "claim"
        for index, premise in enumerate(argument["premises"]):
            yield ("arguments", aid, "premises", index), premise, claims, "claim"
        if "section" in argument:
            yield ("arguments", aid, "section"), argument["section"], _ids(data, "sections"), "section"
        if "exhaustive" in argument:
            yield ("arguments", aid, "exhaustive"), argument["exhaustive"], claims, "claim"
    for oid, objection in _ids(data, "objections").items():
        yield ("objections", oid, "claim"), objection["claim"], claims, "claim"
        yield ("objections", oid, "target"), objection["target"], claims_or_arguments, "claim or argument"
    for tid, tension in _ids(data, "tensions").items():
        for index, claim_id in enumerate(tension["claims"]):
            yield ("tensions", tid, "claims", index), claim_id, claims, "claim"


@rule
def unknown_references(doc, data) -> Iterator[Problem]:
    """unknown-ref: every id that a map names (thesis, premises, conclusions, objections, actors, sections)
    must be defined."""
    for path, ref, namespace, kind in _references(data):
        if ref not in namespace:
            where = ".".join(map(str, path))
            hint = did_you_mean(ref, namespace)
            if not hint:
                places = {
                    "actor": "actors",
                    "section": "sections",
                    "claim": "claims",
                    "claim or argument": "claims or arguments",
                }
                hint = f"define it under {places[kind]}"
            yield doc.problem(
                path, "unknown-ref", f"{where} names the {kind} {ref!r}, which this map does not define", hint
            )


@rule
def duplicate_ids(doc, data) -> Iterator[Problem]:
    """duplicate-id: claims, arguments, objections and tensions share one namespace, so that a reference is never
    ambiguous."""
    seen: dict[str, str] = {}
    for section in SECTIONS:
        for item_id in _ids(data, section):
            if item_id in seen:
                yield doc.problem(
                    (section, item_id),
                    "duplicate-id",
                    f"{item_id!r} is used in both {seen[item_id]} and {section}",
                    "rename one of them; ids must be unique across claims, arguments, objections and tensions",
                    key=True,
                )
            else:
                seen[item_id] = section


@rule
def unsupported_thesis(doc, data) -> Iterator[Problem]:
    """unsupported-thesis: some argument concludes the thesis. (A missing thesis is caught by the schema.)"""
    thesis = data["thesis"]
    if (
        thesis in _ids(data, "claims")
        and data.get("arguments")
        and not any(a["conclusion"] == thesis for a in data["arguments"].values())
    ):
        yield doc.problem(
            ("thesis",),
            "unsupported-thesis",
            f"no argument concludes the thesis {thesis!r}",
            "add an argument whose conclusion is the thesis",
        )


@rule
def self_and_duplicate_premises(doc, data) -> Iterator[Problem]:
    """self-support: an argument's conclusion is not among its premises; duplicate-premise: no premise twice."""
    for aid, argument in _ids(data, "arguments").items():
        seen = set()
        for index, premise in enumerate(argument["premises"]):
            path = ("arguments", aid, "premises", index)
            if premise == argument["conclusion"]:
                yield doc.problem(
                    path,
                    "self-support",
                    f"argument {aid!r} uses its own conclusion {premise!r} as a premise",
                    "a claim cannot support itself; remove it from the premises",
                )
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
            yield doc.problem(
                ("objections", oid, "target"),
                "self-attack",
                f"objection {oid!r}: the claim {objection['claim']!r} attacks itself",
                "an objection needs a claim other than the one it attacks",
            )


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
        yield doc.problem(
            ("arguments", first_argument),
            "circular-support",
            "claims support each other in a circle: " + " -> ".join([*claims, claims[0]]),
            "remove one of the arguments in the circle, or make one of them an objection",
            key=True,
        )


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


def _spell_out_edges(data: dict) -> list[tuple[str, str, str, tuple]]:
    """(claim, kind, claim it spells out, path of the reference) for every spell-out in the map."""
    edges = []
    for cid, claim in _ids(data, "claims").items():
        for field in SPELL_OUTS:
            targets = claim.get(field)
            for index, target in enumerate(ids_of(targets)):
                path = ("claims", cid, field, index) if isinstance(targets, list) else ("claims", cid, field)
                edges.append((cid, field, target, path))
    return edges


@rule
def connection_to_thesis(doc, data) -> Iterator[Problem]:
    """orphan-claim: every claim takes part in an argument, an objection or a spell-out; unreachable-claim: and is
    connected to the thesis. A claim is connected when it leads to the thesis (as a premise, an objection, or a
    claim that spells out a connected one, or is spelled out by one), or follows from it (a corollary)."""
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
    for claim_id, _, target, _ in _spell_out_edges(data):  # one point at two levels of detail: either way
        used.update((claim_id, target))
        leads_to[target].add(claim_id)
        leads_to[claim_id].add(target)
    reached = set()
    if thesis in claims:
        corollaries = follows_from_thesis(thesis, {k: (a["conclusion"], a["premises"]) for k, a in arguments.items()})
        frontier = [thesis, *(arguments[a]["conclusion"] for a in sorted(corollaries))]
        reached.update(frontier)
        while frontier:
            for nxt in leads_to.get(frontier.pop(), ()):
                if nxt not in reached:
                    reached.add(nxt)
                    frontier.append(nxt)
    for cid in claims:
        if cid == thesis:
            continue
        if cid not in used:
            yield doc.problem(
                ("claims", cid),
                "orphan-claim",
                f"claim {cid!r} is not used by any argument or objection",
                "make it a premise of an argument, an objection, or remove it",
                key=True,
            )
        elif thesis in claims and cid not in reached:
            yield doc.problem(
                ("claims", cid),
                "unreachable-claim",
                f"claim {cid!r} is connected, but neither leads to the thesis {thesis!r} nor follows from it",
                "link its argument to a claim that leads to the thesis; if it spells out a claim, say so "
                "with 'specifies' or 'means-to'; if it follows from the thesis, make the thesis a "
                "premise of its argument",
                key=True,
            )


@rule
def spell_outs(doc, data) -> Iterator[Problem]:
    """spell-out-loop: no claim spells itself out, and spell-outs never run in a circle.
    spell-out-as-reason: a claim that spells out another is not also a premise of an argument for it (a detail
    or a means of a claim is not a reason for it)."""
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for claim_id, kind, target, path in _spell_out_edges(data):
        if claim_id == target:
            yield doc.problem(
                path,
                "spell-out-loop",
                f"claim {claim_id!r} spells out itself ({kind})",
                "name the claim it details, or the goal it is a means to",
            )
            continue
        edges[claim_id].append((target, claim_id))
        for aid, argument in _ids(data, "arguments").items():
            if argument["conclusion"] == target and claim_id in argument["premises"]:
                yield doc.problem(
                    path,
                    "spell-out-as-reason",
                    f"claim {claim_id!r} spells out {target!r} ({kind}) and is also a premise of "
                    f"argument {aid!r} for it",
                    "a detail or a means of a claim is not a reason for it: keep the spell-out and drop "
                    "the premise, or the other way round",
                )
    for cycle in _cycles(edges):
        members = [claim for claim, _ in cycle]
        yield doc.problem(
            ("claims", members[0]),
            "spell-out-loop",
            "claims spell each other out in a circle: " + " -> ".join([*members, members[0]]),
            "a claim spells out a more general claim, or a goal; remove one step of the circle",
            key=True,
        )


@rule
def conditionals(doc, data) -> Iterator[Problem]:
    """antecedent-missing: an argument that concludes a conditional premise's consequent has its antecedent among
    its premises, and a modus-ponens argument has a conditional premise. affirming-the-consequent: no argument
    concludes the antecedent of one of its own conditional premises."""
    claims = _ids(data, "claims")
    for aid, argument in _ids(data, "arguments").items():
        conditional_premises = []
        for premise in argument["premises"]:
            is_conditional, antecedent, consequent = conditional_parts(claims.get(premise, {}).get("conditional"))
            if is_conditional:
                conditional_premises.append((premise, antecedent, consequent))
        for premise, antecedent, consequent in conditional_premises:
            if antecedent is not None and argument["conclusion"] == antecedent:
                yield doc.problem(
                    ("arguments", aid, "conclusion"),
                    "affirming-the-consequent",
                    f"argument {aid!r} concludes {antecedent!r}, the antecedent of its conditional "
                    f"premise {premise!r}: the inference runs backwards",
                    "a conditional leads from its antecedent to its consequent; reverse the argument, "
                    "or check the conditional's 'if' and 'then'",
                )
            elif (
                consequent is not None
                and argument["conclusion"] == consequent
                and antecedent is not None
                and antecedent not in argument["premises"]
            ):
                yield doc.problem(
                    ("arguments", aid, "premises"),
                    "antecedent-missing",
                    f"argument {aid!r} concludes {consequent!r} from the conditional {premise!r} "
                    f"without its antecedent {antecedent!r}",
                    f"add {antecedent!r} to the premises",
                )
        if argument.get("scheme") == MODUS_PONENS and not conditional_premises:
            yield doc.problem(
                ("arguments", aid, "scheme"),
                "antecedent-missing",
                f"argument {aid!r} is a modus ponens, but none of its premises is conditional",
                "mark the conditional premise 'conditional: true' (or name its 'if' and 'then')",
            )


@rule
def elimination(doc, data) -> Iterator[Problem]:
    """exhaustiveness-missing: an argument by elimination (scheme disjunctive-syllogism) names, in `exhaustive`, the
    premise that says the options are all there are; that premise is one of its premises, and at least one other
    premise rules an option out. `exhaustive` is for arguments by elimination only."""
    for aid, argument in _ids(data, "arguments").items():
        exhaustive = argument.get("exhaustive")
        by_elimination = argument.get("scheme") == ELIMINATION
        if by_elimination and exhaustive is None:
            yield doc.problem(
                ("arguments", aid),
                "exhaustiveness-missing",
                f"argument {aid!r} argues by elimination but does not name the premise that the options are exhaustive",
                "add the premise (implicit if the text takes it for granted) and name it in 'exhaustive'",
                key=True,
            )
        elif exhaustive is not None and exhaustive not in argument["premises"]:
            yield doc.problem(
                ("arguments", aid, "exhaustive"),
                "exhaustiveness-missing",
                f"argument {aid!r} names {exhaustive!r} as its exhaustiveness premise, but it is not "
                "one of its premises",
                f"add {exhaustive!r} to the premises",
            )
        elif exhaustive is not None and not by_elimination:
            yield doc.problem(
                ("arguments", aid, "exhaustive"),
                "exhaustiveness-missing",
                f"argument {aid!r} names an exhaustiveness premise, but its scheme is not {ELIMINATION}",
                f"write 'scheme: {ELIMINATION}', or remove 'exhaustive'",
            )
        elif exhaustive is not None and len(argument["premises"]) < 2:
            yield doc.problem(
                ("arguments", aid, "premises"),
                "exhaustiveness-missing",
                f"argument {aid!r} argues by elimination, but no premise rules an option out",
                "add the premises that rule out the other options",
            )


@rule
def tensions(doc, data) -> Iterator[Problem]:
    """tension-is-objection: a tension joins two claims neither of which objects to the other (an objection is
    the text's own dialectic, which it answers; a tension is one it leaves standing)."""
    arguments = _ids(data, "arguments")
    attacks = set()
    for objection in _ids(data, "objections").values():
        target = objection["target"]
        attacked = arguments[target]["conclusion"] if target in arguments else target
        attacks.add(frozenset((objection["claim"], attacked)))
    for tid, tension in _ids(data, "tensions").items():
        if frozenset(tension["claims"]) in attacks:
            first, second = tension["claims"]
            yield doc.problem(
                ("tensions", tid),
                "tension-is-objection",
                f"tension {tid!r}: one of {first!r} and {second!r} already objects to the other",
                "keep the objection if the text answers it; keep the tension if the text leaves it standing",
                key=True,
            )


@rule
def quotes_and_roles(doc, data) -> Iterator[Problem]:
    """missing-quote, implicit-with-quote: a claim carries the essay's words unless marked implicit.
    thesis-role: only the map's thesis has role thesis."""
    for cid, claim in _ids(data, "claims").items():
        implicit = claim.get("implicit", False)
        if not implicit and "quote" not in claim:
            yield doc.problem(
                ("claims", cid),
                "missing-quote",
                f"claim {cid!r} has no quote",
                "add the essay's words as 'quote', or mark a reconstructed premise 'implicit: true'",
                key=True,
            )
        if implicit and "quote" in claim:
            yield doc.problem(
                ("claims", cid, "quote"),
                "implicit-with-quote",
                f"claim {cid!r} is marked implicit but has a quote",
                "remove 'implicit: true' if the essay says it, or remove the quote",
                key=True,
            )
        if claim.get("role") == "thesis" and cid != data.get("thesis"):
            yield doc.problem(
                ("claims", cid, "role"),
                "thesis-role",
                f"claim {cid!r} has role thesis, but the map's thesis is {data.get('thesis')!r}",
                "use role conclusion for intermediate conclusions",
            )


@rule
def drafts(doc, data) -> Iterator[Problem]:
    """draft: a proposal of `argmap draft` (`draft: true`) that no one has reviewed yet; deleting the line
    accepts it."""
    kinds = {"claims": "claim", "arguments": "argument", "objections": "objection"}
    for section, kind in kinds.items():
        for item_id, item in _ids(data, section).items():
            if item.get("draft") is True:
                yield doc.problem(
                    (section, item_id, "draft"),
                    "draft",
                    f"{kind} {item_id!r} is a draft, not reviewed yet",
                    "review it, then delete 'draft: true'",
                    key=True,
                )
    for index, omitted in enumerate((data.get("source") or {}).get("omitted") or ()):
        if omitted.get("draft") is True:
            yield doc.problem(
                ("source", "omitted", index, "draft"),
                "draft",
                f"the omitted passage {omitted['quote']!r} is a draft, not reviewed yet",
                "check that it carries no argument and that the reason is right, then delete 'draft: true'",
                key=True,
            )


AFTER_REFERENCES = {connection_to_thesis, spell_outs, conditionals, elimination, tensions}
