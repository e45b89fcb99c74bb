"""`argmap compare`: what two maps share, recast, contradict and develop, with suggestions."""
from __future__ import annotations

from pathlib import Path

import click

from .. import reports
from ..checking.pipeline import check_document, check_file
from ..errors import UsageError
from ..reading.document import read_document
from .common import command


def _map(path: Path, cache: dict):
    return check_file(path, cache=cache).valid_map()


@command("compare")
@click.argument("map_a", type=click.Path(exists=True, dir_okay=False))
@click.argument("map_b", type=click.Path(exists=True, dir_okay=False))
@click.option("--links", "links_path", type=click.Path(exists=True, dir_okay=False),
              help="The links file [default: the one in links/ beside either map that names both maps].")
@click.option("--format", "output_format", type=click.Choice(sorted(reports.COMPARE)), default="text",
              show_default=True, help="How to print the report.")
@click.option("--threshold", type=click.FloatRange(0.01, 1.0), default=None,
              help="Suggest pairs whose TF-IDF cosine reaches this [default: 0.20].")
@click.option("--evaluate", is_flag=True,
              help="Instead of the report: how many of the links file's links the suggester alone finds "
                   "(recall) and how many of its suggestions are links (precision), by threshold.")
@click.option("--no-suggestions", is_flag=True, help="Report the explicit links only.")
@click.option("-o", "--output", "diagram", type=click.Path(dir_okay=False),
              help="Also draw both maps side by side with their links: FILE.svg, .png, .pdf, .html or .gv.")
@click.option("--linked-only", is_flag=True, help="In the diagram, draw only the claims that links join.")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=120, show_default=True,
              help="Stop dot after this many seconds.")
def compare_command(map_a, map_b, links_path, output_format, threshold, evaluate, no_suggestions, diagram,
                    linked_only, timeout) -> None:
    """Compare two maps: shared, recast, contradicted and developed claims, suggested pairs, one-sided claims.

    Exits 0, 1 when a map or the links file has errors, 2 on a usage error, 3 when dot is missing for
    a diagram, 4 when dot fails.
    """
    from ..api import compare
    from ..comparing.compare import DEFAULT_THRESHOLD, find_links_file, links_names, oriented, scores_by_threshold

    a_path, b_path = Path(map_a), Path(map_b)
    cache: dict = {}  # each file is read and checked once, though the links file names both maps again
    a, b = _map(a_path, cache), _map(b_path, cache)
    document = read_document(links_path) if links_path else find_links_file(a_path, b_path)
    links = None
    if document is not None:
        if links_path and set(links_names(document) or ()) != {a_path.resolve(), b_path.resolve()}:
            raise UsageError(f"{links_path} does not link {map_a} and {map_b}")
        links = oriented(check_document(document, cache=cache).valid_links(), a_path)
    if evaluate:
        if links is None:
            raise UsageError("--evaluate needs a links file to score the suggestions against")
        click.echo(f"{len(links.links)} links in {links.file}; suggestions made as if it were empty")
        click.echo("threshold  suggested  links found  recall  precision  precision of top 20")
        for row in scores_by_threshold(a, b, links, threshold):
            click.echo(f"{row.threshold:9.2f}  {row.suggested:9d}  {row.found:11d}  {row.recall:6.1%}  {row.precision:9.1%}"
                       f"  {row.precision_at_top:19.1%}")
        return
    comparison = compare(a, b, links, threshold or DEFAULT_THRESHOLD, suggest=not no_suggestions, progress=_bar)
    click.echo(reports.COMPARE[output_format](comparison))
    if diagram:
        _draw(comparison, Path(diagram), timeout, linked_only,
              [a_path, b_path, *([Path(document.file)] if document is not None else [])])


def _bar(items):
    from .progress import progress

    with progress(items, "Comparing", minimum=1000) as bar:
        yield from bar


def _draw(comparison, path: Path, timeout: float, linked_only: bool, inputs) -> None:
    from ..api import render_comparison
    from ..drawing.draw import format_for
    from ..output import refuse_overwriting_inputs, write_output

    refuse_overwriting_inputs(path, inputs)
    data = render_comparison(comparison, format_for(path), linked_only, timeout,
                             warn=lambda message: click.echo(f"{path}: warning: {message}", err=True))
    write_output(path, data, inputs)
