"""Print a comparison for people (text, Markdown) or programs (JSON)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import escaping

if TYPE_CHECKING:
    from ..comparing.compare import Comparison, Pair
    from ..model import Claim

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
        item["relation_guess"] = pair.guess
        if pair.note:
            item["note"] = pair.note
        item["reasons"] = list(pair.reasons)
    return item


def as_json(result: Comparison) -> str:
    from ..comparing.analysis import analyse

    return json.dumps({
        "analysis": analyse(result).as_dict(),
        "a": {"id": result.a.id, "title": result.a.title, "file": result.a.file, "claims": len(result.a.claims),
              "published": result.a.source.published},
        "b": {"id": result.b.id, "title": result.b.title, "file": result.b.file, "claims": len(result.b.claims),
              "published": result.b.source.published},
        "links_file": result.links_file,
        "threshold": result.threshold,
        "cutoff": {"per_claim": result.cutoff.per_claim, "threshold": result.cutoff.threshold,
                   "description": result.cutoff.describe(result.a, result.b)},
        "summary": {**{relation: len(result.by_relation(relation)) for relation, _ in SECTIONS},
                    "suggested": len(result.suggested), "only_a": len(result.only_a), "only_b": len(result.only_b)},
        "links": [_pair_json(p) for p in result.explicit],
        "suggestions": [_pair_json(p) for p in result.suggested],
        "drafts": [_pair_json(p) for p in result.drafts],
        "rejected": result.rejected,
        "only_a": [_claim_json(c) for c in result.only_a],
        "only_b": [_claim_json(c) for c in result.only_b],
    }, indent=2, ensure_ascii=False)


def _short(text: str, width: int = 90) -> str:
    text = escaping.terminal(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"
def _line(prefix: str, text: str, width: int | None) -> str:
    """prefix + text on one line, cut with '…' to fit width; whole when width is None (not a terminal)."""
    text = escaping.terminal(" ".join(text.split()))
    if width is None or len(prefix) + len(text) <= width:
        return prefix + text
    room = max(width - len(prefix), 12)
    return prefix + text[: room - 1] + "\u2026"


def as_text(result: Comparison, width: int | None = None) -> str:
    """The comparison for people. width: cut each line to it (a terminal's width); None shows everything."""
    a, b = result.a, result.b
    lines = [f"Comparing {a.id} ({len(a.claims)} claims) with {b.id} ({len(b.claims)} claims)",
             (f"links: {escaping.terminal(result.links_file or 'none found')}; "
              f"suggestions: {result.cutoff.describe(a, b)}"), "",
             *_analysis_text(result), ""]
    for relation, heading in SECTIONS:
        pairs = result.by_relation(relation)
        lines.append(f"{heading}: {len(pairs)}")
        for pair in pairs:
            lines.append(_line(f"  A {pair.a.id}: ", pair.a.text, width))
            lines.append(_line(f"  B {pair.b.id}: ", pair.b.text, width))
            if pair.note:
                lines.append(_line("    note: ", pair.note, width))
        lines.append("")
    if result.drafts:
        lines.append(f"Drafts awaiting review in the links file: {len(result.drafts)}")
        for pair in result.drafts:
            lines.append(f"  {pair.score or 0:.2f}  A {pair.a.id}: {_short(pair.a.text, 70)}")
            lines.append(f"        B {pair.b.id}: {_short(pair.b.text, 70)}")
            lines.append(f"        draft: {pair.guess}; {_short('; '.join(pair.reasons), 100)}")
        lines.append("")
    lines.append(f"Suggested (not yet linked), with a guessed relation: {len(result.suggested)}")
    for pair in result.suggested:
        lines.append(_line(f"  {pair.score:.2f}  A {pair.a.id}: ", pair.a.text, width))
        lines.append(_line(f"        B {pair.b.id}: ", pair.b.text, width))
        lines.append(_line(f"        guess: {pair.guess}; ", "; ".join(pair.reasons), width))
    from ..comparing.analysis import analyse

    only = analyse(result).only
    for label, model, claims in (("A", a, result.only_a), ("B", b, result.only_b)):
        lines.append("")
        lines.append(f"Only in {label} ({model.id}): {len(claims)}")
        groups = only[label.lower()]
        if model.sections:
            for title, group in groups:
                lines.append(f"  {escaping.terminal(title)}:")
                lines.extend(_line(f"    {c.id}: ", c.text, width) for c in group)
        else:  # a map without sections: one plain list
            lines.extend(_line(f"  {c.id}: ", c.text, width) for c in claims)
    if width is not None:  # on a terminal, every line fits it, the analysis's too
        lines = [line if len(line) <= width else line[: max(width, 12) - 1] + "\u2026" for line in lines]
    return "\n".join(lines)


def _wrap(text: str, indent: str = "  ", width: int = 100) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)


def _relations(counts: dict) -> str:
    return ", ".join(f"{n} {r}" for r, n in counts.items() if n) or "none"


