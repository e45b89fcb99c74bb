"""Running Graphviz's dot (argmap.drawing.dot, argmap.drawing.draw): real SVG, PNG and PDF read back, labels that
must come back literally, and a dot that is missing, fails or hangs (a fake one, named by ARGMAP_DOT)."""
from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from conftest import MAPS, SVG, XLINK, fake_dot, svg_nodes, svg_texts

import argmap
from argmap.cli import main

NASTY = [
    'He said "no"', "back\\slash", "trailing backslash \\", "\\N \\G \\l \\E \\T \\H \\L \\n \\r",
    '\\"escaped quote\\"', "<b>bold?</b>", '<IMG SRC="/etc/passwd"/>', "<<html label>>", "& &amp; &#65; &lt;",
    "{braces} | [brackets] ; semicolons", '"; x -> y; "', "] ; node [shape=box color=red", "a:b:c -- d:e",
    "<script>alert(1)</script>", "]]> <!-- comment --> <?xml?>",
    "简体 繁體 ‘single’ “double” — – … 🙂",  # noqa: RUF001 - look-alike characters on purpose
    "graph digraph node edge strict subgraph", "   leading and trailing   ", "%s %d {0} $HOME `ls`",
]


def _nasty_map(tmp_path: Path) -> Path:
    claims = {f"c{i}": {"text": text, "quote": f"quote {text}"} for i, text in enumerate(NASTY)}
    claims["t"] = {"text": "thesis", "quote": "thesis"}
    doc = {"argmap": 1, "id": "nasty", "title": "nasty", "thesis": "t", "claims": claims,
           "arguments": {"a": {"conclusion": "t", "premises": [f"c{i}" for i in range(len(NASTY))]}}}
    path = tmp_path / "nasty.yaml"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return path


@pytest.mark.dot
def test_every_nasty_label_reads_back_literally_from_svg(tmp_path, runner):
    path = _nasty_map(tmp_path)
    out = tmp_path / "nasty.svg"
    result = runner.invoke(main, ["render", str(path), "-o", str(out), "--wrap", "200"])
    assert result.exit_code == 0, result.output
    nodes = svg_nodes(out.read_bytes())
    for index, text in enumerate(NASTY):
        group = nodes[f"claim-c{index}"]
        shown = svg_texts(group)[1:]  # the first line is the role
        assert " ".join(shown).replace("\xa0", " ").split() == text.split(), text
        tooltip = next(a.get(f"{XLINK}title") for a in group.iter(f"{SVG}a"))
        # dot writes runs of spaces as no-break spaces; every other character must come back as it was
        assert tooltip.replace("\xa0", " ") == f"{text}\n\u201cquote {text}\u201d"
    # nothing from a map became markup: no images, scripts or links beyond the tooltips' anchors
    svg = out.read_text(encoding="utf-8")
    assert "<image" not in svg
    assert "<script" not in svg
    assert "xlink:href" not in svg


@pytest.mark.dot
def test_svg_png_pdf_from_real_dot(tmp_path, runner):
    model = argmap.load(MAPS / "school-phones.yaml")
    for fmt, magic in (("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")):
        out = tmp_path / f"phones.{fmt}"
        result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(magic)
    nodes = svg_nodes((tmp_path / "phones.svg").read_bytes())
    claim_ids = {key[len("claim-"):] for key in nodes if key.startswith("claim-")}
    argument_ids = {key[len("argument-"):] for key in nodes if key.startswith("argument-")}
    assert claim_ids == set(model.claims)
    assert argument_ids == set(model.arguments)
    assert svg_texts(nodes["claim-ban-phones"]) == ["THESIS \u00b7 Schools", "Schools should ban phones in", "class."]
    png = (tmp_path / "phones.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert width > 800
    assert height > 200
    pdf = (tmp_path / "phones.pdf").read_bytes()
    assert pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


@pytest.mark.dot
def test_labels_that_would_pass_16_kilobytes_render(tmp_path, runner):
    """dot refuses labels of 16 KB or more; the longest texts a map allows, in 3-byte characters, with their quotes
    (about 48 KB), are cut in the label while the tooltip keeps them."""
    text = "\u5b57" * 3990
    path = tmp_path / "long.yaml"
    path.write_text(f"argmap: 1\nid: long\ntitle: Long\nthesis: t\n"
                    f"claims:\n  t: {{text: {text}, quote: [{text}, {text}]}}\n",
                    encoding="utf-8")
    result = runner.invoke(main, ["render", str(path), "--quotes", "-o", str(tmp_path / "long.svg")])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "long.svg").read_text(encoding="utf-8")
    assert "\u2026" in svg
    assert svg.count("\u5b57") > 3990 + 2 * 600


def test_missing_dot_exits_3_with_install_hint(tmp_path, runner):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "x.svg")],
                           env={"ARGMAP_DOT": str(tmp_path / "no-such-dot")})
    assert result.exit_code == 3
    assert "install Graphviz" in result.output
    assert "apt-get install graphviz" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_dot_failure_shows_stderr_exits_4_and_keeps_old_file(tmp_path, runner):
    out = tmp_path / "x.svg"
    out.write_text("old")
    dot = fake_dot(tmp_path, 'cat >/dev/null; echo "Error: syntax error in line 3" >&2; exit 1')
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)],
                           env={"ARGMAP_DOT": str(dot)})
    assert result.exit_code == 4
    assert "Error: syntax error in line 3" in result.output
    assert out.read_text() == "old"
    assert len(list(tmp_path.iterdir())) == 2


def test_dot_that_hangs_is_stopped_by_timeout(tmp_path, runner):
    dot = fake_dot(tmp_path, "sleep 30")
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "x.svg"),
                                  "--timeout", "1"], env={"ARGMAP_DOT": str(dot)})
    assert result.exit_code == 4
    assert "longer than 1 s" in result.output
    assert not (tmp_path / "x.svg").exists()
