"""docs/guide.md and docs/cli.md kept true: every command they show is run, and its output and exit status compared.

The conventions of both pages, which this file reads:

- ```console blocks: a line starting with "$ " is a command; the lines after it, up to the next "$ "
  line or the end of the block, are its exact output (stdout and stderr together, as a terminal shows
  them). A last line "[exit N]" is the expected exit status; without it, 0 is expected.
- ```console partial: each shown output line must be part of a line of the real output, in order.
- ```console norun: shown, never run (commands that keep running, like `argmap render --watch`).
- ```yaml file=PATH: the reader writes this file; the test writes it before running later commands.
- ```diff file=PATH: the reader edits PATH; lines starting with " " (context) and "-" are replaced by
  the context and "+" lines; "@@" lines separate hunks. Each hunk must match exactly one place.

Commands run in document order with bash (the guide first, then the CLI reference), in one temporary copy
of the repository's docs/guide, maps and schema folders, with the venv's `argmap` first on PATH.

To see what the commands print now (to update the guide after a change): python tests/test_guide.py
"""
from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide.md"
CLI_REFERENCE = ROOT / "docs" / "cli.md"
FINISHED_MAP = ROOT / "docs" / "guide" / "bike-lane.yaml"
PICTURE = ROOT / "docs" / "guide" / "bike-lane.svg"
COPIED = ("docs/guide", "maps", "schema")
EXIT = re.compile(r"^\[exit (\d+)\]$")
FENCE = re.compile(r"^```(\S*)(.*)$")


@dataclass
class Step:
    kind: str  # "command", "file" or "diff"
    line: int  # line of the page where it is shown
    text: str = ""  # the command, or the file's content, or the diff
    path: str = ""  # for files and diffs
    expected: list[str] = field(default_factory=list)
    exit: int = 0
    partial: bool = False
    run: bool = True
    page: str = "guide.md"

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: " + (f"$ {self.text}" if self.kind == "command" else f"{self.kind} {self.path}")


def blocks(markdown: str):
    """(info words, first line number of the content, content lines) of every fenced block."""
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        info = [match.group(1), *match.group(2).split()]
        start = index + 1
        end = start
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        yield info, start + 1, lines[start:end]
        index = end + 1


def steps(markdown: str, page: str = "guide.md") -> list[Step]:
    found: list[Step] = []
    for info, first_line, content in blocks(markdown):
        language, words = info[0], info[1:]
        attributes = dict(word.split("=", 1) for word in words if "=" in word)
        if language == "console":
            commands: list[Step] = []
            for offset, line in enumerate(content):
                if line.startswith("$ "):
                    commands.append(Step("command", first_line + offset, line[2:], partial="partial" in words,
                                         run="norun" not in words, page=page))
                elif commands:
                    commands[-1].expected.append(line)
            for step in commands:
                if step.expected and EXIT.match(step.expected[-1]):
                    step.exit = int(EXIT.match(step.expected.pop()).group(1))
            found.extend(commands)
        elif "file" in attributes and language in ("yaml", "text", "json"):
            found.append(Step("file", first_line, "\n".join(content) + "\n", path=attributes["file"], page=page))
        elif "file" in attributes and language == "diff":
            found.append(Step("diff", first_line, "\n".join(content), path=attributes["file"], page=page))
    return found


def _normalized(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def apply_diff(text: str, diff: str) -> str:
    hunks: list[list[str]] = [[]]
    for line in diff.splitlines():
        if line.startswith("@@"):
            hunks.append([])
        else:
            hunks[-1].append(line)
    for hunk in filter(None, hunks):
        old = "\n".join(line[1:] for line in hunk if line[:1] in (" ", "-", "")) + "\n"
        new = "\n".join(line[1:] for line in hunk if line[:1] in (" ", "+", "")) + "\n"
        bad = [line for line in hunk if line[:1] not in (" ", "-", "+", "")]
        assert not bad, f"diff lines must start with ' ', '-' or '+': {bad}"
        assert text.count(old) == 1, f"this hunk must match exactly one place, not {text.count(old)}:\n{old}"
        text = text.replace(old, new)
    return text


def environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("ARGMAP_SOURCES", "ARGMAP_DOT", "ARGMAP_ARGDOWN", "GITHUB_ACTIONS")}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.update(PYTHONUNBUFFERED="1", COLUMNS="80", TERM="dumb")
    return env


