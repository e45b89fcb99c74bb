"""The review workflow: suggestions written as drafts, --strict failing on them, one edit to accept, reject or retype."""
from __future__ import annotations

import json
import shutil

import yaml

from argmap.cli import main
from conftest import FIXTURES

A, B = FIXTURES / "compare" / "a.yaml", FIXTURES / "compare" / "b.yaml"


def _maps(tmp_path):
    for path in (A, B):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / "a.yaml", tmp_path / "b.yaml"


def _validate(runner, path):
    result = runner.invoke(main, ["validate", "--strict", "--format", "json", str(path)])
    return result.exit_code, [p["code"] for p in json.loads(result.stdout)["problems"]]


def test_drafts_are_written_with_score_relation_and_reasons_and_fail_strict(runner, tmp_path):
    a, b = _maps(tmp_path)
    result = runner.invoke(main, ["compare", str(a), str(b), "--write-drafts"])
    assert result.exit_code == 0, result.output
    links = tmp_path / "links" / "a--b.yaml"
    assert f"4 drafts written to {links}" in result.stdout
    data = yaml.safe_load(links.read_text())
    assert data["maps"] == {"a": "../a.yaml", "b": "../b.yaml"}
    assert len(data["links"]) == 4
    for item in data["links"]:
        assert set(item) == {"a", "b", "draft", "score", "reasons"}
        assert item["draft"] in ("same", "recast", "contradicts", "develops") and item["reasons"]
    code, problems = _validate(runner, links)
    assert code == 1 and problems == ["draft-link"] * 4
    assert runner.invoke(main, ["validate", str(links)]).exit_code == 0  # a warning: only --strict fails


def test_one_edit_each_accepts_rejects_or_retypes_a_draft(runner, tmp_path):
    a, b = _maps(tmp_path)
    runner.invoke(main, ["compare", str(a), str(b), "--write-drafts"])
    links = tmp_path / "links" / "a--b.yaml"
    lines = links.read_text().splitlines()
    drafts = [i for i, line in enumerate(lines) if line.strip().startswith("draft:")]
    lines[drafts[0]] = lines[drafts[0]].replace("draft:", "relation:")            # accept
    lines[drafts[1]] = lines[drafts[1]].replace("draft:", "rejected:")            # reject
    lines[drafts[2]] = lines[drafts[2]].split("draft:")[0] + "relation: same"     # retype
    lines[drafts[3]] = lines[drafts[3]].replace("draft:", "relation:")
    links.write_text("\n".join(lines) + "\n")
    assert _validate(runner, links) == (0, [])
    report = json.loads(runner.invoke(main, ["compare", str(a), str(b), "--format", "json"]).stdout)
    assert len(report["links"]) == 3 and report["rejected"] == 1 and report["drafts"] == []
    rejected = yaml.safe_load(links.read_text())["links"][1]
    suggested = {(s["a"]["id"], s["b"]["id"]) for s in report["suggestions"]}
    assert (rejected["a"], rejected["b"]) not in suggested  # a rejected pair is never suggested again


def test_a_second_run_adds_no_draft_and_keeps_the_files_sides(runner, tmp_path):
    a, b = _maps(tmp_path)
    runner.invoke(main, ["compare", str(a), str(b), "--write-drafts"])
    links = tmp_path / "links" / "a--b.yaml"
    before = links.read_text()
    again = runner.invoke(main, ["compare", str(b), str(a), "--write-drafts"])
    assert again.exit_code == 0 and "0 drafts written" in again.stdout
    assert links.read_text() == before
    report = runner.invoke(main, ["compare", str(a), str(b)]).stdout
    assert "Drafts awaiting review in the links file: 4" in report
    assert "        draft: recast; shared words: summit, stalemate" in report


def test_drafts_are_appended_to_an_existing_links_file_keeping_its_text(runner, tmp_path):
    a, b = _maps(tmp_path)
    (tmp_path / "links").mkdir()
    links = tmp_path / "links" / "a--b.yaml"
    head = "# my comment\nargmap-links: 1\nmaps:\n  a: ../a.yaml\n  b: ../b.yaml\nlinks:\n    - a: weather\n      b: fish\n      relation: same\n"
    links.write_text(head + "title: After the links\n")
    assert runner.invoke(main, ["compare", str(a), str(b), "--write-drafts"]).exit_code == 0
    text = links.read_text()
    assert text.startswith(head) and text.endswith("title: After the links\n")
    assert "\n    - a: summit-hope\n      b: summit-failed\n      draft: " in text
    assert _validate(runner, links)[1] == ["draft-link"] * 4


def test_a_link_needs_exactly_one_of_relation_draft_rejected(runner, tmp_path):
    _maps(tmp_path)
    path = tmp_path / "bad.yaml"
    path.write_text("argmap-links: 1\nmaps: {a: a.yaml, b: b.yaml}\nlinks:\n  - {a: trust, b: mistrust}\n"
                    "  - {a: talk, b: cooperate, relation: same, draft: same}\n")
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    problems = json.loads(result.stdout)["problems"]
    assert result.exit_code == 1 and [(p["code"], p["line"]) for p in problems] == [("link-state", 4), ("link-state", 5)]
    assert "has none of" in problems[0]["message"] and "'relation' and 'draft'" in problems[1]["message"]
