"""`argmap validate`: the CI-grade check of map files."""
from __future__ import annotations

import contextlib
import functools
import os

import click

from .. import reports
from ..checking.pipeline import check_file
from ..checking.sources import sources_folders
from ..errors import NoMapFiles
from ..problems import fails
from ..reading.files import expand_paths
from .common import color, command, sources_option
from .progress import progress


PARALLEL_FROM = 64  # below this many files, starting processes costs more than it saves


def _problems_of(path, sources) -> list:
    return check_file(path, sources, bool(sources)).problems


@contextlib.contextmanager
def _checker(count: int, jobs: int, sources):
    """A function from files to their problems (in order): in this process, or spread over several."""
    workers = jobs or (min(os.cpu_count() or 1, 8) if count >= PARALLEL_FROM else 1)
    if workers <= 1:
        yield lambda files: (_problems_of(path, sources) for path in files)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield lambda files: pool.map(functools.partial(_problems_of, sources=sources), files,
                                     chunksize=max(1, count // (workers * 8)))


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@sources_option("Folder of source texts (repeatable): every quote and the source's SHA-256 must check out "
                "[default: $ARGMAP_SOURCES]. Without it, a source lying beside its map is checked when present.")
@click.option("--format", "output_format", type=click.Choice(sorted(reports.VALIDATE)), default=_default_format,
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
        raise NoMapFiles(paths)
    sources = sources_folders(sources)
    problems = []
    with _checker(len(files), jobs, sources) as check, \
            progress(check(files), "Validating", length=len(files)) as found:
        for file_problems in found:
            problems.extend(file_problems)
    click.echo(reports.VALIDATE[output_format](problems, files, strict=strict, color=True), nl=False, color=color())
    if output_format in ("text", "github"):  # the summary goes where the problems go; json and junit count them inside
        click.echo(reports.summary(problems, len(files)))
    if fails(problems, strict):
        raise SystemExit(1)
