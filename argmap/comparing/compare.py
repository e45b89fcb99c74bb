"""Compare two maps: the explicit links of a links file, joined with suggested links (argmap.comparing.suggest).

The words of a claim are its label and quotes, stemmed (English stop words dropped, plurals folded);
similarities() is the plain TF-IDF cosine over them that the suggester starts from. IDF is computed over
both maps together, so a word common to both essays (here: "DPRK", "peninsula") weighs little.
Candidates come from an inverted index, so two maps of thousands of claims compare without scoring every
pair.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..checking.links import RELATIONS, LinkSet
from ..model import ArgumentMap, Claim
from ..reading.document import MAX_BYTES, Document, read_document
from ..reading.files import kind_of

if TYPE_CHECKING:
    from .suggest import Cutoff

EXPLICIT, SUGGESTED, DRAFT = "explicit", "suggested", "draft"

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
    guess: str | None = None  # a suggestion's guessed relation
    reasons: tuple[str, ...] = ()
    line: int = 0  # a draft's line in the links file


@dataclass
class Comparison:
    a: ArgumentMap
    b: ArgumentMap
    links_file: str | None
    cutoff: Cutoff
    explicit: list[Pair] = field(default_factory=list)
    suggested: list[Pair] = field(default_factory=list)
    drafts: list[Pair] = field(default_factory=list)  # suggestions written into the links file, not yet reviewed
    rejected: int = 0

    @property
    def threshold(self) -> float | None:
        return self.cutoff.threshold

    def by_relation(self, relation: str) -> list[Pair]:
        return [p for p in self.explicit if p.relation == relation]

    def _linked(self, side: str) -> set[str]:
        return {getattr(p, side).id for p in self.explicit + self.suggested + self.drafts}

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


def similarities(a: ArgumentMap, b: ArgumentMap, threshold: float = 0.2,
                 per_claim: int = 3, wrap=iter) -> list[tuple[float, str, str]]:
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


def compare(a: ArgumentMap, b: ArgumentMap, links: LinkSet | None = None, cutoff: Cutoff | float | None = None,
            suggest: bool = True, wrap=iter, threshold: float | None = None) -> Comparison:
    """Join the explicit links between a and b with suggestions for pairs that the links file does not hold.

    cutoff is a Cutoff, a score threshold (a float), or None for the default (a number of pairs per claim).
    """
    from .suggest import Cutoff
    from .suggest import suggest as suggestions

    if cutoff is None and threshold is not None:
        cutoff = threshold
    if not isinstance(cutoff, Cutoff):
        cutoff = Cutoff() if cutoff is None else Cutoff(None, float(cutoff))
    result = Comparison(a, b, links.file if links else None, cutoff)
    known = set()
    for link in links.links if links else ():
        result.explicit.append(Pair(a.claims[link.a], b.claims[link.b], EXPLICIT, relation=link.relation,
                                    note=link.note))
        known.add((link.a, link.b))
    if links is not None:
        known.update((k.a, k.b) for k in (*links.drafts, *links.rejected))
        result.drafts = [Pair(a.claims[k.a], b.claims[k.b], DRAFT, score=k.score, note=k.note, guess=k.relation,
                              reasons=k.reasons, line=k.line) for k in links.drafts]
        result.rejected = len(links.rejected)
    if suggest:
        for s in suggestions(a, b, cutoff, exclude=known, wrap=wrap):
            result.suggested.append(Pair(a.claims[s.a], b.claims[s.b], SUGGESTED, score=s.score, guess=s.relation,
                                         reasons=s.reasons))
    order = {relation: index for index, relation in enumerate(RELATIONS)}
    result.explicit.sort(key=lambda p: order.get(p.relation or "", len(order)))
    return result


def links_names(doc: Document) -> tuple[Path, Path] | None:
    """The two map paths that a links file names (resolved), or None when it names none."""
    maps = doc.data.get("maps") if isinstance(doc.data, dict) else None
    if not isinstance(maps, dict):
        return None
    base = Path(doc.file).parent
    return (base / str(maps.get("a", ""))).resolve(), (base / str(maps.get("b", ""))).resolve()


def _links_file(path: Path) -> Document | None:
    """The file read, when it can be a links file: a map beside the maps is not parsed (seconds for big maps)."""
    try:
        with open(path, "rb") as handle:
            if b"argmap-links" not in handle.read(MAX_BYTES + 1):
                return None
    except OSError:
        pass  # read_document says why
    doc = read_document(path)
    return doc if kind_of(doc.data) == "links" else None


def find_links_file(a_path: Path, b_path: Path) -> Document | None:
    """The links file for two maps, read: looked for in a links/ folder beside each map, then beside each map."""
    wanted = {a_path.resolve(), b_path.resolve()}
    folders = dict.fromkeys(p for m in (a_path, b_path) for p in (m.parent / "links", m.parent))
    for folder in folders:
        if folder.is_dir():
            for candidate in sorted(folder.glob("*.y*ml")):
                if candidate.resolve() in wanted:
                    continue
                doc = _links_file(candidate)
                if doc is not None and set(links_names(doc) or ()) == wanted:
                    return doc
    return None


def find_links_files(map_paths: list[Path]) -> list[Document]:
    """Every links file that joins two of the given maps, looked for in links/ beside each map and beside each map."""
    wanted = {p.resolve() for p in map_paths}
    folders = dict.fromkeys(f for m in map_paths for f in (m.parent / "links", m.parent))
    found: dict[Path, Document] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.glob("*.y*ml")):
            resolved = candidate.resolve()
            if resolved in wanted or resolved in found:
                continue
            doc = _links_file(candidate)
            if doc is None:
                continue
            names = links_names(doc)
            if names and set(names) <= wanted and names[0] != names[1]:
                found[resolved] = doc
    return list(found.values())


def oriented(links: LinkSet, a_path: Path) -> LinkSet:
    """The links with side a being the map at a_path."""
    return links if Path(links.a.file or "").resolve() == a_path.resolve() else links.swapped()
