"""Where commands write (argmap.output): never over one of their inputs, never half a file, never into a folder they
cannot write to without saying so; a render interrupted while it writes leaves the old file as it was."""
from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest
from conftest import FIXTURES, MAPS, ROOT, fake_dot

from argmap.cli import main


def test_invalid_map_writes_nothing_and_keeps_old_file(tmp_path, runner):
    out = tmp_path / "keep.svg"
    out.write_text("old good diagram")
    result = runner.invoke(main, ["render", str(FIXTURES / "invalid" / "unknown-premise.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    assert "unknown-premise.yaml:9:38: error:" in result.stderr
    assert out.read_text() == "old good diagram"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.svg"]


def test_output_in_missing_folder_is_created(runner, tmp_path):
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "no" / "x.dot")])
    assert result.exit_code == 0 and (tmp_path / "no" / "x.dot").is_file()
    (tmp_path / "file").write_text("")
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(tmp_path / "file" / "x.dot")])
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


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
        assert "cannot write" in result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    finally:
        if folder.is_dir():
            folder.chmod(0o755)


def test_output_never_replaces_an_input(tmp_path, runner):
    path = tmp_path / "map.yaml"
    shutil.copy(MAPS / "school-phones.yaml", path)
    before = path.read_bytes()
    for args in (["render", str(path), "-o", str(path), "--format", "svg"],
                 ["export", str(path), "--to", "markdown", "-o", str(path)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2
        assert "would be overwritten" in result.output
    assert path.read_bytes() == before
    unknown = runner.invoke(main, ["render", str(path), "-o", str(tmp_path / "out.yaml")])
    assert unknown.exit_code == 2
    assert "cannot tell the format" in unknown.output


def test_import_needs_force_to_overwrite(tmp_path, runner):
    exported = tmp_path / "m.json"
    exporting = runner.invoke(main, ["export", str(MAPS / "school-phones.yaml"), "--to", "aif", "-o", str(exported)])
    assert exporting.exit_code == 0
    out = tmp_path / "back.yaml"
    out.write_text("precious")
    refused = runner.invoke(main, ["import", str(exported), "-o", str(out)])
    assert refused.exit_code == 1
    assert "--force" in refused.output
    assert out.read_text() == "precious"
    assert runner.invoke(main, ["import", str(exported), "-o", str(out), "--force"]).exit_code == 0
    created = runner.invoke(main, ["import", str(exported), "-o", str(tmp_path / "new" / "x.yaml")])
    assert created.exit_code == 0 and (tmp_path / "new" / "x.yaml").is_file()  # -o creates a missing folder
    blocked = runner.invoke(main, ["import", str(exported), "-o", str(out / "x.yaml")])  # out is a file
    assert blocked.exit_code == 1
    assert "cannot write" in blocked.output


# argmap in a process of its own, held at the moment it writes: its output is in the temporary file beside the
# target and is being made durable (fsync), not yet renamed over the target. The pause stands for a slow disk.
HELD_WHILE_WRITING = """
import os, sys, time
marker = sys.argv.pop(1)
fsync = os.fsync

def slow_fsync(fd):
    with open(marker, "w") as signal_file:
        signal_file.write(os.readlink(f"/proc/self/fd/{fd}"))
    time.sleep(60)
    fsync(fd)

os.fsync = slow_fsync
from argmap.cli import main
sys.argv[0] = "argmap"
main()
"""


def _render_held_while_writing(tmp_path):
    """A render of an SVG (from a fake dot) over an old out/map.svg, stopped in the middle of writing it."""
    tools = tmp_path / "tools"
    tools.mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "map.svg"
    out.write_text("old")
    dot = fake_dot(tools, "cat >/dev/null; printf '<svg>new</svg>'")
    marker = tools / "writing"
    process = subprocess.Popen([sys.executable, "-c", HELD_WHILE_WRITING, str(marker), "render",
                                str(MAPS / "school-phones.yaml"), "-o", str(out)],
                               env={**os.environ, "ARGMAP_DOT": str(dot), "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               # as from a terminal: a job started in the background of a script inherits
                               # SIGINT ignored, and would then rightly ignore it
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # noqa: PLW1509
    deadline = time.monotonic() + 60
    while not marker.exists() or not marker.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"argmap never reached the write: {process.communicate()}")
        time.sleep(0.05)
    (temporary,) = folder.glob(".map.svg.*.part")  # caught in the middle of writing: the new file is not yet in place
    assert marker.read_text() == str(temporary)
    assert temporary.read_bytes() == b"<svg>new</svg>"
    assert out.read_text() == "old"
    return process, out


@pytest.mark.parametrize("signal_", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_render_interrupted_while_writing_leaves_the_old_file(tmp_path, signal_):
    process, out = _render_held_while_writing(tmp_path)
    process.send_signal(signal_)
    process.communicate(timeout=30)
    assert process.returncode != 0
    assert out.read_text() == "old"


@pytest.mark.parametrize("signal_", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)  # SIGKILL cannot clean up
def test_render_interrupted_while_writing_leaves_no_temporary_file(tmp_path, signal_):
    process, out = _render_held_while_writing(tmp_path)
    process.send_signal(signal_)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode != 0
    assert out.read_text() == "old"
    assert [p.name for p in out.parent.iterdir()] == ["map.svg"], stderr
    if signal_ == signal.SIGINT:
        assert process.returncode == 1
        assert "Aborted!" in stderr
        assert "Traceback" not in stderr
