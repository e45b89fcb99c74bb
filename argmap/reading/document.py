"""Read YAML into plain data that remembers where every node stood, refusing what YAML does by surprise.

The loader walks PyYAML's event stream (the C parser where present) instead of building objects
through PyYAML's constructors, so that it can: keep a line and column for every node; treat
duplicate keys as errors; resolve plain scalars by YAML 1.2's core schema (``no``, ``on`` and dates
stay strings, so nothing silently changes meaning); refuse tags, merge keys, alias bombs and deep
nesting before any of them costs time or memory.
"""
from __future__ import annotations

import bisect
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from typing import NoReturn

import yaml

from ..collection import without_cycle_collection
from ..problems import Problem

try:  # the C parser is many times faster; the pure one gives the same events
    from yaml._yaml import CParser as _Parser  # the class that yaml.cyaml imports
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _PurePythonParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _PureParser(_Reader, _Scanner, _PurePythonParser):
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PurePythonParser.__init__(self)

    _Parser = _PureParser  # type: ignore[misc,assignment]  # another class, the same events

# the event types, looked up once: the walk compares every event's type with them
_ALIAS, _SCALAR = yaml.AliasEvent, yaml.ScalarEvent
_SEQUENCE, _SEQUENCE_END, _MAPPING, _MAPPING_END = (yaml.SequenceStartEvent, yaml.SequenceEndEvent,
                                                    yaml.MappingStartEvent, yaml.MappingEndEvent)

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

Path = tuple  # a JSON path: keys and list indexes from the document's root

_STANDARD_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

# YAML 1.2 core schema, the resolution JSON Schema expects; YAML 1.1's yes/no/on/off and dates stay text.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}

# C0 and C1 controls, and U+0085 (NEL), which YAML would silently turn into a line break
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TAB_INDENT = re.compile(r"^[ ]*\t")


@dataclass
class Document:
    """What was read from one file: its data (None when unreadable), where each node stood, and problems."""

    file: str
    data: object = None
    positions: dict = field(default_factory=dict)  # path -> (line, column) of the value
    key_positions: dict = field(default_factory=dict)  # path -> (line, column) of the key naming it
    problems: list = field(default_factory=list)
    text: str = ""

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of the node at path, or of its nearest ancestor that has one."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, path: Path, code: str, message: str, hint: str | None = None, key: bool = False) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, code, message, hint)


class _Stop(Exception):
    """Raised inside the walk to end loading with one problem."""

    def __init__(self, problem: Problem):
        self.problem = problem


def read_document(path: str | os.PathLike, display_name: str | None = None) -> Document:
    """Read and parse one file; never raises for bad input, it reports problems instead."""
    name = display_name or os.fspath(path)
    doc = Document(name)
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            doc.problems.append(Problem(name, 1, 1, "file-unreadable",
                                        "not a regular file (a folder, a pipe, a device)"))
            return doc
        size = status.st_size
        if size > MAX_BYTES:
            doc.problems.append(Problem(name, 1, 1, "file-too-large",
                                        f"the file is {size / 2**20:.1f} MiB; "
                                        f"argmap reads at most {MAX_BYTES // 2**20} MiB",
                                        "split the map into several files"))
            return doc
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        doc.problems.append(Problem(name, 1, 1, "file-unreadable", f"cannot read the file: {error.strerror or error}"))
        return doc
    return parse_bytes(raw, name)


def parse_bytes(raw: bytes, name: str) -> Document:
    """Decode and parse YAML bytes into a Document."""
    doc = Document(name)
    problem = _check_bytes(raw, name)
    if problem:
        doc.problems.append(problem)
        return doc
    text = raw.decode("utf-8")
    doc.text = text
    problems = _check_text(text, name)
    if problems:
        doc.problems.extend(problems)
        return doc
    try:
        _walk(doc, text)
    except _Stop as stop:
        doc.data = None
        doc.problems.append(stop.problem)
    except yaml.MarkedYAMLError as error:
        doc.data = None
        doc.problems.extend(_syntax_problems(error, name, text))
    except yaml.YAMLError as error:  # a reader error: it has a position but no mark
        doc.data = None
        doc.problems.append(Problem(name, 1, 1, "yaml-syntax", str(error).splitlines()[0]))
    return doc


def _check_bytes(raw: bytes, name: str) -> Problem | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        return Problem(name, 1, 1, "bom", "the file starts with a UTF-8 byte-order mark",
                       "save the file as UTF-8 without BOM")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(name, 1, 1, "encoding", "the file is UTF-16 or UTF-32, not UTF-8",
                       "save the file as UTF-8")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        return Problem(name, line, column, "encoding",
                       f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
                       "save the file as UTF-8 (it may be Latin-1 or Windows-1252)")
    if not raw.strip():
        return Problem(name, 1, 1, "empty-file", "the file is empty", "start from `argmap new` or an example in maps/")
    return None


