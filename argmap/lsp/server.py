"""The language server over stdio, on pygls: diagnostics as you type, navigation, completion, quick fixes, rename
and a preview, for argmap maps and links files.

Diagnostics are debounced: each change (re)starts a short timer, and only the text that is current
when it runs is checked, in one worker thread; a result for a text that has changed meanwhile is
dropped, never published. Every handler turns an unexpected exception into a logged error and an
empty answer, so that a half-typed file can never stop the server.
"""
from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..problems import Problem
from . import actions, completion, hover, navigation, preview, references
from .analysis import Analysis, Files, FreshCache, is_argmap_text, sources_folders
from .positions import UTF16, Lines, Span, units

logger = logging.getLogger("argmap.lsp")

DEBOUNCE = 0.2  # seconds between the last keystroke and the check
PREVIEW = "argmap.preview"
PREVIEW_UPDATED = "argmap/previewUpdated"  # notification: a page was redrawn on save

_SYMBOL_KIND = {"group": lsp.SymbolKind.Namespace, "value": lsp.SymbolKind.Property, "claim": lsp.SymbolKind.String,
                "argument": lsp.SymbolKind.Function, "objection": lsp.SymbolKind.Event,
                "actor": lsp.SymbolKind.Class, "section": lsp.SymbolKind.Module, "link": lsp.SymbolKind.Struct}
_COMPLETION_KIND = {"claim": lsp.CompletionItemKind.Reference, "argument": lsp.CompletionItemKind.Function,
                    "actor": lsp.CompletionItemKind.Class, "section": lsp.CompletionItemKind.Module,
                    "value": lsp.CompletionItemKind.EnumMember}


class JsonRpcRequestFailed(JsonRpcException):
    """LSP's RequestFailed: the request was understood, and cannot be carried out (the message says why)."""

    CODE = -32803
    MESSAGE = "Request failed"


def _safe(default: Any = None) -> Callable:
    """A handler that logs an unexpected exception and answers `default`, instead of failing the request."""
    def wrap(function: Callable) -> Callable:
        if inspect.iscoroutinefunction(function):
            @functools.wraps(function)
            async def run_async(ls: ArgmapServer, *args):
                try:
                    return await function(ls, *args)
                except (JsonRpcInvalidParams, JsonRpcRequestFailed):
                    raise
                except Exception:  # noqa: BLE001 - the point: no input may stop the server
                    ls.report(f"{function.__name__} failed")
                    return default
            return run_async

        @functools.wraps(function)
        def run(ls: ArgmapServer, *args):
            try:
                return function(ls, *args)
            except (JsonRpcInvalidParams, JsonRpcRequestFailed):
                raise
            except Exception:  # noqa: BLE001 - the point: no input may stop the server
                ls.report(f"{function.__name__} failed")
                return default
        return run
    return wrap


