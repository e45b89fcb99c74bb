"""Quote help: where a fragment stands in a source, verbatim, with its line and the sentence around it."""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from ..checking.sources import SourceText
from .sentences import sentences, words

MINIMUM_LIKENESS = 0.6  # below this, a passage is not offered as what the fragment meant


@dataclass(frozen=True)
class Found:
    """A passage of the source for a fragment: verbatim as the source has it, ready to paste as a quote."""

    passage: str  # the source's words, whitespace folded: passes as a quote as it stands
    line: int
    column: int
    sentence: str  # the sentence (or sentences) around the passage, whitespace folded
    verbatim: bool  # the fragment itself is in the source, as given
    likeness: float  # how alike the fragment and the passage are, 0 to 1
    reason: str | None = None  # why the fragment as given is not verbatim, when its words are in the source


@functools.lru_cache(maxsize=8)
def _sentence_spans(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    spans = sentences(text)
    return [start for start, _ in spans], spans


def _around(source: SourceText, start: int, end: int) -> str:
    starts, spans = _sentence_spans(source.text)
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_left(starts, end) - 1)
    if not spans:
        return words(source.text[start:end])
    return words(source.text[min(spans[first][0], start):max(spans[last][1], end)])


def _found(source: SourceText, start: int, end: int, verbatim: bool, likeness: float, reason: str | None) -> Found:
    line = source.line_of(start)
    column = start - (source.text.rfind("\n", 0, start) + 1) + 1
    return Found(words(source.text[start:end]), line, column, _around(source, start, end), verbatim, likeness, reason)


def find_quote(source: SourceText, fragment: str, limit: int = 10) -> list[Found]:
    """Every place (up to limit) where the fragment stands verbatim; else the closest passage, if it is alike enough.

    Verbatim means what `argmap validate` accepts: the same words and punctuation, whole words at both
    ends; whitespace, quotation marks and dashes may differ. Otherwise the search ignores case,
    punctuation and whitespace, and the passage it returns always passes as a quote.
    """
    found = [_found(source, start, end, True, 1.0, None)
             for start, end in _limited(source.occurrences(fragment), limit)]
    if found:
        return found
    passage = source.closest_passage(fragment)
    if passage is None or passage.ratio < MINIMUM_LIKENESS:
        return []
    return [_found(source, passage.start, passage.end, False, passage.ratio, source.why_not_found(fragment))]


def _limited(iterable, limit: int) -> list:
    items: list = []
    for item in iterable:
        if len(items) >= limit:
            break
        items.append(item)
    return items
