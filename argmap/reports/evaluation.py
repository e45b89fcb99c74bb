"""Print `compare --evaluate`: per cut-off, each gold pair and the total, in text, Markdown or JSON."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..checking.links import RELATIONS

if TYPE_CHECKING:
    from ..comparing.evaluation import GoldPair, Score
    from ..comparing.suggest import Cutoff

PROTOCOL = ("Protocol: the suggester runs on each pair's two maps as if its links file were empty; each cut-off "
            "is applied on its own; found = a suggestion the file links (either direction, any relation); "
            "recall = found/links, precision = found/suggested, top 20 = precision of the row's own first 20 "
            "suggestions, per relation = found/links of that relation, relation right = found suggestions whose "
            "guessed relation is the file's; total = sums over the pairs (micro average).")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _relation_cells(row: Score) -> list[str]:
    return [f"{row.found_by_relation.get(r, 0)}/{row.gold_by_relation.get(r, 0)}" for r in RELATIONS]


def _header(pairs: list[GoldPair], default: Cutoff) -> list[str]:
    from ..comparing.evaluation import relation_counts, short

    lines = [f"{len(pairs)} gold pair{'s' * (len(pairs) != 1)}; default cut-off: {default.describe()} (marked *)"]
    for number, pair in enumerate(pairs, 1):
        lines.append(f"  {number}. {pair.name}: {len(pair.links.links)} links ({relation_counts(pair.links)}) "
                     f"in {short(pair.file)}")
    return lines


def text(pairs: list[GoldPair], table: dict[Cutoff, list[Score]], default: Cutoff) -> str:
    lines = [*_header(pairs, default), PROTOCOL, ""]
    heads = ["cut-off", "pair", "suggested", "found", "recall", "precision", "top 20", *RELATIONS, "relation right"]
    widths = [16, 5, 9, 5, 6, 9, 6, *[max(5, len(r)) for r in RELATIONS], 14]
    lines.append("  ".join(h.rjust(w) if i > 1 else h.ljust(w)
                           for i, (h, w) in enumerate(zip(heads, widths, strict=False))))
    for cutoff, rows in table.items():
        for index, row in enumerate(rows):
            label = (cutoff.label + (" *" if cutoff == default else "")) if index == 0 else ""
            name = "total" if row.pair == "total" else str(index + 1)
            cells = [label, name, str(row.suggested), str(row.found), _pct(row.recall), _pct(row.precision),
                     _pct(row.precision_at_top), *_relation_cells(row),
                     f"{row.right}/{row.found} {_pct(row.relation_accuracy) if row.found else ''}".strip()]
            lines.append("  ".join(c.rjust(w) if i > 1 else c.ljust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths, strict=False))))
    return "\n".join(lines)


def markdown(pairs: list[GoldPair], table: dict[Cutoff, list[Score]], default: Cutoff) -> str:
    out = [*(f"- {line.strip()}" if line.startswith("  ") else line for line in _header(pairs, default)), "",
           PROTOCOL, "",
           "| cut-off | pair | suggested | found | recall | precision | top 20 | "
           + " | ".join(RELATIONS) + " | relation right |",
           "| --- | --- | " + " | ".join(["---:"] * (7 + len(RELATIONS) - 2)) + " |"]
    for cutoff, rows in table.items():
        for index, row in enumerate(rows):
            label = (cutoff.label + (" \\*" if cutoff == default else "")) if index == 0 else ""
            name = "total" if row.pair == "total" else str(index + 1)
            out.append(f"| {label} | {name} | {row.suggested} | {row.found} | {_pct(row.recall)} | "
                       f"{_pct(row.precision)} | {_pct(row.precision_at_top)} | "
                       + " | ".join(_relation_cells(row))
                       + f" | {row.right}/{row.found} ({_pct(row.relation_accuracy)}) |")
    return "\n".join(out)


def as_json(pairs: list[GoldPair], table: dict[Cutoff, list[Score]], default: Cutoff) -> str:
    return json.dumps({
        "protocol": PROTOCOL,
        "default_cutoff": default.label,
        "pairs": [{"name": p.name, "links_file": p.file, "a": p.links.a.file, "b": p.links.b.file,
                   "links": len(p.links.links)} for p in pairs],
        "rows": [{**row.as_dict(), "default": cutoff == default} for cutoff, rows in table.items() for row in rows],
    }, indent=2, ensure_ascii=False)


FORMATS = {"text": text, "markdown": markdown, "json": as_json}
