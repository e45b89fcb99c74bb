"""The analytic report at the top of every format: counts by relation, section and actor; predictions; a summary."""
from __future__ import annotations

import json

from argmap.cli import main
from conftest import ROOT

PAIR = ROOT / "corpus" / "washington-du-bois"
WASHINGTON = PAIR / "1895-09-18-washington-atlanta-address.yaml"
DU_BOIS = PAIR / "1903-du-bois-of-mr-booker-t-washington.yaml"


def _run(runner, *args):
    result = runner.invoke(main, ["compare", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_analysis_comes_first_with_every_count(runner):
    report = json.loads(_run(runner, WASHINGTON, DU_BOIS, "--format", "json"))
    assert list(report)[0] == "analysis"
    analysis = report["analysis"]
    assert analysis["by_relation"] == {"same": 0, "recast": 13, "contradicts": 22, "develops": 9}
    sections = {(s["side"], s["section"]): s for s in analysis["by_section"]}
    equality = sections["a", "Social equality and the privileges of the law"]
    assert (equality["claims"], equality["linked"]) == (6, 6)
    assert sum(s["linked"] for s in analysis["by_section"] if s["side"] == "a") == 21  # distinct claims
    actors = dict((a["actor"], a["links"]) for a in analysis["by_actor"])
    assert actors["Booker T. Washington"] > 0 and actors["Black Southerners"] >= actors["The white South"]
    assert analysis["earlier"] == "a"
    verdicts = {(p["a"], p["b"]): p["verdict"] for p in analysis["predictions"]}
    assert verdicts["privileges-by-struggle", "disfranchisement"] == "contradicted"
    assert verdicts["privileges-by-struggle", "not-in-a-moment"] == "borne out"
    assert verdicts["recognition-cements-friendship", "prejudice-grown"] == "contradicted"
    only = {g["section"]: g["claims"] for g in analysis["only_by_section"]["b"]}
    assert "emigration-only-hope" not in sum(only.values(), [])
    assert analysis["summary"].startswith("Of 44 links between washington-1895 (1895-09-18) and du-bois-1903 (1903), "
                                          "22 contradict, 13 recast and 9 develop. Of the 13 predictions of the "
                                          "earlier essay, washington-1895, the later one bears out ")


def test_the_analysis_does_not_depend_on_which_map_is_a(runner):
    forward = json.loads(_run(runner, WASHINGTON, DU_BOIS, "--format", "json"))["analysis"]
    backward = json.loads(_run(runner, DU_BOIS, WASHINGTON, "--format", "json"))["analysis"]
    assert backward["earlier"] == "b"
    assert forward["by_relation"] == backward["by_relation"]
    assert len(forward["predictions"]) == len(backward["predictions"]) == 9


def test_text_and_markdown_open_with_the_analysis(runner):
    text = _run(runner, WASHINGTON, DU_BOIS)
    lines = text.splitlines()
    assert lines[3] == "Analysis" and lines[4].startswith("  Of 44 links between washington-1895")
    assert text.index("Analysis") < text.index("Shared (same claim)")
    assert "  Predictions of the earlier essay (washington-1895) that the later one bears out or contradicts: 9" in text
    assert "    contradicted (contradicts): privileges-by-struggle: " in text
    assert "  By actor (links naming it on either side): Black Southerners " in text
    assert "Only in B (du-bois-1903): " in text and "\n  First: judge the South discriminatingly:\n    " in text
    markdown = _run(runner, WASHINGTON, DU_BOIS, "--format", "markdown")
    assert markdown.index("## Analysis") < markdown.index("## Shared (same claim)")
    assert "| washington-1895 | Social equality and the privileges of the law | 6 | 6 |" in markdown
    assert "| contradicted | Progress in enjoying the privileges" in markdown


def test_undated_maps_judge_no_prediction(runner):
    text = _run(runner, ROOT / "maps" / "2019-02-15-zhang-finding-a-solution.yaml",
                ROOT / "maps" / "2021-peninsula-stalemate.yaml")
    assert "  Predictions: the maps' dates do not say which essay is earlier" in text
