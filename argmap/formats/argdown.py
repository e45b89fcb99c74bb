"""Argdown: write a map as Argdown text, and read the JSON model that Argdown's own parser makes.

Writing: statements `[id]: text #tags {argmap: {...}}`, one argument per inference with its
premise-conclusion structure, attacks (`->`) and undercuts (`_>`) under the objecting statement,
a tension as Argdown's contradiction (`><`) under its first claim, `#` headings for sections, and the
map's metadata in the front matter. Everything argmap knows that
Argdown has no place for travels in the `argmap` data of each element, so that reading it back is
lossless. Texts are escaped wherever Argdown would read markup: comments (`//`, `/*`), tags, links,
mentions, emphasis, shortcodes (`.~.`, `:smile:`), front matter (`===`). An id that Argdown's parser
cannot take as a title (`constructor`, `toString`, ...: the names every JavaScript object has) is
written as `[constructor (id)]` and read back as `constructor`.

Reading goes through the reference parser (`argdown json`), never through a parser of our own, and keeps
every relation it reports, as argmap's format best carries it:

- a statement becomes a claim; a reconstructed argument (with a premise-conclusion structure) becomes one
  argument per inference step; a *sketched* argument (`<A>: description`, no structure) becomes a claim
  whose text is the description: the argument's gist, which its relations then connect;
- support (and entailment) becomes an argument from the supporting claim (a sketched argument's claim, a
  reconstructed argument's conclusion) to the supported one; a support for a reconstructed argument that
  names none of its premises becomes a reason for its conclusion;
- attack becomes a rebuttal; an attack on a reconstructed argument that names none of its premises becomes
  an objection to the argument as a whole (argmap's undercut);
- undercut becomes an objection to the argument (to the inference step it names); the undercut of a
  sketched argument is an objection to the arguments made from its supports, and, when it supports nothing
  (argmap has no objection to an objection), a rebuttal of its claim;
- contrary and contradictory statements (symmetric in Argdown) become two rebuttals, one each way.

Every change of kind and every loss is named in a warning, and a note gives how many of the relations
that Argdown's parser reports were kept.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from ..model import ROLES, UNDERCUT, ArgumentMap
from .importer import Importer, slug

# Names every JavaScript object has: Argdown's parser crashes on a statement or argument titled so.
UNSAFE_TITLES = frozenset({"constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
                           "toLocaleString", "toString", "valueOf", "__proto__", "__defineGetter__",
                           "__defineSetter__", "__lookupGetter__", "__lookupSetter__"})
_SAFE_SUFFIX = " (id)"

# Markup that Argdown reads anywhere in a line: always escaped.
_ALWAYS = re.compile(r"[\\\[\]<>#{}*_@]")
# Markup made of two characters: '//' and '/*' (comments), '.x.' and ':x:' (shortcodes), '===' (front matter).
_PAIRED = re.compile(r"/(?=[/*])|[.:](?=\S)|=(?===)")
# Characters that end a line for Argdown's lexer or its YAML reader, or that are invisible.
_INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _title(element_id: str) -> str:
    """The Argdown title of an argmap id."""
    return element_id + _SAFE_SUFFIX if element_id in UNSAFE_TITLES else element_id


def _name(title: str) -> str:
    """The argmap id of an Argdown title written by _title (and any other title unchanged)."""
    if title.endswith(_SAFE_SUFFIX) and title[:-len(_SAFE_SUFFIX)] in UNSAFE_TITLES:
        return title[:-len(_SAFE_SUFFIX)]
    return title


def _text(text: str) -> str:
    """Argdown text with its markup characters escaped, on one line."""
    line = " ".join(text.split())
    return _PAIRED.sub(lambda m: "\\" + m.group(), _ALWAYS.sub(lambda m: "\\" + m.group(), line))


def _string(text: str) -> str:
    """A JSON string that Argdown's data and front matter cannot misread: no brace ends the data early, no
    '===' ends the front matter, no line separator breaks the line."""
    def escape(char: str) -> str:
        if len(char) == 1 and ord(char) > 0xFFFF:
            high, low = divmod(ord(char) - 0x10000, 0x400)
            return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
        return f"\\u{ord(char):04x}"

    encoded = json.dumps(text, ensure_ascii=False)
    encoded = re.sub(r"[{}]|=(?===)", lambda m: escape(m.group()), encoded)
    return "".join(escape(c) if unicodedata.category(c) in _INVISIBLE else c for c in encoded)


def _data(value) -> str:
    """value as JSON, which is valid inline YAML, with every string made safe by _string."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_string(str(k))}: {_data(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_data(v) for v in value) + "]"
    if isinstance(value, str):
        return _string(value)
    return json.dumps(value)


