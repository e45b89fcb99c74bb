"""How well argmap's suggester finds hand-made links, on every gold pair, before and after its ranking.

Usage: python bench/suggestions.py [LINKS...] [--output FILE]

Without LINKS, the gold pairs are the repository's links files (maps/links/, corpus/*/links/). Two
suggesters are scored with the same protocol as `argmap compare --evaluate` (argmap.comparing.evaluation):

- "plain TF-IDF (argmap 0.1)": each claim of A keeps its 3 best partners by TF-IDF cosine, as argmap 0.1
  suggested; run in both orders, since that suggester depended on the order (no relation is guessed);
- "argmap": the current ranking, with its guessed relation.

The Markdown tables are printed and written to bench/suggestions.md. Anyone can rerun this after a
change to the suggester or to a links file; the figures in docs/comparing.md come from it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.checking.pipeline import check_file
from argmap.comparing.compare import similarities
from argmap.comparing.evaluation import CUTOFFS, gold_pair, score
from argmap.comparing.suggest import Cutoff, Suggestion, suggest
from argmap.reports.evaluation import PROTOCOL, _pct

DEFAULT = Cutoff()
ROWS = (DEFAULT, *(c for c in CUTOFFS if c != DEFAULT))


def plain(a, b) -> list[Suggestion]:
    """argmap 0.1's suggestions: every pair by TF-IDF cosine, each claim of a keeping its 3 best partners."""
    return [Suggestion(x, y, s, "") for s, x, y in similarities(a, b, threshold=1e-9)]


def table(title: str, pairs, rankings) -> list[str]:
    lines = [f"### {title}", "",
             ("| cut-off | pair | suggested | found | recall | precision | top 20 | same | recast | contradicts "
             "| develops | relation right |"), "| --- | --- | " + " | ".join(["---:"] * 10) + " |"]
    for cutoff in ROWS:
        rows = [score(p, r, cutoff) for p, r in zip(pairs, rankings, strict=False)]
        for index, row in enumerate(rows):
            relation = f"{row.right}/{row.found} ({_pct(row.relation_accuracy)})" if title.startswith("argmap") else "-"
            cells = [f"{row.found_by_relation[r]}/{row.gold_by_relation[r]}" for r in row.gold_by_relation]
            label = (cutoff.label + (" \\*" if cutoff == DEFAULT else "")) if index == 0 else ""
            lines.append(f"| {label} | {row.pair} | {row.suggested} | {row.found} | {_pct(row.recall)} | "
                         f"{_pct(row.precision)} | {_pct(row.precision_at_top)} | " + " | ".join(cells)
                         + f" | {relation} |")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("links", nargs="*", type=Path)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "suggestions.md")
    args = parser.parse_args()
    files = args.links or sorted([*(ROOT / "maps" / "links").glob("*.yaml"), *(ROOT / "corpus").glob("*/links/*.yaml")])
    pairs = [gold_pair(check_file(f).links) for f in files]
    swapped = [gold_pair(p.links.swapped()) for p in pairs]
    out = ["# Suggestions against hand-made links", "", PROTOCOL, "", "Gold pairs:", ""]
    out += [f"- {p.name}: {len(p.links.links)} links, `{Path(p.file).relative_to(ROOT)}`" for p in pairs]
    out += [""]
    out += table("plain TF-IDF (argmap 0.1), A as in the links file", pairs,
                 [plain(p.links.a, p.links.b) for p in pairs])
    out += table("plain TF-IDF (argmap 0.1), A and B swapped", swapped,
                 [plain(p.links.a, p.links.b) for p in swapped])
    out += table("argmap (either order gives the same figures)", pairs,
                 [suggest(p.links.a, p.links.b, Cutoff(None, None)) for p in pairs])
    text = "\n".join(out)
    print(text)
    args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
