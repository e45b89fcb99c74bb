"""`argmap render`: diagrams of maps through Graphviz, written atomically."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..problems import did_you_mean
from ..report import TextReporter, report_errors
from ..sources import source_dirs
from ..validation import check_file, map_files
from .progress import progress

FORMATS = ("svg", "png", "pdf", "dot", "html")
EXIT_NO_DOT = 3
EXIT_DOT_FAILED = 4


class DotMissing(click.ClickException):
    exit_code = EXIT_NO_DOT


class DotFailure(click.ClickException):
    exit_code = EXIT_DOT_FAILED


def format_for(output: str | None, option: str | None = None) -> str:
    """The format: --format, else the output's suffix; an unknown suffix is an error, not a silent SVG."""
    if option:
        return option
    if output and output != "-":
        suffix = Path(output).suffix.lower().lstrip(".")
        if suffix in FORMATS or suffix == "gv":
            return "dot" if suffix == "gv" else suffix
        raise click.UsageError(f"cannot tell the format of {output} from its suffix; "
                               f"use .svg, .png, .pdf, .html, .gv or name it with --format")
    return "svg"


@click.command("render")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", help="Output file (one map; '-' for stdout), or folder (several maps or a folder). "
                                      "[default: MAP-NAME.FORMAT in the current folder]")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS),
              help="Output format [default: from the output's suffix, else svg].")
@click.option("--direction", type=click.Choice(["BT", "TB", "LR", "RL"]), default="BT", show_default=True,
              help="Where arrows point: BT puts the thesis on top, premises beneath.")
@click.option("--wrap", type=click.IntRange(8, 200), default=32, show_default=True, help="Wrap labels at N characters.")
@click.option("--quotes", is_flag=True, help="Show each claim's verbatim quote in smaller type.")
@click.option("--ids", is_flag=True, help="Show claim and argument ids.")
@click.option("--legend", is_flag=True, help="Add a legend of node and edge styles.")
@click.option("--sections", is_flag=True, help="Group claims into boxes by the essay's sections.")
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this claim or argument.")
@click.option("--depth", type=click.IntRange(0, 100), default=2, show_default=True, help="Steps around --focus.")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=120, show_default=True,
              help="Stop dot after this many seconds.")
@click.option("--layout", type=click.Choice(["auto", "default", "fast"]), default="auto", show_default=True,
              help="dot's layout effort: fast caps crossing reduction and draws straight edges (auto: for maps "
                   "of more than 2,500 claims and arguments); default is dot's own, which can take minutes there.")
