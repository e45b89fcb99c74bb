"""The public API: every job the command line does, as functions over paths, texts and models."""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checking.pipeline import check_document, check_file
from .checking.sources import find_source, quote_lines, read_source, sources_folders
from .errors import DrawingWarning, ImportFailed, InvalidMap, SourceNotFound, UnknownId, UsageError
from .model import ArgumentMap
from .problems import Problem, did_you_mean
from .reading.document import parse_bytes, read_document
from .reading.files import expand_paths

if TYPE_CHECKING:
    from .authoring.draft import Draft
    from .authoring.quotes import Found
    from .checking.links import LinkSet
    from .comparing.compare import Comparison, Progress
    from .comparing.suggest import Cutoff
    from .coverage import Coverage
    from .drawing.graph import RenderOptions, Style
    from .formats.importer import Importer

PathLike = str | os.PathLike[str]
Sources = PathLike | Iterable[PathLike] | None  # one sources folder, several, or None: none (see default_sources)

__all__ = ["load", "loads", "validate", "validate_text", "load_links", "load_style", "render", "compare",
           "render_comparison", "export", "import_map", "Imported", "measure_coverage", "find_quote", "draft"]


def _folders(sources: Sources) -> list[Path]:
    """The folders named, and no others: $ARGMAP_SOURCES is the command line's default, not the library's."""
    if sources is None:
        return []
    if isinstance(sources, (str, os.PathLike)):
        return [Path(sources)]
    return [Path(folder) for folder in sources]


def load(path: PathLike, sources: Sources = None) -> ArgumentMap:
    """The model of a valid map file; raises InvalidMap with every error, WrongKind for a links file.

    With sources (folders of source texts), every quote must be found verbatim in its source.
    """
    folders = _folders(sources)
    return check_file(path, folders, bool(folders)).valid_map()


def loads(text: str, name: str = "<text>", sources: Sources = None) -> ArgumentMap:
    """The model of a map given as text; name stands for the file in messages (and locates a source beside it)."""
    folders = _folders(sources)
    return check_document(parse_bytes(text.encode("utf-8", "surrogatepass"), name), folders, bool(folders)).valid_map()


def validate(paths: PathLike | Iterable[PathLike], sources: Sources = None) -> list[Problem]:
    """Every problem in the given map and links files, and in the YAML files inside given folders."""
    folders = _folders(sources)
    problems: list[Problem] = []
    for path in expand_paths([paths] if isinstance(paths, (str, os.PathLike)) else paths):
        problems.extend(check_file(path, folders, bool(folders)).problems)
    return problems


def validate_text(text: str, name: str = "<text>", sources: Sources = None) -> list[Problem]:
    """Every problem in a map or links file given as text (as an editor holds it before saving)."""
    folders = _folders(sources)
    return check_document(parse_bytes(text.encode("utf-8", "surrogatepass"), name), folders, bool(folders)).problems


def load_links(path: PathLike, sources: Sources = None) -> LinkSet:
    """A valid links file with both of its maps loaded; raises InvalidMap, or WrongKind for a map."""
    return check_file(path, _folders(sources), cache={}).valid_links()


def load_style(path: PathLike) -> Style:
    """A render style from a style file; raises InvalidMap with the file's problems."""
    from .checking.schema import check
    from .drawing.graph import Style

    doc = read_document(path)
    if doc.problems:
        raise InvalidMap(list(doc.problems))
    if not isinstance(doc.data, dict):
        raise InvalidMap([doc.problem((), "schema-type", "a style file holds a mapping (key: value lines)")])
    problems = check(doc, "style")
    if problems:
        raise InvalidMap(problems)
    return Style.from_data(doc.data)


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, DrawingWarning, stacklevel=3)


def render(model: ArgumentMap, fmt: str = "svg", options: RenderOptions | None = None,
           sources: Sources = None, timeout: float = 120.0, warn: Callable[[str], None] | None = None) -> bytes:
    """The map drawn in fmt (svg, png, pdf, dot or html); raises UnknownId for an unknown focus, DotError.

    Each warning of dot's (such as a PNG scaled down to fit) goes to warn(message), by default to
    warnings.warn as a DrawingWarning.
    """
    from .drawing.draw import draw
    from .drawing.graph import RenderOptions, build_graph, top_of

    options = options or RenderOptions()
    if options.focus and options.focus not in model.claims and options.focus not in model.arguments:
        hint = did_you_mean(options.focus, [*model.claims, *model.arguments])
        raise UnknownId(f"--focus names {options.focus!r}, which {model.file or model.id} does not define"
                        + (f"; {hint}" if hint else ""))
    folders = _folders(sources)
    warn = warn or _warn
    options, drawn = top_of(model, options)
    if drawn < len(model.claims):
        warn(f"{len(model.claims):,} claims are more than dot lays out in minutes or a picture shows: drawn are "
             f"the {drawn:,} within {options.depth} steps of the thesis, with '+N more' where branches go on; draw a "
             "branch with --focus ID, or every claim with --whole (slow)")
    if options.overview and fmt != "html":  # the page shows the overview beside the whole map
        from .drawing.overview import build_overview

        return draw(build_overview(model, options).source, fmt, lambda svg: svg, timeout, warn)
    if fmt == "html":
        from dataclasses import replace

        from .drawing.dot import run_dot
        from .drawing.page import map_data, page

        svg = run_dot(build_graph(model, replace(options, tooltips=False)).source, "svg", timeout, warn)
        overview = None
        if model.sections:
            from .drawing.overview import build_overview

            overview = run_dot(build_overview(model, replace(options, tooltips=False)).source, "svg", timeout, warn)
        found = find_source(model.source.file, folders, model.file) if model.source.file else None
        source = read_source(found.resolve()) if found else None
        return page(model.title, svg, map_data(model, quote_lines(model, folders), source), overview)
    if fmt == "pdf" and not options.focus:  # for print: a page per section, in tiles where it would be too small
        from .drawing.printing import pdf_pages

        return pdf_pages(model, options, timeout, warn)
    return draw(build_graph(model, options).source, fmt, lambda svg: svg, timeout, warn)


def compare(a: ArgumentMap, b: ArgumentMap, links: LinkSet | None = None, cutoff: Cutoff | float | None = None,
            suggest: bool = True, progress: Progress | None = None) -> Comparison:
    """What two maps share, recast, contradict and develop (from links), and suggested links with guessed relations.

    cutoff: a comparing.suggest.Cutoff; a number, taken as a score threshold; or None for the default (the
    best 0.75 pairs per claim). The result does not depend on which map is a.
    """
    from .comparing.compare import compare as join
    from .comparing.compare import oriented

    if links is not None and a.file:
        links = oriented(links, Path(a.file))
    return join(a, b, links, cutoff, suggest=suggest, wrap=progress or iter)


def render_comparison(result: Comparison, fmt: str = "svg", linked_only: bool = False, timeout: float = 120.0,
                      warn: Callable[[str], None] | None = None) -> bytes:
    """Both maps side by side with their links, in fmt; the HTML page also lists the suggestions and drafts to
    accept, reject or retype, and gives the resulting links file to download or copy."""
    from .drawing.draw import draw
    from .drawing.graph import RenderOptions, build_comparison_graph
    from .drawing.page import comparison_data, page
    from .drawing.review import KEY, review_block, review_data

    title = f"{result.a.title} \u2194 {result.b.title}"
    options = RenderOptions(tooltips=fmt != "html")

    def html_page(svg: bytes) -> bytes:
        review = review_data(result)
        return page(title, svg, {**comparison_data(result), KEY: review}, extra=review_block(review))

    return draw(build_comparison_graph(result, options, linked_only=linked_only).source, fmt, html_page, timeout,
                warn or _warn)


def export(model: ArgumentMap, to: str) -> str:
    """The map as Argdown, AIF JSON, a Markdown outline, or argmap's model as JSON."""
    from .formats import EXPORTS

    if to not in EXPORTS:
        raise UsageError(f"unknown export format {to!r}; choose one of {', '.join(EXPORTS)}")
    return EXPORTS[to](model)


@dataclass(frozen=True)
class Imported:
    """A map made from another format: its YAML text, and every loss of information as a warning."""

    yaml: str
    warnings: tuple[str, ...]
    claims: int
    arguments: int
    objections: int
    notes: tuple[str, ...] = ()  # what is not a loss but worth knowing (how many relations were kept, renamed ids)


def detect_format(path: PathLike, text: str) -> str:
    """aif, argdown or argdown-json, from the file's suffix and content."""
    suffix = Path(path).suffix.lower()
    if suffix in (".argdown", ".ad"):
        return "argdown"
    try:
        data = json.loads(text)
    except RecursionError:
        raise ImportFailed(f"{path}: nested too deeply to read") from None
    except ValueError:
        raise ImportFailed(f"cannot tell the format of {path}: name it with --from") from None
    return "argdown-json" if isinstance(data, dict) and "statements" in data else "aif"


