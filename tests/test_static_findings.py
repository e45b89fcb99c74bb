"""Defects that the static checks brought to light (mypy over the typed public API), each pinned by a test."""
from __future__ import annotations

import argmap

MAP_A = """\
argmap: 1
id: side-a
title: Side A
thesis: talk
claims:
  talk: {text: The two sides should resume dialogue without preconditions.}
  trust: {text: Mutual trust between the two sides is extremely short.}
arguments:
  why-talk: {conclusion: talk, premises: [trust]}
"""

MAP_B = """\
argmap: 1
id: side-b
title: Side B
thesis: cooperate
claims:
  cooperate: {text: The major powers should cooperate to resume dialogue.}
  mistrust: {text: The extreme lack of mutual trust between the two sides is at the heart of failure.}
arguments:
  why: {conclusion: cooperate, premises: [mistrust]}
"""


def test_compare_without_a_progress_callback():
    """argmap.compare(a, b) handed its default progress=None on as the function that wraps the work, and
    calling None raised TypeError. Typing `progress` showed it; main fixed it at the same time (`progress or
    iter`), and this test keeps it fixed."""
    a, b = argmap.loads(MAP_A, "a.yaml"), argmap.loads(MAP_B, "b.yaml")

    result = argmap.compare(a, b)

    assert [(p.a.id, p.b.id) for p in result.suggested][:1] == [("trust", "mistrust")]
    assert result.suggested == argmap.compare(a, b, progress=iter).suggested


def test_compare_with_a_progress_callback_sees_every_claim():
    seen: list[object] = []

    def progress(items):
        seen.extend(items)
        return iter(items)

    argmap.compare(argmap.loads(MAP_A, "a.yaml"), argmap.loads(MAP_B, "b.yaml"), progress=progress)

    assert len(seen) == 2  # one item per claim of the first map


MAP_WITH_SOURCE = """\
argmap: 1
id: sourced
title: Sourced
thesis: main
source: {file: essay.txt}
claims:
  main: {text: The main claim of the essay., quote: the main claim}
  reason: {text: A reason for it., quote: a reason}
arguments:
  why: {conclusion: main, premises: [reason]}
"""


def test_an_empty_list_of_sources_folders_is_no_folders(tmp_path, monkeypatch):
    """`Sources` (typed while annotating the public API) is one folder, several, or None. An empty list fell
    through to $ARGMAP_SOURCES, so `sources=[]` made every quote required to be found in whatever folders
    the environment named; it means no folders, like None."""
    monkeypatch.setenv("ARGMAP_SOURCES", str(tmp_path))  # a folder without essay.txt

    assert [p.code for p in argmap.validate_text(MAP_WITH_SOURCE, "m.yaml", sources=None)] == []
    assert [p.code for p in argmap.validate_text(MAP_WITH_SOURCE, "m.yaml", sources=[])] == []
    assert [p.code for p in argmap.validate_text(MAP_WITH_SOURCE, "m.yaml", sources=[tmp_path])] == ["source-missing"]