def _check_text(text: str, name: str) -> list[Problem]:
    """A control character (the first), or every line indented with a tab: YAML cannot be read past them."""
    bad = _CONTROL.search(text)
    if bad:
        line, column = _line_column(text, bad.start())
        return [Problem(name, line, column, "control-character",
                        f"control character U+{ord(bad.group()):04X} is not allowed",
                        "delete it: maps hold text, and control characters would reach terminals and diagrams")]
    problems: list[Problem] = []
    if "\t" not in text:
        return problems
    for number, text_line in enumerate(text.split("\n"), start=1):
        tab = _TAB_INDENT.search(text_line)
        if tab and len(problems) < MAX_SYNTAX_PROBLEMS:
            problems.append(Problem(name, number, tab.end(), "tab", "a tab where YAML needs spaces",
                                    "indent with spaces; YAML does not allow tabs there"))
    return problems


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _offset(mark) -> int:
    """Where a mark stands in the text: the parsers mark every event, though the stubs allow None."""
    return mark.index


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


MAX_SYNTAX_PROBLEMS = 50
_COLON_TRAP = "mapping values are not allowed"
_KEY_AND_PLAIN_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s#'\"{\[][^#]*?):[ ]+([^'\"{\[|>&*!#\s].*?)\s*(#.*)?$")


def _syntax_problems(error: yaml.MarkedYAMLError, name: str, text: str) -> list[Problem]:
    """The syntax error, and every later one the parser can reach.

    A ': ' inside plain text is the trap that authors meet most: after each one, the colon is put out of
    the way (a same-width stand-in, so that lines and columns stay true) and the text parsed again, so that
    every such trap in the file is reported in one run, each with the fix. Other errors end the search.
    """
    problems = [_syntax_problem(error, name, text)]
    seen_lines = {problems[0].line}
    while problems[-1].code == "yaml-syntax" and _COLON_TRAP in problems[-1].message \
            and len(problems) < MAX_SYNTAX_PROBLEMS and len(text) <= 1_000_000:  # each pass parses the file again
        mark = error.problem_mark
        if mark is None or mark.index >= len(text) or text[mark.index] != ":":
            break
        text = text[:mark.index] + ";" + text[mark.index + 1:]
        try:
            _Walk(Document(name), text).run(text)
            break
        except (_Stop, yaml.YAMLError) as next_error:
            if not isinstance(next_error, yaml.MarkedYAMLError):
                break
            error = next_error
            found = _syntax_problem(error, name, text)
            if found.line not in seen_lines:  # one problem per line: the fix quotes the whole value
                problems.append(found)
                seen_lines.add(found.line)
    return problems


def _colon_hint(text: str, line: int) -> str:
    """How to fix a ': ' in plain text on this line: the line with its value quoted, when it is a key and a value."""
    source_line = text.split("\n")[line - 1] if 0 < line <= text.count("\n") + 1 else ""
    match = _KEY_AND_PLAIN_VALUE.match(source_line)
    if match is None:
        return "quote the text: a ': ' inside plain text starts a new key"
    lead, key, value, comment = match.groups()
    fixed = f"{lead.strip()} {key}: {json.dumps(value, ensure_ascii=False)}".strip()
    return f"quote the text, as in: {fixed}" + (f" {comment}" if comment else "")


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = _line_column(text, min(mark.index, len(text))) if mark else (1, 1)
    message = (error.problem or error.context or "invalid YAML").strip()
    if error.context and error.problem:
        message = f"{error.context}: {error.problem}"
    if "another document" in message:
        return Problem(name, line, column, "multiple-documents",
                       "the file holds more than one YAML document", "keep one map per file; remove the '---' line")
    hint = None
    if "maximum nesting depth" in message:
        return Problem(name, line, column, "too-deep", "nesting is deeper than the YAML parser accepts",
                       "an argument map needs only a few levels; check the brackets and indentation")
    if "Unicode character escape" in message:
        return Problem(name, line, column, "invalid-character", "an escape names no valid character (e.g. \\ud800)",
                       "write the character itself, or a valid \\U escape")
    if "tab" in message:
        return Problem(name, line, column, "tab", "a tab where YAML needs spaces", "indent with spaces")
    if _COLON_TRAP in message:
        hint = _colon_hint(text, line)
    elif "could not find expected ':'" in message or "expected <block end>" in message:
        hint = "check the indentation of this line against the lines above"
    elif "found undefined alias" in message or "undefined alias" in message:
        hint = "define the anchor (&name) before using the alias (*name)"
    return Problem(name, line, column, "yaml-syntax", message, hint)


