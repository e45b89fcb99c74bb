"""argmap.collection: the cycle collector is paused only while the work runs, and is back after it, even
after an error; where it was off before, it stays off."""
from __future__ import annotations

import gc

import pytest

from argmap.collection import without_cycle_collection


@without_cycle_collection
def _work(fail: bool) -> bool:
    if fail:
        raise ValueError("stop")
    return gc.isenabled()


def test_the_collector_is_paused_during_the_work_and_back_after_it():
    assert gc.isenabled()
    assert _work(False) is False
    assert gc.isenabled()
    with pytest.raises(ValueError, match="stop"):
        _work(True)
    assert gc.isenabled()
    gc.disable()
    try:
        _work(False)
        assert not gc.isenabled()  # what the caller chose is kept
    finally:
        gc.enable()
