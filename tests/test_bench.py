"""The benchmarks still run: bench/run.py --smoke runs every row of bench/results.md on small sizes, with its
peers. Nothing here judges a time (the figures of a smoke run mean nothing); the full run is ./quickstart.sh
bench, and its figures are in bench/results.md."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT

# every row of the full run, by the start of its name: a row that goes missing from run.py fails here
ROWS = ["validate 8 maps", "validate 6 copies of the bundled maps", "validate one small map (whole process)",
        "argmap --help", "argmap validate one small map", "render the 2021 essay map", "render a 60-claim map",
        "render a 120-claim map", "render a 200-claim map", "compare two maps of 40 claims",
        "compare two maps of 160 claims", "compare 3 maps of 30 claims", "explorer page, 60 claims: first fitted view",
        "explorer page, 60 claims: hover", "explorer page, 60 claims: search",
        "argmap lsp: diagnostics per keystroke, the 2019 essay map",
        "argmap lsp: diagnostics per keystroke, a generated",
        "argmap draft of the 2021 essay", "quote help"]


@pytest.mark.slow
@pytest.mark.dot
@pytest.mark.browser
@pytest.mark.node
@pytest.mark.essays
def test_every_benchmark_runs_on_a_small_size(tmp_path, essays):
    out = tmp_path / "results.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--out", str(out)],
                          capture_output=True, text=True, timeout=900, check=False,
                          env={**os.environ, "ARGMAP_SOURCES": str(essays)})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    table = out.read_text(encoding="utf-8")
    assert "cores:" in table
    assert "best of 1" in table
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    names = [row[0].lstrip("| ") for row in rows[1:]]
    for expected in ROWS:
        assert any(name.startswith(expected) for name in names), f"no row {expected!r} in:\n{table}"
    for row in rows[1:]:
        assert re.fullmatch(r"[0-9.]+ m?s", row[1]), row  # argmap's time, measured
        assert not re.search(r"\b(met|MISSED)$", row[4]), row  # a smoke run judges nothing
