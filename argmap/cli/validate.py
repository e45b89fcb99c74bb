"""`argmap validate`: the CI-grade check of map files."""
from __future__ import annotations

import contextlib
import functools
import os

import click

from ..problems import fails
from ..report import REPORTER_BY_NAME
from ..sources import source_dirs
from ..validation import check_file, expand_paths
from .progress import progress


PARALLEL_FROM = 64  # below this many files, starting processes costs more than it saves


def _problems_of(path, folders) -> list:
    return check_file(path, folders, bool(folders)).problems


@contextlib.contextmanager
def _checker(count: int, jobs: int, folders):
    """A function from files to their problems (in order): in this process, or spread over several."""
    workers = jobs or (min(os.cpu_count() or 1, 8) if count >= PARALLEL_FROM else 1)
    if workers <= 1:
        yield lambda files: (_problems_of(path, folders) for path in files)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield lambda files: pool.map(functools.partial(_problems_of, folders=folders), files,
                                     chunksize=max(1, count // (workers * 8)))


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
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=0, show_default="0: one per core for 64 files or more",
              help="Processes to check files in.")
def validate_command(paths, sources, output_format, strict, jobs) -> None:
    """Check map files and folders: schema, references, structure and (with --sources) quotes.

    Exits 0 when every map is clean, 1 when any has errors (or warnings, with --strict), 2 on a usage error.
    """
    files = expand_paths(paths)
    if not files:
        raise click.UsageError(f"no map files (*.yaml, *.yml) in {', '.join(paths)}")
    folders = source_dirs(sources)
    problems = []
    with _checker(len(files), jobs, folders) as check, \
            progress(check(files), "Validating", length=len(files)) as found:
        for file_problems in found:
            problems.extend(file_problems)
    REPORTER_BY_NAME[output_format]().report(problems, len(files), paths=files, strict=strict)
    if fails(problems, strict):
        raise SystemExit(1)
