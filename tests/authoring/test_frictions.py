"""The frictions a new author met (issue 17), each held in place through the real command line.

Sentences (citations, brackets, line breaks), coverage's connectives and its "not covered" text,
every YAML syntax trap in one run, the schema modeline, `-o` folders, where validate's summary goes,
and the width of compare's text report.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.authoring.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]


def argmap(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    """The real command line, in a process of its own."""
    environment = {k: v for k, v in os.environ.items() if k not in ("ARGMAP_SOURCES", "GITHUB_ACTIONS", "COLUMNS")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120, check=False)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- sentences -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The laws, says Montesquieu, Chap. xvi. Vol. I [Book VIII]. It follows.",
     ["The laws, says Montesquieu, Chap. xvi. Vol. I [Book VIII].", "It follows."]),
    ("See No. 10 and Art. 5 of it, and Sect. 2. Then ibid. 7. J. S. Mill agrees. Done.",
     ["See No. 10 and Art. 5 of it, and Sect. 2.", "Then ibid. 7.", "J. S. Mill agrees.", "Done."]),
    ("It was proved.[1] The next [sic] one. [...] Then more.",
     ["It was proved.[1]", "The next [sic] one. [...]", "Then more."]),
    (("A title\n\nThe laws cannot be executed in a republic,\nof an extent equal to that of the United\n"
      "States, with promptitude. Next one."),
     ["A title", ("The laws cannot be executed in a republic,\nof an extent equal to that of the United\n"
                  "States, with promptitude."), "Next one."]),
    ("Language : English\nForeign Policy\n\nFeb 15, 2019\n  \u2022 Zhang Tuosheng\n",
     ["Language : English", "Foreign Policy", "Feb 15, 2019", "\u2022 Zhang Tuosheng"]),
    ("THE CASE\nIt is made here. And\nit goes on.\n1. A first\npoint.\n2. A second.",
     ["THE CASE", "It is made here.", "And\nit goes on.", "1. A first\npoint.", "2. A second."]),
    ("The AMERICAN CRISIS. No. I\n\nTHESE are the times.", ["The AMERICAN CRISIS. No. I", "THESE are the times."]),
])
def test_sentences_keep_citations_brackets_and_wrapped_lines_whole(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


CITATIONS = """\
A Title Without a Stop

The laws cannot be executed in a republic, of an extent equal to that of the
United States, with promptitude. Montesquieu says so, Chap. xvi. Vol. I [Book
VIII]. It is in vain to say that the states will help. [...] The people, Mr.
Smith answers, will not.
"""

MAP = """\
argmap: 1
id: m
title: M
source:
  file: essay.txt
  omitted: {omitted}
  connectives: {connectives}
thesis: t
claims:
  t: {{text: T, quote: "The laws cannot be executed in a republic, of an extent equal to that of the United States, with promptitude."}}
  p: {{text: P, quote: "the states will help"}}
  q: {{text: Q, quote: "The people, Mr. Smith answers, will not."}}
arguments:
  a: {{conclusion: t, premises: [p]}}
objections:
  o: {{claim: q, target: p}}
