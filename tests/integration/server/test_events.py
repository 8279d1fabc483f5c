"""The live event stream: resume without gap or duplicate, reset, heartbeats, scoping."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from console.server.app import create_app
from console.server.db.tables import EventRow
from console.server.live import LiveServer
from console.server.services import events
from console.wire import EventOut
from tests.integration.server.conftest import Client, EventStream, Server
from tests.integration.server.world import CENTRE

Clients = Callable[[str], Client]


def _max_event_id(server: Server) -> int:
    with server.app.state.tianmu.db.read() as session:
        return int(session.scalar(select(func.max(EventRow.id))) or 0)


def _ids_between(server: Server, low: int, high: int) -> list[int]:
    with server.app.state.tianmu.db.read() as session:
        query = (
            select(EventRow.id).where(EventRow.id > low, EventRow.id <= high).order_by(EventRow.id)
        )
        return list(session.scalars(query))


class _Producer:
    """Keeps moving a unit (one unit.moved event per report) until stopped."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.stop = threading.Event()
        self.sent = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        step = 0
        while not self.stop.is_set():
            step += 1
            response = self.client.post(
                "/units/unit-police-car-1/status",
                json={"status": "en_route", "lat": 19.2 + step * 1e-5, "lon": 110.4},
            )
            assert response.status_code == 200, response.text
            self.sent += 1

    def __enter__(self) -> _Producer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(30)


def test_resume_after_a_dropped_connection_has_no_gap_and_no_duplicate(
    server: Server, clients: Clients
) -> None:
    token = clients("op").token
    start = _max_event_id(server)
    collected: list[int] = []
    with _Producer(clients("sup")) as producer:
        first = EventStream(server, token, last_event_id=start)
        assert first.status == 200
        first.wait_until(lambda s: len(s.events()) >= 30)
        first.close()  # the connection drops while events keep coming
        collected += [f.id for f in first.events() if f.id is not None]

        # Reconnect a couple of times more, each time from the last id seen.
        for _ in range(2):
            stream = EventStream(server, token, last_event_id=collected[-1])
            stream.wait_until(lambda s: len(s.events()) >= 20)
            stream.close()
            collected += [f.id for f in stream.events() if f.id is not None]
        assert producer.sent > 0

    # After the producer stopped, one last resume catches up to the very end.
    end = _max_event_id(server)
    final = EventStream(server, token, last_event_id=collected[-1])
    final.wait_until(lambda s: bool(s.events()) and s.events()[-1].id == end)
    final.close()
    collected += [f.id for f in final.events() if f.id is not None]

    assert len(collected) == len(set(collected)), "no event is delivered twice"
    assert collected == sorted(collected)
    assert collected == _ids_between(server, start, end), "every committed event, no gap"
    for frame in final.events():
        event = EventOut.model_validate(
            {"id": frame.id, "type": frame.type, "data": json.loads(frame.data or "{}")}
        )
        assert event.type == "unit.moved"


def test_an_id_the_server_no_longer_holds_starts_with_reset(
    server: Server, clients: Clients
) -> None:
    client = clients("sup")
    for n in range(6):
        client.post(
            "/units/unit-police-car-1/status",
            json={"status": "on_scene", "lat": 19.3 + n * 1e-4, "lon": 110.5},
        )
    with server.app.state.tianmu.db.write() as session:
        events.prune(session, keep=3)
    high = _max_event_id(server)

    stale = EventStream(server, client.token, last_event_id=1)
    stale.wait_until(lambda s: bool(s.events()))
    reset = stale.events()[0]
    assert reset.type == "reset"
    assert reset.id == high
    assert json.loads(reset.data or "{}")["last_event_id"] == high
    # The stream continues live after the reset.
    client.post("/units/unit-police-car-1/status", json={"status": "returning"})
    stale.wait_until(lambda s: any(f.type == "unit.status" for f in s.events()))
    stale.close()

    future = EventStream(server, client.token, last_event_id=high + 10_000)
    future.wait_until(lambda s: bool(s.events()))
    assert future.events()[0].type == "reset"
    future.close()

    # Resuming right at the edge of the retained window needs no reset.
    with server.app.state.tianmu.db.read() as session:
        low, _ = events.bounds(session)
    assert low is not None
    edge = EventStream(server, client.token, last_event_id=low - 1)
    edge.wait_until(lambda s: bool(s.events()))
    assert edge.events()[0].id == low
    edge.close()


