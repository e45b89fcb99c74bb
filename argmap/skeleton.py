"""A new map's skeleton: valid from the start, with the source's name and hash and an example of each element."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .authoring.sentences import sentences, words
from .checking.schema import load_schema, modeline
from .escaping import terminal
from .reading.document import yaml_scalar

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_SKELETON = """\
{modeline}
# A new argmap map of {file}. Every element of the format is shown below, commented out:
# uncomment and adapt them. `argmap validate --strict --sources {folder} {output}` checks the map
# and its quotes; `argmap coverage --sources {folder} {output}` shows what the map does not carry yet.
argmap: 1
id: {id}
title: {title}
source:
  file: {file_yaml}
  sha256: {sha256}
{published}  # author: Who wrote it
  # omitted:                 # passages no claim carries on purpose, each with the reason
  #   - quote: {first_line}
  #     reason: The title.
thesis: thesis
# actors:                    # who proposes, undertakes or is addressed by claims
#   us: {{name: US}}
# sections:                  # the essay's parts, in order
#   part-1: {{title: First part}}
claims:
  thesis:
    text: The essay's main claim, in your words (rewrite this label).
    {quote_line}
    role: thesis
  # a-premise:
  #   text: A reason the essay gives.
  #   quote: the essay's own words for it
  #   role: premise          # thesis | conclusion | premise | evidence | recommendation | prediction | context
  #   actor: us
  #   section: part-1
  #   tags: [economy]
  # unstated-step:
  #   text: A step the essay leaves unsaid.
  #   implicit: true         # reconstructed: no quote, drawn dashed
  # an-objection:
  #   text: What the essay concedes or answers.
  #   quote: the essay's words for it
# arguments:                 # premises of one argument support the conclusion together
#   main-argument:
#     conclusion: thesis
#     premises: [a-premise, unstated-step]
#     scheme: consequences
# objections:                # target a claim (rebuttal) or an argument (undercut)
#   concession:
#     claim: an-objection
#     target: main-argument
"""


def _first_sentence(text: str) -> str:
    """The text's first sentence of four words or more (a line break inside a paragraph does not end it)."""
    spans = sentences(text)
    for start, end in spans:
        if len(text[start:end].split()) >= 4:
            return words(text[start:end])[:300]
    return words(text[spans[0][0]:spans[0][1]]) if spans else ""


def skeleton(source_path: Path, raw: bytes, text: str, output_path: Path) -> str:
    """The YAML of a new map of the source (its bytes and text) that will be written to output_path."""
    date = re.match(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)", source_path.name)
    text = "\n".join(line for line in text.splitlines() if not _CONTROL.search(line))  # no line a map may not quote
    first_line = next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")
    map_id = re.sub(r"[^a-z0-9]+", "-", output_path.stem.lower()).strip("-")[:60].strip("-") or "new-map"
    if not re.match(r"[a-z]", map_id):  # "2020" would be read as a number
        map_id = f"map-{map_id}"
    title = re.sub(r"^\d{4}(-\d{2}){0,2}-?", "", source_path.stem).replace("-", " ").strip().capitalize() or map_id
    return _SKELETON.format(
        modeline=modeline(output_path), file=terminal(source_path.name),  # comments: one line each, whatever the name
        file_yaml=yaml_scalar(source_path.name), folder=terminal(source_path.parent.as_posix() or "."),
        output=terminal(output_path.as_posix()), id=map_id, title=json.dumps(title, ensure_ascii=False),
        sha256=hashlib.sha256(raw).hexdigest(),
        published=f'  published: "{date.group(1)}"\n' if date else "",
        first_line=json.dumps(first_line, ensure_ascii=False), quote_line=_quote_line(_first_sentence(text)))


def _quote_line(sentence: str) -> str:
    if not sentence:  # a text with no line that a map could quote
        return "# quote: the essay's words for it (verbatim)"
    comment = "# verbatim from the source: this is its first sentence, as a start"
    return f"quote: {json.dumps(sentence, ensure_ascii=False)}      {comment}"


def usable_file_name(name: str) -> bool:
    """Whether a map can name this source file (the schema's pattern for source.file)."""
    return re.fullmatch(load_schema("map")["properties"]["source"]["properties"]["file"]["pattern"], name) is not None
