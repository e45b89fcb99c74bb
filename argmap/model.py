"""The argument map as small immutable values, built only from data that passed every check."""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .terms import (  # noqa: F401 - the format's words, used with the model and imported from here by many
    ELIMINATION,
    ID_PATTERN,
    MEANS,
    MODUS_PONENS,
    REBUT,
    ROLES,
    SPECIFIES,
    SPELL_OUTS,
    UNDERCUT,
    as_tuple,
    conditional_parts,
    follows_from_thesis,
    ids_of,
)


@dataclass(frozen=True)
class Omission:
    quotes: tuple[str, ...]
    reason: str
    draft: bool = False


@dataclass(frozen=True)
class Source:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    file: str | None = None
    sha256: str | None = None
    url: str | None = None
    omitted: tuple[Omission, ...] = ()
    connectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    note: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    note: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    role: str
    quotes: tuple[str, ...] = ()
    implicit: bool = False
    actors: tuple[str, ...] = ()
    section: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    line: int = 0  # where the claim stands in the map file, for messages and links back
    specifies: tuple[str, ...] = ()  # the claims it spells out: details, parts, instances
    means_to: tuple[str, ...] = ()  # the claims it is a means to
    conditional: bool = False
    antecedent: str | None = None  # a conditional's parts, when the map names them as claims
    consequent: str | None = None

    def spells_out(self) -> list[tuple[str, str]]:
        """(kind, claim id) for each claim this one spells out."""
        return [(SPECIFIES, c) for c in self.specifies] + [(MEANS, c) for c in self.means_to]
    draft: bool = False  # proposed by `argmap draft`, not reviewed yet


@dataclass(frozen=True)
class Argument:
    id: str
    conclusion: str
    premises: tuple[str, ...]
    scheme: str | None = None
    text: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    line: int = 0
    exhaustive: str | None = None  # an argument by elimination: the premise that says the options are all
    corollary: bool = False  # it draws a consequence from the thesis (worked out: see follows_from_thesis)
    draft: bool = False


@dataclass(frozen=True)
class Objection:
    id: str
    claim: str
    target: str
    kind: str  # REBUT when the target is a claim, UNDERCUT when it is an argument
    note: str | None = None
    line: int = 0
    draft: bool = False


@dataclass(frozen=True)
class Tension:
    """Two claims of one text that pull against each other, which the text does not take up (the mapper's finding)."""

    id: str
    claims: tuple[str, str]
    kind: str = "contrary"  # or "contradictory", in Argdown's words
    note: str | None = None
    line: int = 0


@dataclass(frozen=True)
class ArgumentMap:
    id: str
    title: str
    thesis: str
    claims: Mapping[str, Claim]
    arguments: Mapping[str, Argument] = field(default_factory=dict)
    objections: Mapping[str, Objection] = field(default_factory=dict)
    sections: Mapping[str, Section] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)
    source: Source = Source()
    description: str | None = None
    file: str | None = None
    tensions: Mapping[str, Tension] = field(default_factory=dict)

    def arguments_for(self, claim_id: str) -> list[Argument]:
        return list(self._arguments_by_conclusion.get(claim_id, ()))

    def objections_to(self, target_id: str) -> list[Objection]:
        return list(self._objections_by_target.get(target_id, ()))

    @functools.cached_property
    def _arguments_by_conclusion(self) -> dict[str, list[Argument]]:
        found: dict[str, list[Argument]] = {}
        for argument in self.arguments.values():
            found.setdefault(argument.conclusion, []).append(argument)
        return found

    @functools.cached_property
    def _objections_by_target(self) -> dict[str, list[Objection]]:
        found: dict[str, list[Objection]] = {}
        for objection in self.objections.values():
            found.setdefault(objection.target, []).append(objection)
        return found

    def spelled_out_by(self, claim_id: str) -> list[tuple[str, Claim]]:
        """(kind, claim) for each claim that spells this one out, in the map's order."""
        return [(kind, c) for c in self.claims.values() for kind, target in c.spells_out() if target == claim_id]

    def tensions_of(self, claim_id: str) -> list[Tension]:
        return [t for t in self.tensions.values() if claim_id in t.claims]


