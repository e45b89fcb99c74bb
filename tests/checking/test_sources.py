"""Quotes against their source texts (argmap.checking.sources): verbatim up to whitespace, quote marks and dashes;
drift shows the nearest passage."""
from __future__ import annotations

import hashlib
import json
import os
import shutil

import pytest
from conftest import MAPS, MINIMAL, write

import argmap
from argmap.checking.sources import fold, read_source
from argmap.cli import main

SOURCE = "He said: \u201cPeace \u2014 not war.\u201d\nIt\u2019s   the only\n  choice. Peacetime differs.\n"
MAP = """argmap: 1
id: q
title: Quotes
source:
  file: src.txt
  sha256: {sha}
thesis: t
claims:
  t: {{text: T, quote: {quote}}}
  p: {{text: P, quote: "the only choice"}}
arguments:
  a: {{conclusion: t, premises: [p]}}
"""


def _setup(tmp_path, quote, sha=None):
    sources = tmp_path / "texts"
    sources.mkdir()
    (sources / "src.txt").write_text(SOURCE, encoding="utf-8")
    sha = sha or hashlib.sha256(SOURCE.encode()).hexdigest()
    return write(tmp_path, "m.yaml", MAP.format(sha=sha, quote=json.dumps(quote))), sources


@pytest.mark.parametrize("quote", ['"Peace - not war."', "Peace \u2014 not war", "It's the only choice.",
                                   "It\u2019s the\n only choice", "Peacetime differs"])
def test_only_whitespace_quotes_and_dashes_are_forgiven(tmp_path, quote):
    path, sources = _setup(tmp_path, quote)
    assert argmap.validate(path, sources=sources) == []


@pytest.mark.parametrize("quote", ["peace - not war", "Peace not war", "Peace - not war!", "eace", "Peace - not wa",
                                   "It is the only choice"])
def test_anything_else_is_not_verbatim(tmp_path, quote):
    path, sources = _setup(tmp_path, quote)
    problems = argmap.validate(path, sources=sources)
    assert [(p.code, p.line) for p in problems] == [("quote-not-found", 9)]


def test_drifted_quote_shows_closest_passage(tmp_path, runner):
    path, sources = _setup(tmp_path, "It is the only choice")
    result = runner.invoke(main, ["validate", "--sources", str(sources), str(path)])
    assert result.exit_code == 1
    assert ("m.yaml:9:23: error: the quote is not verbatim in src.txt: 'It is the only choice' [quote-not-found]"
            in result.stdout)
    assert "hint: closest passage" in result.stdout
    assert "It's the only choice" in result.stdout


def test_changed_source_fails_the_hash(tmp_path):
    path, sources = _setup(tmp_path, "Peace - not war", sha="a" * 64)
    assert [(p.code, p.line, p.column) for p in argmap.validate(path, sources=sources)] == [("source-hash", 6, 11)]


def test_missing_source_is_an_error_only_when_sources_are_named(tmp_path):
    path, _sources = _setup(tmp_path, "Peace - not war")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [p.code for p in argmap.validate(path, sources=empty)] == ["source-missing"]
    assert argmap.validate(path) == []  # not at hand, not required


def test_source_beside_the_map_is_checked(tmp_path):
    path, sources = _setup(tmp_path, "Peace - not peace")
    shutil.copy(sources / "src.txt", tmp_path / "src.txt")
    assert [p.code for p in argmap.validate(path)] == ["quote-not-found"]


def test_sources_from_environment(tmp_path, runner):
    path, sources = _setup(tmp_path, "no such words")
    result = runner.invoke(main, ["validate", str(path)], env={"ARGMAP_SOURCES": str(sources)})
    assert result.exit_code == 1
    assert "quote-not-found" in result.stdout


def test_fold_and_offsets_map_back_to_the_original(tmp_path):
    (tmp_path / "s.txt").write_text(SOURCE, encoding="utf-8")
    text = read_source(tmp_path / "s.txt")
    start, end = text.find("It's the only choice")
    assert text.text[start:end] == "It\u2019s   the only\n  choice"
    assert text.line_of(start) == 2
    assert fold(" a\u2013b \n c ") == "a-b c"


def test_a_changed_source_is_read_again(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("first text")
    assert read_source(source).text == "first text"
    source.write_text("second, longer text")
    assert read_source(source).text == "second, longer text"


def test_a_symlinked_source_outside_its_folder_is_not_read(tmp_path, runner):
    outside = tmp_path / "outside.txt"
    outside.write_text("MY_SECRET_TOKEN=abc123 and the secret passage")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "essay.txt").symlink_to(outside)
    path = write(folder, "m.yaml", MINIMAL.replace("title: T", "title: T\nsource: {file: essay.txt}"))
    coverage = runner.invoke(main, ["coverage", str(path)])
    assert coverage.exit_code == 1
    assert "MY_SECRET_TOKEN" not in coverage.output
    validate = runner.invoke(main, ["validate", "--sources", str(folder), str(path)])
    assert "source-missing" in validate.output
    assert "MY_SECRET_TOKEN" not in validate.output


def test_closest_passage_in_a_large_source(tmp_path):
    filler = " ".join(f"word{i % 997} other{i % 991}" for i in range(60000))
    source = tmp_path / "big.txt"
    source.write_text(filler + " The council should build a protected bike lane on Elm Street. " + filler)
    passage, ratio = read_source(source).closest("The council should build a protected bike lane on Elm Road")
    assert passage.startswith("The council should build a protected bike lane on Elm")
    assert ratio > 0.9
    assert os.path.getsize(source) > 1_000_000


def test_bundled_essay_maps_quote_their_essays_verbatim(essays, runner):
    result = runner.invoke(main, ["validate", "--strict", "--sources", str(essays), str(MAPS)])
    assert result.exit_code == 0, result.output
    assert "4 files checked, no problems" in result.stdout  # three maps and the links file


def test_quotes_are_found_where_a_whole_word_regex_finds_them():
    """occurrences() searches without a regex (compiling one per quote cost more than the search): on texts of
    words, underscores, digits, accents, quotes and dashes it must find what the regex it replaced finds."""
    import random
    import re
    from pathlib import Path

    from argmap.checking.sources import SourceText, _fold_with_offsets

    def regex_occurrences(source, quote):
        needle = fold(quote)
        pattern = ((r"(?<!\w)" if needle[0].isalnum() else "") + re.escape(needle)
                   + (r"(?!\w)" if needle[-1].isalnum() else ""))
        return [(source.offsets[m.start()], source.offsets[m.end() - 1] + 1)
                for m in re.finditer(pattern, source.folded)]

    generator = random.Random(3)  # noqa: S311 - test data, not secrets
    pieces = ["ab", " ", "a_b", "\u00e91", ",", ".", "\u2019", "'", '"', "-", "\u2014", "aa", "ba", "b", "\u0663"]
    compared = 0
    for _ in range(2000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 40)))
        source = SourceText(Path("t.txt"), text.encode(), text, *_fold_with_offsets(text))
        for _ in range(8):
            quote = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 4)))
            if fold(quote):
                assert list(source.occurrences(quote)) == regex_occurrences(source, quote), (text, quote)
                compared += 1
    assert compared > 10_000
