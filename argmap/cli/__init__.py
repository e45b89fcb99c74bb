"""The `argmap` command: a thin layer that parses options and calls the library."""
from __future__ import annotations

import click

from .. import __version__
from .compare import compare_command
from .authoring import new_command, schema_command
from .coverage import coverage_command
from .interop import export_command, import_command
from .lsp import lsp_command
from .render import render_command
from .validate import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Argument maps as data: validate, render and compare YAML argument maps."""


main.add_command(validate_command)
main.add_command(render_command)
main.add_command(coverage_command)
main.add_command(compare_command)
main.add_command(export_command)
main.add_command(import_command)
main.add_command(new_command)
main.add_command(schema_command)
main.add_command(lsp_command)