def _tag(tag: str) -> str | None:
    """The Argdown tag, or None when Argdown cannot show it (the element's data keeps it)."""
    if re.fullmatch(r"[A-Za-z0-9-]+", tag):
        return f"#{tag}"
    if ")" in tag or any(unicodedata.category(c) in _INVISIBLE for c in tag) or tag != tag.strip():
        return None
    return f"#({tag})"


def dump(model: ArgumentMap) -> str:
    front: dict[str, Any] = {"title": model.title, "argmap": {"id": model.id, "thesis": model.thesis}}
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
    made_by: dict[str, list] = {}  # claim -> its objections
    for objection in model.objections.values():
        target = _title(objection.target)
        arrow = f"_> <{target}>" if objection.kind == UNDERCUT else f"-> [{target}]"
        attacks.setdefault(objection.claim, []).append(f"  {arrow}")
        made_by.setdefault(objection.claim, []).append(objection)
    for tension in model.tensions.values():  # Argdown has no spell-out; its contradiction is symmetric, as a tension is
        attacks.setdefault(tension.claims[0], []).append(f"  >< [{_title(tension.claims[1])}]")

    def statement(claim) -> list[str]:
        tags = [claim.role] + (["implicit"] if claim.implicit else []) + list(claim.tags)
        tags += [f"actor: {model.actors[a].name}" for a in claim.actors]
        objections = [{k: v for k, v in {"id": o.id, "target": o.target, "note": o.note}.items() if v}
                      for o in made_by.get(claim.id, ())]
        data = {"role": claim.role, "quotes": list(claim.quotes), "implicit": claim.implicit,
                "actors": list(claim.actors), "section": claim.section, "tags": list(claim.tags), "note": claim.note,
                "objections": objections, **_beyond_support(model, claim)}
        if " ".join(claim.text.split()) != claim.text:
            data["text"] = claim.text  # Argdown text is one line: keep line breaks and spacing here
        data = {k: v for k, v in data.items() if v not in (None, [], False)}
        shown = " ".join(t for t in map(_tag, tags) if t)
        head = f"[{_title(claim.id)}]: {_text(claim.text)} " + shown + f" {_data({'argmap': data})}"
        return [head, *attacks.get(claim.id, []), ""]

    def argument(arg) -> list[str]:
        data = {k: v for k, v in {"scheme": arg.scheme, "exhaustive": arg.exhaustive, "section": arg.section,
                                  "tags": list(arg.tags), "note": arg.note, "text": arg.text}.items()
                if v not in (None, [])}
        head = f"<{_title(arg.id)}>" + (f": {_text(arg.text)}" if arg.text else "") + f" {_data({'argmap': data})}"
        body = [f"({n}) [{_title(p)}]" for n, p in enumerate(arg.premises, start=1)]
        rule = f"-- {_text(arg.scheme.replace('-', ' '))} --" if arg.scheme else "----"
        return [head, "", *body, rule, f"({len(arg.premises) + 1}) [{_title(arg.conclusion)}]", ""]

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
                                      encoding="utf-8", errors="replace", timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ArgdownError(f"Argdown's parser did not run: {error}") from None
        output = Path(folder) / "map.json"
        if finished.returncode != 0 or not output.exists():
            message = failure(finished.stdout + "\n" + finished.stderr)
            unsafe = sorted(set(re.findall(r"[\[<]\s*(\w+)\s*[\]>]", text)) & UNSAFE_TITLES)
            if unsafe and "refused" not in message:
                message += (f"; Argdown's parser cannot take {unsafe[0]!r} as the title of a statement or argument: "
                            "rename it")
            raise ArgdownError(message)
        return json.loads(output.read_text(encoding="utf-8"))