class ArgmapServer(LanguageServer):
    """The server's state: each open argmap file's latest parse and check, the settings, the previews."""

    def __init__(self, debounce: float = DEBOUNCE):
        super().__init__("argmap", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.debounce = debounce
        self.served: set[str] = set()  # uris of open argmap files (other YAML is left alone)
        self.parsed: dict[str, Analysis] = {}  # uri -> the latest text, parsed
        self.checked: dict[str, Analysis] = {}  # uri -> the latest text that was checked
        self.good: dict[str, dict] = {}  # uri -> the data of the latest text that parsed: ids to complete
        self.pending: dict[str, asyncio.Task] = {}
        self.previews: dict[str, str] = {}  # uri -> page path, redrawn on save
        self.settings: dict = {}
        self.last_uri: str | None = None  # the file edited last: what `argmap.preview` draws without an argument
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argmap-check")
        self.cache = FreshCache()  # maps that links files name, checked once until they change on disk
        self.files = Files(self._open_texts, self._roots)

    # --- plumbing --------------------------------------------------------------------------------

    def report(self, what: str) -> None:
        logger.exception(what)
        with contextlib.suppress(Exception):  # the client may be gone
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error,
                                                         message=f"argmap: {what}: see the server's log"))

    @property
    def encoding(self) -> str:
        try:
            encoding = self.workspace.position_encoding
        except RuntimeError:  # not initialized yet
            return UTF16
        return str(getattr(encoding, "value", encoding) or UTF16)

    def markup(self, where: str) -> lsp.MarkupKind:
        """Markdown where the client says it shows Markdown (in hovers, or in completion items), else plain text."""
        text = getattr(self.client_capabilities, "text_document", None)
        if where == "hover":
            formats = getattr(getattr(text, "hover", None), "content_format", None)
        else:
            item = getattr(getattr(text, "completion", None), "completion_item", None)
            formats = getattr(item, "documentation_format", None)
        return lsp.MarkupKind.Markdown if formats and lsp.MarkupKind.Markdown in formats else lsp.MarkupKind.PlainText

    def name_of(self, uri: str) -> str:
        path = to_fs_path(uri)
        return os.path.normpath(os.path.abspath(path)) if path else uri

    def _open_texts(self) -> dict[str, str]:
        texts = {}
        for uri in list(self.served):
            found = self.text_of(uri)
            if found is not None and to_fs_path(uri):
                texts[self.name_of(uri)] = found[0]
        return texts

    def _roots(self) -> list[Path]:
        roots = [Path(p) for p in (to_fs_path(f.uri) for f in self.workspace.folders.values()) if p]
        root = self.workspace.root_path
        return roots or ([Path(root)] if root else [])

    def sources(self) -> list[Path]:
        roots = self._roots()
        return sources_folders(self.settings.get("sources"), roots[0] if roots else None)

    def position(self, lines: Lines, line: int, column: int) -> lsp.Position:
        return lsp.Position(line=line, character=units(lines[line][:column], self.encoding))

    def range(self, lines: Lines, span: Span) -> lsp.Range:
        return lsp.Range(start=self.position(lines, span.line, span.start),
                         end=self.position(lines, span.line, span.end))

    def cursor(self, lines: Lines, position: lsp.Position) -> tuple[int, int]:
        return position.line, lines.from_client(position.line, position.character, self.encoding)

    def text_of(self, uri: str) -> tuple[str, int | None] | None:
        document = self.workspace.text_documents.get(unquote(uri))  # pygls keys its documents unquoted
        return (document.source, document.version) if document is not None else None

    def current(self, uri: str) -> Analysis | None:
        """The latest text of an open argmap file, parsed (and checked, when the check has caught up)."""
        if uri not in self.served:
            return None
        found = self.text_of(uri)
        if found is None:
            return None
        text, version = found
        for known in (self.checked.get(uri), self.parsed.get(uri)):
            if known is not None and known.version == version and known.text == text:
                return known
        analysis = Analysis(text, self.name_of(uri), version)
        self.parsed[uri] = analysis
        if analysis.data is not None:
            self.good[uri] = analysis.data
        return analysis

    def checked_now(self, uri: str) -> Analysis | None:
        """The latest text, checked now if the debounced check has not caught up with it."""
        analysis = self.current(uri)
        if analysis is not None and analysis.result is None:
            analysis.check(self.sources())
        return analysis

    def analysis_of_path(self, path: str) -> tuple[str, Analysis] | None:
        """A file by path, as (uri, analysis): the open text if it is open, else the file on disk."""
        uri = from_fs_path(path) or path
        for open_uri in self.served:
            if self.name_of(open_uri) == os.path.normpath(os.path.abspath(path)):
                analysis = self.current(open_uri)
                return (open_uri, analysis) if analysis else None
        analysis = self.files.analysis(path)
        return (uri, analysis) if analysis else None

    def uri_of(self, path: str) -> str:
        for open_uri in self.served:
            if self.name_of(open_uri) == os.path.normpath(os.path.abspath(path)):
                return open_uri
        return from_fs_path(path) or path

    # --- diagnostics -----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check the text after delay seconds, unless another change comes first."""
        earlier = self.pending.pop(uri, None)
        if earlier is not None:
            earlier.cancel()
        found = self.text_of(uri)
        if found is None:
            return
        self.pending[uri] = asyncio.get_running_loop().create_task(self._diagnose(uri, found[1], delay))

    def _is_current(self, uri: str, version: int | None) -> bool:
        found = self.text_of(uri)
        return found is not None and found[1] == version and uri in self.served

    async def _diagnose(self, uri: str, version: int | None, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            found = self.text_of(uri)
            if found is None or found[1] != version:
                return
            analysis = await asyncio.get_running_loop().run_in_executor(
                self.checker, self._check, uri, version, found[0], self.sources())
            if analysis is None or not self._is_current(uri, version):
                return  # a newer text has arrived: its own check will publish
            self.checked[uri] = analysis
            if analysis.data is not None:
                self.good[uri] = analysis.data
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[self.diagnostic(analysis, p) for p in analysis.problems]))
        except asyncio.CancelledError:
            pass
        except Exception:  # noqa: BLE001 - a check that fails is logged; the next keystroke tries again
            self.report(f"checking {uri} failed")
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def _check(self, uri: str, version: int | None, text: str, sources: list[Path]) -> Analysis | None:
        """In the worker thread: skip a text that is already stale, else check it."""
        if not self._is_current(uri, version):
            return None
        started = time.perf_counter()
        analysis = Analysis(text, self.name_of(uri), version).check(sources, self.cache)
        logger.debug("checked %s (version %s) in %.1f ms", uri, version, (time.perf_counter() - started) * 1000)
        return analysis

    def diagnostic(self, analysis: Analysis, problem: Problem) -> lsp.Diagnostic:
        span = analysis.lines.problem_span(problem.line, problem.column)
        return lsp.Diagnostic(
            range=self.range(analysis.lines, span),
            message=problem.message + (f"\nhint: {problem.hint}" if problem.hint else ""),
            severity=lsp.DiagnosticSeverity.Error if problem.is_error else lsp.DiagnosticSeverity.Warning,
            code=problem.code, source="argmap",
            data={"line": problem.line, "column": problem.column, "hint": problem.hint})

    def recheck_all(self) -> None:
        """Check every open file again (the settings changed); the client learns which sources are now used."""
        self.window_log_message(lsp.LogMessageParams(
            type=lsp.MessageType.Log, message=f"argmap: settings applied; sources: {[str(s) for s in self.sources()]}"))
        self.cache.clear()
        for uri in list(self.served):
            self.checked.pop(uri, None)
            self.schedule(uri, 0)

    def apply_settings(self, settings: object) -> None:
        if isinstance(settings, dict):
            inner = settings.get("argmap", settings)
            self.settings = dict(inner) if isinstance(inner, dict) else {}
            debounce = self.settings.get("debounce")  # milliseconds
            if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 5000:
                self.debounce = debounce / 1000


