"""`argmap compare`: what two maps share, recast, contradict and develop, with suggestions; or how good they are."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from .. import reports
from ..checking.pipeline import check_document, check_file
from ..checking.sources import source_of
from ..collection import without_cycle_collection
from ..errors import UsageError
from ..reading.document import read_document
from ..reading.files import expand_paths, kind_of
from ..reports import comparison as comparison_report
from .common import command


def _map(path: Path, cache: dict):
    return check_file(path, cache=cache).valid_map()


@command("compare")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--links", "links_path", type=click.Path(exists=True, dir_okay=False),
              help="The links file [default: the one in links/ beside either map that names both maps].")
@click.option("--format", "output_format", type=click.Choice(sorted(reports.COMPARE)), default="text",
              show_default=True, help="How to print the report.")
@click.option("--per-claim", type=click.FloatRange(0.01, 20.0), default=None,
              help="Suggest the best R pairs per claim: R x the mean number of claims of the two maps "
                   "[default: 0.5, or none with --threshold alone].")
@click.option("--threshold", type=click.FloatRange(0.01, 1.0), default=None,
              help="Suggest only pairs whose score reaches T.")
@click.option("--evaluate", is_flag=True,
              help="Instead of the report: score the suggester against the links files among PATHS (links files, "
                   "maps, folders), each pair and the total, by cut-off.")
@click.option("--no-suggestions", is_flag=True, help="Report the explicit links only.")
@click.option("--write-drafts", is_flag=True,
              help="Instead of the report: append the suggestions to the links file as drafts to review (a new "
                   "file in links/ beside MAP_A if there is none).")
@click.option("-o", "--output", "diagram", type=click.Path(dir_okay=False),
              help="Also draw both maps side by side with their links: FILE.svg, .png, .pdf, .html or .gv.")
@click.option("--linked-only", is_flag=True, help="In the diagram, draw only the claims that links join.")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=120, show_default=True,
              help="Stop dot after this many seconds.")
def compare_command(paths, links_path, output_format, per_claim, threshold, evaluate, no_suggestions, write_drafts,
                    diagram, linked_only, timeout) -> None:
    """Compare two maps: shared, recast, contradicted and developed claims, suggested pairs, one-sided claims.

    PATHS are two maps; or three or more, or folders, to follow the claims that recur across the essays
    as chains of links. With --evaluate they are links files, maps or folders, and every links file among
    them is scored. Exits 0, 1 when a map or the links file has errors, 2 on a usage error, 3 when dot is
    missing for a diagram, 4 when dot fails.
    """
    from ..comparing.suggest import Cutoff

    cutoff = None
    if per_claim is not None or threshold is not None:
        cutoff = Cutoff(per_claim, threshold)
    if evaluate:
        _evaluate(paths, links_path, output_format, cutoff)
        return
    if len(paths) != 2 or not all(Path(p).is_file() for p in paths):
        _compare_many(paths, output_format, diagram)
        return
    _compare_two(Path(paths[0]), Path(paths[1]), links_path, output_format, cutoff, no_suggestions, diagram,
                 linked_only, timeout, write_drafts)


def _links_for(a_path: Path, b_path: Path, links_path, cache: dict):
    from ..comparing.compare import find_links_file, links_names, oriented

    document = read_document(links_path) if links_path else find_links_file(a_path, b_path)
    if document is None:
        return None, None
    if links_path and set(links_names(document) or ()) != {a_path.resolve(), b_path.resolve()}:
        raise UsageError(f"{links_path} does not link {a_path} and {b_path}")
    return document, oriented(check_document(document, cache=cache).valid_links(), a_path)


@without_cycle_collection  # all that is built lives until the report is written (1.6 s of 13 at 20,000 claims)
def _compare_two(a_path: Path, b_path: Path, links_path, output_format, cutoff, no_suggestions, diagram,
                 linked_only, timeout, write_drafts=False) -> None:
    from ..api import compare

    cache: dict = {}  # each file is read and checked once, though the links file names both maps again
    a, b = _map(a_path, cache), _map(b_path, cache)
    document, links = _links_for(a_path, b_path, links_path, cache)
    comparison = compare(a, b, links, cutoff, suggest=not no_suggestions, progress=_bar)
    if write_drafts:
        from ..comparing.review import write_drafts as write

        path, count = write(comparison, Path(document.file) if document is not None else None)
        click.echo(f"{count} draft{'s' * (count != 1)} written to {path}; review each with one edit, then "
                   f"`argmap validate --strict {path}` passes")
        return
    if output_format == "text":  # a terminal's width cuts long lines; a file or a pipe gets every word
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        click.echo(comparison_report.as_text(comparison, width=width))
    else:
        click.echo(reports.COMPARE[output_format](comparison))
    if diagram:
        _draw(comparison, Path(diagram), timeout, linked_only,
              [a_path, b_path, source_of(a), source_of(b), Path(document.file) if document is not None else None])


@without_cycle_collection
def _compare_many(paths, output_format, diagram) -> None:
    """Three or more maps, or folders: every links file among them, and the claims that recur as chains."""
    from ..comparing.many import chains
    from ..output import write_output
    from ..reports.corpus import FORMATS, as_html

    cache: dict = {}  # every file is read and checked once, though links files name their maps again
    files = expand_paths(paths)
    results = [check_file(p, cache=cache) for p in files]
    models = [r.valid_map() for r in results if r.kind != "links"]
    if len(models) < 2:
        raise UsageError("compare needs two maps or more (files, or folders that hold them)")
    link_results = [r for r in results if r.kind == "links"]
    if not link_results:
        link_results = [check_file(d.file, cache=cache) for d in gold_documents([m.file for m in models])]
    wanted = {Path(m.file or "").resolve() for m in models}
    link_sets = []
    for result in link_results:
        links = result.valid_links()
        if {Path(links.a.file or "").resolve(), Path(links.b.file or "").resolve()} <= wanted:
            link_sets.append(links)
    corpus = chains(models, link_sets)
    click.echo(FORMATS[output_format](corpus))
    if diagram:
        if Path(diagram).suffix.lower() not in (".html", ".htm"):
            raise UsageError("for more than two maps, -o writes the explorer's page: give a .html file")
        write_output(Path(diagram), as_html(corpus), files)


def gold_documents(paths, links_path=None) -> list:
    """The links files among paths (links files, maps, folders): those given, else those that link given maps."""
    from ..comparing.compare import find_links_files

    files = expand_paths(paths) + ([Path(links_path)] if links_path else [])
    documents: list = []
    maps: list = []
    for path in files:
        document = read_document(path)
        (documents if kind_of(document.data) == "links" else maps).append(document)
    if not documents and maps:
        documents = find_links_files([Path(m.file) for m in maps])
    return documents


def _evaluate(paths, links_path, output_format, cutoff) -> None:
    from ..comparing.evaluation import CUTOFFS, evaluate, gold_pair
    from ..comparing.suggest import Cutoff
    from ..reports.evaluation import FORMATS

    documents = gold_documents(paths, links_path)
    if not documents:
        raise UsageError("--evaluate needs a links file to score the suggestions against: give links files, or "
                         "maps or folders with a links file beside them")
    cache: dict = {}
    pairs = [gold_pair(check_document(d, cache=cache).valid_links()) for d in documents]
    default = Cutoff()
    cutoffs = (cutoff,) if cutoff is not None else (default, *(c for c in CUTOFFS if c != default))
    click.echo(FORMATS[output_format](pairs, evaluate(pairs, cutoffs), cutoff or default))


def _bar(items):
    from .progress import progress

    with progress(items, "Comparing", minimum=1000) as bar:
        yield from bar


def _draw(comparison, path: Path, timeout: float, linked_only: bool, inputs) -> None:
    from ..api import render_comparison
    from ..drawing.draw import format_for
    from ..output import write_output

    data = render_comparison(comparison, format_for(path), linked_only, timeout,
                             warn=lambda message: click.echo(f"{path}: warning: {message}", err=True))
    write_output(path, data, inputs)
