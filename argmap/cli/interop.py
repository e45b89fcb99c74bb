"""`argmap export` and `argmap import`: maps to and from Argdown, AIF, Markdown and JSON."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..report import TextReporter, report_errors
from ..validation import check_file

EXPORTS = ("argdown", "aif", "markdown", "json")


@click.command("export")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--to", "target", type=click.Choice(EXPORTS), required=True, help="The format to write.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", show_default=True,
              help="Output file ('-' for stdout).")
def export_command(path, target, output) -> None:
    """Write a valid map as Argdown, AIF JSON, a Markdown outline, or argmap's model as JSON."""
    from ..formats import aif, argdown, jsonmodel, markdown

    result = check_file(path)
    if result.model is None:
        report_errors(result.problems)
        raise SystemExit(1)
    model = result.model
    if target == "argdown":
        text = argdown.dump(model)
    elif target == "aif":
        text = json.dumps(aif.dump(model), indent=2, ensure_ascii=False) + "\n"
    elif target == "markdown":
        text = markdown.dump(model)
    else:
        text = jsonmodel.dump(model)
    if output == "-":
        click.echo(text, nl=False)
    else:
        _write(output, text, [Path(path)])


def _write(output: str, text: str, inputs) -> None:
    from ..output import refuse_overwriting_inputs, write_atomic

    refuse_overwriting_inputs(output, inputs)
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}")


def _front_matter(text: str) -> dict:
    """The YAML front matter of an Argdown text (between the first two '===' lines), or {}."""
    from ..load import parse_bytes

    match = re.match(r"\s*===\s*\n(.*?)\n===\s*\n", text, re.S)
    if not match:
        return {}
    doc = parse_bytes(match.group(1).encode("utf-8"), "front matter")
    return doc.data if isinstance(doc.data, dict) else {}


def _detect(path: Path, text: str) -> str:
    if path.suffix.lower() in (".argdown", ".ad"):
        return "argdown"
    try:
        data = json.loads(text)
    except ValueError:
        raise click.UsageError(f"cannot tell the format of {path}: name it with --from") from None
    return "argdown-json" if isinstance(data, dict) and "statements" in data else "aif"


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--from", "source", type=click.Choice(["aif", "argdown"]),
              help="The format of FILE [default: from its suffix and content]. Argdown may be .argdown text "
                   "(read with Argdown's own parser) or the JSON that 'argdown json' writes.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", show_default=True,
              help="The map file to write ('-' for stdout).")
@click.option("--id", "map_id", help="The new map's id [default: from the file name].")
@click.option("--title", help="The new map's title [default: from the file].")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def import_command(path, source, output, map_id, title, force) -> None:
    """Make an argmap map from AIF JSON or Argdown; every loss of information is reported as a warning."""
    from ..formats import aif, argdown
    from ..formats.common import Importer
    from ..load import parse_bytes
    from ..validation import check_document

    file = Path(path)
    if output != "-" and Path(output).exists() and not force:
        raise click.ClickException(f"{output} exists; use --force to overwrite it")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{path} is not UTF-8 text") from None
    kind = _detect(file, text) if source is None else source
    if kind == "argdown" and file.suffix.lower() == ".json":
        kind = "argdown-json"
    importer = Importer(map_id or file.stem, title or file.stem)
    try:
        if kind == "aif":
            document = json.loads(text)
            aif.load(document, importer)
            meta = document.get("argmap", {}) if isinstance(document, dict) else {}
            importer.title = title or meta.get("title") or importer.title
            importer.map_id = map_id or meta.get("id") or importer.map_id
        else:
            front = _front_matter(text) if kind == "argdown" else {}
            model = argdown.parse(text) if kind == "argdown" else json.loads(text)
            importer.meta.update(front.get("argmap") or {})
            importer.title = title or front.get("title") or importer.title
            importer.map_id = map_id or importer.meta.get("id") or importer.map_id
            argdown.load(model, importer)
    except argdown.ArgdownError as error:
        raise click.ClickException(str(error))
    except RecursionError:
        raise click.ClickException(f"{path}: nested too deeply to read as {kind}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise click.ClickException(f"{path}: cannot read it as {kind}: {error}")
    yaml_text = importer.yaml(output)
    check = check_document(parse_bytes(yaml_text.encode("utf-8"), output if output != "-" else "<import>"))
    for warning in importer.warnings:
        click.echo(f"{path}: warning: {warning}", err=True)
    errors = [p for p in check.problems if p.is_error]
    if errors:  # the importer should never write an invalid map; say so plainly if it would
        TextReporter().report(errors, 1, err=True)
        raise click.ClickException("the imported map is not valid; nothing was written")
    if output == "-":
        click.echo(yaml_text, nl=False)
    else:
        _write(output, yaml_text, [file])
        click.echo(f"wrote {output}: {len(importer.claims)} claims, {len(importer.arguments)} arguments, "
                   f"{len(importer.objections)} objections, {len(importer.warnings)} "
                   f"warning{'s' * (len(importer.warnings) != 1)}", err=True)