def _analysis_text(result: Comparison) -> list[str]:
    from ..comparing.analysis import analyse

    analysis = analyse(result)
    models = {"a": result.a, "b": result.b}
    lines = ["Analysis", *_wrap(analysis.summary), f"  By relation: {_relations(analysis.by_relation)}",
             "  By section (claims linked of claims; links by relation):"]
    lines.extend(f"    {s.side.upper()} {_short(s.section, 60)}: {s.linked} of {s.claims}"
                 + (f"; {_relations(s.by_relation)}" if s.linked else "") for s in analysis.sections)
    if analysis.actors:
        lines.append("  By actor (links naming it on either side): "
                     + ", ".join(f"{name} {n}" for name, n in analysis.actors))
    if analysis.earlier:
        earlier = models[analysis.earlier]
        lines.append(f"  Predictions of the earlier essay ({earlier.id}) that the later one bears out or contradicts: "
                     f"{len(analysis.predictions)}")
        for p in analysis.predictions:
            said, later = (p.pair.a, p.pair.b) if p.earlier == "a" else (p.pair.b, p.pair.a)
            lines.append(f"    {p.verdict} ({p.pair.relation}): {said.id}: {_short(said.text, 70)}")
            lines.append(f"      by {later.id}: {_short(later.text, 70)}")
    else:
        lines.append("  Predictions: the maps' dates do not say which essay is earlier")
    for side in ("a", "b"):
        groups = analysis.only[side]
        if groups:
            lines.append(f"  Only in {side.upper()} by section: "
                         + "; ".join(f"{_short(title, 50)} {len(claims)}" for title, claims in groups))
    return lines


def _cell(text: str) -> str:
    return escaping.markdown(text)


def as_markdown(result: Comparison) -> str:
    a, b = result.a, result.b
    out = [f"# {_cell(a.title)} and {_cell(b.title)}", "",
           (f"Comparing `{a.id}` ({len(a.claims)} claims) with `{b.id}` ({len(b.claims)} claims). "
           f"Links: `{result.links_file or 'none found'}`. Suggestions: {result.cutoff.describe(a, b)}."), "",
           *_analysis_markdown(result)]
    for relation, heading in SECTIONS:
        pairs = result.by_relation(relation)
        out += [f"## {heading}: {len(pairs)}", ""]
        if pairs:
            out += [f"| {a.id} | {b.id} | note |", "| --- | --- | --- |"]
            out += [f"| {_cell(p.a.text)} | {_cell(p.b.text)} | {_cell(p.note or '')} |" for p in pairs]
            out.append("")
    if result.drafts:
        out += [f"## Drafts awaiting review: {len(result.drafts)}", "",
                f"| score | {a.id} | {b.id} | draft relation | reasons |", "| --- | --- | --- | --- | --- |"]
        out += [f"| {p.score or 0:.2f} | {_cell(p.a.text)} (`{p.a.id}`) | {_cell(p.b.text)} (`{p.b.id}`) | {p.guess} | "
                f"{_cell('; '.join(p.reasons))} |" for p in result.drafts]
        out.append("")
    out += [f"## Suggested (not yet linked): {len(result.suggested)}", ""]
    if result.suggested:
        out += [f"| score | {a.id} | {b.id} | guessed relation | reasons |", "| --- | --- | --- | --- | --- |"]
        out += [f"| {p.score:.2f} | {_cell(p.a.text)} (`{p.a.id}`) | {_cell(p.b.text)} (`{p.b.id}`) | {p.guess} | "
                f"{_cell('; '.join(p.reasons))} |" for p in result.suggested]
        out.append("")
    from ..comparing.analysis import analyse

    only = analyse(result).only
    for side, model, claims in (("a", a, result.only_a), ("b", b, result.only_b)):
        out += [f"## Only in {model.id}: {len(claims)}", ""]
        if model.sections:
            for title, group in only[side]:
                out += [f"**{_cell(title)}**", ""] + [f"- {_cell(c.text)} (`{c.id}`)" for c in group] + [""]
        else:
            out += [f"- {_cell(c.text)} (`{c.id}`)" for c in claims] + [""]
    return "\n".join(out)


def _analysis_markdown(result: Comparison) -> list[str]:
    from ..comparing.analysis import analyse

    analysis = analyse(result)
    models = {"a": result.a, "b": result.b}
    out = ["## Analysis", "", analysis.summary, "", f"By relation: {_relations(analysis.by_relation)}.", "",
           "| map | section | claims linked | claims | links by relation |", "| --- | --- | ---: | ---: | --- |"]
    out += [f"| {models[s.side].id} | {_cell(s.section)} | {s.linked} | {s.claims} | "
            f"{_relations(s.by_relation) if s.linked else ''} |" for s in analysis.sections]
    out.append("")
    if analysis.actors:
        out += ["By actor (links naming it on either side): "
                + ", ".join(f"{_cell(name)} {n}" for name, n in analysis.actors) + ".", ""]
    if analysis.earlier:
        earlier = models[analysis.earlier]
        out += [(f"Predictions of the earlier essay (`{earlier.id}`) that the later one bears out or contradicts: "
                f"{len(analysis.predictions)}."), ""]
        if analysis.predictions:
            out += ["| verdict | prediction | later claim |", "| --- | --- | --- |"]
            for p in analysis.predictions:
                said, later = (p.pair.a, p.pair.b) if p.earlier == "a" else (p.pair.b, p.pair.a)
                out.append(f"| {p.verdict} | {_cell(said.text)} (`{said.id}`) | {_cell(later.text)} (`{later.id}`) |")
            out.append("")
    else:
        out += ["Predictions: the maps' dates do not say which essay is earlier.", ""]
    return out
