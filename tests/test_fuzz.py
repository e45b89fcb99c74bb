"""Property-based fuzzing: mutated maps go through load, validate, render, export and import, and the only outcomes
are a result or problems, never an exception. ARGMAP_FUZZ_EXAMPLES sets the number of examples (CI: 150 each)."""
from __future__ import annotations

import copy
import json
import os

import yaml
from conftest import FIXTURES, MAPS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checking.pipeline import check_document
from argmap.comparing.compare import compare
from argmap.drawing.graph import RenderOptions, dot_source
from argmap.formats import aif, argdown, jsonmodel, markdown
from argmap.formats.importer import Importer
from argmap.problems import Problem
from argmap.reading.document import parse_bytes

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)

BASES = [parse_bytes(p.read_bytes(), p.name).data for p in (
    MAPS / "school-phones.yaml", FIXTURES / "valid" / "tricky-labels.yaml", FIXTURES / "valid" / "minimal.yaml",
    FIXTURES / "compare" / "a.yaml")]

NASTY = st.sampled_from(["", " ", "\\N", "\\", "<b>", "<IMG SRC=x>", "&amp;", '"', "'", "{", "}", "|", ":", "#",
                         "-> x", "\ud7ff", "\u202e", "🙂", "\t", "\n", "node", "graph", "a:b", "x" * 600, "字" * 700,
                         "yes", "no", "2019-02-15", "~", "null", "1e9"])
TEXT = st.one_of(NASTY, st.text(max_size=40), st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True))
SCALAR = st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _mutate(data, draw):
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        operation = draw(st.sampled_from(["replace", "delete", "add", "rename", "reference"]))
        if operation == "replace":
            parent[key] = draw(VALUE)
        elif operation == "delete":
            del parent[key]
        elif operation == "add" and isinstance(parent, dict):
            parent[draw(TEXT)] = draw(VALUE)
        elif operation == "rename" and isinstance(parent, dict) and isinstance(key, str):
            parent[draw(TEXT)] = parent.pop(key)
        elif operation == "reference":  # point somewhere real or almost real: the checks' hard cases
            sections = [data.get(name) for name in ("claims", "arguments")] if isinstance(data, dict) else []
            ids = [k for section in sections if isinstance(section, dict) for k in section]
            parent[key] = draw(st.sampled_from(ids or ["x"]))
    return data


def _everything_on(text: bytes) -> None:
    doc = parse_bytes(text, "fuzz.yaml")
    result = check_document(doc)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 and p.message for p in result.problems)
    model = result.model
    if model is None:
        return
    dot_source(model, RenderOptions(quotes=True, ids=True, sections=True, legend=True))
    for claim in list(model.claims)[:2]:
        dot_source(model, RenderOptions(focus=claim, depth=1))
    argdown.dump(model)
    markdown.dump(model)
    json.loads(jsonmodel.dump(model))
    importer = Importer(model.id, model.title)
    aif.load(json.loads(json.dumps(aif.dump(model))), importer)
    back = check_document(parse_bytes(importer.yaml().encode("utf-8"), "back.yaml"))
    assert back.model is not None, [p.message for p in back.problems]
    compare(model, model)


@FUZZ
@given(st.data())
def test_mutated_maps_give_results_or_problems(data):
    base = data.draw(st.sampled_from(BASES))
    mutated = _mutate(base, data.draw)
    _everything_on(yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False).encode("utf-8"))


@FUZZ
@given(st.data())
def test_mutated_bytes_give_results_or_problems(data):
    text = bytearray(yaml.safe_dump(data.draw(st.sampled_from(BASES)), allow_unicode=True).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(text)))
        operation = data.draw(st.sampled_from(["insert", "delete", "flip"]))
        if operation == "insert":
            text[position:position] = data.draw(st.binary(min_size=1, max_size=4))
        elif operation == "delete":
            del text[position:position + data.draw(st.integers(1, 8))]
        elif position < len(text):
            text[position] ^= 1 << data.draw(st.integers(0, 7))
    _everything_on(bytes(text))
