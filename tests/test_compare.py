"""Links files and `argmap compare`: validation, the report in three formats, suggestions, the diagram."""
from __future__ import annotations

import json
import re

import pytest

import argmap
from argmap.cli import main
from argmap.comparing.compare import compare, similarities, terms
from conftest import FIXTURES

A = FIXTURES / "compare" / "a.yaml"
B = FIXTURES / "compare" / "b.yaml"
LINKS = FIXTURES / "compare" / "links" / "a--b.yaml"
BAD = FIXTURES / "links-invalid"


@pytest.mark.parametrize("name, code, line, column, hint", [
    ("unknown-claim.yaml", "unknown-ref", 4, 19, "did you mean 'mistrust'?"),
    ("argument-not-claim.yaml", "unknown-ref", 4, 9, "did you mean 'talk'?"),
    ("missing-map.yaml", "links-map-missing", 2, 33, "paths are relative to the links file"),
    ("invalid-map.yaml", "links-map-invalid", 2, 33, None),
    ("bad-relation.yaml", "schema-enum", 4, 39, None),
    ("duplicate-link.yaml", "duplicate-link", 5, 5, "keep one link per pair of claims"),
    ("wrong-version.yaml", "schema-version", 1, 15, "write 'argmap-links: 1', or upgrade argmap"),
])
def test_invalid_links_files(runner, name, code, line, column, hint):
    result = runner.invoke(main, ["validate", "--strict", "--format", "json", str(BAD / name)])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [(code, line, column)]
    if hint:
        assert problems[0]["hint"] == hint


def test_links_file_validates_with_its_maps(runner):
    result = runner.invoke(main, ["validate", "--strict", str(FIXTURES / "compare")])
    assert result.exit_code == 0, result.output
    assert "3 files checked, no problems" in result.stderr


