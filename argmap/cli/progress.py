"""Progress bars for long batch work: shown on a terminal, silent when output goes to a file or a pipe."""
from __future__ import annotations

import contextlib
import sys

import click

MIN_ITEMS = 2


@contextlib.contextmanager
def progress(items, label: str, describe=None, minimum: int = MIN_ITEMS, length: int | None = None):
    """Iterate items, with a bar on stderr when it is a terminal and there are at least `minimum` of them.

    Items may be a generator whose work happens as it is read; give its length then.
    """
    if length is None:
        items = list(items)
        length = len(items)
    if length < minimum or not sys.stderr.isatty():
        yield items
        return
    with click.progressbar(items, length=length, label=label, file=sys.stderr,
                           item_show_func=lambda item: describe(item) if describe and item is not None else None
                           ) as bar:
        yield bar
