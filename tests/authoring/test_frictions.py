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
