"""The problems of a validation as text for people, JSON for programs, GitHub annotations or JUnit XML."""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .. import escaping
from ..problems import Problem

_RED, _YELLOW, _RESET = "\x1b[31m\x1b[1m", "\x1b[33m\x1b[1m", "\x1b[0m"


def summary(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{files} file{'s' * (files != 1)} checked, no problems"
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {files} file{'s' * (files != 1)}")


def _line(p: Problem, color: bool = False) -> str:
    severity = f"{_RED if p.is_error else _YELLOW}{p.severity}{_RESET}" if color else p.severity
    return f"{escaping.terminal(p.file)}:{p.line}:{p.column}: {severity}: {escaping.terminal(p.message)} [{p.code}]"


def text(problems: Sequence[Problem], files: Sequence[Path] = (), strict: bool = False, color: bool = False) -> str:
    """file:line:col: severity: message [code], then the hint, one problem after the other."""
    lines = []
    for p in problems:
        lines.append(_line(p, color))
        if p.hint:
            lines.append(f"    hint: {escaping.terminal(p.hint)}")
    return "".join(line + "\n" for line in lines)


def as_json(problems: Sequence[Problem], files: Sequence[Path] = (), strict: bool = False, color: bool = False) -> str:
    """One JSON document: the problems, the number of files, and counts."""
    errors = sum(p.is_error for p in problems)
    return json.dumps({
        "files": len(files),
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [{key: escaping.unicode(value) if isinstance(value, str) else value
                      for key, value in p.as_dict().items()} for p in problems],
    }, indent=2, ensure_ascii=False) + "\n"


def github(problems: Sequence[Problem], files: Sequence[Path] = (), strict: bool = False, color: bool = False) -> str:
    """Workflow commands that GitHub Actions shows as annotations on the pull request's lines."""
    lines = []
    for p in problems:
        level = "error" if p.is_error else "warning"
        message = p.message + (f"\n{p.hint}" if p.hint else "")
        lines.append(f"::{level} file={escaping.github_property(p.file)},line={p.line},col={p.column},"
                     f"title={escaping.github_property('argmap ' + p.code)}::{escaping.github_data(message)}")
    return "".join(line + "\n" for line in lines)


def _counted(problems: Sequence[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] * bool(errors)
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] * bool(warnings)
    return ", ".join(parts)


def _junit_text(p: Problem) -> str:
    return escaping.xml(_line(p)) + (f"\n    hint: {escaping.xml(p.hint)}" if p.hint else "")


def junit(problems: Sequence[Problem], files: Sequence[Path] = (), strict: bool = False, color: bool = False) -> str:
    """A JUnit XML report (Jenkins' junit-10.xsd, which GitLab and most CI servers read): a test case per file,
    failing on its errors (and warnings, with --strict), each problem with its hint."""
    from xml.etree import ElementTree as ET

    by_file: dict[str, list[Problem]] = {str(path): [] for path in files}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    failing = sum(1 for found in by_file.values() if any(p.is_error or strict for p in found))
    suite = ET.Element("testsuite", name="argmap validate", tests=str(len(by_file)), failures=str(failing),
                       errors="0", skipped="0")
    for file, found in by_file.items():
        case = ET.SubElement(suite, "testcase", classname="argmap.validate", name=escaping.xml(file))
        failed = [p for p in found if p.is_error or strict]
        details = "\n".join(_junit_text(p) for p in found)
        if failed:
            ET.SubElement(case, "failure", type=failed[0].code,
                          message=escaping.xml(f"{_counted(found)}: {failed[0].message}")).text = details
        elif found:
            ET.SubElement(case, "system-out").text = details
    root = ET.Element("testsuites", name="argmap", tests=str(len(by_file)), failures=str(failing), errors="0")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
