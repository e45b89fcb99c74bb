"""Quick fixes for the problems the checks report: each one a title and the edits that make the fix.

- unknown-ref: "did you mean": the id replaced by each close match.
- quote-not-found: the quote replaced by the closest passage of the source, as the source writes it.
- yaml-syntax, the `: ` trap: the plain text that holds ': ' quoted.
- missing-quote: the claim marked `implicit: true`.
- source-hash, source-hash-missing: source.sha256 set to the hash of the source at hand.
"""
from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..checking.sources import find_source, read_source
from ..problems import Problem
from ..reading.document import yaml_scalar
from .analysis import Analysis
from .positions import Lines

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True)
class Edit:
    """Replace the text from start to end ((0-based line, code-point column) each) with new."""

    start: tuple[int, int]
    end: tuple[int, int]
    new: str


@dataclass(frozen=True)
class Fix:
    title: str
    problem: Problem
    edits: tuple[Edit, ...]
    preferred: bool = False


def fixes(analysis: Analysis, problems: Sequence[Problem], sources: Sequence[Path] = ()) -> list[Fix]:
    """Every quick fix for the given problems of an analysed text."""
    found: list[Fix] = []
    for problem in problems:
        maker = _MAKERS.get(problem.code)
        if maker is None:
            continue
        try:
            found.extend(maker(analysis, problem, sources))
        except (ValueError, KeyError, IndexError, TypeError, OSError, yaml.YAMLError):
            continue  # a fix that cannot be worked out is not offered
    return found


def _did_you_mean(analysis: Analysis, problem: Problem, _sources) -> list[Fix]:
    occurrence = analysis.index.at(problem.line - 1, problem.column - 1)
    if occurrence is None or not problem.hint or not problem.hint.startswith("did you mean"):
        return []
    span = occurrence.span
    names = re.findall(r"'([^']+)'", problem.hint)
    return [Fix(f"Change to '{name}'", problem, (Edit((span.line, span.start), (span.line, span.end), name),),
                preferred=len(names) == 1) for name in names]


def _closest_passage(analysis: Analysis, problem: Problem, sources) -> list[Fix]:
    path = _path_at(analysis, problem)
    data = analysis.data or {}
    name = (data.get("source") or {}).get("file")
    found = find_source(name, sources, analysis.name) if isinstance(name, str) else None
    if path is None or found is None:
        return []
    text = read_source(found.resolve())
    quote = _value(data, path)
    passage = _passage_from_hint(problem.hint)
    if passage is None:
        passage, ratio = text.closest(quote)
        if ratio < 0.5:
            return []
    original = _in_source(text, passage)
    if not original:
        return []
    start, end = _node_span(analysis, path)
    shown = original if len(original) <= 60 else original[:59] + "\u2026"
    return [Fix(f"Use the closest passage: {shown}", problem,
                (Edit(start, end, yaml_scalar(original)),), preferred=True)]


def _in_source(text, passage: str) -> str | None:
    """The passage as the source writes it (its own quotation marks and dashes), widened to whole words."""
    from ..checking.sources import fold

    needle = fold(passage)
    folded, offsets = getattr(text, "folded", None), getattr(text, "offsets", None)
    if not needle or folded is None or offsets is None:
        span = text.find(passage)
        return " ".join(text.text[span[0]:span[1]].split()) if span else None
    start = folded.find(needle)
    if start == -1:
        return None
    end = start + len(needle)
    while start > 0 and folded[start - 1].isalnum():
        start -= 1
    while end < len(folded) and folded[end].isalnum():
        end += 1
    return " ".join(text.text[offsets[start]:offsets[end - 1] + 1].split())


def _passage_from_hint(hint: str | None) -> str | None:
    found = re.match(r"closest passage[^:]*:\s*(.+)$", hint or "", re.DOTALL)
    if not found:
        return None
    try:
        passage = ast.literal_eval(found.group(1).strip())
    except (ValueError, SyntaxError):
        return None
    return passage if isinstance(passage, str) else None


_PLAIN_VALUE = re.compile(r"^(?P<prefix>\s*(?:-\s+)?[^\s#'\"{\[][^#]*?:[ \t]+)(?P<value>[^\s'\"|>\[{&*!].*)$")


