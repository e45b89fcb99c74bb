"""How well the suggester finds the links of hand-made links files: the protocol behind `compare --evaluate`.

The protocol, for each links file (a gold pair):

1. The suggester runs on the file's two maps as if the file were empty: no link, draft or rejection of
   the file is seen. It ranks pairs the same way whichever map is given first.
2. Each cut-off is applied on its own to that ranking: the best N pairs (N = per_claim x the mean number
   of claims of the two maps), or the pairs whose score reaches a threshold.
3. For each cut-off row: a suggestion is found when the file links the same two claims (in either
   direction), whatever the relation. recall = found / links; precision = found / suggested; precision of
   the top 20 = found among the row's own first 20 suggestions / min(20, suggested); recall per relation =
   found links of that relation / links of that relation; relation right = found suggestions whose guessed
   relation is the file's relation / found.
4. The total of several files adds up links, suggestions, found and right before dividing (micro average),
   so a pair with more links weighs more; each pair is shown on its own line too.

Drafts and rejected links in a links file are not gold: only accepted links count.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checking.links import RELATIONS, LinkSet
from .suggest import Cutoff, Suggestion, suggest

TOP = 20
CUTOFFS = (Cutoff(0.25), Cutoff(0.5), Cutoff(0.75), Cutoff(1.0),
           Cutoff(None, 0.1), Cutoff(None, 0.2), Cutoff(None, 0.3))


@dataclass
class Score:
    """One cut-off on one gold pair (or the total of several)."""

    cutoff: Cutoff
    pair: str
    links: int = 0
    suggested: int = 0
    found: int = 0
    top: int = 0
    top_found: int = 0
    right: int = 0  # found suggestions whose guessed relation is the gold relation
    gold_by_relation: dict[str, int] = field(default_factory=dict)
    found_by_relation: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.links if self.links else 0.0

    @property
    def precision(self) -> float:
        return self.found / self.suggested if self.suggested else 0.0

    @property
    def precision_at_top(self) -> float:
        return self.top_found / self.top if self.top else 0.0

    @property
    def relation_accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0

    def recall_of(self, relation: str) -> float | None:
        gold = self.gold_by_relation.get(relation, 0)
        return self.found_by_relation.get(relation, 0) / gold if gold else None

    def plus(self, other: Score, pair: str) -> Score:
        rel = {r: self.gold_by_relation.get(r, 0) + other.gold_by_relation.get(r, 0) for r in RELATIONS}
        found = {r: self.found_by_relation.get(r, 0) + other.found_by_relation.get(r, 0) for r in RELATIONS}
        return Score(self.cutoff, pair, self.links + other.links, self.suggested + other.suggested,
                     self.found + other.found, self.top + other.top, self.top_found + other.top_found,
                     self.right + other.right, rel, found)

    def as_dict(self) -> dict:
        return {"cutoff": self.cutoff.label, "per_claim": self.cutoff.per_claim, "threshold": self.cutoff.threshold,
                "pair": self.pair, "links": self.links, "suggested": self.suggested, "found": self.found,
                "recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "top": self.top, "top_found": self.top_found, "precision_at_top": round(self.precision_at_top, 4),
                "relation_right": self.right, "relation_accuracy": round(self.relation_accuracy, 4),
                "recall_by_relation": {r: {"found": self.found_by_relation.get(r, 0),
                                           "links": self.gold_by_relation.get(r, 0)} for r in RELATIONS}}


@dataclass(frozen=True)
class GoldPair:
    name: str
    links: LinkSet

    @property
    def file(self) -> str:
        return self.links.file


def gold_pair(links: LinkSet) -> GoldPair:
    return GoldPair(f"{links.a.id} \u2013 {links.b.id}", links)


def score(pair: GoldPair, ranked: list[Suggestion], cutoff: Cutoff) -> Score:
    """One cut-off applied to the full ranking of a pair, scored against the pair's accepted links."""
    links = pair.links
    gold = {(k.a, k.b): k.relation for k in links.links}
    chosen = [s for s in ranked if cutoff.threshold is None or s.score >= cutoff.threshold]
    limit = cutoff.count(links.a, links.b)
    if limit is not None:
        chosen = chosen[:limit]
    result = Score(cutoff, pair.name, len(gold), len(chosen),
                   gold_by_relation={r: sum(v == r for v in gold.values()) for r in RELATIONS},
                   found_by_relation=dict.fromkeys(RELATIONS, 0))
    for rank, s in enumerate(chosen):
        relation = gold.get((s.a, s.b))
        if relation is None:
            continue
        result.found += 1
        result.found_by_relation[relation] += 1
        result.right += s.relation == relation
        result.top_found += rank < TOP
    result.top = min(TOP, len(chosen))
    return result


def evaluate(pairs: list[GoldPair], cutoffs=CUTOFFS) -> dict[Cutoff, list[Score]]:
    """For each cut-off: a Score per pair, then the total (when there are several pairs)."""
    rankings = [suggest(p.links.a, p.links.b, Cutoff(None, None)) for p in pairs]
    table = {}
    for cutoff in cutoffs:
        rows = [score(p, ranked, cutoff) for p, ranked in zip(pairs, rankings, strict=False)]
        if len(rows) > 1:
            total = rows[0]
            for row in rows[1:]:
                total = total.plus(row, "total")
            rows.append(total)
        table[cutoff] = rows
    return table


def relation_counts(links: LinkSet) -> str:
    counts = [f"{sum(k.relation == r for k in links.links)} {r}" for r in RELATIONS]
    return ", ".join(c for c in counts if not c.startswith("0 "))


def short(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path
