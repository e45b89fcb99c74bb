"""Building an argmap map from another format, with every loss of information reported as a warning."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from ..model import ID_PATTERN
from ..reading.document import Dumper

ID = re.compile(ID_PATTERN)
ID_LENGTH = 64  # the schema's longest id
TEXT_LENGTH = 4000  # the schema's longest text
TAG = re.compile(r"[^\s#][^#\n]*")
TAG_LENGTH = 64


def slug(text: str, fallback: str) -> str:
    """A valid argmap id made from a title or a foreign id."""
    text = str(text)
    if ID.match(text):
        return text
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")  # Erwägung: erwagung
    words = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()[:60].strip("-")
    return words if words and ID.match(words) else fallback


def _fit(base: str, suffix: str) -> str:
    """base + suffix, with base cut so that the whole stays a valid id."""
    return base[:ID_LENGTH - len(suffix)].rstrip("-_.") + suffix


class Importer:
    """Collects claims, arguments and objections under foreign names, and writes a valid map from them.

    Foreign names are looked up per kind ("claim", "argument"); each gets an argmap id made from a hint
    (by default the name itself), unique across kinds. Arguments that would close a circle of support and
    objections of a claim against itself are refused, since a map may hold neither.
    """

    def __init__(self, map_id: str, title: str):
        self.map_id, self.title = map_id, title
        self.meta: dict = {}
        self.claims: dict[str, dict] = {}
        self.arguments: dict[str, dict] = {}
        self.objections: dict[tuple[str, str], tuple] = {}  # (claim, target) -> (name, note, id hint)
        self.tensions: dict[frozenset, dict] = {}  # {claim, claim} -> the tension's item, with "name"
        self.warnings: list[str] = []
        self.notes: list[str] = []  # what the user should know that is not a loss (figures, renamed ids)
        self._ids: dict[tuple[str, str], str] = {}  # (kind, foreign name) -> argmap id
        self._taken: set[str] = set()
        self._next: dict[tuple[str, str], int] = {}
        self._settled: dict | None = None
        self._by_claims: dict[tuple, str] = {}  # (conclusion, premises) -> the first argument with them
        self._quoted = False

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def note(self, message: str) -> None:
        self.notes.append(message)

    def _id(self, kind: str, name, hint=None) -> str:
        key = (kind, str(name))
        if key not in self._ids:
            source = str(name if hint is None else hint)
            base = slug(source, f"{kind[0]}{len(self._ids) + 1}")
            if re.fullmatch(r"\d+", source):
                base = f"{kind[0]}{source}"
            candidate, number = base, self._next.get((base, kind), 1)
            while candidate in self._taken:  # base, base-kind, base-kind-2, base-kind-3, ...
                candidate = _fit(base, f"-{kind}" if number == 1 else f"-{kind}-{number}")
                number += 1
            self._next[(base, kind)] = number  # the next of many alike starts where this one stopped
            self._taken.add(candidate)
            self._ids[key] = candidate
        return self._ids[key]

    def has_claim(self, name) -> bool:
        return ("claim", str(name)) in self._ids

    def claim_id(self, name) -> str | None:
        return self._ids.get(("claim", str(name)))

    def argument_id(self, name) -> str | None:
        found = self._ids.get(("argument", str(name)))
        return found if found in self.arguments else None

    def claim(self, name, text: str, role=None, quotes=None, implicit=False, actors=None, section=None, tags=None,
              note=None, hint=None, conditional=None) -> str:
        claim_id = self._id("claim", name, hint)
        text = text if text and text.strip() else str(name)
        if len(text) > TEXT_LENGTH:
            self.warn(f"the text of {claim_id} was cut to {TEXT_LENGTH} characters (it had {len(text)})")
            text = text[:TEXT_LENGTH - 1] + "\u2026"
        item: dict[str, Any] = {"text": text}
        if quotes:
            item["quote"] = quotes[0] if len(quotes) == 1 else list(quotes)
        tags = self._tags(claim_id, tags)
        item.update({key: value for key, value in (("role", role), ("actor", actors), ("section", section),
                                                  ("tags", tags), ("note", note)) if value})
        if implicit:
            item["implicit"] = True
        if conditional:
            item["conditional"] = conditional  # its parts are foreign names until data() resolves them
        self.claims[claim_id] = item
        return claim_id

    def _tags(self, owner: str, tags) -> list[str]:
        kept: list[str] = []
        for given in tags or []:
            tag = str(given)
            if TAG.fullmatch(tag) and len(tag) <= TAG_LENGTH:
                if tag not in kept:
                    kept.append(tag)
            else:
                self.warn(f"the tag {tag!r} of {owner} was dropped: an argmap tag is one line of at most "
                          f"{TAG_LENGTH} characters, without '#', that does not start with a space")
        return kept

    def spell_out(self, name, target, kind: str) -> None:
        """name specifies (kind 'specifies') or is a means to (kind 'means-to') target."""
        if not (self.has_claim(name) and self.has_claim(target)):
            self.warn(f"a spell-out from {name} to {target} was dropped: it names an unknown statement")
            return
        targets = self.claims[self._id("claim", name)].setdefault(kind, [])
        if self._id("claim", target) not in targets:
            targets.append(self._id("claim", target))

    def tension(self, first, second, name: str | None = None, kind: str | None = None, note: str | None = None) -> None:
        if not (self.has_claim(first) and self.has_claim(second)) or first == second:
            self.warn(f"a tension between {first} and {second} was dropped: it needs two known statements")
            return
        pair = [self._id("claim", first), self._id("claim", second)]
        item = {"claims": pair, **({"kind": kind} if kind else {}), **({"note": note} if note else {})}
        self.tensions.setdefault(frozenset(pair), {**item, "name": name})

    def argument(self, name, conclusion, premises, scheme=None, section=None, text=None, tags=None, note=None,
                 hint=None, report=True, exhaustive=None) -> str | None:
        """The id of the new argument, or None (with a warning when report) if it cannot be made."""
        problem = self.argument_problem(conclusion, premises)
        if problem:
            if report:
                self.warn(f"argument {name} was dropped: {problem}")
            return None
        item = {"conclusion": self._id("claim", conclusion), "premises": [self._id("claim", p) for p in premises]}
        argument_id = self._id("argument", name, hint)
        if exhaustive is not None and self.has_claim(exhaustive):
            exhaustive = self._id("claim", exhaustive)
        item.update({key: value for key, value in (("scheme", slug(scheme, "") if scheme else None),
                                                  ("exhaustive", exhaustive), ("section", section), ("text", text),
                                                  ("tags", self._tags(argument_id, tags)), ("note", note)) if value})
        self.arguments[argument_id] = item
        self._by_claims.setdefault((item["conclusion"], tuple(item["premises"])), argument_id)
        return argument_id

    def argument_problem(self, conclusion, premises) -> str | None:
        """Why an argument from premises to conclusion (foreign names) cannot be made, or None."""
        missing = [p for p in [conclusion, *premises] if not self.has_claim(p)]
        if missing:
            return f"it names unknown statements {missing}"
        if str(conclusion) in map(str, premises):
            return "it supports itself"
        return None

    def support(self, premise, conclusion, name=None, hint=None, report=True) -> str | None:
        """An argument from one premise to a conclusion; an existing one with the same claims is reused."""
        problem = self.argument_problem(conclusion, [premise])
        if problem is None:
            found = self._by_claims.get((self._id("claim", conclusion), (self._id("claim", premise),)))
            if found in self.arguments:
                return found
        return self.argument(name or f"{premise}-supports-{conclusion}", conclusion, [premise], hint=hint,
                             report=report)

    def objection(self, objector, target, name: str | None = None, note: str | None = None,
                  target_kind: str | None = None, report=True, hint=None) -> tuple[str, str] | None:
        """An objection of a claim against a claim or an argument (foreign names); its key, or None.

        target_kind "claim" or "argument" says what target names ("argument-id": an argmap argument's id);
        without it, an argument is looked for first.
        """
        problem, pair = self._objection(objector, target, target_kind)
        if problem:
            if report:
                self.warn(f"an objection from {objector} to {target} was dropped: {problem}")
            return None
        if pair not in self.objections:
            self.objections[pair] = (name, note, hint)
        return pair

    def _objection(self, objector, target, target_kind):
        if not self.has_claim(objector):
            return "the objector is not a statement", None
        target_id = None
        if target_kind == "argument-id":  # target is already the argmap id of an argument
            target_id = target if target in self.arguments else None
        if target_kind in (None, "argument"):
            target_id = self.argument_id(target)
        if target_id is None and target_kind in (None, "claim"):
            target_id = self.claim_id(target)
        if target_id is None:
            return "no such statement or argument", None
        claim_id = self._id("claim", objector)
        attacked = self.arguments[target_id]["conclusion"] if target_id in self.arguments else target_id
        if claim_id == attacked:
            return f"{claim_id} would attack itself", None
        return None, (claim_id, target_id)

    def settle(self, report: bool = True) -> dict[tuple, str]:
        """Drop what a map may not hold: arguments that close a circle of support, and the objections to them.

        Returns the dropped elements, ("argument", id) or ("objection", (claim, target)), with the reason;
        warns about each when report. Done once; later calls return the same.
        """
        if self._settled is not None:
            return self._settled
        dropped: dict[tuple, str] = {}
        for argument_id in _circular(self.arguments):
            item = self.arguments.pop(argument_id)
            dropped[("argument", argument_id)] = (
                f"it closes a circle of support ({', '.join(item['premises'])} -> {item['conclusion']}), "
                "which a map may not hold")
        for pair in [p for p in self.objections if ("argument", p[1]) in dropped]:
            del self.objections[pair]
            dropped[("objection", pair)] = f"its target, the argument {pair[1]}, was dropped"
        if report:
            for (kind, key), reason in dropped.items():
                label = key if kind == "argument" else f"{key[0]} -> {key[1]}"
                self.warn(f"{kind} {label} was dropped: {reason}")
        self._settled = dropped
        return dropped

    def _thesis(self) -> str | None:
        if self.meta.get("thesis") and self.has_claim(self.meta["thesis"]):
            return self._id("claim", self.meta["thesis"])
        premises = {p for a in self.arguments.values() for p in a["premises"]}
        used = premises | {o for o, _ in self.objections}
        concluded = {a["conclusion"] for a in self.arguments.values()}
        attacked = {t for _, t in self.objections}
        tops = (  # what nothing builds on and an argument concludes; then rival positions that attack each other
            [c for c in self.claims if c not in used and c in concluded]
            or [c for c in self.claims if c not in premises and c in concluded]
            or [c for c in self.claims if c not in used and c in attacked]
            or [c for c in self.claims if c not in used] or list(self.claims))
        if len(tops) > 1:
            self.warn(f"{len(tops)} claims could be the thesis; chose {tops[0]!r} (set 'thesis:' to change it)")
        return tops[0] if tops else None

    def data(self) -> dict:
        self.settle()
        map_id = slug(self.map_id, "imported")
        if map_id != str(self.map_id) and not any("the map's id" in n for n in self.notes):
            self.note(f"the map's id {str(self.map_id)!r} is not an argmap id; it became {map_id!r}")
        data: dict[str, Any] = {"argmap": 1, "id": map_id, "title": self.title}
        for key in ("description", "source", "actors", "sections"):
            if self.meta.get(key):
                data[key] = self.meta[key]
        thesis = self._thesis()
        if thesis:
            data["thesis"] = thesis
        data["claims"] = self.claims
        if self.arguments:
            data["arguments"] = self.arguments
        if self.objections:
            data["objections"] = {}
            for number, ((claim, target), (name, note, hint)) in enumerate(self.objections.items(), 1):
                item = {"claim": claim, "target": target, **({"note": note} if note else {})}
                objection_id = self._id("objection", name or f"o{number}", hint)
                if objection_id in data["objections"]:  # a name given twice: the second gets an id of its own
                    objection_id = self._id("objection", f"{name}\x00{number}", hint or name)
                data["objections"][objection_id] = item
        for claim_item in self.claims.values():  # a conditional's parts, named in the foreign format's names
            parts = claim_item.get("conditional")
            if isinstance(parts, dict):
                claim_item["conditional"] = {part: self._id("claim", value) if self.has_claim(value) else value
                                             for part, value in parts.items()}
        if self.tensions:
            data["tensions"] = {}
            for number, tension in enumerate(self.tensions.values(), 1):
                item = dict(tension)
                data["tensions"][self._id("tension", item.pop("name") or f"t{number}")] = item
        unquoted = sum(1 for c in self.claims.values() if "quote" not in c and not c.get("implicit"))
        if unquoted and not self._quoted:
            self._quoted = True
            self.warn(f"{unquoted} claim{'s' * (unquoted != 1)} have no quote (the format had none to give)")
        return data

    def yaml(self, output: str | None = None) -> str:
        from ..checking.schema import modeline

        header = modeline(output if output and output != "-" else None) + "\n"
        return header + yaml.dump(self.data(), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def _circular(arguments: dict[str, dict]) -> list[str]:
    """Arguments whose removal leaves no circle of support: those that close one, found by one depth-first pass
    without recursion (what is left is acyclic: every kept edge points towards a claim finished earlier)."""
    edges: dict[str, list[tuple[str, str]]] = {}
    for argument_id, item in arguments.items():
        for premise in item["premises"]:
            edges.setdefault(premise, []).append((item["conclusion"], argument_id))
    state: dict[str, int] = {}  # 1 on the path, 2 done
    dropped: list[str] = []
    for root in edges:
        if root in state:
            continue
        state[root] = 1
        path = [(root, iter(edges.get(root, ())))]
        while path:
            node, children = path[-1]
            for child, argument_id in children:
                if argument_id in dropped:
                    continue
                if state.get(child) == 1:
                    dropped.append(argument_id)
                elif child not in state:
                    state[child] = 1
                    path.append((child, iter(edges.get(child, ()))))
                    break
            else:
                state[node] = 2
                path.pop()
    return dropped


def _front_matter(text: str) -> dict:
    """The YAML front matter of an Argdown text (between the first two '===' lines), or {}."""
    from ..reading.document import parse_bytes

    match = re.match(r"\s*===\s*\n(.*?)\n===\s*\n", text, re.DOTALL)
    if not match:
        return {}
    doc = parse_bytes(match.group(1).encode("utf-8"), "front matter")
    return doc.data if isinstance(doc.data, dict) else {}


def read(text: str, kind: str, name: str, map_id: str | None = None, title: str | None = None) -> Importer:
    """The importer filled from a text in kind (aif, argdown, argdown-json); raises ImportFailed."""
    import json

    from ..errors import ImportFailed
    from . import aif, argdown

    stem = Path(name).stem
    importer = Importer(map_id or stem, title or stem)
    try:
        if kind == "aif":
            document = json.loads(text)
            aif.load(document, importer)
            meta = document.get("argmap", {}) if isinstance(document, dict) else {}
            importer.title = title or meta.get("title") or importer.title
            importer.map_id = map_id or meta.get("id") or importer.map_id
        else:
            front = _front_matter(text) if kind == "argdown" else {}
            model = argdown.parse(text) if kind == "argdown" else json.loads(text)
            if not isinstance(model, dict):
                raise ValueError("not the JSON that 'argdown json' writes: it is not an object")
            importer.meta.update(front.get("argmap") or {})
            importer.title = title or (str(front["title"]) if front.get("title") else importer.title)
            importer.map_id = map_id or importer.meta.get("id") or importer.map_id
            argdown.load(model, importer, text if kind == "argdown" else None)
    except argdown.ArgdownError as error:
        raise ImportFailed(f"{name}: {error}") from None
    except RecursionError:
        raise ImportFailed(f"{name}: nested too deeply to read as {kind}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ImportFailed(f"{name}: cannot read it as {kind}: {error}") from None
    if not importer.claims:
        raise ImportFailed(f"{name}: it holds no statements or arguments to make claims of")
    return importer
