"""Shared fixtures: the repository's folders, the essays, and a CLI runner."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAPS = ROOT / "maps"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


# Read once, then kept out of every test's environment: with it set, every map without a source.file
# would get a no-source-file warning. Tests that need the essays get them from the `essays` fixture.
_SOURCES_FROM_ENVIRONMENT = os.environ.pop("ARGMAP_SOURCES", None)


def essays_dir() -> Path | None:
    """The essays: $ARGMAP_SOURCES, else ../shared/essays beside the checkout."""
    for candidate in (*(_SOURCES_FROM_ENVIRONMENT or "").split(os.pathsep), ROOT.parent / "shared" / "essays"):
        if candidate and (Path(candidate) / "2021-peninsula-stalemate.txt").is_file():
            return Path(candidate)
    return None


@pytest.fixture
def essays() -> Path:
    """The essays' folder; in CI their absence fails the test instead of skipping it."""
    found = essays_dir()
    if found is None:
        message = "the essays are not at ../shared/essays and ARGMAP_SOURCES is not set"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture
def needs_dot():
    if shutil.which("dot") is None:
        if IN_CI:
            pytest.fail("Graphviz `dot` is missing in CI")
        pytest.skip("Graphviz `dot` is not installed")


def find_tool(name: str) -> str:
    """A command-line tool the tests need, from this Python's environment first; absent in CI is a failure."""
    import sys

    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        message = f"{name} is not installed (a test dependency: pip install -e '.[test]')"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
