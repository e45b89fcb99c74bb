"""`argmap validate`: the CI-grade check of map files."""
from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

import click

from .. import reports
from ..checking.pipeline import check_file
from ..checking.sources import sources_folders
from ..errors import NoMapFiles, UsageError
from ..problems import fails
from ..reading.files import expand_paths, with_dependents_of
from .common import color, command, sources_option
from .progress import progress

MAX_STDIN_BYTES = 16 * 1024 * 1024
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


def _stdin_problems(name: str, sources) -> list:
    """The problems of the map on standard input, reported under name (its source is looked for beside name)."""
    from ..checking.pipeline import check_document
    from ..reading.document import parse_bytes

    raw = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(raw) > MAX_STDIN_BYTES:
        raise UsageError(f"standard input holds more than {MAX_STDIN_BYTES // 2**20} MiB; argmap reads at most that")
    return check_document(parse_bytes(raw, name), sources, bool(sources)).problems


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@sources_option("Folder of source texts (repeatable): every quote and the source's SHA-256 must check out "
                "[default: $ARGMAP_SOURCES]. Without it, a source lying beside its map is checked when present.")
@click.option("--format", "output_format", type=click.Choice(sorted(reports.VALIDATE)), default=_default_format,
              show_default="text, or github when GITHUB_ACTIONS=true",
              help="How to print the problems: for people, JSON, GitHub annotations, or a JUnit XML report.")
@click.option("--strict/--no-strict", default=False, help="Fail on warnings too.")
@click.option("--stdin-filename", metavar="PATH",
              help="With '-' (a map on standard input): the file name to report it under, and to find its source "
                   "beside.")
@click.option("--with-dependents", is_flag=True,
              help="Also check what depends on the files given: the maps under the current folder that quote a "
                   "given source text, and the links files that name a given map (the pre-commit hook uses it).")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=0,
              show_default="0: one per core for 64 files or more", help="Processes to check files in.")
def validate_command(paths, sources, output_format, strict, stdin_filename, with_dependents, jobs) -> None:
    """Check map files and folders: schema, references, structure and (with --sources) quotes.

    PATHS may be '-' for a map on standard input. Without PATHS, the files that the project's settings name
    (`files` in .argmap.yaml or [tool.argmap]) are checked.

    Exits 0 when every map is clean, 1 when any has errors (or warnings, with --strict), 2 on a usage error.
    """
    if not paths:
        raise UsageError("name the maps to check (files or folders, or '-' for standard input), "
                         "or list them under 'files' in .argmap.yaml or [tool.argmap]")
    sources = sources_folders(sources)
    problems = []
    checked: list = []  # what the report names, in order
    if "-" in paths:
        checked.append(stdin_filename or "<stdin>")
        problems.extend(_stdin_problems(checked[0], sources))
        paths = tuple(p for p in paths if p != "-")
    files = expand_paths(paths)
    if with_dependents:
        files = with_dependents_of(files, Path.cwd())
    elif not files and paths:
        raise NoMapFiles(paths)
    checked.extend(files)
    with _checker(len(files), jobs, sources) as check, \
            progress(check(files), "Validating", length=len(files)) as found:
        for file_problems in found:
            problems.extend(file_problems)
    click.echo(reports.VALIDATE[output_format](problems, checked, strict=strict, color=True), nl=False,
               color=color())
    if output_format in ("text", "github"):  # the summary goes where the problems go; json and junit count them inside
        click.echo(reports.summary(problems, len(checked)))
    if fails(problems, strict):
        raise SystemExit(1)
