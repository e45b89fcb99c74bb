"""The language server end to end: `argmap lsp` in a subprocess, driven over stdio by pytest-lsp's client.

One server serves the whole module, on a copy of maps/ in a temporary workspace, with the essays as
its sources (when they are at hand). Each test opens its own documents and closes them.
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
from pathlib import Path

import pytest

try:
    import pytest_lsp
    from lsprotocol import types as lsp
    from pygls.exceptions import JsonRpcException
    from pytest_lsp import LanguageClient
except ImportError:  # pragma: no cover - the lsp extra is part of the test extra
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise
    pytest.skip("pytest-lsp is not installed (pip install -e '.[test]')", allow_module_level=True)

from lsp_helpers import (
    ESSAY,
    MAPS,
    apply_edits,
    change_text,
    close,
    config,
    diagnostics_for,
    essays_dir,
    initialize,
    open_text,
    position,
    text_at,
    uri,
)

import argmap
from argmap.lsp.analysis import is_argmap_text

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]

ESSAYS = essays_dir()
LINKS = "links/2019-02-15-zhang-finding-a-solution--2021-peninsula-stalemate.yaml"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A copy of the bundled maps, their links file and the example's source text."""
    root = tmp_path_factory.mktemp("workspace")
    shutil.copytree(MAPS, root / "maps", ignore=shutil.ignore_patterns("*.md"))
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    await initialize(lsp_client, workspace, {"argmap": {"sources": [str(ESSAYS)] if ESSAYS else []}})
    yield
    await lsp_client.shutdown_session()


def needs_essays() -> None:
    if ESSAYS is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("the essays are not at ../shared/essays and ARGMAP_SOURCES is not set")
        pytest.skip("the essays are not at hand")


async def opened(client: LanguageClient, path: Path, text: str | None = None) -> tuple[str, str, list]:
    """Open a file (its text on disk, or the text given) and wait for its first diagnostics."""
    text = path.read_text(encoding="utf-8") if text is None else text
    doc = uri(path)
    open_text(client, doc, text)
    return doc, text, await diagnostics_for(client, doc, 1)


def doc_id(doc: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri=doc)


# --- diagnostics -----------------------------------------------------------------------------------

async def test_the_bundled_maps_and_links_file_have_no_diagnostics(client: LanguageClient, workspace: Path):
    needs_essays()
    for path in [*sorted((workspace / "maps").glob("*.yaml")), workspace / "maps" / LINKS]:
        doc, _, found = await opened(client, path)
        assert found == [], f"{path.name}: {[d.message for d in found]}"
        close(client, doc)


