"""Progress bars (argmap.cli.progress): shown on a terminal for long runs, never in what a pipe or a file gets."""
from __future__ import annotations

import json

from conftest import MAPS, generated, stderr_on_a_terminal

from argmap.cli import main


def test_batch_validation_and_large_comparison_show_progress_on_a_terminal_only(tmp_path, runner):
    for seed in (1, 2):
        (tmp_path / f"g{seed}.yaml").write_text(json.dumps(generated(1200, seed)))
    code, shown = stderr_on_a_terminal(["validate", str(tmp_path)])
    assert code == 0
    assert b"Validating" in shown
    assert b"100%" in shown
    code, shown = stderr_on_a_terminal(["compare", str(tmp_path / "g1.yaml"), str(tmp_path / "g2.yaml"),
                                        "--format", "json"])
    assert code == 0
    assert b"Comparing" in shown
    assert b"100%" in shown
    quiet = runner.invoke(main, ["compare", str(tmp_path / "g1.yaml"), str(tmp_path / "g2.yaml"), "--format", "json"])
    assert quiet.exit_code == 0
    assert "Comparing" not in quiet.stderr
    assert "Validating" not in runner.invoke(main, ["validate", str(tmp_path)]).stderr


def test_many_maps_show_progress_on_a_terminal(tmp_path, runner):
    code, shown = stderr_on_a_terminal(["render", str(MAPS), "-o", str(tmp_path), "--format", "dot"])
    assert code == 0
    assert b"Rendering" in shown
    assert b"100%" in shown
    quiet = runner.invoke(main, ["render", str(MAPS), "-o", str(tmp_path / "quiet"), "--format", "dot"])
    assert quiet.exit_code == 0
    assert "Rendering" not in quiet.output