server = ArgmapServer()


# --- the document's life ---------------------------------------------------------------------------

@server.feature(lsp.INITIALIZE)
@_safe()
def initialize(ls: ArgmapServer, params: lsp.InitializeParams) -> None:
    ls.apply_settings(params.initialization_options)


@server.feature(lsp.INITIALIZED)
@_safe()
async def initialized(ls: ArgmapServer, _params: lsp.InitializedParams) -> None:
    await _pull_settings(ls)


async def _pull_settings(ls: ArgmapServer) -> None:
    """Ask the client for the `argmap` settings, where it can answer (VS Code, Neovim, pytest-lsp)."""
    workspace = getattr(ls.client_capabilities, "workspace", None)
    if not getattr(workspace, "configuration", False):
        return
    try:
        answer = await asyncio.wait_for(ls.workspace_configuration_async(
            lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section="argmap")])), 5)
    except Exception:  # noqa: BLE001 - a timeout, an error answer, a client gone: the settings stay as they are
        logger.info("the client did not answer workspace/configuration")
        return
    if answer and isinstance(answer[0], dict):
        ls.apply_settings({"argmap": answer[0]})
        ls.recheck_all()


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
@_safe()
async def did_change_configuration(ls: ArgmapServer, params: lsp.DidChangeConfigurationParams) -> None:
    if isinstance(params.settings, dict) and params.settings:
        ls.apply_settings(params.settings)
        ls.recheck_all()
    else:
        await _pull_settings(ls)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
