"""The YAML loader (argmap.reading.document): positions, YAML 1.2 scalars, and every refusal of the loader.

The refusals are the files of tests/fixtures/hostile (with its EXPECTED, read by conftest.refusals): each one,
read alone, yields exactly its one problem, in bounded time and memory. Every file of tests/fixtures/invalid gets
past the loader, to be refused by a later stage. Refusals that no committed file can hold (a 50 MB file, a missing
file, a pipe) are made here.
"""
from __future__ import annotations

import inspect
import os
import re
import time
import tracemalloc

import pytest
from conftest import HOSTILE, INVALID, refusals

from argmap.cli import main
from argmap.problems import CODES
from argmap.reading import document
from argmap.reading.document import MAX_BYTES, parse_bytes, read_document

# every code the loader can give: the registered codes that argmap/reading/document.py names
LOADER_CODES = frozenset(re.findall(r'"([a-z0-9-]+)"', inspect.getsource(document))) & set(CODES)
MADE_HERE = {"file-unreadable", "file-too-large"}  # no committed file can hold these: the tests below make them


@pytest.mark.parametrize(('text', 'expected'), [
    ("a: no\nb: on\nc: off\nd: yes\n", {"a": "no", "b": "on", "c": "off", "d": "yes"}),
    ("d: 2019-02-15\nt: 12:30\n", {"d": "2019-02-15", "t": "12:30"}),
    ("a: true\nb: false\nc: ~\nd: null\ne:\n", {"a": True, "b": False, "c": None, "d": None, "e": None}),
    ("a: 1\nb: -2\nc: 1.5\nd: 0x1F\ne: '1'\n", {"a": 1, "b": -2, "c": 1.5, "d": 31, "e": "1"}),
    ("a: !!str 12\n", {"a": "12"}),
    ("a: &x [1, 2]\nb: *x\n", {"a": [1, 2], "b": [1, 2]}),
])
def test_scalars_follow_yaml_1_2_core(text, expected):
    doc = parse_bytes(text.encode(), "t.yaml")
    assert doc.problems == []
    assert doc.data == expected


def test_positions_of_values_and_keys():
    doc = parse_bytes(b"claims:\n  one:\n    text: hello\n    tags: [a, b]\n", "t.yaml")
    assert doc.where(("claims", "one", "text")) == (3, 11)
    assert doc.where(("claims", "one"), key=True) == (2, 3)
    assert doc.where(("claims", "one", "tags", 1)) == (4, 15)
    assert doc.where(("claims", "one", "missing")) == (3, 5)  # nearest ancestor: the mapping's first key


@pytest.mark.parametrize("case", refusals(HOSTILE))
def test_the_loader_refuses_each_file_with_its_one_problem_in_bounded_time_and_memory(case):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        doc = read_document(case.path)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(p.code, p.line, p.column) for p in doc.problems] == [(case.code, case.line, case.column)]
    assert doc.problems[0].message
    assert doc.problems[0].file == str(case.path)
    assert doc.data is None
    # bounds generous enough for any machine; an alias bomb expanded would take minutes and gigabytes
    assert elapsed < 10, elapsed
    assert peak < 200 * 2**20, peak


@pytest.mark.parametrize("case", refusals(INVALID))
def test_every_invalid_map_gets_past_the_loader(case):
    doc = read_document(case.path)
    assert doc.problems == [], f"{case.name} is expected to fail later, with {case.code}"
    assert doc.data is not None


def test_hostile_holds_every_refusal_of_the_loader_and_only_those():
    assert {"duplicate-key", "alias-bomb", "too-deep", "encoding", "yaml-syntax"} <= LOADER_CODES  # the scan works
    assert {case.values[0].code for case in refusals(HOSTILE)} == LOADER_CODES - MADE_HERE
    assert not {case.values[0].code for case in refusals(INVALID)} & LOADER_CODES


@pytest.mark.parametrize("how", ["sparse", "written"])
def test_file_of_50_megabytes_is_refused_quickly_without_reading_it(tmp_path, runner, how):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        if how == "sparse":
            handle.write(b"a: ")
            handle.seek(50 * 2**20)
            handle.write(b"x\n")
        else:
            handle.write(b"argmap: 1\nnote: '" + b"x" * (50 * 2**20) + b"'\n")
    assert path.stat().st_size > MAX_BYTES
    started = time.perf_counter()
    doc = read_document(path)
    assert [p.code for p in doc.problems] == ["file-too-large"]
    assert "50.0 MiB" in doc.problems[0].message
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "file-too-large" in result.stdout
    assert time.perf_counter() - started < 5


def test_missing_file_folder_and_pipe_are_unreadable(tmp_path):
    assert [p.code for p in read_document(tmp_path / "nope.yaml").problems] == ["file-unreadable"]
    assert [p.code for p in read_document(tmp_path).problems] == ["file-unreadable"]
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert [p.code for p in read_document(pipe).problems] == ["file-unreadable"]  # refused, not waited on
