"""Reports: every output format of every command, as a registry of named formatters that return strings."""
from __future__ import annotations

from . import problems

# validate: (problems, files, strict=, color=) -> str
VALIDATE = {"text": problems.text, "json": problems.as_json, "github": problems.github, "junit": problems.junit}

summary = problems.summary


def __getattr__(name: str) -> dict:
    """COMPARE and COVERAGE, made on first use: `argmap validate` starts without the comparer and coverage."""
    if name == "COMPARE":  # (Comparison) -> str
        from . import comparison

        return {"text": comparison.as_text, "markdown": comparison.as_markdown, "json": comparison.as_json}
    if name == "COVERAGE":  # ([(path, Coverage)], show_all=) -> str
        from . import coverage

        return {"text": coverage.text, "json": coverage.as_json}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
