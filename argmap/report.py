"""Turn a list of problems into text for people, JSON for programs, or GitHub Actions annotations."""
from __future__ import annotations

import json
from typing import Sequence

import click

from .problems import Problem


def _summary(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{files} file{'s' * (files != 1)} checked, no problems"
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {files} file{'s' * (files != 1)}")


class TextReporter:
    """file:line:col: severity: message [code], then the hint; a summary line on stderr."""

    def report(self, problems: Sequence[Problem], files: int, *, paths=(), strict: bool = False,
               err: bool = False) -> None:
        for p in problems:
            severity = click.style(p.severity, fg="red" if p.is_error else "yellow", bold=True)
            click.echo(f"{p.file}:{p.line}:{p.column}: {severity}: {p.message} [{p.code}]", err=err)
            if p.hint:
                click.echo(f"    hint: {p.hint}", err=err)
        if not err:
            click.echo(_summary(problems, files), err=True)


class JsonReporter:
    """One JSON document: the problems, the files, and counts."""

    def report(self, problems: Sequence[Problem], files: int, *, paths=(), strict: bool = False,
               err: bool = False) -> None:
        errors = sum(p.is_error for p in problems)
        click.echo(json.dumps({
            "files": files,
            "errors": errors,
            "warnings": len(problems) - errors,
            "problems": [p.as_dict() for p in problems],
        }, indent=2, ensure_ascii=False))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """Workflow commands that GitHub Actions shows as annotations on the pull request's lines."""

    def report(self, problems: Sequence[Problem], files: int, *, paths=(), strict: bool = False,
               err: bool = False) -> None:
        for p in problems:
            level = "error" if p.is_error else "warning"
            message = p.message + (f"\n{p.hint}" if p.hint else "")
            click.echo(f"::{level} file={_escape_property(p.file)},line={p.line},col={p.column},"
                       f"title={_escape_property('argmap ' + p.code)}::{_escape_data(message)}")
        click.echo(_summary(problems, files), err=True)




class JunitReporter:
    """A JUnit XML report, which GitLab, Jenkins and most CI servers show: one test case per file."""

    def report(self, problems: Sequence[Problem], files: int, *, paths=(), strict: bool = False,
               err: bool = False) -> None:
        from xml.etree import ElementTree as ET

        by_file: dict[str, list[Problem]] = {str(path): [] for path in paths}
        for problem in problems:
            by_file.setdefault(problem.file, []).append(problem)
        failing = sum(1 for found in by_file.values() if any(p.is_error or strict for p in found))
        suite = ET.Element("testsuite", name="argmap validate", tests=str(len(by_file)), failures=str(failing),
                           errors="0", skipped="0")
        for file, found in by_file.items():
            case = ET.SubElement(suite, "testcase", classname="argmap.validate", name=file, file=file)
            errors = [p for p in found if p.is_error or strict]
            if errors:
                failure = ET.SubElement(case, "failure", type=errors[0].code,
                                        message=f"{len(errors)} error{'s' * (len(errors) != 1)}: {errors[0].message}")
                failure.text = "\n".join(f"{p.file}:{p.line}:{p.column}: {p.severity}: {p.message} [{p.code}]"
                                         for p in found)
            elif found:
                ET.SubElement(case, "system-out").text = "\n".join(
                    f"{p.file}:{p.line}:{p.column}: {p.severity}: {p.message} [{p.code}]" for p in found)
        root = ET.Element("testsuites", tests=str(len(by_file)), failures=str(failing))
        root.append(suite)
        ET.indent(root)
        click.echo('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode"))
        click.echo(_summary(problems, files), err=True)


def report_errors(problems: Sequence[Problem]) -> None:
    """The errors of a file that a command cannot use, on stderr, as `validate` would show them."""
    TextReporter().report([p for p in problems if p.is_error], 1, err=True)


REPORTER_BY_NAME = {"text": TextReporter, "json": JsonReporter, "github": GithubReporter, "junit": JunitReporter}
