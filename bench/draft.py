"""How good `argmap draft` and quote help are: the draft against hand-made maps, and the closest-passage search.

Usage: .venv/bin/python bench/draft.py [--sources DIR] [--extra FILE]... [--out FILE]

For each bundled essay map (its source in --sources, default $ARGMAP_SOURCES or ../shared/essays):

- **sentences**: of the source's sentences that the map quotes, the share in which the draft proposes
  a claim (rather than leaving the sentence out);
- **claims**: of the map's quoted claims, the share that a draft claim matches in extent (their quotes'
  characters overlap by at least half of both together);
- **supports** and **attacks**: of the map's relations between quoted claims (each premise of an
  argument to its conclusion; each objection's claim to its target, or to the conclusion of the
  argument it undercuts), the share that the draft proposes between the draft claims that carry them,
  in the same direction; and **precision**, the share of the draft's relations that the map has.

For every text (the essays and each --extra text, such as a public-domain essay with no reference
map), quote help is scored on fragments made from the text's sentences and then damaged (commas
dropped, a word changed, the last letters cut, capitals changed): how often the passage proposed is
the fragment the damage came from, how often it passes as a quote, and the time per fragment of the
closest-passage search now (rapidfuzz) and before (difflib, the search argmap used until 0.1).

The figures are printed and written to bench/draft-results.md; tests/authoring/test_draft.py keeps the
essay figures from falling below floors set a little under them.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.authoring.draft import ATTACKS, SUPPORTS, draft
from argmap.authoring.sentences import sentences
from argmap.checking.sources import SourceText, fold, read_source
from argmap.coverage import _place_quotes

ESSAY_MAPS = ("2019-02-15-zhang-finding-a-solution.yaml", "2021-peninsula-stalemate.yaml")


@dataclass
class Figures:
    name: str
    sentences: tuple[int, int]  # (proposed, quoted by the map)
    claims: tuple[int, int]
    supports: tuple[int, int]
    attacks: tuple[int, int]
    precision: tuple[int, int]  # (draft relations the map has, draft relations)
    draft_claims: int = 0
    draft_relations: int = 0

    @staticmethod
    def share(pair: tuple[int, int]) -> float:
        return pair[0] / pair[1] if pair[1] else 1.0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def against_map(model, source: SourceText) -> Figures:
    """The draft of the map's source, scored against the map (see the module's description)."""
    made = draft(source.text, model.source.file or "source.txt", source.raw)
    drafted = {c.id: (c.start, c.end) for c in made.claims}
    placed = _place_quotes(source, [(q, c.id) for c in model.claims.values() for q in c.quotes])
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, owner in placed:
        spans.setdefault(owner, []).append((start, end))
    sentence_spans = sentences(source.text)
    quoted = [s for s in sentence_spans if any(_overlap(s, q) for qs in spans.values() for q in qs)]
    proposed = [s for s in quoted if any(_overlap(s, d) for d in drafted.values())]

    def carrier(claim_id: str) -> str | None:
        """The draft claim that overlaps most of the map claim's quotes."""
        best = max(drafted, key=lambda d: sum(_overlap(drafted[d], q) for q in spans.get(claim_id, [])), default=None)
        if best is None or not sum(_overlap(drafted[best], q) for q in spans.get(claim_id, [])):
            return None
        return best

    matched = 0
    for quote_spans in spans.values():
        length = sum(e - s for s, e in quote_spans)
        if any(
            2 * sum(_overlap(d, q) for q in quote_spans)
            >= length + (d[1] - d[0]) - sum(_overlap(d, q) for q in quote_spans)
            for d in drafted.values()
        ):
            matched += 1
    reference: set[tuple[str, str, str]] = set()
    for argument in model.arguments.values():
        for premise in argument.premises:
            reference.add((SUPPORTS, premise, argument.conclusion))
    for objection in model.objections.values():
        target = objection.target
        target = model.arguments[target].conclusion if target in model.arguments else target
        reference.add((ATTACKS, objection.claim, target))
    for claim in model.claims.values():  # a spell-out (detail -> point, means -> goal) is the draft's support too:
        for _kind, general in claim.spells_out():  # discourse markers cannot tell the two apart
            reference.add((SUPPORTS, claim.id, general))
    reference = {r for r in reference if r[1] in spans and r[2] in spans}
    proposals = {(r.kind, r.a, r.b) for r in made.relations}
    carried = {r: (r[0], carrier(r[1]), carrier(r[2])) for r in reference}
    found = {r for r, d in carried.items() if d in proposals}
    correct = {d for d in proposals if d in carried.values()}
    kinds = {
        kind: (sum(r[0] == kind for r in found), sum(r[0] == kind for r in reference)) for kind in (SUPPORTS, ATTACKS)
    }
    return Figures(
        model.id,
        (len(proposed), len(quoted)),
        (matched, len(spans)),
        kinds[SUPPORTS],
        kinds[ATTACKS],
        (len(correct), len(proposals)),
        len(made.claims),
        len(made.relations),
    )


