"""`argmap coverage`: which sentences of the essay no claim carries."""
from __future__ import annotations

from pathlib import Path

import click

from .. import reports
from ..checking.pipeline import check_file
from ..checking.sources import sources_folders
from ..errors import ArgmapError, InvalidMap, NoMapFiles, WrongKind
from ..reading.files import expand_paths
from .common import command, echo_errors, sources_option


@command("coverage")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@sources_option("Folder of source texts (repeatable) [default: $ARGMAP_SOURCES, then beside the map].")
@click.option("--format", "output_format", type=click.Choice(sorted(reports.COVERAGE)), default="text",
              show_default=True, help="How to print the report.")
@click.option("--all", "show_all", is_flag=True, help="List every sentence with the claims that carry it.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when the share of carried sentences is below this percentage.")
def coverage_command(paths, sources, output_format, show_all, fail_under) -> None:
    """Measure how much of its source each map carries, sentence by sentence.

    A sentence is carried when every word no quote covers is a connective ("However,", "and", "A.");
    sentences covered by source.omitted are left out with their reason and not counted.
    Exits 0, or 1 when a map has errors, its source is missing, or coverage is under --fail-under.
    """
    from ..api import measure_coverage as coverage

    files = expand_paths(paths)
    if not files:
        raise NoMapFiles(paths)
    sources = sources_folders(sources)
    explicit = {Path(p) for p in paths}
    found, failed = [], False
    for path in files:
        try:
            report = coverage(check_file(path, sources, False).valid_map(), sources)
        except WrongKind as error:
            if path in explicit:
                click.echo(f"{error}; a links file has no source to cover", err=True)
                failed = True
            continue
        except InvalidMap as error:
            echo_errors(error.problems)
            failed = True
            continue
        except ArgmapError as error:
            click.echo(str(error), err=True)
            failed = True
            continue
        found.append((path, report))
        if fail_under is not None and report.share * 100 < fail_under:
            failed = True
    click.echo(reports.COVERAGE[output_format](found, show_all=show_all), nl=False)
    if failed:
        raise SystemExit(1)
