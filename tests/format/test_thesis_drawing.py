"""The thesis is drawn as the thesis whatever its role (issue 16): the yellow box and the THESIS header."""
from __future__ import annotations

import re

import argmap
from argmap.drawing.graph import ROLE_STYLE, RenderOptions, Style, dot_source

MAP = """\
argmap: 1
id: thesis-role
title: A thesis that is a recommendation
thesis: act
claims:
  act: {text: We should act., quote: We should act., role: recommendation}
  reason: {text: It helps., quote: It helps., role: premise}
arguments:
  why: {conclusion: act, premises: [reason]}
"""


def _node(source: str, claim: str) -> str:
    return re.search(rf'"claim\.{claim}" \[.*?\]\n', source, re.S).group()


def test_a_thesis_with_role_recommendation_keeps_the_thesis_box_and_header():
    source = dot_source(argmap.loads(MAP))
    node = _node(source, "act")
    assert f'fillcolor="{ROLE_STYLE["thesis"][0]}"' in node
    assert "THESIS \u00b7 RECOMMENDATION" in node
    assert "penwidth=3" in node and "bold" in node
    assert 'class="claim role-recommendation thesis"' in node  # its own role stays in the class, for styling


def test_a_thesis_with_role_thesis_or_conclusion_has_the_plain_header():
    for role in ("thesis", "conclusion"):
        node = _node(dot_source(argmap.loads(MAP.replace("role: recommendation", f"role: {role}"))), "act")
        assert ">THESIS<" in node and "RECOMMENDATION" not in node


def test_a_style_file_colours_the_thesis_whatever_its_role():
    style = Style.from_data({"roles": {"thesis": {"fill": "#56B4E9", "label": "MAIN CLAIM"}}})
    node = _node(dot_source(argmap.loads(MAP), RenderOptions(style=style)), "act")
    assert 'fillcolor="#56B4E9"' in node and "MAIN CLAIM \u00b7 RECOMMENDATION" in node


def test_the_legend_promises_what_the_thesis_gets():
    source = dot_source(argmap.loads(MAP), RenderOptions(legend=True))
    key = re.search(r'<TABLE BORDER="(\d+)"[^>]*BGCOLOR="([^"]+)"[^>]*><TR><TD><FONT POINT-SIZE="9">Thesis<', source)
    assert key.group(2) == ROLE_STYLE["thesis"][0] and key.group(1) == "3"  # the legend sits in the title's label