# ---------------------------------------------------------------- quote help


def difflib_closest(source: SourceText, quote: str) -> tuple[str, float]:
    """The closest-passage search of argmap 0.1, kept here to measure against: difflib over candidate windows."""
    needle = fold(quote)
    if not needle:
        return "", 0.0
    words = sorted({w for w in re.findall(r"\w+", needle) if len(w) > 3}, key=len, reverse=True)[:6] or [needle[:8]]
    starts: set[int] = set()
    for word in words:
        offset = needle.find(word)
        for match in itertools.islice(re.finditer(re.escape(word), source.folded), 40):
            starts.add(max(0, match.start() - offset))
    best = ("", 0.0)
    for start in sorted(starts)[:200]:
        for length in {len(needle), int(len(needle) * 1.15) + 1, int(len(needle) * 0.85)}:
            window = source.folded[start : start + length]
            if needle[-1].isalnum():
                window = window.rstrip(".,;:!?")
            ratio = difflib.SequenceMatcher(None, window, needle, autojunk=False).ratio()
            if ratio > best[1]:
                best = (window.strip(), ratio)
    return best


def _damaged(fragment: str, rng: random.Random) -> list[tuple[str, str]]:
    words = fragment.split()
    damaged = []
    if "," in fragment:
        damaged.append(("commas dropped", fragment.replace(",", "")))
    index = rng.randrange(len(words))
    swapped = [*words[:index], words[index][:-1] + ("s" if not words[index].endswith("s") else ""), *words[index + 1 :]]
    damaged.append(("a word changed", " ".join(swapped)))
    if len(words[-1].strip(".,;:!?")) > 4:
        damaged.append(("last letters cut", fragment.rstrip(".,;:!?")[:-2]))
    damaged.append(("capitals changed", fragment[:1].swapcase() + fragment[1:]))
    return damaged


def quote_help(source: SourceText, fragments: list[str], seed: int = 17) -> dict:
    rng = random.Random(seed)
    cases = [(kind, original, broken) for original in fragments for kind, broken in _damaged(original, rng)]
    new_time = old_time = 0.0
    recovered = old_recovered = passes = old_passes = 0
    for _, original, broken in cases:
        started = time.perf_counter()
        passage, _ = source.closest(broken)
        new_time += time.perf_counter() - started
        started = time.perf_counter()
        old, _ = difflib_closest(source, broken)
        old_time += time.perf_counter() - started
        recovered += fold(passage) == fold(original)
        old_recovered += fold(old) == fold(original)
        passes += source.find(passage) is not None
        old_passes += bool(old) and source.find(old) is not None
    count = len(cases) or 1
    return {
        "fragments": len(cases),
        "recovered": recovered / count,
        "old_recovered": old_recovered / count,
        "passes": passes / count,
        "old_passes": old_passes / count,
        "ms": 1000 * new_time / count,
        "old_ms": 1000 * old_time / count,
    }


