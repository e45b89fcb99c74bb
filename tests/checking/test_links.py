"""Links files (argmap.checking.links): checked with both of their maps, each problem at its line and column."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, write

from argmap.cli import main

BAD = FIXTURES / "links-invalid"


@pytest.mark.parametrize(("name", "code", "line", "column", "hint"), [
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


def test_every_invalid_links_file_is_tested():
    tested = {"unknown-claim.yaml", "argument-not-claim.yaml", "missing-map.yaml", "invalid-map.yaml",
              "bad-relation.yaml", "duplicate-link.yaml", "wrong-version.yaml"}
    assert {p.name for p in BAD.iterdir()} == tested


def test_links_file_validates_with_its_maps(runner):
    result = runner.invoke(main, ["validate", "--strict", str(FIXTURES / "compare")])
    assert result.exit_code == 0, result.output
    assert "3 files checked, no problems" in result.stdout


def test_links_file_naming_itself_or_another_links_file(tmp_path, runner):
    path = write(tmp_path, "self.yaml", "argmap-links: 1\nmaps: {a: self.yaml, b: self.yaml}\nlinks: []\n")
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    problems = json.loads(result.stdout)["problems"]
    assert {p["code"] for p in problems} == {"links-map-invalid"}
    assert "is a links file" in problems[0]["message"]
