"""Long-lived objects set aside from the cyclic collector, and handed back."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from console import heap


class _Node:
    """Half of a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    yield
    heap.thaw()


def test_settle_sets_aside_what_is_alive_and_not_what_comes_later() -> None:
    kept = _Node()
    settled = heap.settle()
    now = gc.get_freeze_count()
    # Other threads (earlier tests' daemons) may free a few frozen objects by refcounting
    # between the two readings; the count only falls for that reason.
    assert 0 < now <= settled
    assert settled - now < 1000
    assert gc.is_tracked(kept)
    frozen = gc.get_freeze_count()
    later = [_Node() for _ in range(1000)]
    gc.collect()
    # Not set aside: only the next settle does that (refcounting may have freed a few).
    assert gc.get_freeze_count() <= frozen
    assert heap.settle() >= frozen - 100 + len(later)


def test_garbage_made_before_settle_is_collected_first() -> None:
    garbage = _cycle()
    heap.settle()
    assert garbage() is None


def test_a_cycle_set_aside_waits_for_thaw_and_is_then_collected() -> None:
    alive = _Node()
    alive.other = _Node()
    alive.other.other = alive
    watched = weakref.ref(alive)
    heap.settle()
    del alive
    gc.collect()
    assert watched() is not None  # set aside: a full pass does not look at it
    heap.thaw()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert watched() is None
