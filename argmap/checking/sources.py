"""Source texts: find each quote verbatim, and show the nearest passage when one drifts (coverage.py measures)."""
from __future__ import annotations

import array
import bisect
import difflib
import functools
import hashlib
import itertools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, did_you_mean

SOURCES_ENV = "ARGMAP_SOURCES"

# Only these differences are forgiven between a quote and its source: whitespace, quotation marks, dashes.
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                       "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
                       "\u2212": "-"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SourceText:
    """A source text, folded for matching, with a map from folded offsets back to the original."""

    path: Path
    raw: bytes
    text: str
    folded: str
    offsets: _Offsets  # offsets[i] = index in text of folded[i]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def occurrences(self, quote: str):
        """Each (start, end) of quote in the original text, matched on whole words, in order."""
        needle = fold(quote)
        if not needle:
            return
        pattern = ((r"(?<!\w)" if needle[0].isalnum() else "") + re.escape(needle)
                   + (r"(?!\w)" if needle[-1].isalnum() else ""))
        for match in re.finditer(pattern, self.folded):
            yield self.offsets[match.start()], self.offsets[match.end() - 1] + 1

    def find(self, quote: str) -> tuple[int, int] | None:
        """The first (start, end) of quote in the original text, or None."""
        return next(self.occurrences(quote), None)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    @functools.cached_property
    def _line_starts(self) -> array.array:
        return array.array("q", [0, *(m.end() for m in re.finditer("\n", self.text))])

    def closest(self, quote: str) -> tuple[str, float]:
        """The passage of the source most like the quote, and how alike they are (0 to 1).

        Candidate windows start where the quote's longer words occur in the source, so the work is
        bounded by the quote, not by the size of the source.
        """
        needle = fold(quote)
        if not needle:
            return "", 0.0
        words = sorted({w for w in re.findall(r"\w+", needle) if len(w) > 3}, key=len, reverse=True)[:6] or [needle[:8]]
        starts: set[int] = set()
        for word in words:
            offset = needle.find(word)
            for match in itertools.islice(re.finditer(re.escape(word), self.folded), 40):
                starts.add(max(0, match.start() - offset))
        best = ("", 0.0)
        for start in sorted(starts)[:200]:
            for length in {len(needle), int(len(needle) * 1.15) + 1, int(len(needle) * 0.85)}:
                window = self.folded[start:start + length]
                if needle[-1].isalnum():
                    window = window.rstrip(".,;:!?")  # the quote stops at a word: so does the passage shown
                ratio = difflib.SequenceMatcher(None, window, needle, autojunk=False).ratio()
                if ratio > best[1]:
                    best = (window.strip(), ratio)
        return best


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


class _Offsets:
    """Where each character of the folded text stands in the original: stored per run of words and spaces, not per
    character, so that a 16 MiB source costs megabytes here, not a gigabyte."""

    def __init__(self, folded_starts: array.array, text_starts: array.array):
        self.folded_starts, self.text_starts = folded_starts, text_starts

    def __getitem__(self, index: int) -> int:
        run = bisect.bisect_right(self.folded_starts, index) - 1
        return self.text_starts[run] + index - self.folded_starts[run]


def _fold_with_offsets(text: str) -> tuple[str, _Offsets]:
    """The text with quotes and dashes folded and each run of whitespace made one space (none at the start)."""
    translated = text.translate(_FOLD)
    parts: list[str] = []
    folded_starts, text_starts = array.array("q"), array.array("q")
    length, previous_end = 0, None
    for word in re.finditer(r"\S+", translated):
        if previous_end is not None:  # the whitespace between two runs: one space, at its first character
            folded_starts.append(length)
            text_starts.append(previous_end)
            parts.append(" ")
            length += 1
        folded_starts.append(length)
        text_starts.append(word.start())
        parts.append(word.group())
        length += word.end() - word.start()
        previous_end = word.end()
    if previous_end is not None and previous_end < len(translated):
        folded_starts.append(length)
        text_starts.append(previous_end)
        parts.append(" ")
    return "".join(parts), _Offsets(folded_starts, text_starts)


MAX_SOURCE_BYTES = 16 * 1024 * 1024


def read_source(path: Path) -> SourceText:
    """The source text, read again only when the file changed (a --watch session edits it)."""
    status = os.stat(path)
    return _read_source(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=32)