@_safe()
def did_open(ls: ArgmapServer, params: lsp.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_argmap_text(params.text_document.text, uri):
        ls.served.add(uri)
        ls.last_uri = uri
        ls.schedule(uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
@_safe()
def did_change(ls: ArgmapServer, params: lsp.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri not in ls.served:
        found = ls.text_of(uri)
        if found is None or not is_argmap_text(found[0], uri):
            return
        ls.served.add(uri)
    ls.last_uri = uri
    ls.schedule(uri, ls.debounce)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
@_safe()
async def did_save(ls: ArgmapServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri not in ls.served:
        return
    ls.cache.clear()  # a saved map may be one that a links file names
    ls.schedule(uri, 0)
    if uri in ls.previews:
        try:
            path = await _draw(ls, uri)
        except preview.PreviewFailed as error:
            ls.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Warning,
                                                       message=f"argmap preview: {error}"))
            return
        ls.protocol.notify(PREVIEW_UPDATED, {"uri": uri, "path": str(path), "page": from_fs_path(str(path))})


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
@_safe()
def did_close(ls: ArgmapServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    if uri in ls.served:
        ls.served.discard(uri)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    for store in (ls.parsed, ls.checked, ls.good, ls.previews):
        store.pop(uri, None)


# --- navigation ------------------------------------------------------------------------------------

def _occurrence_at(ls: ArgmapServer, uri: str, position: lsp.Position):
    analysis = ls.current(uri)
    if analysis is None:
        return None, None
    return analysis, analysis.index.at(*ls.cursor(analysis.lines, position))


def _location(ls: ArgmapServer, place: references.Place) -> lsp.Location | None:
    found = ls.analysis_of_path(place.file)
    if found is None:
        return None
    uri, analysis = found
    return lsp.Location(uri=uri, range=ls.range(analysis.lines, place.span))


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
@_safe()
def definition(ls: ArgmapServer, params: lsp.DefinitionParams):
    analysis, occurrence = _occurrence_at(ls, params.text_document.uri, params.position)
    if analysis is None:
        return None
    if occurrence is None:
        return _map_file_at(ls, analysis, params.position)
    symbol = references.symbol_of(analysis, occurrence)
    place = references.definition(symbol, ls.files) if symbol else None
    return _location(ls, place) if place else None


def _map_file_at(ls: ArgmapServer, analysis: Analysis, position: lsp.Position):
    """In a links file, on `a: ../map.yaml` under maps: the map file itself."""
    if analysis.index.kind != "links":
        return None
    line, _ = ls.cursor(analysis.lines, position)
    for side, path in navigation.linked_maps(analysis.data or {}, analysis.name).items():
        where = analysis.doc.positions.get(("maps", side))
        if where and where[0] - 1 == line and path.is_file():
            return lsp.Location(uri=ls.uri_of(str(path)), range=lsp.Range(start=lsp.Position(line=0, character=0),
                                                                          end=lsp.Position(line=0, character=0)))
    return None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
@_safe(default=[])
def find_references(ls: ArgmapServer, params: lsp.ReferenceParams):
    analysis, occurrence = _occurrence_at(ls, params.text_document.uri, params.position)
    if occurrence is None:
        return []
    symbol = references.symbol_of(analysis, occurrence)
    if symbol is None:
        return []
    places = references.places(symbol, ls.files, include_definition=params.context.include_declaration)
    return [location for location in (_location(ls, p) for p in places) if location]


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@_safe(default=[])
def document_symbols(ls: ArgmapServer, params: lsp.DocumentSymbolParams):
    analysis = ls.current(params.text_document.uri)
    if analysis is None:
        return []

    def symbol(entry: navigation.Entry) -> lsp.DocumentSymbol:
        lines = analysis.lines
        full = lsp.Range(start=lsp.Position(line=entry.first, character=0),
                         end=ls.position(lines, entry.last, len(lines[entry.last])))
        selection = ls.range(lines, entry.selection)
        if entry.selection.line > entry.last or entry.selection.line < entry.first:
            full = selection
        return lsp.DocumentSymbol(name=entry.name or "?", detail=entry.detail, kind=_SYMBOL_KIND[entry.kind],
                                  range=full, selection_range=selection,
                                  children=[symbol(child) for child in entry.children])

    return [symbol(entry) for entry in navigation.outline(analysis.doc, analysis.lines)]


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@_safe()
def on_hover(ls: ArgmapServer, params: lsp.HoverParams):
    analysis, occurrence = _occurrence_at(ls, params.text_document.uri, params.position)
    if occurrence is None:
        return None
    data, map_file = analysis.data or {}, analysis.name
    if occurrence.side is not None:  # a links file: the claim is in the map on that side
        symbol = references.symbol_of(analysis, occurrence)
        target = ls.files.analysis(symbol.map_file) if symbol else None
        if target is None or target.data is None:
            return None
        data, map_file = target.data, target.name
    text = hover.describe(data, occurrence, map_file, ls.sources())
    if not text:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=ls.markup("hover"), value=text),
                     range=ls.range(analysis.lines, occurrence.span))


# --- editing ---------------------------------------------------------------------------------------

@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[" ", "[", ","]))
@_safe()
def complete(ls: ArgmapServer, params: lsp.CompletionParams):
    uri = params.text_document.uri
    analysis = ls.current(uri)
    if analysis is None:
        return None
    line, column = ls.cursor(analysis.lines, params.position)
    place = completion.place(analysis.lines, line, column)
    if place is None:
        return None
    data = analysis.data or ls.good.get(uri) or completion.scan(analysis.lines)
    if place.expects == "role":
        candidates = completion.roles()
    elif place.expects == "scheme":
        candidates = completion.schemes(data)
    elif place.expects == "relation":
        candidates = completion.relations()
    elif place.expects.startswith("claim@"):
        side = place.expects[-1]
        path = navigation.linked_maps(data or {}, analysis.name).get(side)
        other = ls.analysis_of_path(str(path)) if path else None
        candidates = completion.ids((other[1].data or completion.scan(other[1].lines)) if other else None, "claim")
    else:
        candidates = completion.ids(data, place.expects)
    edit_range = lsp.Range(start=ls.position(analysis.lines, line, place.start),
                           end=ls.position(analysis.lines, line, column))
    markup = ls.markup("completion")
    items = [lsp.CompletionItem(
        label=c.label, kind=_COMPLETION_KIND.get(c.kind, lsp.CompletionItemKind.Value), detail=c.detail or None,
        documentation=lsp.MarkupContent(kind=markup, value=c.documentation) if c.documentation else None,
        text_edit=lsp.TextEdit(range=edit_range, new_text=c.label), filter_text=c.label, sort_text=f"{n:05d}")
        for n, c in enumerate(candidates)]
    return lsp.CompletionList(is_incomplete=False, items=items)


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
@_safe(default=[])
def code_actions(ls: ArgmapServer, params: lsp.CodeActionParams):
    uri = params.text_document.uri
    analysis = ls.checked_now(uri)
    if analysis is None:
        return []
    lines = analysis.lines
    first, last = params.range.start.line, params.range.end.line
    wanted = [p for p in analysis.problems
              if first <= analysis.lines.problem_span(p.line, p.column).line <= last]
    found = []
    for fix in actions.fixes(analysis, wanted, ls.sources()):
        edits = [lsp.TextEdit(range=lsp.Range(start=ls.position(lines, *edit.start), end=ls.position(lines, *edit.end)),
                              new_text=edit.new) for edit in fix.edits]
        found.append(lsp.CodeAction(title=fix.title, kind=lsp.CodeActionKind.QuickFix,
                                    diagnostics=[ls.diagnostic(analysis, fix.problem)], is_preferred=fix.preferred,
                                    edit=lsp.WorkspaceEdit(changes={uri: edits})))
    return found