class Replay:
    """The guide's steps in order, in one temporary copy of the repository; each runs once, when needed."""

    def __init__(self, folder: Path, all_steps: list[Step]):
        self.folder = folder
        self.steps = all_steps
        self.done = 0
        self.results: dict[int, subprocess.CompletedProcess] = {}
        for name in COPIED:
            shutil.copytree(ROOT / name, folder / name)

    def run(self, step: Step) -> subprocess.CompletedProcess | None:
        if step.kind == "file":
            target = self.folder / step.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, encoding="utf-8")
            return None
        if step.kind == "diff":
            target = self.folder / step.path
            target.write_text(apply_diff(target.read_text(encoding="utf-8"), step.text), encoding="utf-8")
            return None
        return subprocess.run(["bash", "-c", step.text], cwd=self.folder, env=environment(), text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)

    def until(self, index: int) -> subprocess.CompletedProcess | None:
        """Run every step up to and including `index`; the result of that step."""
        while self.done <= index:
            step = self.steps[self.done]
            if step.run:
                try:
                    self.results[self.done] = self.run(step)
                except AssertionError as error:
                    raise AssertionError(f"{step}: {error}") from None
            self.done += 1
        return self.results.get(index)


def check_output(step: Step, result: subprocess.CompletedProcess) -> None:
    shown = _normalized(result.stdout.splitlines())
    report = f"{step}\n--- real output (exit {result.returncode}) ---\n" + "\n".join(shown)
    assert result.returncode == step.exit, f"expected exit {step.exit}\n{report}"
    expected = _normalized(step.expected)
    if not step.partial:
        assert shown == expected, "the output differs from the guide's\n" + "\n".join(
            difflib.unified_diff(expected, shown, "guide", "real", lineterm="")) + "\n" + report
        return
    position = 0
    for wanted in expected:
        while position < len(shown) and wanted not in shown[position]:
            position += 1
        assert position < len(shown), f"this line of the guide is not in the output (in order): {wanted!r}\n{report}"
        position += 1


GUIDE_TEXT = GUIDE.read_text(encoding="utf-8")
GUIDE_STEPS = steps(GUIDE_TEXT)
STEPS = GUIDE_STEPS + steps(CLI_REFERENCE.read_text(encoding="utf-8"), "cli.md")
COMMANDS = [index for index, step in enumerate(STEPS) if step.kind == "command" and step.run]


@pytest.fixture(scope="module")
def replay():
    if shutil.which("dot") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Graphviz `dot` is missing in CI")
        pytest.skip("the guide renders diagrams: Graphviz `dot` is not installed")
    with tempfile.TemporaryDirectory(prefix="argmap-guide-") as folder:
        yield Replay(Path(folder), STEPS)


def test_guide_shows_commands():
    assert len(COMMANDS) >= 30
    pages = {STEPS[index].page for index in COMMANDS}
    assert pages == {"guide.md", "cli.md"}, f"both pages show commands that run, not only {pages}"
    assert any(not step.run for step in STEPS), "the --watch example is shown, not run"
    assert all(step.kind != "command" or "--watch" not in step.text or not step.run for step in STEPS)


@pytest.mark.parametrize("index", COMMANDS, ids=lambda i: f"{STEPS[i].page[:-3]}-line{STEPS[i].line}")
def test_command(replay, index):
    check_output(STEPS[index], replay.until(index))


def test_tutorial_ends_with_the_finished_map(replay):
    """The file the tutorial builds, step by step, is the one in the repository."""
    replay.until(len(GUIDE_STEPS) - 1)
    built = (replay.folder / "docs" / "guide" / "bike-lane.yaml").read_text(encoding="utf-8")
    assert built == FINISHED_MAP.read_text(encoding="utf-8")


def _node_ids(svg: str) -> set[str]:
    return set(re.findall(r'id="((?:claim|argument)-[^"]+)"', svg))


def test_guide_picture_is_current(replay):
    """docs/guide/bike-lane.svg, shown in the guide, is the tutorial's rendering of the finished map."""
    replay.until(len(GUIDE_STEPS) - 1)
    rendered = (replay.folder / "docs" / "guide" / "bike-lane.svg").read_text(encoding="utf-8")
    assert PICTURE.is_file(), "render it: argmap render docs/guide/bike-lane.yaml -o docs/guide/bike-lane.svg"
    assert _node_ids(PICTURE.read_text(encoding="utf-8")) == _node_ids(rendered)
    assert "guide/bike-lane.svg" in GUIDE_TEXT


def main() -> None:
    """Print every command of the guide and the CLI reference with its real output, in their notation."""
    with tempfile.TemporaryDirectory(prefix="argmap-guide-") as folder:
        replay = Replay(Path(folder), STEPS)
        for index in range(len(STEPS)):
            result = replay.until(index)
            step = STEPS[index]
            if result is None:
                continue
            status = "" if result.returncode == 0 else f"\n[exit {result.returncode}]"
            verdict = "ok"
            try:
                check_output(step, result)
            except AssertionError:
                verdict = "DIFFERS"
            print(f"=== {step} ({verdict}{', partial' if step.partial else ''})\n{result.stdout.rstrip()}{status}")


if __name__ == "__main__":
    main()
