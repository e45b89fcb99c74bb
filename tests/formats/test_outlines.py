"""The Markdown outline (argmap.formats.markdown) and the JSON model (argmap.formats.jsonmodel), and what every
export shares."""
from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import FIXTURES, MAPS, ROOT

import argmap
from argmap.cli import main
from argmap.formats import markdown

ALL_MAPS = [*sorted(MAPS.glob("*.yaml")), FIXTURES / "valid" / "tricky-labels.yaml"]


def test_markdown_outline():
    text = markdown.dump(argmap.load(MAPS / "school-phones.yaml"))
    assert text.startswith("# Should Schools Ban Phones?\n")
    assert ("- **Schools should ban phones in class.** _(thesis, Schools)_\n"
            "  > Schools should ban phones in class.") in text
    assert "  - Because (consequences), together, `distraction-argument`:" in text
    assert "**Schools should not allow what lowers learning in class.** _(premise, implicit)_" in text
    assert "Objection to this inference: **Students are distracted by many things" in text
    assert "Objection: **Phones are needed in emergencies.**" in text


@pytest.mark.parametrize("path", ALL_MAPS, ids=lambda p: p.stem)
def test_json_export_matches_its_published_schema(path, runner):
    result = runner.invoke(main, ["export", str(path), "--to", "json"])
    assert result.exit_code == 0
    schema = json.loads((ROOT / "schema" / "argmap-model.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(result.stdout), schema)


def test_export_of_invalid_map_fails_cleanly(runner):
    result = runner.invoke(main, ["export", str(FIXTURES / "invalid" / "bad-role.yaml"), "--to", "aif"])
    assert result.exit_code == 1
    assert "schema-enum" in result.stderr
