"""`argmap new` and `argmap schema` (argmap.cli.authoring): a valid skeleton for a new map, and the published schemas
for editors."""
from __future__ import annotations

import json

import pytest
from conftest import ROOT

import argmap
from argmap.cli import main


@pytest.mark.parametrize(("args", "key"), [
    ([], "argmap"), (["--links"], "argmap-links"), (["--model"], "argmap-model"),
])
def test_schema_command_prints_the_published_schemas(runner, args, key):
    result = runner.invoke(main, ["schema", *args])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert key in schema["properties"]
    published = {"argmap": "argmap.schema.json", "argmap-links": "links.schema.json",
                 "argmap-model": "argmap-model.schema.json"}
    assert schema == json.loads((ROOT / "schema" / published[key]).read_text())


def test_new_writes_a_valid_skeleton_with_source_metadata(runner, tmp_path, essays):
    essay = essays / "2019-02-15-zhang-finding-a-solution.txt"
    out = tmp_path / "maps" / "zhang.yaml"
    out.parent.mkdir()
    result = runner.invoke(main, ["new", "--source", str(essay), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    for element in ("# actors:", "# sections:", "implicit: true", "# arguments:", "# objections:", "# omitted:"):
        assert element in text
    model = argmap.load(out, sources=essays)  # the quote is checked against the essay, and the hash too
    assert model.source.published == "2019-02-15"
    assert model.source.file == essay.name
    assert runner.invoke(main, ["validate", "--strict", "--sources", str(essays), str(out)]).exit_code == 0
    again = runner.invoke(main, ["new", "--source", str(essay), "-o", str(out)])
    assert again.exit_code == 1
    assert "--force" in again.output


def test_new_refuses_text_that_is_not_utf8(runner, tmp_path):
    essay = tmp_path / "latin1.txt"
    essay.write_bytes(b"Caf\xe9 society is good.\n")
    result = runner.invoke(main, ["new", "--source", str(essay), "-o", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output
    assert not (tmp_path / "m.yaml").exists()
