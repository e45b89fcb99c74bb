"""Print a comparison for people (text, Markdown) or programs (JSON)."""
from __future__ import annotations

import json

from typing import TYPE_CHECKING

from ..model import Claim

if TYPE_CHECKING:
    from ..comparing.compare import Comparison, Pair

SECTIONS = (("same", "Shared (same claim)"), ("recast", "Recast (same point, other words)"),
            ("contradicts", "Contradicted (opposed or changed assessment)"), ("develops", "Developed (refined or extended)"))


def _claim_json(claim: Claim) -> dict:
    return {"id": claim.id, "text": claim.text, "quotes": list(claim.quotes), "role": claim.role}


def _pair_json(pair: Pair) -> dict:
    item = {"origin": pair.origin, "a": _claim_json(pair.a), "b": _claim_json(pair.b)}
    if pair.relation:
        item["relation"] = pair.relation
        item["note"] = pair.note
    else:
        item["score"] = pair.score
    return item


def as_json(result: Comparison) -> str:
    return json.dumps({
        "a": {"id": result.a.id, "title": result.a.title, "file": result.a.file, "claims": len(result.a.claims)},
        "b": {"id": result.b.id, "title": result.b.title, "file": result.b.file, "claims": len(result.b.claims)},
        "links_file": result.links_file,
        "threshold": result.threshold,
        "summary": {**{relation: len(result.by_relation(relation)) for relation, _ in SECTIONS},
                    "suggested": len(result.suggested), "only_a": len(result.only_a), "only_b": len(result.only_b)},
        "links": [_pair_json(p) for p in result.explicit],
        "suggestions": [_pair_json(p) for p in result.suggested],
        "only_a": [_claim_json(c) for c in result.only_a],
        "only_b": [_claim_json(c) for c in result.only_b],
    }, indent=2, ensure_ascii=False)


def _line(prefix: str, text: str, width: int | None) -> str:
    """prefix + text on one line, cut with '…' to fit width; whole when width is None (not a terminal)."""
    text = " ".join(text.split())
    if width is None or len(prefix) + len(text) <= width:
        return prefix + text
    room = max(width - len(prefix), 12)
    return prefix + text[: room - 1] + "\u2026"


def as_text(result: Comparison, width: int | None = None) -> str:
    """The comparison for people. width: cut each line to it (a terminal's width); None shows everything."""
    a, b = result.a, result.b
    lines = [f"Comparing {a.id} ({len(a.claims)} claims) with {b.id} ({len(b.claims)} claims)",
             f"links: {result.links_file or 'none found'}; suggestions: TF-IDF cosine >= {result.threshold:.2f}", ""]
    for relation, heading in SECTIONS:
        pairs = result.by_relation(relation)
        lines.append(f"{heading}: {len(pairs)}")
        for pair in pairs:
            lines.append(_line(f"  A {pair.a.id}: ", pair.a.text, width))
            lines.append(_line(f"  B {pair.b.id}: ", pair.b.text, width))
            if pair.note:
                lines.append(_line("    note: ", pair.note, width))
        lines.append("")
    lines.append(f"Suggested (similar, not yet linked): {len(result.suggested)}")
    for pair in result.suggested:
        lines.append(_line(f"  {pair.score:.2f}  A {pair.a.id}: ", pair.a.text, width))
        lines.append(_line(f"        B {pair.b.id}: ", pair.b.text, width))
    for label, model, claims in (("A", a, result.only_a), ("B", b, result.only_b)):
        lines.append("")
        lines.append(f"Only in {label} ({model.id}): {len(claims)}")
        lines.extend(_line(f"  {c.id}: ", c.text, width) for c in claims)
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(result: Comparison) -> str:
    a, b = result.a, result.b
    out = [f"# {_cell(a.title)} and {_cell(b.title)}", "",
           f"Comparing `{a.id}` ({len(a.claims)} claims) with `{b.id}` ({len(b.claims)} claims). "
           f"Links: `{result.links_file or 'none found'}`. Suggestions: TF-IDF cosine \u2265 {result.threshold:.2f}.", ""]
    for relation, heading in SECTIONS:
        pairs = result.by_relation(relation)
        out += [f"## {heading}: {len(pairs)}", ""]
        if pairs:
            out += [f"| {a.id} | {b.id} | note |", "| --- | --- | --- |"]
            out += [f"| {_cell(p.a.text)} | {_cell(p.b.text)} | {_cell(p.note or '')} |" for p in pairs]
            out.append("")
    out += [f"## Suggested (similar, not yet linked): {len(result.suggested)}", ""]
    if result.suggested:
        out += [f"| score | {a.id} | {b.id} |", "| --- | --- | --- |"]
        out += [f"| {p.score:.2f} | {_cell(p.a.text)} (`{p.a.id}`) | {_cell(p.b.text)} (`{p.b.id}`) |"
                for p in result.suggested]
        out.append("")
    for model, claims in ((a, result.only_a), (b, result.only_b)):
        out += [f"## Only in {model.id}: {len(claims)}", ""]
        out += [f"- {_cell(c.text)} (`{c.id}`)" for c in claims]
        out.append("")
    return "\n".join(out)
