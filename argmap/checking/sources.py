"""Source texts: find each quote verbatim, and show the nearest passage when one drifts (coverage.py measures)."""

from __future__ import annotations

import array
import bisect
import functools
import itertools
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, did_you_mean

SOURCES_ENV = "ARGMAP_SOURCES"

# Only these differences are forgiven between a quote and its source: whitespace, quotation marks, dashes.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACE = re.compile(r"\s+")


def _is_word(character: str) -> bool:
    """What a regex's \\w matches: letters, digits and numerals of any script, and the underscore."""
    return character.isalnum() or character == "_"


@dataclass(frozen=True)
class SourceText:
    """A source text, folded for matching, with a map from folded offsets back to the original."""

    path: Path
    raw: bytes
    text: str
    folded: str
    offsets: _Offsets  # offsets[i] = index in text of folded[i]

    @functools.cached_property
    def sha256(self) -> str:
        import hashlib  # here: loading OpenSSL costs every start-up a few ms

        return hashlib.sha256(self.raw).hexdigest()

    def occurrences(self, quote: str):
        """Each (start, end) of quote in the original text, matched on whole words, in order, not overlapping.

        A plain search with the word boundaries checked by hand: compiling a regex per quote cost more than
        the search (0.4 ms a quote, most of checking a small map)."""
        needle = fold(quote)
        if not needle:
            return
        folded, size = self.folded, len(needle)
        open_start, open_end = not needle[0].isalnum(), not needle[-1].isalnum()  # else: not inside a word
        start = folded.find(needle)
        while start != -1:
            end = start + size
            if (open_start or start == 0 or not _is_word(folded[start - 1])) and \
                    (open_end or end == len(folded) or not _is_word(folded[end])):
                yield self.offsets[start], self.offsets[end - 1] + 1
                start = folded.find(needle, end)
            else:
                start = folded.find(needle, start + 1)

    def find(self, quote: str) -> tuple[int, int] | None:
        """The first (start, end) of quote in the original text, or None; remembered, because the same text is
        kept while it is unchanged (read_source) and an editor checks the same quotes at every keystroke."""
        found = self._found
        if quote not in found:
            if len(found) > 100_000:
                found.clear()
            found[quote] = next(self.occurrences(quote), None)
        return found[quote]

    @functools.cached_property
    def _found(self) -> dict[str, tuple[int, int] | None]:
        return {}

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    @functools.cached_property
    def _line_starts(self) -> array.array:
        return array.array("q", [0, *(m.end() for m in re.finditer("\n", self.text))])

    def closest(self, quote: str) -> tuple[str, float]:
        """The passage of the source most like the quote, and how alike they are (0 to 1).

        The passage is verbatim and cut at word boundaries, so that pasted back as the quote it is found.
        """
        passage = self.closest_passage(quote)
        return (fold(self.text[passage.start : passage.end]), passage.ratio) if passage else ("", 0.0)

    @functools.cached_property
    def _words(self) -> tuple[str, list[int], list[int], list[int]]:
        """The text as lower-case words joined by single spaces (punctuation and case dropped), for fuzzy search;
        with each word's start and end in the text, and its start in that string."""
        starts, ends, positions, parts = [], [], [], []
        position = 0
        for match in re.finditer(r"\w+", self.text):
            starts.append(match.start())
            ends.append(match.end())
            positions.append(position)
            parts.append(match.group().lower())
            position += len(match.group()) + 1
        return " ".join(parts), starts, ends, positions

    def closest_passage(self, quote: str) -> Passage | None:
        """The verbatim passage most like the quote: whitespace, punctuation and case are ignored in the search.

        rapidfuzz aligns the quote's words with the source's; the alignment is widened to whole words, and
        its ends are moved to where the passage is most alike and holds most of the quote's words.
        """
        from rapidfuzz import fuzz

        needle = " ".join(re.findall(r"\w+", quote.lower()))
        words, starts, ends, positions = self._words
        if not needle or not words:
            return None
        best = None
        for low, high in _windows(words, needle):
            found = fuzz.partial_ratio_alignment(needle, words[low:high])
            if found is not None and (best is None or found.score > best[0]):
                best = (found.score, low + found.dest_start, low + found.dest_end)
        if best is None:
            return None
        first = max(0, bisect.bisect_right(positions, best[1]) - 1)
        last = max(first, bisect.bisect_left(positions, best[2]) - 1)

        wanted = needle.split()
        tokens = words.split(" ")  # the i-th word of the source

        def score(i: int, j: int) -> float:
            """How alike, as text, and how many of the quote's words the passage has: a quote that leaves
            words out still finds the whole passage it comes from."""
            present = set(tokens[i : j + 1])
            had = sum(word in present for word in wanted)
            return fuzz.ratio(needle, words[positions[i] : positions[j] + ends[j] - starts[j]]) + 100 * had / len(
                wanted
            )

        missing = max(0, len(wanted) - (last - first + 1))
        aligned = last
        for _ in range(2):  # move the start, then the end, to where the passage scores best; twice
            first = max(
                range(max(0, first - 2), min(last, first + 2) + 1), key=lambda i: (score(i, last), -abs(i - first))
            )
            last = max(
                range(max(first, last - 2), min(len(starts), aligned + missing + 6)),
                key=lambda j: (score(first, j), -abs(j - aligned)),
            )
        start, end = _with_punctuation(self.text, quote, starts[first], ends[last])
        given, passage = fold(quote), fold(self.text[start:end])
        ratio = fuzz.ratio(given.lower(), passage.lower()) / 100  # capitals count as a small difference below
        return Passage(start, end, 1.0 if given == passage else min(ratio, 0.995))

    def why_not_found(self, quote: str) -> str | None:
        """Why a quote whose words are in the source is not found verbatim, or None when its words are not there."""
        needle = fold(quote)
        if not needle:
            return None
        for match in re.finditer(re.escape(needle), self.folded):
            before = self.folded[match.start() - 1 : match.start()]
            after = self.folded[match.end() : match.end() + 1]
            inside_start = bool(re.match(r"\w", needle) and re.match(r"\w", before))
            inside_end = bool(re.search(r"\w$", needle) and re.match(r"\w", after))
            if inside_end or inside_start:
                where = "ends" if inside_end and not inside_start else "starts" if not inside_end else "starts and ends"
                word = self._word_at(match.end() - 1 if inside_end else match.start())
                return (
                    f"it {where} inside a word (the source has {word!r}); a quote must begin and end with whole words"
                )
        lowered = self.folded.lower()
        if needle.lower() in lowered:
            return "its capitals differ from the source's; a quote keeps the source's case"
        letters = "".join(re.findall(r"\w+", needle.lower()))
        if letters and letters in self._words[0].replace(" ", ""):
            return (
                "its punctuation or spacing differs from the source's; a quote keeps every comma and stop of the source"
            )
        return None

    def _word_at(self, folded_offset: int) -> str:
        offset = self.offsets[folded_offset]
        start = offset
        while start > 0 and re.match(r"\w", self.text[start - 1]):
            start -= 1
        end = offset
        while end < len(self.text) and re.match(r"\w", self.text[end]):
            end += 1
        return self.text[start:end]


