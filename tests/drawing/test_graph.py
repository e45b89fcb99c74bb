"""Drawing (argmap.drawing.graph): the DOT text of a map, checked without the dot binary: golden files, the visual
grammar, focus, layout, styles, and that nothing in a map can add DOT attributes or HTML."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES, GOLDEN, MAPS, generated

import argmap
from argmap.cli import main
from argmap.drawing.graph import FAST_LAYOUT, RenderOptions, build_graph, dot_source

TRICKY = FIXTURES / "valid" / "tricky-labels.yaml"


@pytest.mark.parametrize(("name", "path", "options"), [
    ("school-phones", MAPS / "school-phones.yaml", RenderOptions()),
    ("school-phones-all-options", MAPS / "school-phones.yaml",
     RenderOptions(direction="LR", wrap=20, quotes=True, ids=True, legend=True, sections=True)),
    ("tricky-labels", TRICKY, RenderOptions(quotes=True, ids=True, sections=True)),
])
def test_dot_matches_golden_file(name, path, options):
    source = dot_source(argmap.load(path), options)
    golden = GOLDEN / f"{name}.gv"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(source, encoding="utf-8")
    assert source == golden.read_text(encoding="utf-8"), f"regenerate with ARGMAP_UPDATE_GOLDEN=1 if intended: {golden}"


def test_dot_is_deterministic_across_processes():
    code = "import argmap; from argmap.drawing.graph import dot_source; print(dot_source(argmap.load(%r)))"
    runs = {subprocess.run([sys.executable, "-c", code % str(MAPS / "2021-peninsula-stalemate.yaml")],
                           capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_visual_grammar_in_dot():
    model = argmap.load(MAPS / "school-phones.yaml")
    source = dot_source(model)
    assert "rankdir=BT" in dot_source(model, RenderOptions(direction="BT"))  # auto picks BT or RL by shape
    thesis = re.search(r'"claim\.ban-phones" \[.*?\]', source, re.DOTALL).group()
    assert "penwidth=3" in thesis
    assert "bold" in thesis
    implicit = re.search(r'"claim\.learning-matters" \[.*?\]', source, re.DOTALL).group()
    assert "dashed" in implicit
    assert "IMPLICIT" in implicit
    # linked premises meet in one inference node; convergent arguments have one each
    assert source.count('-> "argument.distraction-argument" [arrowhead=none class=premise') == 3
    assert source.count('-> "claim.ban-phones" [') >= 2
    # undercut points at the inference, rebuttal at the claim; attack differs from support in colour AND style
    undercut = re.search(r'"claim\.many-distractions" -> "argument\.distraction-argument" \[.*?\]', source).group()
    rebut = re.search(r'"claim\.emergencies" -> "claim\.ban-phones" \[.*?\]', source).group()
    for attack in (undercut, rebut):
        assert "style=dashed" in attack
        assert "arrowhead=tee" in attack
        assert "#D55E00" in attack
    support = re.search(r'"argument\.distraction-argument" -> "claim\.ban-phones" \[.*?\]', source).group()
    assert "dashed" not in support
    assert "#0072B2" in support
    assert "Schools, Parents" in source  # actors shown


def test_focus_keeps_the_neighbourhood_only():
    model = argmap.load(MAPS / "school-phones.yaml")
    source = dot_source(model, RenderOptions(focus="phones-distract", depth=1))
    nodes = set(re.findall(r'^\s*"(claim\.[^"]+|argument\.[^"]+)" \[', source, re.MULTILINE))
    # one step: the claims that share an argument with it, the claim undercutting that argument, and the
    # arguments between them
    assert nodes == {"claim.phones-distract", "argument.distraction-argument", "claim.ban-phones",
                     "claim.distraction-harms", "claim.learning-matters", "argument.attention-evidence",
                     "claim.attention-lost", "claim.many-distractions"}
    # focusing an argument starts from its claims; no inference is left without its conclusion
    around = dot_source(model, RenderOptions(focus="attention-evidence", depth=1))
    kept = set(re.findall(r'^\s*"(argument\.[^"]+)" \[', around, re.MULTILINE))
    for argument in kept:
        conclusion = model.arguments[argument.split(".", 1)[1]].conclusion
        assert f'"{argument}" -> "claim.{conclusion}"' in around
    two_steps = dot_source(model, RenderOptions(focus="phones-distract", depth=2))
    wider = set(re.findall(r'^\s*"(claim\.[^"]+)" \[', two_steps, re.MULTILINE))
    assert {"claim.many-distractions", "claim.emergencies", "claim.ban-is-fair"} <= wider


def test_build_graph_is_separate_from_running_dot():
    graph = build_graph(argmap.load(MAPS / "school-phones.yaml"))
    assert graph.name == "school-phones"
    assert "claim.ban-phones" in graph.source


def test_big_maps_get_the_fast_layout_and_small_ones_do_not(tmp_path, runner):
    big = tmp_path / "big.yaml"
    big.write_text(json.dumps(generated(3000, 1)))
    fast = "".join(f"{k}={v}" for k, v in FAST_LAYOUT.items())
    auto = runner.invoke(main, ["render", str(big), "-o", "-", "--format", "dot"]).stdout
    assert all(f"{k}={v}" in auto for k, v in FAST_LAYOUT.items()), fast
    plain = runner.invoke(main, ["render", str(big), "-o", "-", "--format", "dot", "--layout", "default"]).stdout
    assert "mclimit" not in plain
    assert "splines" not in plain
    small = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", "-", "--format", "dot"]).stdout
    assert "mclimit" not in small
    forced = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", "-", "--format", "dot",
                                  "--layout", "fast"]).stdout
    assert "mclimit=0.1" in forced


def test_style_file_sets_colours_headers_and_font(tmp_path, runner):
    style = tmp_path / "style.yaml"
    style.write_text('argmap-style: 1\nfont: DejaVu Sans\nsupport: "#009E73"\nattack: "#CC79A7"\n'
                     'roles:\n  thesis: {fill: "#56B4E9", label: MAIN CLAIM}\n')
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "--style", str(style), "-o", "-",
                                  "--format", "dot"])
    assert result.exit_code == 0, result.output
    source = result.stdout
    assert 'fontname="DejaVu Sans"' in source
    assert "#0072B2" not in source
    assert "#D55E00" not in source
    thesis = re.search(r'^\t"claim\.ban-phones" \[.*?\]\n', source, re.MULTILINE | re.DOTALL).group()
    assert 'fillcolor="#56B4E9"' in thesis
    assert "MAIN CLAIM" in thesis
    premise = re.search(r'^\t"claim\.phones-distract" \[.*?\]\n', source, re.MULTILINE | re.DOTALL).group()
    assert 'fillcolor="#FFFFFF"' in premise  # what the style leaves out keeps its default


def test_bad_style_file_is_reported_at_its_lines_and_nothing_is_written(tmp_path, runner):
    style = tmp_path / "bad.yaml"
    style.write_text('support: red\nroles:\n  thesis: {fil: "#000000"}\n')
    out = tmp_path / "x.svg"
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "--style", str(style), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    assert f"{style}:1:10: error: support is the text 'red'" in result.stderr
    assert "#RRGGBB" in result.stderr
    assert f"{style}:3:12: error: unknown property 'fil' in roles.thesis" in result.stderr
    assert "did you mean 'fill'?" in result.stderr


def _dot_tokens(source: str):
    """DOT's tokens: quoted strings (with their escapes), HTML strings (nested <>), the punctuation, and bare words."""
    index = 0
    while index < len(source):
        char = source[index]
        if char.isspace():
            index += 1
        elif char == '"':
            end = index + 1
            while source[end] != '"':
                end += 2 if source[end] == "\\" else 1
            yield source[index:end + 1]
            index = end + 1
        elif char == "<":
            depth, end = 0, index
            while True:
                depth += {"<": 1, ">": -1}.get(source[end], 0)
                if depth == 0:
                    break
                end += 1
            yield source[index:end + 1]
            index = end + 1
        elif source.startswith("->", index):
            yield "->"
            index += 2
        elif char in "[]{};=,":
            yield char
            index += 1
        else:
            end = index
            while end < len(source) and not source[end].isspace() and source[end] not in '[]{};=,"<':
                end += 1
            yield source[index:end]
            index = end


