"""Issue 16's elements in every export, and back: JSON and Markdown keep them, Argdown round-trips them losslessly,
AIF carries what it can (spell-outs, tensions, corollaries) and the losses show (conditionals, exhaustiveness)."""
from __future__ import annotations

import json

import jsonschema
import pytest

import argmap
from argmap.cli import main
from argmap.formats import aif, argdown, jsonmodel, markdown
from argmap.formats.argdown import argdown_command
from conftest import IN_CI, ROOT
from fidelity_map import TEXT, data, dump


@pytest.fixture
def argdown_parser():
    if argdown_command() is None:
        if IN_CI:
            pytest.fail("Argdown's parser is missing in CI: ./quickstart.sh test installs it into tests/tools")
        pytest.skip("Argdown's parser (@argdown/cli) is not installed")


@pytest.fixture
def path(tmp_path):
    written = tmp_path / "fidelity.yaml"
    written.write_text(TEXT, encoding="utf-8")
    return written


def _unordered(model) -> dict:
    return {k: sorted(map(json.dumps, v)) if isinstance(v, list) else v for k, v in jsonmodel.as_dict(model).items()}


def _round_trip(runner, tmp_path, path, to: str, suffix: str):
    exported = tmp_path / f"exported.{suffix}"
    assert runner.invoke(main, ["export", str(path), "--to", to, "-o", str(exported)]).exit_code == 0
    back = tmp_path / f"back-from-{to}.yaml"
    result = runner.invoke(main, ["import", str(exported), "-o", str(back)])
    assert result.exit_code == 0, result.output
    return back, result


# --- JSON ----------------------------------------------------------------------------------------------------

def test_json_model_has_every_new_element_and_matches_its_schema():
    document = jsonmodel.as_dict(argmap.loads(TEXT))
    schema = json.loads((ROOT / "schema" / "argmap-model.schema.json").read_text())
    jsonschema.validate(document, schema)
    claims = {c["id"]: c for c in document["claims"]}
    assert claims["june-summit"]["specifies"] == ["hold-summits"] and claims["june-summit"]["means-to"] == []
    assert claims["hold-summits"]["means-to"] == ["choose-talks"]
    assert claims["if-agree"]["conditional"] == {"if": "agree", "then": "succeed"}
    assert claims["agree"]["conditional"] is None
    arguments = {a["id"]: a for a in document["arguments"]}
    assert arguments["by-elimination"]["exhaustive"] == "three-courses"
    assert arguments["exhortation"]["corollary"] is True and arguments["success"]["corollary"] is False
    assert document["tensions"] == [{"id": "trust-and-mistrust", "claims": ["trust", "mistrust"], "kind": "contrary",
                                     "note": "The text says both."}]


def test_json_model_of_a_conditional_without_named_parts():
    value = data()
    value["claims"]["if-agree"]["conditional"] = True
    claims = {c["id"]: c for c in jsonmodel.as_dict(argmap.loads(dump(value)))["claims"]}
    assert claims["if-agree"]["conditional"] == {"if": None, "then": None}


# --- Markdown ------------------------------------------------------------------------------------------------

def test_markdown_outline_says_what_each_element_does():
    text = markdown.dump(argmap.loads(TEXT))
    assert "  - Because (disjunctive syllogism), together, `by-elimination` (the options are all: `three-courses`):" in text
    assert "**If the two agree on a roadmap, the talks will succeed.** _(premise, conditional)_" in text
    assert "  - Means to this (how):\n    - **Hold regular summits.**" in text
    assert "      - Spelled out by:\n        - **The first summit should be in June.**" in text
    assert "## Follows from the thesis\n\n- **So we must fund diplomacy.**" in text
    assert "## Tensions\n\n- **The leaders trust each other.** \u2194 **Mutual trust is scarce.** _(contrary)_" in text
    assert "Claims not reached from the thesis" not in text  # everything is connected


def test_markdown_outlines_a_general_claim_under_the_detail_that_spells_it_out():
    value = data()
    value["claims"]["general"] = {"text": "The situation is mixed.", "quote": "The situation is mixed."}
    value["claims"]["trust"]["specifies"] = "general"
    text = markdown.dump(argmap.loads(dump(value)))
    assert "- Spells out:\n" in text and "**The situation is mixed.**" in text
    assert "Claims not reached from the thesis" not in text


# --- Argdown -------------------------------------------------------------------------------------------------

