"""Rendering: golden DOT text without the binary, real `dot` output read back, safety of labels, exit codes."""
from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.drawing.graph import RenderOptions, build_graph, dot_source
from conftest import FIXTURES, MAPS, ROOT

GOLDEN = Path(__file__).parent / "golden"
TRICKY = FIXTURES / "valid" / "tricky-labels.yaml"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

NASTY = [
    'He said "no"', "back\\slash", "trailing backslash \\", "\\N \\G \\l \\E \\T \\H \\L \\n \\r",
    '\\"escaped quote\\"', "<b>bold?</b>", '<IMG SRC="/etc/passwd"/>', "<<html label>>", "& &amp; &#65; &lt;",
    "{braces} | [brackets] ; semicolons", '"; x -> y; "', "] ; node [shape=box color=red", "a:b:c -- d:e",
    "<script>alert(1)</script>", "]]> <!-- comment --> <?xml?>", "简体 繁體 ‘single’ “double” — – … 🙂",
    "graph digraph node edge strict subgraph", "   leading and trailing   ", "%s %d {0} $HOME `ls`",
]


@pytest.mark.parametrize("name, path, options", [
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
                           capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_visual_grammar_in_dot():
    model = argmap.load(MAPS / "school-phones.yaml")
    source = dot_source(model)
    assert "rankdir=BT" in dot_source(model, RenderOptions(direction="BT"))  # auto picks BT or RL by shape
    thesis = re.search(r'"claim\.ban-phones" \[.*?\]', source, re.S).group()
    assert "penwidth=3" in thesis and "bold" in thesis
    implicit = re.search(r'"claim\.learning-matters" \[.*?\]', source, re.S).group()
    assert "dashed" in implicit and "IMPLICIT" in implicit
    # linked premises meet in one inference node; convergent arguments have one each
    assert source.count('-> "argument.distraction-argument" [arrowhead=none class=premise') == 3
    assert source.count('-> "claim.ban-phones" [') >= 2
    # undercut points at the inference, rebuttal at the claim; attack differs from support in colour AND style
    undercut = re.search(r'"claim\.many-distractions" -> "argument\.distraction-argument" \[.*?\]', source).group()
    rebut = re.search(r'"claim\.emergencies" -> "claim\.ban-phones" \[.*?\]', source).group()
    for attack in (undercut, rebut):
        assert "style=dashed" in attack and "arrowhead=tee" in attack and "#D55E00" in attack
    support = re.search(r'"argument\.distraction-argument" -> "claim\.ban-phones" \[.*?\]', source).group()
    assert "dashed" not in support and "#0072B2" in support
    assert "Schools, Parents" in source  # actors shown


def test_focus_keeps_the_neighbourhood_only():
    model = argmap.load(MAPS / "school-phones.yaml")
    source = dot_source(model, RenderOptions(focus="phones-distract", depth=1))
    nodes = set(re.findall(r'^\s*"(claim\.[^"]+|argument\.[^"]+)" \[', source, re.M))
    # one step: the claims that share an argument with it, the claim undercutting that argument, and the
    # arguments between them
    assert nodes == {"claim.phones-distract", "argument.distraction-argument", "claim.ban-phones",
                     "claim.distraction-harms", "claim.learning-matters", "argument.attention-evidence",
                     "claim.attention-lost", "claim.many-distractions"}
    # focusing an argument starts from its claims; no inference is left without its conclusion
    around = dot_source(model, RenderOptions(focus="attention-evidence", depth=1))
    kept = set(re.findall(r'^\s*"(argument\.[^"]+)" \[', around, re.M))
    for argument in kept:
        conclusion = model.arguments[argument.split(".", 1)[1]].conclusion
        assert f'"{argument}" -> "claim.{conclusion}"' in around
    wider = set(re.findall(r'^\s*"(claim\.[^"]+)" \[', dot_source(model, RenderOptions(focus="phones-distract", depth=2)),
                           re.M))
    assert {"claim.many-distractions", "claim.emergencies", "claim.ban-is-fair"} <= wider


def _nasty_map(tmp_path: Path) -> Path:
    import json

    claims = {f"c{i}": {"text": text, "quote": f"quote {text}"} for i, text in enumerate(NASTY)}
    claims["t"] = {"text": "thesis", "quote": "thesis"}
    doc = {"argmap": 1, "id": "nasty", "title": "nasty", "thesis": "t", "claims": claims,
           "arguments": {"a": {"conclusion": "t", "premises": [f"c{i}" for i in range(len(NASTY))]}}}
    path = tmp_path / "nasty.yaml"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return path


def _svg_nodes(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("node")}


def _texts(group: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]


def test_every_nasty_label_reads_back_literally_from_svg(needs_dot, tmp_path, runner):
    path = _nasty_map(tmp_path)
    out = tmp_path / "nasty.svg"
    result = runner.invoke(main, ["render", str(path), "-o", str(out), "--wrap", "200"])
    assert result.exit_code == 0, result.output
    nodes = _svg_nodes(out.read_bytes())
    for index, text in enumerate(NASTY):
        group = nodes[f"claim-c{index}"]
        shown = _texts(group)[1:]  # the first line is the role
        assert " ".join(shown).replace("\xa0", " ").split() == text.split(), text
        tooltip = next(a.get(f"{XLINK}title") for a in group.iter(f"{SVG}a"))
        # dot writes runs of spaces as no-break spaces; every other character must come back as it was
        assert tooltip.replace("\xa0", " ") == f"{text}\n\u201cquote {text}\u201d"
    # nothing from a map became markup: no images, scripts or links beyond the tooltips' anchors
    svg = out.read_text(encoding="utf-8")
    assert "<image" not in svg and "<script" not in svg and "xlink:href" not in svg


def test_svg_png_pdf_from_real_dot(needs_dot, tmp_path, runner):
    model = argmap.load(MAPS / "school-phones.yaml")
    for fmt, magic in (("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")):
        out = tmp_path / f"phones.{fmt}"
        result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(magic)
    nodes = _svg_nodes((tmp_path / "phones.svg").read_bytes())
    claim_ids = {key[len("claim-"):] for key in nodes if key.startswith("claim-")}
    argument_ids = {key[len("argument-"):] for key in nodes if key.startswith("argument-")}
    assert claim_ids == set(model.claims) and argument_ids == set(model.arguments)
    assert _texts(nodes["claim-ban-phones"]) == ["THESIS \u00b7 Schools", "Schools should ban phones in", "class."]
    import struct

    png = (tmp_path / "phones.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert width > 800 and height > 200  # a whole diagram, not an empty canvas
    pdf = (tmp_path / "phones.pdf").read_bytes()
    assert pdf.rstrip().endswith(b"%%EOF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_format_from_suffix_and_stdout(needs_dot, tmp_path, runner):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", "-", "--format", "dot"])
    assert result.exit_code == 0 and result.stdout.startswith("digraph \"school-phones\" {")
    out = tmp_path / "x.gv"
    assert runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)]).exit_code == 0
    assert out.read_text().startswith("digraph")


