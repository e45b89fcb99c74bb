"""`argmap render`: diagrams of maps through Graphviz, written atomically."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from ..checking.pipeline import check_file
from ..checking.sources import sources_folders
from ..drawing.draw import FORMATS, format_for
from ..errors import DotNotFound, InvalidMap, NoMapFiles, UsageError, WrongKind
from ..reading.files import expand_paths
from .common import command, echo_errors, sources_option
from .progress import progress


@command("render")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", help="Output file (one map; '-' for stdout), or folder (several maps or a folder). "
                                      "[default: MAP-NAME.FORMAT in the current folder]")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS),
              help="Output format [default: from the output's suffix, else svg].")
@click.option("--direction", type=click.Choice(["auto", "BT", "TB", "LR", "RL"]), default="auto", show_default=True,
              help="Where arrows point: BT puts the thesis on top, premises beneath; RL puts it on the left, reasons "
                   "to its right; auto picks BT or RL by the map's shape, so that the drawing is within 1:2 to 2:1.")
@click.option("--wrap", type=click.IntRange(8, 200), default=32, show_default=True, help="Wrap labels at N characters.")
@click.option("--quotes", is_flag=True, help="Show each claim's verbatim quote in smaller type.")
@click.option("--ids", is_flag=True, help="Show claim and argument ids.")
@click.option("--legend", is_flag=True, help="Add a legend of node and edge styles.")
@click.option("--sections", is_flag=True, help="Group claims into boxes by the essay's sections.")
@click.option("--overview", is_flag=True, help="Draw the section overview instead: one box per section of the essay "
                                                "holding its main claim, with the support and attack between sections.")
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this claim or argument.")
@click.option("--depth", type=click.IntRange(0, 100), default=2, show_default=True, help="Steps around --focus.")
@click.option("--whole", is_flag=True, help="Draw every claim of a map of more than 5,000 claims (by default, those "
                                             "nearest the thesis: dot takes minutes over such maps).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=120, show_default=True,
              help="Stop dot after this many seconds.")
@click.option("--layout", type=click.Choice(["auto", "default", "fast"]), default="auto", show_default=True,
              help="dot's layout effort: fast caps crossing reduction and draws straight edges (auto: for maps "
                   "of more than 2,500 claims and arguments); default is dot's own, which can take minutes there.")
@sources_option("Folder of source texts, to show in the HTML page where each quote stands.")
@click.option("--style", "style_file", type=click.Path(exists=True, dir_okay=False),
              help="A style file (YAML): font, support and attack colours, each role's fill and header; "
                   "see schema/style.schema.json.")
@click.option("--watch", is_flag=True,
              help="Keep running: render again whenever the map (or its source) changes; an invalid map keeps the "
                   "last good output and prints its problems. Ctrl-C stops.")
@click.option("--serve", is_flag=True, help="With --watch: serve the output on http://127.0.0.1 so that an HTML page "
                                             "reloads itself when it changes.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port for --serve (0: any).")
def render_command(paths, output, output_format, timeout, sources, style_file, watch, serve, port, **drawing) -> None:
    """Draw maps as diagrams (SVG, PNG, PDF, DOT, or an interactive HTML page).

    Exits 0 on success, 1 when a map has errors (nothing is written for it), 2 on a usage error,
    3 when Graphviz's dot is missing, 4 when dot fails or times out.
    """
    from ..drawing.graph import RenderOptions

    files = expand_paths(paths)
    if not files:
        raise NoMapFiles(paths)
    many = len(files) > 1 or any(Path(p).is_dir() for p in paths)
    if many and output == "-":
        raise UsageError("-o - (stdout) takes one map, not several")
    if serve and not watch:
        raise UsageError("--serve goes with --watch")
    if watch and (many or output == "-"):  # said before any folder is made for the output
        raise UsageError("--watch takes one map and an output file (-o FILE)")
    fmt = format_for(None if many else output, output_format)
    targets: list[Path | None]  # None: stdout
    if many:
        folder = Path(output or ".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise click.ClickException(f"cannot create the output folder {folder}: {error.strerror}") from None
        targets = [folder / f"{path.stem}.{fmt}" for path in files]
        clashes = sorted(t.name for t, count in Counter(targets).items() if t is not None and count > 1)
        if clashes:
            raise UsageError(f"several maps would be written to the same file ({', '.join(clashes)}); "
                             "render them into different folders")
    else:
        targets = [None if output == "-" else Path(output) if output else Path(f"{files[0].stem}.{fmt}")]
    from ..output import refuse_overwriting_inputs

    for target in targets:
        if target is not None:
            refuse_overwriting_inputs(target, [*files, style_file])
    options = RenderOptions(**drawing, style=_style(style_file))  # every option of the drawing is one of RenderOptions
    sources = sources_folders(sources)
    explicit = {Path(p) for p in paths}
    if serve and not watch:
        raise UsageError("--serve goes with --watch")
    if watch:
        if many or targets[0] is None:
            raise UsageError("--watch takes one map and an output file (-o FILE)")
        _watch(files[0], targets[0], fmt, options, timeout, sources, port if serve else None, style_file)
        return
    failed = []
    with progress(list(zip(files, targets, strict=True)), "Rendering", lambda item: str(item[0])) as items:
        for path, target in items:
            try:
                _render_one(path, target, fmt, options, timeout, sources, style_file)
            except WrongKind:
                if path in explicit:
                    raise
            except InvalidMap as error:
                echo_errors(error.problems)
                click.echo(f"{path}: not rendered: the map has errors", err=True)
                failed.append(path)
    if failed:
        raise SystemExit(1)


def _style(path: str | None):
    """The style a --style file names, checked like a map: every problem at its line and column."""
    from ..api import load_style
    from ..drawing.graph import Style

    if path is None:
        return Style()
    try:
        return load_style(path)
    except InvalidMap as error:
        echo_errors(error.problems)
        raise click.ClickException(f"{path}: not a valid style file; nothing was rendered") from None


def _watch(path: Path, target: Path, fmt, options, timeout, sources, port, style_file) -> None:
    import time
    import urllib.parse

    from ..checking.sources import source_of
    from ..errors import ArgmapError
    from ..watch import serve, watch

    watched_source: dict = {}  # the source the last good map named: watched too, without checking the map every poll

    def watched() -> list[Path]:
        return [path] + ([watched_source["path"]] if watched_source.get("path") else [])

    def job() -> None:
        stamp = time.strftime("%H:%M:%S")
        try:
            model = _render_one(path, target, fmt, options, timeout, sources, style_file)
        except InvalidMap as error:
            echo_errors(error.problems)
            click.echo(f"[{stamp}] kept the last good {target}; fix the problems above", err=True)
        except DotNotFound:
            raise
        except ArgmapError as error:  # a failed dot, an unknown --focus, an unwritable file: fixable
            click.echo(f"[{stamp}] {error}; kept the last good {target}", err=True)
        else:
            click.echo(f"[{stamp}] rendered {target}", err=True)
            watched_source["path"] = source_of(model, sources)

    if port is not None:
        try:
            server = serve(target, port)
        except OSError as error:
            raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}; "
                                       "choose another --port (0 picks a free one)") from None
        click.echo(f"serving http://127.0.0.1:{server.server_address[1]}/{urllib.parse.quote(target.name)} "
                   "(reloads on change)", err=True)
    click.echo(f"watching {path}; Ctrl-C stops", err=True)
    try:
        watch(watched, job)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _render_one(path: Path, target: Path | None, fmt: str, options, timeout: float, sources, style_file=None):
    """One map drawn to target (stdout when None), and its model; raises InvalidMap, WrongKind, DotError."""
    from ..api import render
    from ..checking.sources import source_of
    from ..output import write_output

    model = check_file(path, sources, False).valid_map()
    data = render(model, fmt, options, sources, timeout,
                  warn=lambda message: click.echo(f"{path}: warning: {message}", err=True))
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_output(target, data, [path, style_file, source_of(model, sources)])
    return model
