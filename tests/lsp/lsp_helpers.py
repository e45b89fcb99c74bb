"""What the language server's tests share: the server command, a client that records every diagnostics
message, and positions found by text (in the UTF-16 units a client counts)."""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "maps"
ESSAY = MAPS / "2019-02-15-zhang-finding-a-solution.yaml"
DEADLINE = 30.0  # seconds to wait for an answer or a diagnostics message


def server_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("ARGMAP_SOURCES", "GITHUB_ACTIONS")}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", ARGMAP_LSP_DEBOUNCE_MS="50", **extra)
    return env


def make_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics message with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]
    client.previews = []  # type: ignore[attr-defined]

    def record(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)  # type: ignore[attr-defined]

    def preview_updated(client: LanguageClient, params) -> None:
        client.previews.append(params)  # type: ignore[attr-defined]

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: record,
                                   "argmap/previewUpdated": preview_updated})
    return client


def config(**extra_env: str) -> ClientServerConfig:
    return ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"], client_factory=make_client,
                              server_env=server_env(**extra_env))


def uri(path: Path) -> str:
    return from_fs_path(str(path))


async def initialize(client: LanguageClient, root: Path, settings: dict | None = None) -> None:
    capabilities = lsp.ClientCapabilities(
        workspace=lsp.WorkspaceClientCapabilities(configuration=settings is not None),
        text_document=lsp.TextDocumentClientCapabilities(
            publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(version_support=True),
            hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown, lsp.MarkupKind.PlainText]),
            completion=lsp.CompletionClientCapabilities(completion_item=lsp.ClientCompletionItemOptions(
                documentation_format=[lsp.MarkupKind.Markdown, lsp.MarkupKind.PlainText])),
            rename=lsp.RenameClientCapabilities(prepare_support=True)))
    if settings is not None:
        client.set_configuration(settings.get("argmap", {}), section="argmap")
    await client.initialize_session(lsp.InitializeParams(
        capabilities=capabilities, root_uri=uri(root),
        workspace_folders=[lsp.WorkspaceFolder(uri=uri(root), name=root.name)]))
    if settings is not None:  # the server asks for them after `initialized`: wait until it has them
        loop = asyncio.get_running_loop()
        deadline = loop.time() + DEADLINE
        while not any("settings applied" in m.message for m in client.log_messages):
            if loop.time() > deadline:
                raise AssertionError("the server never applied the settings it asked for")
            await asyncio.sleep(0.01)


async def diagnostics_for(client: LanguageClient, doc_uri: str, version: int) -> list[lsp.Diagnostic]:
    """The diagnostics the server publishes for this version of the document (waiting for them)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE
    while loop.time() < deadline:
        for params in reversed(client.published):  # type: ignore[attr-defined]
            if params.uri == doc_uri and params.version == version:
                return list(params.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {doc_uri} version {version} within {DEADLINE} s")


def essays_dir() -> Path | None:
    """The essays, found as the rest of the suite finds them ($ARGMAP_SOURCES, or ../shared/essays)."""
    try:
        from conftest import essays_dir as found
    except ImportError:
        return next((p for p in [ROOT.parent / "shared" / "essays"] if (p / "2021-peninsula-stalemate.txt").is_file()),
                    None)
    return found()


def open_text(client: LanguageClient, doc_uri: str, text: str, version: int = 1) -> None:
    """Open a document; what was published for an earlier document of this uri is forgotten."""
    client.published[:] = [p for p in client.published if p.uri != doc_uri]  # type: ignore[attr-defined]
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=doc_uri, language_id="yaml", version=version, text=text)))


def close(client: LanguageClient, doc_uri: str) -> None:
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=doc_uri)))


def change_text(client: LanguageClient, doc_uri: str, text: str, version: int) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=doc_uri, version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))


def position(text: str, needle: str, offset: int = 0, occurrence: int = 1) -> lsp.Position:
    """The position of the nth occurrence of needle (plus offset characters), in UTF-16 units."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    column = text[text.rfind("\n", 0, index) + 1:index]
    return lsp.Position(line=line, character=len(column.encode("utf-16-le")) // 2)


def text_at(text: str, rng: lsp.Range) -> str:
    """The text a single-line range covers (UTF-16 units)."""
    line = text.split("\n")[rng.start.line].encode("utf-16-le")
    return line[rng.start.character * 2:rng.end.character * 2].decode("utf-16-le")


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """A text with LSP edits applied (last first, so that earlier positions hold)."""
    lines = text.split("\n")

    def offset(pos: lsp.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:pos.line])
        units = lines[pos.line].encode("utf-16-le")[: pos.character * 2].decode("utf-16-le")
        return before + len(units)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text
