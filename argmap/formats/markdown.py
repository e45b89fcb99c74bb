"""A Markdown outline of a map, to read or paste into a report: thesis, arguments, premises, objections."""
from __future__ import annotations

from ..escaping import markdown
from ..model import ArgumentMap

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
            indent = "  " * min(level, MAX_INDENT)
            if level > MAX_INDENT:
                lead = f"(level {level}) {lead}"
            marks = [claim.role] + (["implicit"] if claim.implicit else [])
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
                todo.append(("line", f"{indent}  - Because{scheme}, {together}`{argument.id}`:"))
                todo += [("claim", premise, "", level + 2) for premise in argument.premises]
                todo += [("claim", o.claim, "Objection to this inference: ", level + 2)
                         for o in model.objections_to(argument.id)]
            todo += [("claim", o.claim, "Objection: ", level + 1) for o in model.objections_to(current)]
            stack.extend(reversed(todo))

    lines += ["## Thesis", ""]
    outline(model.thesis)
    rest = [c for c in model.claims if c not in done]
    if rest:
        lines += ["", "## Claims not reached from the thesis", ""]
        for claim_id in rest:
            if claim_id not in done:
                outline(claim_id)
    return "\n".join(lines).rstrip() + "\n"
