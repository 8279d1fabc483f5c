"""Keeping the cyclic garbage collector's full passes short.

A full (oldest-generation) collection walks every container object the collector tracks, and
while it runs it holds the interpreter lock, so the GUI thread waits for it whichever thread
triggered it. Signed in, the console holds a quarter of a million such objects, nearly all of
them made at start-up and alive until exit (modules, functions, classes, Qt wrappers, the
session's window and features): each full pass took 120–225 ms on the shift benchmark's machine
and was the longest stall of the event loop during page flips.

``settle()`` collects once and then moves every surviving object to the collector's permanent
generation, which later passes skip: a full pass then walks only what was made since, a few
milliseconds' worth. Frozen objects are still freed by reference counting; only cycles among
them would wait. So ``thaw()`` hands them back to the collector when a session ends (its
window, features and caches become garbage then, some of it in cycles), and the next session
settles again once it has started.
"""

from __future__ import annotations

import gc
import logging
from time import perf_counter

logger = logging.getLogger(__name__)


def settle() -> int:
    """Collect, then exempt every object alive now from later passes; returns how many."""
    started = perf_counter()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    logger.info(
        "%d long-lived objects set aside from garbage collection (%.0f ms)",
        frozen,
        (perf_counter() - started) * 1000.0,
    )
    return frozen


def thaw() -> None:
    """Hand the objects set aside by ``settle`` back to the collector (a session ended)."""
    gc.unfreeze()
