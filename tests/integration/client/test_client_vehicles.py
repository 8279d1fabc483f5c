"""The console's client for plate searches and guarded routes, against the real demo server:
domain values out, a bad plate refused before anything is sent, snapshots fetched as media,
and camera headings carried through the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from console.client import BackendClient
from console.client.errors import ValidationError
from console.domain.model import CameraKind
from console.domain.vehicles import Compass, RouteGuard, VehiclePass
from tests.support.live_server import LiveDemoServer

UNTIL = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
SINCE = UNTIL - timedelta(days=7)


def test_a_plate_search_gives_passes_in_time_order_with_snapshots(
    make_client: Callable[..., BackendClient], demo_server: LiveDemoServer
) -> None:
    client = make_client("admin")
    passes = client.vehicle_passes("琼c 12345", since=SINCE, until=UNTIL)
    assert passes
    assert all(isinstance(p, VehiclePass) for p in passes)
    assert [p.time for p in passes] == sorted(p.time for p in passes)
    assert {p.plate for p in passes} == {"琼C·12345"}
    assert all(isinstance(p.direction, Compass) for p in passes)
    cameras = demo_server.world.cameras_by_id
    assert all(cameras[p.camera_id].kind is CameraKind.CHECKPOINT for p in passes)
    assert passes[0].snapshot_media_id is not None
    content_type, data = client.media(passes[0].snapshot_media_id)
    assert content_type == "image/png"
    assert data.startswith(b"\x89PNG")
    assert client.vehicle_passes("粤B·12345", since=SINCE, until=UNTIL) == []


def test_a_bad_plate_is_refused_before_sending(
    make_client: Callable[..., BackendClient],
) -> None:
    client = make_client()
    with pytest.raises(ValidationError) as refused:
        client.vehicle_passes("琼12345")
    assert refused.value.fields[0].field == "plate"
    assert "letter" in refused.value.fields[0].message


def test_the_demo_route_guard_comes_with_its_cameras(
    make_client: Callable[..., BackendClient], demo_server: LiveDemoServer
) -> None:
    client = make_client()
    routes = client.route_guards()
    assert [r.id for r in routes] == ["route-boao-forum"]
    (route,) = routes
    assert isinstance(route, RouteGuard)
    assert "博鳌" in route.name
    assert len(route.path) >= 5
    assert route.checkpoints
    assert route.posts
    assert route.camera_ids, "no camera of the demo catalogue stands along the route"
    assert client.route_guard(route.id) == route
    cameras = demo_server.world.cameras_by_id
    centre = demo_server.world.command_centre_id
    assert all(
        cameras[i].owner_department_id == centre or centre in cameras[i].shared_with
        for i in route.camera_ids
    )


def test_cameras_carry_heading_and_field_of_view(
    make_client: Callable[..., BackendClient], demo_server: LiveDemoServer
) -> None:
    client = make_client()
    page = client.cameras_page(limit=50)
    for item in page.items:
        camera = item.to_domain()
        expected = demo_server.world.cameras_by_id[camera.id]
        assert (camera.heading_deg, camera.fov_deg) == (expected.heading_deg, expected.fov_deg)
        assert camera.heading_deg is not None
