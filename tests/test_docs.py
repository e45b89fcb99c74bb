"""The documentation kept true: generated pages current, references complete, pictures current, links whole.

The commands that the guide and the CLI reference show are run by test_guide.py.
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.cli import main
from argmap.problems import CODES
from conftest import MAPS, ROOT
from test_guide import check_output, environment, steps

DOCS = ROOT / "docs"
README = ROOT / "README.md"
README_LIMIT = 10_240  # bytes
PAGES = sorted([README, ROOT / "CHANGELOG.md", ROOT / "bench" / "README.md", ROOT / "maps" / "README.md",
                *DOCS.glob("*.md")])
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
REGENERATE = "docs/problem-codes.md is out of date: run `python docs/generate_reference.py` and commit the result"


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _generator():
    """docs/generate_reference.py, imported from its path (docs/ is no package)."""
    spec = importlib.util.spec_from_file_location("generate_reference", DOCS / "generate_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the problem-code reference ------------------------------------------------------------------

def test_problem_codes_page_is_generated_from_the_registry():
    assert _text(DOCS / "problem-codes.md") == _generator().problem_codes_markdown(), REGENERATE


def test_problem_codes_page_lists_every_code_once_in_the_registry_order():
    page = _text(DOCS / "problem-codes.md")
    for code, (severity, meaning) in CODES.items():
        assert page.count(f"| `{code}` | {severity} | {meaning} |\n") == 1, f"{code}: {REGENERATE}"
    assert re.findall(r"(?m)^\| `([^`]+)` \|", page) == list(CODES), REGENERATE


def test_problem_codes_page_has_a_section_for_each_group_of_the_registry():
    sections = _generator().SECTIONS
    page = _text(DOCS / "problem-codes.md")
    headings = re.findall(r"(?m)^## (.+)$", page)
    assert headings == [heading for heading, _ in sections.values()]
    assert list(CODES)[0] in sections


def test_every_problem_code_is_explained_beyond_its_table_row():
    """Each code is named in the format or CLI reference, where the rule behind it is described."""
    reference = _text(DOCS / "format.md") + _text(DOCS / "cli.md")
    missing = sorted(code for code in CODES if f"`{code}`" not in reference)
    assert not missing, f"docs/format.md and docs/cli.md do not explain {missing}"


# --- the CLI and format references ---------------------------------------------------------------

def _help(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "argmap", *args, "--help"], env=environment(), text=True,
                          stdout=subprocess.PIPE, check=True).stdout


def _subcommands() -> list[str]:
    listing = _help().split("Commands:", 1)[1]
    return re.findall(r"(?m)^  (\S+)", listing)


def test_cli_reference_has_every_command_and_option():
    reference = _text(DOCS / "cli.md")
    commands = _subcommands()
    assert {"validate", "render", "coverage", "compare", "export", "import", "new", "schema"} <= set(commands)
    sections = {m.group(1): m.start() for m in re.finditer(r"(?m)^## `argmap ([a-z-]+)", reference)}
    for command in commands:
        assert command in sections, f"docs/cli.md needs a '## `argmap {command} ...`' section"
        start = sections[command]
        end = min([s for s in sections.values() if s > start] + [len(reference)])
        text = reference[start:end]
        options = set(re.findall(r"(?m)^\s+(?:-\w, )?(--[\w-]+)", _help(command))) - {"--help"}
        missing = sorted(option for option in options if f"`{option}" not in text and f" {option}" not in text)
        assert not missing, f"docs/cli.md, argmap {command}, does not name {missing}"
        choices = {choice for group in re.findall(r"\[([A-Za-z|]+\|[A-Za-z|]+)\]", _help(command)) for choice in group.split("|")}
        unnamed = sorted(choice for choice in choices if choice not in text)
        assert not unnamed, f"docs/cli.md, argmap {command}, does not name the choices {unnamed}"


def _schema(name: str) -> dict:
    return json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))


def test_format_reference_has_every_property():
    reference = _text(DOCS / "format.md")
    schema = _schema("argmap.schema.json")
    defs = schema["$defs"]
    named = {
        "map": schema["properties"],
        "source": schema["properties"]["source"]["properties"],
        "source.omitted": schema["properties"]["source"]["properties"]["omitted"]["items"]["properties"],
        "actor": schema["properties"]["actors"]["additionalProperties"]["properties"],
        "section": schema["properties"]["sections"]["additionalProperties"]["properties"],
        "claim": defs["claim"]["properties"],
        "argument": defs["argument"]["properties"],
        "objection": defs["objection"]["properties"],
    }
    links = _schema("links.schema.json")
    named["links file"] = links["properties"]
    named["links.maps"] = links["properties"]["maps"]["properties"]
    named["link"] = links["$defs"]["link"]["properties"]
    style = _schema("style.schema.json")
    named["style file"] = style["properties"]
    named["style role"] = style["$defs"]["role"]["properties"]
    for where, properties in named.items():
        for name in properties:
            assert f"`{name}`" in reference, f"docs/format.md does not name the {where} property `{name}`"
    for role in defs["claim"]["properties"]["role"]["enum"]:
        assert f"`{role}`" in reference
    for relation in links["$defs"]["link"]["properties"]["relation"]["enum"]:
        assert f"`{relation}`" in reference


# --- README ------------------------------------------------------------------------------------------

def test_readme_is_at_most_10_kb():
    size = len(README.read_bytes())
    assert size <= README_LIMIT, f"README.md is {size} bytes; move detail to docs/ (limit {README_LIMIT})"


def test_readme_links_every_docs_page():
    readme = _text(README)
    unlinked = sorted(page.name for page in DOCS.glob("*.md") if f"(docs/{page.name})" not in readme)
    assert not unlinked, f"README's Documentation list does not link {unlinked}"


def test_readme_gives_the_two_quick_start_commands():
    """CI runs the test command that README gives a new user (.ci/run)."""
    readme = _text(README)
    assert "./quickstart.sh        #" in readme
    assert "./quickstart.sh test   #" in readme
    assert "./quickstart.sh test" in _text(ROOT / ".ci" / "run")


def test_readme_validate_example_is_what_argmap_prints():
    shown = [step for step in steps(_text(README), "README.md") if step.kind == "command"]
    assert len(shown) == 1 and shown[0].text.startswith("argmap validate ")
    result = subprocess.run(["bash", "-c", shown[0].text], cwd=ROOT, env=environment(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    check_output(shown[0], result)


def test_readme_example_map_is_valid_and_quotes_its_source(tmp_path, runner):
    blocks = re.findall(r"(?ms)^```yaml\n(.*?)^```", _text(README))
    assert len(blocks) == 1
    path = tmp_path / "maps" / "example.yaml"
    path.parent.mkdir()
    path.write_text(blocks[0], encoding="utf-8")
    result = runner.invoke(main, ["validate", "--strict", "--sources", str(MAPS), str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr


# --- pictures ---------------------------------------------------------------------------------------

def _svg_nodes(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("node")}


@pytest.mark.parametrize("map_path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.stem)
def test_docs_pictures_are_current(map_path):
    """maps/README.md shows docs/NAME.svg for every bundled map; its nodes must be the map's claims and arguments."""
    assert f"(../docs/{map_path.stem}.svg)" in _text(MAPS / "README.md"), f"maps/README.md does not show {map_path.stem}.svg"
    model = argmap.load(map_path)
    picture = ROOT / "docs" / f"{map_path.stem}.svg"
    assert picture.is_file(), f"render it: argmap render {map_path.relative_to(ROOT)} -o docs/{picture.name}"
    nodes = _svg_nodes(picture.read_bytes())
    assert {k.split("-", 1)[1] for k in nodes if k.startswith("claim-")} == set(model.claims)
    assert {k.split("-", 1)[1] for k in nodes if k.startswith("argument-")} == set(model.arguments)
    for claim in model.claims.values():
        tooltip = next(a.get(f"{XLINK}title") for a in nodes[f"claim-{claim.id}"].iter(f"{SVG}a"))
        assert tooltip.replace("\xa0", " ").split() == (claim.text + "".join(f"\n\u201c{q}\u201d" for q in claim.quotes)).split()


# --- links -------------------------------------------------------------------------------------------

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _prose(markdown: str) -> str:
    """The text outside fenced blocks and inline code, where links are links."""
    markdown = re.sub(r"(?ms)^```.*?^```", "", markdown)
    return re.sub(r"`[^`\n]*`", "", markdown)


def _anchors(markdown: str) -> set[str]:
    """GitHub's ids for the headings of a page: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"(?m)^#{1,6} (.+?)\s*$", re.sub(r"(?ms)^```.*?^```", "", markdown))
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_at_files_that_exist(page):
    broken = []
    for target in LINK.findall(_prose(_text(page))):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists() or not file.is_relative_to(ROOT):
            broken.append(target)
        elif anchor and file.suffix == ".md" and anchor not in _anchors(_text(file)):
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)} links to what does not exist: {broken}"
