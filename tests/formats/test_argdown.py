"""Argdown: exports that Argdown's own parser reads back exactly, and imports of real Argdown files that keep
what they say (sketched arguments, chains of attacks, contraries), with every loss named."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

import argmap
from argmap.cli import main
from argmap.formats import argdown, jsonmodel
from argmap.formats.argdown import argdown_command
from argmap.formats.importer import slug
from conftest import FIXTURES, IN_CI, MAPS

REAL = sorted((FIXTURES / "argdown" / "real").glob("*.argdown"))
ALL_MAPS = sorted(MAPS.glob("*.yaml")) + [FIXTURES / "valid" / "tricky-labels.yaml"]


@pytest.fixture
def argdown_parser():
    if argdown_command() is None:
        if IN_CI:
            pytest.fail("Argdown's parser is missing in CI: ./quickstart.sh test installs it into tests/tools")
        pytest.skip("Argdown's parser (@argdown/cli) is not installed")


def _unordered(model) -> dict:
    """The model as JSON with list order ignored: Argdown groups elements by section."""
    return {k: sorted(map(json.dumps, v)) if isinstance(v, list) else v for k, v in jsonmodel.as_dict(model).items()}


def _import(runner, tmp_path, path, *options):
    out = tmp_path / "imported.yaml"
    result = runner.invoke(main, ["import", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return argmap.load(out), result


def _import_text(runner, tmp_path, text: str, *options):
    source = tmp_path / "map.argdown"
    source.write_text(text, encoding="utf-8")
    return _import(runner, tmp_path, source, *options)


def _warnings(result) -> list[str]:
    return [line.split(": warning: ", 1)[1] for line in result.stderr.splitlines() if ": warning: " in line]


# Export ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_export_parses_with_the_reference_parser(argdown_parser, path):
    model = argmap.load(path)
    parsed = argdown.parse(argdown.dump(model))
    assert set(parsed["statements"]) == set(model.claims)
    assert set(parsed["arguments"]) == set(model.arguments)
    kinds = sorted((r["relationType"], r["from"], r["to"]) for r in parsed["relations"])
    assert kinds == sorted([("undercut" if o.kind == "undercut" else "attack", o.claim, o.target)
                            for o in model.objections.values()]
                           + [("contradictory", *t.claims) for t in model.tensions.values()])
    for argument in model.arguments.values():
        pcs = next(m["pcs"] for m in parsed["arguments"][argument.id]["members"] if m.get("pcs"))
        assert [m["title"] for m in pcs] == [*argument.premises, argument.conclusion]
    for claim in model.claims.values():  # the text survives every escape
        text = next(m["text"] for m in parsed["statements"][claim.id]["members"] if m.get("text"))
        assert " ".join(claim.text.split()) in text


@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_round_trip_is_lossless(argdown_parser, path, tmp_path, runner):
    source = tmp_path / "map.argdown"
    assert runner.invoke(main, ["export", str(path), "--to", "argdown", "-o", str(source)]).exit_code == 0
    back, result = _import(runner, tmp_path, source)
    assert _unordered(back) == _unordered(argmap.load(path))
    assert "warning:" not in result.stderr and "0 warnings" in result.stderr


# Import of real files ----------------------------------------------------------------------------------------

def _plain(text: str) -> str:
    return " ".join(re.sub(r"#\([^)]*\)|#[\w-]+", " ", text or "").split())


class _Carried:
    """Whether the imported map carries each relation of Argdown's JSON, judged from the map alone: claims are
    found by their text (statements) or by the note naming them (sketched arguments), not by the importer's
    bookkeeping."""

    def __init__(self, parsed: dict, model):
        self.model = model
        by_text: dict[str, list[str]] = {}
        for claim in model.claims.values():
            by_text.setdefault(claim.text, []).append(claim.id)
        self.claim: dict[tuple[str, str], str] = {}
        self.goals: dict[str, set[str]] = {}  # argument title -> the claims its inferences conclude
        for title, statement in parsed["statements"].items():
            texts = [_plain(m.get("text")) for m in statement["members"] if _plain(m.get("text"))]
            found = by_text.get(texts[0] if texts else title, [])  # two statements may say the same: the title decides
            self.claim[("s", title)] = next((c for c in found if c == slug(title, "")), found[0] if found else None)
        for title, arg in parsed["arguments"].items():
            pcs = arg.get("pcs") or []
            if pcs:
                conclusions = [self.claim[("s", m["title"])] for m in pcs if m["role"] != "premise"]
                self.claim[("a", title)] = conclusions[-1]
                self.goals[title] = set(conclusions)
            else:
                self.claim[("a", title)] = next(c.id for c in model.claims.values()
                                                if c.note and f"<{title}>" in c.note)
                self.goals[title] = {self.claim[("a", title)]}

    def element(self, name, kind):
        return self.claim.get(("a" if kind in ("argument", "inference") else "s", name))

    def __call__(self, relation: dict) -> bool:
        kind, source, target = relation["relationType"], relation["from"], relation["to"]
        model = self.model
        claim = self.element(source, relation["fromType"])
        target_claim = self.element(target, relation["toType"])
        goals = self.goals.get(target, {target_claim}) if relation["toType"] != "equivalence-class" else {target_claim}
        inferences = {a.id for a in model.arguments.values() if a.conclusion in goals}
        if kind in ("support", "entails"):
            return claim in goals or any(claim in a.premises for a in model.arguments.values() if a.conclusion in goals)
        rebuttals = {(o.claim, o.target) for o in model.objections.values()}
        if kind in ("contrary", "contradictory"):
            return {(claim, target_claim), (target_claim, claim)} <= rebuttals
        premises = {p for a in model.arguments.values() if a.id in inferences for p in a.premises}
        targets = goals | inferences | premises if kind == "attack" else goals | inferences
        if kind == "undercut" and relation["toType"] == "argument":
            targets |= {a.id for a in model.arguments.values() if target_claim in a.premises}
        return any((claim, t) in rebuttals for t in targets)


@pytest.fixture(scope="module")
def parsed_real(tmp_path_factory) -> dict:
    """Argdown's JSON of every real file, made by one run of its parser (as `argdown json` writes it for a user)."""
    command = argdown_command()
    if command is None:
        if IN_CI:
            pytest.fail("Argdown's parser is missing in CI: ./quickstart.sh test installs it into tests/tools")
        pytest.skip("Argdown's parser (@argdown/cli) is not installed")
    out = tmp_path_factory.mktemp("argdown-json")
    subprocess.run([*command, "json", str(REAL[0].parent / "*.argdown"), str(out)], check=True, capture_output=True,
                   timeout=300)
    return {path.stem: json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8")) for path in REAL}


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_files_keep_their_relations(parsed_real, path):
    """At least 95% of the relations that Argdown's parser reports are carried by arguments or objections (judged
    from the map, not from the importer's count), the closing note says how many, and every loss is named."""
    parsed = parsed_real[path.stem]
    relations = parsed["relations"]
    imported = argmap.import_map(json.dumps(parsed), "argdown-json", path.with_suffix(".json").name)
    model = argmap.loads(imported.yaml)
    carried = _Carried(parsed, model)
    kept = [r for r in relations if carried(r)]
    assert len(kept) >= 0.95 * len(relations), [r for r in relations if not carried(r)]
    assert f"{len(kept)} of the {len(relations)} relations that Argdown's parser reports were kept" in imported.notes[0]
    for relation in relations:  # every loss is named
        if not carried(relation):
            assert any(argdown._Reader.show(relation) in w and "lost" in w for w in imported.warnings), relation
    assert len(model.claims) >= len(parsed["statements"])  # nothing said is dropped: every statement is a claim


def test_hand_written_file(argdown_parser, runner, tmp_path):
    model, result = _import(runner, tmp_path, FIXTURES / "argdown" / "relations.argdown")
    assert model.title == "Phones at school" and model.thesis == "Ban"
    assert {a.id: (a.premises, a.conclusion) for a in model.arguments.values()} == {
        "Fairness-step-1": (("Alike", "fair-rules"), "Fair"), "Fairness": (("Fair",), "Ban"),
        "Distraction-supports-Ban": (("Distraction",), "Ban")}
    assert model.arguments["Fairness"].scheme == "modus-ponens"
    assert {(o.claim, o.target, o.kind) for o in model.objections.values()} == {
        ("Office", "Emergency", "rebut"), ("Emergency", "Ban", "rebut"), ("Enforce", "Fairness", "undercut"),
        ("Always", "Never", "rebut"), ("Never", "Always", "rebut")}
    assert model.claims["Enforce"].tags == ("objection",)
    assert model.sections["the-case"].title == "The case" and model.claims["Ban"].section == "the-case"
    assert "2 inference steps" in result.stderr and "became two rebuttals" in result.stderr


def test_sketched_pro_and_con_map(argdown_parser, runner, tmp_path):
    """Argdown's own example: 1 statement and 17 sketched arguments, each a claim with its support or attack."""
    model, result = _import(runner, tmp_path, FIXTURES / "argdown" / "real" / "legalisation-softdrugs.argdown")
    assert (len(model.claims), len(model.arguments), len(model.objections)) == (18, 9, 10)
    assert model.thesis == "legalisation-of-soft-drugs"
    claim = model.claims["no-harm-no-ban"]
    assert claim.text.startswith("The role of legislation is to protect society from harm") and claim.tags == ("pro",)
    assert "<No harm, no ban>" in claim.note
    assert model.arguments["no-harm-no-ban-argument"].premises == ("no-harm-no-ban",)
    assert model.arguments["no-harm-no-ban-argument"].conclusion == "legalisation-of-soft-drugs"
    assert model.objections["law-must-protect-objection"].target == "legalisation-of-soft-drugs"
    # an undercut of a sketched argument that supports: an objection to the argument made of that support
    poor = next(o for o in model.objections.values() if o.claim == "poor-reason")
    assert (poor.target, poor.kind) == ("alcohol-and-tobacco-analogy-argument", "undercut")
    # ... of one that attacks: argmap has no objection to an objection, so a rebuttal, said in a warning
    addiction = next(o for o in model.objections.values() if o.claim == "addiction-no-reason-to-ban")
    assert (addiction.target, addiction.kind) == ("argument-from-addiction", "rebut")
    assert any("<Addiction no reason to ban> _> <Argument from addiction> became a rebuttal" in w
               for w in _warnings(result))
    assert "19 of the 19 relations" in result.stderr


def test_a_chain_of_attacks_imports_as_a_chain(argdown_parser, runner, tmp_path):
    model, result = _import(runner, tmp_path, FIXTURES / "argdown" / "real" / "reinstatement-4chain.argdown")
    assert {c.id: c.text for c in model.claims.values()} == {
        "A": "claim a.", "B": "claim b.", "C": "claim c.", "D": "claim d."}
    assert {(o.claim, o.target, o.kind) for o in model.objections.values()} == {
        ("B", "A", "rebut"), ("C", "B", "rebut"), ("D", "C", "rebut")}
    assert model.thesis == "A"
    assert "3 of the 3 relations" in result.stderr


def test_statement_relations_contraries_and_contradictions(argdown_parser, runner, tmp_path):
    text = """===
model:
    mode: strict
===

[A]: a.
  + [B]: b.
  - [C]: c.
  >< [D]: d.
"""
    model, result = _import_text(runner, tmp_path, text)
    assert {(a.premises, a.conclusion) for a in model.arguments.values()} == {(("B",), "A")}
    assert {(o.claim, o.target) for o in model.objections.values()} == {("C", "A"), ("A", "C"), ("D", "A"), ("A", "D")}
    warnings = _warnings(result)
    assert any("contrary relation [C] - [A] became two rebuttals" in w for w in warnings)
    assert any("contradiction [A] >< [D] became two rebuttals" in w for w in warnings)
    assert "3 of the 3 relations" in result.stderr


def test_relations_of_reconstructed_arguments(argdown_parser, runner, tmp_path):
    text = """<R>: A reconstructed argument.

(1) [P1]: p1.
(2) [P2]: p2.
----
(3) [K]: k.

[P1]
  - [X]: x rebuts a premise.

<R>
  - [X]
  - [Y]: y names no premise.
  + [Z]: z names no premise.
  + [P2]
  _ [U]: u undercuts.

<S>: A sketched argument.
  +> <R>
"""
    model, result = _import_text(runner, tmp_path, text)
    objections = {(o.claim, o.target, o.kind) for o in model.objections.values()}
    assert ("X", "P1", "rebut") in objections  # the attack on <R> is the rebuttal of its premise
    assert ("Y", "R", "undercut") in objections and ("U", "R", "undercut") in objections
    assert {(a.premises, a.conclusion) for a in model.arguments.values()} >= {
        (("P1", "P2"), "K"), (("Z",), "K"), (("S",), "K")}
    warnings = _warnings(result)
    assert any("[Y] -> <R> names none of the argument's premises" in w for w in warnings)
    assert any("[Z] +> <R> names none of <R>'s premises; it became a reason for its conclusion [K]" in w
               for w in warnings)
    assert "6 of the 6 relations" in result.stderr  # Argdown folds <R> - [X] into [P1] - [X]


def test_undercut_of_an_inference_step(argdown_parser, runner, tmp_path):
    text = """<a>

(1) s1
(2) s2
-----
    <_ [t1]: undercutter
(3) s3
(4) s4
-----
(5) s5
"""
    model, _ = _import_text(runner, tmp_path, text)
    assert {(o.claim, o.target) for o in model.objections.values()} == {("t1", "a-step-1")}


def test_what_argmap_cannot_hold_is_named(argdown_parser, runner, tmp_path):
    text = """[A]: a.
  + [B]: b.
    + [A]

<S>: self-undermining claim.
  - <S>
  - <T>: external defeater.
"""
    model, result = _import_text(runner, tmp_path, text)
    warnings = _warnings(result)
    assert any(w.startswith("the attack <S> -> <S> was lost: S would attack itself") for w in warnings)
    assert any("was lost: it closes a circle of support" in w for w in warnings)
    assert len(model.arguments) == 1 and {(o.claim, o.target) for o in model.objections.values()} == {("T", "S")}
    assert "2 of the 4 relations" in result.stderr


def test_texts_titles_tags_and_sections(argdown_parser, runner, tmp_path):
    text = """# Erste Erwägungen

[Main claim]: see [the docs](https://x.org/a) now 🙂 #t #(x y)
  + <Pro one>: Because. #pro

[Main claim]: the same, said again.
"""
    model, result = _import_text(runner, tmp_path, text, "--id", "My Map")
    assert model.id == "my-map" and "became 'my-map'" in result.stderr
    claim = model.claims["main-claim"]
    assert claim.text == "see the docs (https://x.org/a) now 🙂" and claim.tags == ("t", "x y")
    assert claim.section == "erste-erwagungen" and model.sections["erste-erwagungen"].title == "Erste Erwägungen"
    assert model.claims["pro-one"].tags == ("pro",)
    assert any("[Main claim] is written with 2 different texts" in w for w in _warnings(result))


# Round-trip defects: each export must come back exactly from Argdown's own parser ------------------------

NASTY = {  # claim id: a text that Argdown would misread unless escaped
    "url": "See https://example.org/a//b for more.",
    "tags": "Point #1 and #(x) matter, a#b.",
    "line-separator": "Line one\u2028{argmap: leak} line two",
    "front-matter-line": "Before\n===\nafter",
    "front-matter-inline": "a, === b",
    "front-matter-start": "=== at the start",
    "shortcodes": "e.g. this.that at 10:30, :smile: .~. :A: and .happy. too.",
    "comments": "/* not a comment */ and <!-- nor this --> and // nor this",
    "markup": "*a* _b_ **c** __d__ [link](http://x.org) @[mention] @<arg>",
    "braces": "Braces {a: 1} and } x and { y",
    "backslashes": "Backslash \\ and \\n and trailing \\",
    "unicode": "Unicode 🙂 ‘x’ “y” — z, 𝐀",
    "arrows": "Dashes -- and --- and -> and +> and >< and _> and <- done",
    "line-starts": "(1) numbered and 1. listed and * bullet",
    "titles": "[A]: fake statement and <B>: fake argument",
    "invisible": "Separators\u2028and\u2029zero\u200bwidth",
}
UNSAFE = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
          "toLocaleString"]


