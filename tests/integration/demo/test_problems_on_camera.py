"""The demo shows the truth: an incident's problem is in the live pictures of the cameras near it
until the unit really fixes it.

The real demo server (SQLite, uvicorn on loopback) with the camera simulator; libvlc plays
each camera's stream from the address the server hands out, and the pixels are read. The
field simulator lies in its first "fixed" report, so the stall must still be there; the
rework after a failed verification is real, so the stall must go.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import vlc
from PIL import Image

from console.domain.geo import haversine_m
from console.domain.model import Camera, CameraStatus
from console.server.demo.field import FieldSimulator, FieldTiming
from console.server.demo.problems import ProblemStage
from console.server.demo.sightlines import SIGHT_RADIUS_M
from console.server.demo.world import is_visible_to
from console.server.media.problem_art import art_for, problem_score, problem_visible
from tests.integration.media.conftest import FrameGrabber
from tests.support.live_server import TIMEOUT_S, LiveDemoServer, start_demo_server

pytestmark = [pytest.mark.media, pytest.mark.slow]

FEEDS = 3
FAST_FIELD = FieldTiming(
    sign_delay_s=(2.0, 10.0),
    start_delay_s=(2.0, 10.0),
    work_s=(20.0, 40.0),
    report_every_s=5.0,
    drift_report_every_s=600.0,
    retry_after_s=5.0,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    live = start_demo_server(
        tmp_path_factory.mktemp("demo-truth"),
        camera_count=400,
        live_feeds=FEEDS,
        feed_options={"main_fps": 5},
    )
    try:
        yield live
    finally:
        live.close()


@pytest.fixture(scope="module")
def vlc_instance() -> Iterator[vlc.Instance]:
    instance = vlc.Instance(["--no-audio", "--no-xlib", "--quiet", "--network-caching=300"])
    yield instance
    instance.release()


class Operator:
    """A signed-in operator over HTTP."""

    def __init__(self, server: LiveDemoServer) -> None:
        self.api = server.api
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {server.token('operator-1')}"

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, self.api + path, timeout=TIMEOUT_S, **kwargs)
        assert response.status_code < 400, (
            f"{method} {path}: {response.status_code} {response.text}"
        )
        return response.json() if response.content else None

    def act(self, incident_id: str, action: str, **fields: Any) -> Any:
        return self.call(
            "POST", f"/incidents/{incident_id}/actions", json={"action": action, **fields}
        )

    def incident(self, incident_id: str) -> Any:
        return self.call("GET", f"/incidents/{incident_id}")


def pick_cameras(server: LiveDemoServer) -> tuple[Camera, Camera]:
    """A camera whose witnesses share its feed, and a far camera on another feed."""
    stage = server.problems
    assert stage is not None
    world = server.world
    usable = [
        c
        for c in world.cameras
        if c.status is CameraStatus.ONLINE and is_visible_to(c, world.command_centre_id)
    ]
    for near in usable:
        feeds = {stage.feed_of(c.id) for c in stage.sightlines.cameras_seeing(near.position)}
        if len(feeds) != 1:
            continue
        far = next(
            (
                c
                for c in usable
                if stage.feed_of(c.id) not in feeds
                and haversine_m(c.position, near.position) > 3 * SIGHT_RADIUS_M
            ),
            None,
        )
        if far is not None:
            return near, far
    raise AssertionError("no pair of cameras on different feeds")


def watch(operator: Operator, instance: vlc.Instance, camera: Camera) -> FrameGrabber:
    """Play the camera's sub stream from the address the server gives for it."""
    streams = operator.call("GET", f"/cameras/{camera.id}/streams")
    grab = FrameGrabber(instance, streams["sub"]["http"], 640, 360).play()
    grab.wait_for_pictures(10, timeout=20)
    return grab


def seen(grab: FrameGrabber, category: str) -> bool:
    return problem_visible(grab.frame(), category, bgr=True)


def seconds_until(grab: FrameGrabber, category: str, shown: bool, timeout_s: float) -> float:
    started = time.monotonic()
    while seen(grab, category) is not shown:
        waited = time.monotonic() - started
        assert waited < timeout_s, (
            f"{category} still {'absent' if shown else 'visible'} after {waited:.1f} s "
            f"(score {problem_score(grab.frame(), category, bgr=True):.2f})"
        )
        time.sleep(0.05)
    return time.monotonic() - started


def steadily(grab: FrameGrabber, category: str, shown: bool, seconds: float) -> None:
    """Every new picture for ``seconds`` shows (or does not show) ``category``."""
    deadline = time.monotonic() + seconds
    last, checked = grab.pictures, 0
    while time.monotonic() < deadline:
        if grab.pictures != last:
            last = grab.pictures
            checked += 1
            assert seen(grab, category) is shown, f"picture {last}: {category} shown={not shown}"
        time.sleep(0.02)
    assert checked >= 5, "too few pictures to judge"


def jpeg_of(grab: FrameGrabber) -> bytes:
    out = io.BytesIO()
    Image.fromarray(grab.frame()[:, :, ::-1].copy()).save(out, "JPEG", quality=85)
    return out.getvalue()


