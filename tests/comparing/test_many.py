"""More than two essays: every links file among them, recurring claims as chains in date order, at scale."""
from __future__ import annotations

import json
import re
import shutil
import sys

from argmap.cli import main
from conftest import FIXTURES, ROOT

A, B = FIXTURES / "compare" / "a.yaml", FIXTURES / "compare" / "b.yaml"
C = """argmap: 1
id: cmp-c
title: Essay C
source: {published: "2023"}
thesis: talks
claims:
  talks: {text: Talks resumed and trust grew again., quote: talks}
  calm: {text: The region stayed calm., quote: calm}
arguments:
  why: {conclusion: talks, premises: [calm]}
"""


def _three(tmp_path):
    for path, date in ((A, "2019"), (B, "2021")):
        text = path.read_text().replace("\ntitle:", f"\nsource: {{published: \"{date}\"}}\ntitle:", 1)
        (tmp_path / path.name).write_text(text)
    (tmp_path / "c.yaml").write_text(C)
    (tmp_path / "links").mkdir()
    shutil.copy(FIXTURES / "compare" / "links" / "a--b.yaml", tmp_path / "links" / "a--b.yaml")
    (tmp_path / "links" / "c--b.yaml").write_text(
        "argmap-links: 1\nmaps: {a: ../c.yaml, b: ../b.yaml}\nlinks:\n"
        "  - {a: talks, b: mistrust, relation: contradicts}\n  - {a: talks, b: cooperate, relation: develops}\n")
    return tmp_path


def test_chains_follow_a_claim_across_three_essays_in_date_order(runner, tmp_path):
    folder = _three(tmp_path)
    result = runner.invoke(main, ["compare", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [m["id"] for m in report["maps"]] == ["cmp-a", "cmp-b", "cmp-c"]
    assert len(report["links_files"]) == 2
    widest = report["chains"][0]
    assert widest["maps"] == ["cmp-a", "cmp-b", "cmp-c"]
    assert [(c["map"], c["id"]) for c in widest["claims"]] == [
        ("cmp-a", "talk"), ("cmp-a", "trust"), ("cmp-b", "cooperate"), ("cmp-b", "mistrust"), ("cmp-c", "talks")]
    assert {(k["from"]["id"], k["relation"], k["to"]["id"]) for k in widest["links"]} == {
        ("trust", "same", "mistrust"), ("talk", "develops", "cooperate"),
        ("mistrust", "contradicts", "talks"), ("cooperate", "develops", "talks")}
    assert report["summary"].startswith("3 maps (2019 to 2023), 2 links files, 6 links; 3 claims recur")


def test_a_list_of_maps_finds_the_links_files_beside_them(runner, tmp_path):
    folder = _three(tmp_path)
    by_folder = runner.invoke(main, ["compare", str(folder), "--format", "json"]).stdout
    by_list = runner.invoke(main, ["compare", *(str(folder / n) for n in ("c.yaml", "a.yaml", "b.yaml")),
                                   "--format", "json"]).stdout
    assert json.loads(by_folder)["chains"] == json.loads(by_list)["chains"]


def test_text_markdown_and_the_explorer_show_the_chains(runner, tmp_path):
    folder = _three(tmp_path)
    text = runner.invoke(main, ["compare", str(folder)]).stdout
    assert "Comparing 3 maps in date order: cmp-a (2019, 5 claims), cmp-b (2021, 5 claims), cmp-c (2023, 2 claims)" in text
    assert "  Chain 1: 5 claims in 3 essays (1 same, 1 contradicts, 2 develops)" in text
    assert "      cmp-b:mistrust --contradicts--> cmp-c:talks" in text
    markdown = runner.invoke(main, ["compare", str(folder), "--format", "markdown"]).stdout
    assert markdown.startswith("# 3 essays compared") and "### Chain 1: 3 essays" in markdown
    page = tmp_path / "chains.html"
    result = runner.invoke(main, ["compare", str(folder), "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    data = json.loads(re.search(r'<script type="application/json" id="argmap-chains">(.*?)</script>', html, re.S).group(1))
    assert data["chains"][0]["maps"] == ["cmp-a", "cmp-b", "cmp-c"]
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html and "<link" not in html
    assert runner.invoke(main, ["compare", str(folder), "-o", str(tmp_path / "x.svg")]).exit_code == 2


def test_many_essays_scale(tmp_path, runner):
    sys.path.insert(0, str(ROOT / "bench"))
    from many import make

    make(tmp_path, maps=8, claims=300, links=100)
    result = runner.invoke(main, ["compare", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["maps"]) == 8 and len(report["links_files"]) == 13
    assert max(len(c["maps"]) for c in report["chains"]) >= 4
    years = [m["published"] for m in report["maps"]]
    assert years == sorted(years)
