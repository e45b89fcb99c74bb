"""`argmap new`, `argmap draft`, `argmap quote` and `argmap schema`: starting a map, quoting, and the schemas."""
from __future__ import annotations

from pathlib import Path

import click

from .common import command, sources_option


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


@command("draft")
@click.option("--source", "source", type=click.Path(exists=True, dir_okay=False), required=True,
              help="The text (UTF-8) to draft a map of.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="The map file to write.")
@click.option("--id", "map_id", help="The map's id [default: from the output's file name].")
@click.option("--title", help="The map's title [default: the text's title line, else from the source's file name].")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def draft_command(source, output, map_id, title, force) -> None:
    """Draft a map of a text: a claim per sentence or clause, relations from its discourse markers, all marked draft.

    The draft is valid and its quotes carry the whole text; every proposal is marked `draft: true`, so
    `argmap validate --strict` fails until each has been reviewed and its line deleted.
    """
    from ..api import draft
    from ..checking.schema import modeline
    from ..output import write_output

    source_path, output_path = Path(source), Path(output)
    if output_path.exists() and not force:
        raise click.ClickException(f"{output} exists; use --force to overwrite it")
    raw = source_path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{source} is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)") from None
    made = draft(raw, source_path.name, map_id=map_id or _id_from(output_path), title=title,
                 modeline=modeline(output_path))
    write_output(output_path, made.yaml.encode("utf-8"), [source_path])
    counts = ", ".join(f"{n} {word}{'s' * (n != 1)}" for n, word in ((len(made.claims), "claim"),
                       (len(made.arguments), "argument"), (len(made.objections), "objection"),
                       (len(made.omitted), "omitted passage")))
    folder = source_path.parent.as_posix() or "."
    click.echo(f"wrote {output}: {counts}, each marked draft: true; "
               f"next: argmap validate --sources {folder} {output}", err=True)


def _id_from(path: Path) -> str:
    import re

    map_id = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60].strip("-") or "draft"
    return map_id if re.match(r"[a-z]", map_id) else f"map-{map_id}"


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


@command("quote")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.argument("fragment", nargs=-1, required=True)
@sources_option("Folder of source texts, where a map's source is looked up (repeatable) "
                "[default: $ARGMAP_SOURCES, then beside the map].")
def quote_command(source, fragment, sources) -> None:
    """Find words in a source and print them as a quote to paste: verbatim, with the line and the sentence around.

    SOURCE is the text, or a map whose source it is. The search ignores case, punctuation and whitespace;
    what it prints is the source's own text, cut at whole words, which passes as a quote as it stands.
    Exits 0 when a passage is found, 1 when nothing in the source is like the fragment.
    """
    from ..api import find_quote
    from ..checking.sources import percent
    from ..reading.document import yaml_scalar

    text = " ".join(fragment)
    found, name = find_quote(source, text, sources=sources)
    if not found:
        click.echo(f"{name}: nothing like {text!r} (no passage is 60% alike)", err=True)
        raise SystemExit(1)
    for place in found:
        if place.verbatim:
            heading = "verbatim"
        else:
            heading = f"not verbatim; the closest passage, {percent(place.likeness)} alike"
            if place.reason:
                heading += f" ({place.reason})"
        click.echo(f"{name}:{place.line}:{place.column}: {heading}")
        click.echo(f"    quote: {yaml_scalar(place.passage)}")
        if place.sentence != place.passage:
            click.echo("  the sentence around it:")
            click.echo(f"    quote: {yaml_scalar(place.sentence)}")