@server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
@_safe()
def prepare_rename(ls: ArgmapServer, params: lsp.PrepareRenameParams):
    analysis, occurrence = _occurrence_at(ls, params.text_document.uri, params.position)
    if occurrence is None:
        return None
    return lsp.PrepareRenamePlaceholder(range=ls.range(analysis.lines, occurrence.span), placeholder=occurrence.id)


@server.feature(lsp.TEXT_DOCUMENT_RENAME)
@_safe()
def do_rename(ls: ArgmapServer, params: lsp.RenameParams):
    analysis, occurrence = _occurrence_at(ls, params.text_document.uri, params.position)
    if occurrence is None:
        return None
    symbol = references.symbol_of(analysis, occurrence)
    if symbol is None:
        raise JsonRpcRequestFailed("the links file does not name that map")
    try:
        changes = references.rename(symbol, params.new_name, ls.files)
    except references.RenameRefused as error:
        raise JsonRpcRequestFailed(str(error)) from None
    edits: dict[str, list[lsp.TextEdit]] = {}
    for path, spans in changes.items():
        found = ls.analysis_of_path(path)
        if found is None:
            continue
        uri, target = found
        edits[uri] = [lsp.TextEdit(range=ls.range(target.lines, span), new_text=params.new_name) for span in spans]
    return lsp.WorkspaceEdit(changes=edits)


