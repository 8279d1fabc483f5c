"""A thread that owns a resource which must only be touched from one thread (a libvlc player).

Calls are queued and run in order on the thread; nobody waits for them. If one call hangs (a
libvlc ``stop()`` on a dead network stream can block for seconds, or for ever), the owner sees
it through ``stuck_for()`` and may ``abandon()`` the thread: it is left to finish or hang on its
own, whatever it still had queued is dropped, and once the hung call returns the thread runs
the one clean-up given to ``abandon()`` and ends.

``running_threads()`` lists the command threads that have not ended yet (abandoned ones
included): at exit, a resource whose thread still runs may still be in use.

Making one never waits either. ``threading.Thread.start()`` blocks its caller until the new
thread has been scheduled and holds the interpreter lock; on two busy cores that is tens of
milliseconds, and a page flip makes sixteen. So the OS thread is started by a launcher thread
of its own: calls submitted meanwhile wait in the queue and run, in order, once it is up.

Video threads' priority lives here too, beside the threads that drive players:
``video_nice()`` is how many nice steps libvlc's threads run below the rest of the console
(the setting ``video.thread_nice``), and ``lower_own_priority`` is the one call that lowers a
thread. On Linux the nice value belongs to each thread and a new thread inherits its
creator's, so a thread that lowers itself and then starts a player (libvlc makes its input,
decoder and video output threads from there) lowers every one of them
(``console.video.vlc_source``). Threads that run Python keep the console's priority: a lowered
thread holding the interpreter lock is preempted by everything else on the machine while the
GUI thread waits for that lock.

It is off by default: measured here (bench/shift.py, bench/patrol.py; two cores shared with
other work, load 3-13) it trades one loss for another. At nice 10 the GUI thread waited for a
core about half as long and its lateness p99 fell to 0.55-0.65x, but decoders lost pictures
whenever the machine was short of time (327 against 47 in one run at load 10-13), and with the
players' command threads lowered too, the worst stalls grew (the GUI thread blocked on the
interpreter lock for about 165 ms). Worth trying on a machine with cores to spare.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
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


class _Launcher:
    """Starts command threads on a thread of its own, so their maker never waits.

    The launcher lives as long as the process (one daemon thread, asleep on its queue)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[CommandThread] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def launch(self, command_thread: CommandThread) -> None:
        self._queue.put(command_thread)
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name=LAUNCHER_THREAD_NAME, daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            self._queue.get()._launch()


LAUNCHER_THREAD_NAME = "command-thread-launcher"
_launcher = _Launcher()

#: How many nice steps the video threads run below the rest of the console by default: none
#: (see the module docstring for what a lower priority gains and costs).
DEFAULT_VIDEO_NICE = 0
_MAX_NICE = 19
_video_nice = DEFAULT_VIDEO_NICE
_priority_lock = threading.Lock()
_priority_failure_logged = False


def video_nice() -> int:
    """How many nice steps video threads (players, decoders) run below the console."""
    return _video_nice


def set_video_nice(increment: int) -> None:
    """Threads made from now on run ``increment`` nice steps lower (0: as the console);
    those running keep theirs (a thread can lower its priority, not raise it again)."""
    global _video_nice
    _video_nice = max(0, min(_MAX_NICE, int(increment)))


def lower_own_priority(increment: int) -> bool:
    """Run the calling thread, and every thread it makes from now on, ``increment`` nice
    steps lower than it runs now (at most nice 19). True when done (or nothing to do).

    Only on Linux, where the nice value is per thread. Where it fails (another system, a
    sandbox refusing ``setpriority``) the thread carries on at its priority, and the first
    failure is logged."""
    if increment <= 0:
        return True
    if not sys.platform.startswith("linux"):
        # Elsewhere setpriority() takes a process id, and a thread id is not one.
        _log_priority_failure("thread priorities are set on Linux only", logging.INFO)
        return False
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(_MAX_NICE, current + increment))
    except OSError as error:
        _log_priority_failure(str(error), logging.WARNING)
        return False
    return True


def _log_priority_failure(reason: str, level: int) -> None:
    global _priority_failure_logged
    with _priority_lock:
        if _priority_failure_logged:
            return
        _priority_failure_logged = True
    logger.log(level, "video threads run at the console's priority: %s", reason)


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
        self._launched = threading.Event()
        self._ended = threading.Event()
        with _all_threads_lock:
            _all_threads.add(self)
        _launcher.launch(self)

    def _launch(self) -> None:
        """On the launcher thread: start the OS thread."""
        try:
            self._thread.start()
        except RuntimeError:
            # The interpreter is shutting down (or out of threads): nothing will run.
            logger.exception("%s: could not start", self.name)
            self._ended.set()
        finally:
            self._launched.set()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    @property
    def alive(self) -> bool:
        """True until the thread has ended (a thread still being started counts as alive)."""
        return not self._ended.is_set()

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
        deadline = time.monotonic() + timeout
        if not self._launched.wait(timeout):
            return False
        if self._thread.ident is not None:
            self._thread.join(max(0.0, deadline - time.monotonic()))
        return self._ended.is_set()

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
            self._ended.set()

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
