"""The map web view for real: QtWebEngine offscreen, the page served by the tianmu-map scheme.

Each test loads the real folium-built page with the vendored Leaflet, drives it through
MapView's API, and reads the page back with runJavaScript or real mouse events.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import time
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from pytestqt.qtbot import QtBot

from console.domain.geo import wgs84_to_gcj02
from console.domain.model import GeoPoint
from console.gui.map.assets import SCHEME
from console.gui.map.view import MapView
from console.gui.map.web_policy import MapRequestGuard
from console.map.tiles import TileSource
from tests.gui.map.conftest import tile_source, write_tiny_mbtiles

# QtWebEngine's start-up on a machine without a GPU or a session bus; about the host only.
pytestmark = pytest.mark.qt_log_ignore(
    "QRhiGles2",
    "Failed to create RHI",
    "createPlatformVulkanInstance",
    "QVulkanInstance",
    "GBM is not supported",
    "Sandboxing disabled",
    "GPUInfo not initialized",
)

READY_MS = 30_000
XSS_TITLE = "<img src=x onerror=alert(1)>"


def open_view(qtbot: QtBot, tiles: TileSource, **kwargs: Any) -> MapView:
    view = MapView(tiles, **kwargs)
    qtbot.addWidget(view)
    # Record every request the page makes from the very first (the load is queued until the
    # event loop turns, so nothing has been asked yet).
    requests: list[str] = []
    view.request_guard.recorded = requests
    view.resize(800, 600)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=READY_MS):
        pass
    qtbot.waitUntil(lambda: view.page_loads == 1, timeout=READY_MS)
    return view


def run_js(qtbot: QtBot, view: MapView, script: str) -> Any:
    results: list[Any] = []
    view.web_view.page().runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return results[0]


def on_page(qtbot: QtBot, view: MapView, layer: str, feature_id: str) -> bool:
    # (runJavaScript hands a JS null to Python as "", so ask a yes/no question)
    script = f"TianmuMap.positionOf({json.dumps(layer)}, {json.dumps(feature_id)}) !== null"
    return run_js(qtbot, view, script) is True


def center_and_wait(qtbot: QtBot, view: MapView, lat: float, lon: float, zoom: int) -> None:
    view.center_on(lat, lon, zoom)
    qtbot.waitUntil(lambda: json.loads(run_js(qtbot, view, "TianmuMap.stats()"))["zoom"] == zoom)


def cameras(n: int = 3) -> list[dict[str, Any]]:
    return [
        {
            "id": f"cam-{i}",
            "lat": 19.25 + 0.01 * i,
            "lon": 110.47 + 0.01 * i,
            "name": f"Camera {i}",
            "status": "online" if i % 2 == 0 else "offline",
            "kind": "road",
            "heading": 90.0,
            "fov": 60.0,
        }
        for i in range(n)
    ]


def marker_point(qtbot: QtBot, view: MapView, layer: str, feature_id: str) -> QPoint:
    found = run_js(qtbot, view, f"TianmuMap.pixelOf({json.dumps(layer)}, {json.dumps(feature_id)})")
    assert found, f"{layer}/{feature_id} is not on the page"
    where = json.loads(found)
    return QPoint(round(where["x"]), round(where["y"]))


def requests_outside(view: MapView, hosts: frozenset[str]) -> list[str]:
    recorded: list[str] = view.request_guard.recorded
    allowed = (f"{SCHEME}://app/", "data:") + tuple(f"https://{h}/" for h in hosts)
    return [url for url in recorded if not url.startswith(allowed)]


# ---------------------------------------------------------------------- the page and its origin


def test_page_loads_from_the_local_scheme_and_names_nothing_remote(
    qtbot: QtBot, remote_tiles: TileSource
) -> None:
    view = open_view(qtbot, remote_tiles)
    view.set_layer("cameras", cameras())
    qtbot.waitUntil(
        lambda: json.loads(run_js(qtbot, view, "TianmuMap.stats()"))["markers"]["cameras"] == 3
    )

    recorded: list[str] = view.request_guard.recorded
    assert any(url.endswith("/index.html") for url in recorded)
    assert any("vendor/leaflet/leaflet.js" in url for url in recorded)
    assert requests_outside(view, remote_tiles.allowed_hosts) == []

    html = run_js(qtbot, view, "document.documentElement.outerHTML")
    sources = re.findall(r"<(?:script|link)\b[^>]*?(?:src|href)=\"([^\"]+)\"", html)
    assert sources, "the page loads no scripts or styles at all?"
    assert [s for s in sources if not s.startswith(f"{SCHEME}://app/assets/")] == []


def test_the_page_cannot_reach_other_hosts(qtbot: QtBot, local_tiles: TileSource) -> None:
    view = open_view(qtbot, local_tiles)
    run_js(
        qtbot,
        view,
        "window.tmViolations = [];"
        " document.addEventListener('securitypolicyviolation',"
        " e => window.tmViolations.push(e.blockedURI));"
        " new Image().src = 'https://evil.example/leak.png'; true",
    )
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.tmViolations.length") == 1)
    assert run_js(qtbot, view, "window.tmViolations[0]") == "https://evil.example/leak.png"
    assert requests_outside(view, frozenset()) == []


def test_the_request_guard_blocks_hosts_other_than_the_tile_hosts(qtbot: QtBot) -> None:
    """The guard on its own (the map page's content policy stops such requests first)."""
    profile = QWebEngineProfile()
    guard = MapRequestGuard({"tiles.example"}, profile)
    guard.recorded = []
    profile.setUrlRequestInterceptor(guard)
    page = QWebEnginePage(profile)
    html = "<img src='https://tiles.example/1/2/3.png'><img src='https://evil.example/leak.png'>"
    try:
        with qtbot.waitSignal(guard.blocked, timeout=10_000) as blocked:
            page.setUrl(QUrl("data:text/html," + html))
        assert blocked.args == ["https://evil.example/leak.png"]
        qtbot.waitUntil(lambda: "https://tiles.example/1/2/3.png" in (guard.recorded or []))
    finally:
        shiboken6.delete(page)  # a page must go before its profile
        shiboken6.delete(profile)


def solid_png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(out, format="PNG")
    return out.getvalue()


def test_mbtiles_tiles_are_served_through_the_scheme(
    qtbot: QtBot, local_tiles: TileSource, tmp_path: Path
) -> None:
    # Neighbouring rows in different colours: a wrong TMS flip shows the wrong one.
    path = write_tiny_mbtiles(
        tmp_path / "tiny.mbtiles",
        {(12, 3304, 1798): solid_png((200, 30, 40)), (12, 3304, 1799): solid_png((20, 200, 40))},
    )
    view = open_view(qtbot, tile_source(mbtiles_path=path))
    load = """
        window.tmPixel = null;
        (function (address) {
          var img = new Image();
          img.onload = function () {
            var c = document.createElement('canvas'); c.width = 4; c.height = 4;
            var g = c.getContext('2d'); g.drawImage(img, 0, 0);
            window.tmPixel = Array.from(g.getImageData(1, 1, 1, 1).data.slice(0, 3));
          };
          img.onerror = function () { window.tmPixel = 'failed'; };
          img.src = address;
        })(%s);
        true
    """
    run_js(qtbot, view, load % json.dumps("tianmu-map://app/tiles/12/3304/1798.png"))
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.tmPixel !== null"), timeout=10_000)
    assert run_js(qtbot, view, "JSON.stringify(window.tmPixel)") == "[200,30,40]"

    run_js(qtbot, view, load % json.dumps("tianmu-map://app/tiles/12/1/1.png"))
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.tmPixel !== null"), timeout=10_000)
    assert run_js(qtbot, view, "window.tmPixel") == "failed"  # no such tile: not found


# ---------------------------------------------------------------------- gestures


def test_a_real_click_on_a_camera_marker_reaches_camera_clicked(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras())
    view.select_camera("cam-1")  # its cone and ring lie over it: the click must go through
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-1"))
    fov = "document.querySelectorAll('path.tm-fov').length"
    qtbot.waitUntil(lambda: run_js(qtbot, view, fov) == 1)
    point = marker_point(qtbot, view, "cameras", "cam-1")
    with qtbot.waitSignal(view.camera_clicked, timeout=10_000) as clicked:
        QTest.mouseClick(view.web_view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["cam-1"]


def test_right_click_asks_for_the_context_at_that_place(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras())
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-1"))
    point = marker_point(qtbot, view, "cameras", "cam-1") + QPoint(0, 40)
    with qtbot.waitSignal(view.context_requested, timeout=10_000) as asked:
        QTest.mouseClick(view.web_view.focusProxy(), Qt.MouseButton.RightButton, pos=point)
    lat, lon = asked.args
    assert 19.25 < lat < 19.26  # 40 px south of the camera at zoom 14
    assert abs(lon - 110.48) < 0.001


def test_location_pick_reports_the_clicked_place_once(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    view.start_location_pick()
    picking = "document.querySelector('.leaflet-container').classList.contains('tm-picking')"
    qtbot.waitUntil(lambda: run_js(qtbot, view, picking) is True)
    centre = QPoint(400, 300)
    with qtbot.waitSignal(view.location_picked, timeout=10_000) as picked:
        QTest.mouseClick(view.web_view.focusProxy(), Qt.MouseButton.LeftButton, pos=centre)
    lat, lon = picked.args
    assert (lat, lon) == pytest.approx((19.26, 110.48), abs=0.002)


def test_shift_drag_boxes_cameras(qtbot: QtBot, local_tiles: TileSource) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras(3))
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-2"))
    first = marker_point(qtbot, view, "cameras", "cam-0")
    second = marker_point(qtbot, view, "cameras", "cam-1")
    proxy = view.web_view.focusProxy()
    shift = Qt.KeyboardModifier.ShiftModifier
    # a box around cam-0 and cam-1 only (cam-2 lies further north-east)
    start = QPoint(first.x() - 15, first.y() + 15)
    end = QPoint(second.x() + 15, second.y() - 15)
    with qtbot.waitSignal(view.cameras_boxed, timeout=10_000) as boxed:
        QTest.mousePress(proxy, Qt.MouseButton.LeftButton, shift, start)
        for step in range(1, 6):
            QTest.mouseMove(proxy, start + (end - start) * step / 5)
            qtbot.wait(20)
        QTest.mouseRelease(proxy, Qt.MouseButton.LeftButton, shift, end)
    assert sorted(boxed.args[0]) == ["cam-0", "cam-1"]


def test_pressing_on_a_camera_and_moving_starts_a_drag_of_it(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    class RecordingMapView(MapView):
        dragged: list[str] = []

        def _start_camera_drag(self, camera_id: str) -> None:
            self.dragged.append(camera_id)  # QDrag.exec() would wait for a real drop

    view = RecordingMapView(local_tiles)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=READY_MS):
        pass
    view.set_layer("cameras", cameras())
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-1"))
    point = marker_point(qtbot, view, "cameras", "cam-1")
    proxy = view.web_view.focusProxy()
    with qtbot.waitSignal(view.camera_drag_started, timeout=10_000) as started:
        QTest.mousePress(proxy, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        for step in range(1, 5):
            QTest.mouseMove(proxy, point + QPoint(6 * step, 0))
            qtbot.wait(20)
    QTest.mouseRelease(proxy, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert started.args == ["cam-1"]
    qtbot.waitUntil(lambda: view.dragged == ["cam-1"])


# ---------------------------------------------------------------------- live data


def test_unit_moves_arrive_as_diffs_without_reloading(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    unit = {"id": "u1", "lat": 19.25, "lon": 110.47, "name": "Patrol 1", "status": "en_route"}
    view.set_layer("units", [dict(unit, trail=[])])
    qtbot.waitUntil(lambda: on_page(qtbot, view, "units", "u1"))

    for step in range(1, 31):  # a burst: coalesced into a few batches
        moved = dict(unit, lat=19.25 + step * 0.001, trail=[[19.25, 110.47]])
        view.apply_diff("units", [moved], [])
    qtbot.waitUntil(
        lambda: (
            json.loads(run_js(qtbot, view, "TianmuMap.positionOf('units', 'u1')"))[0]
            == pytest.approx(19.28)
        ),
        timeout=5_000,
    )
    stats = json.loads(run_js(qtbot, view, "TianmuMap.stats()"))
    assert stats["batches"] <= 4  # replay, set_layer, then the burst in one or two batches
    view.apply_diff("units", [], ["u1"])
    qtbot.waitUntil(lambda: not on_page(qtbot, view, "units", "u1"))
    assert view.page_loads == 1


def test_an_event_title_with_markup_shows_as_text_and_runs_nothing(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    run_js(
        qtbot,
        view,
        "window.tmAlerted = false; window.alert = () => { window.tmAlerted = true; }; true",
    )
    event = {
        "id": "e1",
        "lat": 19.25,
        "lon": 110.47,
        "number": 'QH-"0001\\</script>\u2028',
        "title": XSS_TITLE,
        "state": 'reported" onmouseover="alert(2)',
        "priority": "P1",
        "overdue": True,
    }
    view.set_layer("events", [event])
    view.set_layer("cameras", [dict(cameras(1)[0], name=XSS_TITLE)])
    qtbot.waitUntil(lambda: on_page(qtbot, view, "events", "e1"))

    shown = run_js(qtbot, view, "TianmuMap.openTooltip('events', 'e1')")
    assert shown == event["number"] + XSS_TITLE  # quotes, backslash, U+2028 intact
    assert run_js(qtbot, view, "document.querySelectorAll('.leaflet-tooltip img').length") == 0
    assert run_js(qtbot, view, "document.querySelectorAll('img[src=\"x\"]').length") == 0
    classes = run_js(qtbot, view, "document.querySelector('.tm-event').className")
    assert '"' not in classes  # the state was reduced to one harmless class token
    assert (
        run_js(qtbot, view, "document.querySelector('.tm-event').hasAttribute('onmouseover')")
        is False
    )
    qtbot.wait(300)  # time for an error handler to run, were there an element to fail
    assert run_js(qtbot, view, "window.tmAlerted") is False
    recorded: list[str] = view.request_guard.recorded
    assert not [u for u in recorded if u.endswith("/x")]


def test_gcj02_tiles_get_converted_positions_and_report_wgs84(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    gcj_tiles = tile_source(coordinates="gcj02")
    view = open_view(qtbot, gcj_tiles)
    view.set_layer("cameras", cameras(1))
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-0"))
    lat, lon = json.loads(run_js(qtbot, view, "TianmuMap.positionOf('cameras', 'cam-0')"))
    expected = wgs84_to_gcj02(GeoPoint(lat=19.25, lon=110.47))
    assert (lat, lon) == pytest.approx((expected.lat, expected.lon), abs=1e-7)

    with qtbot.waitSignal(view.context_requested, timeout=10_000) as asked:
        view._bridge.contextRequested(lat, lon)  # as the page reports a right-click there
    assert asked.args == pytest.approx([19.25, 110.47], abs=1e-7)


def test_page_stats_reports_frames_and_markers(qtbot: QtBot, local_tiles: TileSource) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras(5))
    view.set_layer("events", [])
    qtbot.wait(500)
    got: list[dict[str, Any]] = []
    view.page_stats(got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got[0]["markers"]["cameras"] == 5
    assert got[0]["frame_ms_p99"] > 0
    assert got[0]["page_loads"] == 1


def test_selecting_a_camera_draws_its_field_of_view(qtbot: QtBot, local_tiles: TileSource) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras(2))
    view.select_camera("cam-1")
    qtbot.waitUntil(
        lambda: run_js(qtbot, view, "document.querySelectorAll('path.tm-fov').length") == 1
    )
    view.select_camera(None)
    qtbot.waitUntil(
        lambda: run_js(qtbot, view, "document.querySelectorAll('path.tm-fov').length") == 0
    )


def test_the_vehicle_track_is_drawn_in_the_order_given_with_times(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    passes = [
        {
            "id": f"p{i}",
            "lat": 19.2 + 0.01 * i,
            "lon": 110.4 + 0.02 * (i % 2),
            "time": f"2026-12-04T0{i}:15:00+00:00",
            "time_label": f"0{i}:15",
            "label": "卡口",
            "plate": "琼C·12345",
        }
        for i in (3, 1, 2)
    ]
    view.set_layer("track", passes)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "track", "p2"))
    drawn = json.loads(run_js(qtbot, view, "TianmuMap.trackOrder()"))
    assert [d["id"] for d in drawn] == ["p3", "p1", "p2"]
    assert [d["label"] for d in drawn] == ["1  03:15", "2  01:15", "3  02:15"]
    assert [(d["lat"], d["lon"]) for d in drawn] == [
        pytest.approx((p["lat"], p["lon"])) for p in passes
    ]


def test_the_legend_is_built_from_translated_labels_and_can_be_hidden(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    legend = "document.querySelector('.tm-legend')"
    qtbot.waitUntil(lambda: "Camera online" in run_js(qtbot, view, f"{legend}.textContent"))
    view.set_legend_visible(False)
    qtbot.waitUntil(lambda: run_js(qtbot, view, f"{legend}.style.display") == "none")


def test_markup_slipped_into_the_page_still_runs_no_inline_handler(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    """The content policy is the second wall: even raw markup cannot run an inline handler."""
    view = open_view(qtbot, local_tiles)
    run_js(
        qtbot,
        view,
        "window.tmHandlerRan = false; document.body.insertAdjacentHTML('beforeend',"
        ' \'<img id="tm-probe" src="x" onerror="window.tmHandlerRan = true">\'); true',
    )
    qtbot.waitUntil(lambda: any(u.endswith("/x") for u in view.request_guard.recorded or []))
    qtbot.wait(300)
    assert run_js(qtbot, view, "window.tmHandlerRan") is False
    assert run_js(qtbot, view, "document.getElementById('tm-probe') !== null") is True


def test_a_killed_page_renderer_comes_back_with_the_same_content(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras(4))
    view.set_layer_visible("events", False)
    view.select_camera("cam-2")
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-3"))
    pid = view.web_view.page().renderProcessPid()
    assert pid > 0
    os.kill(pid, signal.SIGKILL)  # the renderer is this test's own child process
    qtbot.waitUntil(lambda: not view.is_ready, timeout=10_000)
    with qtbot.waitSignal(view.ready, timeout=READY_MS):
        pass
    qtbot.waitUntil(lambda: view.page_loads == 2, timeout=READY_MS)
    stats = json.loads(run_js(qtbot, view, "TianmuMap.stats()"))
    assert stats["markers"]["cameras"] == 4
    assert stats["visible"]["events"] is False
    assert run_js(qtbot, view, "document.querySelectorAll('path.tm-fov').length") == 1


def test_a_hidden_camera_layer_takes_no_clicks(qtbot: QtBot, local_tiles: TileSource) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras())
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "cameras", "cam-1"))
    point = marker_point(qtbot, view, "cameras", "cam-1")
    view.set_layer_visible("cameras", False)
    hidden = "JSON.parse(TianmuMap.stats()).visible.cameras === false"
    qtbot.waitUntil(lambda: run_js(qtbot, view, hidden) is True)
    with qtbot.assertNotEmitted(view.camera_clicked, wait=500):
        QTest.mouseClick(view.web_view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    view.set_layer_visible("cameras", True)
    qtbot.waitUntil(lambda: run_js(qtbot, view, hidden) is False)
    with qtbot.waitSignal(view.camera_clicked, timeout=10_000) as clicked:
        QTest.mouseClick(view.web_view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["cam-1"]


def test_a_steady_stream_of_moves_reaches_the_page_in_at_most_ten_batches_a_second(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    units = [
        {
            "id": f"u{i}",
            "lat": 19.25,
            "lon": 110.4 + i * 0.01,
            "name": f"P{i}",
            "status": "en_route",
        }
        for i in range(20)
    ]
    view.set_layer("units", units)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "units", "u19"))
    before = json.loads(run_js(qtbot, view, "TianmuMap.stats()"))["batches"]
    started = time.monotonic()
    step = 0
    while time.monotonic() - started < 1.0:  # about 200 moves a second for one second
        step += 1
        view.apply_diff("units", [dict(units[step % 20], lat=19.25 + step * 1e-5)], [])
        qtbot.wait(5)
    elapsed = time.monotonic() - started
    view.flush_pending()
    qtbot.waitUntil(
        lambda: (
            json.loads(run_js(qtbot, view, f"TianmuMap.positionOf('units', 'u{step % 20}')"))[0]
            == pytest.approx(19.25 + step * 1e-5)
        )
    )
    batches = json.loads(run_js(qtbot, view, "TianmuMap.stats()"))["batches"] - before
    assert step > 50
    assert 2 <= batches <= 10 * elapsed + 2  # one per interval, plus the final flush
    assert view.page_loads == 1
