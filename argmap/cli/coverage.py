"""`argmap coverage`: which sentences of the essay no claim carries."""
from __future__ import annotations

import json

import click

from ..report import report_errors
from ..sources import find_source, read_source, source_dirs
from ..validation import check_file, map_files


@click.command("coverage")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--sources", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of source texts (repeatable) [default: $ARGMAP_SOURCES, then beside the map].")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the report.")
@click.option("--all", "show_all", is_flag=True, help="List every sentence with the claims that carry it.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when the share of carried sentences is below this percentage.")
def coverage_command(paths, sources, output_format, show_all, fail_under) -> None:
    """Measure how much of its source each map carries, sentence by sentence.

    A sentence is carried when every word no quote covers is a connective ("However,", "and", "A.");
    sentences covered by source.omitted are left out with their reason and not counted.
    Exits 0, or 1 when a map has errors, its source is missing, or coverage is under --fail-under.
    """
    from ..coverage import CARRIED, measure

    files = map_files(paths)
    if not files:
        raise click.UsageError(f"no map files (*.yaml, *.yml) in {', '.join(paths)}")
    folders = source_dirs(sources)
    reports, failed = [], False
    for path in files:
        result = check_file(path, folders, False)
        if result.links is not None:
            click.echo(f"{path} is a links file, not a map: it has no source to cover", err=True)
            failed = True
            continue
        if result.model is None:
            report_errors(result.problems)
            failed = True
            continue
        model = result.model
        found = find_source(model.source.file, folders, str(path)) if model.source.file else None
        if found is None:
            click.echo(f"{path}: the source {model.source.file or '(source.file not set)'} was not found; "
                       "name its folder with --sources", err=True)
            failed = True
            continue
        report = measure(model, read_source(found.resolve()))
        reports.append((path, report))
        if fail_under is not None and report.share * 100 < fail_under:
            failed = True
    if output_format == "json":
        click.echo(json.dumps([{"file": str(path), **report.as_dict()} for path, report in reports], indent=2,
                              ensure_ascii=False))
    else:
        for path, report in reports:
            click.echo(f"{path}: {report.count(CARRIED)} of {report.arguable} sentences that carry argument are carried "
                       f"({report.share:.1%}); {report.count('partly carried')} partly, "
                       f"{report.count('not carried')} not carried; {report.count('left out')} left out with a reason")
            for sentence in report.sentences:
                if show_all or sentence.status not in (CARRIED, "left out"):
                    detail = (f" by {', '.join(sentence.claims)}" if sentence.claims and sentence.status == CARRIED
                              else f": {sentence.reason}" if sentence.reason
                              else f"; not covered: {' '.join(sentence.uncovered)}" if sentence.uncovered else "")
                    click.echo(f"  {report.source}:{sentence.line}: {sentence.status}{detail}\n    {sentence.text!r}")
    if failed:
        raise SystemExit(1)
