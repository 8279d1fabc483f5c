"""The incident pane's cameras: those that can show the place before a closer one looking away."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from console.catalog import CameraCatalog
from console.domain.incident import Incident, IncidentSource, IncidentState, Priority
from console.domain.model import GeoPoint
from console.gui.incidents.nearest_cameras import nearest_cameras
from console.server.demo.world import build_world

PLACE = GeoPoint(19.2466, 110.4665)
METRE_LAT = 1 / 111_000  # degrees of latitude in a metre, near enough here


def test_a_camera_facing_the_place_comes_before_a_closer_one_looking_away() -> None:
    world = build_world(camera_count=50)
    first, second, third = world.cameras[:3]
    # 60 m south looking north at the place; 30 m north looking further north (away, fixed);
    # 90 m north with no known heading (could show it).
    facing = replace(
        first, position=GeoPoint(PLACE.lat - 60 * METRE_LAT, PLACE.lon), heading_deg=0.0,
        fov_deg=60.0, ptz=False,
    )  # fmt: skip
    away = replace(
        second, position=GeoPoint(PLACE.lat + 30 * METRE_LAT, PLACE.lon), heading_deg=0.0,
        fov_deg=60.0, ptz=False,
    )  # fmt: skip
    unknown = replace(
        third, position=GeoPoint(PLACE.lat + 90 * METRE_LAT, PLACE.lon), heading_deg=None
    )
    catalog = CameraCatalog(world.regions, [facing, away, unknown])
    now = datetime.now(UTC)
    incident = Incident(
        id="inc-1",
        number="QH-1",
        title="Vendor on the road",
        category="street_vendor",
        priority=Priority.P3,
        source=IncidentSource.OPERATOR,
        state=IncidentState.REPORTED,
        position=PLACE,
        created_by="user-op",
        created_at=now,
        updated_at=now,
    )

    found = nearest_cameras(incident, catalog, [away.id, unknown.id, facing.id], count=3)

    assert [c.camera_id for c in found] == [facing.id, unknown.id, away.id]
    assert [round(c.distance_m or 0) for c in found] == [60, 90, 30]
