"""`argmap compare`: what two maps share, recast, contradict and develop, with suggestions."""
from __future__ import annotations

from pathlib import Path

import click

from ..report import report_errors
from ..validation import check_file


def _load(path: Path, kind: str):
    result = check_file(path)
    if kind == "map" and result.links is not None or kind == "links" and result.model is not None:
        raise click.UsageError(f"{path} is a {'links file' if kind == 'map' else 'map'}, not a {kind}")
    if (result.model if kind == "map" else result.links) is None:
        report_errors(result.problems)
        raise SystemExit(1)
    return result.model if kind == "map" else result.links


@click.command("compare")
@click.argument("map_a", type=click.Path(exists=True, dir_okay=False))
@click.argument("map_b", type=click.Path(exists=True, dir_okay=False))
@click.option("--links", "links_path", type=click.Path(exists=True, dir_okay=False),
              help="The links file [default: the one in links/ beside either map that names both maps].")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text",
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
    from ..compare import DEFAULT_THRESHOLD, compare, find_links_file, links_names, oriented, scores_by_threshold
    from ..compare_report import REPORT_BY_NAME

    a_path, b_path = Path(map_a), Path(map_b)
    a, b = _load(a_path, "map"), _load(b_path, "map")
    links_file = Path(links_path) if links_path else find_links_file(a_path, b_path)
    links = None
    if links_file is not None:
        if links_path and set(links_names(links_file) or ()) != {a_path.resolve(), b_path.resolve()}:
            raise click.UsageError(f"{links_file} does not link {map_a} and {map_b}")
        links = oriented(_load(links_file, "links"), a_path)
    if evaluate:
        if links is None:
            raise click.UsageError("--evaluate needs a links file to score the suggestions against")
        click.echo(f"{len(links.links)} links in {links.file}; suggestions made as if it were empty")
        click.echo("threshold  suggested  links found  recall  precision  precision of top 20")
        for row in scores_by_threshold(a, b, links, threshold):
            click.echo(f"{row.threshold:9.2f}  {row.suggested:9d}  {row.found:11d}  {row.recall:6.1%}  {row.precision:9.1%}"
                       f"  {row.precision_at_top:19.1%}")
        return
    result = compare(a, b, links, threshold or DEFAULT_THRESHOLD, suggest=not no_suggestions, wrap=_bar)
    click.echo(REPORT_BY_NAME[output_format](result))
    if diagram:
        from ..output import refuse_overwriting_inputs

        refuse_overwriting_inputs(diagram, [a_path, b_path, *([links_file] if links_file else [])])
        _draw(result, Path(diagram), timeout, linked_only)


def _bar(items):
    from .progress import progress

    with progress(items, "Comparing", minimum=1000) as bar:
        yield from bar


def _draw(result, path: Path, timeout: float, linked_only: bool) -> None:
    from ..page import entries, page
    from ..render import build_comparison_graph
    from .render import draw, format_for

    title = f"{result.a.title} \u2194 {result.b.title}"
    draw(build_comparison_graph(result, linked_only=linked_only).source, format_for(str(path)), path, timeout,
         lambda svg: page(title, svg, {**entries(result.a, side="a"), **entries(result.b, side="b")}))
