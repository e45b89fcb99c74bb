"""Hostile inputs: each file of the corpus yields its exact problem, in bounded time and memory, and never a traceback."""
from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
import tracemalloc

import pytest

import argmap
from argmap.cli import main
from argmap.drawing.graph import dot_source
from conftest import FIXTURES, MAPS, ROOT

HOSTILE = FIXTURES / "hostile"


def _cases():
    for line in (HOSTILE / "EXPECTED").read_text().splitlines():
        if line and not line.startswith("#"):
            name, code, position = line.split()
            row, column = map(int, position.split(":"))
            yield pytest.param(name, code, row, column, id=name)


CASES = list(_cases())


def test_corpus_is_large_and_fully_listed():
    files = {p.name for p in HOSTILE.glob("*.yaml")}
    assert len(files) >= 40
    assert files == {c.values[0] for c in CASES}


@pytest.mark.parametrize("name, code, line, column", CASES)
def test_hostile_input_yields_its_problem_in_bounded_time_and_memory(runner, name, code, line, column):
    tracemalloc.start()
    started = time.perf_counter()
    result = runner.invoke(main, ["validate", "--format", "json", str(HOSTILE / name)])
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    import json

    problems = json.loads(result.stdout)["problems"]
    assert (code, line, column) in [(p["code"], p["line"], p["column"]) for p in problems]
    assert all(p["message"] for p in problems)
    assert elapsed < 10 and peak < 200 * 2**20, (elapsed, peak)


def test_hostile_inputs_as_a_real_process_print_no_traceback():
    """The whole corpus in one real process, as CI would run it: exit 1, every file reported, no traceback."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "argmap", "validate", str(HOSTILE)], capture_output=True, text=True,
                            timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for case in CASES:
        assert f"{case.values[0]}:" in result.stdout
    assert time.perf_counter() - started < 60


def test_fifty_megabyte_file_is_refused_quickly(tmp_path, runner):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"argmap: 1\nnote: '" + b"x" * (50 * 2**20) + b"'\n")
    started = time.perf_counter()
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1 and "file-too-large" in result.stdout
    assert time.perf_counter() - started < 5


def test_labels_that_would_pass_16_kilobytes_render(needs_dot, tmp_path, runner):
    """dot refuses labels of 16 KB or more; the longest texts a map allows, in 3-byte characters, with their quotes
    (about 48 KB), are cut in the label while the tooltip keeps them."""
    text = "\u5b57" * 3990
    path = tmp_path / "long.yaml"
    path.write_text(f"argmap: 1\nid: long\ntitle: Long\nthesis: t\nclaims:\n  t: {{text: {text}, quote: [{text}, {text}]}}\n",
                    encoding="utf-8")
    result = runner.invoke(main, ["render", str(path), "--quotes", "-o", str(tmp_path / "long.svg")])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "long.svg").read_text(encoding="utf-8")
    assert "\u2026" in svg and svg.count("\u5b57") > 3990 + 2 * 600  # cut labels; the tooltip holds the whole text


def test_nothing_in_a_map_adds_dot_attributes_or_html():
    model = argmap.load(FIXTURES / "valid" / "tricky-labels.yaml")
    source = dot_source(model)
    # every node statement is one line whose attributes are only ours
    for statement in re.findall(r'^\t+"(?:claim|argument)\.[^"]+" \[(.*)\]$', source, re.M):
        names = re.findall(r'(?:^| )([a-z]+)=(?:<|"|[^ ]+)', statement)
        assert set(names) <= {"label", "class", "fillcolor", "fontsize", "id", "penwidth", "shape", "style", "tooltip",
                              "color", "fontcolor", "height", "margin", "width", "fixedsize"}
    labels = re.findall(r"label=<(.*?)> ", source)
    assert labels and not any("<IMG" in label for label in labels)
    assert "&lt;IMG SRC" in source


@pytest.mark.parametrize("command", [
    ["render", str(MAPS / "school-phones.yaml"), "--format", "dot", "-o"],
    ["export", str(MAPS / "school-phones.yaml"), "--to", "aif", "-o"],
    ["new", "--source", str(MAPS / "school-phones.txt"), "-o"],
])
@pytest.mark.parametrize("where", ["missing-folder", "read-only-folder"])
def test_output_in_a_missing_or_read_only_folder(runner, tmp_path, command, where):
    folder = tmp_path / "out"
    if where == "read-only-folder":
        folder.mkdir()
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        if os.access(folder, os.W_OK):  # root ignores permissions: make the folder a file's child instead
            folder.chmod(0o755)
            (tmp_path / "file").write_text("")
            folder = tmp_path / "file"
    try:
        result = runner.invoke(main, [*command, str(folder / "x.out")])
        if where == "missing-folder":  # -o creates a missing folder, for one output as for several
            assert result.exit_code == 0 and (folder / "x.out").is_file(), result.output
            return
        assert result.exit_code == 1
        assert "cannot write" in result.output and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    finally:
        if folder.is_dir():
            folder.chmod(0o755)


def test_memory_of_the_worst_case_stays_bounded():
    """The alias bomb in a real process: its peak resident memory stays far from the gigabytes it would take."""
    # VmHWM, not ru_maxrss: the latter keeps the peak of the forked test process from before exec
    code = ("import re, argmap; argmap.validate(%r); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
            ) % str(HOSTILE / "alias-bomb-441-bytes.yaml")
    peak_kib = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout)
    assert peak_kib < 200 * 1024
