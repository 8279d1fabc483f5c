"""The map feature's parts that need no web page: trails, layer dicts, what is near a place,
and the panels' words for what went wrong."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from console.client import BackendError
from console.client.errors import UnreachableError, ValidationError
from console.domain.incident import Incident, IncidentSource, IncidentState, Priority
from console.domain.model import (
    Camera,
    CameraKind,
    CameraStatus,
    GeoPoint,
    Unit,
    UnitKind,
    UnitStatus,
)
from console.domain.sla import SlaLevel
from console.domain.vehicles import (
    Compass,
    RouteGuard,
    RoutePoint,
    RoutePost,
    VehiclePass,
)
from console.gui.map import layers
from console.gui.map.layer_panel import LayerPanel
from console.gui.map.nearby import near_cameras, near_units
from console.gui.map.track_panel import TrackPanel
from console.gui.map.unit_trails import UnitTrails

PLACE = GeoPoint(19.2466, 110.4665)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------------- trails


def test_a_trail_keeps_ten_minutes_and_a_long_shift_does_not_grow_it() -> None:
    clock = Clock()
    trails = UnitTrails(clock=clock)
    # Two hours of a unit reporting ten times a second, moving a little each time.
    for step in range(72_000):
        clock.now += 0.1
        trails.add("u1", GeoPoint(19.0 + step * 1e-6, 110.0))
    points = trails.trail("u1")
    assert 100 <= len(points) <= trails.max_points
    assert trails.point_count() <= trails.max_points
    # The oldest point kept is no older than the window (ten minutes = 6,000 reports).
    assert points[0][0] >= 19.0 + (72_000 - 6_100) * 1e-6
    assert points[-1] == [19.0 + 71_999 * 1e-6, 110.0]


def test_a_unit_parked_for_a_whole_window_keeps_no_trail() -> None:
    clock = Clock()
    trails = UnitTrails(clock=clock)
    trails.add("u1", GeoPoint(19.0, 110.0))
    clock.now += 10
    trails.add("u1", GeoPoint(19.001, 110.0))
    trails.add("u1", GeoPoint(19.001, 110.0))  # a status report without a move
    assert len(trails.trail("u1")) == 2
    clock.now += 601
    assert trails.prune() == ["u1"]
    assert trails.trail("u1") == []
    assert len(trails) == 0


def test_many_units_stay_bounded() -> None:
    clock = Clock()
    trails = UnitTrails(clock=clock)
    for second in range(3_600):
        clock.now += 1
        for unit in range(50):
            trails.add(f"u{unit}", GeoPoint(19.0 + second * 1e-5, 110.0 + unit * 1e-3))
    assert len(trails) == 50
    assert trails.point_count() <= 50 * trails.max_points


# ---------------------------------------------------------------------- layer dicts


def _pass(pass_id: str, when: datetime, checkpoint: str, lat: float, lon: float) -> VehiclePass:
    return VehiclePass(
        pass_id, "琼C·12345", when, "k", checkpoint, "c", GeoPoint(lat, lon), Compass.N
    )


def test_the_track_is_in_time_order_whatever_the_order_given() -> None:
    start = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
    passes = [
        _pass("p3", start + timedelta(minutes=30), "<b>C</b>", 19.3, 110.6),
        _pass("p1", start, "A", 19.1, 110.4),
        _pass("p2", start + timedelta(minutes=10), "B", 19.2, 110.5),
    ]
    features = layers.track_features(passes)
    assert [f["id"] for f in features] == ["p1", "p2", "p3"]
    assert features[2]["label"] == "<b>C</b>"  # text as it came; the page shows it as text
    assert features[0]["time"] == start.isoformat()
    assert (features[1]["lat"], features[1]["lon"]) == (19.2, 110.5)
    json.dumps(features)  # plain JSON for the bridge


def _incident(**changes: object) -> Incident:
    now = datetime.now(UTC)
    values: dict[str, object] = {
        "id": "i1",
        "number": "QH-1",
        "title": "<img src=x onerror=alert(1)>",
        "category": "garbage",
        "priority": Priority.P2,
        "source": IncidentSource.OPERATOR,
        "state": IncidentState.DISPATCHED,
        "position": PLACE,
        "created_by": "u",
        "created_at": now,
        "updated_at": now,
    }
    values.update(changes)
    return Incident(**values)  # type: ignore[arg-type]


def test_events_carry_priority_state_and_overdue() -> None:
    now = datetime.now(UTC)
    feature = layers.event_feature(_incident(), now)
    assert feature["priority"] == "P2"
    assert feature["state"] == "dispatched"
    assert feature["overdue"] is False
    late = _incident(due_at=now - timedelta(minutes=1))
    assert layers.event_feature(late, now)["overdue"] is True
    # The clock stops once the unit has reported back: not overdue on the map either.
    stopped = _incident(due_at=now - timedelta(minutes=1), state=IncidentState.FEEDBACK)
    assert layers.event_feature(stopped, now)["overdue"] is False
    said = _incident(sla_level=SlaLevel.OVERDUE)
    assert layers.event_feature(said, now)["overdue"] is True
    assert not layers.is_on_map(_incident(state=IncidentState.CLOSED))


def test_a_route_guard_is_a_path_its_checkpoints_and_posts() -> None:
    path = (GeoPoint(19.15, 110.57), GeoPoint(19.16, 110.58), GeoPoint(19.17, 110.59))
    guard = RouteGuard(
        "r1",
        "博鳌",
        path,
        (RoutePoint("卡口1", GeoPoint(19.15, 110.57)),),
        (RoutePost("岗1", GeoPoint(19.16, 110.58)),),
        ("c1",),
    )
    features = layers.route_features(guard)
    assert [f["kind"] for f in features] == ["path", "checkpoint", "post"]
    assert features[0]["path"] == [[p.lat, p.lon] for p in path]
    assert features[2]["name"] == "岗1"
    json.dumps(features)
    assert len({f["id"] for f in features}) == 3
    assert len(layers.route_points(guard)) == 5


# ---------------------------------------------------------------------- nearby


def _camera(camera_id: str, lat: float, lon: float, heading: float | None) -> Camera:
    return Camera(
        id=camera_id,
        name=camera_id,
        kind=CameraKind.ROAD,
        region_id="r",
        position=GeoPoint(lat, lon),
        status=CameraStatus.ONLINE,
        owner_department_id="d",
        heading_deg=heading,
        fov_deg=60.0,
    )


def test_a_camera_facing_the_place_ranks_before_a_nearer_one_looking_away() -> None:
    # 100 m south of the place, looking north (at it); 50 m south, looking south (away).
    facing = _camera("facing", PLACE.lat - 0.0009, PLACE.lon, 0.0)
    away = _camera("away", PLACE.lat - 0.00045, PLACE.lon, 180.0)
    far = _camera("far", PLACE.lat + 0.05, PLACE.lon, None)  # 5.5 km: outside the radius
    found = near_cameras(PLACE, [away, far, facing])
    assert [c.camera_id for c in found] == ["facing", "away"]
    assert found[0].facing
    assert not found[1].facing
    assert 90 < found[0].distance_m < 110


def test_only_available_units_are_offered() -> None:
    def unit(unit_id: str, status: UnitStatus, lat: float) -> Unit:
        return Unit(unit_id, unit_id, UnitKind.MEMBER, None, "d", status, GeoPoint(lat, PLACE.lon))

    units = [
        unit("busy", UnitStatus.ON_SCENE, PLACE.lat + 0.001),
        unit("free-far", UnitStatus.AVAILABLE, PLACE.lat + 0.01),
        unit("free-near", UnitStatus.AVAILABLE, PLACE.lat + 0.002),
    ]
    assert [u.unit_id for u in near_units(PLACE, units)] == ["free-near", "free-far"]


# ---------------------------------------------------------------------- panels


def test_a_refused_plate_and_an_outage_are_said_in_the_panel(qtbot: QtBot) -> None:
    panel = TrackPanel()
    qtbot.addWidget(panel)
    panel.show()
    refused = ValidationError("refused", status=422, server_message="plate: not a plate number")
    panel.show_error("<b>XX</b>", refused)
    assert "not a plate number" in panel.status_text()
    assert "<b>XX</b>" in panel.status_text()
    assert panel.status_label.textFormat().name == "PlainText"
    offline = UnreachableError("connection refused")
    assert isinstance(offline, BackendError)
    panel.show_error("琼C·12345", offline)
    assert "cannot be reached" in panel.status_text()
    # Nothing typed: said, and nothing asked of the server.
    with qtbot.assertNotEmitted(panel.search_requested):
        panel.plate_edit.setText("   ")
        panel.search_button.click()
    assert "Type a plate" in panel.status_text()


def test_the_layer_panel_switches_layers(qtbot: QtBot) -> None:
    panel = LayerPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.layer_toggled) as toggled:
        panel.boxes[layers.Layer.CAMERAS].click()
    assert toggled.args == ["cameras", False]
    assert not panel.is_shown(layers.Layer.CAMERAS)
    assert not panel.is_shown(layers.Layer.COVERAGE)