def test_default_output_name_in_current_folder(needs_dot, tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["render", str(MAPS / "school-phones.yaml")]).exit_code == 0
    assert (tmp_path / "school-phones.svg").read_bytes().startswith(b"<?xml")


def test_many_maps_into_a_folder(needs_dot, tmp_path, runner):
    result = runner.invoke(main, ["render", str(MAPS), "-o", str(tmp_path / "out"), "--format", "svg"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{p.stem}.svg" for p in MAPS.glob("*.yaml"))
    assert "Rendering" not in result.output  # no progress bar when not on a terminal


def test_invalid_map_writes_nothing_and_keeps_old_file(tmp_path, runner):
    out = tmp_path / "keep.svg"
    out.write_text("old good diagram")
    result = runner.invoke(main, ["render", str(FIXTURES / "invalid" / "unknown-premise.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    assert "unknown-premise.yaml:9:38: error:" in result.stderr
    assert out.read_text() == "old good diagram"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.svg"]


def _fake_dot(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-dot"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_missing_dot_exits_3_with_install_hint(tmp_path, runner):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "x.svg")],
                           env={"ARGMAP_DOT": str(tmp_path / "no-such-dot")})
    assert result.exit_code == 3
    assert "install Graphviz" in result.output and "apt-get install graphviz" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_dot_failure_shows_stderr_exits_4_and_keeps_old_file(tmp_path, runner):
    out = tmp_path / "x.svg"
    out.write_text("old")
    dot = _fake_dot(tmp_path, 'cat >/dev/null; echo "Error: syntax error in line 3" >&2; exit 1')
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)], env={"ARGMAP_DOT": str(dot)})
    assert result.exit_code == 4
    assert "Error: syntax error in line 3" in result.output
    assert out.read_text() == "old" and len(list(tmp_path.iterdir())) == 2


def test_dot_that_hangs_is_stopped_by_timeout(tmp_path, runner):
    dot = _fake_dot(tmp_path, "sleep 30")
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "x.svg"),
                                  "--timeout", "1"], env={"ARGMAP_DOT": str(dot)})
    assert result.exit_code == 4
    assert "longer than 1 s" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_unknown_focus_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "--focus", "ban-phone", "-o",
                                  str(tmp_path / "x.dot")])
    assert result.exit_code == 2
    assert "did you mean 'ban-phones'?" in result.output


