"""Attacks on every command end cleanly: no traceback, no replaced input, no injected markup or terminal command.

Each test runs the real command as a user would (a subprocess), and checks the exit status, the message and
what is left on disk.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHOOL = ROOT / "maps" / "school-phones.yaml"
SCHOOL_TEXT = ROOT / "maps" / "school-phones.txt"
JUNIT_XSD = ROOT / "tests" / "fixtures" / "junit" / "junit-10.xsd"


def argmap(*args, cwd=None, env=None, stdin=None, timeout=60) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, env=full_env, input=stdin,
                          capture_output=True, timeout=timeout)


def clean(result: subprocess.CompletedProcess, status: int) -> str:
    """The command ended with status and a message, never a traceback; its stderr, decoded."""
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert result.returncode == status, (result.returncode, err, result.stdout[:2000])
    return err


@pytest.fixture
def school(tmp_path: Path) -> Path:
    """The small bundled map with its source beside it, in a folder of the test's own."""
    shutil.copy(SCHOOL_TEXT, tmp_path / SCHOOL_TEXT.name)
    shutil.copy(SCHOOL, tmp_path / "m.yaml")
    return tmp_path / "m.yaml"


MAP_WITH_MARKUP = """\
argmap: 1
id: hostile
title: "<script>alert(1)</script> [x](javascript:alert(2)) ![i](http://example.org/t.png)"
thesis: t
claims:
  t:
    text: "Fine.\\n# Injected heading\\n<iframe src=x></iframe> | cell | ![img](http://example.org/p.png)"
    implicit: true
  p:
    text: "[click](javascript:alert(3)) <img src=x onerror=alert(4)> `code` *bold*"
    implicit: true
arguments:
  a: {conclusion: t, premises: [p]}
"""


# --- data loss -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    # the source text is refused only when the output is written, after dot has drawn it: svg needs dot
    pytest.param(["render", "{map}", "-o", "{source}", "--format", "svg"], marks=pytest.mark.dot),
    ["export", "{map}", "--to", "json", "-o", "{source}"],
    ["new", "--source", "{source}", "-o", "{source}", "--force"],
])
def test_an_output_never_replaces_the_source_text(school, command):
    source = school.parent / SCHOOL_TEXT.name
    before = source.read_bytes()
    result = argmap(*[part.format(map=school, source=source) for part in command], cwd=school.parent)
    assert "is the input" in clean(result, 2)
    assert source.read_bytes() == before


def test_render_never_replaces_its_style_file(school):
    style = school.parent / "style.yaml"
    style.write_text("font: Helvetica\n")
    result = argmap("render", school, "--style", style, "-o", style, "--format", "svg")
    assert "is the input" in clean(result, 2)
    assert style.read_text() == "font: Helvetica\n"


@pytest.mark.dot
def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(school, needs_dot):
    target, link = school.parent / "real.svg", school.parent / "link.svg"
    target.write_text("old")
    link.symlink_to(target.name)
    clean(argmap("render", school, "-o", link), 0)
    assert link.is_symlink() and os.readlink(link) == "real.svg"
    assert target.read_text().startswith("<?xml")


def test_output_to_a_fifo_with_no_reader_is_refused_and_the_fifo_kept(school):
    fifo = school.parent / "pipe"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = argmap("export", school, "--to", "json", "-o", fifo, timeout=20)
    assert "no process is reading" in clean(result, 1)
    assert time.monotonic() - started < 15 and fifo.is_fifo()


def test_output_to_a_fifo_with_a_reader_is_streamed_into_it(school):
    fifo = school.parent / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    clean(argmap("export", school, "--to", "json", "-o", fifo), 0)
    assert json.loads(reader.communicate(timeout=20)[0])["id"] == "school-phones"
    assert fifo.is_fifo()


def test_output_to_a_device_writes_to_it_and_keeps_it(school):
    clean(argmap("export", school, "--to", "json", "-o", "/dev/null"), 0)
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize("command", [["import", "{input}"], ["new", "--source", "{input}", "-o", "{out}"]])
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_reading_a_fifo_or_an_endless_device_is_refused_at_once(tmp_path, command, kind):
    source = tmp_path / "pipe" if kind == "fifo" else Path("/dev/zero")
    if kind == "fifo":
        os.mkfifo(source)
    result = argmap(*[part.format(input=source, out=tmp_path / "n.yaml") for part in command], timeout=30)
    assert "not a regular file" in clean(result, 1)
    assert not (tmp_path / "n.yaml").exists()


