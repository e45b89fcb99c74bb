"""Coverage: sentences of a source carried by quotes, left out with a reason, or missing."""
from __future__ import annotations

import json

import pytest
from conftest import MAPS, write

import argmap
from argmap.checking.sources import read_source
from argmap.cli import main
from argmap.coverage import CARRIED, LEFT_OUT, NOT_CARRIED, PARTLY, measure, sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("One. Two! Three? four.", ["One.", "Two!", "Three? four."]),
    ("China and the U.S. should act. The U.S. Congress refuses.", ["China and the U.S. should act.",
                                                                    "The U.S. Congress refuses."]),
    ("A. The leaders trust each other. B. Rapid ties.", ["A. The leaders trust each other.", "B. Rapid ties."]),
    ("1. China and the U.S. should declare.\n2. Push.", ["1. China and the U.S. should declare.", "2. Push."]),
    ("• Freezes Yongbyon;\n\nThe US\n\n• Undertakes;", ["• Freezes Yongbyon;", "The US", "• Undertakes;"]),
    ("He said “No.” Then left.", ["He said “No.”", "Then left."]),
])
def test_sentence_splitting(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


MAP = """argmap: 1
id: cov
title: Coverage
source:
  file: s.txt
  omitted:
    - {{quote: "Title", reason: The title.}}
    - {{quote: "The US", reason: A heading.}}
thesis: t
claims:
  t: {{text: T, quote: {t}}}
  p: {{text: P, quote: {p}}}
arguments:
  a: {{conclusion: t, premises: [p]}}
"""
SOURCE = "Title\n\nThe US and China agree. However, they differ on timing.\n\nThe US\n\nIt rains today.\n"


def _measure(tmp_path, t, p):
    (tmp_path / "s.txt").write_text(SOURCE, encoding="utf-8")
    path = write(tmp_path, "m.yaml", MAP.format(t=json.dumps(t), p=json.dumps(p)))
    return measure(argmap.load(path), read_source(tmp_path / "s.txt"))


def test_statuses_and_connectives(tmp_path):
    report = _measure(tmp_path, "The US and China agree.", "they differ on")
    statuses = [(s.text, s.status) for s in report.sentences]
    assert statuses == [("Title", LEFT_OUT), ("The US and China agree.", CARRIED),
                        ("However, they differ on timing.", PARTLY), ("The US", LEFT_OUT),
                        ("It rains today.", NOT_CARRIED)]
    assert report.sentences[2].uncovered == ["timing."]  # "However," is a connective, "timing" is content
    assert report.arguable == 3
    assert report.share == pytest.approx(1 / 3)


def test_repeated_short_quote_takes_the_place_no_longer_quote_took(tmp_path):
    # "The US" occurs twice; the longer claim quote owns the first, so the heading is left out, not stolen
    report = _measure(tmp_path, "The US and China agree.", "However, they differ on timing.")
    assert [s.status for s in report.sentences] == [LEFT_OUT, CARRIED, CARRIED, LEFT_OUT, NOT_CARRIED]
    assert report.sentences[1].claims == ["t"]


def test_cli_reports_and_fails_under(tmp_path, runner):
    _measure(tmp_path, "The US and China agree.", "they differ on")
    result = runner.invoke(main, ["coverage", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0
    assert "1 of 3 sentences that carry argument are carried (33.3%); 1 partly, 1 not carried; 2 left out" in result.stdout
    assert "s.txt:7: not carried\n    'It rains today.'" in result.stdout
    assert runner.invoke(main, ["coverage", "--fail-under", "50", str(tmp_path / "m.yaml")]).exit_code == 1
    data = json.loads(runner.invoke(main, ["coverage", "--format", "json", str(tmp_path / "m.yaml")]).stdout)
    assert data[0]["carried"] == 1
    assert data[0]["left_out"] == 2
    assert data[0]["details"][0]["reason"] == "The title."


def test_missing_source_is_an_error(tmp_path, runner):
    path = write(tmp_path, "m.yaml", MAP.format(t='"x"', p='"y"'))
    result = runner.invoke(main, ["coverage", str(path)])
    assert result.exit_code == 1
    assert "was not found" in result.output


def test_bundled_maps_carry_every_sentence_that_argues(essays, runner):
    result = runner.invoke(main, ["coverage", "--sources", str(essays), "--fail-under", "100", "--format", "json",
                                  str(MAPS)])
    assert result.exit_code == 0, result.output
    reports = {r["map"]: r for r in json.loads(result.stdout)}
    for map_id in ("zhang-2019", "peninsula-stalemate-2021", "school-phones"):
        report = reports[map_id]
        assert report["partly_carried"] == 0
        assert report["not_carried"] == 0
        assert report["carried"] + report["left_out"] == report["sentences"]
        assert all(d["reason"] for d in report["details"] if d["status"] == LEFT_OUT)
