"""The static diagrams: aspect ratios within 1:2 to 2:1, section titles on top, a legend outside the layout,
the section overview, --focus stubs, dot's warnings passed on, the linked-only columns, link label contrast."""
from __future__ import annotations

import os
import re
import stat
import sys
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.cli import main
from argmap.drawing.dot import warnings_of
from argmap.drawing.graph import LINK_TEXT, RenderOptions, build_graph, dot_source
from argmap.drawing.layout import choose
from argmap.drawing.overview import build_overview, flows, summaries
from conftest import MAPS
from pagekit import PHONES, STALEMATE, ZHANG

SVG = "{http://www.w3.org/2000/svg}"
BUNDLED = [ZHANG, STALEMATE, PHONES]


def _size(svg: bytes) -> tuple[float, float]:
    width, height = re.search(rb'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', svg).groups()
    return float(width), float(height)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_map_is_drawn_between_1_to_2_and_2_to_1(needs_dot, path):
    width, height = _size(argmap.render(argmap.load(path), "svg"))
    assert 0.5 <= width / height <= 2.0, (width, height)


def test_the_default_comparison_is_drawn_between_1_to_2_and_2_to_1(needs_dot):
    result = argmap.compare(argmap.load(ZHANG), argmap.load(STALEMATE),
                            argmap.load_links(MAPS / "links" / f"{ZHANG.stem}--{STALEMATE.stem}.yaml"))
    width, height = _size(argmap.render_comparison(result, "svg"))
    assert 0.5 <= width / height <= 2.0, (width, height)


def test_the_direction_comes_from_the_shape_and_is_deterministic():
    essay = argmap.load(ZHANG)
    assert choose(essay, 32).direction == "RL"  # broad and shallow: thesis on the left
    assert choose(essay, 32, direction="BT").direction == "BT"  # a direction given is kept
    chain = argmap.loads("argmap: 1\nid: chain\ntitle: A chain\nthesis: c0\nclaims:\n"
                         + "".join(f"  c{i}: {{text: claim {i}, implicit: true}}\n" for i in range(8))
                         + "arguments:\n" + "".join(f"  a{i}: {{conclusion: c{i}, premises: [c{i + 1}]}}\n"
                                                    for i in range(7)))
    assert choose(chain, 32).direction == "BT"  # deep and narrow: thesis on top
    assert dot_source(essay) == dot_source(argmap.load(ZHANG))


def test_section_titles_stand_on_top_of_their_boxes(needs_dot):
    for direction in ("BT", "RL"):
        svg = argmap.render(argmap.load(PHONES), "svg", RenderOptions(sections=True, direction=direction))
        root = ET.fromstring(svg)
        for cluster in root.iter(f"{SVG}g"):
            if not cluster.get("id", "").startswith("section-"):
                continue
            box = [float(n) for n in re.findall(r"-?[\d.]+", next(cluster.iter(f"{SVG}path")).get("d"))]
            top = min(box[1::2])
            title_y = float(next(cluster.iter(f"{SVG}text")).get("y"))
            assert title_y - top < 25, (direction, cluster.get("id"))  # near the top edge, not the bottom


def test_the_legend_is_part_of_the_title_and_leaves_the_layout_alone():
    model = argmap.load(PHONES)
    plain, legend = dot_source(model, RenderOptions(sections=True)), dot_source(model, RenderOptions(sections=True,
                                                                                                    legend=True))
    assert "cluster_legend" not in legend and "Implicit premise" in legend and "attacks" in legend
    strip = re.compile(r"^\tgraph \[.*$", re.M)  # the graph's own attributes hold the label
    assert strip.sub("", plain) == strip.sub("", legend)


def test_the_section_overview_has_one_box_per_section_with_its_main_claim(needs_dot):
    model = argmap.load(ZHANG)
    found = summaries(model)
    assert [s.id for s in found] == [s for s in model.sections if any(c.section == s for c in model.claims.values())]
    thesis_section = model.claims[model.thesis].section
    assert next(s for s in found if s.id == thesis_section).main == model.thesis
    crossing = flows(model)
    assert crossing and all(origin != to for origin, to, _ in crossing)
    source = build_overview(model).source
    assert source.count("class=section") + source.count('class="section thesis"') == len(found)