# --- injection -------------------------------------------------------------------------------------------------


def _hostile_map(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(MAP_WITH_MARKUP)
    clean(argmap("validate", path), 0)
    return path


def _assert_inert_markdown(text: str) -> None:
    """Rendered by a CommonMark renderer (raw HTML allowed, as GitHub and most viewers do), the text makes no
    element of its own: no script, frame, image, link or heading."""
    import re

    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(text)
    for element in ("<script", "<iframe", "<img", "<a "):
        assert element not in html, (element, html)
    headings = re.findall(r"<h\d>(.*?)</h\d>", html)
    assert not any(h.startswith("Injected") for h in headings), headings


def test_markdown_export_carries_no_markup_from_the_map(tmp_path):
    result = argmap("export", _hostile_map(tmp_path), "--to", "markdown")
    clean(result, 0)
    text = result.stdout.decode()
    _assert_inert_markdown(text)
    assert "Injected heading" in text  # the words themselves are kept, as text


def test_compare_markdown_carries_no_markup_from_the_maps(tmp_path):
    path = _hostile_map(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(MAP_WITH_MARKUP.replace("id: hostile", "id: other"))
    result = argmap("compare", path, other, "--format", "markdown")
    clean(result, 0)
    _assert_inert_markdown(result.stdout.decode())


def test_a_style_file_cannot_add_dot_attributes_or_escapes(school, tmp_path):
    style = tmp_path / "style.yaml"
    style.write_text(textwrap.dedent('''\
        roles:
          thesis: {label: '<B>x</B>> URL="javascript:1"'}
          premise: {label: 'a \\N b \\G'}
    '''))
    result = argmap("render", school, "--style", style, "--legend", "--format", "dot", "-o", "-")
    clean(result, 0)
    legend = [line for line in result.stdout.decode().splitlines() if 'CELLSPACING="4"' in line]
    assert len(legend) == 1  # the legend is part of the title's HTML-like label
    assert "URL=" not in legend[0] and "&quot;javascript" in legend[0]
    assert ">A \\\\n b \\\\g</FONT>" in legend[0]  # dot shows the backslashes, not the node's name


def test_a_file_name_with_control_characters_reaches_no_terminal_or_ci_log(tmp_path):
    name = "m\x07\n::error file=x::pwned\x1b[2J.yaml"
    path = tmp_path / name
    path.write_text("argmap: 1\nid: m\n")
    for output in ("text", "github"):
        result = argmap("validate", "--format", output, path)
        clean(result, 1)
        shown = result.stdout.decode() + result.stderr.decode()
        assert "\x07" not in shown and "\x1b" not in shown
        assert not any(line.startswith("::error file=x") for line in shown.splitlines())


def test_a_file_name_that_is_not_utf8_gives_utf8_json_and_valid_junit(tmp_path):
    xmlschema = pytest.importorskip("xmlschema")
    path = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9\x01.yaml"))
    path.write_text("argmap: 1\nid: m\n")
    as_json = argmap("validate", "--format", "json", path)
    clean(as_json, 1)
    problems = json.loads(as_json.stdout.decode("utf-8"))["problems"]
    assert problems and all("caf\\xe9" in p["file"] for p in problems)
    junit = argmap("validate", "--format", "junit", path)
    clean(junit, 1)
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(junit.stdout.decode("utf-8"))


# --- conventions of the tools argmap runs beside ------------------------------------------------------------------


def test_junit_validates_under_jenkins_schema_with_hints_and_says_warnings_under_strict(tmp_path, school):
    xmlschema = pytest.importorskip("xmlschema")
    warned = tmp_path / "w.yaml"
    warned.write_text("argmap: 1\nid: w\ntitle: W\nthesis: t\nclaims:\n  t: {text: x}\n")
    result = argmap("validate", "--format", "junit", "--strict", warned, school)
    clean(result, 1)
    report = result.stdout.decode()
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(report)
    assert "hint: add the essay's words" in report
    assert 'message="1 warning: ' in report and "1 error" not in report


# --- tracebacks ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["validate", "--format", "json", "{map}"], ["export", "{map}", "--to", "json"],
                                     ["compare", "{map}", "{map}"], ["coverage", "{map}"], ["schema"]])
