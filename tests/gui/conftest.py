"""Every GUI test must leave no top-level widget and no running thread of its own behind.

A leak found here fails the test that caused it, where the cause is still easy to see, instead
of slowing, confusing or crashing a later test (or a 24-hour shift).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.app import Services
from tests.support.console_services import console_services
from tests.support.leak_guard import Snapshot, ThreadOwnership, find_leaks, tracking_qthreads

# Threads that outlive a test by design, started by whichever test first needs them (name
# prefixes).
_PROCESS_WIDE_THREADS: tuple[str, ...] = (
    # The in-process backend (a module or session fixture, not the test) runs its blocking
    # endpoints on AnyIO's shared worker pool; a worker is kept for the next request and
    # retires after ten idle seconds.
    "AnyIO worker thread",
    # libvlc's log lines are logged on this thread for as long as the process's one libvlc
    # instance lives (console.video.libvlc_log); it starts with the first player.
    "libvlc-log",
    # Starts libvlc players' command threads so their maker never waits (console.video.worker).
    "command-thread-launcher",
    # One heap trim for the process after a burst of player releases (console.video.
    # native_heap): a release at the end of one test may schedule it; on a busy machine
    # malloc_trim can take longer than the grace period while libvlc threads hold arenas.
    "tianmu-heap-trim",
)


def process_wide(thread: threading.Thread) -> bool:
    return thread.name.startswith(_PROCESS_WIDE_THREADS)


@pytest.fixture(scope="session", autouse=True)
def _track_qthreads() -> Iterator[None]:
    with tracking_qthreads():
        yield


@pytest.fixture
def thread_ownership() -> ThreadOwnership:
    """For a test that starts threads on a longer-lived fixture's behalf."""
    return ThreadOwnership(process_wide)


@pytest.fixture(autouse=True)
def _no_leaks(
    qapp: QApplication, request: pytest.FixtureRequest, thread_ownership: ThreadOwnership
) -> Iterator[None]:
    """Fail the test if it leaves top-level widgets or threads it started alive."""
    before = Snapshot.take()
    yield
    leaks = find_leaks(before, allowed_thread=thread_ownership.allowed)
    if leaks:
        pytest.fail(f"{request.node.nodeid} leaked:\n{leaks.report()}", pytrace=False)


@pytest.fixture
def services(qapp: QApplication, _isolated_home: Path) -> Iterator[Services]:
    """The console's application services, torn down after the test."""
    with console_services(qapp) as built:
        yield built
