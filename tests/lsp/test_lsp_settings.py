"""The server's settings, given as a client gives them: initializationOptions (Helix), then pushed with
workspace/didChangeConfiguration (VS Code, Neovim); pulled with workspace/configuration is what
test_lsp_server.py's client does."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

try:
    import pytest_lsp
    from lsprotocol import types as lsp
    from pytest_lsp import LanguageClient
except ImportError:  # pragma: no cover - part of the test extra
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise
    pytest.skip("pytest-lsp is not installed (pip install -e '.[test]')", allow_module_level=True)

from lsp_helpers import MAPS, config, diagnostics_for, open_text, uri

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> tuple[Path, Path]:
    """A workspace with a map whose source is not beside it, and a sources folder elsewhere."""
    workspace = tmp_path_factory.mktemp("workspace")
    sources = tmp_path_factory.mktemp("texts")
    shutil.copy(MAPS / "school-phones.txt", sources / "school-phones.txt")
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    (workspace / "mine.yaml").write_text(text.replace("quote: Phones distract students\n",
                                                      "quote: Phones distract pupils\n"), encoding="utf-8")
    return workspace, sources


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, folders: tuple[Path, Path]):
    workspace, sources = folders
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(), root_uri=uri(workspace),
        initialization_options={"sources": [str(sources)]}))
    yield
    await lsp_client.shutdown_session()


async def codes_after(client: LanguageClient, doc: str, settings: dict) -> list[str]:
    client.published[:] = []  # type: ignore[attr-defined]
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    return [d.code for d in await diagnostics_for(client, doc, 1)]


async def test_sources_from_initialization_options_then_from_configuration_changes(client: LanguageClient,
                                                                                  folders: tuple[Path, Path]):
    workspace, sources = folders
    path = workspace / "mine.yaml"
    doc = uri(path)
    open_text(client, doc, path.read_text(encoding="utf-8"))
    assert [d.code for d in await diagnostics_for(client, doc, 1)] == ["quote-not-found"]
    assert await codes_after(client, doc, {"argmap": {"sources": []}}) == []  # no sources: quotes unchecked
    relative = os.path.relpath(sources, workspace)
    assert await codes_after(client, doc, {"argmap": {"sources": relative}}) == ["quote-not-found"]
    missing = await codes_after(client, doc, {"argmap": {"sources": [str(workspace / "nowhere")]}})
    assert missing == ["source-missing"]  # as `validate --sources` says when the source is not there
