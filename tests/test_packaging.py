"""Every platform: the package holds its schemas as plain files, a wheel built without symlinks works, and the
tests run from the sdist."""
from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(command: list[str], cwd: Path, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_the_packaged_schemas_are_files_equal_to_the_published_ones():
    tracked = subprocess.run(["git", "ls-files", "-s", "argmap"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout (an sdist)")
    links = [line.split("\t")[1] for line in tracked.stdout.splitlines() if line.startswith("120000")]
    assert links == [], f"symlinks in the package break checkouts without symlinks (Windows): {links}"
    for packaged in sorted((ROOT / "argmap" / "data").glob("*.json")):
        published = ROOT / "schema" / packaged.name
        assert packaged.read_bytes() == published.read_bytes(), f"copy {published} to {packaged}"


@pytest.fixture(scope="module")
def clone_without_symlinks(tmp_path_factory) -> Path:
    """A clone of this repository's last commit, made as Windows' git makes it (core.symlinks=false)."""
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip("not a git checkout (an sdist)")
    clone = tmp_path_factory.mktemp("clone") / "argmap"
    _run(["git", "clone", "-q", "-c", "core.symlinks=false", str(ROOT), str(clone)], cwd=ROOT)
    return clone


@pytest.mark.slow
def test_a_wheel_built_without_symlinks_validates(clone_without_symlinks, tmp_path):
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"),
          str(clone_without_symlinks)], cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("argmap-*.whl"))
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(installed)
    assert {"argmap/data/argmap.schema.json", "argmap/py.typed"} <= set(names)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "m.yaml").write_text((ROOT / "maps" / "school-phones.yaml").read_text())
    (elsewhere / "school-phones.txt").write_bytes((ROOT / "maps" / "school-phones.txt").read_bytes())
    result = _run([sys.executable, "-m", "argmap", "validate", "--strict", "m.yaml"], cwd=elsewhere,
                  env={"PYTHONPATH": str(installed)})
    assert "1 file checked, no problems" in result.stdout
    schema = _run([sys.executable, "-m", "argmap", "schema", "--path"], cwd=elsewhere, env={"PYTHONPATH": str(installed)})
    assert schema.stdout.strip().startswith(str(installed))


@pytest.mark.slow
def test_the_tests_run_from_the_sdist(clone_without_symlinks, tmp_path):
    _run([sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(tmp_path / "dist"),
          str(clone_without_symlinks)], cwd=tmp_path)
    sdist = next((tmp_path / "dist").glob("argmap-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    unpacked = next((tmp_path / "unpacked").iterdir())
    assert (unpacked / "tests" / "conftest.py").is_file() and (unpacked / "maps" / "school-phones.yaml").is_file()
    collected = _run([sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider"], cwd=unpacked,
                     env={"PYTHONPATH": str(unpacked)})
    assert " tests collected" in collected.stdout or "tests collected" in collected.stdout
    ran = _run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m",
                "not slow", "-k", "schema or fixture"], cwd=unpacked,
               env={"PYTHONPATH": str(unpacked)})
    assert " passed" in ran.stdout
