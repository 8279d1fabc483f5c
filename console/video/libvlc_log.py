"""libvlc's log lines, carried from libvlc's threads into Python logging by a thread of ours.

libvlc calls its log callback on its own threads. Logging right there is not free on Python
3.11: every log record asks ``threading.current_thread()``, which, on a thread Python did not
start, creates a ``_DummyThread`` that is never removed — hundreds of objects every few minutes
on a busy wall, for the life of the process. So the callback only formats its line (the
arguments are valid during the call only) and offers it here; one Python thread takes the
lines off the queue, scrubs and logs them.

A flood cannot grow memory: past ``backlog_max`` waiting lines, further lines are dropped and
counted, and the count is logged once the writer catches up.
"""

from __future__ import annotations

import logging
import queue
import threading

from console.scrub import scrub

_STOP = None


class LogRelay:
    """A queue of ``(level, text)`` lines from foreign threads, logged on ``libvlc-log``."""

    def __init__(self, target: logging.Logger, *, backlog_max: int = 2000) -> None:
        self._target = target
        self._backlog_max = backlog_max
        self._lines: queue.SimpleQueue[tuple[int, str] | None] = queue.SimpleQueue()
        self._dropped = 0  # written by foreign threads, read by ours: a count, not a ledger
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def offer(self, level: int, text: str) -> None:
        """Queue one line; never blocks and never logs (any thread)."""
        if self._lines.qsize() >= self._backlog_max:
            self._dropped += 1
            return
        self._lines.put((level, text))

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, name="libvlc-log", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Log what is queued, then end the thread (no line may be offered afterwards)."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return
        self._lines.put(_STOP)
        thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def _run(self) -> None:
        while True:
            line = self._lines.get()
            if line is _STOP:
                return
            level, text = line
            try:
                self._target.log(level, "%s", scrub(text))
                self._report_dropped()
            except Exception:  # a broken handler must not end the relay
                continue

    def _report_dropped(self) -> None:
        if self._dropped and self._lines.empty():
            dropped, self._dropped = self._dropped, 0
            self._target.info("%d libvlc log lines dropped (too many at once)", dropped)
