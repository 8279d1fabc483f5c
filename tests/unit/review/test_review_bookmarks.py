"""Local bookmarks: kept at once, searchable, and turned into outbox requests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from console.review.bookmarks import LocalBookmarks, create_request, delete_request
from console.store import open_store
from console.store.bookmarks import BookmarkStore
from console.store.outbox import is_local_id
from console.wire.bookmarks import BookmarkIn, BookmarkOut

AT = datetime(2026, 3, 1, 8, 0, 12, tzinfo=UTC)


def test_bookmarks_survive_a_reopen_and_are_found(tmp_path: Path) -> None:
    path = tmp_path / "review" / "bookmarks.sqlite"
    store = BookmarkStore(path)
    beijing = timezone(timedelta(hours=8))
    made = store.add(AT.astimezone(beijing), "Bus stops in the lane", camera_id="cam-1")
    store.add(AT + timedelta(minutes=5), "人群聚集", camera_id="cam-1", incident_id="inc-1")
    store.add(AT, "on a file", file_path="/clips/a.mp4")
    store.close()

    store = BookmarkStore(path)
    try:
        assert is_local_id(made.id)
        again = store.get(made.id)
        assert again is not None
        assert again.at == AT
        assert again.at.tzinfo is not None
        assert [b.note for b in store.list(camera_id="cam-1")] == [
            "Bus stops in the lane",
            "人群聚集",
        ]
        assert [b.note for b in store.list(camera_id="cam-1", since=AT + timedelta(minutes=1))] == [
            "人群聚集"
        ]
        assert [b.note for b in store.list(incident_id="inc-1")] == ["人群聚集"]
        assert [b.note for b in store.search("BUS")] == ["Bus stops in the lane"]
        assert [b.note for b in store.list(file_path="/clips/a.mp4")] == ["on a file"]
        with pytest.raises(ValueError, match="time zone"):
            store.add(datetime(2026, 3, 1, 8, 0), "naive", camera_id="cam-1")  # noqa: DTZ001
        with pytest.raises(ValueError, match="camera or a file"):
            store.add(AT, "nowhere")
    finally:
        store.close()


def test_requests_for_the_outbox(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.sqlite")
    local = LocalBookmarks(store)
    try:
        made, request = local.add(AT, "车辆违停", camera_id="cam-1", incident_id="inc-7")
        assert request is not None
        assert (request.method, request.path, request.creates) == ("POST", "/bookmarks", made.id)
        # The body is exactly what the server's schema accepts.
        assert BookmarkIn.model_validate(request.body).at == AT
        assert request.body["incident_id"] == "inc-7"
        file_only, none = local.add(AT, "local clip", file_path="/clips/x.mp4")
        assert none is None
        assert delete_request(file_only) is None

        removal = local.remove(made.id)
        assert removal is not None
        assert removal.path == f"/bookmarks/{made.id}"
        assert store.get(made.id) is None

        outbox_store = open_store(tmp_path / "store")
        try:
            again, create = local.add(AT, "second", camera_id="cam-2")
            assert create is not None
            queued = outbox_store.outbox.enqueue(
                create.kind, create.method, create.path, create.body, **create.options
            )
            assert queued.creates == again.id
            drop = delete_request(again)
            assert drop is not None
            later = outbox_store.outbox.enqueue(
                drop.kind, drop.method, drop.path, drop.body, **drop.options
            )
            assert later.entity == queued.entity == f"/bookmarks/{again.id}"
        finally:
            outbox_store.close()
    finally:
        store.close()


def test_merging_the_servers_list_keeps_no_twins(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.sqlite")
    local = LocalBookmarks(store)
    try:
        made, _ = local.add(AT, "same note", camera_id="cam-1")
        server = [
            BookmarkOut(
                id="bm-1", camera_id="cam-1", at=AT, note="same note", author_id="u", created_at=AT
            ),
            BookmarkOut(
                id="bm-2",
                camera_id="cam-1",
                at=AT,
                note="from a colleague",
                author_id="v",
                created_at=AT,
            ),
        ]
        assert local.merge(server) == 1
        assert local.merge(server) == 0
        mine = store.get(made.id)
        assert mine is not None
        assert mine.server_id == "bm-1"
        assert len(local.list(camera_id="cam-1")) == 2
        assert create_request(mine) is None  # already on the server
    finally:
        store.close()