def test_output_in_missing_folder_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "no" / "x.dot")])
    assert result.exit_code == 1
    assert "cannot write" in result.output and "Traceback" not in result.output


def test_interrupted_render_leaves_old_file(needs_dot, tmp_path):
    out = tmp_path / "big.svg"
    out.write_text("old")
    slow = _fake_dot(tmp_path, "sleep 30")
    process = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(MAPS / "school-phones.yaml"), "-o", str(out)],
                               env={**os.environ, "ARGMAP_DOT": str(slow)}, cwd=ROOT)
    import time

    time.sleep(1.5)
    process.kill()
    process.wait(timeout=10)
    assert out.read_text() == "old"


def test_build_graph_is_separate_from_running_dot():
    graph = build_graph(argmap.load(MAPS / "school-phones.yaml"))
    assert graph.name == "school-phones" and "claim.ban-phones" in graph.source


def test_many_maps_show_progress_on_a_terminal(needs_dot, tmp_path):
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.run([sys.executable, "-m", "argmap", "render", str(MAPS), "-o", str(tmp_path), "--format", "dot"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=terminal, cwd=ROOT, timeout=60)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.returncode == 0
    assert b"Rendering" in shown and b"100%" in shown


def test_big_maps_get_the_fast_layout_and_small_ones_do_not(tmp_path, runner):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    from argmap.drawing.graph import FAST_LAYOUT

    big = tmp_path / "big.yaml"
    big.write_text(json.dumps(generate(3000, 1)))
    fast = "".join(f"{k}={v}" for k, v in FAST_LAYOUT.items())
    auto = runner.invoke(main, ["render", str(big), "-o", "-", "--format", "dot"]).stdout
    assert all(f"{k}={v}" in auto for k, v in FAST_LAYOUT.items()), fast
    plain = runner.invoke(main, ["render", str(big), "-o", "-", "--format", "dot", "--layout", "default"]).stdout
    assert "mclimit" not in plain and "splines" not in plain
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
    assert 'fontname="DejaVu Sans"' in source and "#0072B2" not in source and "#D55E00" not in source
    thesis = re.search(r'^\t"claim\.ban-phones" \[.*?\]\n', source, re.M | re.S).group()
    assert 'fillcolor="#56B4E9"' in thesis and "MAIN CLAIM" in thesis
    premise = re.search(r'^\t"claim\.phones-distract" \[.*?\]\n', source, re.M | re.S).group()
    assert 'fillcolor="#FFFFFF"' in premise  # what the style leaves out keeps its default


def test_bad_style_file_is_reported_at_its_lines_and_nothing_is_written(tmp_path, runner):
    style = tmp_path / "bad.yaml"
    style.write_text('support: red\nroles:\n  thesis: {fil: "#000000"}\n')
    out = tmp_path / "x.svg"
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "--style", str(style), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert f"{style}:1:10: error: support is the text 'red'" in result.stderr and "#RRGGBB" in result.stderr
    assert f"{style}:3:12: error: unknown property 'fil' in roles.thesis" in result.stderr
    assert "did you mean 'fill'?" in result.stderr
