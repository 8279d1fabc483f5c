"""Situation map memory: what the page's renderer keeps per open alert, and what it keeps when
nothing new arrives.

The console's own ``MapView`` (the Leaflet page in QtWebEngine, offscreen) is fed alerts as the
map feature feeds them (``apply_diff("alerts", ...)``: a new alert arrives fresh, is sent again
un-fresh when its flash is over, and goes when it is closed). Between phases the page's garbage
is collected (V8's ``gc()``, exposed for this run only) and four figures are read: the renderer
process's resident memory (RSS; the QtWebEngineProcess child with the largest RSS), the page's
JS heap in use (``performance.memory``, precise for this run), its DOM element count and the
alert markers the page holds.

* **open markers**: ``--alerts`` alerts (1,000; ``--quick``: 500) arrive in bursts of 50, flash,
  and stay open. Cost per open marker = growth / markers.
* **updates, nothing new**: the same open alerts sent again and again (the flash starting and
  ending, titles changing), in batches of 100 a call, as the event stream and the flash timer
  send them; growth per 1,000 updates.
* **come and go**: alerts that arrive and are closed again (the open count stays the same);
  growth per 1,000 alerts that came and went.
* **units moving**: 40 units, a quarter of them moving in each batch with their trails (as the
  map sends live positions, ten batches a second in the console); growth per 1,000 batches.
* **layer sent again**: the whole alert layer sent again (as after the event stream reconnects or
  the store is read again); growth per 100 resends.

Every growth figure is printed beside the load it was measured under (the machine's 1-minute
load average). Each churn phase first runs as much again unmeasured (first-use costs, the
allocators' high-water marks), so its growth is what keeps accumulating. Figures are
``name: value unit``; ``#`` lines describe the run.

``--as-script`` hands the page its data the way the console did before (each batch as a script
that calls ``TianmuMap.receive``, through ``runJavaScript``): the renderer keeps every distinct
script it ran, so that delivery grows with every batch; run both to compare.

    .venv/bin/python bench/map_memory.py [--quick] [--alerts N] [--as-script]
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import emit, parse_args  # noqa: E402

WINDOW_SIZE = (1280, 800)
READY_TIMEOUT_S = 90.0
APPLY_TIMEOUT_S = 60.0
HOME = (19.2466, 110.4665)
HOME_ZOOM = 11
SPREAD_DEG = 0.12  # alerts fall within the city, on screen at the start zoom
BURST = 50
UPDATE_BATCH = 100
MB = 2**20
UNITS = 40
TRAIL_POINTS = 20

# The page's figures in one call: JS heap in use after a full collection, DOM elements, alert
# markers held by the page, and the listeners Leaflet keeps on the map.
SAMPLE_JS = (
    "(function () { if (window.gc) { window.gc(); window.gc(); }"
    " var s = JSON.parse(TianmuMap.stats());"
    " return JSON.stringify({heap: performance.memory.usedJSHeapSize,"
    " dom: document.getElementsByTagName('*').length,"
    " alerts: s.markers.alerts, applied: s.applied}); })()"
)


@dataclass(frozen=True)
class Sample:
    rss_mb: float
    heap_mb: float
    dom: int
    alerts: int

    def minus(self, other: Sample) -> Sample:
        return Sample(
            self.rss_mb - other.rss_mb,
            self.heap_mb - other.heap_mb,
            self.dom - other.dom,
            self.alerts - other.alerts,
        )


def renderer(processes: list[Any]) -> Any | None:
    """The page's renderer: the web process with the largest RSS (the zygotes are small)."""
    import psutil

    best, best_rss = None, -1
    for process in processes:
        try:
            rss = process.memory_info().rss
        except psutil.Error:
            continue
        if rss > best_rss:
            best, best_rss = process, rss
    return best


def load_average() -> float:
    return os.getloadavg()[0]


class AlertFeed:
    """Alerts as the map feature sends them (``console.gui.map.layers.alert_feature``)."""

    def __init__(self, seed: int = 7) -> None:
        self._rng = random.Random(seed)
        self._next = 0

    def new(self, fresh: bool = True) -> dict[str, Any]:
        self._next += 1
        return self.feature(f"alert-{self._next:06d}", fresh, self._next)

    def feature(self, alert_id: str, fresh: bool, version: int) -> dict[str, Any]:
        rng = random.Random(alert_id)
        return {
            "id": alert_id,
            "lat": HOME[0] + rng.uniform(-SPREAD_DEG, SPREAD_DEG),
            "lon": HOME[1] + rng.uniform(-SPREAD_DEG, SPREAD_DEG),
            "title": f"Intrusion — camera {version % 997}",
            "priority": f"P{1 + self._rng.randrange(3)}",
            "fresh": fresh,
        }