def test_a_quiet_stream_carries_heartbeat_comments(server: Server, clients: Clients) -> None:
    stream = EventStream(server, clients("op").token)
    stream.wait_until(lambda s: "heartbeat" in s.comments(), timeout_s=10)
    stream.close()


def test_events_follow_camera_sharing_and_unit_scope(server: Server, clients: Clients) -> None:
    visible = server.world.cameras_visible_to(CENTRE)
    hidden_camera = next(c.id for c in server.world.cameras if c.id not in visible)
    shown_camera = sorted(visible)[0]
    admin, op = clients("admin"), clients("op")
    start = _max_event_id(server)
    op_stream = EventStream(server, op.token, last_event_id=start)
    police_stream = EventStream(server, clients("police").token, last_event_id=start)
    admin_stream = EventStream(server, admin.token, last_event_id=start)
    for camera in (hidden_camera, shown_camera):
        response = admin.post(
            "/alerts", data={"kind": "garbage", "camera_id": camera, "confidence": "0.8"}
        )
        assert response.status_code == 201, response.text
    created = op.post(
        "/incidents",
        json={
            "title": "scope",
            "category": "c",
            "priority": 3,
            "source": "operator",
            "lat": 19.2,
            "lon": 110.4,
        },
    ).json()
    end = _max_event_id(server)
    admin_stream.wait_until(lambda s: bool(s.events()) and s.events()[-1].id == end)
    op_stream.wait_until(lambda s: bool(s.events()) and s.events()[-1].id == end)

    def cameras_of(stream: EventStream) -> set[str]:
        return {
            json.loads(f.data or "{}")["camera_id"]
            for f in stream.events()
            if f.type == "alert.created"
        }

    assert cameras_of(admin_stream) == {hidden_camera, shown_camera}
    assert cameras_of(op_stream) == {shown_camera}
    # The police desk gets the shown alert only if shared with it, and no incident it was not sent.
    police_stream.wait_until(lambda s: "heartbeat" in s.comments(), timeout_s=10)
    assert not [f for f in police_stream.events() if f.type == "incident.created"]
    assert created["id"] in {
        json.loads(f.data or "{}")["id"] for f in op_stream.events() if f.type == "incident.created"
    }
    for stream in (op_stream, police_stream, admin_stream):
        stream.close()


@pytest.mark.postgres
def test_a_second_server_process_streams_events_written_through_the_first(
    server: Server, clients: Clients, tmp_path_factory: pytest.TempPathFactory
) -> None:
    settings = server.app.state.tianmu.settings
    if not settings.database_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY fan-out is a PostgreSQL feature")
    # The second server never polls on its own within the test: only NOTIFY can wake it.
    other = create_app(
        replace(
            settings,
            media_dir=tmp_path_factory.mktemp("other-media"),
            event_poll_s=120.0,
            heartbeat_s=120.0,
        )
    )
    with LiveServer(other) as live:
        second = Server(live, other, server.world, live.url + "/api/v1", server.media_dir)
        start = _max_event_id(server)
        stream = EventStream(second, clients("op").token, last_event_id=start)
        stream.wait_until(lambda s: "connected" in s.comments())
        for n in range(3):
            response = clients("sup").post(
                "/units/unit-urban/status",
                json={"status": "en_route", "lat": 19.1 + n * 1e-4, "lon": 110.3},
            )
            assert response.status_code == 200
        end = _max_event_id(server)
        stream.wait_until(lambda s: bool(s.events()) and s.events()[-1].id == end, timeout_s=20)
        assert [f.id for f in stream.events()] == _ids_between(server, start, end)
        stream.close()
    other.state.tianmu.db.dispose()
