"""What a comparison amounts to, counted: links by relation, section and actor; the earlier essay's predictions
that the later one bears out or contradicts; the one-sided claims by section; and a paragraph that says it.

Only explicit links count here (suggestions and drafts are not yet anyone's judgement), except where a
count of suggestions is named as such. Which essay is earlier comes from `source.published`; when the
dates are missing or equal, there is no earlier essay and no prediction is judged.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..checking.links import RELATIONS

if TYPE_CHECKING:
    from ..model import ArgumentMap, Claim
    from .compare import Comparison, Pair

VERBS = {"same": "repeat a claim", "recast": "recast", "contradicts": "contradict", "develops": "develop"}
NO_SECTION = "(no section)"


@dataclass
class SectionCount:
    side: str  # "a" or "b"
    section: str  # its title, or NO_SECTION
    claims: int
    linked: int
    by_relation: dict[str, int]


@dataclass
class Prediction:
    pair: Pair
    verdict: str  # "borne out" or "contradicted"
    earlier: str  # "a" or "b": the side the prediction is on


@dataclass
class Analysis:
    links: int
    by_relation: dict[str, int]
    sections: list[SectionCount]
    actors: list[tuple[str, int]]
    earlier: str | None
    predictions: list[Prediction]
    only: dict[str, list[tuple[str, list[Claim]]]] = field(default_factory=dict)
    summary: str = ""

    def as_dict(self) -> dict:
        return {
            "summary": self.summary,
            "links": self.links,
            "by_relation": self.by_relation,
            "by_section": [{"side": s.side, "section": s.section, "claims": s.claims, "linked": s.linked,
                            "by_relation": s.by_relation} for s in self.sections],
            "by_actor": [{"actor": name, "links": n} for name, n in self.actors],
            "earlier": self.earlier,
            "predictions": [{"earlier": p.earlier, "verdict": p.verdict, "relation": p.pair.relation,
                             "a": p.pair.a.id, "b": p.pair.b.id,
                             "prediction": (p.pair.a if p.earlier == "a" else p.pair.b).text,
                             "later": (p.pair.b if p.earlier == "a" else p.pair.a).text} for p in self.predictions],
            "only_by_section": {side: [{"section": title, "claims": [c.id for c in claims]} for title, claims in groups]
                                for side, groups in self.only.items()},
        }


def _section_title(model: ArgumentMap, claim: Claim) -> str:
    if claim.section and claim.section in model.sections:
        return model.sections[claim.section].title
    return claim.section or NO_SECTION


def _by_section(model: ArgumentMap, side: str, pairs: list[Pair]) -> list[SectionCount]:
    order = [s.title for s in model.sections.values()] + [NO_SECTION]
    claims = Counter(_section_title(model, c) for c in model.claims.values())
    linked: dict[str, set[str]] = {}
    relations: dict[str, Counter] = {}
    for pair in pairs:
        claim = getattr(pair, side)
        title = _section_title(model, claim)
        linked.setdefault(title, set()).add(claim.id)
        relations.setdefault(title, Counter())[pair.relation] += 1
    titles = sorted(claims, key=lambda t: order.index(t) if t in order else len(order))
    return [SectionCount(side, t, claims[t], len(linked.get(t, ())),
                         {r: relations.get(t, Counter())[r] for r in RELATIONS}) for t in titles]


def _actor_names(model: ArgumentMap, claim: Claim) -> set[str]:
    return {(model.actors[a].name if a in model.actors else a) for a in claim.actors}


def earlier_side(a: ArgumentMap, b: ArgumentMap) -> str | None:
    da, db = str(a.source.published or ""), str(b.source.published or "")
    if not da or not db or da == db:
        return None
    return "a" if da < db else "b"


def _group(model: ArgumentMap, claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(_section_title(model, claim), []).append(claim)
    order = [s.title for s in model.sections.values()] + [NO_SECTION]
    return sorted(groups.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))


def _most(counts: list[SectionCount]) -> SectionCount | None:
    return max(counts, key=lambda s: (s.linked, s.linked / s.claims if s.claims else 0), default=None)


def _summary(result: Comparison, analysis: Analysis) -> str:
    a, b = result.a, result.b

    def name(model: ArgumentMap) -> str:
        return f"{model.id} ({model.source.published})" if model.source.published else model.id

    if not analysis.links:
        text = f"No claim of {name(a)} is linked to one of {name(b)} yet."
    else:
        parts = [f"{n} {VERBS[r]}" for r, n in sorted(analysis.by_relation.items(), key=lambda x: -x[1]) if n]
        text = (f"Of {analysis.links} link{'s' * (analysis.links != 1)} between {name(a)} and {name(b)}, "
                + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + ".")
        if analysis.earlier:
            earlier = a if analysis.earlier == "a" else b
            def claims(verdict: str) -> int:
                return len({(p.pair.a if p.earlier == "a" else p.pair.b).id for p in analysis.predictions
                            if p.verdict == verdict})

            borne, against = claims("borne out"), claims("contradicted")
            total = sum(c.role == "prediction" for c in earlier.claims.values())
            text += (f" Of the {total} prediction{'s' * (total != 1)} of the earlier essay, {earlier.id}, "
                     f"the later one bears out {borne} and contradicts {against}.")
        for side, model in (("a", a), ("b", b)):
            top = _most([s for s in analysis.sections if s.side == side and s.section != NO_SECTION])
            if top and top.linked:
                text += (f" In {model.id}, the most linked part is \u201c{top.section}\u201d "
                         f"({top.linked} of {top.claims} claims).")
        if analysis.actors:
            text += " The actors most linked: " + ", ".join(f"{n} ({k})" for n, k in analysis.actors[:3]) + "."
    for side, model in (("a", a), ("b", b)):
        groups = analysis.only.get(side, [])
        count = sum(len(claims) for _, claims in groups)
        if count:
            title, most = max(groups, key=lambda g: len(g[1]))
            text += (f" {count} claim{'s' * (count != 1)} {'are' if count != 1 else 'is'} only in {model.id}"
                     + (f", most in \u201c{title}\u201d ({len(most)})" if title != NO_SECTION else "") + ".")
    waiting = len(result.suggested) + len(result.drafts)
    if waiting:
        text += f" {waiting} suggested pair{'s' * (waiting != 1)} await review."
    return text


def analyse(result: Comparison) -> Analysis:
    pairs = result.explicit
    by_relation = {r: sum(p.relation == r for p in pairs) for r in RELATIONS}
    actors: Counter = Counter()
    for pair in pairs:
        for actor in _actor_names(result.a, pair.a) | _actor_names(result.b, pair.b):
            actors[actor] += 1
    earlier = earlier_side(result.a, result.b)
    predictions = []
    if earlier:
        for pair in pairs:
            claim = pair.a if earlier == "a" else pair.b
            if claim.role == "prediction":
                predictions.append(Prediction(pair, "contradicted" if pair.relation == "contradicts" else "borne out",
                                              earlier))
    analysis = Analysis(len(pairs), by_relation,
                        _by_section(result.a, "a", pairs) + _by_section(result.b, "b", pairs),
                        sorted(actors.items(), key=lambda x: (-x[1], x[0])), earlier, predictions,
                        {"a": _group(result.a, result.only_a), "b": _group(result.b, result.only_b)})
    analysis.summary = _summary(result, analysis)
    return analysis
