"""Acceptance tests from fixture folders: every valid map passes, every invalid one fails at its known place."""
from __future__ import annotations

import json

import pytest

from argmap.cli import main
from argmap.problems import CODES, WARNING
from conftest import FIXTURES, MAPS

VALID = sorted((FIXTURES / "valid").glob("*.yaml")) + sorted(MAPS.glob("*.yaml"))


def _expected():
    for line in (FIXTURES / "invalid" / "EXPECTED").read_text().splitlines():
        if line and not line.startswith("#"):
            name, code, position = line.split()
            row, column = map(int, position.split(":"))
            yield pytest.param(name, code, row, column, id=name)


EXPECTED = list(_expected())


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_fixture_passes_strict(runner, path):
    result = runner.invoke(main, ["validate", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


@pytest.mark.parametrize("name, code, line, column", EXPECTED)
def test_invalid_fixture_reports_code_at_position(runner, name, code, line, column):
    path = FIXTURES / "invalid" / name
    result = runner.invoke(main, ["validate", "--strict", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    found = [(p["code"], p["line"], p["column"]) for p in report["problems"]]
    assert (code, line, column) in found
    assert all(p["file"] == str(path) for p in report["problems"])
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name, code, line, column", EXPECTED)
def test_warnings_fail_only_with_strict(runner, name, code, line, column):
    result = runner.invoke(main, ["validate", str(FIXTURES / "invalid" / name)])
    assert result.exit_code == (0 if CODES[code][0] == WARNING else 1), result.output


def test_every_invalid_fixture_has_an_expectation():
    listed = {p.values[0] for p in EXPECTED}
    present = {p.name for p in (FIXTURES / "invalid").iterdir() if p.name != "EXPECTED"}
    assert listed == present
