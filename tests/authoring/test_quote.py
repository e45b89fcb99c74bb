"""Quote help: `argmap quote`, the closest passage in `quote-not-found`, and why a quote fails."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from argmap.authoring.sentences import sentences
from argmap.checking.sources import read_source

ROOT = Path(__file__).resolve().parents[2]
GUIDE_TEXT = ROOT / "docs" / "guide" / "bike-lane.txt"

LAWS = """\
Of the Extent of a Republic

The laws cannot be executed in a republic, of an extent equal to that of the United States, with promptitude.
It is in vain to say that the states will help: they will not.
"""


def argmap(*args, cwd=None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("ARGMAP_SOURCES", "GITHUB_ACTIONS")}
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120, check=False)


def a_map(quote_line: str) -> str:
    return ("argmap: 1\nid: m\ntitle: M\nsource:\n  file: laws.txt\nthesis: t\nclaims:\n  t:\n    text: T\n"
            f"{quote_line}\n")


@pytest.fixture
def laws(tmp_path) -> Path:
    path = tmp_path / "laws.txt"
    path.write_text(LAWS, encoding="utf-8")
    return path


@pytest.mark.parametrize("quote, reason, passage", [
    ("The laws cannot be executed in a republic of an extent equal to that of the United States with promptitude.",
     "its punctuation or spacing differs from the source's",
     "The laws cannot be executed in a republic, of an extent equal to that of the United States, with promptitude."),
    ("The laws cannot be executed in a republic, of an extent equal to that of the United States, with promptitud",
     "it ends inside a word (the source has 'promptitude')",
     "The laws cannot be executed in a republic, of an extent equal to that of the United States, with promptitude"),
    ("the laws cannot be executed in a republic", "its capitals differ from the source's",
     "The laws cannot be executed in a republic"),
])
def test_a_failing_quote_says_why_and_its_hint_passes_when_pasted_back(tmp_path, laws, quote, reason, passage):
    path = tmp_path / "m.yaml"
    path.write_text(a_map(f"    quote: {yaml.safe_dump(quote, width=1000).strip().removesuffix('...').strip()}"))
    result = argmap("validate", "--sources", tmp_path, path)
    assert result.returncode == 1
    assert reason in result.stdout, result.stdout
    hint = result.stdout.split("hint: closest passage (", 1)[1]
    assert "100%" not in hint.split(")", 1)[0], "only what is the same shows as 100% alike"
    shown = hint.split("alike): ", 1)[1].splitlines()[0]
    assert eval(shown) == passage  # noqa: S307 - the hint is a Python repr of the passage
    path.write_text(a_map(f"    quote: {yaml.safe_dump(passage, width=1000).strip().removesuffix('...').strip()}"))
    assert argmap("validate", "--sources", tmp_path, path).returncode == 0


def _damage(fragment: str, rng: random.Random) -> str:
    words = fragment.split()
    choice = rng.randrange(4)
    if choice == 0:
        return fragment.replace(",", "").replace(";", "")
    if choice == 1:
        index = rng.randrange(len(words))
        words[index] = words[index][:-1] or words[index]
        return " ".join(words)
    if choice == 2:
        return fragment[:-2] if len(fragment) > 12 else fragment.lower()
    return fragment.upper()


@pytest.mark.parametrize("seed", range(3))
def test_the_closest_passage_always_passes_as_a_quote(essays, seed):
    """Damaged fragments of every sentence: the passage proposed is verbatim, at whole words, found when pasted."""
    rng = random.Random(seed)
    for path in [GUIDE_TEXT, *sorted(essays.glob("*.txt"))]:
        source = read_source(path)
        for start, end in sentences(source.text):
            words = source.text[start:end].split()
            if len(words) < 3:
                continue
            size = rng.randint(3, min(len(words), 16))
            first = rng.randrange(len(words) - size + 1)
            damaged = _damage(" ".join(words[first:first + size]), rng)
            passage, ratio = source.closest(damaged)
            assert passage and source.find(passage) is not None, (path.name, damaged, passage)
            assert ratio > 0.5, (damaged, passage)


def test_quote_prints_the_verbatim_passage_its_line_and_sentence(laws):
    result = argmap("quote", laws, "it is in vain to say that the states will help")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "laws.txt:4:1: not verbatim; the closest passage, 99% alike (its capitals differ from the source's; "
        "a quote keeps the source's case)\n"
        "    quote: It is in vain to say that the states will help\n"
        "  the sentence around it:\n"
        "    quote: 'It is in vain to say that the states will help: they will not.'\n")


def test_what_quote_prints_pastes_into_a_valid_map(tmp_path, laws):
    """Each `quote:` line, pasted under a claim as it stands, is valid YAML and passes the quote check."""
    printed = argmap("quote", laws, "republic of an extent equal to that of the United States").stdout
    lines = [line for line in printed.splitlines() if line.startswith("    quote: ")]
    assert len(lines) == 2
    for line in lines:
        path = tmp_path / "m.yaml"
        path.write_text(a_map(line), encoding="utf-8")
        result = argmap("validate", "--sources", tmp_path, path)
        assert result.returncode == 0, result.stdout


def test_quote_lists_every_verbatim_place_and_reads_a_maps_source(tmp_path, laws):
    (tmp_path / "m.yaml").write_text(a_map("    quote: The laws"), encoding="utf-8")
    result = argmap("quote", tmp_path / "m.yaml", "the states")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("laws.txt:3:70: verbatim\n    quote: the States\n") is False  # case is kept
    assert "laws.txt:4:27: verbatim\n    quote: the states\n" in result.stdout


def test_quote_fails_when_nothing_is_alike(laws):
    result = argmap("quote", laws, "xylophone quartz zebra")
    assert result.returncode == 1
    assert "nothing like 'xylophone quartz zebra'" in result.stderr


def test_find_quote_in_the_library(laws):
    import argmap as library

    found, name = library.find_quote(laws, "republic, of an extent")
    assert name == "laws.txt" and found[0].verbatim and found[0].line == 3
    assert found[0].sentence.startswith("The laws cannot be executed")
