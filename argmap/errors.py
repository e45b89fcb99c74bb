"""The errors argmap raises on purpose: one family, each class with the exit status the CLI gives it."""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .problems import Problem


class ArgmapError(Exception):
    """Any error argmap raises for its user to fix; never a bug."""

    exit_code = 1


class UsageError(ArgmapError):
    """The call itself is wrong (a file of the wrong kind, an unknown id or format): exit 2."""

    exit_code = 2


class InvalidMap(ArgmapError):
    """A map (or links file) with errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0]
        super().__init__(f"{first.file}:{first.line}:{first.column}: {first.message}"
                         + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""))


class WrongKind(UsageError):
    """A links file given where a map is expected, or the other way round."""

    def __init__(self, path: str | os.PathLike[str], found: str, wanted: str, hint: str = ""):
        self.path, self.found, self.wanted = str(path), found, wanted
        super().__init__(f"{path} is {_article(found)} {found}, not {_article(wanted)} {wanted}"
                         + (f": {hint}" if hint else ""))


class NoMapFiles(UsageError):
    def __init__(self, paths: Iterable[str | os.PathLike[str]]):
        super().__init__(f"no map files (*.yaml, *.yml) in {', '.join(map(str, paths))}")


class UnknownId(UsageError):
    """An id named on the command line (such as --focus) that the map does not define."""


class OutputIsInput(UsageError):
    def __init__(self, output: str | os.PathLike[str], source: str | os.PathLike[str]):
        super().__init__(f"the output {output} is the input {source}: it would be overwritten")


class CannotWrite(ArgmapError):
    def __init__(self, path: str | os.PathLike[str], error: OSError | str):
        reason = error if isinstance(error, str) else (error.strerror or str(error))
        super().__init__(f"cannot write {path}: {reason}")


class CannotRead(ArgmapError):
    """An input that is not a regular file, is too large, or cannot be read."""

    def __init__(self, path: str | os.PathLike[str], reason: str):
        super().__init__(f"cannot read {path}: {reason}")


class SourceNotFound(ArgmapError):
    """The source text a map names is not in any sources folder, nor beside the map."""

    def __init__(self, map_file: str | os.PathLike[str], name: str | None):
        super().__init__(f"{map_file}: the source {name or '(source.file not set)'} was not found; "
                         "name its folder with --sources")


class ImportFailed(ArgmapError):
    """A file that cannot be read as the format it was taken for."""


class DotError(ArgmapError):
    """Graphviz's dot could not make the drawing."""


class DotNotFound(DotError):
    """The dot binary is not installed: exit 3."""

    exit_code = 3


class DotFailed(DotError):
    """dot ran and failed, or took too long: exit 4."""

    exit_code = 4


class DrawingWarning(UserWarning):
    """dot drew the map but warned, for instance that it scaled a PNG down to fit."""


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"
