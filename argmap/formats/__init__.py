"""Other formats that argmap writes and reads: one module per format, each with dump() and, where it reads, load()."""
from __future__ import annotations

import json

from ..model import ArgumentMap
from . import aif, argdown, jsonmodel, markdown


def _aif_text(model: ArgumentMap) -> str:
    return json.dumps(aif.dump(model), indent=2, ensure_ascii=False) + "\n"


# export: (ArgumentMap) -> str
EXPORTS = {"argdown": argdown.dump, "aif": _aif_text, "markdown": markdown.dump, "json": jsonmodel.dump}
IMPORTS = ("aif", "argdown", "argdown-json")
