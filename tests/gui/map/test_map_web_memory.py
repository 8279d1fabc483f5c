"""The map page over a shift: what it holds stays flat while the same alerts change again and
again (nothing new arrives), and its garbage is collected.

On the real page (QtWebEngine offscreen, the vendored Leaflet), through MapView's API as the
map feature uses it. Sizes are read from the page itself: DOM elements, the alert markers it
holds, and its JS heap in use (``performance.memory``, precise in these tests: see conftest).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.gui.map.view import MapView
from console.map.tiles import TileSource
from tests.gui.map.test_map_web import open_view, run_js

pytestmark = pytest.mark.qt_log_ignore(
    "QRhiGles2",
    "Failed to create RHI",
    "createPlatformVulkanInstance",
    "QVulkanInstance",
    "GBM is not supported",
    "Sandboxing disabled",
    "GPUInfo not initialized",
)

ALERTS = 200
BATCH = 50
# What the page takes per update batch is tens of KB of text and objects; 600 batches leave
# tens of MB of garbage when nothing collects it. Collected, the heap stays near its start.
ROUNDS = 150
HEAP_MARGIN_MB = 12.0

SIZES = (
    "JSON.stringify({heap: performance.memory.usedJSHeapSize,"
    " dom: document.getElementsByTagName('*').length,"
    " alerts: JSON.parse(TianmuMap.stats()).markers.alerts,"
    " applied: JSON.parse(TianmuMap.stats()).applied})"
)


def alert(number: int, *, fresh: bool, version: int) -> dict[str, Any]:
    return {
        "id": f"alert-{number:04d}",
        "lat": 19.20 + (number % 20) * 0.004,
        "lon": 110.42 + (number // 20) * 0.004,
        "title": f"Intrusion — camera {version}",
        "priority": f"P{1 + version % 3}",
        "fresh": fresh,
    }


def sizes(qtbot: QtBot, view: MapView) -> dict[str, int]:
    read: dict[str, int] = json.loads(run_js(qtbot, view, SIZES))
    return read


def send_round(qtbot: QtBot, view: MapView, version: int) -> None:
    """Every alert sent twice, as the stream and the flash timer send it: fresh, then not."""
    for fresh in (True, False):
        for start in range(0, ALERTS, BATCH):
            view.apply_diff(
                "alerts",
                [alert(n, fresh=fresh, version=version) for n in range(start, start + BATCH)],
                [],
            )
            view.flush_pending()
    want = sizes(qtbot, view)["applied"]
    qtbot.waitUntil(lambda: sizes(qtbot, view)["applied"] >= want, timeout=30_000)


def test_the_same_alerts_updated_again_and_again_leave_the_page_flat(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.center_on(19.24, 110.46, 13)
    view.apply_diff("alerts", [alert(n, fresh=True, version=0) for n in range(ALERTS)], [])
    view.flush_pending()
    qtbot.waitUntil(lambda: sizes(qtbot, view)["alerts"] == ALERTS, timeout=30_000)
    send_round(qtbot, view, 1)  # first use of every code path
    qtbot.wait(300)
    start = sizes(qtbot, view)

    for version in range(2, ROUNDS + 2):
        send_round(qtbot, view, version)
    qtbot.wait(300)
    end = sizes(qtbot, view)

    assert end["alerts"] == ALERTS
    assert end["applied"] - start["applied"] >= ROUNDS * 2 * ALERTS
    assert end["dom"] == start["dom"]
    grown_mb = (end["heap"] - start["heap"]) / 2**20
    assert grown_mb < HEAP_MARGIN_MB, f"the page's JS heap grew {grown_mb:.1f} MB"
    assert view.page_loads == 1


def test_alerts_that_come_and_go_leave_nothing_behind(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.center_on(19.24, 110.46, 13)
    start = None
    for cycle in range(40):
        ids = [alert(n, fresh=True, version=cycle) for n in range(BATCH)]
        view.apply_diff("alerts", ids, [])
        view.flush_pending()
        view.apply_diff("alerts", [], [a["id"] for a in ids])
        view.flush_pending()
        if cycle == 1:
            qtbot.waitUntil(lambda: sizes(qtbot, view)["alerts"] == 0, timeout=30_000)
            start = sizes(qtbot, view)
    qtbot.waitUntil(lambda: sizes(qtbot, view)["alerts"] == 0, timeout=30_000)
    end = sizes(qtbot, view)
    assert start is not None
    assert end["dom"] == start["dom"]
    flashing = run_js(qtbot, view, "JSON.parse(TianmuMap.stats()).flashing")
    assert flashing == 0


def test_alert_markers_are_placed_without_a_compositing_layer_each(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    # A 3D-transformed element gets a compositing layer of its own in the renderer (tens of KB
    # each); a thousand open alerts must not cost a thousand layers.
    view = open_view(qtbot, local_tiles)
    view.center_on(19.24, 110.46, 13)
    view.apply_diff("alerts", [alert(n, fresh=False, version=0) for n in range(20)], [])
    view.flush_pending()
    qtbot.waitUntil(lambda: sizes(qtbot, view)["alerts"] == 20, timeout=30_000)
    transforms = json.loads(
        run_js(
            qtbot,
            view,
            "JSON.stringify(Array.prototype.map.call(document.querySelectorAll('.tm-alert'),"
            " function (el) { return getComputedStyle(el).transform; }))",
        )
    )
    assert len(transforms) == 20
    assert set(transforms) == {"none"}
    # still drawn where the alert is
    where = json.loads(run_js(qtbot, view, "TianmuMap.pixelOf('alerts', 'alert-0005')"))
    found = run_js(
        qtbot,
        view,
        f"(function () {{ var el = document.elementFromPoint({where['x']}, {where['y']});"
        " return !!(el && el.closest('.tm-alert')); })()",
    )
    assert found is True
