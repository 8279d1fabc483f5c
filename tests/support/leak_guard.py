"""What a GUI test may not leave behind: top-level widgets and threads it started.

``Snapshot.take()`` before the test, ``find_leaks(before)`` after it. Widgets handed to
``deleteLater`` are given their deferred deletes first; threads get a short grace period to
finish, spent waiting on the threads themselves (join, ``QThread.wait``,
``QThreadPool.waitForDone``) with the event loop turning in between, since a thread may be
finishing through a queued call to the GUI thread.
"""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

GRACE_S = 5.0
# How long one wait on a thread or the pool lasts before the event loop turns again.
_STEP_S = 0.05

# QThreads started while tracking is on (Python has no list of them otherwise).
_started_qthreads: list[weakref.ref[QThread]] = []
_original_qthread_start = QThread.start


def _tracked_start(self: QThread, *args: object, **kwargs: object) -> None:
    _started_qthreads.append(weakref.ref(self))
    _original_qthread_start(self, *args, **kwargs)  # type: ignore[arg-type]


@contextmanager
def tracking_qthreads() -> Iterator[None]:
    """Record every ``QThread.start()`` made from Python while the block runs."""
    QThread.start = _tracked_start  # type: ignore[method-assign]
    try:
        yield
    finally:
        QThread.start = _original_qthread_start  # type: ignore[method-assign]


def _address(widget: QWidget) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


def _live_top_level_widgets() -> list[QWidget]:
    if QApplication.instance() is None:
        return []
    return [w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w)]


def python_threads() -> set[threading.Thread]:
    # A _DummyThread stands for a thread Python did not start (one of libvlc's, calling back
    # into Python); it never ends in Python's eyes, and libvlc's threads are not the test's.
    return {
        t
        for t in threading.enumerate()
        if t.is_alive() and not isinstance(t, threading._DummyThread)
    }


@dataclass(frozen=True)
class Snapshot:
    widgets: frozenset[int]
    threads: frozenset[threading.Thread]
    qthreads_started: int

    @classmethod
    def take(cls) -> Snapshot:
        return cls(
            widgets=frozenset(_address(w) for w in _live_top_level_widgets()),
            threads=frozenset(python_threads()),
            qthreads_started=len(_started_qthreads),
        )


@dataclass
class Leaks:
    widgets: list[str] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.widgets or self.threads)

    def report(self) -> str:
        lines = []
        if self.widgets:
            lines.append("top-level widgets still alive after the test:")
            lines += [f"  {w}" for w in self.widgets]
        if self.threads:
            lines.append("threads started by the test and still running:")
            lines += [f"  {t}" for t in self.threads]
        return "\n".join(lines)


def _describe_widget(widget: QWidget) -> str:
    name = widget.objectName()
    title = widget.windowTitle()
    state = "visible" if widget.isVisible() else "hidden"
    return (
        f"{type(widget).__module__}.{type(widget).__qualname__}"
        + (f" {name!r}" if name else "")
        + (f" titled {title!r}" if title else "")
        + f" ({state})"
    )


def _settle(collect: bool) -> None:
    """Drop what only garbage keeps alive and run the deletes that deleteLater() asked for."""
    if collect:
        gc.collect()
    app = QCoreApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _running_qthreads(before: Snapshot) -> list[QThread]:
    running = []
    for ref in _started_qthreads[before.qthreads_started :]:
        thread = ref()
        if thread is not None and shiboken6.isValid(thread) and thread.isRunning():
            running.append(thread)
    return running


def _current_leaks(
    before: Snapshot, allowed_thread: Callable[[threading.Thread], bool]
) -> tuple[Leaks, list[threading.Thread], list[QThread], bool]:
    widgets = [w for w in _live_top_level_widgets() if _address(w) not in before.widgets]
    threads = sorted(
        (t for t in python_threads() - before.threads if not allowed_thread(t)),
        key=lambda t: t.name,
    )
    qthreads = _running_qthreads(before)
    pool_busy = QThreadPool.globalInstance().activeThreadCount() > 0
    leaks = Leaks(
        widgets=[_describe_widget(w) for w in widgets],
        threads=[f"{t.name} ({'daemon' if t.daemon else 'non-daemon'})" for t in threads]
        + [f"QThread {type(q).__qualname__} {q.objectName()!r}" for q in qthreads]
        + (["QThreadPool.globalInstance(): tasks still running"] if pool_busy else []),
    )
    return leaks, threads, qthreads, pool_busy


def _wait_a_step(threads: list[threading.Thread], qthreads: list[QThread], pool: bool) -> None:
    if threads:
        threads[0].join(_STEP_S)
    elif qthreads:
        qthreads[0].wait(int(_STEP_S * 1000))
    elif pool:
        QThreadPool.globalInstance().waitForDone(int(_STEP_S * 1000))


def find_leaks(
    before: Snapshot,
    *,
    allowed_thread: Callable[[threading.Thread], bool] = lambda _t: False,
    grace_s: float = GRACE_S,
) -> Leaks:
    """What is alive now that was not in ``before``, after the grace period."""
    deadline = time.monotonic() + grace_s
    # Collecting garbage takes a while on a large heap: only once something looks left over.
    collect = False
    while True:
        _settle(collect)
        leaks, threads, qthreads, pool_busy = _current_leaks(before, allowed_thread)
        if not leaks:
            return leaks
        if not collect:
            collect = True
            continue
        waiting_helps = bool(threads or qthreads or pool_busy)
        if not waiting_helps or time.monotonic() >= deadline:
            return leaks
        _wait_a_step(threads, qthreads, pool_busy)


class ThreadOwnership:
    """Which threads that a test starts are not its to stop."""

    def __init__(self, process_wide: Callable[[threading.Thread], bool]) -> None:
        self._process_wide = process_wide
        self._outliving: set[threading.Thread] = set()

    @contextmanager
    def started_for_a_fixture(self) -> Iterator[None]:
        """Threads started inside the block belong to a longer-lived fixture (a shared server
        the test restarts, say), which stops them itself."""
        before = python_threads()
        try:
            yield
        finally:
            self._outliving |= python_threads() - before

    def allowed(self, thread: threading.Thread) -> bool:
        return thread in self._outliving or self._process_wide(thread)
