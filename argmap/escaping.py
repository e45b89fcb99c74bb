"""Escaping, one function per medium: a text from a map or a file name reaches no output as markup or a command.

DOT and the HTML page have their own escaping beside the code that builds them (drawing/graph.py, drawing/page.py).
"""
from __future__ import annotations

import re

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, kept by Python as a lone surrogate
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides that reorder what is shown
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def unicode(text: str) -> str:
    """Text that encodes as UTF-8: a non-UTF-8 byte of a file name shows as \\xNN, a lone surrogate as \\uNNNN."""
    text = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Text for a terminal, a log or a CI console: no control character, escape sequence or line break of its own,
    so a file name cannot ring the bell, move the cursor or start a GitHub workflow command on a new line."""
    return _INVISIBLE.sub(_visible, unicode(text))


def xml(text: str) -> str:
    """Text for XML 1.0, which forbids most control characters; ElementTree then escapes & < > and quotes."""
    return terminal(text)


def github_data(text: str) -> str:
    """The message of a GitHub Actions workflow command."""
    return _INVISIBLE.sub(_visible, unicode(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A property (file=, title=) of a GitHub Actions workflow command."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown(text: str) -> str:
    """Inline Markdown text that renders as itself: no HTML, image, link, heading, list, table cell or code span
    can come from it, and a line break in it does not start a new block."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(unicode(text).split()))
