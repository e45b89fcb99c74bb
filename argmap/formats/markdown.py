"""A Markdown outline of a map, to read or paste into a report: thesis, arguments, premises, objections."""
from __future__ import annotations

from ..model import ArgumentMap


def _quote(lines: list[str], quotes, indent: str) -> None:
    for quote in quotes:
        lines.append(f"{indent}> {' '.join(quote.split())}")


def dump(model: ArgumentMap) -> str:
    lines = [f"# {model.title}", ""]
    source = model.source
    facts = [f for f in (source.author, source.published, source.title and f"*{source.title}*") if f]
    if facts:
        lines += [", ".join(facts), ""]
    if model.description:
        lines += [" ".join(model.description.split()), ""]
    done: set[str] = set()

    def claim_line(claim_id: str, prefix: str, depth: int) -> None:
        claim = model.claims[claim_id]
        indent = "  " * depth
        marks = [claim.role] + (["implicit"] if claim.implicit else [])
        marks += [model.actors[a].name if a in model.actors else a for a in claim.actors]
        lines.append(f"{indent}- {prefix}**{claim.text}** _({', '.join(marks)})_")
        _quote(lines, claim.quotes, indent + "  ")
        if claim_id in done:
            if model.arguments_for(claim_id) or model.objections_to(claim_id):
                lines.append(f"{indent}  - (its reasons are given above)")
            return
        done.add(claim_id)
        for argument in model.arguments_for(claim_id):
            scheme = f" ({argument.scheme.replace('-', ' ')})" if argument.scheme else ""
            together = "together, " if len(argument.premises) > 1 else ""
            lines.append(f"{indent}  - Because{scheme}, {together}`{argument.id}`:")
            for premise in argument.premises:
                claim_line(premise, "", depth + 2)
            for objection in model.objections_to(argument.id):
                claim_line(objection.claim, "Objection to this inference: ", depth + 2)
        for objection in model.objections_to(claim_id):
            claim_line(objection.claim, "Objection: ", depth + 1)

    lines += ["## Thesis", ""]
    claim_line(model.thesis, "", 0)
    rest = [c for c in model.claims if c not in done]
    if rest:
        lines += ["", "## Claims not reached from the thesis", ""]
        for claim_id in rest:
            if claim_id not in done:
                claim_line(claim_id, "", 0)
    return "\n".join(lines).rstrip() + "\n"
