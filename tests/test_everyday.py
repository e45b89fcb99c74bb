"""Everyday use: the pre-commit hook (real pre-commit), JUnit reports, schemas for editors, new maps, completion."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from conftest import FIXTURES, MAPS, ROOT, find_tool


def _pre_commit() -> str:
    return find_tool("pre-commit")


def test_pre_commit_hook_fails_on_a_bad_map_and_passes_a_good_one(tmp_path):
    pre_commit = _pre_commit()
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    shutil.copy(MAPS / "school-phones.yaml", repo / "maps" / "good.yaml")
    shutil.copy(MAPS / "school-phones.txt", repo / "maps" / "school-phones.txt")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    git = ["git", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "."], check=True, env=env)

    def hook() -> subprocess.CompletedProcess:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "argmap-validate", "--all-files"], cwd=repo,
                              capture_output=True, text=True, env=env, timeout=600)

    good = hook()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "argmap validate" in good.stdout and "Passed" in good.stdout
    shutil.copy(FIXTURES / "invalid" / "unknown-premise.yaml", repo / "maps" / "bad.yaml")
    (repo / "notes.yaml").write_text("not: [a map\n")  # outside maps/: the hook leaves it alone
    subprocess.run([*git, "add", "."], check=True, env=env)
    bad = hook()
    assert bad.returncode == 1
    assert "Failed" in bad.stdout and "maps/bad.yaml:9:38: error:" in bad.stdout and "notes.yaml" not in bad.stdout


def test_junit_report_parses_and_counts_failures(runner):
    files = [FIXTURES / "invalid" / "bad-role.yaml", MAPS / "school-phones.yaml", FIXTURES / "invalid" / "orphan-claim.yaml"]
    for strict, failures in ((False, 1), (True, 2)):
        result = runner.invoke(main, ["validate", "--format", "junit", *(["--strict"] if strict else []), *map(str, files)])
        assert result.exit_code == 1
        root = ET.fromstring(result.stdout)
        suite = root.find("testsuite")
        assert suite.get("tests") == "3" and suite.get("failures") == str(failures)
        cases = {case.get("name"): case for case in suite.iter("testcase")}
        assert set(cases) == set(map(str, files))
        failure = cases[str(files[0])].find("failure")
        assert failure.get("type") == "schema-enum" and "bad-role.yaml:6:32" in failure.text
        assert cases[str(files[1])].find("failure") is None


@pytest.mark.parametrize("args, key", [([], "argmap"), (["--links"], "argmap-links"), (["--model"], "argmap-model")])
def test_schema_command_prints_the_published_schemas(runner, args, key):
    result = runner.invoke(main, ["schema", *args])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert key in schema["properties"]
    published = {"argmap": "argmap.schema.json", "argmap-links": "links.schema.json", "argmap-model": "argmap-model.schema.json"}
    assert schema == json.loads((ROOT / "schema" / published[key]).read_text())


def test_schema_has_enums_and_examples_for_editors():
    schema = json.loads((ROOT / "schema" / "argmap.schema.json").read_text())
    claim = schema["$defs"]["claim"]["properties"]
    assert claim["role"]["enum"][0] == "thesis" and "description" in claim["role"]
    assert schema["$defs"]["argument"]["properties"]["scheme"]["examples"]
    assert schema["properties"]["source"]["properties"]["published"]["examples"]


def test_new_writes_a_valid_skeleton_with_source_metadata(runner, tmp_path, essays):
    essay = essays / "2019-02-15-zhang-finding-a-solution.txt"
    out = tmp_path / "maps" / "zhang.yaml"
    out.parent.mkdir()
    result = runner.invoke(main, ["new", "--source", str(essay), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    for element in ("# actors:", "# sections:", "implicit: true", "# arguments:", "# objections:", "# omitted:"):
        assert element in text
    model = argmap.load(out, sources=essays)  # the quote is checked against the essay, and the hash too
    assert model.source.published == "2019-02-15" and model.source.file == essay.name
    assert runner.invoke(main, ["validate", "--strict", "--sources", str(essays), str(out)]).exit_code == 0
    again = runner.invoke(main, ["new", "--source", str(essay), "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output


def test_new_refuses_text_that_is_not_utf8(runner, tmp_path):
    essay = tmp_path / "latin1.txt"
    essay.write_bytes(b"Caf\xe9 society is good.\n")
    result = runner.invoke(main, ["new", "--source", str(essay), "-o", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1 and "not UTF-8" in result.output and not (tmp_path / "m.yaml").exists()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts(shell):
    argmap_bin = shutil.which("argmap", path=str(Path(sys.executable).parent)) or shutil.which("argmap")
    if not argmap_bin:
        pytest.fail("the argmap console script is not installed")
    script = subprocess.run([argmap_bin], env={**os.environ, "_ARGMAP_COMPLETE": f"{shell}_source"},
                            capture_output=True, text=True, timeout=60).stdout
    assert "_ARGMAP_COMPLETE" in script
    words = subprocess.run([argmap_bin], env={**os.environ, "_ARGMAP_COMPLETE": f"{shell}_complete",
                                              "COMP_WORDS": "argmap ren", "COMP_CWORD": "1"},
                           capture_output=True, text=True, timeout=60).stdout
    if shell == "bash":
        assert "render" in words


def _stderr_on_a_terminal(args, cwd=ROOT) -> tuple[int, bytes]:
    """Run argmap with stderr on a pseudo-terminal, reading it while it runs (a full pty would block it)."""
    import pty
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


def test_batch_validation_and_large_comparison_show_progress_on_a_terminal_only(tmp_path, runner):
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    for seed in (1, 2):
        (tmp_path / f"g{seed}.yaml").write_text(json.dumps(generate(1200, seed)))
    code, shown = _stderr_on_a_terminal(["validate", str(tmp_path)])
    assert code == 0 and b"Validating" in shown and b"100%" in shown
    code, shown = _stderr_on_a_terminal(["compare", str(tmp_path / "g1.yaml"), str(tmp_path / "g2.yaml"), "--format", "json"])
    assert code == 0 and b"Comparing" in shown and b"100%" in shown
    quiet = runner.invoke(main, ["compare", str(tmp_path / "g1.yaml"), str(tmp_path / "g2.yaml"), "--format", "json"])
    assert quiet.exit_code == 0 and "Comparing" not in quiet.stderr
    assert "Validating" not in runner.invoke(main, ["validate", str(tmp_path)]).stderr
