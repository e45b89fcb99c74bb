"""The compare page's review block: suggestions and drafts to accept, reject or retype, and the links file to take away."""
from __future__ import annotations

import json
import re
import shutil

import yaml

from argmap.cli import main
from conftest import FIXTURES

A, B = FIXTURES / "compare" / "a.yaml", FIXTURES / "compare" / "b.yaml"


def _maps(tmp_path):
    for path in (A, B):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / "a.yaml", tmp_path / "b.yaml"


def _data(page_path):
    text = page_path.read_text()
    return json.loads(re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', text, re.S).group(1))


def test_the_page_carries_every_suggestion_and_draft_in_its_json(needs_dot, runner, tmp_path):
    a, b = _maps(tmp_path)
    runner.invoke(main, ["compare", str(a), str(b), "--write-drafts", "--per-claim", "0.4"])
    out = tmp_path / "cmp.html"
    result = runner.invoke(main, ["compare", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    review = _data(out)["argmap-review"]
    kinds = [item["kind"] for item in review["items"]]
    assert kinds.count("draft") == 2 and kinds.count("suggestion") >= 1
    assert review["file"] == "a--b.yaml" and review["text"] == (tmp_path / "links" / "a--b.yaml").read_text()
    for item in review["items"]:
        assert item["guess"] in ("same", "recast", "contradicts", "develops") and item["reasons"]
    html = out.read_text()
    assert '<details id="review" open>' in html and "<link" not in html and "src=\"http" not in html


def test_a_reader_accepts_rejects_and_retypes_and_takes_the_file_away(browser, runner, tmp_path):  # noqa: F811
    a, b = _maps(tmp_path)
    runner.invoke(main, ["compare", str(a), str(b), "--write-drafts", "--per-claim", "0.4"])
    out = tmp_path / "cmp.html"
    assert runner.invoke(main, ["compare", str(a), str(b), "-o", str(out)]).exit_code == 0
    items = _data(out)["argmap-review"]["items"]
    page = browser.new_page(accept_downloads=True)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(out.as_uri())
    assert page.locator("#review-rows tr").count() == len(items)
    page.select_option("#review-choice-0", "accept")   # the first draft, as guessed
    page.select_option("#review-choice-1", "reject")   # the second draft
    retyped = next(r for r in ("same", "recast", "contradicts", "develops") if r != items[2]["guess"])
    page.select_option("#review-choice-2", retyped)    # the first suggestion not yet in the file
    assert page.locator("#review-count").inner_text() == f"3 of {len(items)} decided"
    with page.expect_download() as download:
        page.click("#review-download")
    saved = tmp_path / "links" / "a--b.yaml"
    download.value.save_as(saved)
    assert saved.read_text() == page.locator("#review-yaml").input_value()
    data = yaml.safe_load(saved.read_text())
    states = {(k["a"], k["b"]): next(s for s in ("relation", "draft", "rejected") if s in k) for k in data["links"]}
    first, second, third = items[0], items[1], items[2]
    assert states[first["file_a"], first["file_b"]] == "relation"
    assert states[second["file_a"], second["file_b"]] == "rejected"
    assert next(k for k in data["links"] if (k["a"], k["b"]) == (third["file_a"], third["file_b"]))["relation"] == retyped
    result = runner.invoke(main, ["validate", "--strict", "--format", "json", str(saved)])
    assert result.exit_code == 0, result.output  # every draft decided: strict passes
    assert all(url == out.as_uri() or url.startswith("blob:") for url in requests)
