"""The published schema: valid draft 2020-12, documented for people, and the same file the package uses."""
from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from argmap.checking import schema
from conftest import ROOT

PUBLISHED = ROOT / "schema" / "argmap.schema.json"


def _properties(node, path=()):
    """Every property definition in the schema, with its path."""
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield path + (name,), sub
        for key, value in node.items():
            yield from _properties(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, path + (index,))


def test_schema_is_valid_draft_2020_12():
    document = json.loads(PUBLISHED.read_text())
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_package_uses_the_published_schema():
    assert schema.load_schema("map") == json.loads(PUBLISHED.read_text())


@pytest.mark.parametrize("path, definition", list(_properties(json.loads(PUBLISHED.read_text()))),
                         ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else "")
def test_every_property_is_described_for_people(path, definition):
    if "$ref" in definition:
        target = json.loads(PUBLISHED.read_text())["$defs"][definition["$ref"].split("/")[-1]]
        definition = {**target, **definition}
    assert definition.get("description"), f"{path} has no description"
    assert definition.get("title") or path[-1] in ("quote", "note", "tags"), f"{path} has no title"
