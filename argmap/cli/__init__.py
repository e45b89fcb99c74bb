"""The `argmap` command: a thin layer that parses options and calls the library."""
from __future__ import annotations

import errno
import importlib
import io
import os
import signal
import sys

import click

from .. import __version__, config

# Each command's module is imported only when that command runs (or help lists them all): `argmap validate`, which
# every pre-commit run and editor check starts, does not pay for the renderer's, comparer's or importer's imports.
COMMANDS = {"validate": "validate", "render": "render", "coverage": "coverage", "compare": "compare",
            "export": "interop", "import": "interop", "new": "authoring", "draft": "authoring", "quote": "authoring",
            "schema": "authoring", "lsp": "lsp"}


class _Main(click.Group):
    """The command group, hardened where every command meets the system: streams, signals, the current folder."""

    def list_commands(self, _ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, _ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f".{COMMANDS[cmd_name]}", __name__)
        return getattr(module, f"{cmd_name}_command")

    def main(self, *args, **kwargs):
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper):  # a Latin-1 terminal gets \u escapes, not a traceback
                stream.reconfigure(errors="backslashreplace")
        if threading_main():
            signal.signal(signal.SIGTERM, _terminated)  # unwinds like Ctrl-C: dot is stopped, no temp file left
        try:
            settings = config.find()
        except (config.ConfigError, FileNotFoundError) as error:
            if isinstance(error, FileNotFoundError):
                settings = config.Config()  # the current folder is gone: invoke() says so
            else:
                click.echo(f"Error: {error}", err=True)
                sys.exit(2)
        kwargs.setdefault("default_map", settings.defaults())
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        try:
            os.getcwd()
        except FileNotFoundError:
            raise click.ClickException("the current folder no longer exists; change to a folder that does") from None
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except OSError as error:  # nothing else reaches here: every expected failure is an ArgmapError
            if error.errno == errno.EPIPE:
                raise  # click ends quietly when the reader of a pipe has gone (`argmap ... | head`)
            raise click.ClickException(_os_message(error)) from None


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _terminated(signum, _frame) -> None:
    raise SystemExit(128 + signum)


def _os_message(error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT) and not error.filename:
        return f"cannot write the output: {reason}"
    return f"{reason}: {error.filename}" if error.filename else reason


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Argument maps as data: validate, render and compare YAML argument maps."""


