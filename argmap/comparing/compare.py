"""Compare two maps: the explicit links of a links file, joined with suggestions found by text similarity.

Suggestions score pairs of claims by TF-IDF cosine over stemmed words of each claim's label and quotes
(English stop words dropped, plurals folded). IDF is computed over both maps together, so a word
common to both essays (here: "DPRK", "peninsula") weighs little. Candidates come from an inverted
index, so two maps of thousands of claims compare without scoring every pair.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from ..checking.links import RELATIONS, LinkSet
from ..model import ArgumentMap, Claim
from ..reading.document import Document, read_document
from ..reading.files import kind_of

DEFAULT_THRESHOLD = 0.20  # best F1 on the bundled essays' links; see README
EXPLICIT, SUGGESTED = "explicit", "suggested"

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each either few for from further had has have having he her
here hers him his how i if in into is it its itself just may me might more most must my no nor not now of off on
once only or other our ours out over own same shall she should so some such than that the their theirs them then
there these they this those through to too under until up upon very was we were what when where which while who
whom why will with would yet you your one two three first second third fourth fifth sixth last well even still
""".split())
_PART = re.compile(r"[^\W_]+")  # words, split at apostrophes and hyphens too: "DPRK's" -> "dprk", "s"


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """Simple stemming: plurals to singular. Snowball and Porter were measured too and did no better here."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words: lower-cased, plurals folded, stop words and one-letter words dropped, at ' and - split."""
    return [_stem(part) for part in _PART.findall(text.lower()) if len(part) > 1 and part not in STOP_WORDS]


def claim_document(claim: Claim) -> str:
    return " ".join((claim.text, *claim.quotes))


@dataclass(frozen=True)
class Pair:
    """Two corresponding claims: an explicit link (relation, note) or a suggestion (score)."""

    a: Claim
    b: Claim
    origin: str
    relation: str | None = None
    score: float | None = None
    note: str | None = None


@dataclass
class Comparison:
    a: ArgumentMap
    b: ArgumentMap
    links_file: str | None
    threshold: float
    explicit: list[Pair] = field(default_factory=list)
    suggested: list[Pair] = field(default_factory=list)

    def by_relation(self, relation: str) -> list[Pair]:
        return [p for p in self.explicit if p.relation == relation]

    def _linked(self, side: str) -> set[str]:
        return {getattr(p, side).id for p in self.explicit + self.suggested}

    @property
    def only_a(self) -> list[Claim]:
        linked = self._linked("a")
        return [c for c in self.a.claims.values() if c.id not in linked]

    @property
    def only_b(self) -> list[Claim]:
        linked = self._linked("b")
        return [c for c in self.b.claims.values() if c.id not in linked]


_Item = TypeVar("_Item")


class Progress(Protocol):
    """Wraps the list of work to show progress, giving back its items in order: `iter`, or a progress bar."""

    def __call__(self, items: list[_Item], /) -> Iterable[_Item]: ...


def _vectors(documents: list[list[str]], idf: dict[str, float]) -> list[dict[str, float]]:
    vectors = []
    for words in documents:
        counts = Counter(words)
        vector = {t: (1 + math.log(n)) * idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors


def similarities(a: ArgumentMap, b: ArgumentMap, threshold: float = DEFAULT_THRESHOLD,
                 per_claim: int = 3, wrap: Progress = iter) -> list[tuple[float, str, str]]:
    """(score, a id, b id) for pairs of claims whose TF-IDF cosine reaches threshold, best first.

    Each claim of A keeps at most per_claim partners, so one generic claim cannot flood the report.
    wrap(items) may wrap the loop over A's claims, e.g. in a progress bar.
    """
    a_claims, b_claims = list(a.claims.values()), list(b.claims.values())
    a_docs = [terms(claim_document(c)) for c in a_claims]
    b_docs = [terms(claim_document(c)) for c in b_claims]
    total = len(a_docs) + len(b_docs)
    frequency = Counter(t for doc in a_docs + b_docs for t in set(doc))
    idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in frequency.items()}
    a_vectors, b_vectors = _vectors(a_docs, idf), _vectors(b_docs, idf)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(b_vectors):
        for term, weight in vector.items():
            postings[term].append((index, weight))
    found: list[tuple[float, str, str]] = []
    for a_index, vector in wrap(list(enumerate(a_vectors))):
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for b_index, b_weight in postings.get(term, ()):
                scores[b_index] += weight * b_weight
        best = sorted(((s, i) for i, s in scores.items() if s >= threshold), key=lambda x: (-x[0], x[1]))[:per_claim]
        found.extend((round(s, 4), a_claims[a_index].id, b_claims[i].id) for s, i in best)
    found.sort(key=lambda item: (-item[0], item[1], item[2]))
    return found