def test_a_full_disk_on_stdout_is_a_message(school, command):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "argmap", *[p.format(map=school) for p in command]],
                                stdout=full, stderr=subprocess.PIPE, cwd=school.parent, timeout=60)
    assert "No space left on device" in clean(result, 1)


def test_a_deleted_current_folder_is_a_message(tmp_path, school):
    gone = tmp_path / "gone"
    gone.mkdir()
    process = subprocess.run(
        f"cd {gone} && rmdir {gone} && {sys.executable} -m argmap export {school} --to json -o x.json",
        shell=True, capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "current folder no longer exists" in clean(process, 1)


def test_a_latin1_terminal_gets_escapes_not_a_traceback(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\nid: m\ntitle: \u0416\u2014\u201c\u201d\nthesis: t\nclaims:\n  t: {text: \u0416, implicit: true}\n")
    result = argmap("export", path, "--to", "markdown", env={"PYTHONIOENCODING": "latin-1"})
    clean(result, 0)
    assert b"\\u0416" in result.stdout


def test_deeply_nested_json_to_import_is_a_message(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    for extra in ([], ["--from", "aif"]):
        assert "deep.json" in clean(argmap("import", deep, *extra), 1)


@pytest.mark.dot
def test_sigterm_stops_dot_too(school, tmp_path, needs_dot):
    slow_dot = tmp_path / "slow-dot"
    slow_dot.write_text(f"#!/bin/sh\necho $$ > {tmp_path}/dot.pid\nexec sleep 30\n")
    slow_dot.chmod(0o755)
    process = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(school), "-o", str(tmp_path / "x.svg")],
                               env={**os.environ, "ARGMAP_DOT": str(slow_dot)}, stderr=subprocess.PIPE)
    pid_file = tmp_path / "dot.pid"
    for _ in range(200):
        if pid_file.exists() and pid_file.read_text().strip():
            break
        time.sleep(0.05)
    dot_pid = int(pid_file.read_text())
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)
    assert b"Traceback" not in process.stderr.read()
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(dot_pid, 0)
    assert not (tmp_path / "x.svg").exists() and not list(tmp_path.glob(".x.svg.*"))


# --- defects ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("argmap: 1\nclaims: {a: {text: x}}\n", 3),  # id, title, thesis: was 9
    ("x: 1\n", 6),  # argmap, id, title, thesis, claims, and the unknown x: was 26
])
def test_each_missing_property_is_reported_once(tmp_path, text, expected):
    path = tmp_path / "m.yaml"
    path.write_text(text)
    result = argmap("validate", "--format", "json", path)
    clean(result, 1)
    problems = json.loads(result.stdout)["problems"]
    assert len(problems) == expected, [p["message"] for p in problems]


def test_a_source_over_the_size_limit_is_named_as_such(tmp_path, school):
    big = school.parent / SCHOOL_TEXT.name
    with open(big, "ab") as handle:
        handle.truncate(17 * 2**20)
    result = argmap("validate", "--sources", school.parent, school)
    clean(result, 1)
    out = result.stdout.decode()
    assert "larger than 16 MiB" in out and "None" not in out


def test_new_writes_a_valid_skeleton_from_text_with_control_characters(tmp_path):
    source = tmp_path / "bell.txt"
    source.write_text("Plain text with a\x07 bell in its only sentence.\n")
    clean(argmap("new", "--source", source, "-o", tmp_path / "bell.yaml"), 0)
    clean(argmap("validate", tmp_path / "bell.yaml"), 0)


def test_new_refuses_a_source_whose_name_a_map_cannot_hold(tmp_path):
    source = tmp_path / "two\nlines.txt"
    source.write_text("A sentence that is long enough to be a thesis.\n")
    result = argmap("new", "--source", source, "-o", tmp_path / "n.yaml")
    assert "line break" in clean(result, 1)
    assert not (tmp_path / "n.yaml").exists()