def _map_file(tmp_path, data: dict):
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [p for p in argmap.validate(path) if p.is_error] == []
    return path


@pytest.fixture
def nasty_map(tmp_path):
    """Every text of NASTY, with tags, notes, a section, an argument summary and metadata that are just as bad."""
    claims = {cid: {"text": text, "implicit": True} for cid, text in NASTY.items()}
    claims["tags"]["tags"] = ["1", "x", "x y", "a(b", "𝐀", "t\u2028u"]
    claims["url"]["section"] = "s"
    return _map_file(tmp_path, {
        "argmap": 1, "id": "nasty", "title": "A === title // with {x}", "description": "D\u2028===", "thesis": "url",
        "sections": {"s": {"title": "Section // #1 ==="}}, "claims": claims,
        "arguments": {"a": {"conclusion": "url", "premises": ["tags", "braces"], "text": "Summary // #1 {x} ==="}},
        "objections": {f"o-{cid}": {"claim": cid, "target": "url", "note": "} x === \u2028"}
                       for cid in list(NASTY)[3:]}})


def test_export_of_hostile_texts_is_read_back_exactly_by_argdown(argdown_parser, nasty_map):
    model = argmap.load(nasty_map)
    parsed = argdown.parse(argdown.dump(model))
    assert set(parsed["statements"]) == set(model.claims)
    misread = {}
    for claim in model.claims.values():
        statement = parsed["statements"][claim.id]
        data = (statement.get("data") or {}).get("argmap") or {}
        texts = argdown._texts(statement["members"])
        read = (data.get("text") or (texts[0] if texts else None), data.get("tags", []))
        if read != (claim.text, list(claim.tags)):
            misread[claim.id] = read
    assert misread == {}
    assert parsed["arguments"]["a"]["members"][0]["data"]["argmap"]["text"] == model.arguments["a"].text
    assert len(parsed["relations"]) == len(model.objections)


