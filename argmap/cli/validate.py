"""`argmap validate`: the CI-grade check of map files."""
from __future__ import annotations

import os

import click

from ..problems import fails
from ..report import REPORTER_BY_NAME
from ..sources import source_dirs
from ..validation import check_file, expand_paths
from .progress import progress


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--sources", "sources", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of source texts (repeatable): every quote and the source's SHA-256 must check out "
                   "[default: $ARGMAP_SOURCES]. Without it, a source lying beside its map is checked when present.")
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTER_BY_NAME)), default=_default_format,
              show_default="text, or github when GITHUB_ACTIONS=true",
              help="How to print the problems: for people, JSON, GitHub annotations, or a JUnit XML report.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate_command(paths, sources, output_format, strict) -> None:
    """Check map files and folders: schema, references, structure and (with --sources) quotes.

    Exits 0 when every map is clean, 1 when any has errors (or warnings, with --strict), 2 on a usage error.
    """
    files = expand_paths(paths)
    if not files:
        raise click.UsageError(f"no map files (*.yaml, *.yml) in {', '.join(paths)}")
    folders = source_dirs(sources)
    problems = []
    with progress(files, "Validating") as items:
        for path in items:
            problems.extend(check_file(path, folders, bool(folders)).problems)
    REPORTER_BY_NAME[output_format]().report(problems, len(files), paths=files, strict=strict)
    if fails(problems, strict):
        raise SystemExit(1)
