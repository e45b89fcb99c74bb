"""Links files: which claims of two maps correspond, checked as carefully as maps are."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem, did_you_mean

if TYPE_CHECKING:
    from ..model import ArgumentMap

RELATIONS = ("same", "recast", "contradicts", "develops")


STATES = ("relation", "draft", "rejected")  # a link, a suggestion not yet reviewed, a suggestion turned down
REVIEW_HINT = ("accept: write 'relation' for 'draft'; retype: write 'relation: same' (or recast, contradicts, "
               "develops) in its place; reject: write 'rejected' for 'draft'")


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    relation: str  # for a draft or a rejected suggestion: the relation it was suggested with
    note: str | None = None
    line: int = 0
    score: float | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkSet:
    """A valid links file with both of its maps loaded."""

    file: str
    a: ArgumentMap
    b: ArgumentMap
    links: tuple[Link, ...]
    title: str | None = None
    drafts: tuple[Link, ...] = ()  # suggestions written into the file, not yet reviewed (relation = the guess)
    rejected: tuple[Link, ...] = ()  # suggestions a reviewer turned down (relation = the guess), never suggested again

    def swapped(self) -> LinkSet:
        def turn(links):
            return tuple(Link(k.b, k.a, k.relation, k.note, k.line, k.score, k.reasons) for k in links)

        return LinkSet(self.file, self.b, self.a, turn(self.links), self.title, turn(self.drafts), turn(self.rejected))


def map_paths(doc) -> dict[str, Path]:
    base = Path(doc.file).parent
    return {side: base / doc.data["maps"][side] for side in ("a", "b")}


def check(doc, load_map) -> tuple[list[Problem], LinkSet | None]:
    """Semantic checks of a schema-valid links file; load_map(path) returns a validation Result."""
    problems: list[Problem] = []
    models: dict[str, ArgumentMap] = {}
    for side, path in map_paths(doc).items():
        if not path.is_file():
            problems.append(doc.problem(("maps", side), "links-map-missing", f"map {side} ({path}) does not exist",
                                        "paths are relative to the links file"))
            continue
        result = load_map(path)
        if result.kind == "links":
            problems.append(doc.problem(("maps", side), "links-map-invalid",
                                        f"map {side} ({path}) is a links file, not a map",
                                        "name the two map files that the links join"))
            continue
        if result.model is None:
            errors = sum(p.is_error for p in result.problems)
            problems.append(doc.problem(("maps", side), "links-map-invalid",
                                        f"map {side} ({path}) has {errors} error{'s' * (errors != 1)} of its own",
                                        f"run: argmap validate {path}"))
            continue
        models[side] = result.model
    seen: dict[tuple[str, str], int] = {}
    for index, link in enumerate(doc.data["links"]):
        states = [key for key in STATES if key in link]
        if len(states) != 1:
            what = "none" if not states else " and ".join(f"'{s}'" for s in states)
            problems.append(doc.problem(("links", index), "link-state",
                                        f"links.{index} has {what} of 'relation', 'draft' and 'rejected'",
                                        "a link has a relation; a suggestion not yet reviewed has draft; a suggestion "
                                        "turned down has rejected"))
        elif states == ["draft"]:
            problems.append(doc.problem(("links", index, "draft"), "draft-link",
                                        f"links.{index} ({link['a']} \u2013 {link['b']}) is a draft: suggested as "
                                        f"{link['draft']}, not yet reviewed", REVIEW_HINT))
        for side in ("a", "b"):
            model = models.get(side)
            if model is None or link[side] in model.claims:
                continue
            what = "an argument; links join claims" if link[side] in model.arguments else "not a claim of that map"
            problems.append(doc.problem(("links", index, side), "unknown-ref",
                                        f"links.{index}.{side}: {link[side]!r} is {what} (map {model.id})",
                                        did_you_mean(link[side], model.claims)))
        pair = (link["a"], link["b"])
        if pair in seen:
            problems.append(doc.problem(("links", index), "duplicate-link",
                                        f"{pair[0]!r} and {pair[1]!r} are linked twice (first as link {seen[pair]})",
                                        "keep one link per pair of claims"))
        seen.setdefault(pair, index)
    if any(p.is_error for p in problems):
        return problems, None
    kinds: dict[str, list[Link]] = {state: [] for state in STATES}
    for i, k in enumerate(doc.data["links"]):
        state = next(s for s in STATES if s in k)
        kinds[state].append(Link(k["a"], k["b"], k[state], k.get("note"), doc.where(("links", i))[0], k.get("score"),
                                 tuple(k.get("reasons") or ())))
    return problems, LinkSet(doc.file, models["a"], models["b"], tuple(kinds["relation"]), doc.data.get("title"),
                             tuple(kinds["draft"]), tuple(kinds["rejected"]))