# --- the preview -----------------------------------------------------------------------------------

async def _draw(ls: ArgmapServer, uri: str) -> Path:
    analysis = ls.current(uri)
    if analysis is None:
        raise preview.PreviewFailed(f"{uri} is not an open argmap file")
    sources = ls.sources()
    if analysis.result is None:
        await asyncio.get_running_loop().run_in_executor(ls.checker, analysis.check, sources, ls.cache)
    return await asyncio.get_running_loop().run_in_executor(
        None, functools.partial(preview.render, analysis, sources, ls.settings.get("previewFolder")))


@server.command(PREVIEW)
@_safe()
async def preview_command(ls: ArgmapServer, *arguments):
    """argmap.preview [uri]: draw the map into its page; answers {path, uri}, and redraws it on every save.

    Without a uri, the file edited last is drawn."""
    given = arguments[0] if arguments else ls.last_uri  # Helix's :lsp-workspace-command passes no argument
    uri = given.get("uri") if isinstance(given, dict) else given
    if not isinstance(uri, str) or uri not in ls.served:
        raise JsonRpcInvalidParams("argmap.preview needs the uri of an open map or links file")
    try:
        path = await _draw(ls, uri)
    except preview.PreviewFailed as error:
        raise JsonRpcRequestFailed(str(error)) from None
    ls.previews[uri] = str(path)
    ls.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Info, message=f"argmap preview: {path}"))
    return {"path": str(path), "uri": from_fs_path(str(path))}


def serve(log_file: str | None = None, verbose: int = 0) -> None:
    """Run the server on stdin and stdout until the client says exit."""
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    handler = logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])
    debounce = os.environ.get("ARGMAP_LSP_DEBOUNCE_MS")
    if debounce and debounce.isdigit():
        server.debounce = int(debounce) / 1000
    server.start_io()