def test_round_trip_of_hostile_texts_is_lossless(argdown_parser, nasty_map, tmp_path, runner):
    source = tmp_path / "nasty.argdown"
    assert runner.invoke(main, ["export", str(nasty_map), "--to", "argdown", "-o", str(source)]).exit_code == 0
    back, result = _import(runner, tmp_path, source)
    assert _unordered(back) == _unordered(argmap.load(nasty_map))
    assert "warning:" not in result.stderr


def test_round_trip_of_ids_that_every_javascript_object_has(argdown_parser, tmp_path, runner):
    """Argdown's parser crashes on a statement or argument titled 'constructor': the export writes such ids as
    '[constructor (id)]', and the import reads them back."""
    claims = {name: {"text": f"The id {name}.", "implicit": True} for name in UNSAFE[:5]}
    path = _map_file(tmp_path, {
        "argmap": 1, "id": "unsafe", "title": "Unsafe ids", "thesis": "constructor", "claims": claims,
        "arguments": {"propertyIsEnumerable": {"conclusion": "constructor", "premises": ["toString", "valueOf"]}},
        "objections": {"toLocaleString": {"claim": "hasOwnProperty", "target": "propertyIsEnumerable"},
                       "o": {"claim": "isPrototypeOf", "target": "constructor"}}})
    source = tmp_path / "unsafe.argdown"
    assert runner.invoke(main, ["export", str(path), "--to", "argdown", "-o", str(source)]).exit_code == 0
    assert "[constructor (id)]: The id constructor." in source.read_text()
    back, result = _import(runner, tmp_path, source)
    assert _unordered(back) == _unordered(argmap.load(path))
    assert "warning:" not in result.stderr