def fragments_of(source: SourceText, limit: int = 60, seed: int = 5) -> list[str]:
    """Fragments of 6 to 14 words from the text's sentences, each a valid quote."""
    rng = random.Random(seed)
    found = []
    for start, end in sentences(source.text):
        words = source.text[start:end].split()
        if len(words) < 6:
            continue
        size = min(len(words), rng.randint(6, 14))
        first = rng.randrange(len(words) - size + 1)
        fragment = " ".join(words[first : first + size]).strip("\"'\u201c\u201d\u2018\u2019([")
        if source.find(fragment) is not None:
            found.append(fragment)
    rng.shuffle(found)
    return found[:limit]


def add_rows(table, work: Path, argmap_command: list[str], sources: Path | None, repeat: int = 3, goal=None) -> None:
    """run.py's rows: `argmap draft` of the 2021 essay as a whole process, and quote help per damaged fragment
    against the search it replaced (difflib's, above). Without the essays (sources None) there is no row."""
    goal = goal or (lambda text, met: (text, met))
    if sources is None:
        table.add("draft and quote help", 0.0, "(the essays are not here: ../shared/essays)", None, "", None)
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from run import best

    essay = sources / "2021-peninsula-stalemate.txt"
    seconds = best([*argmap_command, "draft", "--source", str(essay), "-o", str(work / "draft.yaml"), "--force"], repeat)
    table.add("argmap draft of the 2021 essay (whole process)", seconds, "(whole process)", None, "", None)
    source = read_source(essay.resolve())
    result = quote_help(source, fragments_of(source))
    table.add("quote help: the passage closest to a damaged quote (per quote)", result["ms"] / 1000,
              "difflib's closest match (the search it replaced)", result["old_ms"] / 1000,
              *goal("<= 1 ms", result["ms"] <= 1), f"{result['fragments']} damaged fragments of the 2021 essay")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=os.environ.get("ARGMAP_SOURCES") or str(ROOT.parent / "shared" / "essays"))
    parser.add_argument(
        "--extra", action="append", default=[], help="another text (no reference map), e.g. a public-domain essay"
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "draft-results.md"))
    args = parser.parse_args(argv)
    import argmap

    lines = [
        "# Draft and quote-help results",
        "",
        "Written by `bench/draft.py` (see its docstring for the measures).",
        "",
        "## The draft against the bundled essay maps",
        "",
        "| map | sentences proposed as claims | claims matched | supports proposed | attacks proposed | precision of relations | draft: claims, relations |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]

    def cell(pair):
        return f"{Figures.share(pair):.1%} ({pair[0]}/{pair[1]})"

    texts: list[tuple[str, SourceText, list[str] | None]] = []
    for name in ESSAY_MAPS:
        model = argmap.load(ROOT / "maps" / name, sources=args.sources)
        source = read_source(Path(args.sources) / model.source.file)
        figures = against_map(model, source)
        lines.append(
            f"| {figures.name} | {cell(figures.sentences)} | {cell(figures.claims)} | {cell(figures.supports)} | "
            f"{cell(figures.attacks)} | {cell(figures.precision)} | {figures.draft_claims}, {figures.draft_relations} |"
        )
        texts.append((model.source.file, source, [q for c in model.claims.values() for q in c.quotes]))
    for extra in args.extra:
        source = read_source(Path(extra).resolve())
        made = draft(source.text, Path(extra).name, source.raw)
        lines.append(
            f"| {Path(extra).name} (no reference map) | - | - | - | - | - | {len(made.claims)}, {len(made.relations)} |"
        )
        texts.append((Path(extra).name, source, None))
    lines += [
        "",
        "## Quote help: damaged fragments",
        "",
        "| text | fragments | proposed passage is the original: now / before | passes as a quote: now / before | ms per fragment: now / before |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, source, quotes in texts:
        result = quote_help(source, fragments_of(source) if quotes is None else quotes)
        lines.append(
            f"| {name} | {result['fragments']} | {result['recovered']:.1%} / {result['old_recovered']:.1%} | "
            f"{result['passes']:.1%} / {result['old_passes']:.1%} | {result['ms']:.2f} / {result['old_ms']:.2f} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
