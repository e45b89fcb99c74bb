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

from .authoring.sentences import sentences, words
from .checking.sources import SourceText, fold, phrase_pattern
from .model import ArgumentMap

CONNECTIVES = frozenset("""
and or but nor yet so as while although though however besides also then thus therefore hence moreover
furthermore still admittedly undoubtedly because since first second third fourth fifth sixth finally lastly
""".split())
# Connectives of several words count only as whole phrases: "the" or "end" alone is content.
CONNECTIVE_PHRASES = ("in short", "in this context", "to this end", "on the one hand", "on the other hand",
                      "as a result", "in addition", "in other words", "for example", "for instance", "of course")
_LIST_MARKER = re.compile(r"^(?:[A-Za-z]|\d{1,2})[.)]$")
_WORD = re.compile(r"\w+(?:['\u2019.]\w+)*\.?")

CARRIED, PARTLY, NOT_CARRIED, LEFT_OUT = "carried", "partly carried", "not carried", "left out"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    line: int
    status: str = NOT_CARRIED
    uncovered: list[str] = field(default_factory=list)  # content words no quote covers
    uncovered_text: list[str] = field(default_factory=list)  # the stretches that hold them, as the source has them
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
                         "uncovered_text": s.uncovered_text,
                         "claims": s.claims, "reason": s.reason} for s in self.sentences],
        }


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
    connective = [False] * len(source.text)  # inside a connective phrase, the built-in ones or the map's
    pattern = phrase_pattern((*CONNECTIVE_PHRASES, *model.source.connectives))
    for match in pattern.finditer(source.text) if pattern else ():
        for index in range(match.start(), match.end()):
            connective[index] = True
    return Coverage(model.id, model.source.file or "",
                    [_sentence(model, source, start, end, owner_at, connective)
                     for start, end in sentences(source.text)])


def _sentence(model: ArgumentMap, source: SourceText, start: int, end: int, owner_at, connective) -> Sentence:
    sentence = Sentence(start, end, words(source.text[start:end]), source.line_of(start))
    owners = {owner_at[i] for i in range(start, end) if owner_at[i]}
    sentence.claims = sorted(o.split(":", 1)[1] for o in owners if o.startswith("claim:"))
    omitted = sorted(int(o.split(":", 1)[1]) for o in owners if o.startswith("omitted:"))
    content = [False] * (end - start)  # characters of words that carry content and that no quote covers
    for word in _WORD.finditer(source.text, start, end):
        span = range(word.start(), word.end())
        if any(owner_at[i] for i in span) or connective[word.start()]:
            continue
        token = word.group()
        if token.lower().rstrip(".") in CONNECTIVES or _LIST_MARKER.match(token):
            continue
        sentence.uncovered.append(token)
        for index in span:
            content[index - start] = True
    sentence.uncovered_text = _passages(source.text, start, owner_at, content)
    if not sentence.uncovered and omitted and not sentence.claims:
        sentence.status = LEFT_OUT
        sentence.reason = model.source.omitted[omitted[0]].reason
    elif not sentence.uncovered:
        sentence.status = CARRIED
    elif owners:
        sentence.status = PARTLY
    return sentence


def _passages(text: str, start: int, owner_at, content: list[bool]) -> list[str]:
    """The stretches of the sentence that no quote covers and that hold content, as the source writes them.

    A stretch runs between quotes; its leading connectives and punctuation stay, so that it reads as written.
    """
    found = []
    index = 0
    while index < len(content):
        if owner_at[start + index] or text[start + index].isspace():
            index += 1
            continue
        stop = index
        while stop < len(content) and not owner_at[start + stop]:
            stop += 1
        if any(content[index:stop]):
            passage = words(text[start + index:start + stop]).strip(" ,;:")
            found.append(passage)
        index = stop
    return found