def test_argdown_export_writes_a_tension_as_a_contradiction_and_the_rest_as_data(argdown_parser):
    model = argmap.loads(TEXT)
    text = argdown.dump(model)
    assert "[trust]: The leaders trust each other." in text and "\n  >< [mistrust]\n" in text
    parsed = argdown.parse(text)
    relations = sorted((r["relationType"], r["from"], r["to"]) for r in parsed["relations"])
    assert ("contradictory", "trust", "mistrust") in relations
    assert ("attack", "mistrust", "agree") in relations
    assert not any(r[0] == "support" for r in relations)  # spell-outs are no support in Argdown either
    data_of = {title: (s.get("data") or {}).get("argmap", {}) for title, s in parsed["statements"].items()}
    assert data_of["june-summit"]["specifies"] == ["hold-summits"]
    assert data_of["hold-summits"]["means-to"] == ["choose-talks"]
    assert data_of["if-agree"]["conditional"] == {"if": "agree", "then": "succeed"}
    pcs = next(m for m in parsed["arguments"]["by-elimination"]["members"] if m.get("pcs"))["pcs"]
    assert pcs[-1]["inference"]["inferenceRules"] == ["disjunctive syllogism"]


def test_argdown_round_trip_keeps_every_new_element(argdown_parser, runner, tmp_path, path):
    back, result = _round_trip(runner, tmp_path, path, "argdown", "argdown")
    assert _unordered(argmap.load(back)) == _unordered(argmap.loads(TEXT))
    assert "0 warnings" in result.stderr


def test_argdown_round_trip_of_a_bare_conditional_and_a_contradictory_tension(argdown_parser, runner, tmp_path):
    value = data()
    value["claims"]["if-agree"]["conditional"] = True
    value["arguments"]["success"]["scheme"] = "cause-to-effect"
    value["tensions"]["trust-and-mistrust"] = {"claims": ["mistrust", "trust"], "kind": "contradictory"}
    path = tmp_path / "variant.yaml"
    path.write_text(dump(value), encoding="utf-8")
    back, _ = _round_trip(runner, tmp_path, path, "argdown", "argdown")
    assert _unordered(argmap.load(back)) == _unordered(argmap.load(path))


# --- AIF -----------------------------------------------------------------------------------------------------

def test_aif_export_writes_spell_outs_as_ma_nodes_and_a_tension_as_two_ca_nodes():
    document = aif.dump(argmap.loads(TEXT))
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    rephrases = {k: n for k, n in nodes.items() if n["type"] == "MA"}
    assert {(n["text"], n["scheme"]) for n in rephrases.values()} == {("Specification", "specifies"),
                                                                      ("Means", "means-to")}
    edges = {(e["fromID"], e["toID"]) for e in document["edges"]}
    specification = next(k for k, n in rephrases.items() if n["scheme"] == "specifies")
    assert ("june-summit", specification) in edges and (specification, "hold-summits") in edges
    conflicts = [k for k, n in nodes.items() if n["type"] == "CA" and n.get("scheme") == "tension"]
    assert sorted(conflicts) == ["trust-and-mistrust", "trust-and-mistrust.reverse"]
    assert {("trust", "trust-and-mistrust"), ("trust-and-mistrust", "mistrust"),
            ("mistrust", "trust-and-mistrust.reverse"), ("trust-and-mistrust.reverse", "trust")} <= edges
    assert nodes["by-elimination"]["scheme"] == "disjunctive-syllogism"
    assert ("choose-talks", "exhortation") in edges  # the thesis is a premise of what follows from it


def test_aif_round_trip_keeps_spell_outs_tensions_and_corollaries_and_shows_what_it_loses(runner, tmp_path, path):
    back_path, _ = _round_trip(runner, tmp_path, path, "aif", "json")
    back, model = argmap.load(back_path), argmap.loads(TEXT)
    assert {c.id: (c.specifies, c.means_to) for c in back.claims.values()} == {
        c.id: (c.specifies, c.means_to) for c in model.claims.values()}
    assert [(t.id, t.claims) for t in back.tensions.values()] == [("trust-and-mistrust", ("trust", "mistrust"))]
    assert back.arguments["exhortation"].corollary
    assert not back.objections.keys() - model.objections.keys()  # a tension does not come back as rebuttals
    # AIF has no logical form for an I-node and no premise roles: the checks then say what is missing
    assert not back.claims["if-agree"].conditional and back.arguments["by-elimination"].exhaustive is None
    codes = {p.code for p in argmap.validate(back_path)}
    assert {"antecedent-missing", "exhaustiveness-missing"} <= codes


def test_aif_import_still_drops_a_rephrase_that_argmap_did_not_write(runner, tmp_path):
    document = aif.dump(argmap.loads(TEXT))
    for node in document["nodes"]:
        if node["type"] == "MA":
            del node["scheme"]
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(main, ["import", str(foreign), "-o", str(tmp_path / "foreign.yaml")])
    assert "MA (rephrase) node june-summit.specifies.hold-summits was dropped" in result.stderr