@pytest.mark.parametrize("folder", ["invalid", "hostile"])
async def test_broken_files_get_the_problems_validate_gives(client: LanguageClient, workspace: Path, folder: str):
    """Every fixture that must fail: the same codes, places, severities and hints as argmap.validate_text."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / folder
    checked = 0
    for fixture in sorted(fixtures.glob("*.yaml")):
        raw = fixture.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # an editor cannot hold bytes that are not UTF-8
        path = workspace / folder / fixture.name
        path.parent.mkdir(exist_ok=True)
        if not is_argmap_text(text):
            text = "argmap: 1\n" + text  # the server serves argmap files only: make it one
        doc = uri(path)
        open_text(client, doc, text)
        found = await diagnostics_for(client, doc, 1)
        expected = argmap.validate_text(text, name=str(path), sources=ESSAYS)
        assert [(d.code, d.range.start.line + 1, d.severity == lsp.DiagnosticSeverity.Error) for d in found] \
            == [(p.code, p.line, p.is_error) for p in expected], fixture.name
        for diagnostic, problem in zip(found, expected, strict=False):
            assert diagnostic.source == "argmap"
            assert diagnostic.message.startswith(problem.message)
            if problem.hint:
                assert diagnostic.message.endswith("hint: " + problem.hint)
            line = re.split(r"\r\n|\r|\n", text)[problem.line - 1]
            assert diagnostic.range.start.character == len(line[:problem.column - 1].encode("utf-16-le")) // 2
        close(client, doc)
        checked += 1
    assert checked > 20


async def test_a_range_is_counted_in_utf16_units_after_curly_quotes_and_emoji(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace(
        "  emergency-objection:\n    claim: emergencies\n    target: ban-phones\n",
        "  emergency-objection: {note: \"\u201c\U0001F4F1\u201d \u2014 a note\", claim: emergencies,"
        " target: ban-phone}\n")
    doc, _, found = await opened(client, workspace / "maps" / "utf16.yaml", text)
    unknown = [d for d in found if d.code == "unknown-ref"]
    assert len(unknown) == 1
    assert text_at(text, unknown[0].range) == "ban-phone"
    assert unknown[0].range.start == position(text, "ban-phone}")
    close(client, doc)


async def test_quotes_are_checked_against_a_source_beside_a_map_outside_the_repository(client: LanguageClient,
                                                                                          tmp_path: Path):
    """No modeline, no settings: the source lies beside the map, as `validate` finds it."""
    shutil.copy(MAPS / "school-phones.txt", tmp_path / "school-phones.txt")
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    text = text.replace("# yaml-language-server: $schema=../schema/argmap.schema.json\n", "")
    text = text.replace("quote: Phones distract students\n", "quote: Phones distract pupils\n")
    doc, _, found = await opened(client, tmp_path / "mine.yaml", text)
    assert [d.code for d in found] == ["quote-not-found"]
    assert found[0].severity == lsp.DiagnosticSeverity.Error
    assert "closest passage" in found[0].message
    close(client, doc)


async def test_a_map_in_a_folder_whose_name_is_percent_encoded_in_its_uri(client: LanguageClient, workspace: Path):
    folder = workspace / "my maps \u00e9t\u00e9"
    folder.mkdir()
    shutil.copy(MAPS / "school-phones.txt", folder / "school-phones.txt")
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace("[phones-distract,", "[phones-distrakt,")
    doc, _, found = await opened(client, folder / "school-phones.yaml", text)
    assert "%20" in doc
    assert [d.code for d in found] == ["unknown-ref"]
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=doc_id(doc), position=position(text, "[ban-is-fair", 3)))
    assert "school-phones.txt, line" in hover.contents.value
    close(client, doc)


async def test_other_yaml_files_are_left_alone(client: LanguageClient, workspace: Path):
    other = uri(workspace / "ci.yaml")
    open_text(client, other, "on: [push]\njobs: {}\n")
    doc, _, _ = await opened(client, workspace / "maps" / "school-phones.yaml")
    assert all(p.uri != other for p in client.published)
    close(client, doc)
    close(client, other)


async def test_a_half_typed_file_never_stops_the_server(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    doc, _, _ = await opened(client, workspace / "maps" / "typing.yaml", text)
    version = 1
    for cut in range(len(text) - 1, 0, -97):  # the file as it stood while being typed, from the end
        version += 1
        change_text(client, doc, text[:cut], version)
        found = await diagnostics_for(client, doc, version)
        assert all(d.range.start.line <= text[:cut].count("\n") for d in found)
    hover = await client.text_document_hover_async(lsp.HoverParams(text_document=doc_id(doc),
                                                                   position=lsp.Position(line=0, character=0)))
    assert hover is None
    close(client, doc)


async def test_a_burst_of_changes_is_checked_once_at_its_end(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    doc, _, _ = await opened(client, workspace / "maps" / "burst.yaml", text)
    for version in range(2, 12):  # ten keystrokes, faster than the debounce
        change_text(client, doc, text.replace("ban-phones\n", "ban-phone" + "s" * (version % 2) + "\n", 1), version)
    await diagnostics_for(client, doc, 11)
    published = [p.version for p in client.published if p.uri == doc]
    assert published[0] == 1
    assert published[-1] == 11
    assert len(published) <= 3, f"stale versions were checked and published: {published}"
    close(client, doc)


# --- navigation ------------------------------------------------------------------------------------

async def definition_of(client: LanguageClient, doc: str, text: str, needle: str, offset: int = 1):
    found = await client.text_document_definition_async(lsp.DefinitionParams(
        text_document=doc_id(doc), position=position(text, needle, offset)))
    return found[0] if isinstance(found, list) else found


async def test_go_to_definition_of_every_kind_of_reference(client: LanguageClient, workspace: Path):
    doc, text, _ = await opened(client, workspace / "maps" / "school-phones.yaml")
    cases = [  # (a place in the text, how far into it the cursor is, the key it leads to)
        ("[phones-distract", 3, "  phones-distract:"),  # a premise in a flow list
        ("conclusion: phones-distract", 14, "  phones-distract:"),  # a conclusion
        ("claim: emergencies", 9, "  emergencies:"),  # an objection's claim
        ("target: distraction-argument", 10, "  distraction-argument:"),  # an undercut's target: an argument
        ("thesis: ban-phones", 8, "  ban-phones:"),  # the thesis, at the first character
        ("actor: schools", 14, "  schools:"),  # an actor, right after the last character
        ("[schools, parents]", 12, "  parents:"),  # an actor in a list
        ("section: replies", 11, "  replies:"),  # a section
    ]
    lines = text.split("\n")
    for needle, offset, key in cases:
        location = await definition_of(client, doc, text, needle, offset)
        assert location is not None, needle
        assert location.uri == doc
        assert lines[location.range.start.line].startswith(key), needle
        assert text_at(text, location.range) == key.strip(" :")
    close(client, doc)


async def test_definition_from_a_links_file_leads_into_the_map_on_that_side(client: LanguageClient, workspace: Path):
    links = workspace / "maps" / LINKS
    doc, text, _ = await opened(client, links)
    location = await definition_of(client, doc, text, "- a: mistrust", 5)
    assert location.uri == uri(workspace / "maps" / "2019-02-15-zhang-finding-a-solution.yaml")
    target = (workspace / "maps" / "2019-02-15-zhang-finding-a-solution.yaml").read_text(encoding="utf-8")
    assert text_at(target, location.range) == "mistrust"
    assert target.split("\n")[location.range.start.line] == "  mistrust:"
    location = await definition_of(client, doc, text, "b: ../2021-peninsula-stalemate.yaml", 5)
    assert location.uri == uri(workspace / "maps" / "2021-peninsula-stalemate.yaml")
    close(client, doc)


@pytest.mark.usefixtures("needs_dot")
async def test_a_links_file_has_hovers_an_outline_and_a_preview(client: LanguageClient, workspace: Path):
    doc, text, _ = await opened(client, workspace / "maps" / LINKS)
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=doc_id(doc), position=position(text, "b: cause-lack-of-trust", 5)))
    assert "**claim** `cause-lack-of-trust`" in hover.contents.value  # a claim of map b, from map b's file
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc_id(doc)))
    links = next(s for s in symbols if s.name == "links")
    assert links.children[0].name == "mistrust \u2194 cause-lack-of-trust"
    assert links.children[0].detail == "same"
    answer = await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command="argmap.preview", arguments=[{"uri": doc}]))
    assert "<svg" in Path(answer["path"]).read_text(encoding="utf-8")
    close(client, doc)


async def test_references_include_the_links_file(client: LanguageClient, workspace: Path):
    doc, text, _ = await opened(client, workspace / "maps" / "2019-02-15-zhang-finding-a-solution.yaml")
    found = await client.text_document_references_async(lsp.ReferenceParams(
        text_document=doc_id(doc), position=position(text, "  mistrust:", 3),
        context=lsp.ReferenceContext(include_declaration=True)))
    in_map = [r for r in found if r.uri == doc]
    in_links = [r for r in found if r.uri == uri(workspace / "maps" / LINKS)]
    assert len(in_map) == text.count("mistrust]") + text.count("mistrust,") + text.count("[mistrust") \
        - text.count("[mistrust]") + 1
    assert all(text_at(text, r.range) == "mistrust" for r in in_map)
    assert len(in_links) == 1
    without = await client.text_document_references_async(lsp.ReferenceParams(
        text_document=doc_id(doc), position=position(text, "  mistrust:", 3),
        context=lsp.ReferenceContext(include_declaration=False)))
    assert len(without) == len(found) - 1
    close(client, doc)


async def test_document_symbols_outline_the_map(client: LanguageClient, workspace: Path):
    doc, _, _ = await opened(client, workspace / "maps" / "school-phones.yaml")
    model = argmap.load(MAPS / "school-phones.yaml")
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc_id(doc)))
    groups = {s.name: s for s in symbols}
    assert [c.name for c in groups["claims"].children] == list(model.claims)
    assert [c.name for c in groups["arguments"].children] == list(model.arguments)
    assert [c.name for c in groups["objections"].children] == list(model.objections)
    assert [c.name for c in groups["sections"].children] == ["case", "replies"]
    assert [c.name for c in groups["actors"].children] == ["schools", "parents"]
    first = groups["claims"].children[0]
    assert first.detail == model.claims["ban-phones"].text
    assert first.range.start.line <= first.selection_range.start.line <= first.range.end.line
    assert first.range.end.line < groups["claims"].children[1].range.start.line
    assert groups["arguments"].children[0].detail == \
        "phones-distract, distraction-harms, learning-matters \u2192 ban-phones"
    close(client, doc)


async def test_hover_shows_the_claim_and_where_its_quote_stands(client: LanguageClient, workspace: Path):
    doc, text, _ = await opened(client, workspace / "maps" / "school-phones.yaml")
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=doc_id(doc), position=position(text, "[phones-distract", 3)))
    shown = hover.contents.value
    assert "**claim** `phones-distract` (premise)" in shown
    assert "Phones distract students." in shown
    source = (MAPS / "school-phones.txt").read_text(encoding="utf-8")
    line = source[:source.index("Phones distract students")].count("\n") + 1
    assert f"school-phones.txt, line {line}" in shown
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=doc_id(doc), position=position(text, "target: distraction-argument", 10)))
    assert "**argument** `distraction-argument`" in hover.contents.value
    assert "\u2234 `ban-phones`" in hover.contents.value
    close(client, doc)


# --- completion ------------------------------------------------------------------------------------

async def labels_at(client: LanguageClient, doc: str, at: lsp.Position) -> list[str]:
    found = await client.text_document_completion_async(lsp.CompletionParams(text_document=doc_id(doc), position=at))
    return [item.label for item in (found.items if found else [])]


async def test_completion_offers_what_fits_where_the_cursor_is(client: LanguageClient, workspace: Path):
    path = workspace / "maps" / "complete.yaml"
    base = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    model = argmap.load(MAPS / "school-phones.yaml")
    claims = list(model.claims)
    cases = [  # (text before the cursor, replacing, what must be offered)
        ("    premises: [phones-distract, distraction-harms, ",
         "    premises: [phones-distract, distraction-harms, learning-matters]", claims),
        ("    conclusion: ", "    conclusion: phones-distract", claims),
        ("thesis: ", "thesis: ban-phones", claims),
        ("    claim: ", "    claim: emergencies", claims),
        ("    target: ", "    target: distraction-argument", claims + list(model.arguments)),
        ("    role: ", "    role: evidence", ["thesis", "conclusion", "premise", "evidence", "recommendation",
                                             "prediction", "context"]),
        ("    actor: [schools, ", "    actor: [schools, parents]", ["schools", "parents"]),
        ("    section: ", "    section: replies", ["case", "replies"]),
    ]
    version = 0
    for before, replacing, expected in cases:
        text = base.replace(replacing, before, 1)
        assert text != base, replacing
        version += 1
        if version == 1:
            open_text(client, uri(path), text)
        else:
            change_text(client, uri(path), text, version)
        found = await labels_at(client, uri(path), position(text, before, len(before)))
        assert found[:len(expected)] == expected or set(expected) <= set(found), before
        assert set(found) <= set(expected) | {"consequences"}, before
    text = base.replace("    scheme: fairness", "    scheme: ", 1)
    change_text(client, uri(path), text, version + 1)
    schemes = await labels_at(client, uri(path), position(text, "    scheme: \n", 12))
    assert {"consequences", "cause-to-effect"} <= set(schemes)  # the schemes of the format, and those used here
    close(client, uri(path))


async def test_completion_works_while_the_yaml_is_broken(client: LanguageClient, workspace: Path):
    path = workspace / "maps" / "broken.yaml"
    base = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    doc, _, _ = await opened(client, path, base)
    text = base.replace("    premises: [attention-lost]", "    premises: [attention-lost, phon", 1)
    change_text(client, doc, text, 2)
    assert any(d.code == "yaml-syntax" for d in await diagnostics_for(client, doc, 2))
    found = await client.text_document_completion_async(lsp.CompletionParams(
        text_document=doc_id(doc), position=position(text, "attention-lost, phon", 20)))
    assert "phones-distract" in [item.label for item in found.items]
    edit = next(item for item in found.items if item.label == "phones-distract").text_edit
    assert text_at(text, edit.range) == "phon"
    block = base.replace("    premises: [ban-is-fair]", "    premises:\n      - ban-is-fair\n      - ", 1)
    change_text(client, doc, block, 3)
    found = await labels_at(client, doc, position(block, "      - ban-is-fair\n      - ", 28))
    assert "emergencies" in found
    close(client, doc)


async def test_completion_in_a_links_file_offers_each_side_claims_and_relations(client: LanguageClient,
                                                                                 workspace: Path):
    path = workspace / "maps" / "links" / "new.yaml"
    text = ("argmap-links: 1\nmaps:\n  a: ../2019-02-15-zhang-finding-a-solution.yaml\n"
            "  b: ../2021-peninsula-stalemate.yaml\nlinks:\n  - a: mis\n    b: \n    relation: \n")
    doc, _, _ = await opened(client, path, text)
    side_a = await labels_at(client, doc, position(text, "a: mis", 6))
    side_b = await labels_at(client, doc, position(text, "    b: \n", 7))
    relations = await labels_at(client, doc, position(text, "relation: \n", 10))
    assert "mistrust" in side_a
    assert "cause-lack-of-trust" not in side_a
    assert "cause-lack-of-trust" in side_b
    assert "mistrust" not in side_b
    assert relations == ["same", "recast", "contradicts", "develops"]
    close(client, doc)


# --- rename ----------------------------------------------------------------------------------------

async def test_rename_changes_the_map_and_the_links_file(client: LanguageClient, workspace: Path):
    map_path = workspace / "maps" / "2019-02-15-zhang-finding-a-solution.yaml"
    links_path = workspace / "maps" / LINKS
    doc, text, _ = await opened(client, map_path)
    at = position(text, "  mistrust:", 4)
    prepared = await client.text_document_prepare_rename_async(lsp.PrepareRenameParams(
        text_document=doc_id(doc), position=at))
    assert prepared.placeholder == "mistrust"
    assert text_at(text, prepared.range) == "mistrust"
    edit = await client.text_document_rename_async(lsp.RenameParams(text_document=doc_id(doc), position=at,
                                                                    new_name="trust-deficit"))
    assert set(edit.changes) == {doc, uri(links_path)}
    new_map = apply_edits(text, edit.changes[doc])
    new_links = apply_edits(links_path.read_text(encoding="utf-8"), edit.changes[uri(links_path)])
    assert "\n  mistrust:" not in new_map
    assert "\n  trust-deficit:" in new_map
    assert argmap.validate_text(new_map, name=str(map_path)) == []
    assert "- a: trust-deficit\n" in new_links
    # no link names the old id (a note may still mention the tension factor-a-against-mistrust, as text)
    assert not re.search(r"\b[ab]: mistrust\b", new_links)
    close(client, doc)


async def test_rename_from_the_links_file_renames_in_the_map_it_names(client: LanguageClient, workspace: Path):
    links_path = workspace / "maps" / LINKS
    doc, text, _ = await opened(client, links_path)
    edit = await client.text_document_rename_async(lsp.RenameParams(
        text_document=doc_id(doc), position=position(text, "b: cause-lack-of-trust", 5), new_name="no-trust"))
    other = uri(workspace / "maps" / "2021-peninsula-stalemate.yaml")
    assert set(edit.changes) == {doc, other}
    assert all(e.new_text == "no-trust" for edits in edit.changes.values() for e in edits)
    assert len(edit.changes[doc]) == text.count("b: cause-lack-of-trust\n")
    close(client, doc)


async def test_rename_refuses_an_id_that_is_taken_or_malformed(client: LanguageClient, workspace: Path):
    doc, text, _ = await opened(client, workspace / "maps" / "school-phones.yaml")
    at = position(text, "  emergencies:", 4)
    for bad, why in (("phones-distract", "already an id"), ("two words", "not an id"), ("", "not an id")):
        with pytest.raises(JsonRpcException, match=why):
            await client.text_document_rename_async(lsp.RenameParams(text_document=doc_id(doc), position=at,
                                                                     new_name=bad))
    close(client, doc)


# --- quick fixes -----------------------------------------------------------------------------------

async def fixed(client: LanguageClient, path: Path, text: str, code: str, title: str) -> str:
    """Open text, take the quick fix with this title for the problem with this code, and apply it."""
    doc = uri(path)
    open_text(client, doc, text)
    found = [d for d in await diagnostics_for(client, doc, 1) if d.code == code]
    assert found, f"no {code} in {path.name}"
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=doc_id(doc), range=found[0].range, context=lsp.CodeActionContext(diagnostics=found)))
    chosen = [a for a in actions if a.title.startswith(title)]
    assert chosen, f"no '{title}' among {[a.title for a in actions]}"
    assert chosen[0].kind == lsp.CodeActionKind.QuickFix
    assert chosen[0].diagnostics[0].code == code
    result = apply_edits(text, chosen[0].edit.changes[doc])
    close(client, doc)
    return result


async def test_quick_fix_did_you_mean(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace(
        "[phones-distract, distraction-harms", "[phones-distract, distraction-harm", 1)
    result = await fixed(client, workspace / "maps" / "fix-ref.yaml", text, "unknown-ref",
                         "Change to 'distraction-harms'")
    assert result == (MAPS / "school-phones.yaml").read_text(encoding="utf-8")


async def test_quick_fix_closest_passage(client: LanguageClient, workspace: Path):
    original = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    text = original.replace("quote: A ban is also fair, because it applies to every student alike.",
                            "quote: A ban is fair, because it applies to every student alike.", 1)
    result = await fixed(client, workspace / "maps" / "fix-quote.yaml", text, "quote-not-found",
                         "Use the closest passage")
    problems = argmap.validate_text(result, name=str(workspace / "maps" / "fix-quote.yaml"))
    assert [p.code for p in problems] == []
    assert "it applies to every student alike" in result


async def test_quick_fix_closest_passage_keeps_the_essay_s_own_characters(client: LanguageClient, workspace: Path):
    needs_essays()
    original = ESSAY.read_text(encoding="utf-8")
    quote = "The Korean Peninsula with a frozen status quo will still be full of security risks"
    assert quote in original
    text = original.replace(quote, quote.replace("still be full", "be full"), 1)
    result = await fixed(client, workspace / "maps" / ESSAY.name, text, "quote-not-found", "Use the closest passage")
    assert argmap.validate_text(result, name=str(workspace / "maps" / ESSAY.name), sources=ESSAYS) == []


async def test_quick_fix_quote_this_text(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace(
        "    text: Phones distract students.", "    text: Phones distract students: a lot.  # the trap", 1)
    result = await fixed(client, workspace / "maps" / "fix-colon.yaml", text, "yaml-syntax", "Quote this text")
    assert "text: 'Phones distract students: a lot.'  # the trap" in result or \
        'text: "Phones distract students: a lot."  # the trap' in result
    assert argmap.validate_text(result, name=str(workspace / "maps" / "fix-colon.yaml")) == []
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace(
        "    text: Phones distract students.", "    text: Phones distract students,\n      and they do: a lot.", 1)
    result = await fixed(client, workspace / "maps" / "fix-colon.yaml", text, "yaml-syntax", "Quote this text")
    assert "    text: 'Phones distract students, and they do: a lot.'\n" in result
    assert argmap.validate_text(result, name=str(workspace / "maps" / "fix-colon.yaml")) == []


async def test_quick_fix_mark_implicit(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace(
        "    quote: A ban is also fair, because it applies to every student alike.\n", "", 1)
    result = await fixed(client, workspace / "maps" / "fix-implicit.yaml", text, "missing-quote",
                         "Mark 'ban-is-fair' implicit")
    assert "    text: A ban is fair, because it applies to every student alike.\n    implicit: true\n" in result
    assert argmap.validate_text(result, name=str(workspace / "maps" / "fix-implicit.yaml")) == []


async def test_quick_fix_mark_implicit_in_a_flow_mapping(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace(
        "  ban-is-fair:\n    text: A ban is fair, because it applies to every student alike.\n"
        "    quote: A ban is also fair, because it applies to every student alike.\n"
        "    role: premise\n    section: case\n    tags: [fairness]\n",
        "  ban-is-fair: {text: \u201cA ban is fair\u201d \u2014 alike, section: case}\n", 1)
    result = await fixed(client, workspace / "maps" / "fix-flow.yaml", text, "missing-quote",
                         "Mark 'ban-is-fair' implicit")
    assert "  ban-is-fair: {text: \u201cA ban is fair\u201d \u2014 alike, section: case, implicit: true}\n" in result
    assert argmap.validate_text(result, name=str(workspace / "maps" / "fix-flow.yaml")) == []


async def test_quick_fix_source_hash(client: LanguageClient, workspace: Path):
    original = (MAPS / "school-phones.yaml").read_text(encoding="utf-8")
    text = original.replace("sha256: aa1ec6", "sha256: 001ec6", 1)
    result = await fixed(client, workspace / "maps" / "fix-hash.yaml", text, "source-hash", "Update source.sha256")
    assert result == original
    text = original.replace("  sha256: aa1ec6e7a4e11f7f8fdf5263bab2c344448614201ad19bcdc1f666be7a9a404b\n", "", 1)
    result = await fixed(client, workspace / "maps" / "fix-hash.yaml", text, "source-hash-missing", "Add source.sha256")
    assert argmap.validate_text(result, name=str(workspace / "maps" / "fix-hash.yaml")) == []


# --- the preview -----------------------------------------------------------------------------------

@pytest.mark.usefixtures("needs_dot")
async def test_preview_draws_the_page_and_redraws_it_on_save(client: LanguageClient, workspace: Path):
    path = workspace / "maps" / "school-phones.yaml"
    doc, text, _ = await opened(client, path)
    answer = await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command="argmap.preview", arguments=[doc]))
    page = Path(answer["path"])
    assert page.suffix == ".html"
    assert "<svg" in page.read_text(encoding="utf-8")
    assert answer["uri"] == uri(page)
    changed = text.replace("text: Phones distract students.", "text: Phones distract every student.", 1)
    change_text(client, doc, changed, 2)
    await diagnostics_for(client, doc, 2)
    path.write_text(changed, encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=doc_id(doc)))
    for _ in range(300):
        if client.previews:
            break
        await asyncio.sleep(0.05)
    assert client.previews
    assert client.previews[-1].path == str(page)
    assert "every student" in page.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    close(client, doc)


async def test_preview_of_an_invalid_map_says_why_not(client: LanguageClient, workspace: Path):
    text = (MAPS / "school-phones.yaml").read_text(encoding="utf-8").replace("thesis: ban-phones", "thesis: nope", 1)
    doc, _, _ = await opened(client, workspace / "maps" / "invalid-preview.yaml", text)
    with pytest.raises(JsonRpcException, match=r"needs a valid file: 1 error, the first on line \d+"):
        await client.workspace_execute_command_async(lsp.ExecuteCommandParams(command="argmap.preview",
                                                                              arguments=[doc]))
    close(client, doc)
