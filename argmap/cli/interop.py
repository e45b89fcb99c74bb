"""`argmap export` and `argmap import`: maps to and from Argdown, AIF, Markdown and JSON."""
from __future__ import annotations

from pathlib import Path

import click

from ..checking.pipeline import check_file
from ..checking.sources import source_of
from ..formats import EXPORTS, IMPORTS
from ..reading.files import read_input
from .common import command


@command("export")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--to", "target", type=click.Choice(list(EXPORTS)), required=True, help="The format to write.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", show_default=True,
              help="Output file ('-' for stdout).")
def export_command(path, target, output) -> None:
    """Write a valid map as Argdown, AIF JSON, a Markdown outline, or argmap's model as JSON."""
    from ..api import export
    from ..output import write_output

    model = check_file(path).valid_map()
    text = export(model, target)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_output(output, text.encode("utf-8"), [path, source_of(model)])


@command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--from", "source", type=click.Choice([kind for kind in IMPORTS if kind != "argdown-json"]),
              help="The format of FILE [default: from its suffix and content]. Argdown may be .argdown text "
                   "(read with Argdown's own parser) or the JSON that 'argdown json' writes.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", show_default=True,
              help="The map file to write ('-' for stdout).")
@click.option("--id", "map_id", help="The new map's id [default: from the file name].")
@click.option("--title", help="The new map's title [default: from the file].")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def import_command(path, source, output, map_id, title, force) -> None:
    """Make an argmap map from AIF JSON or Argdown; every loss of information is reported as a warning."""
    from ..api import import_map
    from ..errors import InvalidMap
    from ..escaping import terminal
    from ..output import write_output

    file = Path(path)
    if output != "-" and Path(output).exists() and not force:
        raise click.ClickException(f"{output} exists; use --force to overwrite it")
    try:
        text = read_input(file).decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{path} is not UTF-8 text") from None
    try:
        imported = import_map(text, source, str(file), map_id, title, output if output != "-" else None)
    except InvalidMap as error:  # a defect of argmap's importer: say what, without pointing into an unwritten file
        for problem in error.problems:
            click.echo(f"{terminal(str(path))}: cannot import: {terminal(problem.message)} [{problem.code}]", err=True)
        raise click.ClickException("the imported map would not be valid; nothing was written "
                                   "(please report this)") from None
    for warning in imported.warnings:
        click.echo(f"{path}: warning: {warning}", err=True)
    for note in imported.notes:
        click.echo(f"{path}: note: {note}", err=True)
    if output == "-":
        click.echo(imported.yaml, nl=False)
    else:
        write_output(output, imported.yaml.encode("utf-8"), [file])
        click.echo(f"wrote {output}: {imported.claims} claims, {imported.arguments} arguments, "
                   f"{imported.objections} objections, {len(imported.warnings)} "
                   f"warning{'s' * (len(imported.warnings) != 1)}", err=True)
