"""AIF, Markdown and JSON: exports, imports of files written by other tools, round trips (Argdown: test_argdown.py)."""
from __future__ import annotations

import json

import jsonschema
import pytest

import argmap
from argmap.cli import main
from argmap.formats import aif, jsonmodel, markdown
from argmap.formats.argdown import argdown_command
from conftest import FIXTURES, IN_CI, MAPS, ROOT

BUNDLED = sorted(MAPS.glob("*.yaml"))
ALL_MAPS = BUNDLED + [FIXTURES / "valid" / "tricky-labels.yaml"]


@pytest.fixture
def argdown_parser():
    if argdown_command() is None:
        if IN_CI:
            pytest.fail("Argdown's parser is missing in CI: ./quickstart.sh test installs it into tests/tools")
        pytest.skip("Argdown's parser (@argdown/cli) is not installed")


def _unordered(model) -> dict:
    """The model as JSON with list order ignored: Argdown groups elements by section."""
    return {k: sorted(map(json.dumps, v)) if isinstance(v, list) else v for k, v in jsonmodel.as_dict(model).items()}


def _write_and_load(runner, tmp_path, args, name="back.yaml"):
    out = tmp_path / name
    result = runner.invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return argmap.load(out), result


@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_aif_round_trip_keeps_claims_arguments_and_relations(path, tmp_path, runner):
    model = argmap.load(path)
    exported = tmp_path / "map.json"
    assert runner.invoke(main, ["export", str(path), "--to", "aif", "-o", str(exported)]).exit_code == 0
    back, result = _write_and_load(runner, tmp_path, ["import", str(exported)])
    assert back.id == model.id and back.title == model.title and back.thesis == model.thesis
    assert {c.id: c.text for c in back.claims.values()} == {c.id: c.text for c in model.claims.values()}
    assert {a.id: (a.conclusion, a.premises, a.scheme) for a in back.arguments.values()} == {
        a.id: (a.conclusion, a.premises, a.scheme) for a in model.arguments.values()}
    assert {o.id: (o.claim, o.target, o.kind) for o in back.objections.values()} == {
        o.id: (o.claim, o.target, o.kind) for o in model.objections.values()}
    assert f"{len(model.claims)} claims have no quote" in result.stderr  # the loss of quotes is reported


def test_aif_export_shape():
    model = argmap.load(MAPS / "school-phones.yaml")
    document = aif.dump(model)
    assert document["locutions"] == []
    types = {n["nodeID"]: n["type"] for n in document["nodes"]}
    assert sum(t == "I" for t in types.values()) == len(model.claims)
    assert sum(t == "RA" for t in types.values()) == len(model.arguments)
    assert sum(t == "CA" for t in types.values()) == len(model.objections)
    for node in document["nodes"]:
        assert set(node) >= {"nodeID", "text", "type", "timestamp"} and len(node["timestamp"]) == 19
    for edge in document["edges"]:  # I -> RA -> I, I -> CA -> I or RA
        pair = (types[edge["fromID"]], types[edge["toID"]])
        assert pair in {("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA")}
    undercut = next(o for o in model.objections.values() if o.kind == "undercut")
    assert (undercut.id, undercut.target) in {(e["fromID"], e["toID"]) for e in document["edges"]}
    assert types[undercut.target] == "RA"


@pytest.mark.parametrize("name, claims, arguments, objections, warnings", [
    ("minimal.json", 3, 1, 1, ["3 claims have no quote"]),
    ("tab-indented.json", 3, 1, 1, []),
    ("xaif-dialogue.json", 4, 1, 2, ["3 nodes of type L (dialogue) skipped", "1 node of type TA (dialogue) skipped",
                                     "2 nodes of type YA (dialogue) skipped"]),
    ("minified.json", 5, 2, 0, ["1 node of type XYZ skipped", "RA node r has 2 conclusions",
                                "MA (rephrase) node m was dropped", "PA (preference) node p was dropped",
                                "1 edge to or from nodes not kept"]),
])
def test_aif_import_of_files_written_by_other_tools(runner, tmp_path, name, claims, arguments, objections, warnings):
    model, result = _write_and_load(runner, tmp_path, ["import", str(FIXTURES / "aif" / name)])
    assert (len(model.claims), len(model.arguments), len(model.objections)) == (claims, arguments, objections)
    for warning in warnings:
        assert warning in result.stderr
    assert "Traceback" not in result.output