def _quote_text(analysis: Analysis, problem: Problem, _sources) -> list[Fix]:
    if "quote" not in (problem.hint or ""):
        return []
    lines = analysis.lines
    last = problem.line - 1
    first = _plain_value_start(lines, last)
    found = _PLAIN_VALUE.match(lines[first]) if first is not None else None
    if first is None or found is None:
        return []
    pieces = [found.group("value")] + [lines[n].strip() for n in range(first + 1, last + 1)]
    value, comment = _without_comment(" ".join(p.strip() for p in pieces))
    new = yaml_scalar(value)
    if new == value:  # dumped plain: force quotes, since plain is what failed
        new = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return [Fix("Quote this text", problem,
                (Edit((first, len(found.group("prefix"))), (last, len(lines[last])), new + comment),), preferred=True)]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _plain_value_start(lines: Lines, last: int) -> int | None:
    """The line whose `key: plain value` goes on to line last (its value may continue on deeper lines)."""
    best = None
    for number in range(last, max(last - 50, -1), -1):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            break
        if _PLAIN_VALUE.match(text) and all(_indent(lines[n]) > _indent(text) for n in range(number + 1, last + 1)):
            best = number
        elif best is not None and _indent(text) < _indent(lines[best]):
            break
    return best


def _without_comment(value: str) -> tuple[str, str]:
    found = re.search(r"\s+#", value)
    return (value[:found.start()], value[found.start():]) if found else (value.rstrip(), "")


def _mark_implicit(analysis: Analysis, problem: Problem, _sources) -> list[Fix]:
    occurrence = analysis.index.at(problem.line - 1, problem.column - 1)
    if occurrence is None or not occurrence.definition or occurrence.path[:1] != ("claims",):
        return []
    claim = _node(analysis.text, occurrence.path)
    lines = analysis.lines
    if getattr(claim, "flow_style", False):
        end = lines.place(claim.end_mark.index)
        edit = Edit((end[0], end[1] - 1), (end[0], end[1] - 1), ", implicit: true")
    else:
        keys = [key for key, _ in claim.value]
        indent = lines.place(keys[0].start_mark.index)[1]
        text_value = next((value for key, value in claim.value if key.value == "text"), claim.value[0][1])
        line, _ = lines.place(_trimmed_end(analysis.text, text_value))
        edit = Edit((line, len(lines[line])), (line, len(lines[line])), "\n" + " " * indent + "implicit: true")
    return [Fix(f"Mark '{occurrence.id}' implicit (a premise the text leaves unsaid)", problem, (edit,),
                preferred=True)]


def _set_hash(analysis: Analysis, problem: Problem, _sources) -> list[Fix]:
    found = re.search(r"\b[0-9a-f]{64}\b", problem.message if problem.code == "source-hash" else problem.hint or "")
    if not found:
        return []
    digest = found.group()
    if problem.code == "source-hash":
        start, end = _node_span(analysis, ("source", "sha256"))
        return [Fix("Update source.sha256 to the source's hash", problem, (Edit(start, end, digest),))]
    source = _node(analysis.text, ("source",))
    if getattr(source, "flow_style", False) or not source.value:
        return []
    lines = analysis.lines
    indent = lines.place(source.value[0][0].start_mark.index)[1]
    line, _ = lines.place(_trimmed_end(analysis.text, source.value[-1][1]))
    return [Fix("Add source.sha256", problem,
                (Edit((line, len(lines[line])), (line, len(lines[line])), "\n" + " " * indent + f"sha256: {digest}"),))]


_MAKERS = {
    "unknown-ref": _did_you_mean,
    "quote-not-found": _closest_passage,
    "yaml-syntax": _quote_text,
    "missing-quote": _mark_implicit,
    "source-hash": _set_hash,
    "source-hash-missing": _set_hash,
}


# --- nodes and their extent --------------------------------------------------------------------------

def _path_at(analysis: Analysis, problem: Problem) -> tuple | None:
    """The path of the deepest node that starts where the problem points."""
    where = (problem.line, problem.column)
    paths = [path for path, place in analysis.doc.positions.items() if place == where]
    return max(paths, key=len) if paths else None


def _value(data: object, path: tuple) -> str:
    for step in path:
        data = data[step]  # type: ignore[index]
    if not isinstance(data, str):
        raise TypeError("not a text")
    return data


def _node(text: str, path: tuple) -> yaml.Node:
    """The YAML node at a path, with its start and end marks."""
    node = yaml.compose(text, Loader=_Loader)
    if node is None:
        raise KeyError("an empty document")
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next(value for key, value in node.value if key.value == step)
        elif isinstance(node, yaml.SequenceNode):
            node = node.value[step]
        else:
            raise KeyError(step)
    return node


def _trimmed_end(text: str, node: yaml.Node) -> int:
    """The offset just after a node's last character (a block scalar's end mark lies past its line breaks)."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _node_span(analysis: Analysis, path: tuple) -> tuple[tuple[int, int], tuple[int, int]]:
    node = _node(analysis.text, path)
    return analysis.lines.place(node.start_mark.index), analysis.lines.place(_trimmed_end(analysis.text, node))
