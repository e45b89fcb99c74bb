"""Every kind of attack, against every command: each ends with a message and its documented exit status, in bounded
time, with no traceback, no replaced input, and no markup or terminal command of the attacker's in the output.

The kinds come from a review that attacked every command (issue 19); each is tried here on each command it can
reach, so that a new command or option is covered by adding it to COMMANDS, not by a new test per instance.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHOOL = ROOT / "maps" / "school-phones.yaml"
SCHOOL_TEXT = ROOT / "maps" / "school-phones.txt"
LIMIT = 120  # seconds: any attack that takes longer is a hang

# Each command as a user runs it on one map; {map}, {other}, {out} and {source} are filled in per test.
COMMANDS = {
    "validate": ["validate", "{map}"],
    "render": ["render", "{map}", "-o", "{out}.gv"],
    "compare": ["compare", "{map}", "{other}", "-o", "{out}.gv"],
    "coverage": ["coverage", "{map}"],
    "export": ["export", "{map}", "--to", "markdown", "-o", "{out}.md"],
    "import": ["import", "{aif}", "-o", "{out}.yaml"],
    "new": ["new", "--source", "{source}", "-o", "{out}.yaml"],
    "schema": ["schema"],
}
WRITERS = [name for name, args in COMMANDS.items() if "-o" in args]


def run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True, timeout=LIMIT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}, **kwargs)


def ended_cleanly(result: subprocess.CompletedProcess, allowed=(0, 1, 2)) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert result.returncode in allowed, (result.returncode, err)
    return err


@pytest.fixture
def place(tmp_path: Path) -> dict:
    """A folder with the small map, its source, a second map and an AIF file: what the commands read."""
    shutil.copy(SCHOOL, tmp_path / "m.yaml")
    shutil.copy(SCHOOL_TEXT, tmp_path / SCHOOL_TEXT.name)
    shutil.copy(SCHOOL, tmp_path / "other.yaml")
    (tmp_path / "in.json").write_text(subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(SCHOOL), "--to", "aif"], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout)
    return {"map": "m.yaml", "other": "other.yaml", "source": SCHOOL_TEXT.name, "aif": "in.json", "out": "out",
            "dir": tmp_path}


def args_of(command: str, place: dict, **override) -> list[str]:
    values = {**place, **override}
    return [part.format(**values) for part in COMMANDS[command]]


@pytest.mark.dot
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_works_on_the_plain_case(command, place, needs_dot):
    """The baseline: without an attack, each command succeeds, so the attacks below test the defence."""
    result = run(args_of(command, place), place["dir"])
    assert result.returncode == 0, result.stderr.decode()


INPUTS = {"render": ["map", "source"], "compare": ["map", "other", "source"], "export": ["map", "source"],
          "import": ["aif"], "new": ["source"]}


@pytest.mark.parametrize("command, victim", [(c, v) for c, victims in INPUTS.items() for v in victims])
def test_an_output_never_replaces_an_input(command, victim, place):
    target = place["dir"] / place[victim]
    before = target.read_bytes()
    args = args_of(command, place)
    args[args.index("-o") + 1] = place[victim]
    ended_cleanly(run(args + (["--format", "svg"] if command == "render" else []), place["dir"]))
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", WRITERS)
def test_output_at_a_fifo_without_reader_is_refused_and_kept(command, place):
    fifo = place["dir"] / "pipe"
    os.mkfifo(fifo)
    args = args_of(command, place)
    args[args.index("-o") + 1] = "pipe"
    ended_cleanly(run(args + (["--format", "dot"] if command in ("render", "compare") else []), place["dir"]),
                  allowed=(1, 2))
    assert fifo.is_fifo()


@pytest.mark.parametrize("command", WRITERS)
def test_output_through_a_symlink_keeps_the_link(command, place, needs_dot):
    out = place["dir"] / "out"
    args = args_of(command, place)
    suffix = Path(args[args.index("-o") + 1]).suffix
    real, link = place["dir"] / f"real{suffix}", place["dir"] / f"link{suffix}"
    real.write_text("old")
    link.symlink_to(real.name)
    args[args.index("-o") + 1] = link.name
    ended_cleanly(run(args + (["--force"] if command in ("import", "new") else []), place["dir"]), allowed=(0,))
    assert link.is_symlink() and real.read_text() != "old"
    assert not out.exists()


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("schema", "new")])  # new writes no stdout
def test_a_full_disk_ends_with_a_message(command, place, needs_dot):
    args = [a for a in args_of(command, place)]
    if "-o" in args:  # write the main output to stdout, which is full
        at = args.index("-o")
        del args[at:at + 2]
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=place["dir"], stdout=full,
                                stderr=subprocess.PIPE, timeout=LIMIT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    err = ended_cleanly(result, allowed=(0, 1))
    if result.returncode == 1:
        assert "No space left" in err or "error" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_latin1_terminal_is_no_traceback(command, place, needs_dot):
    ended_cleanly(run(args_of(command, place), place["dir"], env={"PYTHONIOENCODING": "latin-1"}), allowed=(0,))


@pytest.mark.parametrize("command", ["render", "compare", "export", "import", "new"])
def test_a_deleted_current_folder_is_a_message(command, place, tmp_path_factory):
    gone = tmp_path_factory.mktemp("gone")
    args = [str(place["dir"] / a) if (place["dir"] / a).exists() else a for a in args_of(command, place)]
    script = f"cd {gone} && rmdir {gone} && {sys.executable} -m argmap " + " ".join(f"'{a}'" for a in args)
    result = subprocess.run(script, shell=True, capture_output=True, timeout=LIMIT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "current folder no longer exists" in ended_cleanly(result, allowed=(1,))


@pytest.mark.parametrize("command", ["import", "new"])
@pytest.mark.parametrize("source", ["fifo", "/dev/zero", "folder"])
def test_an_input_that_is_not_a_file_is_refused_at_once(command, source, place):
    if source == "fifo":
        os.mkfifo(place["dir"] / "pipe")
        source = "pipe"
    elif source == "folder":
        (place["dir"] / "folder").mkdir()
    result = run(args_of(command, place, aif=source, source=source), place["dir"])
    ended_cleanly(result, allowed=(1, 2))


# a control character in a map is refused at its line (control-character); what a map may hold is tried here
HOSTILE_TEXT = ("<script>alert(1)</script>\u202e [x](javascript:alert(2)) ![i](http://example.org/i.png) "
                "\\N %0A ::error::x & &amp; \u2066")


@pytest.fixture
def hostile(place) -> dict:
    """The maps with every text replaced by markup, escapes and terminal controls written as YAML escapes."""
    text = (ROOT / "maps" / "school-phones.yaml").read_text()
    import re

    escaped = HOSTILE_TEXT.replace("\\", "\\\\").replace("\u202e", "\\u202e").replace("\u2066", "\\u2066")
    text = re.sub(r"^(    text: ).*$", lambda m: f'{m.group(1)}"{escaped}"', text, flags=re.M)
    for name in ("m.yaml", "other.yaml"):
        (place["dir"] / name).write_text(text)
    return place


@pytest.mark.dot
@pytest.mark.parametrize("fmt", ["svg", "html"])  # DOT holds the texts as quoted strings; its SVG is checked
def test_hostile_texts_make_no_markup_in_drawings(fmt, hostile, needs_dot):
    result = run(["render", "m.yaml", "-o", f"out.{fmt}"], hostile["dir"])
    ended_cleanly(result, allowed=(0,))
    out = (hostile["dir"] / f"out.{fmt}").read_text()
    assert "<script>alert" not in out and 'href="javascript' not in out.lower()


@pytest.mark.parametrize("command", ["validate", "coverage", "export", "compare"])
def test_hostile_texts_reach_no_terminal_raw(command, hostile):
    result = run(args_of(command, hostile), hostile["dir"])
    ended_cleanly(result, allowed=(0, 1))
    shown = result.stdout + result.stderr
    assert "\u202e".encode() not in shown and "\u2066".encode() not in shown
    assert not any(line.startswith(b"::error") for line in shown.splitlines())
