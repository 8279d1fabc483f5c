"""A bookmark made on a workstation with no one signed in: sent later by the next officer,
stored and listed with where and when it was made, and audited as made offline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

from console.wire.bookmarks import BookmarkOut
from tests.integration.server.conftest import Client, Server
from tests.integration.server.world import CENTRE

Clients = Callable[[str], Client]
AT = datetime(2026, 3, 1, 8, 0, 12, tzinfo=UTC)
MADE_AT = datetime(2026, 3, 2, 23, 40, tzinfo=timezone(timedelta(hours=8)))


def test_made_offline_is_kept_listed_audited_and_refused_when_malformed(
    server: Server, clients: Clients
) -> None:
    camera = sorted(server.world.cameras_visible_to(CENTRE))[0]
    op, sup = clients("op"), clients("sup")
    offline = {"workstation": "duty-ws-07", "account": "zhang.wei", "made_at": MADE_AT.isoformat()}
    body = {
        "camera_id": camera,
        "at": AT.isoformat(),
        "note": "made offline",
        "made_offline": offline,
    }
    response = op.post("/bookmarks", json=body)
    assert response.status_code == 201, response.text
    made = BookmarkOut.model_validate(response.json())
    assert made.author_id == "user-op"  # the officer who sent it
    assert made.made_offline is not None
    assert (made.made_offline.workstation, made.made_offline.account) == ("duty-ws-07", "zhang.wei")
    assert made.made_offline.made_at == MADE_AT

    plain = op.post("/bookmarks", json={"camera_id": camera, "at": AT.isoformat(), "note": "here"})
    assert plain.status_code == 201, plain.text
    assert plain.json()["made_offline"] is None

    listed = {b["id"]: b for b in op.get("/bookmarks", params={"camera_id": camera}).json()}
    assert listed[made.id]["made_offline"]["workstation"] == "duty-ws-07"
    assert listed[plain.json()["id"]]["made_offline"] is None

    trail = sup.get("/audit", params={"action": "bookmark.create"}).json()["items"]
    (line,) = [item for item in trail if item["entity_id"] == made.id]
    assert line["detail"]["made_offline"]["account"] == "zhang.wei"

    # Removed with what it said about where it was made.
    removed = op.http.delete(server.url(f"/bookmarks/{made.id}"), timeout=10)
    assert removed.status_code == 200, removed.text
    assert removed.json()["made_offline"]["workstation"] == "duty-ws-07"
    assert made.id not in {
        b["id"] for b in op.get("/bookmarks", params={"camera_id": camera}).json()
    }

    # A workstation must be named; NUL has no place in either name.
    for bad in (
        {**offline, "workstation": " "},
        {**offline, "account": "a\x00b"},
        {"workstation": "ws"},
    ):
        refused = op.post("/bookmarks", json={**body, "made_offline": bad})
        assert refused.status_code == 422, refused.text
