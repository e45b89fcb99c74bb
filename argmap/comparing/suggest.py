"""Suggested links between two maps: ranked pairs of claims, each with a guessed relation and its reasons.

The ranking starts from the TF-IDF cosine of each claim's label and quotes (argmap.comparing.compare.terms)
and adds what argmap knows that plain word overlap does not:

- actors: pairs whose claims name the same actors (by name, so two maps need not share ids) gain a little;
- structure: when two conclusions are alike, the pairs of their premises gain a share of that likeness
  (arguments that answer each other tend to answer with their premises too).

Then each claim keeps at most its 3 best partners, counted from both sides, and a cut-off keeps the best
pairs: a number of pairs per claim (the default, because a count carries over between pairs of essays
better than a score does) and/or a score threshold.

The relation is guessed from the dates, the texts and the roles:

- a claim of the later essay that names the earlier essay's author restates it: recast, unless the two
  differ in negation or in a cue of change ("failed", "no longer", "stopped"), then contradicts;
- a later essay that names the earlier one's author is a reply: its other pairs default to contradicts;
  an essay that does not is an update: its pairs default to develops;
- nearly the same words (cosine 0.6 or more) are the same claim; a high likeness (0.35) recast;
- a cue of change or a negation on one side only is a contradiction.

Everything is computed with the maps in date order (then by id), so the scores and the guesses do not
depend on which map is given first. The figures behind these choices are in docs/comparing.md.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from ..collection import without_cycle_collection
from ..model import ArgumentMap, Claim
from .compare import claim_document, terms

PER_CLAIM_CAP = 3  # each claim keeps at most this many partners, counted from either side
ACTOR_WEIGHT = 0.05
STRUCTURE_WEIGHT = 0.1
SAME_AT, RECAST_AT = 0.6, 0.35
DEFAULT_PER_CLAIM = 0.75  # pairs suggested per claim: round(0.75 x the mean number of claims of the two maps)
STRUCTURE_SHARE = 0.5  # the structure a pair needs to be scored below the floor's cosine (see _ranked)

_NEGATION = re.compile(r"\b(?:not|no|never|nor|none|nothing|neither|cannot|can't|won't|didn't|don't|doesn't|"
                       r"isn't|wasn't|aren't|without)\b", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:fail(?:ed|s|ure)?|stopped|no longer|ceased?|halted|collapsed|abandon(?:ed)?|"
                     r"reversed|withdrawn|withdrawal|lost|worse(?:ned)?|deteriorat\w*|stalled|stagnat\w*|"
                     r"suspended|broke down|impossible|refus\w*|reject\w*|declin\w*)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cutoff:
    """Which ranked pairs become suggestions: the best per_claim x (mean claims) pairs, and/or score >= threshold."""

    per_claim: float | None = DEFAULT_PER_CLAIM
    threshold: float | None = None

    def count(self, a: ArgumentMap, b: ArgumentMap) -> int | None:
        if self.per_claim is None:
            return None
        return max(1, round(self.per_claim * (len(a.claims) + len(b.claims)) / 2))

    def describe(self, a: ArgumentMap | None = None, b: ArgumentMap | None = None) -> str:
        parts = []
        if self.per_claim is not None:
            n = f" = {self.count(a, b)} pairs" if a is not None and b is not None else ""
            parts.append(f"the best {self.per_claim:g} per claim{n}")
        if self.threshold is not None:
            parts.append(f"score \u2265 {self.threshold:.2f}")
        return " and ".join(parts) or "every ranked pair"

    @property
    def label(self) -> str:
        """A short name for a table row."""
        if self.per_claim is not None and self.threshold is None:
            return f"top {self.per_claim:g}/claim"
        if self.threshold is not None and self.per_claim is None:
            return f"score \u2265 {self.threshold:.2f}"
        return self.describe()


@dataclass(frozen=True)
class Suggestion:
    a: str
    b: str
    score: float
    relation: str
    reasons: tuple[str, ...] = field(default=())


def published(model: ArgumentMap) -> str:
    return str(model.source.published or "")


def in_date_order(a: ArgumentMap, b: ArgumentMap) -> bool:
    """Whether a comes first: by publication date, then id, then file; never depends on the order given."""
    return (published(a), a.id, a.file or "") <= (published(b), b.id, b.file or "")


def _surname(model: ArgumentMap) -> str | None:
    words = [w for w in terms(model.source.author or "") if len(w) > 2]
    return words[-1] if words else None


def _actor_words(model: ArgumentMap, claim: Claim) -> set[str]:
    return {w for actor in claim.actors for w in terms(model.actors[actor].name if actor in model.actors else actor)}


def _names(model: ArgumentMap, claim: Claim, surname: str | None) -> bool:
    """Whether the claim names surname (the other essay's author) in its words or its actors."""
    if not surname:
        return False
    return surname in terms(claim_document(claim)) or surname in _actor_words(model, claim)


class _Side:
    """One map's claims as TF-IDF vectors, with what the ranking and the guesses need."""

    def __init__(self, model: ArgumentMap, idf: dict[str, float], docs: list[list[str]], other: ArgumentMap):
        self.model = model
        self.claims = list(model.claims.values())
        self.index = {c.id: i for i, c in enumerate(self.claims)}
        self.vectors = []
        for words in docs:
            counts = Counter(words)
            vector = {t: (1 + math.log(n)) * idf[t] for t, n in counts.items()}
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            self.vectors.append({t: w / norm for t, w in vector.items()})
        self.actors = [_actor_words(model, c) for c in self.claims]
        surname = _surname(other)
        self.names_other = [_names(model, c, surname) for c in self.claims]
        self.premises: dict[int, list[int]] = defaultdict(list)
        for argument in model.arguments.values():
            self.premises[self.index[argument.conclusion]].extend(self.index[p] for p in argument.premises)


def _postings(side: _Side, only: Iterable[int] | None = None) -> dict[str, tuple[list[int], list[float], list[float]]]:
    """For each term: the claims (all, or only those given) that hold it, their weights and the weights negated,
    heaviest first, so that a row can stop where the products fall below its bar (see _row).
    """
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for j in range(len(side.vectors)) if only is None else sorted(only):
        for term, weight in side.vectors[j].items():
            postings[term].append((-weight, j))
    result = {}
    for term, entries in postings.items():
        entries.sort()
        result[term] = ([j for _, j in entries], [-w for w, _ in entries], [w for w, _ in entries])
    return result


def _row(vector: dict[str, float], postings: dict[str, tuple[list[int], list[float], list[float]]],
         bar: float) -> dict[int, float]:
    """The cosine of one claim with the claims of the other side that share a word with it, where it can reach bar.

    A claim that shares one word has a cosine of one product, so for each word only the partners whose product
    reaches bar are taken (a prefix of the postings). The sum for a claim that shares two words or more may miss
    a product: those come exactly from _two_words. Each cosine is summed in the order of the claim's words, so it
    is the same float as a plain loop gives.
    """
    row: dict[int, float] = {}
    for term, weight in vector.items():
        if term not in postings:
            continue
        claims, weights, negated = postings[term]
        k = bisect_right(negated, -bar / weight * (1 - 1e-12))  # a little more, not to lose a product to rounding
        products = dict(zip(claims[:k], map(weight.__mul__, weights[:k]), strict=True))
        for j in row.keys() & products.keys():  # claims that share an earlier word too: few
            products[j] = row[j] + products[j]
        row.update(products)
    return row


def _dot(u: dict[str, float], v: dict[str, float]) -> tuple[float, int]:
    """The cosine of two claims, summed as _row sums it, and the position in u of the first shared word (-1: none)."""
    total, first = 0.0, -1
    for position, (term, weight) in enumerate(u.items()):
        if term in v:
            total += weight * v[term]
            if first < 0:
                first = position
    return total, first


def _two_words(first: _Side, second: _Side) -> list[dict[int, float]]:
    """For each claim of first, the claims of second that share at least two words with it, and their cosine.

    Found through the pairs of words that both sides hold (as numbers, which hash fast): few pairs of claims share
    two words, while most pairs that share a word share just one, and their cosine is then one product, which
    _row and _tops find in the postings.
    """
    ids: dict[str, int] = {}
    for vector in first.vectors + second.vectors:
        for term in vector:
            ids.setdefault(term, len(ids))

    def keys(vector: dict[str, float]) -> list[int]:
        return [x * len(ids) + y for x, y in combinations(sorted(ids[t] for t in vector), 2)]

    first_keys, second_keys = list(map(keys, first.vectors)), list(map(keys, second.vectors))
    both = set().union(*first_keys) & set().union(*second_keys)
    index: dict[int, list[int]] = defaultdict(list)
    for j, found in enumerate(second_keys):
        for key in both.intersection(found):
            index[key].append(j)
    rows = []
    for vector, found in zip(first.vectors, first_keys, strict=True):
        partners = {j for key in both.intersection(found) for j in index[key]}
        rows.append({j: _dot(vector, second.vectors[j])[0] for j in sorted(partners)})
    return rows


def _tops(vector: dict[str, float], postings: dict[str, tuple[list[int], list[float], list[float]]],
          two: dict[int, float]) -> list[float]:
    """A claim's PER_CLAIM_CAP best cosines, from the pairs that share two words and the first few of each postings.

    A partner that shares one word and is not among the first few of its postings has as many partners above it.
    """
    best = dict(two)
    for term, weight in vector.items():
        if term in postings:
            claims, weights, _ = postings[term]
            for j, w in zip(claims[:PER_CLAIM_CAP], weights[:PER_CLAIM_CAP], strict=True):
                best.setdefault(j, weight * w)  # one word shared: the product is the cosine
    return sorted(best.values(), reverse=True)[:PER_CLAIM_CAP]


def _uses(side: _Side) -> dict[int, list[int]]:
    """For each claim, the conclusions it is a premise of, once per time it is listed."""
    uses: dict[int, list[int]] = defaultdict(list)
    for conclusion, premises in side.premises.items():
        for premise in premises:
            uses[premise].append(conclusion)
    return uses


def _floor(cutoff: Cutoff, limit: int | None, tops: list[float]) -> float:
    """A score that at least the pairs the cut-off takes reach: every pair above it is scored, none below.

    Each claim's k best pairs are kept and score at least its k-th best cosine, so with limit pairs to take,
    the limit-th best of the claims' 3 best cosines (tops) is such a floor; a threshold is one too.
    """
    floor = 0.0
    if limit is not None and len(tops) >= limit:
        floor = sorted(tops, reverse=True)[limit - 1]
    if cutoff.threshold is not None:
        floor = max(floor, cutoff.threshold) if limit is not None else cutoff.threshold
    return max(floor, 0.0)


def _ranked(first: _Side, second: _Side, cutoff: Cutoff, limit: int | None, wrap=iter):
    """(score of each pair that may pass the cut-off, a function giving a pair's cosine, the alike conclusions a
    pair draws on): the score is the cosine, plus the actors, plus the structure.

    Two maps of n claims have ~n^2 pairs that share a word. Only the pairs that can reach a floor (_floor) are
    scored. A pair (p, q) scores cosine + actors (at most ACTOR_WEIGHT) + STRUCTURE_WEIGHT x the cosines of the
    pairs of conclusions (x, y) it is a premise of, of which there are uses(p) x uses(q). So a pair that reaches
    the floor has a cosine of at least `direct`, or uses(p) x uses(q) x cos(x, y) of at least `needed` for one of
    its pairs of conclusions: `direct` gives up STRUCTURE_WEIGHT x STRUCTURE_SHARE of the floor to the structure.
    Each claim's row takes only the cosines that can reach its bar: `direct`, lower for a pair of conclusions.
    """
    postings = _postings(second)
    two = _two_words(first, second)
    uses_first, uses_second = _uses(first), _uses(second)
    actors = ACTOR_WEIGHT if any(first.actors) and any(second.actors) else 0.0
    tops = [s for i, vector in enumerate(first.vectors) for s in _tops(vector, postings, two[i])] if limit else []
    floor = _floor(cutoff, limit, tops)
    rest = max(floor - actors, 0.0) * (1 - 1e-9)  # below, rounding cannot reach the floor
    direct = max(rest - STRUCTURE_WEIGHT * STRUCTURE_SHARE, 0.0)
    needed = (rest - direct) / STRUCTURE_WEIGHT

    def most(side: _Side, uses: dict[int, list[int]]) -> dict[int, int]:
        """For each conclusion, the most conclusions one of its premises is a premise of."""
        return {x: max(len(uses[p]) for p in premises) for x, premises in side.premises.items() if premises}

    most_first, most_second = most(first, uses_first), most(second, uses_second)
    conclusions = defaultdict(set)  # the conclusions of second by their most, each with its postings
    for y, k in most_second.items():
        conclusions[k].add(y)
    postings_of = {k: _postings(second, ys) for k, ys in sorted(conclusions.items())}
    cosines: dict[tuple[int, int], float] = {}
    for i, vector in wrap(list(enumerate(first.vectors))):
        row, least = _row(vector, postings, direct), direct
        for k, conclusion_postings in postings_of.items() if i in most_first else ():
            bar = needed / (most_first[i] * k) * (1 - 2e-9)  # premises of i and of y can reach the floor together
            if bar < direct:
                row.update(_row(vector, conclusion_postings, bar))
                least = min(least, bar)
        row.update(two[i])
        cosines.update(((i, j), s) for j, s in row.items() if s >= least)

    def cosine(i: int, j: int) -> float:
        return cosines[i, j] if (i, j) in cosines else _dot(first.vectors[i], second.vectors[j])[0]

    candidates = {pair for pair, s in cosines.items() if s >= direct}
    for (x, y), c in cosines.items():
        if x in most_first and y in most_second and most_first[x] * most_second[y] * c >= needed * (1 - 1e-9):
            candidates.update((p, q) for p in first.premises[x] for q in second.premises[y]
                              if len(uses_first[p]) * len(uses_second[q]) * c >= needed * (1 - 1e-9))
    score: dict[tuple[int, int], float] = {}
    source: dict[tuple[int, int], tuple[float, int, int]] = {}
    for i, j in candidates:
        s = cosine(i, j)
        if s > 0:
            shared, either = first.actors[i] & second.actors[j], first.actors[i] | second.actors[j]
            s += ACTOR_WEIGHT * len(shared) / len(either) if either else 0.0
        # the structure, added in the order in which a plain loop over all the pairs adds it
        alike = []
        for x in uses_first.get(i, ()):
            for y in uses_second.get(j, ()):
                c, position = _dot(first.vectors[x], second.vectors[y])
                if position >= 0:
                    alike.append((x, position, y, c))
        if alike:
            boost = 0.0
            for x, _, y, c in sorted(alike, key=lambda a: a[:3]):
                boost += STRUCTURE_WEIGHT * c
                if c > source.get((i, j), (0.0,))[0]:
                    source[i, j] = (c, x, y)
            s += boost
        if s >= floor and s > 0:
            score[i, j] = s
    return score, cosine, source


def _capped(score: dict[tuple[int, int], float]) -> list[tuple[float, int, int]]:
    """The pairs among the best PER_CLAIM_CAP of their claim on either side, best first (ties by position)."""
    rows: dict[int, list[tuple[float, int]]] = defaultdict(list)
    columns: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), s in score.items():
        if s > 0:
            rows[i].append((s, j))
            columns[j].append((s, i))
    keep: set = set()
    for i, items in rows.items():
        keep.update((i, j) for _, j in sorted(items, key=lambda x: (-x[0], x[1]))[:PER_CLAIM_CAP])
    for j, items in columns.items():
        keep.update((i, j) for _, i in sorted(items, key=lambda x: (-x[0], x[1]))[:PER_CLAIM_CAP])
    return sorted(((score[p], *p) for p in keep), key=lambda x: (-x[0], x[1], x[2]))