class Run:
    def __init__(self, page: Any, view: Any) -> None:
        import json

        self._json = json
        self.page = page
        self.view = view
        self.applied = 0
        self.sent = 0
        self.process: Any = None

    def sample(self) -> Sample:
        import psutil

        from bench.map import web_processes

        self.settle()
        self.page.spin(0.3)  # let the page's frame after the last batch go
        figures = self._json.loads(self.page.js(SAMPLE_JS))
        if self.process is None:
            self.process = renderer(web_processes())
        try:
            rss = self.process.memory_info().rss / MB
        except (psutil.Error, AttributeError):
            rss = float("nan")
        self.applied = int(figures["applied"])
        return Sample(rss, figures["heap"] / MB, int(figures["dom"]), int(figures["alerts"]))

    def send(self, upsert: list[dict[str, Any]], remove: list[str]) -> None:
        """One diff to the page, as one batch (``settle`` waits until the page took them)."""
        self.sent += len(upsert) + len(remove)
        self.view.apply_diff("alerts", upsert, remove)
        self.view.flush_pending()

    def settle(self) -> None:
        want = self.sent
        if not self.page.wait(lambda: self._applied() >= want, APPLY_TIMEOUT_S):
            raise TimeoutError("the page did not apply the alerts sent")

    def set_layer(self, features: list[dict[str, Any]]) -> None:
        self.sent += len(features)
        self.view.set_layer("alerts", features)

    def _applied(self) -> int:
        self.applied = int(self._json.loads(self.page.js("TianmuMap.stats()"))["applied"])
        return self.applied


def configure(parser: Any) -> None:
    parser.add_argument(
        "--alerts", type=int, default=None, help="open alerts on the map (1,000; quick 500)"
    )
    parser.add_argument(
        "--as-script",
        action="store_true",
        help="hand the page its data as script to run (the delivery before the fix), to compare",
    )


def send_as_script(view: Any) -> None:
    """The delivery the console used before: each batch as a script that calls receive."""

    def drain() -> None:
        while view._outbox and view._outbox[0].text is not None:
            text = view._outbox.popleft().text
            if text:
                quoted = text.replace("\\", "\\\\").replace('"', '\\"')
                view._page.runJavaScript('TianmuMap.receive("' + quoted + '");', 0)

    view._drain = drain


