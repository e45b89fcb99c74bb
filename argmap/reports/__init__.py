"""Reports: every output format of every command, as a registry of named formatters that return strings."""
from __future__ import annotations

from . import comparison, coverage, problems

# validate: (problems, files, strict=, color=) -> str
VALIDATE = {"text": problems.text, "json": problems.as_json, "github": problems.github, "junit": problems.junit}
# compare: (Comparison) -> str
COMPARE = {"text": comparison.as_text, "markdown": comparison.as_markdown, "json": comparison.as_json}
# coverage: ([(path, Coverage)], show_all=) -> str
COVERAGE = {"text": coverage.text, "json": coverage.as_json}

summary = problems.summary
