"""Keeping the C heap from holding memory that players have freed (glibc only).

A libvlc player allocates its decoder's pictures, buffers and filters with ``malloc`` on its
own threads, so glibc serves them from per-thread arenas; and after the first free of a
large block glibc raises its mmap threshold (up to 32 MB), so later large blocks come from
the arenas too. When the player is released that memory is free, but glibc returns a free
region to the kernel only when it lies at the top of an arena; the rest stays resident. A
wall that keeps flipping pages mostly reuses it, but measured with ``bench/players.py``
(100 flips of 16 players, 2 s per page) the process ended at about 470 MB and peaked at
630 MB, and over 300 flips it still grew by about 0.27 MB per flip.

Two remedies, both here:

* ``map_large_blocks()`` (before the first player) fixes the mmap threshold at
  ``MMAP_THRESHOLD`` bytes: every block that large (a decoded picture is 350 KB for a
  640x360 stream) gets a mapping of its own, which goes back to the kernel when freed.
  libvlc allocates such blocks when a video starts, not per picture: 16 playing tiles took
  the same CPU with and without it (41-44 % of a core either way, measured side by side).
* ``trim_soon()`` (after a release) runs ``malloc_trim(0)``, which walks every arena and
  hands its free pages back; once per burst of releases (a page flip releases sixteen
  players within about a second): the first release schedules it ``DELAY_S`` later on a
  short-lived thread, never on the GUI thread, since it takes every arena's lock in turn.
  It took at most about 40 ms of CPU time in the runs above.

With both, the same run ended at about 250 MB and peaked below 310 MB, and 300 flips grew
it by 0.002 MB per flip (standard error 0.007). Elsewhere than glibc this does nothing, and
so does ``TIANMU_HEAP_TUNING=0`` (for measuring the difference). The pictures' own buffers
do not depend on it: they are mapped and unmapped whole (``console.video.picture_memory``).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

DELAY_S = 1.0
THREAD_NAME = "tianmu-heap-trim"
MMAP_THRESHOLD = 256 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def _glibc_function(name: str, *argtypes: type) -> Callable[..., int] | None:
    if not sys.platform.startswith("linux") or os.environ.get("TIANMU_HEAP_TUNING") == "0":
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)  # glibc only (musl has neither)
    except (OSError, AttributeError):
        return None
    function.argtypes = list(argtypes)
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


@dataclass(frozen=True)
class TrimFigures:
    """How often the heap was trimmed, and the longest trim in time passed and in the
    trimming thread's CPU time (on a busy machine the first is mostly waiting)."""

    trims: int
    longest_s: float
    longest_cpu_s: float


_malloc_trim = _glibc_function("malloc_trim", ctypes.c_size_t)
_mallopt = _glibc_function("mallopt", ctypes.c_int, ctypes.c_int)
_lock = threading.Lock()
_scheduled: threading.Timer | None = None
_trims = 0
_longest_s = 0.0
_longest_cpu_s = 0.0


def available() -> bool:
    return _malloc_trim is not None


def map_large_blocks() -> bool:
    """Give every block of ``MMAP_THRESHOLD`` bytes or more a mapping of its own, for good
    (see the module docstring); True if the C library took it."""
    if _mallopt is None:
        return False
    return _mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1


def trim_soon() -> None:
    """Something large was freed (a player released): trim the heap in a moment, once for
    all that is freed meanwhile."""
    global _scheduled
    if _malloc_trim is None:
        return
    with _lock:
        if _scheduled is not None:
            return
        timer = threading.Timer(DELAY_S, _trim)
        timer.name = THREAD_NAME
        timer.daemon = True
        _scheduled = timer
    timer.start()


def figures() -> TrimFigures:
    with _lock:
        return TrimFigures(trims=_trims, longest_s=_longest_s, longest_cpu_s=_longest_cpu_s)


def _trim() -> None:
    global _scheduled, _trims, _longest_s, _longest_cpu_s
    with _lock:
        _scheduled = None
    assert _malloc_trim is not None
    started, started_cpu = time.monotonic(), time.thread_time()
    _malloc_trim(0)
    took, took_cpu = time.monotonic() - started, time.thread_time() - started_cpu
    with _lock:
        _trims += 1
        _longest_s = max(_longest_s, took)
        _longest_cpu_s = max(_longest_cpu_s, took_cpu)
    logger.debug("C heap trimmed in %.1f ms (%.1f ms CPU)", took * 1000, took_cpu * 1000)
