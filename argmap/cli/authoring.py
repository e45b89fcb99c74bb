"""`argmap new` and `argmap schema`: starting a map, and the schemas editors use."""
from __future__ import annotations

from pathlib import Path

import click

from .common import command


@command("new")
@click.option("--source", "source", type=click.Path(exists=True, dir_okay=False), required=True,
              help="The essay (UTF-8 text) that the map is of.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="The map file to write.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def new_command(source, output, force) -> None:
    """Start a map of an essay: a valid skeleton with the source's name and hash, and an example of each element."""
    from ..escaping import terminal
    from ..output import write_output
    from ..reading.files import read_input
    from ..skeleton import skeleton, usable_file_name

    source_path, output_path = Path(source), Path(output)
    if not usable_file_name(source_path.name):
        raise click.ClickException(f"{terminal(source_path.name)!s}: a map cannot name a source file whose name holds "
                                   "a line break; rename the file")
    if output_path.exists() and not force:
        raise click.ClickException(f"{output} exists; use --force to overwrite it")
    raw = read_input(source_path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{source} is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)") from None
    write_output(output_path, skeleton(source_path, raw, text, output_path).encode("utf-8"), [source_path])
    click.echo(f"wrote {output}; next: argmap validate --sources {source_path.parent.as_posix() or '.'} {output}",
               err=True)


@command("schema")
@click.option("--links", "kind", flag_value="links", help="The links-file schema instead of the map schema.")
@click.option("--model", "kind", flag_value="model", help="The schema of `argmap export --to json`.")
@click.option("--style", "kind", flag_value="style", help="The schema of style files (`argmap render --style`).")
@click.option("--path", "show_path", is_flag=True, help="Print where the schema file is, not its text.")
def schema_command(kind, show_path) -> None:
    """Print the JSON Schema of argmap maps (for editors and other validators)."""
    from ..checking.schema import schema_path

    path = schema_path(kind or "map")
    click.echo(str(path) if show_path else path.read_text(encoding="utf-8"), nl=show_path)
