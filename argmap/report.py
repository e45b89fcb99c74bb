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

    def report(self, problems: Sequence[Problem], files: int, color: bool | None = None, err: bool = False) -> None:
        for p in problems:
            severity = click.style(p.severity, fg="red" if p.is_error else "yellow", bold=True)
            click.echo(f"{p.file}:{p.line}:{p.column}: {severity}: {p.message} [{p.code}]", color=color, err=err)
            if p.hint:
                click.echo(f"    hint: {p.hint}", color=color, err=err)
        if not err:
            click.echo(_summary(problems, files), err=True)


class JsonReporter:
    """One JSON document: the problems, the files, and counts."""

    def report(self, problems: Sequence[Problem], files: int, color: bool | None = None) -> None:
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

    def report(self, problems: Sequence[Problem], files: int, color: bool | None = None) -> None:
        for p in problems:
            level = "error" if p.is_error else "warning"
            message = p.message + (f"\n{p.hint}" if p.hint else "")
            click.echo(f"::{level} file={_escape_property(p.file)},line={p.line},col={p.column},"
                       f"title={_escape_property('argmap ' + p.code)}::{_escape_data(message)}")
        click.echo(_summary(problems, files), err=True)


REPORTER_BY_NAME = {"text": TextReporter, "json": JsonReporter, "github": GithubReporter}