def _dot_statements(source: str) -> list[tuple[tuple[str, ...], dict[str, str]]]:
    """Every statement of a DOT text, however many lines it takes: (its subject, its attributes). The subject is
    (node,), (tail, "->", head), or a keyword (graph, node, edge, subgraph NAME, digraph NAME); ids are unquoted."""
    statements: list[tuple[tuple[str, ...], dict[str, str]]] = []
    subject: list[str] = []
    tokens = list(_dot_tokens(source))
    index = 0
    while index < len(tokens):
        word = tokens[index]
        if word in ("{", "}", ";"):
            if subject:
                statements.append((tuple(subject), {}))
            subject = []
        elif word == "[":
            attributes: dict[str, str] = {}
            index += 1
            while tokens[index] != "]":
                if tokens[index] in (",", ";"):
                    index += 1
                    continue
                name, equals, value = tokens[index:index + 3]
                assert equals == "=", f"not an attribute: {tokens[index:index + 3]}"
                assert name not in attributes, f"{name} given twice in {subject}"
                attributes[name] = value
                index += 3
            statements.append((tuple(subject), attributes))
            subject = []
        else:
            subject.append(word[1:-1] if word.startswith('"') else word)
        index += 1
    return statements


NODE_ATTRIBUTES = {"label", "class", "fillcolor", "fontsize", "id", "penwidth", "shape", "style", "tooltip", "color",
                   "fontcolor", "height", "margin", "width", "fixedsize"}