@without_cycle_collection  # the walk builds trees of dicts, lists and tuples (0.4 s of 1.8 for two 20,000-claim maps)
def _walk(doc: Document, text: str) -> None:
    _Walk(doc, text).run(text)


class _Walk:
    """Builds plain data from parser events, recording positions and refusing surprises."""

    def __init__(self, doc: Document, text: str = ""):
        self.doc = doc
        self.text = text
        self.tabs = "\t" in text  # only then can a tab stand between a key's colon and its value; searched once
        # libyaml counts U+2028 and U+2029 as line breaks, editors do not: then count lines ourselves
        self.line_starts = ([0] + [m.end() for m in re.finditer("\n", text)]) if "\u2028" in text or "\u2029" in text \
            else None
        self.anchors: dict[str, tuple[object, int]] = {}  # anchor -> (data, expanded node count)
        self.nodes = 0

    def where(self, mark) -> tuple[int, int]:
        if self.line_starts is None:
            return mark.line + 1, mark.column + 1
        line = bisect.bisect_right(self.line_starts, mark.index)
        return line, mark.index - self.line_starts[line - 1] + 1

    def stop(self, mark, code: str, message: str, hint: str | None = None) -> NoReturn:
        raise _Stop(Problem(self.doc.file, *self.where(mark), code, message, hint))

    def run(self, text: str) -> None:
        parser = _Parser(text)
        try:
            events = iter(parser.get_event, None)
            documents = 0
            for event in events:
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        self.stop(event.start_mark, "multiple-documents", "the file holds more than one YAML document",
                                  "keep one map per file; remove the second '---' and what follows, or split the file")
                    self.doc.data = self.node(parser, parser.get_event(), (), 0)
                elif isinstance(event, yaml.StreamEndEvent):
                    break
            if documents == 0:
                raise _Stop(Problem(self.doc.file, 1, 1, "empty-file", "the file holds no YAML document",
                                    "start from an example in maps/"))
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()

    def _count(self, mark, size: int) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            self.stop(mark, "alias-bomb" if size > 1 else "file-too-large",
                      f"the document expands to more than {MAX_NODES:,} nodes",
                      "remove the aliases (*name) that repeat large parts" if size > 1 else "split the map")

    def node(self, parser, event, path: Path, depth: int):
        """The data of the node that event starts. This runs once per node of every file read, so it tests the
        event's type once and skips work that cannot find anything (see _check_text)."""
        if depth > MAX_DEPTH:
            self.stop(event.start_mark, "too-deep", f"nesting is deeper than {MAX_DEPTH} levels",
                      "an argument map needs only a few levels; check the indentation")
        mark = event.start_mark
        self.doc.positions[path] = (mark.line + 1, mark.column + 1) if self.line_starts is None else self.where(mark)
        kind = type(event)
        if kind is _ALIAS:
            if event.anchor not in self.anchors:
                self.stop(mark, "yaml-syntax", f"unknown alias *{event.anchor}", "define &anchor before *alias")
            data, size = self.anchors[event.anchor]
            self._count(mark, size)
            return data
        tag = event.tag
        if tag is not None and tag not in _STANDARD_TAGS:  # None: no tag
            self.stop(mark, "unsupported-tag", f"the YAML tag {_short_tag(tag)} is not accepted",
                      "remove the tag; argmap maps hold only text, numbers, booleans, lists and mappings")
        start = self.nodes
        self._count(mark, 1)
        if kind is _SCALAR:
            data = self.scalar(event)
        elif kind is _SEQUENCE:
            data = []
            get_event = parser.get_event
            while True:
                child = get_event()
                if type(child) is _SEQUENCE_END:
                    break
                data.append(self.node(parser, child, (*path, len(data)), depth + 1))
        elif kind is _MAPPING:
            data = self.mapping(parser, path, depth)
        else:  # pragma: no cover - the parser emits nothing else here
            self.stop(mark, "yaml-syntax", f"unexpected {kind.__name__}")
        if event.anchor:
            self.anchors[event.anchor] = (data, self.nodes - start)
        return data

    def mapping(self, parser, path: Path, depth: int) -> dict:
        data: dict = {}
        key_positions, positions = self.doc.key_positions, self.doc.positions
        get_event = parser.get_event
        tabs = self.tabs
        while True:
            key_event = get_event()
            kind = type(key_event)
            if kind is _MAPPING_END:
                return data
            mark = key_event.start_mark
            if kind is not _SCALAR:
                self.stop(mark, "non-string-key", "a mapping key must be plain text, not a list, mapping or alias",
                          "write the key as text")
            if key_event.tag is not None and key_event.tag not in _STANDARD_TAGS:
                self.stop(mark, "unsupported-tag", f"the YAML tag {_short_tag(key_event.tag)} is not accepted",
                          "remove the tag")
            key = key_event.value
            key_path = (*path, key)
            if key == "<<" and key_event.implicit[0]:
                self.stop(mark, "merge-key", "YAML merge keys (<<) are not accepted",
                          "write the properties out in full")
            if key in data:
                first = key_positions[key_path]
                self.stop(mark, "duplicate-key", f"the key {key!r} is given twice (first on line {first[0]})",
                          "remove one of them, or give them different names; YAML would silently keep the last")
            key_positions[key_path] = (mark.line + 1, mark.column + 1) if self.line_starts is None \
                else self.where(mark)
            if key_event.style == '"':
                self._check_text(key_event)
            value_event = get_event()
            if tabs:
                self._refuse_tab_after(key_event, value_event)
            if type(value_event) is _SCALAR and value_event.tag is None and not value_event.anchor \
                    and self.nodes < MAX_NODES and self.line_starts is None:  # most values: node()'s work, inline
                value_mark = value_event.start_mark
                positions[key_path] = (value_mark.line + 1, value_mark.column + 1)  # type: ignore[union-attr]
                self.nodes += 1
                data[key] = self.scalar(value_event)
            else:
                data[key] = self.node(parser, value_event, key_path, depth + 1)

    def _refuse_tab_after(self, key_event, value_event) -> None:
        """`a:\t1` is accepted by libyaml and refused by PyYAML's pure parser: refuse it on both."""
        key_end = _offset(key_event.end_mark)
        between = self.text[key_end:_offset(value_event.start_mark)]
        if "\t" in between and "\n" not in between.split("\t", 1)[0]:
            index = key_end + between.index("\t")
            line, column = _line_column(self.text, index)
            raise _Stop(Problem(self.doc.file, line, column, "tab", "a tab where YAML needs spaces",
                                "separate the key's colon from its value with spaces"))

    def _check_text(self, event) -> None:
        """Escapes ("\\x07", "\\ud800") can put into a value what the file itself may not hold.

        Only a double-quoted scalar has escapes: every other one holds characters of the file, which
        _check_text (the module's) has already searched. The walk calls this for those alone."""
        value = event.value
        if _SURROGATE.search(value):
            self.stop(event.start_mark, "invalid-character", "the text holds a lone surrogate (\\ud800-\\udfff)",
                      "write the character itself, or a valid \\U escape")
        bad = _CONTROL.search(value)
        if bad:
            self.stop(event.start_mark, "control-character",
                      f"the text holds control character U+{ord(bad.group()):04X} (written as an escape)",
                      "delete it: maps hold text, and control characters would reach terminals and diagrams")

    def scalar(self, event):
        style = event.style
        if style == '"':
            self._check_text(event)
        if style or event.tag == "tag:yaml.org,2002:str" or not event.implicit[0]:
            return event.value  # quoted, block, or tagged as text
        return resolve_plain(event.value)


