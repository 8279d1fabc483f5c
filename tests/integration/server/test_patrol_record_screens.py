"""Patrol records say on which wall screen and tile each camera was shown and for how long it
was live; records stored before those fields existed still read, with the fields empty."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from console.server.db.tables import PatrolRecordRow
from console.wire import PatrolRecordOut
from tests.integration.server.conftest import Client, Server
from tests.integration.server.world import CENTRE

Clients = Callable[[str], Client]


def _body(cameras: list[str], **extra: object) -> dict[str, object]:
    now = datetime.now(UTC)
    return {
        "plan_id": None,
        "started_at": (now - timedelta(minutes=1)).isoformat(),
        "finished_at": now.isoformat(),
        "entries": [
            {
                "camera_id": camera,
                "seen_at": now.isoformat(),
                "dwell_s": 6.0,
                "verdict": "ok",
                **extra,
            }
            for camera in cameras
        ],
    }


def test_screen_tile_and_live_time_are_kept(server: Server, clients: Clients) -> None:
    op = clients("op")
    visible = sorted(server.world.cameras_visible_to(CENTRE))
    body = _body(visible[:2])
    entries = body["entries"]
    assert isinstance(entries, list)
    entries[0] |= {"screen": 0, "monitor": "DP-1", "tile": 3, "live_s": 5.75}
    entries[1] |= {"screen": 1, "monitor": "HDMI-2", "tile": 0, "live_s": 0.0}
    created = op.post("/patrol-records", json=body)
    assert created.status_code == 201, created.text
    saved = PatrolRecordOut.model_validate(created.json())
    read = next(
        PatrolRecordOut.model_validate(r)
        for r in op.get("/patrol-records").json()
        if r["id"] == saved.id
    )
    shown = [(e.screen, e.monitor, e.tile, e.live_s) for e in read.entries]
    assert shown == [(0, "DP-1", 3, 5.75), (1, "HDMI-2", 0, 0.0)]
    domain = read.to_domain()
    assert [(e.screen, e.tile) for e in domain.entries] == [(0, 3), (1, 0)]


def test_out_of_range_screen_fields_are_refused(server: Server, clients: Clients) -> None:
    op = clients("op")
    visible = sorted(server.world.cameras_visible_to(CENTRE))
    for bad in ({"screen": -1}, {"tile": -2}, {"live_s": -0.5}, {"screen": "left"}):
        refused = op.post("/patrol-records", json=_body(visible[:1], **bad))
        assert refused.status_code == 422, bad


def test_records_written_before_screens_still_read(server: Server, clients: Clients) -> None:
    op = clients("op")
    visible = sorted(server.world.cameras_visible_to(CENTRE))
    # A console that knows nothing of screens leaves the fields out.
    posted = op.post("/patrol-records", json=_body(visible[:1]))
    assert posted.status_code == 201, posted.text
    # A row stored by an older server: its entries lack the keys altogether.
    now = datetime.now(UTC)
    with server.app.state.tianmu.db.write() as session:
        session.add(
            PatrolRecordRow(
                id="old-record-1",
                plan_id=None,
                operator_id="user-op",
                started_at=now - timedelta(minutes=3),
                finished_at=now - timedelta(minutes=2),
                entries=[
                    {
                        "camera_id": visible[0],
                        "seen_at": now.isoformat(),
                        "dwell_s": 4.0,
                        "verdict": "dead",
                        "note": "",
                    }
                ],
            )
        )
    records = {r["id"]: PatrolRecordOut.model_validate(r) for r in op.get("/patrol-records").json()}
    for record_id in ("old-record-1", posted.json()["id"]):
        entry = records[record_id].entries[0]
        assert (entry.screen, entry.monitor, entry.tile, entry.live_s) == (None, None, None, None)
    assert records["old-record-1"].entries[0].verdict == "dead"
