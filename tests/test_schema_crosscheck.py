"""An independent check of the published schemas: check-jsonschema gives every fixture the verdict argmap gives it."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from argmap.checking import schema
from argmap.reading.files import kind_of
from argmap.reading.document import read_document
from conftest import FIXTURES, MAPS, ROOT, find_tool

CORPUS = sorted({*FIXTURES.rglob("*.yaml"), *MAPS.rglob("*.yaml"), *(ROOT / "docs").rglob("*.yaml")})


def _check_jsonschema() -> str:
    return find_tool("check-jsonschema")


def _their_verdicts(tool: str, kind: str, files: list[Path]) -> dict[str, bool]:
    """File -> whether check-jsonschema finds it invalid against the published schema."""
    result = subprocess.run([tool, "--schemafile", str(ROOT / "schema" / schema.SCHEMA_FILES[kind]), "-o", "json",
                             *map(str, files)], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    bad = {e["filename"] for e in report.get("errors", [])} | {e["filename"] for e in report.get("parse_errors", [])}
    return {str(f): str(f) in bad for f in files}


def test_check_jsonschema_agrees_with_argmap_on_every_fixture():
    tool = _check_jsonschema()
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
    assert sum(ours["map"].values()) >= 20 and sum(not v for v in ours["map"].values()) >= 20  # both verdicts occur


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
