"""What the shift benchmark watches in the console's own process, without changing it.

* ``PlayerCensus``: live video objects per class. Each watched class's constructor is wrapped
  once to put every new instance in a weak set, so counting them is cheap enough for the GUI
  thread (a walk over ``gc.get_objects()`` is not, on a heap this size); ``gc_count`` does
  that walk once, at the end, to check the census.
* ``LatenessLog``: the event-loop lateness of the console's own ``LatenessProbe`` over the
  whole run. The probe keeps a rolling window; its ticks are folded into a histogram of fixed
  size every few seconds, so a shift's p99 is exact to 0.1 ms and its memory stays flat.
* ``ChangeLateness``: the same ticks split by whether the wall had just changed what it shows
  (a page flip, a patrol step, a sub↔main switch) or not, each with its maximum.
* ``GcPauses``: how long the cyclic garbage collector's passes held the interpreter, by
  generation (any thread's pass stops the GUI thread too).
* ``TileTruth``: tiles marked live whose picture has not changed for a while (a picture counts
  as new when the tile paints a picture it had not painted before).
* ``ProcessSamples``: RSS, threads and open file descriptors over time, with the slope and
  the growth between checkpoints.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import re
import statistics
import threading
import time
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import psutil

# ---------------------------------------------------------------------- players


class PlayerCensus:
    """Live instances of the watched classes (see the module docstring). Install before the
    first instance is made."""

    def __init__(self, classes: Iterable[type]) -> None:
        self.classes = list(classes)
        self._alive: dict[str, weakref.WeakSet[Any]] = {}
        for cls in self.classes:
            alive: weakref.WeakSet[Any] = weakref.WeakSet()
            self._alive[cls.__name__] = alive
            cls.__init__ = _registering(cls.__init__, cls, alive)  # type: ignore[misc]

    def counts(self) -> dict[str, int]:
        return {name: len(alive) for name, alive in self._alive.items()}

    def alive(self, name: str) -> list[Any]:
        """The live instances of the class called ``name`` (none if it is not watched)."""
        return list(self._alive.get(name, ()))

    def gc_count(self) -> dict[str, int]:
        """The same counts from a walk over every object the collector tracks (slow)."""
        names = {cls: cls.__name__ for cls in self.classes}
        found = dict.fromkeys(names.values(), 0)
        for obj in gc.get_objects():
            name = names.get(type(obj))
            if name is not None:
                found[name] += 1
        return found


def _registering(init: Any, cls: type, alive: weakref.WeakSet[Any]) -> Any:
    @functools.wraps(init)
    def init_and_register(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        if type(self) is cls:  # subclasses are counted under their own class, if watched
            alive.add(self)

    return init_and_register


# ---------------------------------------------------------------------- lateness

_BIN_MS = 0.1
_BINS = 100_000  # up to 10 s; later ticks go in the last bin (the max is kept exactly)


@dataclass
class LatenessLog:
    """Folds ``probe``'s ticks into a histogram; call ``fold()`` well within the probe's
    window (6,000 ticks, a minute at most), on the probe's thread."""

    probe: Any
    bins: list[int] = field(default_factory=lambda: [0] * _BINS)
    ticks: int = 0
    max_ms: float = 0.0

    def start(self) -> None:
        self.probe.reset()

    def fold(self) -> None:
        # The probe keeps its window privately; its lock guards it against the watchdog.
        with self.probe._lock:
            samples = list(self.probe._samples)
        self.probe.reset()
        for seconds in samples:
            ms = seconds * 1000.0
            self.bins[min(_BINS - 1, int(ms / _BIN_MS))] += 1
            self.max_ms = max(self.max_ms, ms)
        self.ticks += len(samples)

    def percentile_ms(self, fraction: float) -> float:
        if not self.ticks:
            return float("nan")
        rank = min(self.ticks, max(1, round(fraction * self.ticks)))
        seen = 0
        for index, count in enumerate(self.bins):
            seen += count
            if seen >= rank:
                return min(self.max_ms, (index + 1) * _BIN_MS)
        return self.max_ms


