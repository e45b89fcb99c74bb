"""AIF (argmap.formats.aif): the export's shape, round trips, and imports of files that other tools wrote."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, MAPS

import argmap
from argmap.cli import main
from argmap.formats import aif

ALL_MAPS = [*sorted(MAPS.glob("*.yaml")), FIXTURES / "valid" / "tricky-labels.yaml"]


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
    assert back.id == model.id
    assert back.title == model.title
    assert back.thesis == model.thesis
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
        assert set(node) >= {"nodeID", "text", "type", "timestamp"}
        assert len(node["timestamp"]) == 19
    for edge in document["edges"]:  # I -> RA -> I, I -> CA -> I or RA
        pair = (types[edge["fromID"]], types[edge["toID"]])
        assert pair in {("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA")}
    undercut = next(o for o in model.objections.values() if o.kind == "undercut")
    assert (undercut.id, undercut.target) in {(e["fromID"], e["toID"]) for e in document["edges"]}
    assert types[undercut.target] == "RA"


@pytest.mark.parametrize(("name", "claims", "arguments", "objections", "warnings"), [
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
    assert result.exit_code == 1
    assert "not AIF" in result.output
    assert "Traceback" not in result.output


def test_import_keeps_texts_that_look_like_numbers(tmp_path, runner):
    document = {"nodes": [{"nodeID": "a", "text": "1e5", "type": "I"}, {"nodeID": "b", "text": "0o17", "type": "I"},
                          {"nodeID": "r", "text": "Default Inference", "type": "RA"}],
                "edges": [{"edgeID": "1", "fromID": "b", "toID": "r"}, {"edgeID": "2", "fromID": "r", "toID": "a"}],
                "locutions": []}
    source = tmp_path / "n.json"
    source.write_text(json.dumps(document))
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "n.yaml"), "--title", "2e3"])
    assert result.exit_code == 0, result.output
    model = argmap.load(tmp_path / "n.yaml")
    assert model.title == "2e3"
    assert {c.text for c in model.claims.values()} == {"1e5", "0o17"}
