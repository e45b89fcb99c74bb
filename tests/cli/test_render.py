"""`argmap render` as users call it: output names and formats, one map or many, usage errors."""
from __future__ import annotations

import shutil

import pytest
from conftest import MAPS

from argmap.cli import main


def test_format_from_suffix_and_stdout(tmp_path, runner):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", "-", "--format", "dot"])
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph \"school-phones\" {")
    out = tmp_path / "x.gv"
    assert runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)]).exit_code == 0
    assert out.read_text().startswith("digraph")


@pytest.mark.dot
def test_default_output_name_in_current_folder(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["render", str(MAPS / "school-phones.yaml")]).exit_code == 0
    assert (tmp_path / "school-phones.svg").read_bytes().startswith(b"<?xml")


@pytest.mark.dot
def test_many_maps_into_a_folder(tmp_path, runner):
    result = runner.invoke(main, ["render", str(MAPS), "-o", str(tmp_path / "out"), "--format", "svg"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{p.stem}.svg" for p in MAPS.glob("*.yaml"))
    assert "Rendering" not in result.output  # no progress bar when not on a terminal


def test_batch_render_refuses_two_maps_with_one_output_name(tmp_path, runner):
    for sub in ("x", "y"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        shutil.copy(MAPS / "school-phones.yaml", tmp_path / "in" / sub / "m.yaml")
    result = runner.invoke(main, ["render", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "dot"])
    assert result.exit_code == 2
    assert "same file (m.dot)" in result.output


def test_unknown_focus_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "--focus", "ban-phone", "-o",
                                  str(tmp_path / "x.dot")])
    assert result.exit_code == 2
    assert "did you mean 'ban-phones'?" in result.output


def test_watch_needs_one_map_and_a_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["render", str(MAPS), "--watch", "-o", "x"]).exit_code == 2
    assert runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "--serve"]).exit_code == 2


def test_a_refused_watch_creates_no_output_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(main, ["render", str(MAPS), "--watch", "-o", "x"]).exit_code == 2
    assert list(tmp_path.iterdir()) == []
