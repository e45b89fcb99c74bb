"""argmap where users run it from: the pre-commit hook (a real pre-commit run) and shell completion."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import FIXTURES, MAPS, ROOT, find_tool, installed_argmap


@pytest.mark.slow
def test_pre_commit_hook_fails_on_a_bad_map_and_passes_a_good_one(tmp_path):
    pre_commit = find_tool("pre-commit")
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
                              capture_output=True, text=True, env=env, timeout=600, check=False)

    good = hook()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "argmap validate" in good.stdout
    assert "Passed" in good.stdout
    shutil.copy(FIXTURES / "invalid" / "unknown-premise.yaml", repo / "maps" / "bad.yaml")
    (repo / "notes.yaml").write_text("not: [a map\n")  # outside maps/: the hook leaves it alone
    subprocess.run([*git, "add", "."], check=True, env=env)
    bad = hook()
    assert bad.returncode == 1
    assert "Failed" in bad.stdout
    assert "maps/bad.yaml:9:38: error:" in bad.stdout
    assert "notes.yaml" not in bad.stdout


# What each shell's completion function asks, and what argmap must answer: the words typed so far, the word being
# completed (bash and zsh: its index; fish: the word itself), and the answer in the shell's own format.
COMPLETION = {
    "bash": ({"COMP_WORDS": "argmap ren", "COMP_CWORD": "1"}, "plain,render\n",
             "complete -o nosort -F _argmap_completion argmap"),
    "zsh": ({"COMP_WORDS": "argmap ren", "COMP_CWORD": "1"},
            "plain\nrender\nDraw maps as diagrams (SVG, PNG, PDF, DOT,...\n", "#compdef argmap"),
    "fish": ({"COMP_WORDS": "argmap ren", "COMP_CWORD": "ren"},
             "plain,render\tDraw maps as diagrams (SVG, PNG, PDF, DOT,...\n",
             'complete --no-files --command argmap --arguments "(_argmap_completion)"'),
}


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts(shell):
    asked, answer, registration = COMPLETION[shell]
    argmap_bin = installed_argmap()
    source = subprocess.run([argmap_bin], env={**os.environ, "_ARGMAP_COMPLETE": f"{shell}_source"},
                            capture_output=True, text=True, timeout=60, check=False)
    assert source.returncode == 0, source.stderr
    assert "_ARGMAP_COMPLETE" in source.stdout
    assert f"{shell}_complete" in source.stdout
    assert registration in source.stdout
    words = subprocess.run([argmap_bin], env={**os.environ, "_ARGMAP_COMPLETE": f"{shell}_complete", **asked},
                           capture_output=True, text=True, timeout=60, check=False)
    assert words.returncode == 0, words.stderr
    assert words.stdout == answer  # only `render` starts with "ren"