@pytest.mark.parametrize("path", [ZHANG, STALEMATE], ids=lambda p: p.stem)
def test_the_overview_fits_a_laptop_screen_at_100_and_a4_at_7_points(needs_dot, path, runner, tmp_path):
    out = tmp_path / "overview.svg"
    result = runner.invoke(main, ["render", str(path), "--overview", "-o", str(out)])
    assert result.exit_code == 0, result.output
    width, height = _size(out.read_bytes())
    assert width * 96 / 72 <= 1366 and height * 96 / 72 <= 768 - 120  # CSS pixels, below a browser's bars
    smallest = min(float(s) for s in re.findall(rb'font-size="([\d.]+)"', out.read_bytes()))
    a4 = min(842 / width, 595 / height, 1.0)  # landscape A4 in points, the drawing scaled to fit
    assert smallest * a4 >= 7 - 0.5, (smallest, a4)  # 8-point headers; the texts themselves are 10 points


def test_focus_draws_stubs_where_it_cuts_branches():
    model = argmap.load(STALEMATE)
    source = dot_source(model, RenderOptions(focus=model.thesis, depth=1))
    stubs = re.findall(r'^\t"more\.claim\.([^"]+)" \[label="\+(\d+) more"', source, re.M)
    assert stubs and all(int(count) > 0 for _, count in stubs)
    assert dot_source(model).count("more.") == 0  # no stub without --focus


def test_dots_warnings_are_passed_on(tmp_path, runner):
    fake = tmp_path / "dot"
    fake.write_text(f"#!{sys.executable}\nimport sys\nsys.stdin.read()\n"
                    "sys.stderr.write('Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.5 to fit\\n')\n"
                    "sys.stdout.write('PNG')\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    out = tmp_path / "phones.png"
    result = runner.invoke(main, ["render", str(PHONES), "-o", str(out)], env={**os.environ, "ARGMAP_DOT": str(fake)})
    assert result.exit_code == 0, result.output
    assert "warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.5 to fit" in result.stderr
    assert "render SVG or PDF" in result.stderr
    assert warnings_of(b"Warning: a\nWarning: a\nb\n") == ["a", "b"]
    with pytest.warns(argmap.DrawingWarning):
        os.environ["ARGMAP_DOT"] = str(fake)
        try:
            argmap.render(argmap.load(PHONES), "png")
        finally:
            del os.environ["ARGMAP_DOT"]


def test_linked_only_columns_follow_each_essay_under_their_titles(needs_dot):
    result = argmap.compare(argmap.load(ZHANG), argmap.load(STALEMATE),
                            argmap.load_links(MAPS / "links" / f"{ZHANG.stem}--{STALEMATE.stem}.yaml"))
    root = ET.fromstring(argmap.render_comparison(result, "svg", linked_only=True))
    tops = {}
    for group in root.iter(f"{SVG}g"):
        shape = next(group.iter(f"{SVG}path"), None)
        text = next(group.iter(f"{SVG}text"), None)
        if group.get("class", "").startswith("node") and (shape is not None or text is not None):
            tops[group.get("id")] = float(text.get("y")) if shape is None else min(
                float(n) for n in re.findall(r"-?[\d.]+", shape.get("d"))[1::2])
    for side, model in (("a", result.a), ("b", result.b)):
        linked = [c for c in model.claims if f"{side}-claim-{c}" in tops]
        ys = [tops[f"{side}-claim-{c}"] for c in linked]
        assert ys == sorted(ys), side  # the essay's order, from the top
        assert tops[f"map-{model.id}" if f"map-{model.id}" in tops else f"{side}-map-{model.id}"] < ys[0]


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_link_label_has_at_least_4_5_to_1_contrast_on_white():
    for relation, colour in LINK_TEXT.items():
        assert 1.05 / (_luminance(colour) + 0.05) >= 4.5, relation
    source = build_graph(argmap.load(PHONES), RenderOptions(legend=True)).source
    assert "fontcolor" not in source or all(1.05 / (_luminance(c) + 0.05) >= 4.5
                                            for c in re.findall(r'fontcolor="(#[0-9A-Fa-f]{6})"', source))


def test_the_pdf_for_print_has_the_overview_then_a_page_or_tiles_per_section(needs_dot):
    from argmap.drawing.printing import section_groups

    model = argmap.load(ZHANG)
    pdf = argmap.render(model, "pdf")
    boxes = [tuple(float(n) for n in box.split()[2:]) for box in
             re.findall(rb"/MediaBox \[ ([\d. ]+) \]", pdf)]
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages == len(boxes) >= 1 + len(section_groups(model))
    assert re.search(rb"/Type /Pages /Kids \[[^\]]+\] /Count %d" % pages, pdf)
    for width, height in boxes:  # every page fits A4, one way round or the other
        assert (width <= 595 and height <= 842) or (width <= 842 and height <= 595), (width, height)
    assert len(argmap.render(argmap.load(PHONES), "pdf", RenderOptions(focus="phones-distract"))) > 0
