"""Argdown (argmap.formats.argdown): exports checked by Argdown's own parser (Node, in tests/tools), imports of
hand-written files, lossless round trips."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, MAPS, MINIMAL, generated, write

import argmap
from argmap.cli import main
from argmap.formats import argdown, jsonmodel

ALL_MAPS = [*sorted(MAPS.glob("*.yaml")), FIXTURES / "valid" / "tricky-labels.yaml"]


def _unordered(model) -> dict:
    """The model as JSON with list order ignored: Argdown groups elements by section."""
    return {k: sorted(map(json.dumps, v)) if isinstance(v, list) else v for k, v in jsonmodel.as_dict(model).items()}


def _write_and_load(runner, tmp_path, args, name="back.yaml"):
    out = tmp_path / name
    result = runner.invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return argmap.load(out), result


@pytest.mark.node
@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_argdown_export_parses_with_the_reference_parser(path):
    model = argmap.load(path)
    parsed = argdown.parse(argdown.dump(model))
    assert set(parsed["statements"]) == set(model.claims)
    assert set(parsed["arguments"]) == set(model.arguments)
    kinds = sorted((r["relationType"], r["from"], r["to"]) for r in parsed["relations"])
    assert kinds == sorted(("undercut" if o.kind == "undercut" else "attack", o.claim, o.target)
                           for o in model.objections.values())
    for argument in model.arguments.values():
        pcs = next(m["pcs"] for m in parsed["arguments"][argument.id]["members"] if m.get("pcs"))
        assert [m["title"] for m in pcs] == [*argument.premises, argument.conclusion]
    for claim in model.claims.values():  # the text survives every escape
        text = next(m["text"] for m in parsed["statements"][claim.id]["members"] if m.get("text"))
        assert " ".join(claim.text.split()) in text


@pytest.mark.node
@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_argdown_round_trip_is_lossless(path, tmp_path, runner):
    source = tmp_path / "map.argdown"
    assert runner.invoke(main, ["export", str(path), "--to", "argdown", "-o", str(source)]).exit_code == 0
    back, result = _write_and_load(runner, tmp_path, ["import", str(source)])
    assert _unordered(back) == _unordered(argmap.load(path))
    assert "warning:" not in result.stderr
    assert "0 warnings" in result.stderr


@pytest.mark.node
def test_argdown_import_of_a_hand_written_file(runner, tmp_path):
    model, result = _write_and_load(runner, tmp_path, ["import", str(FIXTURES / "argdown" / "relations.argdown")])
    assert model.title == "Phones at school"
    assert model.thesis == "Ban"
    assert {a.id: (a.premises, a.conclusion) for a in model.arguments.values()} == {
        "Fairness-step-1": (("Alike", "fair-rules"), "Fair"), "Fairness": (("Fair",), "Ban"),
        "Distraction-supports-Ban": (("Distraction",), "Ban")}
    assert model.arguments["Fairness"].scheme == "modus-ponens"
    assert {(o.claim, o.target, o.kind) for o in model.objections.values()} == {
        ("Office", "Emergency", "rebut"), ("Emergency", "Ban", "rebut"), ("Enforce", "Fairness", "undercut"),
        ("Always", "Never", "rebut"), ("Never", "Always", "rebut")}
    assert model.claims["Enforce"].tags == ("objection",)
    assert "2 inference steps" in result.stderr
    assert "became two rebuttals" in result.stderr


@pytest.mark.node
def test_argdown_syntax_error_is_reported_without_traceback(runner, tmp_path):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: text {a: 1} #tag\n")
    result = runner.invoke(main, ["import", str(bad), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 1
    assert "Argdown's parser refused" in result.output
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.node
def test_argdown_export_of_tags_and_actors_with_parentheses(tmp_path, runner):
    body = MINIMAL.replace("title: T\n", "title: T\nactors: {us: {name: United States (US)}}\n").replace(
        "t: {text: T, quote: secret}", "t: {text: T, quote: secret, tags: [\"x)y\"], actor: us}")
    path = write(tmp_path, "m.yaml", body)
    exported = tmp_path / "m.argdown"
    assert runner.invoke(main, ["export", str(path), "--to", "argdown", "-o", str(exported)]).exit_code == 0
    result = runner.invoke(main, ["import", str(exported), "-o", str(tmp_path / "back.yaml")])
    assert result.exit_code == 0, result.output
    back = argmap.load(tmp_path / "back.yaml")
    assert back.claims["t"].text == "T"
    assert back.claims["t"].tags == ("x)y",)
    assert back.claims["t"].actors == ("us",)


@pytest.fixture
def generated_map(tmp_path):
    """A generated map of 120 claims with linked premises, rebuttals and undercuts, plus every optional field."""
    data = generated(120, seed=5)
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


@pytest.mark.node
def test_round_trips_of_a_generated_map_with_every_feature(generated_map, tmp_path, runner):
    model = argmap.load(generated_map)
    for target in ("argdown", "aif"):
        exported = tmp_path / f"export.{target}"
        assert runner.invoke(main, ["export", str(generated_map), "--to", target, "-o", str(exported)]).exit_code == 0
        back, _ = _write_and_load(runner, tmp_path, ["import", str(exported), "--from", target], f"{target}.yaml")
        if target == "argdown":
            assert _unordered(back) == _unordered(model)
        else:
            assert {c.id: c.text for c in back.claims.values()} == {c.id: c.text for c in model.claims.values()}
            assert ({a.id: a.premises for a in back.arguments.values()}
                    == {a.id: a.premises for a in model.arguments.values()})
            assert {(o.claim, o.target, o.kind) for o in back.objections.values()} == {
                (o.claim, o.target, o.kind) for o in model.objections.values()}
