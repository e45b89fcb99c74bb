"""docs/library.md kept true: its example runs against the real library, from the repository's root."""
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.dot
def test_the_library_example_runs(monkeypatch, essays, needs_dot):
    text = (ROOT / "docs" / "library.md").read_text()
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    monkeypatch.chdir(ROOT)
    code = code.replace('"../shared/essays"', repr(str(essays)))
    namespace: dict = {}
    exec(compile(code, "docs/library.md", "exec"), namespace)  # noqa: S102 - the documented example itself
    assert namespace["svg"].startswith(b"<?xml") and b"<svg" in namespace["svg"]
    assert namespace["page"].startswith(b"<!DOCTYPE html>")
    assert namespace["dot_text"].startswith(b"digraph")
    assert namespace["problems"] == []
    assert namespace["result"].by_relation("contradicts")
    assert namespace["report"].share == 1.0
    assert namespace["imported"].claims > 0 and namespace["imported"].yaml.startswith("# yaml-language-server")
    assert os.getcwd() == str(ROOT)