EDGE_ATTRIBUTES = {"arrowhead", "class", "color", "id", "penwidth", "style", "tooltip"}


@pytest.mark.parametrize("options", [RenderOptions(), RenderOptions(quotes=True, ids=True, sections=True)],
                         ids=["default", "quotes-ids-sections"])
def test_nothing_in_a_map_adds_dot_attributes_or_html(options):
    """Every statement, not only those on one line: the map's texts end up inside quoted or HTML strings, so the
    statements are the map's nodes and edges, each with only the attributes argmap gives."""
    model = argmap.load(TRICKY)
    source = dot_source(model, options)
    statements = _dot_statements(source)
    nodes = {subject[0]: attributes for subject, attributes in statements
             if len(subject) == 1 and subject[0].startswith(("claim.", "argument."))}
    edges = [attributes for subject, attributes in statements if len(subject) == 3 and subject[1] == "->"]
    others = [subject for subject, _ in statements if subject not in {(n,) for n in nodes} and "->" not in subject]
    assert set(nodes) == {f"claim.{c}" for c in model.claims} | {f"argument.{a}" for a in model.arguments}
    assert len(nodes) == 5
    assert sum(len(s) == 1 and s[0] in nodes for s, _ in statements) == 5
    premises = sum(len(a.premises) for a in model.arguments.values())
    assert len(edges) == premises + len(model.arguments) + len(model.objections)
    assert sorted(others) == sorted([("digraph", "tricky"), ("graph",), ("node",), ("edge",)]
                                    + ([("subgraph", "cluster_section_node"), ("graph",)] if options.sections else []))
    for name, attributes in nodes.items():
        assert set(attributes) <= NODE_ATTRIBUTES, name
        assert attributes["label"].startswith("<")
        assert "<IMG" not in attributes["label"]
        assert attributes["tooltip"].startswith('"')
    for attributes in edges:
        assert set(attributes) <= EDGE_ATTRIBUTES
    labels = re.findall(r"label=<(.*?)> ", source)
    assert labels
    assert not any("<IMG" in label for label in labels)
    assert "&lt;IMG SRC" in source


def test_quoting_agrees_with_graphviz_on_every_odd_case():
    """graph.py quotes ids, colours, styles and the texts that _plain made by graphviz's rule without its slow
    part: both must give the same DOT for texts made of quotes, backslashes, keywords, numbers and markup."""
    import random
    import warnings

    import graphviz

    from argmap.drawing.graph import _plain, _quote

    pieces = ['a', 'Z', '"', '\\', ' ', 'node', 'EDGE', '-', '4', '.', '2', '<', '>', '&', '\u2026', '\n', '_', '\\"']
    generator = random.Random(7)  # noqa: S311 - test data, not secrets
    texts = ["", "node", "Strict", "-4.2", ".42", "4.", "x\\", '"', "<b>html</b>", "<b>\n", "a_b9", "9a", "claim-c1",
             "#0072B2", "rounded,filled", "0.12,0.06"]
    texts += ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 14))) for _ in range(20_000)]
    warnings.simplefilter("ignore", graphviz.exceptions.DotSyntaxWarning)  # graphviz warns of a final backslash
    for text in texts:
        assert _quote(text) == graphviz.quoting.quote(text), repr(text)
        escaped = _plain(text)
        assert _quote(escaped) == graphviz.quoting.quote(escaped), repr(text)


def test_a_map_too_big_to_draw_whole_is_drawn_from_its_top_unless_whole_is_asked(tmp_path, runner):
    """Past WHOLE_UP_TO claims dot takes minutes and the picture shows nothing: the claims nearest the thesis are
    drawn, with stubs where branches go on, and a warning that says how to draw more; --whole draws all."""
    from argmap.drawing.graph import TOP_CLAIMS, WHOLE_UP_TO

    big = tmp_path / "giant.yaml"
    big.write_text(json.dumps(generated(WHOLE_UP_TO + 500, 5)))
    result = runner.invoke(main, ["render", str(big), "-o", str(tmp_path / "top.gv")])
    assert result.exit_code == 0, result.output
    top = (tmp_path / "top.gv").read_text(encoding="utf-8")
    drawn = len(re.findall(r'id="claim-', top))
    assert 1 < drawn <= TOP_CLAIMS
    assert 'id="claim-c0"' in top
    assert 'class=stub' in top
    assert f"drawn are the {drawn:,} within" in result.output
    assert "--whole" in result.output
    result = runner.invoke(main, ["render", str(big), "-o", str(tmp_path / "whole.gv"), "--whole"])
    assert result.exit_code == 0
    assert "drawn are" not in result.output
    assert len(re.findall(r'id="claim-', (tmp_path / "whole.gv").read_text(encoding="utf-8"))) == WHOLE_UP_TO + 500
