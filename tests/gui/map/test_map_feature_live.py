"""The situation map in a signed-in console, against the real demo server, with the real page
in QtWebEngine (offscreen): a plate's track in time order, unit moves arriving without a page
reload, a camera clicked on the map playing on the wall, a box of cameras filling the wall
page, right-click raising an event at the place, "Pick on map" for a raise dialog, and what
is near an event."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.app import Services, SessionWiring
from console.domain.incident import IncidentSource
from console.domain.model import GeoPoint, PatrolPlan
from console.gui.incidents.raise_dialog import PICK_COORDINATES, RaiseEventDialog
from console.gui.map.feature import MapFeature
from console.gui.mime import encode_camera_ids
from console.server.demo.world import build_world
from tests.gui.console.conftest import sign_in
from tests.gui.wall.support import drop
from tests.support.console_services import running_console
from tests.support.live_server import TIMEOUT_S, LiveDemoServer, start_demo_server
from tests.support.user_http import UserHttp

OPERATOR = "operator-1"
PLATE = "琼C·12345"
WAIT_MS = 30_000

# QtWebEngine's start-up on a machine without a GPU or a session bus; about the host only.
pytestmark = pytest.mark.qt_log_ignore(
    "QRhiGles2",
    "Failed to create RHI",
    "createPlatformVulkanInstance",
    "QVulkanInstance",
    "GBM is not supported",
    "Sandboxing disabled",
    "GPUInfo not initialized",
    "does not support raise()",
    "does not support grabbing the keyboard",
)


@pytest.fixture(scope="module")
def map_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(
        tmp_path_factory.mktemp("map-server"), world=build_world(camera_count=800)
    )
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def wiring(qtbot: QtBot, services: Services, map_server: LiveDemoServer) -> Iterator[SessionWiring]:
    with running_console(services, map_server.url, map_server.passwords) as console:
        session = sign_in(qtbot, console, OPERATOR, map_server.passwords[OPERATOR])
        feature = session.map
        session.window.resize(1600, 1000)  # a map big enough to click a marker clear of the legend
        qtbot.waitUntil(lambda: session.catalog is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: feature.view.is_ready, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: feature.view.page_loads == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(feature.view.features("cameras")) > 0, timeout=WAIT_MS)
        yield session


def run_js(qtbot: QtBot, feature: MapFeature, script: str) -> Any:
    """Evaluate ``script`` in the map page and return its (JSON-decoded) value."""
    got: list[Any] = []
    feature.view.web_view.page().runJavaScript(script, 0, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT_MS)
    value = got[0]
    return json.loads(value) if isinstance(value, str) else value


def page_position(qtbot: QtBot, feature: MapFeature, layer: str, item_id: str) -> Any:
    return run_js(
        qtbot, feature, f"TianmuMap.positionOf({json.dumps(layer)}, {json.dumps(item_id)})"
    )


def wait_position(
    qtbot: QtBot, feature: MapFeature, layer: str, item_id: str, lat: float, lon: float
) -> None:
    """Wait until the page draws the feature at (lat, lon)."""

    def there() -> bool:
        position = page_position(qtbot, feature, layer, item_id)
        return position is not None and _near(position, lat, lon)

    qtbot.waitUntil(there, timeout=WAIT_MS)


def click_camera(qtbot: QtBot, feature: MapFeature, camera_id: str) -> None:
    """A real mouse click on the camera's marker, once the page shows it in the open (up and
    left of the middle, clear of the legend in the bottom right corner)."""
    lat, lon = _camera_place(feature, camera_id)
    feature.view.center_on(lat - 0.0006, lon + 0.0006, 17)
    feature.view.flush_pending()
    web = feature.view.web_view
    spot: dict[str, float] = {}

    def in_the_open() -> bool:
        found = run_js(qtbot, feature, f"TianmuMap.pixelOf('cameras', '{camera_id}')")
        if not found or found != spot:
            spot.clear()
            spot.update(found or {})
            return False  # not there yet, or still moving
        x, y = int(found["x"]), int(found["y"])
        if not (0 < x < web.width() and 0 < y < web.height()):
            return False
        hit = run_js(qtbot, feature, f"JSON.stringify(document.elementFromPoint({x}, {y}).tagName)")
        return bool(hit == "CANVAS")

    qtbot.waitUntil(in_the_open, timeout=WAIT_MS)
    target: QWidget = web.focusProxy() or web
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(spot["x"]), int(spot["y"])))


def shown_camera(wiring: SessionWiring) -> str:
    """A camera of the operator's catalogue that the map shows."""
    feature: MapFeature = wiring.map
    catalog = wiring.catalog
    assert catalog is not None
    ids = [f["id"] for f in feature.view.features("cameras")]
    assert all(catalog.is_shared(camera_id) for camera_id in ids)
    return str(ids[0])


# ---------------------------------------------------------------------- tests


def test_a_plate_search_draws_the_track_in_time_order(qtbot: QtBot, wiring: SessionWiring) -> None:
    feature: MapFeature = wiring.map
    feature.tabs.setCurrentWidget(feature.track_panel)
    feature.track_panel.plate_edit.setText(f"  {PLATE} ")
    # A week: the demo drives a plate on 0 to 3 trips a day.
    feature.track_panel.window_combo.setCurrentIndex(2)
    with qtbot.waitSignal(feature.track_shown, timeout=WAIT_MS) as shown:
        feature.track_panel.search_button.click()
    passes = shown.args[0]
    assert len(passes) >= 2, "the demo drives every 琼 plate through a few checkpoints a week"
    times = [item.time for item in passes]
    assert times == sorted(times)
    drawn = feature.view.features("track")
    assert [f["id"] for f in drawn] == [item.id for item in passes]
    assert feature.track_panel.passes.count() == len(passes)
    # The page has every pass where the server says it was.
    feature.view.flush_pending()
    for f in drawn:
        wait_position(qtbot, feature, "track", f["id"], f["lat"], f["lon"])
    # ...and joins them in time order, each numbered and labelled with its time.
    line = run_js(qtbot, feature, "TianmuMap.trackOrder()")
    assert [point["id"] for point in line] == [item.id for item in passes]
    for number, (point, f) in enumerate(zip(line, drawn, strict=True), start=1):
        assert point["label"] == f"{number}  {f['time_label']}"
    # A pass chosen shows its snapshot (fetched through the media cache) with the plate.
    feature.track_panel.passes.setCurrentRow(0)
    qtbot.waitUntil(
        lambda: (
            feature.track_panel.snapshot_label.pixmap() is not None
            and not feature.track_panel.snapshot_label.pixmap().isNull()
        ),
        timeout=WAIT_MS,
    )
    assert PLATE in feature.track_panel.snapshot_caption.text()
    # A plate the server refuses is said in the panel; the track stays as it was.
    feature.track_panel.plate_edit.setText("XX12345")
    feature.track_panel.search_button.click()
    qtbot.waitUntil(lambda: feature.track_panel.search_button.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "plate" in feature.track_panel.status_text(), timeout=WAIT_MS)
    assert feature.track_panel.status_label.styleSheet()
    assert len(feature.view.features("track")) == len(passes)


def test_unit_moves_reach_the_map_without_a_page_reload(
    qtbot: QtBot, wiring: SessionWiring, map_server: LiveDemoServer
) -> None:
    feature: MapFeature = wiring.map
    loads = feature.view.page_loads
    unit_id = "unit-town-boao"  # its duty user "town-boao" reports for it
    qtbot.waitUntil(
        lambda: any(f["id"] == unit_id for f in feature.view.features("units")), timeout=WAIT_MS
    )
    units = {f["id"]: f for f in feature.view.features("units")}
    phone = UserHttp(map_server, unit_id.removeprefix("unit-"))
    try:
        start = units[unit_id]
        for step in range(1, 4):
            lat, lon = start["lat"] + 0.001 * step, start["lon"] + 0.001 * step
            phone.post(f"/units/{unit_id}/status", {"status": "en_route", "lat": lat, "lon": lon})
            wait_position(qtbot, feature, "units", unit_id, lat, lon)
    finally:
        phone.close()
    [drawn] = [f for f in feature.view.features("units") if f["id"] == unit_id]
    assert drawn["status"] == "en_route"
    assert len(drawn["trail"]) >= 2  # where it was in the last ten minutes
    assert feature.view.page_loads == loads == 1


def _near(position: Any, lat: float, lon: float) -> bool:
    return position is not None and abs(position[0] - lat) < 1e-6 and abs(position[1] - lon) < 1e-6


def test_a_camera_clicked_on_the_map_plays_on_the_wall(qtbot: QtBot, wiring: SessionWiring) -> None:
    feature: MapFeature = wiring.map
    camera_id = shown_camera(wiring)
    with qtbot.waitSignal(wiring.session.signals.camera_play_requested, timeout=WAIT_MS) as asked:
        click_camera(qtbot, feature, camera_id)
    assert asked.args == [camera_id]
    wall = wiring.wall.wall
    assert wall.page(wall.current).cell_of(camera_id) is not None


def _camera_place(feature: MapFeature, camera_id: str) -> tuple[float, float]:
    [f] = [f for f in feature.view.features("cameras") if f["id"] == camera_id]
    return f["lat"], f["lon"]


def test_a_box_of_cameras_fills_the_wall_page(qtbot: QtBot, wiring: SessionWiring) -> None:
    feature: MapFeature = wiring.map
    ids = [f["id"] for f in feature.view.features("cameras")][:6]
    # The page reports a shift-drag box as the cameras inside it; one not shared is dropped.
    feature.view.cameras_boxed.emit([*ids, "not-a-camera-of-mine"])
    wall = wiring.wall.wall
    page = wall.page(wall.current)
    assert page.layout.size >= 6
    assert page.visible_cameras()[:6] == ids
    assert "not-a-camera-of-mine" not in page.cameras


def test_right_click_raises_an_event_at_the_place_and_a_dialog_can_pick_on_the_map(
    qtbot: QtBot, wiring: SessionWiring
) -> None:
    feature: MapFeature = wiring.map
    place = GeoPoint(19.2601, 110.4702)
    with qtbot.waitSignal(feature.context_menu_shown, timeout=WAIT_MS) as shown:
        feature.view.context_requested.emit(place.lat, place.lon)
    menu = shown.args[0]
    [action] = [a for a in menu.actions() if a.objectName() == "map_raise_here_action"]
    with qtbot.waitSignal(wiring.raise_dialog_opened, timeout=WAIT_MS) as opened:
        action.trigger()
    dialog: RaiseEventDialog = opened.args[0]
    menu.close()
    picked = dialog.picked_place()
    assert picked is not None
    assert picked.position == place
    assert dialog.source() is IncidentSource.OPERATOR
    assert dialog.location_mode() == PICK_COORDINATES

    # "Pick on map": the dialog steps aside, the map asks for a click, the place comes back.
    button = dialog.findChild(QWidget, "pick_on_map_button")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert feature.pick_banner.isVisible()
    other = GeoPoint(19.1502, 110.5803)
    feature.view.location_picked.emit(other.lat, other.lon)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert not feature.pick_banner.isVisible()
    again = dialog.picked_place()
    assert again is not None
    assert (round(again.position.lat, 6), round(again.position.lon, 6)) == (other.lat, other.lon)
    # Esc in the map gives the dialog back as it was.
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    feature.view.location_pick_cancelled.emit()
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.picked_place() == again
    assert not feature.pick_banner.isVisible()
    dialog.reject()


