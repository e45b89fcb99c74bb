"""Run Graphviz's `dot` on DOT text, with a timeout, telling a missing binary from a failed run."""
from __future__ import annotations

import os
import shutil
import subprocess

from ..errors import DotFailed, DotNotFound

FORMATS = ("svg", "png", "pdf")
INSTALL_HINT = ("install Graphviz: 'sudo apt-get install graphviz' (Debian, Ubuntu), 'brew install graphviz' "
                "(macOS), 'winget install graphviz' (Windows); or see https://graphviz.org/download/")


def _not_found() -> DotNotFound:
    configured = os.environ.get("ARGMAP_DOT")
    where = f"ARGMAP_DOT names {configured!r}, which was not found" if configured else \
        "Graphviz's 'dot' program was not found on PATH"
    return DotNotFound(f"{where}; {INSTALL_HINT}")


def dot_command() -> str:
    """The dot executable: $ARGMAP_DOT, else `dot` on PATH."""
    found = shutil.which(os.environ.get("ARGMAP_DOT", "dot"))
    if not found:
        raise _not_found()
    return found


def warnings_of(stderr: bytes) -> list[str]:
    """dot's warnings, each once, with a hint where dot shrank the drawing to fit a bitmap."""
    found: list[str] = []
    for raw in stderr.decode("utf-8", "replace").splitlines():
        line = raw.strip()
        if line.lower().startswith("warning:"):
            line = line[len("warning:"):].strip()
        if not line or line in found:
            continue
        found.append(line)
    return [line + ("; the picture is smaller than the drawing: render SVG or PDF, or draw part of the map with "
                    "--focus" if "scaling" in line.lower() else "") for line in found]


def run_dot(source: str, output_format: str, timeout: float = 120.0, warn=None) -> bytes:
    """The output of `dot -T<format>` for source; raises DotNotFound, or DotFailed with dot's stderr.

    Each warning that dot prints on success (such as scaling a bitmap down to fit) goes to warn(message).
    """
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}")
    command = [dot_command(), f"-T{output_format}"]
    try:
        finished = subprocess.run(command, input=source.encode("utf-8"), capture_output=True, timeout=timeout,
                                  check=False)
    except FileNotFoundError:
        raise _not_found() from None
    except subprocess.TimeoutExpired:
        raise DotFailed(f"dot took longer than {timeout:g} s and was stopped; "
                        "try --focus ID to draw part of the map, or raise --timeout") from None
    if finished.returncode != 0 or not finished.stdout:
        stderr = finished.stderr.decode("utf-8", "replace").strip()
        raise DotFailed(f"dot failed (exit {finished.returncode}): {stderr or 'no output'}")
    if warn is not None:
        for message in warnings_of(finished.stderr):
            warn(message)
    return finished.stdout