"""


def test_omitted_works_for_every_passage_the_splitter_makes(tmp_path):
    """Each sentence, listed in source.omitted as it stands, is found verbatim and left out."""
    write(tmp_path, "essay.txt", CITATIONS)
    text = CITATIONS
    passages = [" ".join(text[s:e].split()) for s, e in sentences(text)]
    assert "Montesquieu says so, Chap. xvi. Vol. I [Book VIII]." in passages
    claimed = ("The laws", "It is in vain", "The people")
    omitted = json.dumps([{"quote": p, "reason": "checked"} for p in passages if not p.startswith(claimed)])
    path = write(tmp_path, "m.yaml", MAP.format(omitted=omitted, connectives='["It is in vain to say that"]'))
    checked = argmap("validate", "--sources", tmp_path, path)
    assert checked.returncode == 0 and "quote-not-found" not in checked.stdout
    report = json.loads(argmap("coverage", "--sources", tmp_path, "--format", "json", path).stdout)[0]
    statuses = {d["text"]: d["status"] for d in report["details"]}
    assert statuses == {p: "carried" if p.startswith(claimed) else "left out" for p in passages}
    assert report["share"] == 1.0


@pytest.mark.parametrize("name", ["2019-02-15-zhang-finding-a-solution.txt", "2021-peninsula-stalemate.txt"])
def test_every_sentence_of_the_essays_is_a_verbatim_quote(essays, name):
    from argmap.checking.sources import read_source

    source = read_source(essays / name)
    for start, end in sentences(source.text):
        assert (start, end) in list(source.occurrences(" ".join(source.text[start:end].split())))


# --- coverage ------------------------------------------------------------------------------------

def test_a_map_level_connective_spares_quoting_framing_words(tmp_path):
    write(tmp_path, "essay.txt", CITATIONS)
    omitted = json.dumps([{"quote": "A Title Without a Stop", "reason": "The title."},
                          {"quote": "Montesquieu says so, Chap. xvi. Vol. I [Book VIII].", "reason": "A citation."},
                          {"quote": "[...]", "reason": "An editorial mark."}])
    path = write(tmp_path, "m.yaml", MAP.format(omitted=omitted, connectives="[]"))
    before = argmap("coverage", "--sources", tmp_path, path)
    assert before.returncode == 0
    # the uncovered text is shown as the source has it, punctuation and all
    assert "partly carried; not covered: It is in vain to say that\n" in before.stdout
    path.write_text(MAP.format(omitted=omitted, connectives='["it is IN VAIN to say that"]'), encoding="utf-8")
    after = argmap("coverage", "--sources", tmp_path, "--fail-under", "100", path)
    assert after.returncode == 0, after.stdout
    assert "3 of 3 sentences that carry argument are carried (100.0%)" in after.stdout


def test_a_connective_the_source_lacks_is_a_warning(tmp_path):
    write(tmp_path, "essay.txt", CITATIONS)
    path = write(tmp_path, "m.yaml", MAP.format(omitted="[]", connectives='["It is in vain to argue"]'))
    result = argmap("validate", "--strict", "--sources", tmp_path, path)
    assert result.returncode == 1
    assert ("m.yaml:7:17: warning: the connective 'It is in vain to argue' does not occur in essay.txt "
            "[connective-not-found]") in result.stdout


# --- YAML: every ': ' trap in one run --------------------------------------------------------------

COLONS = """\
argmap: 1
id: m
title: Montesquieu: the spirit of laws
thesis: t
claims:
  t:
    text: Montesquieu: a republic must be small   # his claim
    quote: The laws cannot be executed
  p:
    text: Brutus: the states: they will not help
    quote: they will not
  list:
    - text: Cato: no
