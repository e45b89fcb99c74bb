"""Acceptance over the fixture corpora, through the whole pipeline as `argmap validate` runs it: every valid map
passes with --strict; every file of the refusal corpora (tests/fixtures/hostile and tests/fixtures/invalid, their
EXPECTED read by conftest.refusals) fails at its known place, in bounded time and memory, without a traceback."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import tracemalloc

import pytest
from conftest import FIXTURES, HOSTILE, INVALID, MAPS, ROOT, refusals

import argmap
from argmap.cli import main
from argmap.problems import CODES, WARNING

VALID = sorted((FIXTURES / "valid").glob("*.yaml")) + sorted(MAPS.glob("*.yaml"))
REFUSALS = refusals()


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_fixture_passes_strict(runner, path):
    result = runner.invoke(main, ["validate", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


@pytest.mark.parametrize("case", REFUSALS)
def test_refused_file_yields_its_problem_in_bounded_time_and_memory(runner, case):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = runner.invoke(main, ["validate", "--format", "json", str(case.path)])
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    warning_only = CODES[case.code][0] == WARNING
    assert result.exit_code == (0 if warning_only else 1), result.output  # warnings fail only with --strict
    assert result.exception is None or isinstance(result.exception, SystemExit)
    problems = json.loads(result.stdout)["problems"]
    assert (case.code, case.line, case.column) in [(p["code"], p["line"], p["column"]) for p in problems]
    assert all(p["message"] for p in problems)
    assert all(p["file"] == str(case.path) for p in problems)
    assert "Traceback" not in result.output
    assert elapsed < 10, elapsed
    assert peak < 200 * 2**20, peak


@pytest.mark.parametrize("case", REFUSALS)
def test_refused_file_fails_strict_validation_at_its_position(runner, case):
    result = runner.invoke(main, ["validate", "--strict", "--format", "json", str(case.path)])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    found = [(p["code"], p["line"], p["column"]) for p in report["problems"]]
    assert (case.code, case.line, case.column) in found
    assert all(p["file"] == str(case.path) for p in report["problems"])
    assert "Traceback" not in result.output


@pytest.mark.parametrize("folder", [HOSTILE, INVALID], ids=lambda folder: folder.name)
def test_corpus_is_fully_listed(folder):
    files = {p.name for p in folder.iterdir() if p.name != "EXPECTED"}
    listed = [case.values[0].name for case in refusals(folder)]
    assert len(listed) == len(set(listed)), "a file is listed twice in EXPECTED"
    assert set(listed) == files
    assert {case.values[0].code for case in refusals(folder)} <= set(CODES)


def test_corpora_are_large():
    assert len(refusals(HOSTILE)) >= 50
    assert len(refusals(INVALID)) >= 40


def test_generated_files_are_what_make_py_writes():
    """tests/fixtures/make.py is the source of the generated files: each must be what it would write now."""
    spec = importlib.util.spec_from_file_location("argmap_fixtures_make", FIXTURES / "make.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert len(make.FILES) >= 50
    for name, content in make.FILES.items():
        expected = content if isinstance(content, bytes) else content.encode("utf-8")
        assert (FIXTURES / name).read_bytes() == expected, f"{name}: run python tests/fixtures/make.py"


def test_corpora_as_a_real_process_print_no_traceback():
    """Both corpora in one real process, as CI would run it: exit 1, every file reported, no traceback."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "argmap", "validate", str(HOSTILE), str(INVALID)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for case in REFUSALS:
        assert f"{case.values[0].path}:" in result.stdout
    assert time.perf_counter() - started < 60


def test_memory_of_the_worst_case_stays_bounded():
    """The alias bomb in a real process: its peak resident memory stays far from the gigabytes it would take."""
    # VmHWM, not ru_maxrss: the latter keeps the peak of the forked test process from before exec
    code = (f"import re, argmap; argmap.validate({str(HOSTILE / 'alias-bomb-441-bytes.yaml')!r}); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    peak_kib = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout)
    assert peak_kib < 200 * 1024
    assert argmap.validate(HOSTILE / "alias-bomb-441-bytes.yaml")[0].code == "alias-bomb"
