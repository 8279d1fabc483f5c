"""Background work for the console, and batching of high-rate updates.

``TaskRunner`` runs plain functions off the GUI thread in named lanes:

* ``"store"``: one worker, so writes to the local store happen one at a time, in order;
* ``"net"``: a small pool for HTTP calls, which spend their time waiting.

Functions take plain data and return plain data; the result (or the error) comes back to the
GUI thread through a queued signal, so callbacks may touch widgets and workers never do.

``Coalescer`` and ``Debouncer`` turn bursts of calls into one callback per interval.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import traceback
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from time import monotonic
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from console.scrub import scrub

logger = logging.getLogger(__name__)

STORE = "store"
NET = "net"

T = TypeVar("T")


@dataclass(eq=False)
class Task:
    """One submitted call. ``cancel()`` drops it if not started and suppresses its callbacks."""

    lane: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    title: str | None
    number: int
    cancelled: bool = field(default=False)

    def cancel(self) -> None:
        self.cancelled = True

    @property
    def name(self) -> str:
        return getattr(self.fn, "__qualname__", repr(self.fn))


_STOP = object()


class _Lane:
    """A fixed set of worker threads fed from one FIFO queue."""

    def __init__(self, name: str, workers: int, deliver: Callable[[Task, bool, Any], None]):
        self.name = name
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._deliver = deliver
        self._running = 0
        self._running_lock = threading.Lock()
        # Daemon threads, so a forgotten shutdown() cannot keep a closed console alive;
        # the composition root calls shutdown() to let store writes finish first.
        self._threads = [
            threading.Thread(target=self._work, name=f"tianmu-{name}-{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, task: Task) -> None:
        self._queue.put(task)

    def queued(self) -> int:
        return self._queue.qsize()

    def running(self) -> int:
        with self._running_lock:
            return self._running

    def drop_queued(self) -> int:
        dropped = 0
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return dropped
            if isinstance(item, Task):
                item.cancel()
                dropped += 1

    def stop(self) -> None:
        for _ in self._threads:
            self._queue.put(_STOP)

    def join(self, deadline: float) -> bool:
        for thread in self._threads:
            thread.join(max(0.0, deadline - monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            task: Task = item
            if task.cancelled:
                continue
            with self._running_lock:
                self._running += 1
            try:
                result = task.fn(*task.args)
            except BaseException as exc:  # every failure goes to the sink
                self._deliver(task, False, exc)
            else:
                self._deliver(task, True, result)
            finally:
                with self._running_lock:
                    self._running -= 1


class TaskRunner(QObject):
    """Runs plain functions in background lanes and calls back on the GUI thread.

    Signals:
        task_failed(str title, str detail): a task without ``on_error`` (or a callback) raised;
            the detail is scrubbed of credentials. Connect it to the one error display.
    """

    task_failed = Signal(str, str)
    _delivered = Signal(object, bool, object)

    def __init__(self, *, net_workers: int = 4, parent: QObject | None = None):
        super().__init__(parent)
        self._counter = itertools.count(1)
        self._closing = False
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self._lanes = {
            STORE: _Lane(STORE, 1, self._from_worker),
            NET: _Lane(NET, net_workers, self._from_worker),
        }

    def run(
        self,
        lane: str,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        title: str | None = None,
    ) -> Task:
        """Queue ``fn(*args)`` on ``lane``; never waits.

        ``on_done(result)`` or ``on_error(exception)`` run later on the GUI thread. Without
        ``on_error`` a failure is logged and sent to ``task_failed``, with ``title`` (a
        translated, user-facing description of the work) as its title.
        """
        if self._closing:
            raise RuntimeError("the task runner is shut down")
        try:
            target = self._lanes[lane]
        except KeyError:
            raise ValueError(f"unknown lane {lane!r}; use one of {sorted(self._lanes)}") from None
        task = Task(lane, fn, args, on_done, on_error, title, next(self._counter))
        target.submit(task)
        return task

    def stats(self) -> dict[str, dict[str, int]]:
        """How many tasks each lane has queued and running (plain data for diagnostics)."""
        return {
            name: {"queued": lane.queued(), "running": lane.running()}
            for name, lane in self._lanes.items()
        }

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Stop the lanes and wait up to ``timeout`` seconds for their threads to end.

        Queued store work still runs (it is what the operator asked to save); queued network
        requests are dropped. No callbacks are delivered after this call. Returns whether every
        worker ended in time.
        """
        self._closing = True
        dropped = self._lanes[NET].drop_queued()
        if dropped:
            logger.info("Dropped %s queued network tasks at shutdown", dropped)
        deadline = monotonic() + timeout
        for lane in self._lanes.values():
            lane.stop()
        finished = all(lane.join(deadline) for lane in self._lanes.values())
        if not finished:
            logger.warning("Background tasks still running after %.1f s at shutdown", timeout)
        return finished

    def _from_worker(self, task: Task, ok: bool, value: Any) -> None:
        if not ok:
            logger.debug("Task %s #%s raised %r", task.name, task.number, value)
        if not self._closing:
            self._delivered.emit(task, ok, value)

    @Slot(object, bool, object)
    def _on_delivered(self, task: Task, ok: bool, value: Any) -> None:
        if task.cancelled or self._closing:
            return
        try:
            if ok:
                if task.on_done is not None:
                    task.on_done(value)
                return
            if task.on_error is not None:
                task.on_error(value)
                return
            self._report(task, value)
        except Exception as exc:  # a failing callback must not escape into Qt's event loop
            self._report(task, exc)

    def _report(self, task: Task, exc: BaseException) -> None:
        logger.error("Task %s failed", task.name, exc_info=(type(exc), exc, exc.__traceback__))
        title = task.title or QCoreApplication.translate("TaskRunner", "A background task failed")
        text = "".join(traceback.format_exception(exc))
        self.task_failed.emit(title, scrub(text))


class Coalescer(QObject, Generic[T]):
    """Collects items and hands them over in one batch at most every ``interval_ms``.

    The first item of a burst starts the timer; further items join the batch, so a steady
    stream still gets through once per interval instead of being postponed forever. With
    ``key``, a later item replaces an earlier one with the same key (the latest position of a
    unit, say). Lives on, and is fed from, the GUI thread.
    """

    def __init__(
        self,
        interval_ms: int,
        callback: Callable[[list[T]], None],
        *,
        key: Callable[[T], Hashable] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._callback = callback
        self._key = key
        self._items: list[T] = []
        self._keyed: dict[Hashable, T] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    def add(self, item: T) -> None:
        if self._key is None:
            self._items.append(item)
        else:
            k = self._key(item)
            self._keyed.pop(k, None)
            self._keyed[k] = item
        if not self._timer.isActive():
            self._timer.start()

    def add_many(self, items: Iterable[T]) -> None:
        for item in items:
            self.add(item)

    def pending(self) -> int:
        return len(self._items) + len(self._keyed)

    @Slot()
    def flush(self) -> None:
        """Deliver what is pending now (also called by the timer)."""
        self._timer.stop()
        batch = self._items + list(self._keyed.values())
        self._items = []
        self._keyed = {}
        if batch:
            self._callback(batch)


class Debouncer(QObject):
    """Calls ``callback`` once the calls to ``trigger()`` have paused for ``interval_ms``.

    For work that only matters once input settles, such as filtering as the operator types.
    """

    def __init__(
        self, interval_ms: int, callback: Callable[[], None], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._fire)

    def trigger(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()

    def is_pending(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def _fire(self) -> None:
        self._callback()
