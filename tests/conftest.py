"""Shared by every test: the repository's folders, the refusal corpus, what a test needs from outside Python
(Graphviz's dot, a browser, Node's Argdown parser, the essays) as markers, and a CLI runner.

A test that needs something from outside says so with a marker (`@pytest.mark.dot`) or with a fixture that implies
one (`browser`, `argdown_parser`, `essays`). Without it, the test is skipped on a developer's machine with a plain
message, and fails in CI (CI=true), where everything must be installed. The fast run leaves out the slow parts:

    python -m pytest -m "not browser and not node"
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
MAPS = ROOT / "maps"
HOSTILE = FIXTURES / "hostile"  # what the YAML loader refuses
INVALID = FIXTURES / "invalid"  # well-formed YAML that is no valid map
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Read once, then kept out of every test's environment: with it set, every map without a source.file
# would get a no-source-file warning. Tests that need the essays get them from the `essays` fixture.
_SOURCES_FROM_ENVIRONMENT = os.environ.pop("ARGMAP_SOURCES", None)

# A small valid map: a quoted thesis, an implicit premise, one argument.
MINIMAL = ("argmap: 1\nid: m\ntitle: T\nthesis: t\n"
           "claims:\n  t: {text: T, quote: secret}\n  p: {text: P, implicit: true}\n"
           "arguments:\n  a: {conclusion: t, premises: [p]}\n")

# The essays the bundled maps quote (maps/*.yaml, source.file); school-phones.txt lies beside its map.
ESSAYS = ("2019-02-15-zhang-finding-a-solution.txt", "2021-peninsula-stalemate.txt")


# --- the refusal corpora ------------------------------------------------------------------------------------------
# hostile/: files the YAML loader refuses; invalid/: well-formed YAML that is no valid map (schema, references,
# structure). Each folder's EXPECTED names every file with the problem it must yield: `name code line:column`.


@dataclass(frozen=True)
class Refusal:
    """One file of a refusal corpus and the problem it must yield."""

    path: Path
    code: str
    line: int
    column: int

    @property
    def name(self) -> str:
        return self.path.name


def refusals(*folders: Path) -> list:
    """The cases of these corpora (hostile/ and invalid/ unless named), as pytest parameters, read from EXPECTED."""
    cases = []
    for folder in folders or (HOSTILE, INVALID):
        for text in (folder / "EXPECTED").read_text(encoding="utf-8").splitlines():
            if text and not text.startswith("#"):
                name, code, position = text.split()
                line, column = map(int, position.split(":"))
                cases.append(pytest.param(Refusal(folder / name, code, line, column), id=f"{folder.name}/{name}"))
    return cases


# --- what tests need from outside Python -------------------------------------------------------------------------


def essays_dir() -> Path | None:
    """The essays, found as quickstart.sh finds them: $ARGMAP_SOURCES if set, else ../shared/essays beside the
    repository. With several folders in $ARGMAP_SOURCES, the one that holds the essays."""
    if _SOURCES_FROM_ENVIRONMENT:
        candidates = [Path(folder) for folder in _SOURCES_FROM_ENVIRONMENT.split(os.pathsep) if folder]
    else:
        candidates = [ROOT.parent / "shared" / "essays"]
    for candidate in candidates:
        if all((candidate / name).is_file() for name in ESSAYS):
            return candidate
    return None


def _essays_missing() -> str | None:
    if essays_dir() is not None:
        return None
    if _SOURCES_FROM_ENVIRONMENT:
        return f"the essays ({', '.join(ESSAYS)}) are not in ARGMAP_SOURCES={_SOURCES_FROM_ENVIRONMENT}"
    return "the essays are not at ../shared/essays; set ARGMAP_SOURCES"


def _dot_missing() -> str | None:
    """As argmap finds dot: $ARGMAP_DOT, else `dot` on PATH."""
    configured = os.environ.get("ARGMAP_DOT")
    if shutil.which(configured or "dot"):
        return None
    return f"ARGMAP_DOT={configured} is not a program" if configured else "Graphviz `dot` is not installed"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401 - only whether it is there
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None if chromium() else "chromium is not installed (./quickstart.sh test installs it)"


def _node_missing() -> str | None:
    from argmap.formats.argdown import argdown_command

    command = argdown_command()
    if command is None or shutil.which(command[0]) is None:
        return "Argdown's parser (@argdown/cli) is not installed: ./quickstart.sh test installs it into tests/tools"
    if shutil.which("node") is None:
        return "Node.js is not installed: Argdown's parser runs on it"
    return None


# marker -> what tells why it cannot run here (None: it can)
REQUIREMENTS: dict[str, Callable[[], str | None]] = {
    "dot": _dot_missing,
    "browser": _browser_missing,
    "node": _node_missing,
    "essays": _essays_missing,
}
# a fixture that a test asks for -> the markers it implies
FIXTURE_MARKERS = {
    "browser": ("browser", "dot"),  # the page holds dot's SVG
    "argdown_parser": ("node",),
    "essays": ("essays",),
    "replay": ("dot",),  # tests/test_guide.py replays the guide, which renders diagrams
    "needs_dot": ("dot",),  # the fixture's older name for the marker
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, markers in FIXTURE_MARKERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                for marker in markers:
                    item.add_marker(marker)
        if item.get_closest_marker("browser") and not item.get_closest_marker("dot"):
            item.add_marker("dot")


_verdicts: dict[str, str | None] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip a test whose marker names something missing here; in CI, fail it instead."""
    for marker, missing in REQUIREMENTS.items():
        if item.get_closest_marker(marker) is None:
            continue
        if marker not in _verdicts:
            _verdicts[marker] = missing()
        reason = _verdicts[marker]
        if reason:
            if IN_CI:
                pytest.fail(f"{reason} (CI must run every test)", pytrace=False)
            pytest.skip(reason)


