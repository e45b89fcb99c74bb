"""The published JSON Schemas and argmap's use of them (argmap.checking.schema): valid draft 2020-12, documented
for people, the same files the package uses, each violation worded at its line and column, and the same verdict
as an independent validator (check-jsonschema) and as the fast path (fastjsonschema)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, MAPS, MINIMAL, ROOT, find_tool, write
from jsonschema import Draft202012Validator

from argmap.checking import schema
from argmap.cli import main
from argmap.reading.document import parse_bytes, read_document
from argmap.reading.files import kind_of

PUBLISHED = ROOT / "schema" / "argmap.schema.json"
CORPUS = sorted({*FIXTURES.rglob("*.yaml"), *MAPS.rglob("*.yaml"), *(ROOT / "docs").rglob("*.yaml")})


def _properties(node, path=()):
    """Every property definition in the schema, with its path."""
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield (*path, name), sub
        for key, value in node.items():
            yield from _properties(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, (*path, index))


def test_schema_is_valid_draft_2020_12():
    document = json.loads(PUBLISHED.read_text())
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_package_uses_the_published_schema():
    assert schema.load_schema("map") == json.loads(PUBLISHED.read_text())


@pytest.mark.parametrize(("path", "definition"), list(_properties(json.loads(PUBLISHED.read_text()))),
                         ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else "")
def test_every_property_is_described_for_people(path, definition):
    if "$ref" in definition:
        target = json.loads(PUBLISHED.read_text())["$defs"][definition["$ref"].split("/")[-1]]
        definition = {**target, **definition}
    assert definition.get("description"), f"{path} has no description"
    assert definition.get("title") or path[-1] in ("quote", "note", "tags"), f"{path} has no title"


def test_schema_has_enums_and_examples_for_editors():
    document = json.loads(PUBLISHED.read_text())
    claim = document["$defs"]["claim"]["properties"]
    assert claim["role"]["enum"][0] == "thesis"
    assert "description" in claim["role"]
    assert document["$defs"]["argument"]["properties"]["scheme"]["examples"]
    assert document["properties"]["source"]["properties"]["published"]["examples"]


HEAD = "argmap: 1\nid: m\ntitle: M\nthesis: t\nclaims:\n"  # the claims start on line 6


@pytest.mark.parametrize(("text", "line", "column", "code", "hint"), [
    (HEAD + "  t: {text: T, implicit: yes}\n", 6, 26, "schema-type",
     "write true or false: argmap reads YAML 1.2, where yes/no/on/off are plain text"),
    (HEAD + "  t: {text: 42, quote: t}\n", 6, 13, "schema-type", "put the value in quotes to keep it as text"),
    (HEAD + "  t: {text: ~, quote: t}\n", 6, 13, "schema-type",
     "write the value after the colon, or remove the property"),
    (HEAD + "  t: {quote: t}\n", 6, 3, "schema-required", None),
    (HEAD + "  t: {text: T, qoute: t}\n", 6, 16, "schema-unknown-property", "did you mean 'quote' or 'note'?"),
    (HEAD + "  t: {text: T, quote: t, role: conclsion}\n", 6, 32, "schema-enum", "did you mean 'conclusion'?"),
    ("argmap: 1\nid: 'm n'\ntitle: M\nthesis: t\nclaims:\n  t: {text: T}\n", 2, 5, "schema-pattern", None),
    (HEAD + "  t: {text: '', quote: t}\n", 6, 13, "schema-length", None),
    (HEAD + "  t: {text: T, quote: t}\narguments:\n  a: {conclusion: t, premises: []}\n", 8, 32, "schema-length", None),
    ("argmap: 2\nid: m\ntitle: M\nthesis: t\nclaims:\n  t: {text: T}\n", 1, 9, "schema-version",
     "write 'argmap: 1', or upgrade argmap"),
    ("id: m\ntitle: M\nthesis: t\nclaims:\n  t: {text: T}\n", 1, 1, "schema-version",
     "start the file with 'argmap: 1'"),
    ("argmap: 1\nid: m\ntitle: M\nclaims:\n  t: {text: T}\n", 1, 1, "missing-thesis",
     "add 'thesis: ID' naming the claim the whole map argues for"),
    (HEAD + "  t: {text: T, quote: t, actor: 12}\n", 6, 33, "schema", None),
], ids=lambda value: value if isinstance(value, str) and value.startswith(("schema", "missing")) else None)
def test_each_violation_is_worded_at_its_line_and_column(text, line, column, code, hint):
    doc = parse_bytes(text.encode("utf-8"), "m.yaml")
    problems = schema.check(doc, "map")
    assert [(p.line, p.column, p.code) for p in problems] == [(line, column, code)]
    assert problems[0].message
    if hint is not None:
        assert problems[0].hint == hint


@pytest.mark.parametrize(("line", "replacement", "code"), [
    ("title: T", "title: " + "1" * 5000, "schema-length"),  # more digits than Python converts: kept as text
    ("id: m", 'id: "m\\n"', "schema-pattern"),
])
def test_values_that_used_to_crash_or_slip_through(tmp_path, runner, line, replacement, code):
    path = write(tmp_path, "m.yaml", MINIMAL.replace(line + "\n", replacement + "\n"))
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    assert code in {p["code"] for p in json.loads(result.stdout)["problems"]}


def _their_verdicts(tool: str, kind: str, files: list[Path]) -> dict[str, bool]:
    """File -> whether check-jsonschema finds it invalid against the published schema."""
    result = subprocess.run([tool, "--schemafile", str(ROOT / "schema" / schema.SCHEMA_FILES[kind]), "-o", "json",
                             *map(str, files)], capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stdout)
    bad = {e["filename"] for e in report.get("errors", [])} | {e["filename"] for e in report.get("parse_errors", [])}
    return {str(f): str(f) in bad for f in files}


def test_check_jsonschema_agrees_with_argmap_on_every_fixture():
    tool = find_tool("check-jsonschema")
    ours: dict[str, dict[str, bool]] = {"map": {}, "links": {}}
    files: dict[str, list[Path]] = {"map": [], "links": []}
    for path in CORPUS:
        doc = read_document(path)
        if doc.problems:
            continue  # refused before any schema (encodings, tags, duplicate keys...): nothing to compare
        kind = kind_of(doc.data)
        invalid = not isinstance(doc.data, dict) or bool(schema.check(doc, kind))
        ours[kind][str(path)] = invalid
        files[kind].append(path)
    compared = 0
    for kind in ("map", "links"):
        theirs = _their_verdicts(tool, kind, files[kind])
        disagreements = {f: (ours[kind][f], theirs[f]) for f in theirs if ours[kind][f] != theirs[f]}
        assert not disagreements, f"argmap vs check-jsonschema (True = invalid): {disagreements}"
        compared += len(theirs)
    assert compared >= 60
    assert sum(ours["map"].values()) >= 20
    assert sum(not v for v in ours["map"].values()) >= 20


def test_fast_validator_agrees_with_jsonschema_on_every_fixture():
    """fastjsonschema only answers valid or not, as a fast path; jsonschema's verdict must be the same."""
    from argmap.checking.schema import fast_validator, validator

    compared = 0
    for path in CORPUS:
        doc = read_document(path)
        if doc.problems or not isinstance(doc.data, dict):
            continue
        kind = kind_of(doc.data)
        fast, refused = fast_validator(kind)
        try:
            fast(doc.data)
            fast_valid = True
        except refused:
            fast_valid = False
        assert fast_valid == validator(kind).is_valid(doc.data), path
        compared += 1
    assert compared >= 60
