"""Issue 16's elements in the diagram, its legend and the HTML page: each drawn apart from support and attack."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import argmap
from argmap.drawing.graph import RELATION_STYLE, RenderOptions, dot_source
from argmap.drawing.page import entries
from conftest import MAPS
from fidelity_map import TEXT

SVG = "{http://www.w3.org/2000/svg}"


def _edge(source: str, tail: str, head: str) -> str:
    found = re.findall(rf'^\t"{re.escape(tail)}" -> "{re.escape(head)}" \[.*?\]\n', source, re.M | re.S)
    assert len(found) == 1, f"{tail} -> {head}: {found}"
    return found[0]


def _node(source: str, name: str) -> str:
    return re.search(rf'^\t"{re.escape(name)}" \[.*?\]\n', source, re.M | re.S).group()


def test_a_spell_out_is_an_edge_between_claims_never_through_an_inference_node():
    source = dot_source(argmap.loads(TEXT))
    specifies = _edge(source, "claim.june-summit", "claim.hold-summits")
    assert "arrowhead=onormal" in specifies and 'class="spell-out specifies"' in specifies
    assert "id=\"specifies-june-summit-hold-summits\"" in specifies and "specifies" in specifies
    means = _edge(source, "claim.hold-summits", "claim.choose-talks")
    assert "arrowhead=ovee" in means and 'class="spell-out means-to"' in means and "means to" in means
    assert '"claim.hold-summits" -> "argument.' not in source  # not a premise of anything


def test_a_tension_is_symmetric_dotted_and_outside_the_layout():
    edge = _edge(dot_source(argmap.loads(TEXT)), "claim.trust", "claim.mistrust")
    for attribute in ("style=dotted", "dir=both", "arrowhead=odiamond", "arrowtail=odiamond", "constraint=false",
                      'class="tension contrary"', 'id="tension-trust-and-mistrust"'):
        assert attribute in edge
    assert RELATION_STYLE["tension"]["color"] in edge


def test_an_argument_that_follows_from_the_thesis_is_laid_out_below_it():
    source = dot_source(argmap.loads(TEXT))
    conclusion = _edge(source, "claim.fund-diplomacy", "argument.exhortation")  # reversed for the layout
    assert "dir=back" in conclusion and "arrowtail=normal" in conclusion and 'class="support corollary"' in conclusion
    premise = _edge(source, "argument.exhortation", "claim.choose-talks")
    assert "dir=back" in premise and 'class="premise corollary"' in premise
    assert "practical reasoning" in _node(source, "argument.exhortation")


def test_the_exhaustiveness_premise_edge_is_bold_and_labelled():
    source = dot_source(argmap.loads(TEXT))
    edge = _edge(source, "claim.three-courses", "argument.by-elimination")
    assert "style=bold" in edge and "exhaustive" in edge and 'class="premise exhaustive"' in edge
    assert "exhaustive" not in _edge(source, "claim.war-bad", "argument.by-elimination")


def test_a_conditional_claim_is_headed_conditional():
    source = dot_source(argmap.loads(TEXT))
    node = _node(source, "claim.if-agree")
    assert "PREMISE (CONDITIONAL)" in node and "conditional" in re.search(r'class="([^"]*)"', node).group(1)
    implicit_too = TEXT.replace("  three-courses:\n", "  three-courses:\n    conditional: true\n")
    assert "PREMISE (IMPLICIT, CONDITIONAL)" in _node(dot_source(argmap.loads(implicit_too)), "claim.three-courses")


def test_the_legend_names_the_new_elements_only_when_the_map_uses_them():
    legend = dot_source(argmap.loads(TEXT), RenderOptions(legend=True))
    entries = ("a detail specifies", "a means to", "Premise (conditional)", "in tension", "follows from the thesis",
               "the options are all (exhaustive)")
    for entry in entries:  # the legend is part of the title's label
        assert entry in legend
    plain = dot_source(argmap.load(MAPS / "school-phones.yaml"), RenderOptions(legend=True))
    assert "in tension" not in plain and "a detail specifies" not in plain


def test_focus_follows_spell_outs_and_tensions():
    model = argmap.loads(TEXT)
    focused = dot_source(model, RenderOptions(focus="june-summit", depth=1))
    assert '"claim.hold-summits"' in focused and '"claim.trust"' not in focused
    focused = dot_source(model, RenderOptions(focus="trust", depth=1))
    assert '"claim.mistrust"' in focused and '"claim.trust" -> "claim.mistrust"' in focused


def test_the_html_panel_tells_what_each_claim_does():
    found = entries(argmap.loads(TEXT))
    assert "A means to: Talks are the only correct choice." in found["claim-hold-summits"]["details"]
    assert "Reached by the means: Hold regular summits." in found["claim-choose-talks"]["details"]
    assert "Specified by: The first summit should be in June." in found["claim-hold-summits"]["details"]
    assert ("Conditional (if: The two may agree on a roadmap.; then: The talks may succeed.)."
            in found["claim-if-agree"]["details"])
    assert "In tension (contrary) with: Mutual trust is scarce. (The text says both.)" in found["claim-trust"]["details"]
    assert any(line.startswith("Follows from the thesis") for line in found["argument-exhortation"]["details"])
    assert any("exhaustiveness premise" in line for line in found["argument-by-elimination"]["details"])


def test_real_dot_draws_the_corollary_below_the_thesis_and_every_new_edge(needs_dot):
    svg = argmap.render(argmap.loads(TEXT), "svg")
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}

    def top(node_id: str) -> float:
        return min(float(text.get("y")) for text in groups[node_id].iter(f"{SVG}text"))

    assert top("claim-fund-diplomacy") > top("claim-choose-talks")  # SVG y grows downwards
    assert top("claim-june-summit") > top("claim-hold-summits")  # a detail below what it details
    for edge in ("specifies-june-summit-hold-summits", "means-to-hold-summits-choose-talks",
                 "tension-trust-and-mistrust"):
        assert edge in groups
    assert "spell-out specifies" in groups["specifies-june-summit-hold-summits"].get("class")
