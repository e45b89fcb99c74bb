"""Coverage reports: for each map, the sentences of its source that no quote carries."""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .. import escaping
from ..coverage import CARRIED, LEFT_OUT, NOT_CARRIED, PARTLY, Coverage

Reports = Sequence[tuple[Path, Coverage]]
_GAP = " \u2026 "  # between two stretches of one sentence that no quote covers


def text(reports: Reports, show_all: bool = False) -> str:
    """A headline per map, then each sentence that is not carried (every sentence with show_all)."""
    lines = []
    for path, report in reports:
        lines.append(f"{escaping.terminal(str(path))}: {report.count(CARRIED)} of {report.arguable} sentences "
                     "that carry argument are carried "
                     f"({report.share:.1%}); {report.count(PARTLY)} partly, {report.count(NOT_CARRIED)} not carried; "
                     f"{report.count(LEFT_OUT)} left out with a reason")
        for sentence in report.sentences:
            if show_all or sentence.status not in (CARRIED, LEFT_OUT):
                detail = (f" by {', '.join(sentence.claims)}" if sentence.claims and sentence.status == CARRIED
                          else f": {sentence.reason}" if sentence.reason
                          else f"; not covered: {_GAP.join(sentence.uncovered_text)}" if sentence.status == PARTLY
                          else "")
                lines.append(f"  {escaping.terminal(report.source)}:{sentence.line}: {sentence.status}{detail}\n"
                             f"    {sentence.text!r}")
    return "".join(line + "\n" for line in lines)


def as_json(reports: Reports, show_all: bool = False) -> str:
    return json.dumps([{"file": escaping.unicode(str(path)), **report.as_dict()} for path, report in reports], indent=2,
                      ensure_ascii=False) + "\n"
