"""Measuring how responsive the GUI event loop is.

``LatenessProbe`` arms a precise 10 ms timer on the GUI thread and records how late each tick
arrives. A late tick means the event loop was busy: a slow slot, a blocking call, a long
repaint. The figures (p50, p99, max) feed the Diagnostics dialog and the benchmarks.

A tick that arrives late only proves the loop *was* blocked; by then the culprit has returned.
So a watchdog thread looks at the GUI thread while it is still stuck and keeps its Python stack,
which the warning for the late tick then carries.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections import deque
from time import perf_counter
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Slot

logger = logging.getLogger(__name__)


def _percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


class LatenessProbe(QObject):
    """Event-loop lateness watchdog for the thread it is started on (the GUI thread).

    ``snapshot()`` returns plain data: tick counts, p50/p99/max lateness in milliseconds over
    the rolling window, the all-time max, and the last stall's stack if one was caught.
    """

    def __init__(
        self,
        *,
        interval_ms: int = 10,
        window: int = 6000,
        warn_after_ms: float = 100.0,
        hang_after_s: float = 5.0,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._interval_s = interval_ms / 1000.0
        self._warn_after_s = warn_after_ms / 1000.0
        self._hang_after_s = hang_after_s
        self._hang_reported_for = 0.0
        self._samples: deque[float] = deque(maxlen=window)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._lock = threading.Lock()
        self._expected_at = 0.0
        self._ticks = 0
        self._late_ticks = 0
        self._max_all_time = 0.0
        self._stall_stack: str | None = None
        self._last_stall: dict[str, Any] | None = None
        self._gui_thread_id = 0
        self._watchdog: threading.Thread | None = None
        self._stopping = threading.Event()

    # ------------------------------------------------------------------ control

    def start(self) -> None:
        if self._timer.isActive():
            return
        self._gui_thread_id = threading.get_ident()
        self._arm()
        self._stopping.clear()
        self._watchdog = threading.Thread(
            target=self._watch, name="tianmu-lateness-watchdog", daemon=True
        )
        self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stopping.set()
        if self._watchdog is not None:
            self._watchdog.join(timeout=2.0)
            self._watchdog = None

    def is_running(self) -> bool:
        return self._timer.isActive()

    def reset(self) -> None:
        """Forget the figures collected so far (between benchmark phases, say)."""
        with self._lock:
            self._samples.clear()
            self._ticks = 0
            self._late_ticks = 0
            self._max_all_time = 0.0
            self._last_stall = None

    # ------------------------------------------------------------------ figures

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            samples = sorted(self._samples)
            result: dict[str, Any] = {
                "running": self._timer.isActive(),
                "interval_ms": self._interval_s * 1000.0,
                "ticks": self._ticks,
                "window": len(samples),
                "late_ticks": self._late_ticks,
                "warn_after_ms": self._warn_after_s * 1000.0,
                "p50_ms": _percentile(samples, 0.50) * 1000.0,
                "p99_ms": _percentile(samples, 0.99) * 1000.0,
                "max_ms": (samples[-1] if samples else 0.0) * 1000.0,
                "max_all_time_ms": self._max_all_time * 1000.0,
                "last_stall": dict(self._last_stall) if self._last_stall else None,
            }
        return result

    # ------------------------------------------------------------------ internals

    def _arm(self) -> None:
        self._expected_at = perf_counter() + self._interval_s
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        now = perf_counter()
        lateness = max(0.0, now - self._expected_at)
        with self._lock:
            self._samples.append(lateness)
            self._ticks += 1
            self._max_all_time = max(self._max_all_time, lateness)
            stack, self._stall_stack = self._stall_stack, None
            if lateness >= self._warn_after_s:
                self._late_ticks += 1
                self._last_stall = {
                    "lateness_ms": lateness * 1000.0,
                    "at": now,
                    "stack": stack,
                }
        if lateness >= self._warn_after_s:
            logger.warning(
                "GUI event loop blocked: tick %.0f ms late. GUI thread stack while blocked:\n%s",
                lateness * 1000.0,
                stack or "(not caught: the GUI thread held the interpreter throughout)",
            )
        self._arm()

    def _watch(self) -> None:
        # Looks from half of the threshold, so a busy machine that wakes this thread late
        # still catches the GUI thread in the act. It sleeps until the tick awaited now would
        # be that late, not in short polls: while the loop keeps up, that is a wake-up every
        # half threshold (20 a second), which an idle console pays all day.
        look_from = self._warn_after_s * 0.5
        wait = look_from
        while not self._stopping.wait(wait):
            expected_at = self._expected_at
            overdue = perf_counter() - expected_at
            if overdue < look_from:
                wait = max(0.001, look_from - overdue)
                continue
            # Stuck: look again a half threshold on (a new stall if a tick came meanwhile),
            # or sooner when this one becomes a hang.
            until_hang = self._hang_after_s - overdue
            wait = max(0.001, min(look_from, until_hang)) if until_hang > 0 else look_from
            with self._lock:
                have_stack = self._stall_stack is not None
            if not have_stack:
                stack = self._gui_stack()
                with self._lock:
                    # Only if no tick came meanwhile: the stack belongs to this stall.
                    if self._expected_at == expected_at:
                        self._stall_stack = stack
            # A hung loop never delivers the late tick that would report it, so say it here.
            if overdue >= self._hang_after_s and self._hang_reported_for != expected_at:
                self._hang_reported_for = expected_at
                logger.error(
                    "GUI event loop unresponsive for %.1f s. GUI thread stack now:\n%s",
                    overdue,
                    self._gui_stack() or "(unavailable)",
                )

    def _gui_stack(self) -> str | None:
        frame = sys._current_frames().get(self._gui_thread_id)
        return "".join(traceback.format_stack(frame)) if frame is not None else None