# Failures ---------------------------------------------------------------------------------------------------

def test_syntax_error_is_one_line_with_its_place(argdown_parser, runner, tmp_path):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: text {a: 1} #tag\n\n[B]: x {b: 2} #t\n")
    result = runner.invoke(main, ["import", str(bad), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 1 and not (tmp_path / "out.yaml").exists()
    assert "Argdown's parser refused the text at line 1, column 18: Expecting token" in result.output
    assert "(and 1 more)" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "/tmp" not in result.output.replace(str(bad), "")


@pytest.mark.parametrize("text, expected", [
    ("[constructor]: text\n", "Argdown's parser cannot take 'constructor' as the title"),
    ("[A]: a\n" + "".join("  " * i + f"- [s{i}]: s\n" for i in range(1, 400)), "nested too deeply"),
])
def test_parser_crash_is_one_line_not_a_node_stack_trace(argdown_parser, runner, tmp_path, text, expected):
    bad = tmp_path / "bad.argdown"
    bad.write_text(text)
    result = runner.invoke(main, ["import", str(bad)])
    assert result.exit_code == 1 and expected in result.output
    assert len(result.output.strip().splitlines()) == 1 and " at " not in result.output


@pytest.mark.parametrize("name, text", [
    ("deep.json", "[" * 100000 + "]" * 100000),
    ("deep-model.json", '{"statements": ' + "[" * 100000 + "]" * 100000 + "}"),
])
def test_deeply_nested_input_is_refused_cleanly(runner, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    for options in ([], ["--from", "argdown"], ["--from", "aif"]):
        result = runner.invoke(main, ["import", str(path), *options])
        assert result.exit_code == 1 and "nested too deeply" in result.output, (options, result.output)
        assert "Traceback" not in result.output and not isinstance(result.exception, RecursionError)


# The importer's limits, through the JSON that `argdown json` writes (no parser needed) ------------------------

def _model(statements=(), arguments=(), relations=()) -> str:
    def members(text, role):
        return [{"type": "statement", "role": role, "text": text}] if text else []
    return json.dumps({
        "statements": {t: {"title": t, "members": members(x, "top-level-statement")} for t, x in statements},
        "arguments": {t: {"title": t, "members": members(x, "argument-description"), "pcs": []} for t, x in arguments},
        "relations": [{"relationType": k, "from": f, "fromType": ft, "to": t, "toType": tt}
                      for k, f, ft, t, tt in relations]})


def test_long_titles_texts_and_tags_stay_within_the_schema():
    title = "A very long statement title " * 4
    text = "word " * 1000
    imported = argmap.import_map(_model(
        statements=[(title, text), (title.upper(), "other")],
        arguments=[(title, "a sketched argument"), (title + "!", "another")],
        relations=[("support", title, "argument", title, "equivalence-class"),
                   ("support", title + "!", "argument", title, "equivalence-class"),
                   ("attack", title.upper(), "equivalence-class", title, "argument")]), "argdown-json", "long.json")
    model = argmap.loads(imported.yaml)
    assert all(len(i) <= 64 for i in [*model.claims, *model.arguments, *model.objections])
    assert len(model.claims) == 4 and len(model.arguments) == 2 and len(model.objections) == 1
    assert len(next(iter(model.claims.values())).text) == 4000 and any("was cut to 4000" in w for w in imported.warnings)
    assert imported.notes == ("3 of the 3 relations that Argdown's parser reports were kept as arguments or "
                              "objections (100%)",)


def test_a_sketched_argument_with_many_supports_gets_an_argument_for_each():
    targets = [(f"T{i}", f"target {i}") for i in range(5)]
    imported = argmap.import_map(_model(
        statements=targets, arguments=[("A", "the gist")],
        relations=[("support", "A", "argument", t, "equivalence-class") for t, _ in targets]), "argdown-json", "m.json")
    model = argmap.loads(imported.yaml)
    assert sorted(model.arguments) == ["A-argument", "A-argument-2", "A-argument-3", "A-argument-4", "A-argument-5"]
    assert {a.premises for a in model.arguments.values()} == {("A",)}


def test_no_statements_and_no_arguments_is_a_clear_error():
    with pytest.raises(argmap.errors.ImportFailed, match="holds no statements or arguments"):
        argmap.import_map(_model(), "argdown-json", "empty.json")
