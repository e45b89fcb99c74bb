"""`argmap validate` as users meet it: every report format, exit statuses, usage errors, and real subprocesses of the
installed command."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import FIXTURES, HOSTILE, INVALID, MAPS, ROOT, installed_argmap, write

from argmap.cli import main


def test_text_format_names_file_line_column_code_and_hint(runner):
    path = INVALID / "unknown-premise.yaml"
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert (f"{path}:9:38: error: arguments.a.premises.0 names the claim 'premis', "
            "which this map does not define [unknown-ref]") in result.stdout
    assert "    hint: did you mean 'premise'?" in result.stdout
    assert "1 error, 0 warnings in 1 file" in result.stdout  # the orphan behind the unknown id is not reported twice


def test_every_file_is_checked_not_just_up_to_the_first_bad_one(runner):
    files = [HOSTILE / "duplicate-key.yaml", FIXTURES / "valid" / "minimal.yaml", INVALID / "bad-role.yaml"]
    result = runner.invoke(main, ["validate", "--format", "json", *map(str, files)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == 3
    assert {p["file"] for p in report["problems"]} == {str(files[0]), str(files[2])}


def test_folder_is_searched_recursively(runner, tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "valid" / "minimal.yaml", tmp_path / "sub" / "a.yml")
    shutil.copy(INVALID / "bad-role.yaml", tmp_path / "b.yaml")
    (tmp_path / "notes.txt").write_text("not a map")
    result = runner.invoke(main, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == 2
    assert [p["code"] for p in report["problems"]] == ["schema-enum"]


def test_json_format_is_one_document(runner):
    result = runner.invoke(main, ["validate", "--format", "json", str(INVALID / "orphan-claim.yaml")])
    assert result.exit_code == 0  # a warning alone passes without --strict
    report = json.loads(result.stdout)
    assert report["errors"] == 0
    assert report["warnings"] == 1
    problem = report["problems"][0]
    assert problem == {"file": str(INVALID / "orphan-claim.yaml"), "line": 8, "column": 3, "severity": "warning",
                       "code": "orphan-claim", "message": "claim 'lonely' is not used by any argument or objection",
                       "hint": "make it a premise of an argument, an objection, or remove it"}


def test_github_format_is_picked_on_actions_and_escapes(runner, tmp_path):
    path = write(tmp_path, "m,a:p.yaml",
                 "argmap: 1\nid: x\ntitle: T\nthesis: t\nclaims:\n  t: {text: T, quote: t, role: theses}\n")
    result = runner.invoke(main, ["validate", str(path)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"::error file={str(path).replace(':', '%3A').replace(',', '%2C')},line=6,col=32,"
                           "title=argmap schema-enum::")
    assert line.endswith("%0Adid you mean 'thesis'?")


def test_junit_report_parses_and_counts_failures(runner):
    files = [INVALID / "bad-role.yaml", MAPS / "school-phones.yaml", INVALID / "orphan-claim.yaml"]
    for strict, failures in ((False, 1), (True, 2)):
        strictly = ["--strict"] if strict else []
        result = runner.invoke(main, ["validate", "--format", "junit", *strictly, *map(str, files)])
        assert result.exit_code == 1
        root = ET.fromstring(result.stdout)  # noqa: S314 - argmap's own report
        suite = root.find("testsuite")
        assert suite.get("tests") == "3"
        assert suite.get("failures") == str(failures)
        cases = {case.get("name"): case for case in suite.iter("testcase")}
        assert set(cases) == set(map(str, files))
        failure = cases[str(files[0])].find("failure")
        assert failure.get("type") == "schema-enum"
        assert "bad-role.yaml:6:32" in failure.text
        assert cases[str(files[1])].find("failure") is None


def test_strict_fails_on_warnings(runner):
    path = str(INVALID / "missing-quote.yaml")
    assert runner.invoke(main, ["validate", path]).exit_code == 0
    assert runner.invoke(main, ["validate", "--strict", path]).exit_code == 1


@pytest.mark.parametrize("args", [["validate"], ["validate", "no/such/file.yaml"], ["validate", "--format", "xml", "."],
                                  ["validate", "--bogus", "."], ["nosuchcommand"]])
def test_usage_errors_exit_2(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_folder_without_maps_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "no map files" in result.output


def test_help_lists_commands_and_options(runner):
    result = runner.invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    for option in ("--sources", "--format", "--strict", "github"):
        assert option in result.output


def test_installed_console_script_as_subprocess():
    bad = subprocess.run([installed_argmap(), "validate", str(INVALID / "unknown-thesis.yaml")],
                         capture_output=True, text=True, timeout=60, check=False)
    assert bad.returncode == 1
    assert "unknown-thesis.yaml:4:9: error: thesis names the claim 'tehsis'" in bad.stdout
    assert "did you mean 'thesis'?" in bad.stdout
    good = subprocess.run([installed_argmap(), "validate", "--strict", str(MAPS / "school-phones.yaml")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert good.returncode == 0, good.stdout + good.stderr


def test_python_dash_m_argmap():
    result = subprocess.run([sys.executable, "-m", "argmap", "validate", str(HOSTILE / "bom.yaml")],
                            capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert "bom.yaml:1:1: error: the file starts with a UTF-8 byte-order mark [bom]" in result.stdout
    assert "Traceback" not in result.stderr


def test_validation_does_not_import_what_rendering_needs(tmp_path):
    """A pre-commit hook pays for every import: validating a valid map loads neither graphviz nor jsonschema, nor
    the model's classes, the other commands, the exporters, fastjsonschema (its code is cached) or a TOML parser
    (bench/README.md, start-up)."""
    heavy = ("graphviz", "jsonschema", "argmap.drawing.graph", "argmap.comparing.compare", "argmap.model",
             "argmap.api", "argmap.formats", "argmap.coverage", "argmap.checking.links", "argmap.cli.render",
             "fastjsonschema", "tomllib")
    code = (f"import sys\nfrom argmap.cli import main\n"
            f"sys.argv = ['argmap', 'validate', {str(MAPS / 'school-phones.yaml')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path,
                            check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})  # a project with no settings
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr
