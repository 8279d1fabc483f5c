"""The map page makes frames only when something changes (every frame costs the console's GUI
thread on X11): no animation runs forever, overdue events and new alerts blink in steps on one
timer that runs only while such a marker is on screen, and units are drawn on a canvas.

QtWebEngine for real (offscreen), as in test_map_web.py.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.gui.map.view import MapView
from console.map.tiles import TileSource
from tests.gui.map.test_map_web import (
    cameras,
    center_and_wait,
    marker_point,
    on_page,
    open_view,
    run_js,
)

# The page's blink timer: a new alert blinks this long (tianmu_map.js FLASH_MS), plus slack.
FLASH_S = 4.0 + 1.0


class PaintCounter(QObject):
    """Counts the paints of the widget QtWebEngine shows the page's frames in."""

    def __init__(self, view: MapView) -> None:
        super().__init__()
        self.paints = 0
        target = view.web_view.focusProxy()
        assert target is not None
        self._target = target
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._target and event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False

    def over(self, qtbot: QtBot, seconds: float) -> int:
        before = self.paints
        qtbot.wait(round(seconds * 1000))
        return self.paints - before


def stats(qtbot: QtBot, view: MapView) -> dict[str, Any]:
    return json.loads(run_js(qtbot, view, "TianmuMap.stats()"))  # type: ignore[no-any-return]


def event(event_id: str, lat: float, lon: float, *, overdue: bool) -> dict[str, Any]:
    return {
        "id": event_id,
        "lat": lat,
        "lon": lon,
        "number": event_id.upper(),
        "title": "Smoke",
        "state": "dispatched",
        "priority": "P1",
        "overdue": overdue,
    }


def alert(alert_id: str, *, fresh: bool) -> dict[str, Any]:
    return {
        "id": alert_id,
        "lat": 19.255,
        "lon": 110.475,
        "title": "Crowd",
        "priority": "P2",
        "fresh": fresh,
    }


def page_trail(qtbot: QtBot, view: MapView) -> list[list[float]]:
    return json.loads(run_js(qtbot, view, "TianmuMap.unitTrail('u1')"))  # type: ignore[no-any-return]


def click(view: MapView, point: QPoint) -> None:
    proxy = view.web_view.focusProxy()
    assert proxy is not None
    QTest.mouseClick(proxy, Qt.MouseButton.LeftButton, pos=point)


def classes(qtbot: QtBot, view: MapView, selector: str) -> str:
    script = f"(document.querySelector({json.dumps(selector)}) || {{className: ''}}).className"
    return str(run_js(qtbot, view, script))


def test_an_idle_map_makes_no_frames_and_runs_no_animation(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras(20))
    view.set_layer("events", [event("e1", 19.25, 110.47, overdue=False)])
    view.set_layer("alerts", [alert("a1", fresh=False)])
    view.set_layer(
        "units",
        [
            {
                "id": "u1",
                "lat": 19.26,
                "lon": 110.48,
                "name": "P1",
                "status": "en_route",
                "trail": [[19.25, 110.48], [19.26, 110.48]],
            }
        ],
    )
    qtbot.waitUntil(lambda: on_page(qtbot, view, "units", "u1"))
    counter = PaintCounter(view)
    qtbot.wait(1500)  # the tiles and the markers settle
    frames_before = stats(qtbot, view)["frames_total"]
    assert counter.over(qtbot, 2.0) <= 2
    after = stats(qtbot, view)
    assert after["animations_running"] == 0
    assert after["blinking"] is False
    assert after["frames_total"] == frames_before  # the page asked for no frame either

    # The same counter sees a page that animates for ever (the old pulsing legend swatch).
    run_js(
        qtbot,
        view,
        "var s = document.createElement('style'); s.textContent = '@keyframes tm-test"
        " { from { opacity: 1 } to { opacity: 0.2 } } .leaflet-control-scale"
        " { animation: tm-test 1s infinite alternate }'; document.head.appendChild(s); true",
    )
    assert stats(qtbot, view)["animations_running"] >= 1
    assert counter.over(qtbot, 2.0) >= 10


def test_overdue_events_keep_their_halo_and_blink_only_while_on_screen(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    center_and_wait(qtbot, view, 19.25, 110.47, 14)
    view.set_layer(
        "events",
        [event("late", 19.25, 110.47, overdue=True), event("ok", 19.251, 110.471, overdue=False)],
    )
    qtbot.waitUntil(lambda: on_page(qtbot, view, "events", "ok"))
    qtbot.waitUntil(lambda: stats(qtbot, view)["blinking"] is True)
    halo = (
        "getComputedStyle(document.querySelector('.tm-event.tm-overdue')).boxShadow"
        ".indexOf('rgb') >= 0 && getComputedStyle(document.querySelector('.tm-event.tm-overdue'))"
        ".boxShadow !== getComputedStyle(document.querySelector('.tm-event:not(.tm-overdue)'))"
        ".boxShadow"
    )
    pane = "document.querySelector('.leaflet-marker-pane').classList.contains('tm-blink-on')"
    phases = set()
    started = time.monotonic()
    while time.monotonic() - started < 2.0:
        phases.add(run_js(qtbot, view, pane))
        assert run_js(qtbot, view, halo) is True  # distinct in both phases
        qtbot.wait(100)
    assert phases == {True, False}  # it blinks
    assert stats(qtbot, view)["animations_running"] == 0

    center_and_wait(qtbot, view, 19.40, 110.60, 14)  # the overdue event is off screen
    qtbot.waitUntil(lambda: stats(qtbot, view)["blinking"] is False)
    assert run_js(qtbot, view, pane) is False
    center_and_wait(qtbot, view, 19.25, 110.47, 14)
    qtbot.waitUntil(lambda: stats(qtbot, view)["blinking"] is True)
    view.apply_diff("events", [event("late", 19.25, 110.47, overdue=False)], [])
    qtbot.waitUntil(lambda: stats(qtbot, view)["blinking"] is False)


def test_a_new_alert_blinks_for_a_few_seconds_then_stays_marked(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    center_and_wait(qtbot, view, 19.25, 110.47, 14)
    view.set_layer("alerts", [alert("a1", fresh=True)])
    qtbot.waitUntil(lambda: on_page(qtbot, view, "alerts", "a1"))
    assert "tm-flashing" in classes(qtbot, view, ".tm-alert")
    assert stats(qtbot, view)["blinking"] is True
    qtbot.waitUntil(lambda: stats(qtbot, view)["blinking"] is False, timeout=round(FLASH_S * 1000))
    shown = classes(qtbot, view, ".tm-alert")
    assert "tm-fresh" in shown  # still marked as new
    assert "tm-flashing" not in shown
    assert stats(qtbot, view)["animations_running"] == 0

    # Sent again unchanged (a layer refill), it does not blink again; once not fresh, plain.
    view.set_layer("alerts", [alert("a1", fresh=True)])
    qtbot.wait(300)
    assert "tm-flashing" not in classes(qtbot, view, ".tm-alert")
    view.apply_diff("alerts", [alert("a1", fresh=False)], [])
    qtbot.waitUntil(lambda: "tm-fresh" not in classes(qtbot, view, ".tm-alert"))
    # A second new alert blinks.
    view.apply_diff("alerts", [dict(alert("a2", fresh=True), lon=110.476)], [])
    qtbot.waitUntil(lambda: stats(qtbot, view)["blinking"] is True)


def test_units_drawn_on_the_canvas_take_clicks_and_show_their_tooltip(
    qtbot: QtBot, local_tiles: TileSource
) -> None:
    view = open_view(qtbot, local_tiles)
    view.set_layer("cameras", cameras())
    unit = {
        "id": "u1",
        "lat": 19.265,
        "lon": 110.485,
        "name": "Patrol <b>1</b>",
        "status": "en_route",
        "trail": [[19.26, 110.48], [19.265, 110.485]],
    }
    view.set_layer("units", [unit])
    center_and_wait(qtbot, view, 19.26, 110.48, 14)
    qtbot.waitUntil(lambda: on_page(qtbot, view, "units", "u1"))
    assert run_js(qtbot, view, "document.querySelectorAll('.tm-unit-canvas').length") == 2
    assert run_js(qtbot, view, "TianmuMap.openTooltip('units', 'u1')") == "Patrol <b>1</b>en_route"
    point = marker_point(qtbot, view, "units", "u1")
    with qtbot.waitSignal(view.unit_clicked, timeout=10_000) as clicked:
        click(view, point)
    assert clicked.args == ["u1"]
    # The camera beside it still takes its own clicks.
    with qtbot.waitSignal(view.camera_clicked, timeout=10_000) as camera:
        click(view, marker_point(qtbot, view, "cameras", "cam-1"))
    assert camera.args == ["cam-1"]
    # Hidden, the units take no clicks.
    view.set_layer_visible("units", False)
    hidden = "JSON.parse(TianmuMap.stats()).visible.units === false"
    qtbot.waitUntil(lambda: run_js(qtbot, view, hidden) is True)
    with qtbot.assertNotEmitted(view.unit_clicked, wait=500):
        click(view, point)


def test_moves_send_only_how_a_trail_changed_and_the_page_draws_it_whole(
    qtbot: QtBot, local_tiles: TileSource, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_view(qtbot, local_tiles)
    trail = [[19.25 + 0.001 * i, 110.47] for i in range(100)]
    unit = {"id": "u1", "lat": 19.35, "lon": 110.47, "name": "P1", "status": "en_route"}
    view.set_layer("units", [dict(unit, trail=trail)])
    qtbot.waitUntil(lambda: on_page(qtbot, view, "units", "u1"))
    sent: list[dict[str, Any]] = []
    original = view._with_trail_change

    def spy(feature: dict[str, Any]) -> dict[str, Any]:
        sent.append(original(feature))
        return sent[-1]

    monkeypatch.setattr(view, "_with_trail_change", spy)
    steps = [
        trail[:-1] + [[19.3495, 110.4705]],  # the newest point moved
        trail[2:-1] + [[19.3495, 110.4705], [19.36, 110.48]],  # two aged out, one added
        [[float("nan"), 110.0]] + trail[5:],  # a point the page cannot take: left out
        [[19.1, 110.1], [19.2, 110.2]],  # a new trail altogether
    ]
    for step in steps:
        view.apply_diff("units", [dict(unit, trail=step)], [])
        view.flush_pending()
        valid = [p for p in step if p[0] == p[0]]  # NaN is not itself

        def drawn(valid: list[list[float]] = valid) -> bool:
            return page_trail(qtbot, view) == valid

        qtbot.waitUntil(drawn)
    changes = [(s.get("trail_drop"), s.get("trail_keep"), s.get("trail_add")) for s in sent]
    assert changes[0] == (0, 99, [[19.3495, 110.4705]])
    assert changes[1] == (2, 98, [[19.36, 110.48]])  # the moved point is kept
    assert changes[2] == (None, None, None)  # no shared beginning: sent whole
    assert "trail" in sent[2]
    assert changes[3] == (None, None, None)
    assert "trail" in sent[3]
