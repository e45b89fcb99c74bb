"""Places in a text: argmap's 1-based line and code-point column, LSP's 0-based line and UTF-16 units.

A Span is a piece of one line, in 0-based lines and code-point columns. Lines end as LSP says they
do (\\n, \\r\\n or \\r), which is also where YAML ends them; every conversion to the client's units goes
through Lines, so a curly quote, an em dash or an emoji before a position moves it the right way.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_BREAK = re.compile(r"\r\n|\r|\n")
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


@dataclass(frozen=True, order=True)
class Span:
    """Columns start to end (code points, end excluded) of 0-based line `line`."""

    line: int
    start: int
    end: int

    def holds(self, line: int, column: int) -> bool:
        """Whether a cursor at (line, column) touches the span (right after its last character counts)."""
        return line == self.line and self.start <= column <= self.end


def units(text: str, encoding: str = UTF16) -> int:
    """The length of text in the client's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class Lines:
    """A text cut into lines, for conversions between offsets, code-point columns and client units."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [match.end() for match in _BREAK.finditer(text)]

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, number: int) -> str:
        """Line number (0-based) without its line break; '' past the end."""
        if not 0 <= number < len(self.starts):
            return ""
        start = self.starts[number]
        end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end]
        if line.endswith("\r\n"):
            return line[:-2]
        return line[:-1] if line.endswith(("\r", "\n")) else line

    def offset(self, line: int, column: int) -> int:
        """The offset in the text of a 0-based line and code-point column (clamped to the text)."""
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[max(line, 0)] + min(max(column, 0), len(self[line]))

    def place(self, offset: int) -> tuple[int, int]:
        """The 0-based line and code-point column of an offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def to_client(self, line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
        """A code-point column as the client counts it: UTF-16 units unless the client chose otherwise."""
        return line, units(self[line][:column], encoding)

    def from_client(self, line: int, character: int, encoding: str = UTF16) -> int:
        """The code-point column of a client position (clamped to the line)."""
        text = self[line]
        if encoding == UTF32:
            return min(character, len(text))
        count = 0
        for column, char in enumerate(text):
            if count >= character:
                return column
            count += units(char, encoding)
        return len(text)

    def problem_span(self, line: int, column: int) -> Span:
        """The span that a problem at 1-based (line, column) points at: the token that starts there."""
        number, start = line - 1, column - 1
        text = self[number]
        start = min(max(start, 0), len(text))
        end = token_end(text, start)
        if end == start:  # at the end of a line, or on a space: mark the rest of the line, or one character
            end = len(text.rstrip()) if len(text.rstrip()) > start else min(start + 1, len(text))
        return Span(number, start, end)


_PLAIN_STOP = re.compile(r":(?=\s|$)| #")
_FLOW_STOP = re.compile(r":(?=\s|$)| #|[,\]}]")


def token_end(line: str, start: int) -> int:
    """Where the YAML token that starts at column start ends: a quoted string, a key, or a plain value."""
    if start >= len(line):
        return start
    char = line[start]
    if char in "\"'":
        index = start + 1
        while index < len(line):
            if char == '"' and line[index] == "\\":
                index += 2
                continue
            if line[index] == char:
                if char == "'" and line[index + 1:index + 2] == "'":
                    index += 2
                    continue
                return index + 1
            index += 1
        return len(line)
    if char == "#":
        return len(line.rstrip())
    if char in "[{":  # a flow collection: to its closing bracket on this line
        depth = 0
        for index in range(start, len(line)):
            depth += (line[index] in "[{") - (line[index] in "]}")
            if depth == 0:
                return index + 1
        return len(line.rstrip())
    before = line[:start]
    in_flow = before.count("[") + before.count("{") > before.count("]") + before.count("}")
    stop = (_FLOW_STOP if in_flow else _PLAIN_STOP).search(line, start + (char in "-?"))
    end = stop.start() if stop else len(line)
    return start + len(line[start:end].rstrip())
