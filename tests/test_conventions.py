"""The conventions other tools keep: a map on stdin, NO_COLOR, a settings file, a pre-commit hook that follows
what depends on a change, a live preview served under any file name, no stray cache folder without a HOME."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
ESSAY_LINKS = MAPS / "links" / "2019-02-15-zhang-finding-a-solution--2021-peninsula-stalemate.yaml"


def argmap(*args, cwd=None, env=None, stdin=None, timeout=60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, input=stdin, timeout=timeout,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small bundled map and its source, as a user's repository holds them."""
    (tmp_path / "maps").mkdir()
    shutil.copy(MAPS / "school-phones.yaml", tmp_path / "maps")
    shutil.copy(MAPS / "school-phones.txt", tmp_path / "maps")
    return tmp_path


@pytest.fixture
def essays_project(project: Path) -> Path:
    """The project with the essay maps and their links file too (not their essays)."""
    (project / "maps" / "links").mkdir()
    for path in MAPS.glob("20*.yaml"):
        shutil.copy(path, project / "maps")
    shutil.copy(ESSAY_LINKS, project / "maps" / "links")
    return project


def test_validate_reads_a_map_from_stdin_under_the_name_given(project):
    text = (project / "maps" / "school-phones.yaml").read_text()
    result = argmap("validate", "-", "--stdin-filename", "maps/school-phones.yaml", "--sources", "maps",
                    cwd=project, stdin=text)
    assert result.returncode == 0 and "1 file checked, no problems" in result.stdout, result.stdout
    broken = text.replace("premises: [phones-distract", "premises: [phones-distrac")
    assert broken != text
    result = argmap("validate", "-", "--stdin-filename", "maps/school-phones.yaml", cwd=project, stdin=broken)
    assert result.returncode == 1
    assert result.stdout.startswith("maps/school-phones.yaml:") and "did you mean 'phones-distract'" in result.stdout
    quoted = argmap("validate", "-", "--stdin-filename", "maps/school-phones.yaml", "--sources", "maps", cwd=project,
                    stdin=text.replace("quote: Phones distract students", "quote: Phones distract pupils"))
    assert quoted.returncode == 1 and "quote-not-found" in quoted.stdout  # the source beside the name is used


def test_no_color_is_honoured(project):
    bad = project / "bad.yaml"
    bad.write_text("argmap: 1\nid: x\n")
    result = argmap("validate", bad, env={"NO_COLOR": "1"})
    assert result.returncode == 1 and "\x1b[" not in result.stdout + result.stderr


@pytest.mark.parametrize("kind", ["yaml", "pyproject"])
def test_settings_found_upwards_set_files_sources_and_strictness(project, kind):
    (project / "maps" / "extra.yaml").write_text(
        "argmap: 1\nid: extra\ntitle: X\nthesis: t\nclaims:\n  t: {text: An unquoted claim.}\n")
    if kind == "yaml":
        (project / ".argmap.yaml").write_text("files: [maps]\nstrict: true\nsources: [maps]\n")
    else:
        (project / "pyproject.toml").write_text('[tool.argmap]\nfiles = ["maps"]\nstrict = true\nsources = ["maps"]\n')
    below = project / "maps" / "sub"
    below.mkdir()
    strict = argmap("validate", cwd=below)
    assert strict.returncode == 1 and "extra.yaml" in strict.stdout and "missing-quote" in strict.stdout
    assert "2 files" in strict.stdout
    lenient = argmap("validate", "--no-strict", cwd=below)
    assert lenient.returncode == 0, lenient.stdout + lenient.stderr
    one = argmap("validate", "--no-strict", "../school-phones.yaml", cwd=below)  # the command line wins
    assert one.returncode == 0 and "1 file checked" in one.stdout


def test_a_bad_settings_file_is_a_clear_usage_error(project):
    (project / ".argmap.yaml").write_text("strict: yes\n")
    result = argmap("validate", "maps", cwd=project)
    assert result.returncode == 2 and ".argmap.yaml: strict must be true or false" in result.stderr
    (project / ".argmap.yaml").write_text("sorces: [x]\n")
    result = argmap("validate", "maps", cwd=project)
    assert result.returncode == 2 and "unknown setting 'sorces'" in result.stderr


def test_with_dependents_checks_the_maps_that_quote_a_text_and_the_links_that_name_a_map(essays_project):
    project = essays_project
    text = argmap("validate", "--with-dependents", "maps/school-phones.txt", "--format", "json", cwd=project)
    assert json.loads(text.stdout)["files"] == 1
    changed_map = argmap("validate", "--with-dependents", "maps/2021-peninsula-stalemate.yaml", "--format", "junit",
                         cwd=project)
    assert "maps/links/" in changed_map.stdout and changed_map.returncode == 0
    (project / "maps" / "school-phones.txt").write_text("The text changed.\n")
    broken = argmap("validate", "--with-dependents", "maps/school-phones.txt", cwd=project)
    assert broken.returncode == 1 and "source-hash" in broken.stdout


def test_pre_commit_hook_rechecks_maps_when_their_source_text_changes(project, tmp_path):
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.fail("pre-commit is a test dependency") if os.environ.get("CI") else pytest.skip("no pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    git = ["git", "-C", str(project)]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "."], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "maps"], check=True, env=env)
    (project / "maps" / "school-phones.txt").write_text("Someone rewrote the essay.\n")
    subprocess.run([*git, "add", "."], check=True, env=env)
    hook = subprocess.run([pre_commit, "try-repo", str(ROOT), "argmap-validate"], cwd=project, capture_output=True,
                          text=True, env=env, timeout=600)
    assert hook.returncode == 1, hook.stdout + hook.stderr
    assert "maps/school-phones.yaml" in hook.stdout and "source-hash" in hook.stdout


def test_the_cache_is_skipped_without_a_home(tmp_path):
    code = ("import os, sys\nos.path.expanduser = lambda path: path  # as with no HOME and no passwd entry\n"
            "from argmap.cli import main\nsys.argv = ['argmap', 'validate', %r]\nmain()\n") % str(MAPS / "school-phones.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**env, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []  # no folder named ~ (or anything else) appears


def test_served_page_is_found_under_a_name_with_spaces_and_accents(tmp_path):
    from argmap.watch import serve

    target = tmp_path / "my map \u00e9t\u00e9.html"
    target.write_text("<!DOCTYPE html><p>ok</p>")
    server = serve(target, 0)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{urllib.parse.quote(target.name)}"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b"ok" in response.read()
    finally:
        server.shutdown()


def test_watch_renders_once_at_start_up(tmp_path):
    from argmap.watch import watch

    source = tmp_path / "source.txt"
    source.write_text("x")
    runs: list[float] = []
    known: list[Path] = [tmp_path / "map.yaml"]
    (tmp_path / "map.yaml").write_text("y")

    def job():
        runs.append(time.monotonic())
        if source not in known:
            known.append(source)  # the first render finds the map's source, which is then watched too

    stop_at = time.monotonic() + 1.5
    thread = threading.Thread(target=watch, args=(lambda: list(known), job, lambda: time.monotonic() > stop_at, 0.05))
    thread.start()
    thread.join(10)
    assert len(runs) == 1
    stop_at = time.monotonic() + 1.5
    known.clear()
    known.extend([tmp_path / "map.yaml", source])
    runs.clear()

    def edit():
        time.sleep(0.4)
        source.write_text("changed")

    threading.Thread(target=edit).start()
    watch(lambda: list(known), job, lambda: time.monotonic() > stop_at, 0.05)
    assert len(runs) == 2  # the start, and the edit of the source

