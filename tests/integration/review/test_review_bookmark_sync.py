"""Bookmarks made offline reach the real server through the real outbox, once each."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from console.client import OutboxDelivery
from console.review.bookmarks import LocalBookmarks, QueuedRequest
from console.store import open_store
from console.store.bookmarks import BookmarkStore
from console.wire.bookmarks import BookmarkIn
from tests.integration.review.conftest import RECORDED_AT, RecordingServer


def test_queued_bookmarks_are_delivered_and_removed_in_order(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    camera = recording_server.recordings[0].camera_id
    bookmarks = LocalBookmarks(BookmarkStore(tmp_path / "bookmarks.sqlite"))
    store = open_store(tmp_path / "store")
    client = recording_server.client()
    try:

        def queue(request: QueuedRequest | None) -> None:
            assert request is not None
            store.outbox.enqueue(
                request.kind, request.method, request.path, request.body, **request.options
            )

        # Made with the server unreachable: kept here, queued for later.
        kept, create = bookmarks.add(
            RECORDED_AT + timedelta(seconds=2), "东门有人翻越护栏", camera_id=camera
        )
        queue(create)
        dropped, create_dropped = bookmarks.add(RECORDED_AT, "记错了", camera_id=camera)
        queue(create_dropped)
        queue(bookmarks.remove(dropped.id))  # removed before it ever reached the server
        bookmarks.add(RECORDED_AT, "only on this file", file_path="/clips/local.mp4")

        result = OutboxDelivery(client, store.outbox).run_round()
        assert result.delivered == 3
        on_server = client.bookmarks(camera_id=camera)
        assert [b.note for b in on_server] == ["东门有人翻越护栏"]

        server_id = store.outbox.server_id(kept.id)
        assert server_id == on_server[0].id
        bookmarks.synced(kept.id, server_id)
        assert bookmarks.merge(on_server) == 0

        # The client's own calls, with a repeated key answered once.
        body = BookmarkIn(camera_id=camera, at=RECORDED_AT, note="again")
        one = client.create_bookmark(body, idempotency_key="same-key")
        two = client.create_bookmark(body, idempotency_key="same-key")
        assert one.id == two.id
        assert client.delete_bookmark(one.id).note == "again"
        assert [b.id for b in client.bookmarks(camera_id=camera)] == [server_id]
    finally:
        client.close()
        store.close()
        bookmarks.store.close()
