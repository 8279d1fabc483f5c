"""The demo world's problems: who sees them, which feeds draw them, and when they go."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from console.domain.geo import haversine_m
from console.domain.model import Camera, CameraStatus, GeoPoint
from console.server.app import create_app
from console.server.demo.incident_watch import IncidentWatch
from console.server.demo.problems import UNCLAIMED_TTL_S, ProblemStage
from console.server.demo.sightlines import MAX_WITNESSES, SIGHT_RADIUS_M, Sightlines
from console.server.demo.world import World, build_world
from console.server.live import LiveServer
from console.server.services.world import load_world
from console.server.settings import ServerSettings

FEEDS = 4


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(11, camera_count=400)


class Feeds:
    """What each feed was last told to draw."""

    def __init__(self) -> None:
        self.drawn: dict[int, set[str]] = {}
        self.calls = 0

    def show(self, index: int, kinds: Iterable[str]) -> None:
        self.calls += 1
        self.drawn[index] = set(kinds)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def online(world: World) -> list[Camera]:
    return [c for c in world.cameras if c.status is CameraStatus.ONLINE]


def test_the_nearest_online_cameras_within_sight_see_a_place(world: World) -> None:
    lines = Sightlines(world)
    for camera in online(world)[:50]:
        seeing = lines.cameras_seeing(camera.position)
        assert seeing[0].id == camera.id
        assert len(seeing) <= MAX_WITNESSES
        distances = [haversine_m(c.position, camera.position) for c in seeing]
        assert distances == sorted(distances)
        assert all(d <= SIGHT_RADIUS_M for d in distances)
        assert all(c.status is CameraStatus.ONLINE for c in seeing)
        closer_unseen = [
            c
            for c in online(world)
            if c not in seeing and haversine_m(c.position, camera.position) < distances[-1]
        ]
        assert not closer_unseen
    offline = next(c for c in world.cameras if c.status is not CameraStatus.ONLINE)
    assert offline not in lines.cameras_seeing(offline.position)
    assert lines.cameras_seeing(GeoPoint(10.0, 100.0)) == []
    assert lines.feed_of(world.cameras[5].id, 4) == 5 % 4


def test_a_problem_is_drawn_on_its_witnesses_feeds_until_really_fixed(world: World) -> None:
    feeds, clock = Feeds(), Clock()
    stage = ProblemStage(world, feed_count=FEEDS, show=feeds.show, clock=clock)
    camera = online(world)[0]
    stall = stage.place("street_vendor", camera.position, ttl_s=60, exclusive=True)
    assert stall is not None
    assert stall.art == "stall"
    assert stall.cameras[0] == camera.id
    assert stall.feeds == {stage.feed_of(c) for c in stall.cameras}
    assert {f for f, kinds in feeds.drawn.items() if kinds} == set(stall.feeds)
    assert all(feeds.drawn[f] == {"stall"} for f in stall.feeds)

    # A second stall would share a feed's drawing: refused. Smoke has its own slot.
    assert stage.place("street_vendor", camera.position, exclusive=True) is None
    smoke = stage.place("smoke_fire", camera.position, ttl_s=60, exclusive=True)
    assert smoke is not None
    assert all(feeds.drawn[f] == {"stall", "smoke"} for f in stall.feeds)

    # An incident raised at the place is about the standing stall, which then stays for good.
    linked = stage.link_incident("inc-1", "street_vendor", camera.position)
    assert linked.id == stall.id
    assert linked.incident_ids == {"inc-1"}
    assert stage.link_incident("inc-2", "street_vendor", camera.position).id == stall.id
    assert stage.cameras_showing("inc-1") == list(stall.cameras)
    clock.now += 3600
    stage.expire()
    assert stage.problem_for("inc-1") is not None
    assert all(feeds.drawn[f] == {"stall"} for f in stall.feeds), "unclaimed smoke expired"

    # Reports change nothing on the ground; a real fix takes the stall away.
    assert stage.fix("inc-unknown") == []
    assert [p.id for p in stage.fix("inc-2")] == [stall.id]
    assert stage.problem_for("inc-1") is None
    assert stage.cameras_showing("inc-1") == []
    assert all(not kinds for kinds in feeds.drawn.values())


def test_an_incident_where_nothing_stands_places_its_own_problem(world: World) -> None:
    feeds = Feeds()
    stage = ProblemStage(world, feed_count=FEEDS, show=feeds.show)
    first, second = online(world)[0], online(world)[-1]
    assert haversine_m(first.position, second.position) > 2 * SIGHT_RADIUS_M
    stage.place("crowd", first.position)
    elsewhere = stage.link_incident("inc-9", "crowd", second.position)
    assert elsewhere.incident_ids == {"inc-9"}
    assert elsewhere.cameras[0] == second.id
    other_kind = stage.link_incident("inc-10", "illegal_parking", first.position)
    assert other_kind.art == "marker"
    assert other_kind.incident_ids == {"inc-10"}
    assert len(stage.problems()) == 3
    # Nobody sees the open sea: kept, but drawn nowhere, and never placed exclusively.
    sea = GeoPoint(10.0, 100.0)
    assert stage.place("smoke_fire", sea, exclusive=True) is None
    lonely = stage.link_incident("inc-11", "smoke_fire", sea)
    assert lonely.cameras == ()
    assert lonely.feeds == frozenset()


def test_without_feeds_problems_are_kept_but_drawn_nowhere(world: World) -> None:
    stage = ProblemStage(world)
    camera = online(world)[0]
    problem = stage.place("garbage", camera.position, exclusive=True)
    assert problem is not None
    assert problem.feeds == frozenset()
    assert stage.feed_of(camera.id) is None


def test_an_incident_ending_without_a_fix_lets_its_problem_move_on(world: World) -> None:
    clock = Clock()
    stage = ProblemStage(world, clock=clock)
    camera = online(world)[0]
    stage.link_incident("inc-1", "crowd", camera.position)
    stage.link_incident("inc-2", "crowd", camera.position)
    stage.release("inc-1")  # a duplicate cancelled: the other incident still waits for a fix
    clock.now += 10 * UNCLAIMED_TTL_S
    problem = stage.problem_for("inc-2")
    assert problem is not None
    assert problem.incident_ids == {"inc-2"}
    stage.release("inc-2")
    clock.now += UNCLAIMED_TTL_S - 1
    assert stage.problems()
    clock.now += 2
    assert stage.problems() == []


@pytest.fixture
def api(tmp_path: Path, world: World) -> Iterator[tuple[str, Any]]:
    settings = ServerSettings(
        database_url=f"sqlite:///{tmp_path / 'server.db'}", media_dir=tmp_path / "media", demo=True
    )
    app = create_app(settings)
    with app.state.tianmu.db.write() as session:
        load_world(session, world, password_cost=2**4)
    with LiveServer(app) as live:
        yield f"{live.url}/api/v1", app.state.tianmu.db


def test_incidents_raised_on_the_server_are_tied_to_problems_as_they_happen(
    api: tuple[str, Any], world: World
) -> None:
    root, db = api
    clock = Clock()
    stage = ProblemStage(world, clock=clock)
    camera = online(world)[3]
    standing = stage.place("street_vendor", camera.position, ttl_s=60)
    assert standing is not None
    operator = requests.Session()
    login = operator.post(
        f"{root}/auth/login",
        json={
            "username": "operator-1",
            "password": next(c.password for c in world.credentials if c.username == "operator-1"),
        },
        timeout=10,
    )
    operator.headers["Authorization"] = f"Bearer {login.json()['token']}"
    watch = IncidentWatch(db, stage).start()
    try:
        made = operator.post(
            f"{root}/incidents",
            json={
                "title": "占道经营",
                "category": "street_vendor",
                "priority": 3,
                "source": "operator",
                "lat": camera.position.lat,
                "lon": camera.position.lon,
                "camera_ids": [camera.id],
            },
            timeout=10,
        )
        assert made.status_code == 201, made.text
        incident_id = made.json()["id"]
        deadline = time.monotonic() + 5
        while stage.problem_for(incident_id) is None:
            assert time.monotonic() < deadline, "the incident was never tied to a problem"
            time.sleep(0.05)
        problem = stage.problem_for(incident_id)
        assert problem is not None
        assert problem.id == standing.id, "the incident is about the stall already there"
        assert problem.expires_at is None

        cancelled = operator.post(
            f"{root}/incidents/{incident_id}/actions",
            json={"action": "cancel", "reason": "重复上报"},
            timeout=10,
        )
        assert cancelled.status_code < 400, cancelled.text
        deadline = time.monotonic() + 5
        while (p := stage.problem_for(incident_id)) is not None or not stage.problems():
            assert time.monotonic() < deadline, f"the cancelled incident still holds {p}"
            time.sleep(0.05)
        (left,) = stage.problems()
        assert left.id == standing.id
        assert left.expires_at is not None
    finally:
        watch.stop()
