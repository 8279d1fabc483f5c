"""The field simulator against the real server on loopback (SQLite in a temp dir).

Alerts must arrive; an incident dispatched to a linked unit must be signed, travelled to and
reported on with a photo; a report that lies ("fixed" when it is not) must be catchable by
verification, and the rework after a reopen is reported truly fixed.
"""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from console.domain.geo import haversine_m
from console.domain.model import GeoPoint, UnitKind
from console.server.app import create_app
from console.server.demo.field import FieldSimulator, FieldTiming
from console.server.demo.photos import scene_photo
from console.server.demo.world import World, build_world
from console.server.live import LiveServer
from console.server.services.world import load_world
from console.server.settings import ServerSettings

pytestmark = pytest.mark.slow

TIMEOUT_S = 10.0
FAST_FIELD = FieldTiming(
    sign_delay_s=(2.0, 10.0),
    start_delay_s=(2.0, 10.0),
    work_s=(20.0, 40.0),
    report_every_s=5.0,
    drift_report_every_s=60.0,
    retry_after_s=5.0,
)


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(11, camera_count=400)


@pytest.fixture
def server(tmp_path: Path, world: World) -> Iterator[str]:
    settings = ServerSettings(
        database_url=f"sqlite:///{tmp_path / 'server.db'}",
        media_dir=tmp_path / "media",
        demo=True,
    )
    app = create_app(settings)
    with app.state.tianmu.db.write() as session:
        load_world(session, world, password_cost=2**4)
    with LiveServer(app) as live:
        yield f"{live.url}/api/v1"


class Client:
    """A signed-in requests session for the test's own operator."""

    def __init__(self, root: str, username: str, password: str) -> None:
        self.root = root
        self.http = requests.Session()
        body = self.call("POST", "/auth/login", json={"username": username, "password": password})
        self.http.headers["Authorization"] = f"Bearer {body['token']}"

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, self.root + path, timeout=TIMEOUT_S, **kwargs)
        assert response.status_code < 400, (
            f"{method} {path}: {response.status_code} {response.text}"
        )
        return response.json() if response.content else None

    def act(self, incident_id: str, action: str, **fields: Any) -> dict[str, Any]:
        result: dict[str, Any] = self.call(
            "POST", f"/incidents/{incident_id}/actions", json={"action": action, **fields}
        )
        return result


def password(world: World, username: str) -> str:
    return next(c.password for c in world.credentials if c.username == username)


def wait_for(what: str, probe: Callable[[], Any], timeout_s: float = 60.0) -> Any:
    """Poll ``probe`` until it returns something truthy; fail with ``what`` at the deadline."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = probe()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def near_police_member(world: World) -> GeoPoint:
    """A spot a few hundred metres from one of the police's field members."""
    member = next(
        u
        for u in world.subtree("unit-police")
        if u.kind is UnitKind.MEMBER and u.position is not None
    )
    assert member.position is not None
    return GeoPoint(member.position.lat + 0.003, member.position.lon + 0.002)


def camera_snapshot(camera_id: str) -> bytes:
    return scene_photo(camera_id, seed=len(camera_id)).data


def raise_and_dispatch(operator: Client, world: World, alert: dict[str, Any]) -> dict[str, Any]:
    spot = near_police_member(world)
    incident = operator.call(
        "POST",
        "/incidents",
        json={
            "title": "占道经营",
            "category": "street_vendor",
            "priority": 3,
            "source": "alert",
            "lat": spot.lat,
            "lon": spot.lon,
            "camera_ids": [alert["camera_id"]],
            "alert_ids": [alert["id"]],
        },
    )
    operator.act(incident["id"], "accept")
    operator.act(incident["id"], "file", category="street_vendor", priority=3)
    dispatched = operator.act(incident["id"], "dispatch", unit_id="unit-police")
    assert dispatched["state"] == "dispatched"
    return dispatched


