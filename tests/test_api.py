"""The public API (argmap.__all__): one test per job (load, loads, validate, validate_text, load_links, load_style,
render, render_comparison, compare, export, import_map, coverage), the model, the errors, and the package's names."""
from __future__ import annotations

import dataclasses
import pkgutil
import types

import pytest
from conftest import FIXTURES, MAPS, fake_dot

import argmap
from argmap.model import REBUT, UNDERCUT


def test_load_builds_immutable_model():
    model = argmap.load(MAPS / "school-phones.yaml")
    assert model.id == "school-phones"
    assert model.thesis == "ban-phones"
    thesis = model.claims["ban-phones"]
    assert thesis.role == "thesis"
    assert thesis.quotes == ("Schools should ban phones in class.",)
    assert model.claims["learning-matters"].implicit
    assert model.claims["learning-matters"].quotes == ()
    assert model.claims["office-phone"].actors == ("schools", "parents")
    assert model.arguments["distraction-argument"].premises == (
        "phones-distract", "distraction-harms", "learning-matters")
    assert model.objections["other-distractions"].kind == UNDERCUT
    assert model.objections["emergency-objection"].kind == REBUT
    assert [a.id for a in model.arguments_for("ban-phones")] == ["distraction-argument", "fairness-argument"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        thesis.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        model.claims["new"] = thesis  # type: ignore[index]


def test_default_roles():
    model = argmap.load(FIXTURES / "valid" / "minimal.yaml")
    assert model.claims["t"].role == "thesis"
    assert model.claims["p"].role == "premise"


def test_load_of_invalid_map_raises_with_every_error():
    with pytest.raises(argmap.InvalidMap) as caught:
        argmap.load(FIXTURES / "invalid" / "unknown-premise.yaml")
    assert [p.code for p in caught.value.problems] == ["unknown-ref"]
    assert "unknown-premise.yaml:9:38" in str(caught.value)


def test_validate_takes_files_and_folders():
    problems = argmap.validate([FIXTURES / "invalid" / "bad-role.yaml", FIXTURES / "valid"])
    assert [(p.code, p.line) for p in problems] == [("schema-enum", 6)]
    assert argmap.validate(MAPS / "school-phones.yaml") == []


# --- one test per job of the public API ----------------------------------------------------------------------------

LINKS = FIXTURES / "compare" / "links" / "a--b.yaml"


def test_load_of_a_links_file_raises_wrong_kind():
    with pytest.raises(argmap.WrongKind) as caught:
        argmap.load(LINKS)
    assert isinstance(caught.value, argmap.UsageError)
    assert caught.value.exit_code == 2
    assert caught.value.found == "links file"
    assert caught.value.wanted == "map"
    assert f"{LINKS} is a links file, not a map" in str(caught.value)


def test_load_checks_quotes_against_sources(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "school-phones.txt").write_text("Nothing of what the map quotes.\n")
    path = tmp_path / "m.yaml"
    path.write_text((MAPS / "school-phones.yaml").read_text())
    with pytest.raises(argmap.InvalidMap) as caught:
        argmap.load(path, sources=tmp_path / "texts")
    assert {p.code for p in caught.value.problems} == {"quote-not-found", "source-hash"}
    assert argmap.load(MAPS / "school-phones.yaml", sources=MAPS).id == "school-phones"


def test_loads_builds_a_model_from_text_and_names_it_in_problems():
    text = (FIXTURES / "valid" / "minimal.yaml").read_text()
    model = argmap.loads(text, name="draft.yaml")
    assert model.id == "minimal"
    assert set(model.claims) == {"t", "p"}
    with pytest.raises(argmap.InvalidMap) as caught:
        argmap.loads(text.replace("premises: [p]", "premises: [q]"), name="draft.yaml")
    assert [(p.file, p.line, p.column, p.code) for p in caught.value.problems] == [("draft.yaml", 9, 33, "unknown-ref")]
    with pytest.raises(argmap.WrongKind):
        argmap.loads(LINKS.read_text())


def test_validate_text_returns_the_problems_of_unsaved_text():
    assert argmap.validate_text((FIXTURES / "valid" / "minimal.yaml").read_text(), name="draft.yaml") == []
    problems = argmap.validate_text("argmap: 1\nid: x\n", name="draft.yaml")
    assert problems
    assert all(p.file == "draft.yaml" for p in problems)
    assert {p.code for p in problems} >= {"missing-thesis", "schema-required"}
    assert [p.code for p in argmap.validate_text("a: 1\na: 2\n")] == ["duplicate-key"]


def test_load_links_gives_both_maps_and_the_links():
    links = argmap.load_links(LINKS)
    assert isinstance(links, argmap.LinkSet)
    assert links.title == "A and B"
    assert (links.a.id, links.b.id) == ("cmp-a", "cmp-b")
    assert [(k.a, k.b, k.relation) for k in links.links][:2] == [
        ("trust", "mistrust", "same"), ("sanctions", "phased", "recast")]
    assert all(isinstance(k, argmap.Link) for k in links.links)
    with pytest.raises(argmap.WrongKind):
        argmap.load_links(FIXTURES / "compare" / "a.yaml")
    with pytest.raises(argmap.InvalidMap) as caught:
        argmap.load_links(FIXTURES / "links-invalid" / "unknown-claim.yaml")
    assert [p.code for p in caught.value.problems] == ["unknown-ref"]


def test_load_style_reads_a_style_file_or_raises_with_its_problems(tmp_path):
    good = tmp_path / "style.yaml"
    good.write_text('argmap-style: 1\nfont: DejaVu Sans\nroles:\n  thesis: {fill: "#56B4E9", label: MAIN CLAIM}\n')
    style = argmap.load_style(good)
    assert isinstance(style, argmap.Style)
    assert style.font == "DejaVu Sans"
    assert style.role("thesis") == ("#56B4E9", "MAIN CLAIM")
    bad = tmp_path / "bad.yaml"
    bad.write_text('support: red\n')
    with pytest.raises(argmap.InvalidMap) as caught:
        argmap.load_style(bad)
    assert [(p.line, p.column) for p in caught.value.problems] == [(1, 10)]


def test_render_to_dot_needs_no_binary(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "no-such-dot"))
    model = argmap.load(MAPS / "school-phones.yaml")
    dot = argmap.render(model, "dot", argmap.RenderOptions(legend=True))
    assert dot.startswith(b'digraph "school-phones" {')
    assert b"Objecting claim" in dot  # the legend, in the title's label
    with pytest.raises(argmap.UnknownId) as unknown:
        argmap.render(model, "dot", argmap.RenderOptions(focus="ban-phone"))
    assert "did you mean 'ban-phones'?" in str(unknown.value)
    with pytest.raises(argmap.UsageError):
        argmap.render(model, "gif")