@dataclass(frozen=True)
class Passage:
    """A verbatim passage of a source: where it is, and how much it is like what was looked for (0 to 1)."""

    start: int
    end: int
    ratio: float


_WINDOW_LIMIT = 200_000  # characters of words searched in one piece; longer sources are searched near the quote's words


def _windows(words: str, needle: str):
    """Where to look: the whole source when it is small, else windows around the quote's rarer words."""
    if len(words) <= _WINDOW_LIMIT:
        yield 0, len(words)
        return
    span = 2 * len(needle) + 40
    anchors = sorted({w for w in needle.split() if len(w) > 3}, key=len, reverse=True)[:6] or needle.split()[:1]
    seen: set[int] = set()
    for anchor in anchors:
        offset = needle.find(anchor)
        for match in itertools.islice(re.finditer(r"(?<!\w)" + re.escape(anchor) + r"(?!\w)", words), 60):
            low = max(0, match.start() - offset - len(needle) // 2 - 20)
            if low // 64 not in seen:
                seen.add(low // 64)
                yield low, min(len(words), low + span)


def _with_punctuation(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """The passage widened over the punctuation that the quote has at its ends (a closing stop, opening quotes)."""
    folded = fold(quote)
    if folded and not re.match(r"\w", folded[-1]):
        while end < len(text) and not text[end].isspace() and not re.match(r"\w", text[end]):
            end += 1
    if folded and not re.match(r"\w", folded[0]):
        while start > 0 and not text[start - 1].isspace() and not re.match(r"\w", text[start - 1]):
            start -= 1
    return start, end


def percent(ratio: float) -> str:
    """A likeness as a whole percentage, rounded down: only what is the same shows as 100%."""
    return f"{math.floor(ratio * 100 + 1e-9)}%"


def phrase_pattern(phrases) -> re.Pattern | None:
    """One pattern for connective phrases: whole words, any case, any whitespace between the words."""
    alternatives = sorted(
        {r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases if phrase.split()}, key=len, reverse=True
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE) if alternatives else None


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
        return [
            doc.problem(
                ("source",) if "source" in data else (),
                "no-source-file",
                "quotes cannot be checked: the map names no source.file",
                "add source.file with the source's file name",
            )
        ]
    path = find_source(name, sources, doc.file)
    if path is None:
        if not required:
            return []
        known = [p.name for folder in sources if folder.is_dir() for p in folder.iterdir()]
        return [
            doc.problem(
                ("source", "file"),
                "source-missing",
                f"the source {name!r} is in none of: {', '.join(map(str, sources))}",
                did_you_mean(name, known) or "check --sources and source.file",
            )
        ]
    try:
        text = read_source(path.resolve())
    except OSError as error:
        return [
            doc.problem(
                ("source", "file"), "source-missing", f"cannot read the source {path}: {error.strerror or error}"
            )
        ]
    problems = []
    expected = source.get("sha256")
    if expected and expected != text.sha256:
        problems.append(
            doc.problem(
                ("source", "sha256"),
                "source-hash",
                f"the source {name!r} has SHA-256 {text.sha256}, not the one the map names",
                "the text has changed: check the quotes against it, then update source.sha256",
            )
        )
    elif not expected:
        problems.append(
            doc.problem(
                ("source",),
                "source-hash-missing",
                f"the map does not name the SHA-256 of {name!r}",
                f"add 'sha256: {text.sha256}' under source",
                key=True,
            )
        )
    for index, phrase in enumerate(source.get("connectives") or ()):
        pattern = phrase_pattern([phrase.translate(_FOLD)])
        if pattern is None or not pattern.search(text.folded):
            problems.append(
                doc.problem(
                    ("source", "connectives", index),
                    "connective-not-found",
                    f"the connective {phrase!r} does not occur in {name}",
                    "write it as the source has it (any case), or remove it",
                )
            )
    for path_, quote in _quotes(data):
        if text.find(quote) is None:
            passage, ratio = text.closest(quote)
            hint = (
                f"closest passage ({percent(ratio)} alike): {passage!r}"
                if ratio >= 0.5
                else "no similar passage in the source"
            )
            why = text.why_not_found(quote)
            message = f"the quote is not verbatim in {name}: {quote!r}" + (f": {why}" if why else "")
            problems.append(doc.problem(path_, "quote-not-found", message, hint))
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
