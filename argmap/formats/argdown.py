"""Argdown: write a map as Argdown text, and read the JSON model that Argdown's own parser makes.

Writing: statements `[id]: text #tags {argmap: {...}}`, one argument per inference with its
premise-conclusion structure, attacks (`->`) and undercuts (`_>`) under the objecting statement,
a tension as Argdown's contradiction (`><`) under its first claim, `#` headings for sections, and the
map's metadata in the front matter. Everything argmap knows that
Argdown has no place for travels in the `argmap` data of each element, so that reading it back is
lossless. Reading goes through the reference parser (`argdown json`), never through a parser of our own.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ImportFailed
from ..model import ROLES, UNDERCUT, ArgumentMap
from .importer import Importer

_SPECIAL = re.compile(r"([\\\[\]<>#{}*_@])")


def _text(text: str) -> str:
    """Argdown text with its markup characters escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _data(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON is valid inline YAML


def _tag(tag: str) -> str:
    return f"#({tag})" if re.search(r"[^\w-]", tag) else f"#{tag}"


def dump(model: ArgumentMap) -> str:
    front = {"title": model.title, "argmap": {"id": model.id, "thesis": model.thesis}}
    if model.source.author:
        front["author"] = model.source.author
    if model.source.published:
        front["date"] = model.source.published
    source = {k: v for k, v in vars(model.source).items() if v and k != "omitted"}
    if model.source.omitted:
        source["omitted"] = [{"quote": list(o.quotes), "reason": o.reason} for o in model.source.omitted]
    if source:
        front["argmap"]["source"] = source
    if model.description:
        front["argmap"]["description"] = model.description
    if model.actors:
        front["argmap"]["actors"] = {a.id: {"name": a.name, **({"note": a.note} if a.note else {})}
                                     for a in model.actors.values()}
    if model.sections:
        front["argmap"]["sections"] = {s.id: {"title": s.title, **({"note": s.note} if s.note else {})}
                                       for s in model.sections.values()}
    lines = ["===", *(f"{key}: {_data(value)}" for key, value in front.items()), "===", ""]

    attacks: dict[str, list[str]] = {}
    for objection in model.objections.values():
        arrow = f"_> <{objection.target}>" if objection.kind == UNDERCUT else f"-> [{objection.target}]"
        attacks.setdefault(objection.claim, []).append(f"  {arrow}")
    for tension in model.tensions.values():  # Argdown has no spell-out; its contradiction is symmetric, as a tension is
        attacks.setdefault(tension.claims[0], []).append(f"  >< [{tension.claims[1]}]")

    def statement(claim) -> list[str]:
        tags = [claim.role] + (["implicit"] if claim.implicit else []) + list(claim.tags)
        tags += [f"actor: {model.actors[a].name}" for a in claim.actors]
        objections = [{k: v for k, v in {"id": o.id, "target": o.target, "note": o.note}.items() if v}
                      for o in model.objections.values() if o.claim == claim.id]
        data = {"role": claim.role, "quotes": list(claim.quotes), "implicit": claim.implicit,
                "actors": list(claim.actors), "section": claim.section, "tags": list(claim.tags), "note": claim.note,
                "objections": objections, **_beyond_support(model, claim)}
        if " ".join(claim.text.split()) != claim.text:
            data["text"] = claim.text  # Argdown text is one line: keep line breaks and spacing here
        data = {k: v for k, v in data.items() if v not in (None, [], False)}
        shown = " ".join(_tag(t) for t in tags if ")" not in t)  # '#(a)b)' would end early; the data keeps them
        head = f"[{claim.id}]: {_text(claim.text)} " + shown + f" {_data({'argmap': data})}"
        return [head, *attacks.get(claim.id, []), ""]

    def argument(arg) -> list[str]:
        data = {k: v for k, v in {"scheme": arg.scheme, "exhaustive": arg.exhaustive, "section": arg.section,
                                  "tags": list(arg.tags), "note": arg.note, "text": arg.text}.items()
                if v not in (None, [])}
        head = f"<{arg.id}>" + (f": {_text(arg.text)}" if arg.text else "") + f" {_data({'argmap': data})}"
        body = [f"({n}) [{p}]" for n, p in enumerate(arg.premises, start=1)]
        rule = f"-- {_text(arg.scheme.replace('-', ' '))} --" if arg.scheme else "----"
        return [head, "", *body, rule, f"({len(arg.premises) + 1}) [{arg.conclusion}]", ""]

    order = [None, *model.sections]  # what belongs to no section comes first, before any heading
    for section in order:
        claims = [c for c in model.claims.values() if c.section == section]
        arguments = [a for a in model.arguments.values() if a.section == section]
        if not claims and not arguments:
            continue
        if section is not None:
            lines += [f"# {_text(model.sections[section].title)}", ""]
        for claim in claims:
            lines += statement(claim)
        for arg in arguments:
            lines += argument(arg)
    return "\n".join(lines).rstrip() + "\n"


def _beyond_support(model: ArgumentMap, claim) -> dict:
    """What Argdown has no relation for (spell-outs, a conditional's form), and each tension's id, kind and note."""
    conditional = ({k: v for k, v in (("if", claim.antecedent), ("then", claim.consequent)) if v}
                   or True) if claim.conditional else None
    tensions = [{k: v for k, v in {"id": t.id, "with": t.claims[1], "kind": t.kind, "note": t.note}.items() if v}
                for t in model.tensions.values() if t.claims[0] == claim.id]
    return {"specifies": list(claim.specifies), "means-to": list(claim.means_to), "conditional": conditional,
            "tensions": tensions}


def argdown_command() -> list[str] | None:
    """How to run Argdown's parser: $ARGMAP_ARGDOWN, `argdown` on PATH, or the copy the test set-up installs."""
    configured = os.environ.get("ARGMAP_ARGDOWN")
    if configured:
        return configured.split()
    found = shutil.which("argdown")
    if found:
        return [found]
    bundled = Path(__file__).resolve().parents[2] / "tests" / "tools" / "node_modules" / ".bin" / "argdown"
    return [str(bundled)] if bundled.exists() else None


class ArgdownError(ImportFailed):
    pass


def parse(text: str, timeout: float = 120) -> dict:
    """Argdown's own JSON model of text, made by the reference parser; raises ArgdownError on syntax errors."""
    command = argdown_command()
    if command is None:
        raise ArgdownError("Argdown's parser is not installed: 'npm install -g @argdown/cli@1.7.5' "
                           "(or set ARGMAP_ARGDOWN), or pass the JSON that 'argdown json' writes")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "map.argdown"
        source.write_text(text, encoding="utf-8")
        try:
            finished = subprocess.run([*command, "json", str(source), folder, "-e"], capture_output=True, text=True,
                                      timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ArgdownError(f"Argdown's parser did not run: {error}") from None
        output = Path(folder) / "map.json"
        if finished.returncode != 0 or not output.exists():
            message = re.sub(r"\x1b\[[0-9;]*m", "", finished.stdout + finished.stderr).strip()
            raise ArgdownError(f"Argdown's parser refused the text: {message}")
        return json.loads(output.read_text(encoding="utf-8"))


def _statement_text(statement: dict) -> str:
    members = [m for m in statement.get("members", []) if m.get("text")]
    text = members[0]["text"] if members else statement.get("title", "")
    for tag in statement.get("tags", []):
        text = text.replace(f"#({tag})", " ").replace(f"#{tag}", " ")
    return " ".join(text.split())


def load(model: dict, importer: Importer) -> None:
    """Fill importer from Argdown's JSON model: statements, arguments with their PCS, attacks and undercuts."""
    statements = model.get("statements") or {}
    arguments = model.get("arguments") or {}
    named_objections = {}
    for title, statement in statements.items():
        data = (statement.get("data") or {}).get("argmap") or {}
        for objection in data.get("objections") or []:
            if isinstance(objection, dict) and objection.get("target"):
                named_objections[(title, objection["target"])] = objection
        tags = [t for t in statement.get("tags") or [] if t not in ROLES and t != "implicit" and not t.startswith("actor:")]
        role = data.get("role") or next((t for t in statement.get("tags") or [] if t in ROLES), None)
        importer.claim(title, data.get("text") or _statement_text(statement), role=role, quotes=data.get("quotes"),
                       implicit=data.get("implicit", "implicit" in (statement.get("tags") or [])),
                       actors=data.get("actors"), section=data.get("section"),
                       tags=data.get("tags", tags), note=data.get("note"), conditional=data.get("conditional"))
    named_tensions = _spell_outs_and_tensions(statements, importer)
    for title, argument in arguments.items():
        data = {}
        for member in argument.get("members", []):
            data.update(((member.get("data") or {}).get("argmap")) or {})
        pcs = next((m["pcs"] for m in argument.get("members", []) if m.get("pcs")), None)
        if not pcs:
            importer.warn(f"argument <{title}> has no premise-conclusion structure; only its relations are kept")
            continue
        premises: list[str] = []
        step = 0
        for member in pcs:
            if member.get("role") == "premise":
                premises.append(member["title"])
            elif member.get("role") in ("intermediary-conclusion", "main-conclusion"):
                step += 1
                argument_id = title if member.get("role") == "main-conclusion" else f"{title}-step-{step}"
                rules = (member.get("inference") or {}).get("inferenceRules") or []
                scheme = data.get("scheme") or ("-".join(rules[0].lower().split()) if rules else None)
                importer.argument(argument_id, member["title"], premises, scheme=scheme, section=data.get("section"),
                                  text=data.get("text") or _description(argument), tags=data.get("tags"),
                                  note=data.get("note"),
                                  exhaustive=data.get("exhaustive") if argument_id == title else None)
                premises = [member["title"]]
        if step > 1:
            importer.warn(f"argument <{title}> has {step} inference steps; each became an argument of its own")
    for relation in model.get("relations") or []:
        kind, source, target = relation.get("relationType"), relation.get("from"), relation.get("to")
        named = named_objections.get((source, target), {})
        source_claim = source if relation.get("fromType") != "argument" else _conclusion(arguments, source)
        if source_claim is None:
            importer.warn(f"a {kind} from <{source}> was dropped: the argument has no conclusion to carry it")
            continue
        if kind == "attack" and relation.get("toType") == "argument":
            target = _conclusion(arguments, target) or target
            importer.objection(source_claim, target)
        elif kind in ("attack", "undercut"):
            importer.objection(source_claim, target, name=named.get("id"), note=named.get("note"))
        elif kind == "support":
            target_claim = target if relation.get("toType") != "argument" else _conclusion(arguments, target)
            if target_claim and source_claim != target_claim:
                importer.support(source_claim, target_claim)
        elif kind == "contradictory" and (source, target) in named_tensions:
            named = named_tensions[(source, target)]
            importer.tension(source, target, name=named.get("id"), kind=named.get("kind"), note=named.get("note"))
        elif kind == "contradictory":
            importer.objection(source_claim, target)
            importer.objection(target, source_claim)
            importer.warn(f"the contradiction between [{source}] and [{target}] became two rebuttals")
        else:
            importer.warn(f"a relation of type {kind!r} from {source} to {target} was dropped")


def _spell_outs_and_tensions(statements: dict, importer: Importer) -> dict:
    """Spell-outs from argmap's data on statements; returns the tensions named there, by (claim, other claim)."""
    named = {}
    for title, statement in statements.items():
        data = (statement.get("data") or {}).get("argmap") or {}
        for kind in ("specifies", "means-to"):
            for target in data.get(kind) or []:
                importer.spell_out(title, target, kind)
        for tension in data.get("tensions") or []:
            if isinstance(tension, dict) and tension.get("with"):
                named[(title, tension["with"])] = named[(tension["with"], title)] = tension
    return named


def _conclusion(arguments: dict, title: str) -> str | None:
    argument = arguments.get(title) or {}
    pcs = next((m["pcs"] for m in argument.get("members", []) if m.get("pcs")), None)
    return pcs[-1]["title"] if pcs else None


def _description(argument: dict) -> str | None:
    texts = [m.get("text") for m in argument.get("members", []) if m.get("text")]
    return " ".join(texts[0].split()) if texts else None