def main(argv: list[str] | None = None) -> int:
    args = parse_args(
        __doc__.splitlines()[0],
        argv,
        configure=configure,
    )
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        flags + " --enable-precise-memory-info --js-flags=--expose-gc"
    ).strip()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    home = tempfile.mkdtemp(prefix="tianmu-bench-map-memory-")
    os.environ["TIANMU_HOME"] = home
    try:
        return run(bool(args.quick), args.alerts, bool(args.as_script))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run(quick: bool, alerts: int | None, as_script: bool) -> int:
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must precede the QApplication
    from PySide6.QtWidgets import QApplication

    from bench.map import Page, demo_tile_source
    from console.gui.map.scheme import register_map_scheme
    from console.gui.map.view import MapView

    open_count = alerts if alerts is not None else (500 if quick else 1000)
    rounds = 4 if quick else 20
    cycles = 2000 if quick else 10_000
    resends = 20 if quick else 100
    move_batches = 1000 if quick else 5000

    register_map_scheme()
    app = QApplication([sys.argv[0]])
    tiles, tiles_text = demo_tile_source()
    view = MapView(tiles)
    if as_script:
        send_as_script(view)
    view.resize(*WINDOW_SIZE)
    view.show()
    page = Page(app, view)
    if not page.wait(lambda: view.is_ready, READY_TIMEOUT_S):
        print("# the map page never became ready", flush=True)
        return 1
    view.center_on(*HOME, HOME_ZOOM)
    page.spin(1.0)
    print(
        f"# offscreen, {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}; tiles: {tiles_text};"
        f" {open_count} open alerts; data {'as script' if as_script else 'over the channel'};"
        f" load average {load_average():.2f} on {os.cpu_count()} cores",
        flush=True,
    )
    run_ = Run(page, view)
    feed = AlertFeed()
    started = time.perf_counter()

    # Open markers: bursts of new (fresh) alerts, then each one's flash ends.
    empty = run_.sample()
    opened: list[dict[str, Any]] = []
    for start in range(0, open_count, BURST):
        burst = [feed.new() for _ in range(min(BURST, open_count - start))]
        run_.send(burst, [])
        opened += burst
    for start in range(0, open_count, UPDATE_BATCH):
        part = opened[start : start + UPDATE_BATCH]
        run_.send([dict(f, fresh=False) for f in part], [])
    full = run_.sample()
    grown = full.minus(empty)
    load = load_average()
    emit("map_open_alert_markers", full.alerts)
    emit("map_rss_per_open_alert_kb", grown.rss_mb * 1024 / max(1, full.alerts), "KB", 1)
    emit("map_heap_per_open_alert_kb", grown.heap_mb * 1024 / max(1, full.alerts), "KB", 2)
    emit("map_dom_per_open_alert", grown.dom / max(1, full.alerts), "elements", 2)
    emit("map_open_load_avg", load)

    # Updates of the same open alerts: the flash starts and ends, titles change.
    ids = [f["id"] for f in opened]
    version = 0

    def one_round() -> int:
        nonlocal version
        sent = 0
        for fresh in (True, False):
            for start in range(0, len(ids), UPDATE_BATCH):
                version += 1
                part = [feed.feature(i, fresh, version) for i in ids[start : start + UPDATE_BATCH]]
                run_.send(part, [])
                sent += len(part)
        run_.settle()
        return sent

    for _ in range(rounds):  # warm-up: as much again as is measured
        one_round()
    before = run_.sample()
    updates = sum(one_round() for _ in range(rounds))
    after = run_.sample()
    grown = after.minus(before)
    per = 1000.0 / max(1, updates)
    emit("map_updates_sent", updates)
    emit("map_rss_growth_per_1000_updates_mb", grown.rss_mb * per, "MB", 3)
    emit("map_heap_growth_per_1000_updates_kb", grown.heap_mb * 1024 * per, "KB", 1)
    emit("map_dom_growth_per_1000_updates", grown.dom * per, "elements", 1)
    emit("map_alert_markers_after_updates", after.alerts)
    emit("map_updates_load_avg", load_average())

    # Alerts that come and go: the open count stays where it was.
    def come_and_go(count: int) -> None:
        for _ in range(0, count, BURST):
            burst = [feed.new() for _ in range(BURST)]
            run_.send(burst, [])
            run_.send([], [f["id"] for f in burst])
        run_.settle()

    come_and_go(cycles)  # warm-up: as much again as is measured
    before = run_.sample()
    come_and_go(cycles)
    after = run_.sample()
    grown = after.minus(before)
    per = 1000.0 / cycles
    emit("map_alerts_came_and_went", cycles)
    emit("map_rss_growth_per_1000_come_and_go_mb", grown.rss_mb * per, "MB", 3)
    emit("map_heap_growth_per_1000_come_and_go_kb", grown.heap_mb * 1024 * per, "KB", 1)
    emit("map_dom_growth_per_1000_come_and_go", grown.dom * per, "elements", 1)
    emit("map_come_and_go_load_avg", load_average())

    # Units moving: a batch of moves every tenth of a second, as the map sends live positions.
    units: list[dict[str, Any]] = [
        {
            "id": f"unit-{i:03d}",
            "lat": HOME[0],
            "lon": HOME[1] + i * 0.002,
            "name": f"Patrol {i}",
            "status": "en_route",
            "trail": [],
        }
        for i in range(UNITS)
    ]
    view.set_layer("units", units)
    step = 0

    def moves(count: int) -> None:
        nonlocal step
        for _ in range(count):
            step += 1
            moved = []
            for unit in units[step % 4 :: 4]:
                point = [unit["lat"] + 1e-4 * step, unit["lon"]]
                trail = (unit["trail"] + [point])[-TRAIL_POINTS:]
                unit["trail"] = trail
                moved.append(dict(unit, lat=point[0], lon=point[1], trail=trail))
            view.apply_diff("units", moved, [])
            view.flush_pending()
        page.spin(0.2)

    moves(move_batches)  # warm-up: as much again as is measured
    before = run_.sample()
    moves(move_batches)
    after = run_.sample()
    grown = after.minus(before)
    per = 1000.0 / move_batches
    emit("map_move_batches", move_batches)
    emit("map_rss_growth_per_1000_move_batches_mb", grown.rss_mb * per, "MB", 3)
    emit("map_heap_growth_per_1000_move_batches_kb", grown.heap_mb * 1024 * per, "KB", 1)
    emit("map_moves_load_avg", load_average())

    # The whole layer sent again, as after a reconnect.
    layer = view.features("alerts")
    for _ in range(resends):  # warm-up: as much again as is measured
        run_.set_layer(layer)
        run_.settle()
    before = run_.sample()
    for _ in range(resends):
        run_.set_layer(layer)
        run_.settle()
    after = run_.sample()
    grown = after.minus(before)
    per = 100.0 / resends
    emit("map_rss_growth_per_100_resends_mb", grown.rss_mb * per, "MB", 2)
    emit("map_heap_growth_per_100_resends_kb", grown.heap_mb * 1024 * per, "KB", 1)
    emit("map_dom_growth_per_100_resends", grown.dom * per, "elements", 1)
    emit("map_alert_markers_after_resends", after.alerts)
    emit("map_resends_load_avg", load_average())
    emit("map_memory_run_s", time.perf_counter() - started, "s", 1)
    view.close()
    view.deleteLater()
    page.spin(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
