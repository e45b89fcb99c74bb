"""Building an argmap map from another format, with every loss of information reported as a warning."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..model import ID_PATTERN
from ..reading.document import Dumper

ID = re.compile(ID_PATTERN)


def slug(text: str, fallback: str) -> str:
    """A valid argmap id made from a title or a foreign id."""
    text = str(text)
    if ID.match(text):
        return text
    words = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60].strip("-")
    return words if words and ID.match(words) else fallback


class Importer:
    """Collects claims, arguments and objections under foreign names, and writes a valid map from them."""

    def __init__(self, map_id: str, title: str):
        self.map_id, self.title = slug(map_id, "imported"), title
        self.meta: dict = {}
        self.claims: dict[str, dict] = {}
        self.arguments: dict[str, dict] = {}
        self.objections: dict[tuple[str, str], tuple[str | None, str | None]] = {}  # (claim, target) -> (name, note)
        self.tensions: dict[frozenset, dict] = {}  # {claim, claim} -> the tension's item, with "name"
        self.warnings: list[str] = []
        self._ids: dict[tuple[str, str], str] = {}  # (kind, foreign name) -> argmap id
        self._taken: set[str] = set()

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def _id(self, kind: str, name) -> str:
        key = (kind, str(name))
        if key not in self._ids:
            base = slug(name, f"{kind[0]}{len(self._ids) + 1}")
            if re.fullmatch(r"\d+", str(name)):
                base = f"{kind[0]}{name}"
            candidate, number = base, 2
            while candidate in self._taken:
                candidate = f"{base}-{kind}" if number == 2 else f"{base}-{kind}-{number}"
                number += 1
            self._taken.add(candidate)
            self._ids[key] = candidate
        return self._ids[key]

    def has_claim(self, name) -> bool:
        return ("claim", str(name)) in self._ids

    def claim(self, name, text: str, role=None, quotes=None, implicit=False, actors=None, section=None, tags=None,
              note=None, conditional=None) -> str:
        claim_id = self._id("claim", name)
        item = {"text": text or str(name)}
        if quotes:
            item["quote"] = quotes[0] if len(quotes) == 1 else list(quotes)
        for key, value in (("role", role), ("actor", actors), ("section", section), ("tags", tags), ("note", note)):
            if value:
                item[key] = value
        if implicit:
            item["implicit"] = True
        if conditional:
            item["conditional"] = conditional  # its parts are foreign names until data() resolves them
        self.claims[claim_id] = item
        return claim_id

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
                 exhaustive=None) -> None:
        missing = [p for p in [conclusion, *premises] if not self.has_claim(p)]
        if missing:
            self.warn(f"argument {name} was dropped: it names unknown statements {missing}")
            return
        item = {"conclusion": self._id("claim", conclusion), "premises": [self._id("claim", p) for p in premises]}
        if exhaustive is not None and self.has_claim(exhaustive):
            exhaustive = self._id("claim", exhaustive)
        for key, value in (("scheme", slug(scheme, "") if scheme else None), ("exhaustive", exhaustive),
                           ("section", section), ("text", text), ("tags", tags), ("note", note)):
            if value:
                item[key] = value
        if item["conclusion"] in item["premises"]:
            self.warn(f"argument {name} was dropped: it supports itself")
            return
        self.arguments[self._id("argument", name)] = item

    def support(self, premise, conclusion) -> None:
        self.argument(f"{premise}-supports-{conclusion}", conclusion, [premise])

    def objection(self, objector, target, name: str | None = None, note: str | None = None) -> None:
        if not self.has_claim(objector):
            self.warn(f"an objection from {objector} was dropped: it is not a statement")
            return
        if ("argument", str(target)) in self._ids:
            target_id = self._ids[("argument", str(target))]
        elif self.has_claim(target):
            target_id = self._id("claim", target)
        else:
            self.warn(f"an objection to {target} was dropped: no such statement or argument")
            return
        pair = (self._id("claim", objector), target_id)
        if pair not in self.objections:
            self.objections[pair] = (name, note)

    def _thesis(self) -> str | None:
        if self.meta.get("thesis") and self.has_claim(self.meta["thesis"]):
            return self._id("claim", self.meta["thesis"])
        used = {p for a in self.arguments.values() for p in a["premises"]} | {o for o, _ in self.objections}
        tops = [c for c in self.claims if c not in used and any(a["conclusion"] == c for a in self.arguments.values())]
        if not tops:
            tops = [c for c in self.claims if c not in used] or list(self.claims)
        if len(tops) > 1:
            self.warn(f"{len(tops)} claims could be the thesis; chose {tops[0]!r} (set 'thesis:' to change it)")
        return tops[0] if tops else None

    def data(self) -> dict:
        data = {"argmap": 1, "id": self.map_id, "title": self.title}
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
            for number, ((claim, target), (name, note)) in enumerate(self.objections.items(), 1):
                item = {"claim": claim, "target": target, **({"note": note} if note else {})}
                data["objections"][self._id("objection", name or f"o{number}")] = item
        for item in self.claims.values():  # a conditional's parts, named in the foreign format's names
            if isinstance(item.get("conditional"), dict):
                item["conditional"] = {part: self._id("claim", value) if self.has_claim(value) else value
                                       for part, value in item["conditional"].items()}
        if self.tensions:
            data["tensions"] = {}
            for number, item in enumerate(self.tensions.values(), 1):
                item = dict(item)
                name = item.pop("name")
                data["tensions"][self._id("tension", name or f"t{number}")] = item
        unquoted = sum(1 for c in self.claims.values() if "quote" not in c and not c.get("implicit"))
        if unquoted:
            self.warn(f"{unquoted} claim{'s' * (unquoted != 1)} have no quote (the format had none to give)")
        return data

    def yaml(self, output: str | None = None) -> str:
        from ..checking.schema import modeline

        header = modeline(output if output and output != "-" else None) + "\n"
        return header + yaml.dump(self.data(), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def _front_matter(text: str) -> dict:
    """The YAML front matter of an Argdown text (between the first two '===' lines), or {}."""
    from ..reading.document import parse_bytes

    match = re.match(r"\s*===\s*\n(.*?)\n===\s*\n", text, re.S)
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
            importer.meta.update(front.get("argmap") or {})
            importer.title = title or front.get("title") or importer.title
            importer.map_id = map_id or importer.meta.get("id") or importer.map_id
            argdown.load(model, importer)
    except argdown.ArgdownError as error:
        raise ImportFailed(str(error)) from None
    except RecursionError:
        raise ImportFailed(f"{name}: nested too deeply to read as {kind}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ImportFailed(f"{name}: cannot read it as {kind}: {error}") from None
    return importer
