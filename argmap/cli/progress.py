"""Progress bars for long batch work: shown on a terminal, silent when output goes to a file or a pipe."""
from __future__ import annotations

import contextlib
import sys

import click

MIN_ITEMS = 2


@contextlib.contextmanager
def progress(items, label: str, describe=None, minimum: int = MIN_ITEMS):
    """Iterate items, with a bar on stderr when it is a terminal and there are at least `minimum` of them."""
    items = list(items)
    if len(items) < minimum or not sys.stderr.isatty():
        yield items
        return
    with click.progressbar(items, label=label, file=sys.stderr,
                           item_show_func=lambda item: describe(item) if describe and item else (str(item) if item else "")
                           ) as bar:
        yield bar
