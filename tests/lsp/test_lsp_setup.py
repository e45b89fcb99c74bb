"""The language server's set-up: positions in the client's units, the optional extra, the editors' files."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.lsp.positions import UTF8, UTF32, Lines, Span, token_end

pytestmark = pytest.mark.lsp

ROOT = Path(__file__).resolve().parents[2]


# --- positions ------------------------------------------------------------------------------------

def test_columns_count_utf16_units_past_curly_quotes_dashes_and_emoji():
    lines = Lines("text: \u201cthe \U0001F4F1\u201d \u2014 x\n")
    column = lines[0].rindex("x")  # code points
    assert lines.to_client(0, column) == (0, column + 1)  # the emoji is two UTF-16 units
    assert lines.to_client(0, column, UTF32) == (0, column)
    assert lines.to_client(0, column, UTF8) == (0, len(lines[0][:column].encode("utf-8")))
    assert lines.from_client(0, column + 1) == column
    assert lines.from_client(0, 10**6) == len(lines[0])


def test_lines_end_as_lsp_ends_them():
    lines = Lines("a\r\nb\rc\nd\u2028e")
    assert [lines[n] for n in range(len(lines))] == ["a", "b", "c", "d\u2028e"]
    assert lines.place(lines.offset(2, 1)) == (2, 1)
    assert lines[99] == ""


@pytest.mark.parametrize(("line", "start", "token"), [
    ("    premises: [a-b, c.d]", 15, "a-b"),
    ("    premises: [a-b, c.d]", 20, "c.d"),
    ("  orphan:", 2, "orphan"),
    ("    quote: 'it''s: here' # note", 11, "'it''s: here'"),
    ('    text: "a \\" b"', 10, '"a \\" b"'),
    ("    text: plain words, with commas  # and a comment", 10, "plain words, with commas"),
    ("  o: {claim: x, target: nope}", 24, "nope"),
])
def test_a_problem_marks_the_token_it_points_at(line, start, token):
    assert line[start:token_end(line, start)] == token
    assert Lines(line).problem_span(1, start + 1) == Span(0, start, start + len(token))


# --- the optional extra ---------------------------------------------------------------------------

def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)


def test_without_pygls_argmap_lsp_says_what_to_install():
    result = _python("import sys; sys.modules['pygls'] = None; sys.argv = ['argmap', 'lsp']\n"
                     "from argmap.cli import main; main()")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "install argmap[lsp]" in result.stderr
    assert "pip install 'argmap[lsp]'" in result.stderr


def test_the_library_and_the_other_commands_never_import_pygls():
    result = _python("import sys, argmap, argmap.cli\n"
                     "argmap.validate_text('argmap: 1\\nid: x\\n', name='x.yaml')\n"
                     "from argmap.lsp import positions, navigation, completion, actions, analysis, hover, references\n"
                     "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_extra_and_the_marker_are_declared():
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    extras = setup.split("[options.extras_require]", 1)[1].split("\n[", 1)[0]
    lsp_extra = re.search(r"(?m)^lsp =\n((?:    .+\n)+)", extras).group(1).split()
    test_extra = re.search(r"(?m)^test =\n((?:    .+\n)+)", extras).group(1).split()
    assert any(p.startswith("pygls") for p in lsp_extra)
    assert any(p.startswith("lsprotocol") for p in lsp_extra)
    assert set(lsp_extra) <= set(test_extra)
    assert any(p.startswith("pytest-lsp") for p in test_extra)
    assert re.search(r"(?m)^    lsp: ", setup)


# --- the editors ----------------------------------------------------------------------------------

VSCODE = ROOT / "editors" / "vscode"
EDITORS = ROOT / "docs" / "editors.md"


def test_the_vscode_extension_starts_argmap_lsp_and_vendors_nothing():
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    assert manifest["main"] == "./extension.js"
    assert (VSCODE / "extension.js").is_file()
    assert "vscode-languageclient" in manifest["dependencies"]
    assert "onLanguage:yaml" in manifest["activationEvents"]
    settings = manifest["contributes"]["configuration"]["properties"]
    assert settings["argmap.command"]["default"] == ["argmap", "lsp"]
    assert {"argmap.sources", "argmap.debounce", "argmap.previewFolder"} <= set(settings)
    for setting in ("sources", "debounce", "previewFolder"):
        assert f"`argmap.{setting}`" in EDITORS.read_text(encoding="utf-8")
    script = (VSCODE / "extension.js").read_text(encoding="utf-8")
    assert '"argmap.preview"' in script
    assert '"argmap/previewUpdated"' in script
    listed = subprocess.run(["git", "ls-files", str(VSCODE)], check=False, capture_output=True, text=True, cwd=ROOT)
    assert "node_modules" not in listed.stdout  # nothing vendored (an sdist, which is no git checkout, has none)


def test_the_vscode_extension_is_valid_javascript():
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("Node.js is not installed (./quickstart.sh test installs it)")
    result = subprocess.run([node, "--check", str(VSCODE / "extension.js")], check=False, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def _fence(language: str) -> str:
    blocks = re.findall(rf"(?ms)^```{language}\n(.*?)^```", EDITORS.read_text(encoding="utf-8"))
    assert len(blocks) == 1, f"docs/editors.md should show one {language} block"
    return blocks[0]


def test_the_helix_set_up_is_valid_toml_that_runs_argmap_lsp():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads(_fence("toml"))
    assert config["language-server"]["argmap"] == {"command": "argmap", "args": ["lsp"],
                                                   "config": {"sources": ["../shared/essays"]}}
    assert "argmap" in config["language"][0]["language-servers"]


def test_the_neovim_set_up_runs_argmap_lsp_for_yaml():
    lua = _fence("lua")
    assert 'cmd = { "argmap", "lsp" }' in lua
    assert 'filetypes = { "yaml" }' in lua
    assert 'vim.lsp.enable("argmap")' in lua
    assert '"argmap.preview"' in lua
    assert lua.count("(") == lua.count(")")
    assert lua.count("{") == lua.count("}")
