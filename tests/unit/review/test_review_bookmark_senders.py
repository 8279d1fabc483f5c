"""Who sends a bookmark of the workstation's bookmarks file: one made offline goes with the
next sign-in, marked as made offline (workstation, account, time) and only once, whoever
signs in after; one made under a sign-in is that officer's alone to send. Real SQLite files
and real outboxes (one per officer, as the console keeps them)."""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.review.bookmark_origins import BookmarkOrigins, Sender
from console.review.bookmarks import LocalBookmarks, QueuedRequest, catch_up, note_taken
from console.store import Store, open_store
from console.store.bookmarks import BookmarkStore
from console.wire.bookmarks import BookmarkIn

SERVER = "http://127.0.0.1:9/api/v1"
AT = datetime(2026, 12, 4, 8, 0, 5, tzinfo=UTC)
ZHANG = Sender("user-zhang", SERVER)
LI = Sender("user-li", SERVER)


@pytest.fixture
def bookmarks(tmp_path: Path) -> Iterator[LocalBookmarks]:
    path = tmp_path / "review" / "bookmarks.sqlite"
    store = BookmarkStore(path)
    origins = BookmarkOrigins(path)
    yield LocalBookmarks(store, origins)
    origins.close()
    store.close()


@pytest.fixture
def outboxes(tmp_path: Path) -> Iterator[dict[Sender, Store]]:
    made = {ZHANG: open_store(tmp_path / "zhang"), LI: open_store(tmp_path / "li")}
    yield made
    for store in made.values():
        store.close()


def _queue(store: Store, bookmarks: LocalBookmarks, sender: Sender, request: QueuedRequest) -> None:
    """What the review window does on the store lane: into the officer's outbox, then noted."""
    assert request.creates is not None
    assert not note_taken(bookmarks, store.outbox, request.creates, sender)  # not there yet
    store.outbox.enqueue(
        request.kind, request.method, request.path, request.body, **request.options
    )
    assert note_taken(bookmarks, store.outbox, request.creates, sender)


def test_made_offline_is_sent_once_by_the_next_sign_in_and_marked_so(
    bookmarks: LocalBookmarks, outboxes: dict[Sender, Store]
) -> None:
    mark, request = bookmarks.add(AT, "翻越护栏", camera_id="cam-1")  # no one signed in
    assert request is not None
    file_only, none = bookmarks.add(AT, "on a file", file_path="/clips/x.mp4")
    assert none is None

    (sent,) = catch_up(bookmarks, outboxes[ZHANG].outbox, ZHANG)
    body = BookmarkIn.model_validate(sent.body)
    assert body.made_offline is not None
    assert body.made_offline.workstation == socket.gethostname()
    assert body.made_offline.account == getpass.getuser()
    assert mark.created_at is not None
    assert abs(body.made_offline.made_at - mark.created_at) < timedelta(seconds=1)
    assert sent.creates == mark.id
    _queue(outboxes[ZHANG], bookmarks, ZHANG, sent)

    # Nobody sends it again: not the same officer, not the next one at this workstation.
    assert catch_up(bookmarks, outboxes[ZHANG].outbox, ZHANG) == []
    assert catch_up(bookmarks, outboxes[LI].outbox, LI) == []
    assert not bookmarks.sent(mark.id, LI)
    assert file_only.camera_id is None


def test_made_under_a_sign_in_is_that_officers_to_send_and_unmarked(
    bookmarks: LocalBookmarks, outboxes: dict[Sender, Store]
) -> None:
    mark, request = bookmarks.add(AT, "gate open", camera_id="cam-2", made_by=ZHANG)
    assert request is not None
    assert "made_offline" not in request.body  # a server that does not know the field takes it
    # The console stopped before the request reached Zhang's outbox: Li does not send it ...
    assert catch_up(bookmarks, outboxes[LI].outbox, LI) == []
    # ... Zhang does, at their next review, as their own.
    (again,) = catch_up(bookmarks, outboxes[ZHANG].outbox, ZHANG)
    assert "made_offline" not in again.body
    _queue(outboxes[ZHANG], bookmarks, ZHANG, again)
    assert catch_up(bookmarks, outboxes[ZHANG].outbox, ZHANG) == []


def test_one_waiting_in_the_outbox_is_noted_not_sent_again(
    bookmarks: LocalBookmarks, outboxes: dict[Sender, Store]
) -> None:
    mark, request = bookmarks.add(AT, "parked lorry", camera_id="cam-3", made_by=ZHANG)
    assert request is not None
    outboxes[ZHANG].outbox.enqueue(
        request.kind, request.method, request.path, request.body, **request.options
    )
    # Stopped before the outbox's taking it was noted: found waiting, noted as Zhang's.
    assert catch_up(bookmarks, outboxes[ZHANG].outbox, ZHANG) == []
    origins = bookmarks.origins
    assert origins is not None
    found = origins.get(mark.id)
    assert found is not None
    assert found.sent_by == ZHANG.key
    assert catch_up(bookmarks, outboxes[LI].outbox, LI) == []


def test_a_bookmark_kept_before_records_counts_as_made_offline_with_no_account(
    tmp_path: Path, outboxes: dict[Sender, Store]
) -> None:
    path = tmp_path / "old" / "bookmarks.sqlite"
    store = BookmarkStore(path)
    try:
        old = store.add(AT, "kept by an older console", camera_id="cam-4")
        origins = BookmarkOrigins(path)  # the table comes with this version
        try:
            bookmarks = LocalBookmarks(store, origins)
            (request,) = catch_up(bookmarks, outboxes[LI].outbox, LI)
            body = BookmarkIn.model_validate(request.body)
            assert body.made_offline is not None
            assert body.made_offline.account == ""
            assert old.created_at is not None
            assert body.made_offline.made_at == old.created_at
            _queue(outboxes[LI], bookmarks, LI, request)
            assert catch_up(bookmarks, outboxes[ZHANG].outbox, ZHANG) == []
            # Removing a bookmark forgets its record with it.
            bookmarks.remove(old.id)
            assert origins.get(old.id) is None
        finally:
            origins.close()
    finally:
        store.close()