def default_role(claim_id: str, data: dict, conclusions: set[str] | None = None) -> str:
    """The role of a claim that names none; conclusions (every argument's conclusion) may be given, once per map."""
    if claim_id == data.get("thesis"):
        return "thesis"
    if conclusions is None:
        conclusions = {a["conclusion"] for a in (data.get("arguments") or {}).values()}
    return "conclusion" if claim_id in conclusions else "premise"


def _conditional_fields(given: object) -> dict[str, Any]:
    return dict(zip(("conditional", "antecedent", "consequent"), conditional_parts(given), strict=True))


def build(data: dict, positions: dict | None = None, file: str | None = None) -> ArgumentMap:
    """The model of a map whose data passed the schema and the semantic checks."""
    positions = positions or {}

    def line(*path) -> int:
        return positions.get(path, (0, 0))[0]

    source_data = data.get("source") or {}
    source = Source(
        title=source_data.get("title"), author=source_data.get("author"), published=source_data.get("published"),
        file=source_data.get("file"), sha256=source_data.get("sha256"), url=source_data.get("url"),
        omitted=tuple(Omission(as_tuple(o["quote"]), o["reason"], bool(o.get("draft")))
                      for o in source_data.get("omitted") or ()),
        connectives=tuple(source_data.get("connectives") or ()),
    )
    conclusions = {a["conclusion"] for a in (data.get("arguments") or {}).values()}
    claims = {
        cid: Claim(
            id=cid, text=c["text"], role=c.get("role") or default_role(cid, data, conclusions),
            quotes=as_tuple(c.get("quote")),
            implicit=bool(c.get("implicit", False)), actors=as_tuple(c.get("actor")), section=c.get("section"),
            tags=as_tuple(c.get("tags")), note=c.get("note"), line=line("claims", cid),
            specifies=as_tuple(c.get("specifies")), means_to=as_tuple(c.get("means-to")),
            **_conditional_fields(c.get("conditional")),
            draft=bool(c.get("draft")),
        )
        for cid, c in data["claims"].items()
    }
    raw_arguments = data.get("arguments") or {}
    corollaries = follows_from_thesis(data["thesis"],
                                      {k: (a["conclusion"], a["premises"]) for k, a in raw_arguments.items()})
    arguments = {
        aid: Argument(
            id=aid, conclusion=a["conclusion"], premises=tuple(a["premises"]), scheme=a.get("scheme"),
            text=a.get("text"), section=a.get("section"), tags=as_tuple(a.get("tags")), note=a.get("note"),
            line=line("arguments", aid), exhaustive=a.get("exhaustive"), corollary=aid in corollaries,
            draft=bool(a.get("draft")),
        )
        for aid, a in raw_arguments.items()
    }
    objections = {
        oid: Objection(
            id=oid, claim=o["claim"], target=o["target"], kind=UNDERCUT if o["target"] in arguments else REBUT,
            note=o.get("note"), line=line("objections", oid), draft=bool(o.get("draft")),
        )
        for oid, o in (data.get("objections") or {}).items()
    }
    return ArgumentMap(
        id=data["id"], title=data["title"], thesis=data["thesis"], description=data.get("description"),
        claims=MappingProxyType(claims), arguments=MappingProxyType(arguments),
        objections=MappingProxyType(objections),
        sections=MappingProxyType({k: Section(k, v["title"], v.get("note"))
                                   for k, v in (data.get("sections") or {}).items()}),
        actors=MappingProxyType({k: Actor(k, v["name"], v.get("note")) for k, v in (data.get("actors") or {}).items()}),
        source=source, file=file,
        tensions=MappingProxyType({
            tid: Tension(id=tid, claims=(t["claims"][0], t["claims"][1]), kind=t.get("kind", "contrary"),
                         note=t.get("note"), line=line("tensions", tid))
            for tid, t in (data.get("tensions") or {}).items()}),
    )