def test_an_event_chosen_on_the_map_lists_cameras_facing_it_and_free_units(
    qtbot: QtBot, wiring: SessionWiring, map_server: LiveDemoServer
) -> None:
    feature: MapFeature = wiring.map
    [camera] = [f for f in feature.view.features("cameras") if f["heading"] is not None][:1]
    camera_id = camera["id"]
    # 40 m in front of the camera, along its heading: in its field of view.
    ahead = math.radians(camera["heading"])
    lat = camera["lat"] + 40 * math.cos(ahead) / 111_195
    lon = camera["lon"] + 40 * math.sin(ahead) / (111_195 * math.cos(math.radians(camera["lat"])))
    reporter = UserHttp(map_server, OPERATOR)
    try:
        created = reporter.post(
            "/incidents",
            {
                "title": "<img src=x onerror=alert(1)>",
                "category": "garbage",
                "priority": 2,
                "source": "operator",
                "lat": lat,
                "lon": lon,
            },
        )
    finally:
        reporter.close()
    incident_id = str(created["id"])
    qtbot.waitUntil(
        lambda: any(f["id"] == incident_id for f in feature.view.features("events")),
        timeout=WAIT_MS,
    )
    with qtbot.waitSignal(feature.event_selected, timeout=WAIT_MS):
        feature.view.event_clicked.emit(incident_id)
    panel = feature.selection_panel
    row = panel.camera_ids().index(camera_id)
    assert panel.cameras.item(row).text().endswith("facing it")
    assert panel.unit_ids(), "free units are somewhere within 30 km"
    assert panel.title_label.textFormat() == Qt.TextFormat.PlainText
    panel.wall_button.click()
    wall = wiring.wall.wall
    assert (
        wall.page(wall.current).visible_cameras()[: len(panel.camera_ids())] == panel.camera_ids()
    )


def test_alerts_flash_on_arrival_and_patrolled_cameras_count_as_covered(
    qtbot: QtBot, wiring: SessionWiring, map_server: LiveDemoServer
) -> None:
    feature: MapFeature = wiring.map
    camera_ids = [f["id"] for f in feature.view.features("cameras")][:4]
    detector = UserHttp(map_server, "admin")
    try:
        answer = detector.session.post(
            detector.api + "/alerts",
            data={"kind": "smoke_fire", "camera_id": camera_ids[0], "confidence": "0.9"},
            timeout=TIMEOUT_S,
        )
        assert answer.status_code == 201, answer.text
        alert_id = str(answer.json()["id"])
    finally:
        detector.close()

    def flashing() -> bool:
        return any(f["id"] == alert_id and f["fresh"] for f in feature.view.features("alerts"))

    qtbot.waitUntil(flashing, timeout=WAIT_MS)
    [alert] = [f for f in feature.view.features("alerts") if f["id"] == alert_id]
    assert alert["priority"] == "P1"

    # A patrol's pages count as seen this shift; the coverage layer follows at once.
    assert not {f["id"] for f in feature.view.features("coverage")} & set(camera_ids)
    patrol = wiring.wall.patrol
    patrol.start(PatrolPlan("", "map coverage", tuple(camera_ids), dwell_s=60), tiles_per_page=4)
    try:
        qtbot.waitUntil(
            lambda: set(camera_ids) <= {f["id"] for f in feature.view.features("coverage")},
            timeout=WAIT_MS,
        )
    finally:
        patrol.stop()


def test_a_route_guard_is_drawn_and_its_cameras_go_to_the_wall(
    qtbot: QtBot, wiring: SessionWiring
) -> None:
    feature: MapFeature = wiring.map
    panel = feature.route_panel
    qtbot.waitUntil(lambda: panel.routes.count() > 0, timeout=WAIT_MS)
    feature.tabs.setCurrentWidget(panel)
    assert panel.select_route("route-boao-forum")
    kinds = [f["kind"] for f in feature.view.features("route")]
    assert kinds[0] == "path"
    assert "checkpoint" in kinds
    assert "post" in kinds
    guard = feature.route_guard("route-boao-forum")
    assert guard is not None
    assert guard.camera_ids, "the demo route passes cameras the operator may see"
    assert panel.wall_button.isEnabled()
    panel.wall_button.click()
    wall = wiring.wall.wall
    shown = wall.page(wall.current).visible_cameras()
    assert shown[: len(guard.camera_ids)] == list(guard.camera_ids)[:64]


def test_the_cameras_the_map_drags_out_land_on_the_wall_tile_they_are_dropped_on(
    qtbot: QtBot, wiring: SessionWiring
) -> None:
    # The map starts its drag with exactly this payload (MapView._start_camera_drag); a real
    # QDrag cannot run its own event loop offscreen, so the drop is sent as Qt would.
    camera_id = shown_camera(wiring)
    view = wiring.wall.view.current_view()
    assert view is not None
    assert drop(view.tile(1), encode_camera_ids([camera_id]))
    wall = wiring.wall.wall
    assert wall.page(wall.current).camera_at(1) == camera_id