def find_tool(name: str) -> str:
    """A command-line tool the tests need, from this Python's environment first; absent in CI is a failure."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        message = f"{name} is not installed (a test dependency: pip install -e '.[test]')"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


def installed_argmap() -> str:
    """The installed `argmap` console script, beside this Python first."""
    found = shutil.which("argmap", path=str(Path(sys.executable).parent)) or shutil.which("argmap")
    if not found:
        pytest.fail("the argmap console script is not installed: run ./quickstart.sh test")
    return found


# --- fixtures ------------------------------------------------------------------------------------------------------


@pytest.fixture
def essays() -> Path:
    """The essays' folder (marker `essays`: skipped with a plain message when absent, a failure in CI)."""
    found = essays_dir()
    assert found is not None  # pytest_runtest_setup has skipped or failed the test otherwise
    return found


@pytest.fixture
def needs_dot() -> None:
    """Graphviz's dot (marker `dot`; prefer the marker itself)."""


@pytest.fixture
def argdown_parser() -> None:
    """Argdown's reference parser (marker `node`)."""


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser():
    """Debian's chromium driven by Playwright (markers `browser` and `dot`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def generated(claims: int, seed: int) -> dict:
    """A map of this many claims made by bench/generate.py, as data (JSON is YAML)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("argmap_bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(claims, seed)


SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def svg_nodes(svg: bytes) -> dict:
    """The node groups of an SVG that dot drew, by their id."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)  # noqa: S314 - dot's drawing of argmap's own graph
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("node")}


def svg_texts(group) -> list[str]:
    return ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]


def stderr_on_a_terminal(args: list[str], cwd: Path = ROOT) -> tuple[int, bytes]:
    """Run argmap with stderr on a pseudo-terminal, reading it while it runs (a full pty would block it)."""
    import pty
    import subprocess
    import threading

    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=terminal, cwd=cwd,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(terminal)
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = process.wait(timeout=120)
    reader.join(timeout=10)
    os.close(controller)
    return code, b"".join(chunks)


def fake_dot(folder: Path, body: str) -> Path:
    """A shell script to name in ARGMAP_DOT instead of Graphviz's dot."""
    import stat

    script = folder / "fake-dot"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
