"""Coverage: which sentences of a source the map's quotes carry, so that a map's completeness is measured.

A sentence is *carried* when every word of it that no quote covers is a connective ("However,",
"First,", "and", list markers such as "A." or "1."): connectives join claims, they are not claims.
It is *left out* when a passage in `source.omitted` covers it, and otherwise *partly carried* or *not
carried*. Each quote covers one place in the source: longer quotes are placed first, and a quote that
occurs more than once takes the first place that no other quote has taken.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .checking.sources import SourceText, fold
from .model import ArgumentMap

CONNECTIVES = frozenset("""
and or but nor yet so as while although though however besides also then thus therefore hence moreover
furthermore still admittedly undoubtedly because since first second third fourth fifth sixth finally lastly
""".split())
# Connectives of several words count only as whole phrases: "the" or "end" alone is content.
_CONNECTIVE_PHRASES = re.compile(r"\b(?:in short|in this context|to this end|on the one hand|on the other hand|"
                                 r"as a result|in addition|in other words|for example|for instance|of course)\b",
                                 re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?:[A-Za-z]|\d{1,2})[.)]$")
_WORD = re.compile(r"\w+(?:['\u2019.]\w+)*\.?")
# A sentence ends at . ! ? (with closing quotes) before a space and a capital, digit, bullet or quote;
# "U.S. must" and "U.S. Congress" do not end one (an abbreviation), and "A. The" is a list marker.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'\u201d\u2019)]*)\s+(?=[A-Z0-9\u2022\"\u201c\u2018(])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|vs|etc|e\.g|i\.e)\.$")

CARRIED, PARTLY, NOT_CARRIED, LEFT_OUT = "carried", "partly carried", "not carried", "left out"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    line: int
    status: str = NOT_CARRIED
    uncovered: list[str] = field(default_factory=list)  # content words no quote covers
    claims: list[str] = field(default_factory=list)
    reason: str | None = None


@dataclass
class Coverage:
    map_id: str
    source: str
    sentences: list[Sentence]

    def count(self, status: str) -> int:
        return sum(s.status == status for s in self.sentences)

    @property
    def arguable(self) -> int:
        """Sentences that carry argument: all but those left out with a reason."""
        return len(self.sentences) - self.count(LEFT_OUT)

    @property
    def share(self) -> float:
        return self.count(CARRIED) / self.arguable if self.arguable else 1.0

    def as_dict(self) -> dict:
        return {
            "map": self.map_id, "source": self.source, "sentences": len(self.sentences),
            "carried": self.count(CARRIED), "partly_carried": self.count(PARTLY),
            "not_carried": self.count(NOT_CARRIED), "left_out": self.count(LEFT_OUT), "share": round(self.share, 4),
            "details": [{"line": s.line, "status": s.status, "text": s.text, "uncovered": s.uncovered,
                         "claims": s.claims, "reason": s.reason} for s in self.sentences],
        }


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: lines are boundaries too, so headings and bullets stand alone."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        offset = line.start()
        pieces = []
        previous = 0
        for end in _SENTENCE_END.finditer(line.group()):
            if _ABBREVIATION.search(line.group(), 0, end.start()):
                continue
            pieces.append((previous, end.start() + len(end.group(1))))
            previous = end.end()
        pieces.append((previous, len(line.group())))
        merged: list[tuple[int, int]] = []
        for start, stop in pieces:
            fragment = line.group()[start:stop].strip()
            if merged and _LIST_MARKER.match(line.group()[merged[-1][0]:merged[-1][1]].strip().lstrip("\u2022 ")):
                merged[-1] = (merged[-1][0], stop)  # "A." or "1." belongs to what follows
            elif fragment:
                merged.append((start, stop))
        for start, stop in merged:
            raw = line.group()[start:stop]
            lead = len(raw) - len(raw.lstrip())
            spans.append((offset + start + lead, offset + start + len(raw.rstrip())))
    return [(s, e) for s, e in spans if re.search(r"\w", text[s:e])]


def _place_quotes(source: SourceText, quotes: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, owner) for each quote, longest first, each at its first place not wholly taken by longer ones."""
    taken = [False] * len(source.text)
    placed = []
    for quote, owner in sorted(quotes, key=lambda item: -len(fold(item[0]))):
        first = None
        for start, end in source.occurrences(quote):
            first = first or (start, end)
            if not all(taken[start:end]):
                first = (start, end)
                break
        if first:
            for index in range(*first):
                taken[index] = True
            placed.append((first[0], first[1], owner))
    return placed


def measure(model: ArgumentMap, source: SourceText) -> Coverage:
    quotes = [(q, f"claim:{c.id}") for c in model.claims.values() for q in c.quotes]
    quotes += [(q, f"omitted:{i}") for i, o in enumerate(model.source.omitted) for q in o.quotes]
    placed = _place_quotes(source, quotes)
    owner_at: list[str | None] = [None] * len(source.text)
    for start, end, owner in placed:
        for index in range(start, end):
            owner_at[index] = owner_at[index] or owner
    result = []
    for start, end in sentences(source.text):
        sentence = Sentence(start, end, source.text[start:end], source.line_of(start))
        owners = {owner for owner in owner_at[start:end] if owner}
        sentence.claims = sorted(o.split(":", 1)[1] for o in owners if o.startswith("claim:"))
        omitted = sorted(int(o.split(":", 1)[1]) for o in owners if o.startswith("omitted:"))
        uncovered_words = []
        phrases = [range(m.start(), m.end()) for m in _CONNECTIVE_PHRASES.finditer(sentence.text)]
        for word in _WORD.finditer(sentence.text):
            at = start + word.start()
            if any(owner_at[i] for i in range(at, at + len(word.group()))):
                continue
            if any(word.start() in phrase for phrase in phrases):
                continue
            token = word.group()
            if token.lower().rstrip(".") in CONNECTIVES or _LIST_MARKER.match(token):
                continue
            uncovered_words.append(token)
        sentence.uncovered = uncovered_words
        if not uncovered_words and omitted and not sentence.claims:
            sentence.status = LEFT_OUT
            sentence.reason = model.source.omitted[omitted[0]].reason
        elif not uncovered_words:
            sentence.status = CARRIED
        elif owners:
            sentence.status = PARTLY
        result.append(sentence)
    return Coverage(model.id, model.source.file or "", result)
