"""The C heap is trimmed once per burst of player releases, off the caller's thread."""

from __future__ import annotations

import threading

from console.video import native_heap
from tests.support.polling import wait_for


def test_a_burst_of_releases_trims_the_heap_once_on_a_thread_of_its_own() -> None:
    assert native_heap.available(), "glibc's malloc_trim is found on this Linux machine"
    before = native_heap.figures().trims
    for _ in range(16):  # a page flip's worth of releases
        native_heap.trim_soon()
    trimmers = [t for t in threading.enumerate() if t.name == native_heap.THREAD_NAME]
    assert len(trimmers) == 1
    trimmers[0].join(native_heap.DELAY_S + 10.0)
    wait_for(lambda: native_heap.figures().trims > before, 5.0, "the trim")
    assert native_heap.figures().trims == before + 1


def test_large_blocks_get_mappings_of_their_own() -> None:
    assert native_heap.map_large_blocks(), "glibc takes the fixed mmap threshold"
