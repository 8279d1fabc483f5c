"""Guarded routes over the real server: the path, checkpoints and posts as stored, and the
cameras along the path that the reader may see, in the order a vehicle passes them. The
demo world's Boao route loads with the world and collects the checkpoint lanes on its road."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from console.domain.geo import haversine_m, path_position
from console.domain.model import CameraKind, GeoPoint, Role
from console.domain.vehicles import RouteGuard, RoutePoint, RoutePost
from console.server.db.database import Database
from console.server.demo.world import build_world
from console.server.services import route_guards
from console.server.services.caller import Caller
from console.server.services.world import load_world
from console.wire.vehicles import RouteGuardOut
from tests.integration.server.conftest import Client, Server
from tests.integration.server.world import CENTRE, camera_id

# Along the small world's diagonal of cameras: camera n stands at (19.2 + 0.002 n, 110.45 + 0.002 n).
PATH = (GeoPoint(19.2, 110.45), GeoPoint(19.21, 110.46), GeoPoint(19.22, 110.47))
ROUTE = RouteGuard(
    id="route-test",
    name="测试安保线路",
    path=PATH,
    checkpoints=(RoutePoint("起点检查点", PATH[0]),),
    posts=(
        RoutePost("中段岗", PATH[1], "unit-police-team"),
        RoutePost("终点岗", PATH[2]),
    ),
)


@pytest.fixture(scope="module")
def stored(server: Server) -> RouteGuard:
    with server.app.state.tianmu.db.write() as session:
        route_guards.save(session, ROUTE)
    return ROUTE


def _route(client: Client, route_id: str) -> RouteGuardOut:
    response = client.get(f"/route-guards/{route_id}")
    assert response.status_code == 200, response.text
    return RouteGuardOut.model_validate(response.json())


def test_a_route_reads_back_with_its_checkpoints_and_posts(
    stored: RouteGuard, clients: Callable[[str], Client]
) -> None:
    listed = clients("op").get("/route-guards")
    assert listed.status_code == 200
    ids = [item["id"] for item in listed.json()["items"]]
    assert stored.id in ids
    route = _route(clients("op"), stored.id).to_domain()
    assert route.name == stored.name
    assert route.path == stored.path
    assert route.checkpoints == stored.checkpoints
    assert route.posts == stored.posts


def test_the_cameras_along_it_are_those_near_the_path_in_travel_order(
    server: Server, stored: RouteGuard, clients: Callable[[str], Client]
) -> None:
    route = _route(clients("admin"), stored.id)
    # Cameras 0..10 stand on the path; camera 11 is about 300 m past its end.
    assert route.camera_ids == [camera_id(n) for n in range(11)]


def test_a_reader_gets_only_the_cameras_it_may_see(
    server: Server, stored: RouteGuard, clients: Callable[[str], Client]
) -> None:
    visible = server.world.cameras_visible_to(CENTRE)
    route = _route(clients("op"), stored.id)
    assert route.camera_ids == [camera_id(n) for n in range(11) if camera_id(n) in visible]
    assert 0 < len(route.camera_ids) < 11


def test_an_unknown_route_is_not_found(clients: Callable[[str], Client]) -> None:
    assert clients("op").get("/route-guards/nowhere").status_code == 404


def test_the_demo_route_runs_from_boao_airport_past_its_checkpoints(tmp_path: Path) -> None:
    world = build_world(7, camera_count=1500)
    (demo,) = world.route_guards
    airport, forum = demo.path[0], demo.path[-1]
    assert haversine_m(airport, GeoPoint(19.139, 110.454)) < 500
    boao = next(r for r in world.regions if r.name == "博鳌镇")
    assert min(haversine_m(p, boao.center) for p in demo.path) < 500
    assert haversine_m(airport, forum) > 10_000
    assert all(p.unit_id in world.units_by_id for p in demo.posts if p.unit_id)
    assert sum(p.unit_id is not None for p in demo.posts) >= 4
    assert all(path_position(c.position, demo.path).off_m < 50 for c in demo.checkpoints)

    db = Database(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        db.create_schema()
        with db.write() as session:
            counts = load_world(session, world, password_cost=2**4)
        assert counts["route_guards"] == 1
        admin = Caller("user-admin", "admin", Role.ADMIN, world.command_centre_id)
        with db.read() as session:
            (loaded,) = route_guards.list_routes(session, admin)
        assert loaded.path == demo.path
        assert loaded.posts == demo.posts
        along = [world.cameras_by_id[i] for i in loaded.camera_ids]
        assert all(path_position(c.position, demo.path).off_m <= 150 for c in along)
        checkpoint_names = {
            c.name.rsplit(" ", 1)[0] for c in along if c.kind is CameraKind.CHECKPOINT
        }
        assert {"博鳌大道 中原互通卡口", "博鳌大道 东屿岛大桥卡口"} <= checkpoint_names
        positions = [path_position(c.position, demo.path).along_m for c in along]
        assert positions == sorted(positions)
    finally:
        db.dispose()
