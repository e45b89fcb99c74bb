"""Print a comparison for people (text, Markdown) or programs (JSON)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import escaping
from ..model import Claim

if TYPE_CHECKING:
    from ..comparing.compare import Comparison, Pair

SECTIONS = (("same", "Shared (same claim)"), ("recast", "Recast (same point, other words)"),
            ("contradicts", "Contradicted (opposed or changed assessment)"),
            ("develops", "Developed (refined or extended)"))


def _claim_json(claim: Claim) -> dict:
    return {"id": claim.id, "text": claim.text, "quotes": list(claim.quotes), "role": claim.role}


def _pair_json(pair: Pair) -> dict:
    item: dict[str, object] = {"origin": pair.origin, "a": _claim_json(pair.a), "b": _claim_json(pair.b)}
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


def _short(text: str, width: int = 90) -> str:
    text = escaping.terminal(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def as_text(result: Comparison) -> str:
    a, b = result.a, result.b
    lines = [f"Comparing {a.id} ({len(a.claims)} claims) with {b.id} ({len(b.claims)} claims)",
             (f"links: {escaping.terminal(result.links_file or 'none found')}; "
              f"suggestions: TF-IDF cosine >= {result.threshold:.2f}"), ""]
    for relation, heading in SECTIONS:
        pairs = result.by_relation(relation)
        lines.append(f"{heading}: {len(pairs)}")
        for pair in pairs:
            lines.append(f"  A {pair.a.id}: {_short(pair.a.text)}")
            lines.append(f"  B {pair.b.id}: {_short(pair.b.text)}")
            if pair.note:
                lines.append(f"    note: {_short(pair.note, 110)}")
        lines.append("")
    lines.append(f"Suggested (similar, not yet linked): {len(result.suggested)}")
    for pair in result.suggested:
        lines.append(f"  {pair.score:.2f}  A {pair.a.id}: {_short(pair.a.text, 70)}")
        lines.append(f"        B {pair.b.id}: {_short(pair.b.text, 70)}")
    for label, model, claims in (("A", a, result.only_a), ("B", b, result.only_b)):
        lines.append("")
        lines.append(f"Only in {label} ({model.id}): {len(claims)}")
        lines.extend(f"  {c.id}: {_short(c.text)}" for c in claims)
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escaping.markdown(text)


def as_markdown(result: Comparison) -> str:
    a, b = result.a, result.b
    out = [f"# {_cell(a.title)} and {_cell(b.title)}", "",
           (f"Comparing `{a.id}` ({len(a.claims)} claims) with `{b.id}` ({len(b.claims)} claims). "
            f"Links: {_cell(result.links_file or 'none found')}. "
            f"Suggestions: TF-IDF cosine \u2265 {result.threshold:.2f}."), ""]
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
