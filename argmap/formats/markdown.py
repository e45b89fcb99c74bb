"""A Markdown outline of a map, to read or paste into a report: thesis, arguments, premises, objections, what
spells a claim out, what follows from the thesis, and the tensions."""
from __future__ import annotations

from ..escaping import markdown
from ..model import MEANS, SPECIFIES, ArgumentMap

MAX_INDENT = 12  # levels of nesting shown as indentation; deeper claims say their level (a long chain stays linear)


def _quote(lines: list[str], quotes, indent: str) -> None:
    lines.extend(f"{indent}> {markdown(quote)}" for quote in quotes)


def dump(model: ArgumentMap) -> str:
    lines = [f"# {markdown(model.title)}", ""]
    source = model.source
    facts = [markdown(f) for f in (source.author, source.published) if f]
    facts += [f"*{markdown(source.title)}*"] if source.title else []
    if facts:
        lines += [", ".join(facts), ""]
    if model.description:
        lines += [markdown(model.description), ""]
    done: set[str] = set()

    def outline(claim_id: str, prefix: str = "", depth: int = 0) -> None:
        """Depth first, with a stack of its own: the deepest chain of reasons is as long as the map."""
        stack: list[tuple] = [("claim", claim_id, prefix, depth)]
        while stack:
            kind, *item = stack.pop()
            if kind == "line":
                lines.append(item[0])
                continue
            current, lead, level = item
            claim = model.claims[current]
            indent = "  " * level
            marks = [claim.role] + (["implicit"] if claim.implicit else [])
            marks += ["conditional"] if claim.conditional else []
            marks += [markdown(model.actors[a].name) for a in claim.actors]
            lines.append(f"{indent}- {lead}**{markdown(claim.text)}** _({', '.join(marks)})_")
            _quote(lines, claim.quotes, indent + "  ")
            if current in done:
                if model.arguments_for(current) or model.objections_to(current):
                    lines.append(f"{indent}  - (its reasons are given above)")
                continue
            done.add(current)
            todo: list[tuple] = []
            for argument in model.arguments_for(current):
                scheme = f" ({argument.scheme.replace('-', ' ')})" if argument.scheme else ""
                together = "together, " if len(argument.premises) > 1 else ""
                exhaustive = f" (the options are all: `{argument.exhaustive}`)" if argument.exhaustive else ""
                todo.append(("line", f"{indent}  - Because{scheme}, {together}`{argument.id}`{exhaustive}:"))
                todo += [("claim", premise, "", level + 2) for premise in argument.premises]
                todo += [("claim", o.claim, "Objection to this inference: ", level + 2)
                         for o in model.objections_to(argument.id)]
            todo += [("claim", o.claim, "Objection: ", level + 1) for o in model.objections_to(current)]
            for kind, heading in ((MEANS, "Means to this (how):"), (SPECIFIES, "Spelled out by:")):
                spellers = [c.id for k, c in model.spelled_out_by(current) if k == kind]
                if spellers:
                    todo.append(("line", f"{indent}  - {heading}"))
                    todo += [("claim", c, "", level + 2) for c in spellers]
            general = [(k, t) for k, t in claim.spells_out() if t not in done]
            if general:
                todo.append(("line", f"{indent}  - Spells out:"))
                todo += [("claim", t, "As a means to: " if k == MEANS else "", level + 2) for k, t in general]
            stack.extend(reversed(todo))

    lines += ["## Thesis", ""]
    outline(model.thesis)
    corollaries = [a for a in model.arguments.values() if a.corollary and a.conclusion not in done]
    if corollaries:
        lines += ["", "## Follows from the thesis", ""]
        for argument in corollaries:
            if argument.conclusion not in done:
                outline(argument.conclusion)
    rest = [c for c in model.claims if c not in done]
    if rest:
        lines += ["", "## Claims not reached from the thesis", ""]
        for claim_id in rest:
            if claim_id not in done:
                outline(claim_id)
    if model.tensions:
        lines += ["", "## Tensions", ""]
        for tension in model.tensions.values():
            first, second = (model.claims[c] for c in tension.claims)
            note = f": {markdown(tension.note)}" if tension.note else ""
            lines.append(f"- **{markdown(first.text)}** \u2194 **{markdown(second.text)}** _({tension.kind})_{note}")
    return "\n".join(lines).rstrip() + "\n"
