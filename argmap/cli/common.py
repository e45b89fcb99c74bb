"""What every command shares: errors turned into exit statuses, problems on stderr, the --sources option."""
from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence

import click

from ..errors import ArgmapError, InvalidMap
from ..problems import Problem
from ..reports import problems as problem_reports


def color() -> bool | None:
    """False when NO_COLOR is set (https://no-color.org); else click decides by the terminal."""
    return False if os.environ.get("NO_COLOR") else None


def echo_errors(problems: Sequence[Problem]) -> None:
    """The errors of a file that a command cannot use, on stderr, as `validate` would show them."""
    click.echo(problem_reports.text([p for p in problems if p.is_error], color=True), err=True, nl=False,
               color=color())


def _translated(error: ArgmapError) -> click.ClickException:
    exception = click.UsageError(str(error)) if error.exit_code == 2 else click.ClickException(str(error))
    exception.exit_code = error.exit_code  # type: ignore[misc]  # click reads it from the instance; ours vary
    return exception


def command(name: str, **settings) -> Callable:
    """click.command, with argmap's errors turned into their exit statuses and messages, never a traceback."""
    def decorate(function: Callable) -> click.Command:
        @functools.wraps(function)
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except InvalidMap as error:
                echo_errors(error.problems)
                raise SystemExit(1) from None
            except ArgmapError as error:
                raise _translated(error) from None
        return click.command(name, **settings)(run)
    return decorate


def sources_option(help_text: str) -> Callable:
    return click.option("--sources", multiple=True, type=click.Path(exists=True, file_okay=False), help=help_text)