"""


def test_every_colon_trap_is_reported_in_one_run_with_its_fix(tmp_path):
    path = write(tmp_path, "m.yaml", COLONS)
    result = argmap("validate", path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}:3:19: error: mapping values are not allowed in this context [yaml-syntax]",
        '    hint: quote the text, as in: title: "Montesquieu: the spirit of laws"',
        f"{path}:7:22: error: mapping values are not allowed in this context [yaml-syntax]",
        '    hint: quote the text, as in: text: "Montesquieu: a republic must be small" # his claim',
        f"{path}:10:17: error: mapping values are not allowed in this context [yaml-syntax]",
        '    hint: quote the text, as in: text: "Brutus: the states: they will not help"',
        f"{path}:13:17: error: mapping values are not allowed in this context [yaml-syntax]",
        '    hint: quote the text, as in: - text: "Cato: no"',
        "4 errors, 0 warnings in 1 file",
    ]
    # the fixes, applied as the hints say, leave no syntax error
    fixed = COLONS
    for hint in [line.split("as in: ", 1)[1] for line in lines if "as in: " in line]:
        key = hint.split(":", 1)[0].lstrip("- ")
        fixed = "\n".join(line if not line.strip().lstrip("- ").startswith(key + ":") or '"' in line
                          else line[:len(line) - len(line.lstrip())] + hint.split("#")[0].strip()
                          for line in fixed.splitlines()) + "\n"
    assert "yaml-syntax" not in argmap("validate", write(tmp_path, "fixed.yaml", fixed)).stdout


def test_a_later_error_of_another_kind_is_reported_after_the_colon_traps(tmp_path):
    path = write(tmp_path, "m.yaml", 'argmap: 1\nid: m\ntitle: A: b\nthesis: "t\n')
    result = argmap("validate", path)
    assert [line.split(": error:")[0] for line in result.stdout.splitlines() if ": error:" in line] == [
        f"{path}:3:9", f"{path}:5:1"]


def test_every_tab_indented_line_is_reported(tmp_path):
    path = write(tmp_path, "m.yaml", "argmap: 1\nid: m\n\ttitle: x\nthesis: t\n\tclaims: 1\n")
    result = argmap("validate", path)
    assert result.stdout.count("[tab]") == 2 and f"{path}:5:1: error: a tab" in result.stdout


# --- the small things ----------------------------------------------------------------------------

def test_the_modeline_works_wherever_the_map_lives(tmp_path):
    essay = write(tmp_path, "essay.txt", CITATIONS)
    outside = tmp_path / "shared" / "m.yaml"
    assert argmap("new", "--source", essay, "-o", outside).returncode == 0
    assert outside.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=https://argmap.dev/schema/argmap.schema.json")
    inside = ROOT / "docs" / "guide" / f"test-modeline-{os.getpid()}.yaml"
    try:
        assert argmap("draft", "--source", essay, "-o", inside).returncode == 0
        assert inside.read_text(encoding="utf-8").splitlines()[0] == (
            "# yaml-language-server: $schema=../../schema/argmap.schema.json")
    finally:
        inside.unlink(missing_ok=True)


def test_the_modeline_from_an_installed_wheel_names_no_local_path(tmp_path):
    """Built as a wheel and unpacked as pip would install it, argmap writes the schema's address, not site-packages."""
    import zipfile

    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(wheels), str(ROOT)], capture_output=True, text=True, check=False, timeout=300)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr[-300:]}")
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(next(wheels.glob("argmap-*.whl"))) as wheel:
        wheel.extractall(site)
    assert (site / "argmap" / "data" / "argmap.schema.json").is_file()
    essay = write(tmp_path, "essay.txt", CITATIONS)
    environment = {k: v for k, v in os.environ.items() if k != "ARGMAP_SOURCES"}
    environment["PYTHONPATH"] = str(site)
    for command in (["new"], ["draft"]):
        output = tmp_path / "maps" / f"{command[0]}.yaml"
        result = subprocess.run([sys.executable, "-m", "argmap", *command, "--source", str(essay), "-o", str(output)],
                                cwd=tmp_path, env=environment, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        first = output.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=https://argmap.dev/schema/argmap.schema.json"
    located = subprocess.run([sys.executable, "-c", "import argmap; print(argmap.__file__)"], env=environment,
                             cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert located.startswith(str(site))  # the wheel's copy ran, not the checkout's


def test_output_folders_are_created_for_one_map(tmp_path):
    target = tmp_path / "new" / "deeper" / "phones.gv"
    result = argmap("render", ROOT / "maps" / "school-phones.yaml", "-o", target)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("digraph")


def test_the_validate_summary_goes_where_the_problems_go(tmp_path):
    bad = ROOT / "tests" / "fixtures" / "invalid" / "unknown-premise.yaml"
    result = argmap("validate", bad)
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings in 1 file"
    github = argmap("validate", "--format", "github", bad)
    assert github.stdout.splitlines()[-1] == "1 error, 0 warnings in 1 file" and github.stderr == ""
    for fmt in ("json", "junit"):  # one document, which holds the counts
        machine = argmap("validate", "--format", fmt, bad)
        assert "warnings in" not in machine.stdout + machine.stderr


def test_compare_shows_everything_when_not_a_terminal_and_fits_a_terminal(tmp_path):
    maps = ROOT / "tests" / "fixtures" / "compare"
    piped = argmap("compare", maps / "a.yaml", maps / "b.yaml")
    assert piped.returncode == 0 and "\u2026" not in piped.stdout
    from argmap import compare, load, load_links
    from argmap.reports.comparison import as_text

    result = compare(load(maps / "a.yaml"), load(maps / "b.yaml"), load_links(maps / "links" / "a--b.yaml"))
    narrow = as_text(result, width=40)
    assert all(len(line) <= 40 for line in narrow.splitlines() if line.startswith("  "))
    assert as_text(result).split("\n", 2)[2] == piped.stdout.rstrip("\n").split("\n", 2)[2]  # all but the paths


def test_compare_cuts_to_the_terminal_width_on_a_terminal(tmp_path):
    """Run under a pseudo-terminal of 50 columns: every line fits."""
    import pty

    maps = ROOT / "tests" / "fixtures" / "compare"
    environment = {k: v for k, v in os.environ.items() if k != "ARGMAP_SOURCES"}
    environment.update(COLUMNS="50", TERM="dumb")
    main, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "argmap", "compare", str(maps / "a.yaml"), str(maps / "b.yaml")],
                               stdout=secondary, stderr=subprocess.DEVNULL, env=environment)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main)
    lines = b"".join(chunks).decode("utf-8").replace("\r\n", "\n").splitlines()
    assert lines and all(len(line) <= 50 for line in lines if line.startswith("  ")), lines