def failure(output: str) -> str:
    """One line from what Argdown's parser printed when it failed: the first syntax error with its place,
    or the error that ended it, without the colours, the temporary file's name and the Node stack trace."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    errors = re.findall(r"^At (\d+):(\d+)\s*\n\s*(\S.*)$", output, re.MULTILINE)
    if errors:
        line, column, message = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return f"Argdown's parser refused the text at line {line}, column {column}: {message.strip()}{more}"
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    meaningful = [line for line in lines if not line.startswith("at ") and "export canceled" not in line
                  and not line.startswith(("Argdown syntax errors in", "node:", "^"))]
    message = meaningful[0] if meaningful else (lines[0] if lines else "it printed nothing")
    if "Maximum call stack size exceeded" in message:
        return f"Argdown's parser gave up: the text is nested too deeply for it ({message})"
    if re.match(r"\w*Error\b", message):
        return f"Argdown's parser failed on the text: {message}"
    return f"Argdown's parser refused the text: {message}"


# Reading ---------------------------------------------------------------------------------------------------

_SYMBOL = {"support": "+>", "entails": "+>", "attack": "->", "undercut": "_>", "contrary": "-", "contradictory": "><"}


def _texts(members: list | None, roles: tuple[str, ...] | None = None) -> list[str]:
    """The distinct texts of an element's members (tags cut out, links with their address), in order."""
    found: list[str] = []
    for member in members or []:
        if not isinstance(member, dict) or (roles and member.get("role") not in roles):
            continue
        text = _member_text(member)
        if text and text not in found:
            found.append(text)
    return found


def _member_text(member: dict) -> str:
    text = str(member.get("text") or "")
    at = [0] * (2 * len(text) + 1)  # JavaScript counts UTF-16 code units: where each one falls in the text
    unit = 0
    for index, char in enumerate(text):
        for _ in range(2 if ord(char) > 0xFFFF else 1):
            at[unit] = index
            unit += 1
    at[unit] = len(text)
    edits = []
    for span in member.get("ranges") or []:
        start, stop = span.get("start"), span.get("stop")
        if not isinstance(start, int) or not isinstance(stop, int) or not 0 <= start <= stop < unit:
            continue
        start, stop = at[start], at[stop]
        if span.get("type") == "tag" and text[start:start + 1] == "#":
            edits.append((start, stop + 1, " "))
        elif span.get("type") == "link" and span.get("url"):
            edits.append((stop + 1, stop + 1, f" ({span['url']})"))
    for start, stop, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[stop:]
    return " ".join(text.split())


def _argmap_data(element: dict) -> dict:
    data = (element.get("data") or {}) if isinstance(element.get("data"), dict) else {}
    found = data.get("argmap")
    return found if isinstance(found, dict) else {}


