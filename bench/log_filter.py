"""What libvlc's log lines cost the GUI thread when a page of players starts.

libvlc writes about two hundred debug lines each time a player starts or stops, on its own
threads. Handed to a Python callback, each line takes the interpreter lock, even to be dropped,
and a page flip of sixteen players then contends with the GUI thread thousands of times. The
console's C filter (``console/video/_framecore.c``) drops lines below warnings without Python.

This bench flips a page of sixteen ``VlcSource`` players (each flip disposes all and opens
sixteen fresh ones on a local H.264 clip) under a Qt event loop whose lateness is sampled every
5 ms, alternating flip by flip between the C filter (warnings up cross into Python) and every
line crossing into Python (the filter's floor set to 0, as a Python callback had it), so both
see the same machine load. Figures (``name: value unit``):

* ``flip_lateness_p99_ms_c_filter`` / ``_max_ms_c_filter``: event-loop lateness during flips;
* ``flip_lateness_p99_ms_python_lines`` / ``_max_ms_python_lines``: the same, every line in Python;
* ``log_lines_into_python_per_flip_*``: lines that crossed into Python, per flip;
* ``flip_gui_thread_ms_p50`` / ``_max``: the flip's own time on the GUI thread (disposing
  sixteen players and opening sixteen, which only queues work to their threads);
* ``idle_lateness_p99_ms`` / ``idle_lateness_max_ms``: the same loop with the players steady.

``--quick`` makes 8 flips of each kind; the default 30 (``--flips N``).

    .venv/bin/python bench/log_filter.py [--quick] [--flips N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer  # noqa: E402

from console.video import engine  # noqa: E402
from console.video.vlc_source import VlcSource  # noqa: E402

TILES = 16
DWELL_S = 1.2
TICK_MS = 5
LIBVLC_WARNING = 3


class LatenessSampler:
    """Lateness of a 5 ms precise timer, into whichever list ``into`` names."""

    def __init__(self) -> None:
        self.into: list[float] | None = None
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._expected = 0.0

    def start(self) -> None:
        self._clock.start()
        self._arm()

    def _arm(self) -> None:
        self._expected = self._clock.nsecsElapsed() / 1e6 + TICK_MS
        self._timer.start(TICK_MS)

    def _tick(self) -> None:
        late = max(0.0, self._clock.nsecsElapsed() / 1e6 - self._expected)
        if self.into is not None:
            self.into.append(late)
        self._arm()


def run_loop_for(app: QCoreApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def make_clip(folder: Path) -> Path:
    clip = folder / "clip.mp4"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi",
         "-i", "testsrc=size=640x360:rate=25", "-t", "120", "-c:v", "libx264",
         "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", str(clip)],
        check=True,
    )  # fmt: skip
    return clip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--flips", type=int, default=30)
    args = parser.parse_args()
    flips = 8 if args.quick else args.flips

    app = QCoreApplication(sys.argv[:1])
    sampler = LatenessSampler()
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="tianmu-logbench-") as folder:
        url = make_clip(Path(folder)).as_uri()
        sources = [VlcSource(f"tile-{i}") for i in range(TILES)]
        for source in sources:
            source.open(url)
        run_loop_for(app, 3.0)
        if not engine.set_log_floor(LIBVLC_WARNING):
            print("the C log filter is not built (scripts/build_framecore.py)", file=sys.stderr)
            return 1

        idle: list[float] = []
        sampler.into = idle
        run_loop_for(app, 3.0)

        lateness: dict[str, list[float]] = {"c_filter": [], "python_lines": []}
        lines: dict[str, int] = {"c_filter": 0, "python_lines": 0}
        flip_costs: list[float] = []
        for flip in range(2 * flips):
            kind = "c_filter" if flip % 2 == 0 else "python_lines"
            engine.set_log_floor(LIBVLC_WARNING if kind == "c_filter" else 0)
            crossed_before = engine.log_lines_into_python()
            sampler.into = lateness[kind]
            began = time.perf_counter()
            for source in sources:
                source.dispose()
            sources = [VlcSource(f"tile-{flip}-{i}") for i in range(TILES)]
            for source in sources:
                source.open(url)
            flip_costs.append((time.perf_counter() - began) * 1000.0)
            run_loop_for(app, DWELL_S)
            lines[kind] += engine.log_lines_into_python() - crossed_before
        sampler.into = None
        engine.set_log_floor(LIBVLC_WARNING)
        for source in sources:
            source.dispose()
        run_loop_for(app, 1.0)

    load = os.getloadavg()[0]
    print(f"flips_each: {flips} flips")
    for kind in ("c_filter", "python_lines"):
        print(f"flip_lateness_p99_ms_{kind}: {percentile(lateness[kind], 0.99):.1f} ms")
        print(f"flip_lateness_max_ms_{kind}: {max(lateness[kind], default=0.0):.1f} ms")
        print(f"log_lines_into_python_per_flip_{kind}: {lines[kind] / flips:.0f} lines")
    print(f"flip_gui_thread_ms_p50: {percentile(flip_costs, 0.5):.1f} ms")
    print(f"flip_gui_thread_ms_max: {max(flip_costs, default=0.0):.1f} ms")
    print(f"idle_lateness_p99_ms: {percentile(idle, 0.99):.1f} ms")
    print(f"idle_lateness_max_ms: {max(idle, default=0.0):.1f} ms")
    print(f"load_average_1min: {load:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