def import_map(text: str, fmt: str | None = None, name: str = "<import>", map_id: str | None = None,
               title: str | None = None, output: str | None = None) -> Imported:
    """A valid map from AIF JSON, Argdown text or Argdown's JSON; raises ImportFailed.

    name is the file it came from (for the default id and title, and messages); output is where the map will
    be written, so that its schema modeline points the right way.
    """
    from .formats import importer as importing

    kind = fmt or detect_format(name, text)
    if kind == "argdown" and Path(name).suffix.lower() == ".json":
        kind = "argdown-json"
    imported = importing.read(text, kind, name, map_id, title)
    _drop_control_characters(imported)
    yaml_text = imported.yaml(output)
    errors = [p for p in check_document(parse_bytes(yaml_text.encode("utf-8"), output or "<import>")).problems
              if p.is_error]
    if errors:  # the importer should never write an invalid map; say so plainly if it would
        raise InvalidMap(errors)
    return Imported(yaml_text, tuple(imported.warnings), len(imported.claims), len(imported.arguments),
                    len(imported.objections), tuple(imported.notes))


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _drop_control_characters(imported: Importer) -> None:
    """Texts of another format may hold control characters, which a map may not: each becomes a space, once said."""
    changed = 0

    def clean(value: object) -> Any:
        nonlocal changed
        if isinstance(value, str) and _CONTROL.search(value):
            changed += 1
            return _CONTROL.sub(" ", value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value

    for collection in (imported.claims, imported.arguments):
        for item in collection.values():
            for key in list(item):
                item[key] = clean(item[key])
    imported.title = clean(imported.title)
    if changed:
        imported.warn(f"{changed} text{'s' * (changed != 1)} held control characters, each replaced by a space")


def measure_coverage(model: ArgumentMap, sources: Sources = None) -> Coverage:
    """Which sentences of the map's source its quotes carry; raises SourceNotFound."""
    from .coverage import measure

    found = find_source(model.source.file, _folders(sources), model.file) if model.source.file else None
    if found is None:
        raise SourceNotFound(model.file or model.id, model.source.file)
    return measure(model, read_source(found.resolve()))


def draft(source_text: str | bytes, file_name: str = "source.txt", map_id: str | None = None,
          title: str | None = None, modeline: str | None = None) -> Draft:
    """A draft map of a text: claims from its sentences, relations from its markers, each marked `draft: true`.

    source_text is the text, or its bytes (then the map's sha256 is theirs exactly); file_name is what
    source.file will name. The draft's `.yaml` is a valid map whose quotes carry the whole text; its
    `.claims`, `.arguments`, `.objections` and `.omitted` are the proposals. Raises InvalidMap if the
    draft would be invalid (a bug: please report it).
    """
    from .authoring.draft import draft as make

    raw = source_text if isinstance(source_text, bytes) else source_text.encode("utf-8")
    made = make(raw.decode("utf-8", errors="replace"), file_name, raw, map_id, title, modeline)
    errors = [p for p in check_document(parse_bytes(made.yaml.encode("utf-8"), "<draft>")).problems if p.is_error]
    if errors:
        raise InvalidMap(errors)
    return made


def find_quote(source: PathLike, fragment: str, sources: Sources = None, limit: int = 10) -> tuple[list[Found], str]:
    """Where a fragment stands in a source, verbatim, or the closest passage; and the source's file name.

    source is the text file, or a map file whose source is looked up in sources, then beside the map.
    Each Found has the passage (ready to paste as a quote: it always passes), its line and column, the
    sentence around it, and, when the fragment is not verbatim, how alike they are and why. Raises
    SourceNotFound when a map's source is not at hand, InvalidMap for a map with errors.
    """
    from .authoring.quotes import find_quote as find

    path = Path(source)
    if path.suffix.lower() in (".yaml", ".yml"):
        model = check_file(path).valid_map()
        found = find_source(model.source.file, _folders(sources), model.file) if model.source.file else None
        if found is None:
            raise SourceNotFound(model.file or model.id, model.source.file)
        path = found
    return find(read_source(path.resolve()), fragment, limit), path.name


def default_sources(given: Sequence[PathLike] = ()) -> list[Path]:
    """The sources folders a command uses: those given, else $ARGMAP_SOURCES."""
    return sources_folders(given)