def _read_source(path: Path, mtime_ns: int, size: int) -> SourceText:  # noqa: ARG001 - mtime_ns keys the cache
    if size > MAX_SOURCE_BYTES:
        raise OSError(f"the source is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    folded, offsets = _fold_with_offsets(text)
    return SourceText(path, raw, text, folded, offsets)


def sources_folders(given=()) -> list[Path]:
    """The sources folders: those given (--sources), else those in $ARGMAP_SOURCES."""
    if isinstance(given, (str, os.PathLike)):
        return [Path(given)]
    if given:
        return [Path(folder) for folder in given]
    return [Path(p) for p in os.environ.get(SOURCES_ENV, "").split(os.pathsep) if p]


def find_source(name: str, sources, map_file: str | None) -> Path | None:
    """The source file: in the given folders first, then beside the map.

    Only a regular file that really lies inside the folder counts: a map in someone else's pull request
    must not make argmap read (and print passages of) /proc/self/environ through a symlink.
    """
    beside = [Path(map_file).parent] if map_file else []
    for folder in [*sources, *beside]:
        candidate = folder / name
        try:
            real, root = candidate.resolve(strict=True), folder.resolve(strict=True)
        except OSError:
            continue
        if real.is_relative_to(root) and stat.S_ISREG(os.stat(real).st_mode):
            return real
    return None


def check(doc, sources=(), required: bool = False) -> list[Problem]:
    """Every quote of a schema-valid map checked against its source, and the source's hash.

    The source is looked up in the folders given, then beside the map; it must be found when
    required (the user named --sources), and is otherwise checked only when at hand.
    """
    data = doc.data
    source = data.get("source") or {}
    name = source.get("file")
    if not name:
        if not required:
            return []
        return [doc.problem(("source",) if "source" in data else (), "no-source-file",
                            "quotes cannot be checked: the map names no source.file",
                            "add source.file with the source's file name")]
    path = find_source(name, sources, doc.file)
    if path is None:
        if not required:
            return []
        known = [p.name for folder in sources if folder.is_dir() for p in folder.iterdir()]
        return [doc.problem(("source", "file"), "source-missing",
                            f"the source {name!r} is in none of: {', '.join(map(str, sources))}",
                            did_you_mean(name, known) or "check --sources and source.file")]
    try:
        text = read_source(path.resolve())
    except OSError as error:
        return [doc.problem(("source", "file"), "source-missing",
                            f"cannot read the source {path}: {error.strerror or error}")]
    problems = []
    expected = source.get("sha256")
    if expected and expected != text.sha256:
        problems.append(doc.problem(("source", "sha256"), "source-hash",
                                    f"the source {name!r} has SHA-256 {text.sha256}, not the one the map names",
                                    "the text has changed: check the quotes against it, then update source.sha256"))
    elif not expected:
        problems.append(doc.problem(("source",), "source-hash-missing",
                                    f"the map does not name the SHA-256 of {name!r}",
                                    f"add 'sha256: {text.sha256}' under source", key=True))
    for path_, quote in _quotes(data):
        if text.find(quote) is None:
            passage, ratio = text.closest(quote)
            hint = (f"closest passage ({ratio:.0%} alike): {passage!r}" if ratio >= 0.5
                    else "no similar passage in the source")
            problems.append(doc.problem(path_, "quote-not-found", f"the quote is not verbatim in {name}: {quote!r}",
                                        hint))
    return problems


def _quotes(data: dict):
    """(path, quote) for every quote in the map: claims' quotes and passages omitted on purpose."""
    for cid, claim in (data.get("claims") or {}).items():
        yield from _fragments(("claims", cid, "quote"), claim.get("quote"))
    for index, omitted in enumerate((data.get("source") or {}).get("omitted") or ()):
        yield from _fragments(("source", "omitted", index, "quote"), omitted["quote"])


def _fragments(path, quote):
    if isinstance(quote, str):
        yield path, quote
    elif isinstance(quote, list):
        for index, fragment in enumerate(quote):
            yield (*path, index), fragment


def source_of(model, sources=()) -> Path | None:
    """The source text a valid map names, where it is found (None when it is not at hand)."""
    name = model.source.file
    return find_source(name, sources, model.file) if name else None


def quote_lines(model, sources=()) -> dict[str, list[int]]:
    """For each claim, the lines of its source where its quotes stand (empty when the source is not at hand)."""
    name = model.source.file
    path = find_source(name, sources, model.file) if name else None
    if path is None:
        return {}
    text = read_source(path.resolve())
    lines: dict[str, list[int]] = {}
    for claim in model.claims.values():
        for quote in claim.quotes:
            span = text.find(quote)
            if span is not None:
                lines.setdefault(claim.id, []).append(text.line_of(span[0]))
    return lines