def test_text_report_finds_links_file_on_its_own(runner):
    result = runner.invoke(main, ["compare", str(A), str(B)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"links: {LINKS}" in out
    for heading, count in (("Shared (same claim)", 1), ("Recast", 1), ("Contradicted", 1), ("Developed", 1)):
        assert re.search(rf"^{re.escape(heading)}.*: {count}$", out, re.M), heading
    assert "  A summit-hope: The coming summit will break the stalemate.\n  B summit-failed:" in out
    assert "    note: Hope in A, failure in B." in out
    assert "Only in A (cmp-a): 1\n  weather: Rain falls often in the capital in June." in out


def test_json_report_objects_hold_both_claims(runner):
    result = runner.invoke(main, ["compare", str(A), str(B), "--format", "json", "--threshold", "0.05"])
    report = json.loads(result.stdout)
    assert report["summary"]["same"] == 1 and report["summary"]["contradicts"] == 1
    link = next(k for k in report["links"] if k["relation"] == "same")
    assert link == {"origin": "explicit", "relation": "same", "note": "Both name mistrust.",
                    "a": {"id": "trust", "text": "Mutual trust between the two sides is extremely short.",
                          "quotes": ["trust is short"], "role": "premise"},
                    "b": {"id": "mistrust", "role": "premise", "quotes": ["mistrust"],
                          "text": "The extreme lack of mutual trust between the two sides is at the heart of failure."}}
    assert report["suggestions"], "a low threshold must suggest something"
    for suggestion in report["suggestions"]:
        assert suggestion["origin"] == "suggested" and 0.05 <= suggestion["score"] <= 1
        assert (suggestion["a"]["id"], suggestion["b"]["id"]) not in {(k["a"]["id"], k["b"]["id"]) for k in report["links"]}
    assert [c["id"] for c in report["only_b"]] == [] or "fish" in [c["id"] for c in report["only_b"]]


def test_markdown_report(runner):
    out = runner.invoke(main, ["compare", str(A), str(B), "--format", "markdown"]).stdout
    assert out.startswith("# Essay A and Essay B")
    assert "## Contradicted (opposed or changed assessment): 1" in out
    assert "| The coming summit will break the stalemate. | The summit was fruitless and the stalemate continued. | Hope in A, failure in B. |" in out


def test_reversed_order_orients_the_links(runner):
    report = json.loads(runner.invoke(main, ["compare", str(B), str(A), "--format", "json"]).stdout)
    same = next(k for k in report["links"] if k["relation"] == "same")
    assert same["a"]["id"] == "mistrust" and same["b"]["id"] == "trust"


def test_explicit_links_option_and_mismatch(runner, tmp_path):
    assert runner.invoke(main, ["compare", str(A), str(B), "--links", str(LINKS)]).exit_code == 0
    result = runner.invoke(main, ["compare", str(A), str(A), "--links", str(LINKS)])
    assert result.exit_code == 2 and "does not link" in result.output


def test_invalid_links_file_stops_compare(runner):
    result = runner.invoke(main, ["compare", str(A), str(B), "--links", str(BAD / "unknown-claim.yaml")])
    assert result.exit_code == 1
    assert "unknown-claim.yaml:4:19: error:" in result.stderr


def test_no_links_file_means_suggestions_only(runner, tmp_path):
    (tmp_path / "a.yaml").write_text(A.read_text())
    (tmp_path / "b.yaml").write_text(B.read_text())
    result = runner.invoke(main, ["compare", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "--threshold", "0.2",
                                  "--format", "json"])
    report = json.loads(result.stdout)
    assert report["links_file"] is None and report["links"] == []
    pairs = {(s["a"]["id"], s["b"]["id"]) for s in report["suggestions"]}
    assert ("trust", "mistrust") in pairs and ("summit-hope", "summit-failed") in pairs
    assert not any("weather" in pair or "fish" in pair for pair in pairs)


def test_terms_stem_and_drop_stop_words():
    assert terms("The negotiations were negotiated; DPRK's countries' denuclearization-process") == [
        "negotiation", "negotiated", "dprk", "country", "denuclearization", "process"]


def test_similarity_is_cosine_and_keeps_best_partners():
    a, b = argmap.load(A), argmap.load(B)
    scores = similarities(a, b, threshold=0.0001, per_claim=1)
    assert len({pair[1] for pair in scores}) == len(scores)  # one partner per claim of A
    assert all(0 < score <= 1.0001 for score, _, _ in scores)
    assert similarities(a, a, threshold=0.99)[0][0] == pytest.approx(1.0)


def test_comparison_diagram(needs_dot, runner, tmp_path):
    out = tmp_path / "cmp.svg"
    result = runner.invoke(main, ["compare", str(A), str(B), "-o", str(out)])
    assert result.exit_code == 0, result.output
    import xml.etree.ElementTree as ET

    groups = {g.get("id"): g.get("class") for g in ET.parse(out).getroot().iter("{http://www.w3.org/2000/svg}g")}
    assert {c for c in groups.values() if c and c.startswith("edge link")} == {
        "edge link same", "edge link recast", "edge link contradicts", "edge link develops"}
    assert groups["a-claim-trust"] == "node claim role-premise" and groups["b-claim-mistrust"].startswith("node claim")
    assert groups["a-map-cmp-a"] == groups["b-map-cmp-b"] == "cluster"


def test_library_compare():
    from argmap.checking.pipeline import check_file

    links = check_file(LINKS).links
    result = compare(argmap.load(A), argmap.load(B), links, threshold=0.3)
    assert [p.relation for p in result.explicit] == ["same", "recast", "contradicts", "develops"]
    assert [c.id for c in result.only_a] == ["weather"]


ESSAY_A = FIXTURES.parent.parent / "maps" / "2019-02-15-zhang-finding-a-solution.yaml"
ESSAY_B = FIXTURES.parent.parent / "maps" / "2021-peninsula-stalemate.yaml"


def test_bundled_links_cover_all_four_relations(runner):
    report = json.loads(runner.invoke(main, ["compare", str(ESSAY_A), str(ESSAY_B), "--format", "json"]).stdout)
    summary = report["summary"]
    assert report["links_file"].endswith("maps/links/2019-02-15-zhang-finding-a-solution--2021-peninsula-stalemate.yaml")
    assert all(summary[relation] >= 2 for relation in ("same", "recast", "contradicts", "develops"))
    assert len(report["links"]) >= 40
    assert all(link["note"] for link in report["links"])


def test_suggester_quality_on_the_bundled_essays_does_not_fall():
    """docs/cli.md states these figures; the floors keep a change from quietly making suggestions worse."""
    from argmap.checking.pipeline import check_file
    from argmap.comparing.compare import DEFAULT_THRESHOLD, evaluate

    links = check_file(ESSAY_A.parent / "links" / "2019-02-15-zhang-finding-a-solution--2021-peninsula-stalemate.yaml").links
    result = evaluate(argmap.load(ESSAY_A), argmap.load(ESSAY_B), links, DEFAULT_THRESHOLD)
    assert result.recall >= 0.25
    assert result.precision >= 0.35
    assert result.precision_at_top >= 0.50


def test_evaluate_option(runner):
    result = runner.invoke(main, ["compare", "--evaluate", str(ESSAY_A), str(ESSAY_B)])
    assert result.exit_code == 0
    assert re.search(r"^\s+0\.20\s+\d+\s+\d+\s+[\d.]+%\s+[\d.]+%\s+[\d.]+%$", result.stdout, re.M)


def test_comparison_html_page_holds_both_maps(needs_dot, runner, tmp_path):
    out = tmp_path / "cmp.html"
    result = runner.invoke(main, ["compare", str(A), str(B), "-o", str(out), "--linked-only"])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    data = json.loads(re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S).group(1))
    data = data["nodes"]  # the page's data holds the panel's entries under "nodes", beside edges, outline, links
    assert data["a-claim-trust"]["text"] == "Mutual trust between the two sides is extremely short."
    assert data["b-claim-mistrust"]["kind"].endswith("cmp-b")
    assert "a-claim-weather" in data  # the panel knows every claim, the diagram draws the linked ones
    assert 'id="a-claim-weather"' not in page and 'a&#45;claim&#45;weather' not in page


def test_generated_maps_compare(tmp_path, runner):
    import subprocess
    import sys

    from conftest import ROOT

    for seed in (1, 2):
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "300", str(tmp_path / f"g{seed}.yaml"),
                        "--seed", str(seed)], check=True)
    assert runner.invoke(main, ["validate", "--strict", str(tmp_path)]).exit_code == 0
    report = json.loads(runner.invoke(main, ["compare", str(tmp_path / "g1.yaml"), str(tmp_path / "g2.yaml"),
                                             "--format", "json"]).stdout)
    assert report["a"]["claims"] == report["b"]["claims"] == 300
    assert all(s["score"] >= 0.2 for s in report["suggestions"])