def _cues(claim: Claim) -> tuple[int, list[str]]:
    text = claim_document(claim)
    return len(_NEGATION.findall(text)), sorted({m.lower() for m in _CHANGE.findall(text)})


def _guess(first: _Side, second: _Side, i: int, j: int, cosine: float, reply: bool) -> tuple[str, list[str]]:
    """The relation of an earlier claim (first) and a later one (second), and why."""
    ca, cb = first.claims[i], second.claims[j]
    na, change_a = _cues(ca)
    nb, change_b = _cues(cb)
    changed_words = bool(change_a) != bool(change_b)
    changed = changed_words or (na == 0) != (nb == 0)
    cue = (f"a cue of change on one side only: {', '.join(change_b or change_a)}" if changed_words
           else "a negation on one side only")
    if second.names_other[j] or first.names_other[i]:
        author = _surname(first.model if second.names_other[j] else second.model)
        reasons = [f"the later essay names the earlier one's author ({author})"]
        return ("contradicts", [cue, *reasons]) if changed_words else ("recast", reasons)
    reasons = [cue] if changed else []
    if cosine >= SAME_AT and not changed:
        return "same", [*reasons, f"nearly the same words (cosine {cosine:.2f})"]
    if changed:
        return "contradicts", reasons
    if cosine >= RECAST_AT:
        return "recast", [*reasons, f"much the same words (cosine {cosine:.2f})"]
    if reply:
        return "contradicts", [*reasons, "the later essay answers the earlier one"]
    if ca.role in ("prediction", "recommendation") and cb.role in ("evidence", "conclusion", "context"):
        reasons.append(f"a {ca.role} of the earlier essay against {'an' if cb.role[0] in 'aeiou' else 'a'} "
                       f"{cb.role} of the later")
    return "develops", [*reasons, "the later essay returns to the earlier one's point"]


