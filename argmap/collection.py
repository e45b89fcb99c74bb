"""Python's cycle collector paused around work that makes many small objects and no cycles.

Each collection walks every object alive again, so on a big map it costs more the more has been built:
reading a 20,000-claim map, or ranking its pairs of claims, spent a fifth of its time there. Objects
are still freed by reference counting; only the search for cycles waits until the work is done.
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_cycle_collection(function: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper
