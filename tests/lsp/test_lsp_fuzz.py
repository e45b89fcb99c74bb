"""Random edits, then every kind of request at random places: the server answers each one, never with an error.

50 sequences run by default (as in CI); ARGMAP_LSP_FUZZ_EXAMPLES=2000 runs more.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

try:
    import pytest_lsp
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from lsprotocol import types as lsp
    from pytest_lsp import LanguageClient
except ImportError:  # pragma: no cover - part of the test extra
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise
    pytest.skip("pytest-lsp is not installed (pip install -e '.[test]')", allow_module_level=True)

from lsp_helpers import (
    MAPS,
    change_text,
    config,
    diagnostics_for,
    initialize,
    open_text,
    uri,
)

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]

EXAMPLES = int(os.environ.get("ARGMAP_LSP_FUZZ_EXAMPLES", "50"))
BASE = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
# What people type into a map, and what breaks YAML: keys, ids, flow brackets, quotes, the ': ' trap, tabs
PIECES = [": ", "- ", "[", "]", "{", "}", ", ", "'", '"', "#", "\n", "\n  ", "\t", "&a ", "*a", "!!python/x ",
          "premises: [", "target: ", "role: ", "actor: ", "quote: ", "implicit: true", "phones-distract",
          "ban-phones", "distraction-argument", "schools", "case", "x", "\u201c", "\u2014", "\U0001F4F1", "\u2028"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copy(MAPS / "school-phones.txt", root / "school-phones.txt")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    await initialize(lsp_client, workspace)
    lsp_client.fuzz_version = 0  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def _position(text: str, fraction: float) -> lsp.Position:
    if fraction > 0.97:  # past the end of the document: a client may ask there
        return lsp.Position(line=text.count("\n") + 3, character=5)
    offset = int(fraction * len(text))
    line = text.count("\n", 0, offset)
    before = text[text.rfind("\n", 0, offset) + 1:offset]
    return lsp.Position(line=line, character=len(before.encode("utf-16-le", "surrogatepass")) // 2)


edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 30), st.lists(st.sampled_from(PIECES), max_size=4)),
                 min_size=1, max_size=5)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=edits, cursors=st.lists(st.floats(0, 1), min_size=1, max_size=3))
async def test_random_edits_and_requests_never_get_an_error(client: LanguageClient, workspace: Path, changes, cursors):
    doc = uri(workspace / "fuzz.yaml")
    text = BASE
    for where, cut, pieces in changes:
        at = int(where * len(text))
        text = text[:at] + "".join(pieces) + text[at + cut:]
        client.fuzz_version += 1  # type: ignore[attr-defined]
        if client.fuzz_version == 1:  # type: ignore[attr-defined]
            open_text(client, doc, text, 1)
        else:
            change_text(client, doc, text, client.fuzz_version)  # type: ignore[attr-defined]
    ident = lsp.TextDocumentIdentifier(uri=doc)
    for fraction in cursors:
        at = _position(text, fraction)
        whole_line = lsp.Range(start=lsp.Position(line=at.line, character=0), end=at)
        await client.text_document_completion_async(lsp.CompletionParams(text_document=ident, position=at))
        await client.text_document_hover_async(lsp.HoverParams(text_document=ident, position=at))
        await client.text_document_definition_async(lsp.DefinitionParams(text_document=ident, position=at))
        await client.text_document_references_async(lsp.ReferenceParams(
            text_document=ident, position=at, context=lsp.ReferenceContext(include_declaration=True)))
        await client.text_document_prepare_rename_async(lsp.PrepareRenameParams(text_document=ident, position=at))
        await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=ident, range=whole_line, context=lsp.CodeActionContext(diagnostics=[])))
    await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=ident))
    found = await diagnostics_for(client, doc, client.fuzz_version)  # type: ignore[attr-defined]
    assert all(d.source == "argmap" and d.code for d in found)
    assert not [m for m in client.log_messages if m.type == lsp.MessageType.Error], \
        [m.message for m in client.log_messages]