@pytest.mark.dot
def test_render_to_svg_and_html_runs_dot():
    model = argmap.load(MAPS / "school-phones.yaml")
    assert b"<svg" in argmap.render(model, "svg")
    page = argmap.render(model, "html", sources=MAPS)
    assert page.startswith(b"<!DOCTYPE html>")
    assert b"school-phones.txt" in page


def test_a_missing_dot_raises_dot_not_found(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "no-such-dot"))
    with pytest.raises(argmap.DotNotFound) as caught:
        argmap.render(argmap.load(MAPS / "school-phones.yaml"), "svg")
    assert isinstance(caught.value, argmap.DotError)
    assert caught.value.exit_code == 3
    assert "install Graphviz" in str(caught.value)


def test_a_failing_dot_raises_dot_failed(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGMAP_DOT", str(fake_dot(tmp_path, 'cat >/dev/null; echo "Error: no" >&2; exit 1')))
    with pytest.raises(argmap.DotFailed) as caught:
        argmap.render(argmap.load(MAPS / "school-phones.yaml"), "png")
    assert isinstance(caught.value, argmap.DotError)
    assert not isinstance(caught.value, argmap.DotNotFound)
    assert caught.value.exit_code == 4
    assert "Error: no" in str(caught.value)


def test_compare_with_and_without_links():
    a, b = argmap.load(FIXTURES / "compare" / "a.yaml"), argmap.load(FIXTURES / "compare" / "b.yaml")
    linked = argmap.compare(a, b, argmap.load_links(LINKS), cutoff=0.3)
    assert isinstance(linked, argmap.Comparison)
    assert [p.relation for p in linked.explicit] == ["same", "recast", "contradicts", "develops"]
    assert all(isinstance(p, argmap.Pair) for p in linked.explicit)
    reversed_ = argmap.compare(b, a, argmap.load_links(LINKS))  # the links are turned to face the maps
    assert (reversed_.by_relation("same")[0].a.id, reversed_.by_relation("same")[0].b.id) == ("mistrust", "trust")
    alone = argmap.compare(a, b, cutoff=0.2)
    assert alone.explicit == []
    assert ("trust", "mistrust") in {(p.a.id, p.b.id) for p in alone.suggested}
    assert argmap.compare(a, b, suggest=False).suggested == []


def test_render_comparison_to_dot_holds_both_maps():
    a, b = argmap.load(FIXTURES / "compare" / "a.yaml"), argmap.load(FIXTURES / "compare" / "b.yaml")
    dot = argmap.render_comparison(argmap.compare(a, b, argmap.load_links(LINKS)), "dot").decode("utf-8")
    assert dot.startswith("digraph")
    assert "cluster" in dot
    assert "a-claim-trust" in dot
    assert "b-claim-mistrust" in dot
    linked_only = argmap.render_comparison(argmap.compare(a, b, argmap.load_links(LINKS)), "dot", linked_only=True)
    assert b"a-claim-weather" in dot.encode()
    assert b"a-claim-weather" not in linked_only


@pytest.mark.parametrize(("to", "start"), [("argdown", "===\n"), ("aif", "{"), ("markdown", "# "), ("json", "{")])
def test_export_in_each_format(to, start):
    text = argmap.export(argmap.load(MAPS / "school-phones.yaml"), to)
    assert isinstance(text, str)
    assert text.startswith(start)


def test_export_to_an_unknown_format_is_a_usage_error():
    with pytest.raises(argmap.UsageError) as caught:
        argmap.export(argmap.load(MAPS / "school-phones.yaml"), "docx")
    assert "argdown, aif, markdown, json" in str(caught.value)


def test_import_map_from_aif_gives_a_valid_map_and_its_losses():
    imported = argmap.import_map((FIXTURES / "aif" / "minimal.json").read_text(), name="minimal.json")
    assert isinstance(imported, argmap.Imported)
    assert (imported.claims, imported.arguments, imported.objections) == (3, 1, 1)
    assert imported.warnings == ("3 claims have no quote (the format had none to give)",)
    model = argmap.loads(imported.yaml, name="minimal.yaml")
    assert len(model.claims) == 3
    with pytest.raises(argmap.ImportFailed):
        argmap.import_map('{"hello": "world"}', "aif")
    with pytest.raises(argmap.ImportFailed):
        argmap.import_map("not json", name="x.txt")


@pytest.mark.node
def test_import_map_from_argdown():
    imported = argmap.import_map((FIXTURES / "argdown" / "relations.argdown").read_text(), name="relations.argdown")
    assert argmap.loads(imported.yaml).title == "Phones at school"


def test_coverage_of_a_source_beside_the_map():
    report = argmap.measure_coverage(argmap.load(MAPS / "school-phones.yaml"))
    assert isinstance(report, argmap.Coverage)
    assert report.map_id == "school-phones"
    assert report.share == 1.0
    assert report.sentences


def test_coverage_without_its_source_raises_source_not_found(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text((MAPS / "school-phones.yaml").read_text())
    with pytest.raises(argmap.SourceNotFound) as caught:
        argmap.measure_coverage(argmap.load(path))
    assert "school-phones.txt" in str(caught.value)
    assert caught.value.exit_code == 1


# --- the package's names -------------------------------------------------------------------------------------------


def test_every_public_name_is_there():
    assert len(argmap.__all__) == len(set(argmap.__all__))
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name


def test_every_error_is_an_argmap_error_with_its_exit_status():
    errors = {name: getattr(argmap, name) for name in argmap.__all__
              if isinstance(getattr(argmap, name), type) and issubclass(getattr(argmap, name), Exception)
              and not issubclass(getattr(argmap, name), Warning)}
    assert set(errors) == {"ArgmapError", "UsageError", "InvalidMap", "WrongKind", "NoMapFiles", "UnknownId",
                           "OutputIsInput", "CannotWrite", "SourceNotFound", "ImportFailed", "DotError", "DotNotFound",
                           "DotFailed"}
    assert all(issubclass(error, argmap.ArgmapError) for error in errors.values())
    statuses = {name: error.exit_code for name, error in errors.items()}
    assert statuses == {"ArgmapError": 1, "UsageError": 2, "InvalidMap": 1, "WrongKind": 2, "NoMapFiles": 2,
                        "UnknownId": 2, "OutputIsInput": 2, "CannotWrite": 1, "SourceNotFound": 1, "ImportFailed": 1,
                        "DotError": 1, "DotNotFound": 3, "DotFailed": 4}


def test_import_of_a_submodule_gives_the_module():
    namespace: dict = {}
    exec("import argmap.reading.document as m", namespace)  # noqa: S102 - the statement a user writes
    assert isinstance(namespace["m"], types.ModuleType)
    assert namespace["m"].__name__ == "argmap.reading.document"


SUBMODULES = sorted(module.name for module in pkgutil.walk_packages(argmap.__path__, "argmap.")
                    if not module.name.endswith("__main__"))


@pytest.mark.parametrize("name", SUBMODULES)
def test_no_submodule_is_shadowed_by_a_function(name):
    namespace: dict = {}
    exec(f"import {name} as m", namespace)  # noqa: S102 - the statement a user writes
    assert isinstance(namespace["m"], types.ModuleType), f"import {name} as m gives {namespace['m']!r}"