def compare(a: ArgumentMap, b: ArgumentMap, links: LinkSet | None = None, threshold: float = DEFAULT_THRESHOLD,
            suggest: bool = True, wrap: Progress = iter) -> Comparison:
    """Join the explicit links between a and b with suggestions for pairs not yet linked."""
    result = Comparison(a, b, links.file if links else None, threshold)
    linked_pairs = set()
    order = {relation: index for index, relation in enumerate(RELATIONS)}
    for link in sorted(links.links, key=lambda k: order[k.relation]) if links else ():
        result.explicit.append(Pair(a.claims[link.a], b.claims[link.b], EXPLICIT, relation=link.relation,
                                    note=link.note))
        linked_pairs.add((link.a, link.b))
    if suggest:
        for score, a_id, b_id in similarities(a, b, threshold, wrap=wrap):
            if (a_id, b_id) not in linked_pairs:
                result.suggested.append(Pair(a.claims[a_id], b.claims[b_id], SUGGESTED, score=score))
    return result


def links_names(doc: Document) -> tuple[Path, Path] | None:
    """The two map paths that a links file names (resolved), or None when it names none."""
    maps = doc.data.get("maps") if isinstance(doc.data, dict) else None
    if not isinstance(maps, dict):
        return None
    base = Path(doc.file).parent
    return (base / str(maps.get("a", ""))).resolve(), (base / str(maps.get("b", ""))).resolve()


def find_links_file(a_path: Path, b_path: Path) -> Document | None:
    """The links file for two maps, read: looked for in a links/ folder beside each map, then beside each map."""
    wanted = {a_path.resolve(), b_path.resolve()}
    folders = dict.fromkeys(p for m in (a_path, b_path) for p in (m.parent / "links", m.parent))
    for folder in folders:
        if folder.is_dir():
            for candidate in sorted(folder.glob("*.y*ml")):
                if candidate.resolve() in wanted:
                    continue
                doc = read_document(candidate)
                if kind_of(doc.data) == "links" and set(links_names(doc) or ()) == wanted:
                    return doc
    return None


def oriented(links: LinkSet, a_path: Path) -> LinkSet:
    """The links with side a being the map at a_path."""
    return links if Path(links.a.file or "").resolve() == a_path.resolve() else links.swapped()


@dataclass(frozen=True)
class Evaluation:
    """How well the suggester alone would find a links file's links."""

    threshold: float
    links: int
    suggested: int
    found: int  # links among the suggestions
    top: int
    top_real: int  # links among the `top` best suggestions

    @property
    def recall(self) -> float:
        return self.found / self.links if self.links else 0.0

    @property
    def precision(self) -> float:
        return self.found / self.suggested if self.suggested else 0.0

    @property
    def precision_at_top(self) -> float:
        return self.top_real / self.top if self.top else 0.0


def evaluate(a: ArgumentMap, b: ArgumentMap, links: LinkSet, threshold: float = DEFAULT_THRESHOLD,
             top: int = 20) -> Evaluation:
    """Suggestions made as if the links file were empty, scored against its links (every relation counts)."""
    real = {(link.a, link.b) for link in links.links}
    suggested = [(x, y) for _, x, y in similarities(a, b, threshold)]
    ranked = [(x, y) for _, x, y in similarities(a, b, 0.0001)][:top]
    return Evaluation(threshold, len(real), len(suggested), sum(p in real for p in suggested), len(ranked),
                      sum(p in real for p in ranked))


def scores_by_threshold(a: ArgumentMap, b: ArgumentMap, links: LinkSet, extra: float | None = None) -> list[Evaluation]:
    thresholds = sorted({0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, DEFAULT_THRESHOLD, *([extra] if extra else [])})
    return [evaluate(a, b, links, t) for t in thresholds]
