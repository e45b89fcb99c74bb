"""The loader: positions, YAML 1.2 scalars, and a clear problem for each hostile input."""
from __future__ import annotations

import time
import tracemalloc

import pytest

from argmap.reading.document import MAX_BYTES, parse_bytes, read_document


@pytest.mark.parametrize("text, expected", [
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


@pytest.mark.parametrize("text, code, line, column", [
    (b"a: 1\na: 2\n", "duplicate-key", 2, 1),
    (b"a:\n  b: 1\n  b: 2\n", "duplicate-key", 3, 3),
    (b"- {x: 1, x: 2}\n", "duplicate-key", 1, 10),
    (b"a:\t1\n", "tab", 1, 3),
    (b"a:\n\tb: 1\n", "tab", 2, 1),
    (b"a: 1\n---\nb: 2\n", "multiple-documents", 2, 1),
    (b"a: 1\n...\n---\nb: 2\n", "multiple-documents", 3, 1),
    (b"\xef\xbb\xbfa: 1\n", "bom", 1, 1),
    (b"a: caf\xe9\n", "encoding", 1, 7),
    (b"a: x\nb: \x00\n", "control-character", 2, 4),
    (b"a: \x1b[31mred\n", "control-character", 1, 4),
    (b"a: !!binary aGk=\n", "unsupported-tag", 1, 4),
    (b"a: !!python/name:os.system\n", "unsupported-tag", 1, 4),
    (b"a: &x {b: 1}\nc: {<<: *x}\n", "merge-key", 2, 5),
    (b"a: *nowhere\n", "yaml-syntax", 1, 4),
    (b"{[1]: 2}\n", "non-string-key", 1, 2),
    (b"a: 'unclosed\n", "yaml-syntax", 2, 1),
    (b"a: \"\\ud800\"\n", "invalid-character", 1, 7),
    (b"   \n", "empty-file", 1, 1),
])
def test_hostile_inputs_get_one_problem(text, code, line, column):
    doc = parse_bytes(text, "t.yaml")
    assert [(p.code, p.line, p.column) for p in doc.problems] == [(code, line, column)]
    assert doc.problems[0].message and doc.problems[0].file == "t.yaml"


def test_deep_flow_nesting_is_refused():
    doc = parse_bytes(b"a: " + b"[" * 30000 + b"]" * 30000 + b"\n", "t.yaml")
    assert [p.code for p in doc.problems] == ["too-deep"]


def test_deep_block_nesting_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000 + "x: 1\n"
    doc = parse_bytes(text.encode(), "t.yaml")
    assert [p.code for p in doc.problems] == ["too-deep"]


def test_alias_bomb_is_refused_in_bounded_time_and_memory():
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    tracemalloc.start()
    started = time.perf_counter()
    doc = parse_bytes("\n".join(levels).encode() + b"\n", "bomb.yaml")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [p.code for p in doc.problems] == ["alias-bomb"]
    # bounds generous enough for any machine; a bomb expanded would take minutes and gigabytes
    assert elapsed < 30 and peak < 200 * 2**20


def test_file_of_50_megabytes_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(b"a: ")
        handle.seek(50 * 2**20)
        handle.write(b"x\n")
    assert path.stat().st_size > MAX_BYTES
    doc = read_document(path)
    assert [p.code for p in doc.problems] == ["file-too-large"]
    assert "50.0 MiB" in doc.problems[0].message


def test_missing_file_and_folder_are_unreadable(tmp_path):
    assert [p.code for p in read_document(tmp_path / "nope.yaml").problems] == ["file-unreadable"]
    assert [p.code for p in read_document(tmp_path).problems] == ["file-unreadable"]