class ChangeLateness:
    """The probe's ticks as they arrive, each counted as *after a change* when it comes within
    ``window_s`` of ``changed_at()`` and as *calm* otherwise.

    Listens to the probe's own timer after the probe has taken the tick (its slot was connected
    first), so it reads the lateness the probe recorded for it. For the latest tick after a
    change it also keeps where the GUI thread's time went since the tick before (Linux's
    per-thread scheduler counters): on a core (the console working), waiting for one (the
    machine busy), or neither (waiting for a lock, the interpreter's included, or idle).
    """

    def __init__(self, probe: Any, changed_at: Any, window_s: float = 2.0) -> None:
        self._probe = probe
        self._changed_at = changed_at
        self.window_s = window_s
        self.change_max_ms = 0.0
        self.calm_max_ms = 0.0
        self.change_ticks = 0
        self.worst: ThreadTime | None = None
        self._counting = False
        self._last: ThreadTime | None = None
        probe._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self._counting = True

    def stop(self) -> None:
        self._counting = False

    def _on_tick(self) -> None:
        if not self._counting:
            return
        now, before = ThreadTime.now(), self._last
        self._last = now
        with self._probe._lock:
            if not self._probe._samples:
                return
            ms = self._probe._samples[-1] * 1000.0
        if time.monotonic() - self._changed_at() <= self.window_s:
            self.change_ticks += 1
            if ms > self.change_max_ms and now is not None and before is not None:
                self.worst = now.since(before)
            self.change_max_ms = max(self.change_max_ms, ms)
        else:
            self.calm_max_ms = max(self.calm_max_ms, ms)


@dataclass(frozen=True)
class ThreadTime:
    """The calling thread's scheduler counters (ms): wall clock, on a core, runnable but
    waiting for one; or, from ``since``, the differences and what is left (``blocked_ms``)."""

    wall_ms: float
    cpu_ms: float
    runqueue_ms: float

    @property
    def blocked_ms(self) -> float:
        return max(0.0, self.wall_ms - self.cpu_ms - self.runqueue_ms)

    @classmethod
    def now(cls) -> ThreadTime | None:
        try:
            with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
                on_cpu_ns, waiting_ns, _slices = stat.read().split()
        except (OSError, ValueError):
            return None  # not Linux, or no scheduler statistics
        return cls(time.perf_counter() * 1000.0, int(on_cpu_ns) / 1e6, int(waiting_ns) / 1e6)

    def since(self, before: ThreadTime) -> ThreadTime:
        return ThreadTime(
            self.wall_ms - before.wall_ms,
            self.cpu_ms - before.cpu_ms,
            self.runqueue_ms - before.runqueue_ms,
        )


