"""Suggestions written into a links file as drafts, for a reviewer to accept, reject or retype with one edit.

A draft is a link whose relation is still a guess:

    - a: summit-hope
      b: summit-failed
      draft: contradicts        # accept: write `relation` for `draft`; reject: write `rejected` for `draft`;
      score: 0.41               # retype: write `relation: same` (or recast, develops) in its place
      reasons:
        - "shared words: summit, stalemate"

`argmap validate --strict` fails while a draft is left (problem code draft-link). A rejected link stays
in the file, so that the suggester never proposes the pair again; `compare` ignores it otherwise.

The drafts are appended as text to the file's `links:` list, so the file's own comments and layout stay
as they are. A file that does not exist yet is created in links/ beside the first map.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .compare import Comparison, Pair

HOW = ("# Drafts suggested by argmap compare. Review each with one edit: accept = write `relation` for `draft`;"
       "\n# reject = write `rejected` for `draft`; retype = write `relation: same|recast|contradicts|develops`"
       "\n# in place of the draft line. `argmap validate --strict` fails while a draft is left.")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def draft_lines(pairs: list[Pair], indent: str = "  ") -> list[str]:
    lines = []
    for pair in pairs:
        lines += [f"{indent}- a: {pair.a.id}", f"{indent}  b: {pair.b.id}", f"{indent}  draft: {pair.guess}",
                  f"{indent}  score: {pair.score}"]
        if pair.reasons:
            lines.append(f"{indent}  reasons:")
            lines += [f"{indent}    - {_quoted(reason)}" for reason in pair.reasons]
    return lines


def default_links_path(a_file: str, b_file: str) -> Path:
    a, b = Path(a_file), Path(b_file)
    return a.parent / "links" / f"{a.stem}--{b.stem}.yaml"


def new_links_file(path: Path, a_file: str, b_file: str, title: str) -> str:
    base = path.parent.resolve()
    rel_a = os.path.relpath(Path(a_file).resolve(), base)
    rel_b = os.path.relpath(Path(b_file).resolve(), base)
    return (f"argmap-links: 1\ntitle: {_quoted(title)}\nmaps:\n  a: {_quoted(rel_a)}\n  b: {_quoted(rel_b)}\n"
            f"links:\n")


def with_drafts(text: str, pairs: list[Pair]) -> str:
    """The links file's text with the drafts appended at the end of its top-level `links:` list."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"links\s*:", line)), None)
    if start is None:
        lines += ["links:"]
        start = len(lines) - 1
    if re.match(r"links\s*:\s*\[\s*\]\s*(#.*)?$", lines[start]):
        lines[start] = "links:"
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[^\s#-]", lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    items = [line for line in lines[start + 1:end] if line.lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    block = ["", *(f"{indent}{line}" for line in HOW.splitlines()), *draft_lines(pairs, indent)]
    return "\n".join(lines[:end] + block + lines[end:]) + "\n"


def write_drafts(comparison: Comparison, path: Path | None = None) -> tuple[Path, int]:
    """Append the comparison's suggestions to its links file (or a new one) as drafts: (file, drafts written).

    The drafts are written with the file's own sides: a file whose map a is the comparison's b gets them turned.
    """
    from dataclasses import replace

    from ..reading.document import read_document
    from .compare import links_names

    a, b = comparison.a, comparison.b
    pairs = list(comparison.suggested)
    if path is None:
        path = (Path(comparison.links_file) if comparison.links_file
                else default_links_path(a.file or a.id, b.file or b.id))
    if path.exists():
        text = path.read_text(encoding="utf-8")
        names = links_names(read_document(path))
        if names and a.file and names[0] != Path(a.file).resolve():
            pairs = [replace(p, a=p.b, b=p.a) for p in pairs]
    else:
        text = new_links_file(path, a.file or "", b.file or "", f"{a.title} and {b.title}")
        path.parent.mkdir(parents=True, exist_ok=True)
    if pairs:
        text = with_drafts(text, pairs)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path, len(pairs)