def test_alerts_arrive_with_snapshots(server: str, world: World) -> None:
    operator = Client(server, "operator-1", password(world, "operator-1"))
    simulator = FieldSimulator(
        server, world, seed=3, alert_rate_per_min=60, speed=20, snapshot=camera_snapshot
    )
    with simulator:
        page = wait_for(
            "three alerts",
            lambda: (
                (p := operator.call("GET", "/alerts", params={"limit": 50}))["total"] >= 3 and p
            ),
        )
    assert simulator.progress()["alerts"] >= 3
    assert simulator.progress().get("errors", 0) == 0
    cameras = world.cameras_by_id
    for alert in page["items"]:
        camera = cameras[alert["camera_id"]]
        assert camera.status.value == "online"
        assert alert["status"] == "new"
        assert alert["snapshot"] is not None
    media = page["items"][0]["snapshot"]
    response = operator.http.get(f"{server}/media/{media['id']}", timeout=TIMEOUT_S)
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == media["sha256"]
    assert response.content == camera_snapshot(page["items"][0]["camera_id"])


def test_a_dispatched_incident_is_signed_travelled_to_and_reported(
    server: str, world: World
) -> None:
    pil_image = pytest.importorskip("PIL.Image")
    operator = Client(server, "operator-1", password(world, "operator-1"))
    simulator = FieldSimulator(
        server,
        world,
        seed=5,
        alert_rate_per_min=6,
        not_fixed_share=1.0,  # the first report is always a lie
        speed=50,
        tick_s=0.1,
        poll_interval_s=0.3,
        timing=FAST_FIELD,
    )
    with simulator:
        alert = wait_for(
            "an alert", lambda: operator.call("GET", "/alerts", params={"limit": 1})["items"]
        )[0]
        incident = raise_and_dispatch(operator, world, alert)
        incident_id = incident["id"]

        signed = wait_for(
            "the police to sign",
            lambda: (
                (i := operator.call("GET", f"/incidents/{incident_id}"))["state"]
                in ("signed", "in_progress", "feedback")
                and i
            ),
        )
        assert signed["assignments"][-1]["signed_at"] is not None

        reported = wait_for(
            "feedback",
            lambda: (
                (i := operator.call("GET", f"/incidents/{incident_id}"))["state"] == "feedback"
                and i
            ),
        )
        feedback = reported["feedbacks"][-1]
        assert feedback["result"] == "fixed"
        assert feedback["unit_id"] == "unit-police"
        assert feedback["photos"], "feedback carries a photo"
        photo = operator.http.get(
            f"{server}/media/{feedback['photos'][0]['id']}", timeout=TIMEOUT_S
        )
        assert photo.status_code == 200
        pil_image.open(io.BytesIO(photo.content)).verify()
        # The report said "fixed"; the simulator knows it is not.
        assert simulator.truly_fixed(incident_id) is False

        # A member of the police went there, and the server saw it move.
        units = {u["id"]: u for u in operator.call("GET", "/units")}
        spot = GeoPoint(reported["lat"], reported["lon"])
        arrived = [
            u
            for u in world.subtree("unit-police")
            if u.kind is UnitKind.MEMBER
            and units[u.id]["lat"] is not None
            and haversine_m(GeoPoint(units[u.id]["lat"], units[u.id]["lon"]), spot) < 300
        ]
        assert arrived, "no police member is near the incident"

        # Verification catches the lie; the rework is done properly.
        operator.act(incident_id, "start_verification")
        operator.call(
            "POST",
            f"/incidents/{incident_id}/verifications",
            data={"verdict": "fail", "comment": "摊位仍在", "camera_ids": alert["camera_id"]},
        )
        operator.act(incident_id, "reopen", reason="复核未通过：摊位仍在")
        again = operator.act(incident_id, "dispatch", unit_id="unit-police")
        assert again["state"] == "dispatched"
        assert again["rework_count"] == 1

        wait_for(
            "the rework's feedback",
            lambda: len(operator.call("GET", f"/incidents/{incident_id}")["feedbacks"]) == 2,
        )
        assert simulator.truly_fixed(incident_id) is True
    assert not simulator.running
    progress = simulator.progress()
    assert progress["signed"] >= 2
    assert progress["feedback"] >= 2
    assert progress["positions"] > 0
    assert progress.get("errors", 0) == 0