@click.option("--sources", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of source texts, to show in the HTML page where each quote stands.")
@click.option("--style", "style_file", type=click.Path(exists=True, dir_okay=False),
              help="A style file (YAML): font, support and attack colours, each role's fill and header; "
                   "see schema/style.schema.json.")
@click.option("--watch", is_flag=True,
              help="Keep running: render again whenever the map (or its source) changes; an invalid map keeps the "
                   "last good output and prints its problems. Ctrl-C stops.")
@click.option("--serve", is_flag=True, help="With --watch: serve the output on http://127.0.0.1 so that an HTML page "
                                             "reloads itself when it changes.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port for --serve (0: any).")
def render_command(paths, output, output_format, direction, wrap, quotes, ids, legend, sections, focus, depth, timeout,
                   layout, sources, style_file, watch, serve, port) -> None:
    """Draw maps as diagrams (SVG, PNG, PDF, DOT, or an interactive HTML page).

    Exits 0 on success, 1 when a map has errors (nothing is written for it), 2 on a usage error,
    3 when Graphviz's dot is missing, 4 when dot fails or times out.
    """
    from ..render import RenderOptions

    files = map_files(paths)
    if not files:
        raise click.UsageError(f"no map files (*.yaml, *.yml) in {', '.join(paths)}")
    many = len(files) > 1 or any(Path(p).is_dir() for p in paths)
    if many and output == "-":
        raise click.UsageError("-o - (stdout) takes one map, not several")
    fmt = format_for(None if many else output, output_format)
    if many:
        folder = Path(output or ".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise click.ClickException(f"cannot create the output folder {folder}: {error.strerror}")
        targets = [folder / f"{path.stem}.{fmt}" for path in files]
        clashes = sorted({t.name for t in targets if targets.count(t) > 1})
        if clashes:
            raise click.UsageError(f"several maps would be written to the same file ({', '.join(clashes)}); "
                                   "render them into different folders")
    else:
        targets = [Path(output) if output and output != "-" else None if output == "-" else Path(f"{files[0].stem}.{fmt}")]
    from ..output import refuse_overwriting_inputs

    for target in targets:
        if target is not None:
            refuse_overwriting_inputs(target, files)
    options = RenderOptions(direction=direction, wrap=wrap, quotes=quotes, ids=ids, legend=legend, sections=sections,
                            focus=focus, depth=depth, layout=layout, style=_style(style_file))
    folders = source_dirs(sources)
    if serve and not watch:
        raise click.UsageError("--serve goes with --watch")
    if watch:
        if many or targets[0] is None:
            raise click.UsageError("--watch takes one map and an output file (-o FILE)")
        _watch(files[0], targets[0], fmt, options, timeout, folders, port if serve else None)
        return
    failed = []
    with progress(list(zip(files, targets)), "Rendering", lambda item: str(item[0])) as items:
        for path, target in items:
            if not _render_one(path, target, fmt, options, timeout, folders):
                failed.append(path)
    if failed:
        raise SystemExit(1)


def _style(path: str | None):
    """The style a --style file names, checked like a map: every problem at its line and column."""
    from ..load import read_document
    from ..render import Style
    from ..schema import check

    if path is None:
        return Style()
    doc = read_document(path)
    problems = list(doc.problems)
    if not problems and not isinstance(doc.data, dict):
        problems.append(doc.problem((), "schema-type", "a style file holds a mapping (key: value lines)"))
    if not problems:
        problems = check(doc, "style")
    if problems:
        TextReporter().report(problems, 1, err=True)
        raise click.ClickException(f"{path}: not a valid style file; nothing was rendered")
    return Style.from_data(doc.data)


def _watch(path: Path, target: Path, fmt, options, timeout, folders, port) -> None:
    import time

    from ..sources import find_source
    from ..validation import check_file as check
    from ..watch import serve, watch

    source_of = {}  # the source the last good map named: watched too, without checking the map every poll

    def watched() -> list[Path]:
        return [path] + ([source_of["path"]] if source_of.get("path") else [])

    def job() -> None:
        stamp = time.strftime("%H:%M:%S")
        try:
            if _render_one(path, target, fmt, options, timeout, folders):
                click.echo(f"[{stamp}] rendered {target}", err=True)
                model = check(path).model
                name = model.source.file if model else None
                source_of["path"] = find_source(name, folders, str(path)) if name else None
            else:
                click.echo(f"[{stamp}] kept the last good {target}; fix the problems above", err=True)
        except DotMissing:
            raise
        except click.ClickException as error:  # a failed dot, an unknown --focus, an unwritable file: fixable
            click.echo(f"[{stamp}] {error.message}; kept the last good {target}", err=True)

    if port is not None:
        try:
            server = serve(target, port)
        except OSError as error:
            raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}; "
                                       "choose another --port (0 picks a free one)")
        click.echo(f"serving http://127.0.0.1:{server.server_address[1]}/{target.name} (reloads on change)", err=True)
    click.echo(f"watching {path}; Ctrl-C stops", err=True)
    try:
        watch(watched, job)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _render_one(path, target, fmt, options, timeout, folders) -> bool:
    from ..page import entries, page
    from ..render import build_graph
    from ..sources import quote_lines

    result = check_file(path, folders, False)
    if result.links is not None:
        click.echo(f"{path} is a links file: draw it with 'argmap compare MAP_A MAP_B -o FILE'", err=True)
        return False
    if result.model is None:
        report_errors(result.problems)
        click.echo(f"{path}: not rendered: the map has errors", err=True)
        return False
    model = result.model
    if options.focus and options.focus not in model.claims and options.focus not in model.arguments:
        hint = did_you_mean(options.focus, [*model.claims, *model.arguments])
        raise click.UsageError(f"--focus names {options.focus!r}, which {path} does not define"
                               + (f"; {hint}" if hint else ""))
    draw(build_graph(model, options).source, fmt, target, timeout,
         lambda svg: page(model.title, svg, entries(model, quote_lines(model, folders))), label=f"{path}: ")
    return True


def draw(source: str, fmt: str, target: Path | None, timeout: float, html_page, label: str = "") -> None:
    """DOT text to a file (or stdout) in fmt: through dot unless fmt is dot; an HTML page is made by
    html_page(svg). Dot's failures become the exit codes that README documents; the write is atomic."""
    from ..dot import DotFailed, DotNotFound, run_dot
    from ..output import write_atomic

    try:
        if fmt == "dot":
            data = source.encode("utf-8")
        elif fmt == "html":
            data = html_page(run_dot(source, "svg", timeout))
        else:
            data = run_dot(source, fmt, timeout)
    except DotNotFound as error:
        raise DotMissing(str(error))
    except DotFailed as error:
        raise DotFailure(f"{label}{error}")
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_atomic(target, data)
    except OSError as error:
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}")