class _Reader:
    """Argdown's JSON model read into an Importer, relation by relation, with the fate of each recorded."""

    def __init__(self, model: dict, importer: Importer):
        self.importer = importer
        self.statements = {_name(t): s for t, s in (model.get("statements") or {}).items() if isinstance(s, dict)}
        self.arguments = {_name(t): a for t, a in (model.get("arguments") or {}).items() if isinstance(a, dict)}
        self.relations = [r for r in model.get("relations") or [] if isinstance(r, dict)]
        self.sections = self._sections(model.get("sections") or [])
        self.conclusion: dict[str, str] = {}  # reconstructed argument -> its main conclusion (statement)
        self.steps: dict[str, dict[int, str]] = {}  # reconstructed argument -> {conclusion index: argmap argument}
        self.premises: dict[str, dict[str, str]] = {}  # reconstructed argument -> {premise: argmap argument}
        self.sketched: set[str] = set()
        self.supports: dict[str, list[str]] = {}  # sketched argument -> argmap arguments made of its supports
        self.named: dict[tuple[str, str], dict] = {}  # (claim, target) -> the objection's argmap data
        self.named_tensions: dict[tuple[str, str], dict] = {}  # (claim, other claim) -> the tension's argmap data

    def _sections(self, sections: list) -> dict[str, str]:
        """Argdown's section ids -> argmap section ids, when the map's sections are not in the front matter."""
        if self.importer.meta.get("sections"):
            return {}
        found: dict[str, str] = {}
        made: dict[str, dict] = {}
        pending = list(sections)
        while pending:
            section = pending.pop(0)
            if not isinstance(section, dict) or not section.get("id"):
                continue
            title = " ".join(str(section.get("title") or section["id"]).split()) or str(section["id"])
            base = slug(title, "section")
            section_id, number = base, 2
            while section_id in made:
                section_id, number = f"{base[:60]}-{number}", number + 1
            made[section_id] = {"title": title[:4000]}
            found[str(section["id"])] = section_id
            pending[0:0] = section.get("children") or []
        if made:
            self.importer.meta["sections"] = made
        return found

    # elements

    def read_statements(self) -> None:
        for name, statement in self.statements.items():
            data = _argmap_data(statement)
            for objection in data.get("objections") or []:
                if isinstance(objection, dict) and objection.get("target"):
                    self.named[(name, str(objection["target"]))] = objection
            tags = [str(t) for t in statement.get("tags") or []]
            if data:
                role = data.get("role")
                text = data.get("text")
            else:
                role = next((t for t in tags if t in ROLES), None)
                text = None
            if not text:
                texts = _texts(statement.get("members"))
                text = texts[0] if texts else None
                if len(texts) > 1:
                    self.importer.warn(f"the statement [{name}] is written with {len(texts)} different texts; "
                                       "the first was kept")
            kept_tags = [t for t in tags if t not in ROLES and t != "implicit" and not t.startswith("actor:")]
            self.importer.claim(name, text or name, role=role, quotes=data.get("quotes"),
                                implicit=data.get("implicit", "implicit" in tags), actors=data.get("actors"),
                                section=data.get("section") or self.sections.get(str(statement.get("section"))),
                                tags=data.get("tags", kept_tags), note=data.get("note"),
                                conditional=data.get("conditional"))
        self.named_tensions = self._spell_outs_and_tensions()

    def _spell_outs_and_tensions(self) -> dict[tuple[str, str], dict]:
        """Spell-outs from argmap's data on statements; the tensions named there, by (claim, other claim)."""
        named: dict[tuple[str, str], dict] = {}
        for name, statement in self.statements.items():
            data = _argmap_data(statement)
            for kind in ("specifies", "means-to"):
                for target in data.get(kind) or []:
                    self.importer.spell_out(name, str(target), kind)
            for tension in data.get("tensions") or []:
                if isinstance(tension, dict) and tension.get("with"):
                    other = str(tension["with"])
                    named[(name, other)] = named[(other, name)] = tension
        return named

    def read_arguments(self) -> None:
        for name, argument in self.arguments.items():
            data: dict = {}
            for member in argument.get("members") or []:
                if isinstance(member, dict):
                    data.update(_argmap_data(member))
            data.update(_argmap_data(argument))
            pcs = argument.get("pcs") or next((m["pcs"] for m in argument.get("members") or []
                                               if isinstance(m, dict) and m.get("pcs")), None)
            texts = _texts(argument.get("members"), ("argument-description",))
            if len(texts) > 1:
                self.importer.warn(f"the argument <{name}> has {len(texts)} different descriptions; "
                                   "the first was kept")
            section = data.get("section") or self.sections.get(str(argument.get("section")))
            tags = data.get("tags", [str(t) for t in argument.get("tags") or []])
            if pcs:
                self._reconstructed(name, pcs, data, data.get("text") or (texts[0] if texts else None), section, tags)
            else:
                self.sketched.add(name)
                self.importer.claim(f"<{name}>", texts[0] if texts else name, section=section, tags=tags,
                                    note=f"The Argdown argument <{name}>, sketched: its description.", hint=name)

    def _reconstructed(self, name: str, pcs: list, data: dict, text, section, tags) -> None:
        premises: list[str] = []
        steps: dict[int, str] = {}
        used: dict[str, str] = {}
        count = sum(1 for m in pcs if m.get("role") in ("intermediary-conclusion", "main-conclusion"))
        step = 0
        for index, member in enumerate(pcs):
            title = _name(str(member.get("title")))
            if member.get("role") == "premise":
                premises.append(title)
                continue
            if member.get("role") not in ("intermediary-conclusion", "main-conclusion"):
                continue
            step += 1
            rules = (member.get("inference") or {}).get("inferenceRules") or []
            scheme = data.get("scheme") or ("-".join(str(rules[0]).lower().split()) if rules else None)
            argument_id = self.importer.argument(name if step == count else f"{name}-step-{step}", title, premises,
                                                 scheme=scheme, section=section, text=text, tags=tags,
                                                 note=data.get("note"),
                                                 exhaustive=data.get("exhaustive") if step == count else None)
            if argument_id:
                steps[index] = argument_id
                used.update(dict.fromkeys(premises, argument_id))
            premises = [title]
            self.conclusion[name] = title
        if step > 1:
            self.importer.warn(f"argument <{name}> has {step} inference steps; each became an argument of its own")
        self.steps[name] = steps
        self.premises[name] = used

    # relations

    def _claim(self, name: str, kind: str | None) -> str | None:
        """The importer's name for the claim that stands for an element in a relation."""
        if kind == "argument":
            if name in self.sketched:
                return f"<{name}>"
            return self.conclusion.get(name)
        return name if self.importer.has_claim(name) else None

    def _main(self, name: str) -> str | None:
        steps = self.steps.get(name) or {}
        return steps[max(steps)] if steps else None

    @staticmethod
    def show(relation: dict) -> str:
        def element(name, kind):
            return f"<{_name(str(name))}>" if kind in ("argument", "inference") else f"[{_name(str(name))}]"
        kind = str(relation.get("relationType"))
        return (f"{element(relation.get('from'), relation.get('fromType'))} {_SYMBOL.get(kind, kind)} "
                f"{element(relation.get('to'), relation.get('toType'))}")

    def read_relations(self) -> None:
        phase = {"equivalence-class": 0, "argument": 1}  # statements first: later phases look for what they made
        ordered = sorted(self.relations, key=lambda r: 2 if r.get("relationType") == "undercut"
                         else phase.get(str(r.get("toType")), 2))
        outcomes = [(relation, *self._relation(relation)) for relation in ordered]
        dropped = self.importer.settle(report=False)
        kept = 0
        blamed: set = set()
        for relation, elements, found, change in outcomes:
            lost = [e for e in elements if e in dropped]
            problem = found
            if problem is None and lost:
                problem = dropped[lost[0]]
                blamed.update(lost)
            label = f"{_KIND.get(relation.get('relationType'), 'the relation')} {self.show(relation)}"
            if problem is not None:
                self.importer.warn(f"{label} was lost: {problem}")
                continue
            kept += 1
            if change:
                self.importer.warn(f"{label} {change}")
        for (kind, key), reason in dropped.items():
            if (kind, key) not in blamed:
                label = key if kind == "argument" else f"{key[0]} -> {key[1]}"
                self.importer.warn(f"{kind} {label} was dropped: {reason}")
        total = len(self.relations)
        if total:
            self.importer.note(f"{kept} of the {total} relations that Argdown's parser reports were kept as "
                               f"arguments or objections ({100 * kept / total:.0f}%)")
        else:
            self.importer.note("Argdown's parser reports no relations")
        self.kept, self.total = kept, total

    def _relation(self, relation: dict) -> tuple[list, str | None, str | None]:
        """(the elements that carry it, why it was lost or None, how it changed kind or None)."""
        kind = relation.get("relationType")
        source, target = _name(str(relation.get("from"))), _name(str(relation.get("to")))
        source_kind, target_kind = relation.get("fromType"), relation.get("toType")
        claim = self._claim(source, source_kind)
        if claim is None:
            return [], f"{self._element(source, source_kind)} has no claim to carry it", None
        if kind in ("support", "entails"):
            return self._support(claim, source, source_kind, target, target_kind)
        if kind == "attack":
            return self._attack(claim, source, target, target_kind)
        if kind == "contradictory" and (source, target) in self.named_tensions:  # argmap's own tension, back
            tension = self.named_tensions[(source, target)]
            self.importer.tension(source, target, name=tension.get("id"), kind=tension.get("kind"),
                                  note=tension.get("note"))
            return [], None, None
        if kind in ("contrary", "contradictory"):
            other = self._claim(target, target_kind)
            if other is None:
                return [], f"{self._element(target, target_kind)} has no claim to carry it", None
            found = [self._object(claim, other, "claim", self.named.get((source, target))),
                     self._object(other, claim, "claim", self.named.get((target, source)))]
            if any(isinstance(f, str) for f in found):
                return [], next(f for f in found if isinstance(f, str)), None
            return found, None, "became two rebuttals, one each way (argmap has no symmetric attack)"
        if kind == "undercut":
            return self._undercut(claim, source, target, target_kind, relation.get("conclusionIndex"))
        return [], f"argmap has no relation of type {kind!r}", None

    def _element(self, name: str, kind: str | None) -> str:
        return f"<{name}>" if kind in ("argument", "inference") else f"[{name}]"

    def _object(self, claim: str, target: str, target_kind: str, named: dict | None = None):
        """An objection's element, or the reason it cannot be made (a text).

        A sketched argument's objection takes its id from the argument's title."""
        named = named or {}
        problem, _ = self.importer._objection(claim, target, target_kind)
        if problem:
            return problem
        sketched = claim[1:-1] if claim.startswith("<") and claim[1:-1] in self.sketched else None
        name = named.get("id") or (f"{claim} -> {target}" if sketched else None)
        pair = self.importer.objection(claim, target, name=name, note=named.get("note"), target_kind=target_kind,
                                       report=False, hint=None if named.get("id") else sketched)
        return ("objection", pair)

    def _argue(self, premise: str, conclusion: str, hint: str | None):
        problem = self.importer.argument_problem(conclusion, [premise])
        if problem:
            return problem
        name = f"{premise} +> {conclusion}" if hint else None
        return ("argument", self.importer.support(premise, conclusion, name=name, hint=hint, report=False))

    def _support(self, claim, source, source_kind, target, target_kind):
        hint = source if source_kind == "argument" and source in self.sketched else None
        change = None
        if target_kind == "argument" and target not in self.sketched:
            if target not in self.steps:
                return [], f"<{target}> is neither a statement nor an argument of the file", None
            if claim in self.premises[target]:  # the structure says it already: the claim is a premise
                return [("argument", self.premises[target][claim])], None, None
            conclusion = self.conclusion.get(target)
            if conclusion is None:
                return [], f"<{target}> has no conclusion", None
            goal = conclusion
            change = f"names none of <{target}>'s premises; it became a reason for its conclusion [{goal}]"
        else:
            carried = self._claim(target, target_kind)
            if carried is None:
                return [], f"{self._element(target, target_kind)} has no claim to carry it", None
            goal = carried
        if source_kind == "argument" and self.conclusion.get(source) == goal and self._main(source):
            return [("argument", self._main(source))], None, None  # the argument concludes it already
        made = self._argue(claim, goal, hint)
        if isinstance(made, str):
            return [], made, None
        if hint:
            self.supports.setdefault(source, []).append(made[1])
        return [made], None, change

    def _attack(self, claim, source, target, target_kind):
        if target_kind == "argument" and target not in self.sketched:
            main = self._main(target)
            if main is None:
                return [], f"<{target}> has no argument to carry it", None
            for premise in self.premises.get(target, {}):  # the claim rebuts a premise already
                pair = (self.importer.claim_id(claim), self.importer.claim_id(premise))
                if pair in self.importer.objections:
                    return [("objection", pair)], None, None
            made = self._object(claim, main, "argument-id")
            if isinstance(made, str):
                return [], made, None
            return [made], None, ("names none of the argument's premises; it became an objection to the "
                                  "argument as a whole (argmap's undercut)")
        goal = self._claim(target, target_kind)
        if goal is None:
            return [], f"{self._element(target, target_kind)} has no claim to carry it", None
        made = self._object(claim, goal, "claim", self.named.get((source, target)))
        return ([], made, None) if isinstance(made, str) else ([made], None, None)

    def _undercut(self, claim, source, target, target_kind, index):
        named = self.named.get((source, target))
        if target_kind == "inference" or (target_kind == "argument" and target not in self.sketched):
            steps = self.steps.get(target) or {}
            step = steps.get(index) if isinstance(index, int) and index in steps else self._main(target)
            if step is None:
                return [], f"<{target}> has no inference to carry it", None
            made = self._object(claim, step, "argument-id", named)
            return ([], made, None) if isinstance(made, str) else ([made], None, None)
        if target_kind == "argument":  # sketched: undercut the arguments made of its supports
            found = [self._object(claim, argument_id, "argument-id", named)
                     for argument_id in self.supports.get(target, [])]
            found = [f for f in found if not isinstance(f, str)]
            if found:
                return found, None, None
            change = (f"became a rebuttal of <{target}>'s claim: <{target}> supports nothing, and argmap has no "
                      "objection to an objection")
        else:
            change = "became a rebuttal: argmap undercuts arguments, not statements"
        goal = self._claim(target, target_kind)
        if goal is None:
            return [], f"{self._element(target, target_kind)} has no claim to carry it", None
        made = self._object(claim, goal, "claim", named)
        return ([], made, None) if isinstance(made, str) else ([made], None, change)


_KIND: dict[str | None, str] = {"support": "the support", "entails": "the entailment", "attack": "the attack",
                                "undercut": "the undercut",
         "contrary": "the contrary relation", "contradictory": "the contradiction"}


def load(model: dict, importer: Importer, text: str | None = None) -> _Reader:
    """Fill importer from Argdown's JSON model: statements, arguments (reconstructed or sketched), relations.

    text, the Argdown text the model was made of, is looked at for what the parser leaves out silently."""
    if text and re.search(r"^@import\b", text, re.MULTILINE):
        importer.warn("the text @imports other Argdown files, which Argdown's command-line parser does not read; "
                      "what they hold is not in the map")
    reader = _Reader(model, importer)
    reader.read_statements()
    reader.read_arguments()
    reader.read_relations()
    return reader