@dataclass
class GcPauses:
    """The cyclic collector's passes while installed: count and longest, per generation."""

    counts: list[int] = field(default_factory=lambda: [0, 0, 0])
    max_ms: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    _started: dict[int, float] = field(default_factory=dict)

    def install(self) -> None:
        gc.callbacks.append(self._on_gc)

    def uninstall(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        # Passes run with the interpreter lock held: one at a time, whichever thread.
        if phase == "start":
            self._started[threading.get_ident()] = time.perf_counter()
            return
        began = self._started.pop(threading.get_ident(), None)
        if began is None:
            return
        generation = info["generation"]
        self.counts[generation] += 1
        ms = (time.perf_counter() - began) * 1000.0
        self.max_ms[generation] = max(self.max_ms[generation], ms)


# ---------------------------------------------------------------------- tiles


@dataclass
class _TileSeen:
    supervisor: int
    painted: int
    since: float
    lying: bool = False


@dataclass
class TileTruth:
    """Counts tiles that are marked live while their picture stands still for ``after_s``.

    ``look(tiles, now)`` is called a few times a second, on the GUI thread, with the tiles on
    screen. A tile's clock restarts whenever it paints a new picture, gets another player, is
    not marked live, or comes into view. Each standstill is counted once (an *episode*), with
    its camera.

    While the GUI thread is blocked nothing is painted and no stream is marked stale: every
    picture stands still, and the stall is the lateness figures' to report. So a look that
    comes more than ``gap_s`` after the one before restarts every clock (``gaps`` counts them).
    """

    after_s: float = 3.0
    gap_s: float = 1.0
    episodes: int = 0
    longest_s: float = 0.0
    gaps: int = 0
    cameras: list[str] = field(default_factory=list)
    _seen: dict[int, _TileSeen] = field(default_factory=dict)
    _last_look: float | None = None

    def look(self, tiles: Sequence[Any], now: float, live_state: object) -> None:
        if self._last_look is not None and now - self._last_look > self.gap_s:
            self.gaps += 1
            self._seen = {}
        self._last_look = now
        shown: dict[int, _TileSeen] = {}
        for tile in tiles:
            supervisor = tile.supervisor
            key = id(tile)
            mark = (id(supervisor), tile.pictures_painted)
            before = self._seen.get(key)
            live = supervisor is not None and supervisor.state is live_state
            if before is None or not live or (before.supervisor, before.painted) != mark:
                shown[key] = _TileSeen(mark[0], mark[1], now)
                continue
            shown[key] = before
            still_s = now - before.since
            if still_s >= self.after_s:
                self.longest_s = max(self.longest_s, still_s)
                if not before.lying:
                    before.lying = True
                    self.episodes += 1
                    self.cameras.append(str(tile.camera_id))
        self._seen = shown


# ---------------------------------------------------------------------- the process


@dataclass(frozen=True)
class Sample:
    t: float  # seconds since the run started
    rss_mb: float
    threads: int
    fds: int
    python_threads: Counter[str] | None = None  # by name, numbers masked; checkpoints only


def python_threads() -> Counter[str]:
    """This process's Python threads by name, with the numbers in their names masked."""
    return Counter(re.sub(r"\d+", "#", thread.name) for thread in threading.enumerate())


@dataclass
class ProcessSamples:
    """RSS, threads and open files of this process: ``take()`` every second, and
    ``checkpoint()`` at moments that are alike (the same wall settled, say)."""

    started_at: float = field(default_factory=time.monotonic)
    samples: list[Sample] = field(default_factory=list)
    checkpoints: list[Sample] = field(default_factory=list)
    _process: psutil.Process = field(default_factory=psutil.Process)

    def _read(self) -> Sample:
        with self._process.oneshot():
            return Sample(
                time.monotonic() - self.started_at,
                self._process.memory_info().rss / 2**20,
                self._process.num_threads(),
                self._process.num_fds(),
            )

    def take(self) -> Sample:
        sample = self._read()
        self.samples.append(sample)
        return sample

    def checkpoint(self) -> Sample:
        sample = dataclasses.replace(self._read(), python_threads=python_threads())
        self.checkpoints.append(sample)
        return sample

    def python_threads_change(self, after_s: float) -> Counter[str]:
        """Python threads by name at the last checkpoint less those at the first one after
        ``after_s`` (negative counts for names that went)."""
        points = [s for s in self.checkpoints if s.t >= after_s and s.python_threads]
        if len(points) < 2:
            return Counter()
        change = Counter(points[-1].python_threads)
        change.subtract(points[0].python_threads or Counter())
        return Counter({name: n for name, n in change.items() if n})

    def rss_slope_mb_per_h(self, after_s: float, *, checkpoints: bool = True) -> float:
        """Least-squares slope of RSS after ``after_s``: over the checkpoints (alike moments),
        or over every sample. The samples swing by a hundred MB with what the wall is doing
        (a flip holds two pages of players for a moment, a maximised tile a main stream), so
        over a short run their slope says more about where the run ended than about a leak."""
        source = self.checkpoints if checkpoints else self.samples
        points = [(s.t, s.rss_mb) for s in source if s.t >= after_s]
        return slope([t for t, _ in points], [v for _, v in points]) * 3600.0

    def growth(self, name: str, after_s: float, tail_s: float) -> float:
        """The median over the checkpoints of the last ``tail_s`` seconds minus the median over
        the first ones after ``after_s`` (as many as the tail has, at least one)."""
        points = [s for s in self.checkpoints if s.t >= after_s]
        if not points:
            return float("nan")
        end = points[-1].t
        tail = [getattr(s, name) for s in points if s.t >= end - tail_s]
        head = [getattr(s, name) for s in points[: max(1, len(tail))]]
        return float(statistics.median(tail) - statistics.median(head))


def slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of ``ys`` over ``xs`` (NaN when it cannot be fitted)."""
    if len(xs) < 2 or len(set(xs)) < 2:
        return float("nan")
    return statistics.linear_regression(xs, ys).slope