def test_aif_import_keeps_the_undercut_and_the_scheme(runner, tmp_path):
    model, _ = _write_and_load(runner, tmp_path, ["import", str(FIXTURES / "aif" / "xaif-dialogue.json")])
    assert model.thesis == "c11"
    assert model.arguments["a16"].scheme == "argument-from-consequences"
    assert {(o.claim, o.target, o.kind) for o in model.objections.values()} == {
        ("c19", "c11", "rebut"), ("c21", "a16", "undercut")}


def test_import_of_something_else_is_a_clear_error(runner, tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": "world"}')
    result = runner.invoke(main, ["import", str(junk), "--from", "aif"])
    assert result.exit_code == 1 and "not AIF" in result.output and "Traceback" not in result.output


def test_markdown_outline():
    text = markdown.dump(argmap.load(MAPS / "school-phones.yaml"))
    assert text.startswith("# Should Schools Ban Phones?\n")
    assert "- **Schools should ban phones in class.** _(thesis, Schools)_\n  > Schools should ban phones in class." in text
    assert "  - Because (consequences), together, `distraction-argument`:" in text
    assert "**Schools should not allow what lowers learning in class.** _(premise, implicit)_" in text
    assert "Objection to this inference: **Students are distracted by many things" in text
    assert "Objection: **Phones are needed in emergencies.**" in text


@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_json_export_matches_its_published_schema(path, runner):
    result = runner.invoke(main, ["export", str(path), "--to", "json"])
    assert result.exit_code == 0
    schema = json.loads((ROOT / "schema" / "argmap-model.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(result.stdout), schema)


def test_export_of_invalid_map_fails_cleanly(runner):
    result = runner.invoke(main, ["export", str(FIXTURES / "invalid" / "bad-role.yaml"), "--to", "aif"])
    assert result.exit_code == 1 and "schema-enum" in result.stderr


@pytest.fixture
def generated_map(tmp_path):
    """A generated map of 120 claims with linked premises, rebuttals and undercuts, plus every optional field."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    data = generate(120, seed=5)
    data.update({"description": "Generated.", "actors": {"x": {"name": "X \"quoted\""}},
                 "sections": {"s": {"title": "Section <one>"}},
                 "source": {"title": "T", "author": "A", "published": "2020-01-02", "file": "none.txt"}})
    first = data["claims"]["c1"]
    first.update({"actor": ["x"], "section": "s", "tags": ["t 1", "t2"], "note": "n", "role": "evidence"})
    data["claims"]["c2"].update({"implicit": True})
    data["claims"]["c2"].pop("quote")
    data["claims"]["c3"]["quote"] = ["fragment one", "fragment two"]
    next(iter(data["arguments"].values())).update({"scheme": "example", "text": "Summary", "section": "s"})
    data["claims"]["u"] = {"text": "The inference does not hold.", "quote": "does not hold"}
    data["objections"]["undercut"] = {"claim": "u", "target": "a0"}
    path = tmp_path / "generated.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert argmap.validate(path) == []
    return path


def test_round_trips_of_a_generated_map_with_every_feature(argdown_parser, generated_map, tmp_path, runner):
    model = argmap.load(generated_map)
    for target in ("argdown", "aif"):
        exported = tmp_path / f"export.{target}"
        assert runner.invoke(main, ["export", str(generated_map), "--to", target, "-o", str(exported)]).exit_code == 0
        back, _ = _write_and_load(runner, tmp_path, ["import", str(exported), "--from", target], f"{target}.yaml")
        if target == "argdown":
            assert _unordered(back) == _unordered(model)
        else:
            assert {c.id: c.text for c in back.claims.values()} == {c.id: c.text for c in model.claims.values()}
            assert {a.id: a.premises for a in back.arguments.values()} == {a.id: a.premises for a in model.arguments.values()}
            assert {(o.claim, o.target, o.kind) for o in back.objections.values()} == {
                (o.claim, o.target, o.kind) for o in model.objections.values()}
