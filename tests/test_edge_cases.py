"""Edge cases found in review: each was a traceback, a leak or a silent wrong result before it was fixed."""
from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request

import pytest

import argmap
from argmap.cli import main
from argmap.checking.sources import read_source
from conftest import MAPS, write

MINIMAL = "argmap: 1\nid: m\ntitle: T\nthesis: t\nclaims:\n  t: {text: T, quote: secret}\n  p: {text: P, implicit: true}\n" \
          "arguments:\n  a: {conclusion: t, premises: [p]}\n"


def test_a_symlinked_source_outside_its_folder_is_not_read(tmp_path, runner):
    outside = tmp_path / "outside.txt"
    outside.write_text("MY_SECRET_TOKEN=abc123 and the secret passage")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "essay.txt").symlink_to(outside)
    path = write(folder, "m.yaml", MINIMAL.replace("title: T", "title: T\nsource: {file: essay.txt}"))
    coverage = runner.invoke(main, ["coverage", str(path)])
    assert coverage.exit_code == 1 and "MY_SECRET_TOKEN" not in coverage.output
    validate = runner.invoke(main, ["validate", "--sources", str(folder), str(path)])
    assert "source-missing" in validate.output and "MY_SECRET_TOKEN" not in validate.output


def test_a_changed_source_is_read_again(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("first text")
    assert read_source(source).text == "first text"
    source.write_text("second, longer text")
    assert read_source(source).text == "second, longer text"


def test_links_file_naming_itself_or_another_links_file(tmp_path, runner):
    path = write(tmp_path, "self.yaml", "argmap-links: 1\nmaps: {a: self.yaml, b: self.yaml}\nlinks: []\n")
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    problems = json.loads(result.stdout)["problems"]
    assert {p["code"] for p in problems} == {"links-map-invalid"} and "is a links file" in problems[0]["message"]


@pytest.mark.parametrize("line, replacement, code", [
    ("title: T", "title: " + "1" * 5000, "schema-length"),  # more digits than Python converts: kept as text
    ("title: T", 'title: "a\\x01b"', "control-character"),
    ("title: T", 'title: "\\e]0;PWNED\\a"', "control-character"),
    ("id: m", 'id: "m\\n"', "schema-pattern"),
])
def test_values_that_used_to_crash_or_slip_through(tmp_path, runner, line, replacement, code):
    path = write(tmp_path, "m.yaml", MINIMAL.replace(line + "\n", replacement + "\n"))
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    assert code in {p["code"] for p in json.loads(result.stdout)["problems"]}


def test_output_never_replaces_an_input(tmp_path, runner):
    path = tmp_path / "map.yaml"
    shutil.copy(MAPS / "school-phones.yaml", path)
    before = path.read_bytes()
    for args in (["render", str(path), "-o", str(path), "--format", "svg"],
                 ["export", str(path), "--to", "markdown", "-o", str(path)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and "would be overwritten" in result.output
    assert path.read_bytes() == before
    unknown = runner.invoke(main, ["render", str(path), "-o", str(tmp_path / "out.yaml")])
    assert unknown.exit_code == 2 and "cannot tell the format" in unknown.output


def test_batch_render_refuses_two_maps_with_one_output_name(tmp_path, runner):
    for sub in ("x", "y"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        shutil.copy(MAPS / "school-phones.yaml", tmp_path / "in" / sub / "m.yaml")
    result = runner.invoke(main, ["render", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "dot"])
    assert result.exit_code == 2 and "same file (m.dot)" in result.output


def test_import_needs_force_to_overwrite(tmp_path, runner):
    exported = tmp_path / "m.json"
    assert runner.invoke(main, ["export", str(MAPS / "school-phones.yaml"), "--to", "aif", "-o", str(exported)]).exit_code == 0
    out = tmp_path / "back.yaml"
    out.write_text("precious")
    refused = runner.invoke(main, ["import", str(exported), "-o", str(out)])
    assert refused.exit_code == 1 and "--force" in refused.output and out.read_text() == "precious"
    assert runner.invoke(main, ["import", str(exported), "-o", str(out), "--force"]).exit_code == 0
    created = runner.invoke(main, ["import", str(exported), "-o", str(tmp_path / "new" / "x.yaml")])
    assert created.exit_code == 0 and (tmp_path / "new" / "x.yaml").is_file()  # -o creates a missing folder
    blocked = runner.invoke(main, ["import", str(exported), "-o", str(out / "x.yaml")])  # out is a file
    assert blocked.exit_code == 1 and "cannot write" in blocked.output


def test_import_keeps_texts_that_look_like_numbers(tmp_path, runner):
    document = {"nodes": [{"nodeID": "a", "text": "1e5", "type": "I"}, {"nodeID": "b", "text": "0o17", "type": "I"},
                          {"nodeID": "r", "text": "Default Inference", "type": "RA"}],
                "edges": [{"edgeID": "1", "fromID": "b", "toID": "r"}, {"edgeID": "2", "fromID": "r", "toID": "a"}],
                "locutions": []}
    source = tmp_path / "n.json"
    source.write_text(json.dumps(document))
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "n.yaml"), "--title", "2e3"])
    assert result.exit_code == 0, result.output
    model = argmap.load(tmp_path / "n.yaml")
    assert model.title == "2e3" and {c.text for c in model.claims.values()} == {"1e5", "0o17"}


def test_argdown_export_of_tags_and_actors_with_parentheses(tmp_path, runner):
    from argmap.formats.argdown import argdown_command

    if argdown_command() is None:
        pytest.skip("Argdown's parser is not installed")
    body = MINIMAL.replace("title: T\n", "title: T\nactors: {us: {name: United States (US)}}\n").replace(
        "t: {text: T, quote: secret}", "t: {text: T, quote: secret, tags: [\"x)y\"], actor: us}")
    path = write(tmp_path, "m.yaml", body)
    exported = tmp_path / "m.argdown"
    assert runner.invoke(main, ["export", str(path), "--to", "argdown", "-o", str(exported)]).exit_code == 0
    result = runner.invoke(main, ["import", str(exported), "-o", str(tmp_path / "back.yaml")])
    assert result.exit_code == 0, result.output
    back = argmap.load(tmp_path / "back.yaml")
    assert back.claims["t"].text == "T" and back.claims["t"].tags == ("x)y",) and back.claims["t"].actors == ("us",)


def test_served_preview_shows_only_its_file_to_this_machine(tmp_path):
    from argmap.watch import serve

    (tmp_path / "map.html").write_text("<p>map</p>")
    (tmp_path / ".env").write_text("secret")
    server = serve(tmp_path / "map.html", 0)
    port = server.server_address[1]
    try:
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/map.html").read() == b"<p>map</p>"
        for path, host in (("/.env", None), ("/", None), ("/map.html", "evil.example")):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                             headers={"Host": f"{host}:{port}"} if host else {})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request)
            assert refused.value.code == 404
    finally:
        server.shutdown()


def test_closest_passage_in_a_large_source(tmp_path):
    from argmap.checking.sources import read_source as read

    filler = " ".join(f"word{i % 997} other{i % 991}" for i in range(60000))
    source = tmp_path / "big.txt"
    source.write_text(filler + " The council should build a protected bike lane on Elm Street. " + filler)
    passage, ratio = read(source).closest("The council should build a protected bike lane on Elm Road")
    assert passage.startswith("The council should build a protected bike lane on Elm") and ratio > 0.9
    assert os.path.getsize(source) > 1_000_000