# The first characters of the plain scalars that the core schema reads as other than text: null (~, null),
# booleans, numbers and .inf/.nan. Any other first character makes the scalar text, without a regex.
_NOT_ONLY_TEXT = frozenset("~nNtTfF0123456789+-.")


def resolve_plain(value: str):
    """What a plain (unquoted) scalar means under YAML 1.2's core schema, as argmap reads it."""
    if value and value[0] not in _NOT_ONLY_TEXT:
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        try:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        except ValueError:  # more digits than Python converts: no id or count is a number like that
            return value
    if _FLOAT.match(value):
        return float(value)
    if value.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value.lower()]
    return value


class Dumper(yaml.SafeDumper):
    """PyYAML's dumper writes YAML 1.1: it leaves `1e5` or `0o17` plain, which YAML 1.2 reads as numbers.
    This one quotes every string that argmap would not read back as the same string."""


def _represent_text(dumper: yaml.SafeDumper, value: str):
    node = dumper.represent_scalar("tag:yaml.org,2002:str", value)
    if resolve_plain(value) != value or not isinstance(resolve_plain(value), str):
        node.style = '"'
    return node


Dumper.add_representer(str, _represent_text)


def yaml_scalar(value: str) -> str:
    """value written as one YAML scalar that argmap reads back as the same text: plain where that is safe."""
    text = yaml.dump(value, Dumper=Dumper, allow_unicode=True, width=10**6)
    return text[: -len("\n...\n")] if text.endswith("\n...\n") else text.rstrip("\n")
