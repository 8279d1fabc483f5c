"""A thread that owns a resource which must only be touched from one thread (a libvlc player).

Calls are queued and run in order on the thread; nobody waits for them. If one call hangs (a
libvlc ``stop()`` on a dead network stream can block for seconds, or for ever), the owner sees
it through ``stuck_for()`` and may ``abandon()`` the thread: it is left to finish or hang on its
own, whatever it still had queued is dropped, and once the hung call returns the thread runs
the one clean-up given to ``abandon()`` and ends.

``running_threads()`` lists the command threads that have not ended yet (abandoned ones
included): at exit, a resource whose thread still runs may still be in use.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable
from typing import cast

logger = logging.getLogger(__name__)

_STOP = object()
# Every command thread made; a running one is kept alive by its own thread, so it stays here.
_all_threads: weakref.WeakSet[CommandThread] = weakref.WeakSet()
_all_threads_lock = threading.Lock()


def running_threads() -> list[CommandThread]:
    """The command threads that have not ended yet."""
    with _all_threads_lock:
        threads = list(_all_threads)
    return [thread for thread in threads if thread.alive]


class CommandThread:
    """A daemon thread running queued callables one at a time, in order.

    ``idle`` is called on the thread whenever ``idle_interval`` passes with nothing queued
    (used to read statistics on the owning thread). Errors raised by a command are logged and
    do not stop the thread.
    """

    def __init__(
        self,
        name: str,
        *,
        idle: Callable[[], None] | None = None,
        idle_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.name = name
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._idle = idle
        self._idle_interval = idle_interval
        self._clock = clock
        self._busy_since: float | None = None
        self._busy_with = ""
        self._abandoned = False
        self._closing = False
        self._then: Callable[[], object] | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        with _all_threads_lock:
            _all_threads.add(self)
        self._thread.start()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def submit(self, label: str, call: Callable[[], object]) -> None:
        """Queue ``call`` to run on the thread; ``label`` names it in logs. Ignored once the
        thread is finishing or abandoned (nothing would run it)."""
        if not self._abandoned and not self._closing:
            self._queue.put((label, call))

    def stuck_for(self) -> tuple[str, float]:
        """The command running now and for how long (``("", 0.0)`` when idle)."""
        since = self._busy_since
        if since is None:
            return "", 0.0
        return self._busy_with, self._clock() - since

    def finish(self) -> None:
        """Run what is queued, then end the thread; nothing submitted later runs."""
        self._closing = True
        self._queue.put(_STOP)

    def join(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s for the thread to end; True if it did. Never on the GUI
        thread."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def abandon(self, then: Callable[[], object] | None = None) -> None:
        """Give up on the thread: drop its queue. When its current call returns it runs
        ``then`` (the owner's clean-up, on this thread like every other call) and ends.

        Meant for a thread stuck in a call; a thread that has already ended (it was told to
        ``finish`` and did) runs nothing more."""
        self._then = then
        self._abandoned = True
        self._queue.put(_STOP)

    def _run(self) -> None:
        try:
            self._serve()
            then = self._then
            if self._abandoned and then is not None:
                self._guarded("clean-up", then)
        finally:
            # Whatever the owner handed over may refer back to the owner: let it go with
            # the thread rather than wait for the cycle collector.
            self._idle = self._then = None

    def _serve(self) -> None:
        while True:
            try:
                item = self._queue.get(timeout=self._idle_interval)
            except queue.Empty:
                item = None
            if item is None:
                if self._idle is not None and not self._abandoned:
                    self._guarded("idle", self._idle)
                continue
            if item is _STOP:
                return
            if self._abandoned:
                # Drain silently: the owner has moved on to a fresh thread.
                continue
            label, call = cast(tuple[str, Callable[[], object]], item)
            self._guarded(label, call)

    def _guarded(self, label: str, call: Callable[[], object]) -> None:
        self._busy_with = label
        self._busy_since = self._clock()
        try:
            call()
        except Exception:
            logger.exception("%s: %s failed", self.name, label)
        finally:
            self._busy_since = None
            self._busy_with = ""