def wait_for_state(operator: Operator, incident_id: str, state: str, feedbacks: int) -> Any:
    deadline = time.monotonic() + 120
    while True:
        incident = operator.incident(incident_id)
        if incident["state"] == state and len(incident["feedbacks"]) >= feedbacks:
            return incident
        assert time.monotonic() < deadline, f"incident never reached {state}: {incident['state']}"
        time.sleep(0.1)


def test_the_stall_stays_through_a_false_report_and_goes_with_the_real_fix(
    server: LiveDemoServer, vlc_instance: vlc.Instance
) -> None:
    stage: ProblemStage | None = server.problems
    assert stage is not None
    operator = Operator(server)
    near, far = pick_cameras(server)
    near_view = watch(operator, vlc_instance, near)
    far_view = watch(operator, vlc_instance, far)
    try:
        # Nothing stands there yet: the check can fail.
        steadily(near_view, "street_vendor", False, 1.0)
        steadily(far_view, "street_vendor", False, 1.0)

        raised_at = time.monotonic()
        incident = operator.call(
            "POST",
            "/incidents",
            json={
                "title": "占道经营",
                "category": "street_vendor",
                "priority": 3,
                "source": "operator",
                "lat": near.position.lat,
                "lon": near.position.lon,
                "camera_ids": [near.id],
            },
        )
        incident_id = incident["id"]
        seconds_until(near_view, "street_vendor", True, timeout_s=10)
        appeared = time.monotonic() - raised_at
        assert near.id in stage.cameras_showing(incident_id)
        steadily(far_view, "street_vendor", False, 1.5)
        steadily(near_view, "street_vendor", True, 1.0)

        operator.act(incident_id, "accept")
        operator.act(incident_id, "file", category="street_vendor", priority=3)
        operator.act(incident_id, "dispatch", unit_id="unit-police")
        field = FieldSimulator(
            server.api,
            server.world,
            seed=5,
            alert_rate_per_min=0,
            not_fixed_share=1.0,  # the first "fixed" is a lie
            speed=50,
            tick_s=0.1,
            poll_interval_s=0.3,
            timing=FAST_FIELD,
            problems=stage,
        )
        with field:
            wait_for_state(operator, incident_id, "feedback", 1)
            assert field.truly_fixed(incident_id) is False
            # The unit says "fixed"; the camera says otherwise.
            steadily(near_view, "street_vendor", True, 2.0)
            operator.act(incident_id, "start_verification")
            operator.call(
                "POST",
                f"/incidents/{incident_id}/verifications",
                data={"verdict": "fail", "comment": "摊位仍在", "camera_ids": near.id},
                files=[("media", ("check.jpg", jpeg_of(near_view), "image/jpeg"))],
            )
            operator.act(incident_id, "reopen", reason="复核未通过：摊位仍在")
            operator.act(incident_id, "dispatch", unit_id="unit-police")

            wait_for_state(operator, incident_id, "feedback", 2)
            reported_at = time.monotonic()
            assert field.truly_fixed(incident_id) is True
            seconds_until(near_view, "street_vendor", False, timeout_s=10)
            cleared = time.monotonic() - reported_at
        steadily(near_view, "street_vendor", False, 1.0)
        assert stage.cameras_showing(incident_id) == []
        # Pictures reach libvlc through its 300 ms network cache; both stay within seconds.
        assert appeared < 5.0, f"the stall appeared {appeared:.1f} s after the incident"
        assert cleared < 5.0, f"the stall went {cleared:.1f} s after the true report"
        assert field.progress().get("errors", 0) == 0
    finally:
        near_view.close()
        far_view.close()


def test_an_alert_from_the_field_simulator_shows_its_problem_in_its_snapshot(
    server: LiveDemoServer,
) -> None:
    stage = server.problems
    simulator = server.simulator
    assert stage is not None
    assert simulator is not None
    operator = Operator(server)
    ordinals = {c.id: n for n, c in enumerate(server.world.cameras)}

    def snapshot(camera_id: str) -> bytes:
        return simulator.snapshot_jpeg(ordinals[camera_id] % FEEDS)

    before = operator.call("GET", "/alerts", params={"limit": 1})["total"]
    field = FieldSimulator(
        server.api,
        server.world,
        seed=9,
        alert_rate_per_min=30,  # few enough that each finds a feed free to draw it
        speed=1,
        snapshot=snapshot,
        problems=stage,
        problem_ttl_s=60,
    )
    with field:
        deadline = time.monotonic() + 60
        while operator.call("GET", "/alerts", params={"limit": 1})["total"] < before + 2:
            assert time.monotonic() < deadline, "no alerts"
            time.sleep(0.2)
    alerts = operator.call("GET", "/alerts", params={"limit": 50})["items"]
    problems = {(p.art, camera) for p in stage.problems() for camera in p.cameras}
    shown = 0
    for alert in alerts:
        if alert["snapshot"] is None:
            continue
        picture = operator.http.get(
            f"{server.api}/media/{alert['snapshot']['id']}", timeout=TIMEOUT_S
        ).content
        if (art_for(alert["kind"]), alert["camera_id"]) in problems:
            assert problem_visible(picture, alert["kind"]), alert["id"]
            shown += 1
    assert shown >= 1, f"no alert came from a problem in front of its camera: {field.progress()}"


@pytest.fixture(autouse=True)
def _no_leftover_problems(server: LiveDemoServer) -> Iterator[None]:
    yield
    if server.problems is not None:
        for problem in server.problems.problems():
            server.problems.remove(problem.id)