def _shared_words(first: _Side, second: _Side, i: int, j: int, n: int = 4) -> list[str]:
    u, v = first.vectors[i], second.vectors[j]
    return [t for _, t in sorted(((u[t] * v[t], t) for t in u.keys() & v.keys()), reverse=True)[:n]]


@without_cycle_collection  # millions of small objects, no cycles (1.4 s of 7 at 20,000 claims a side)
def suggest(a: ArgumentMap, b: ArgumentMap, cutoff: Cutoff = Cutoff(), exclude=frozenset(),
            wrap=iter) -> list[Suggestion]:
    """Suggested links between a and b, best first; pairs in exclude ((a id, b id)) are counted, then left out.

    The same two maps give the same suggestions in either order. wrap(items) may wrap the slow loop.
    """
    forward = in_date_order(a, b)
    first_map, second_map = (a, b) if forward else (b, a)
    first_docs = [terms(claim_document(c)) for c in first_map.claims.values()]
    second_docs = [terms(claim_document(c)) for c in second_map.claims.values()]
    total = len(first_docs) + len(second_docs)
    frequency = Counter(t for doc in first_docs + second_docs for t in set(doc))
    idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in frequency.items()}
    first = _Side(first_map, idf, first_docs, second_map)
    second = _Side(second_map, idf, second_docs, first_map)
    limit = cutoff.count(a, b)
    score, cosine, source = _ranked(first, second, cutoff, limit, wrap)
    reply = any(second.names_other)
    ranked = _capped(score)
    found, taken = [], 0
    for s, i, j in ranked:
        if cutoff.threshold is not None and s < cutoff.threshold:
            break
        if limit is not None and taken >= limit:
            break
        taken += 1  # a pair the file already holds takes its place in the count, so a rerun adds nothing new
        ids = (first.claims[i].id, second.claims[j].id) if forward else (second.claims[j].id, first.claims[i].id)
        if ids in exclude:
            continue
        relation, why = _guess(first, second, i, j, cosine(i, j), reply)
        reasons = []
        words = _shared_words(first, second, i, j)
        if words:
            reasons.append(f"shared words: {', '.join(words)}")
        shared = sorted(first.actors[i] & second.actors[j])
        if shared:
            reasons.append(f"same actors: {', '.join(shared)}")
        if (i, j) in source and source[i, j][0] >= RECAST_AT / 2:
            _, x, y = source[i, j]
            reasons.append(f"premises of alike conclusions {first.claims[x].id} and {second.claims[y].id}")
        found.append(Suggestion(*ids, round(min(s, 1.0), 4), relation, tuple(reasons + why)))
    return found
