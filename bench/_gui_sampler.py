"""Where the GUI thread spends its time while its event loop is late (``bench/patrol.py
--sample-gui``).

A thread looks at the GUI thread's Python stack every few milliseconds
(``faulthandler``) and at the lateness probe's next tick: a look taken while that tick
is overdue counts as *late*. Stacks are cut to their innermost frames of the console (and of
PySide's own entry points), so what a late loop was doing adds up by cause; a stack that ends
in an event loop's ``exec()`` is Qt's own work (painting, timers, X events) with no Python
frame of ours on top. An event filter on each top-level window counts its repaints
(``UpdateRequest``) and the paint events of the tiles in it.
"""

from __future__ import annotations

import collections
import contextlib
import faulthandler
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject

ROOT = str(Path(__file__).resolve().parents[1])
OWN = ("/console/",)
LATE_S = 0.004  # a look at least this far past the probe's tick counts as late
_FRAME = re.compile(r'\s+File "(.*)", line (\d+) in (.*)')


class PaintCounter(QObject):
    """Counts window repaints and widget paints per top-level window."""

    def __init__(self) -> None:
        super().__init__()
        self.updates: collections.Counter[str] = collections.Counter()
        self.paints: collections.Counter[str] = collections.Counter()
        self._windows: dict[int, str] = {}

    def watch(self, window: QObject, name: str, widgets: list[QObject]) -> None:
        self._windows[id(window)] = name
        window.installEventFilter(self)
        for widget in widgets:
            widget.installEventFilter(self)
            self._windows[id(widget)] = name + " tiles"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest:
            self.updates[self._windows.get(id(watched), "?")] += 1
        elif kind == QEvent.Type.Paint:
            self.paints[self._windows.get(id(watched), "?")] += 1
        return False


class GuiSampler:
    """Samples the GUI thread's stack (see the module docstring)."""

    def __init__(self, overdue: Callable[[], float], period_s: float = 0.003, depth: int = 3):
        self._overdue = overdue
        self._period_s = period_s
        self._depth = depth
        self._gui = threading.get_ident()
        self._stat = Path(f"/proc/self/task/{threading.get_native_id()}/stat")
        self._wchan = self._stat.with_name("wchan")
        self._cpu_at_start = 0.0
        self.gui_cpu_s = 0.0
        self._sched_at_start = (0, 0, 0)
        self.sched: tuple[int, ...] = (0, 0, 0)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.late: collections.Counter[str] = collections.Counter()
        self.all: collections.Counter[str] = collections.Counter()
        self.started = 0.0
        self.seconds = 0.0

    def _thread_state(self) -> tuple[str, float]:
        """The GUI thread's scheduler state (R running, S asleep: on a lock or in poll) and
        its CPU seconds so far."""
        try:
            fields = self._stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return "?", 0.0
        ticks = os.sysconf("SC_CLK_TCK")
        return fields[0], (int(fields[11]) + int(fields[12])) / ticks

    def _schedstat(self) -> tuple[int, int, int]:
        """The GUI thread's ns on a CPU, ns runnable but waiting for one, and timeslices."""
        try:
            run, wait, slices = self._stat.with_name("schedstat").read_text().split()
        except (OSError, ValueError):
            return 0, 0, 0
        return int(run), int(wait), int(slices)

    def start(self) -> None:
        self.started = time.monotonic()
        self._cpu_at_start = self._thread_state()[1]
        self._sched_at_start = self._schedstat()
        self._thread = threading.Thread(target=self._run, name="gui-sampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
        self.seconds = time.monotonic() - self.started
        self.gui_cpu_s = self._thread_state()[1] - self._cpu_at_start
        now = self._schedstat()
        self.sched = tuple(b - a for a, b in zip(self._sched_at_start, now, strict=True))

    def _run(self) -> None:
        # faulthandler reads the stacks in C without making frame objects: looking at a
        # running thread's frames hundreds of times a second through sys._current_frames()
        # crashed the console here.
        with tempfile.TemporaryFile("w+") as dump:
            looks = 0
            while not self._stop.wait(self._period_s):
                looks += 1
                late = self._overdue() >= LATE_S
                if not late and looks % 25:
                    continue  # the whole picture now and then; every late moment
                state = self._thread_state()[0]
                if state != "R":
                    with contextlib.suppress(OSError):
                        state += ":" + self._wchan.read_text().strip()
                dump.seek(0)
                dump.truncate()
                faulthandler.dump_traceback(dump, all_threads=True)
                dump.flush()
                dump.seek(0)
                where = f"[{state}] " + self._gui_stack(dump.read())
                self.all[where] += 1
                if late:
                    self.late[where] += 1

    def _gui_stack(self, text: str) -> str:
        marker = f"Thread 0x{self._gui:016x}"
        lines = text.splitlines()
        try:
            start = next(i for i, line in enumerate(lines) if line.startswith(marker))
        except StopIteration:
            return "(not found)"
        parts: list[str] = []
        outer = ""
        for line in lines[start + 1 :]:
            found = _FRAME.match(line)
            if found is None:
                break
            name, number, function = found.groups()
            if any(mark in name for mark in OWN):
                if len(parts) < self._depth:
                    parts.append(f"{name.replace(ROOT, '')}:{function}:{number}")
            elif not outer and not parts:
                outer = f"{Path(name).name}:{function}:{number}"
        return " < ".join(parts) if parts else f"(Qt, under {outer})"

    def report(self, top: int = 15) -> dict[str, Any]:
        return {
            "seconds": self.seconds,
            "gui_cpu_s": self.gui_cpu_s,
            "gui_run_s": self.sched[0] / 1e9,
            "gui_runqueue_wait_s": self.sched[1] / 1e9,
            "gui_timeslices": self.sched[2],
            "samples": sum(self.all.values()),
            "late_samples": sum(self.late.values()),
            "late": self.late.most_common(top),
            "all": self.all.most_common(top),
        }
