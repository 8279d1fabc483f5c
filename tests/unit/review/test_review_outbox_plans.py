"""What the review window queues in the outbox: the workstation key's registration once, the
record of each export naming the key (by a local id until the registration is delivered),
exports made with no session recorded later, and offline bookmarks sent once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.evidence.keys import WorkstationKey
from console.evidence.records import note_unrecorded, registered_key_id, unrecorded_exports
from console.review.bookmarks import LocalBookmarks, catch_up
from console.review.export_records import RECORD_KIND, REGISTER_KIND, plan_export_records
from console.store import Store, open_store
from console.store.bookmarks import BookmarkStore
from console.store.outbox import is_local_id
from console.wire.evidence import ExportIn, WorkstationKeyIn

SERVER = "http://127.0.0.1:9/api/v1"
AT = datetime(2026, 12, 4, 8, 0, 5, tzinfo=UTC)


def _export_folder(parent: Path, name: str) -> Path:
    """A folder with a manifest as ``export_evidence`` writes it (only what a record reads)."""
    folder = parent / name
    folder.mkdir(parents=True)
    manifest = {
        "cameras": [{"id": "cam-1", "name": "东门"}],
        "range": {"start": "2026-12-04T08:00:02.000000Z", "end": "2026-12-04T08:00:06.000000Z"},
        "incident_id": None,
        "officer": "Duty Officer (operator-1)",
        "exported_at": "2026-12-04T09:00:00.000000Z",
        "files": [{"name": "a.mp4", "size": 1000}, {"name": "a.mp4.tianmu.json", "size": 200}],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "store")
    yield opened
    opened.close()


def _enqueue(store: Store, requests: list) -> list:  # type: ignore[type-arg]
    return [store.outbox.enqueue(r.kind, r.method, r.path, r.body, **r.options) for r in requests]


def test_the_key_is_registered_once_and_records_name_it(tmp_path: Path, store: Store) -> None:
    key = WorkstationKey.load_or_create(tmp_path / "keys")
    first = _export_folder(tmp_path, "one")
    register, record = plan_export_records(key, SERVER, store.outbox, [first], label="desk 3")
    assert register.kind == REGISTER_KIND
    assert record.kind == RECORD_KIND
    assert WorkstationKeyIn.model_validate(register.body).public_key == key.public_key_base64()
    local = register.creates
    assert local is not None
    assert is_local_id(local)
    body = ExportIn.model_validate(record.body)
    assert body.key_id == local
    assert (body.file_count, body.total_bytes) == (2, 1200)
    queued = _enqueue(store, [register, record])
    # The record waits behind the registration, and is rewritten to the server's key id.
    due = store.outbox.next_due()
    assert due is not None
    assert due.seq == queued[0].seq
    store.outbox.mark_delivered(due.seq, 201, {"id": "key-1"}, created_id="key-1")
    after = store.outbox.next_due()
    assert after is not None
    assert after.seq == queued[1].seq
    assert after.body["key_id"] == "key-1"

    # Next time: no registration; the server's id is known and kept beside the key.
    (again,) = plan_export_records(
        key, SERVER, store.outbox, [_export_folder(tmp_path, "two")], label="desk 3"
    )
    assert again.kind == RECORD_KIND
    assert again.body["key_id"] == "key-1"
    assert registered_key_id(key, SERVER) == "key-1"


def test_a_registration_waiting_in_another_outbox_is_made_again(
    tmp_path: Path, store: Store
) -> None:
    key = WorkstationKey.load_or_create(tmp_path / "keys")
    other = open_store(tmp_path / "other-user")
    try:
        register, _record = plan_export_records(
            key, SERVER, other.outbox, [_export_folder(tmp_path, "one")], label="desk"
        )
        _enqueue(other, [register, _record])
        # While it waits there, the same outbox reuses the local id...
        (record,) = plan_export_records(
            key, SERVER, other.outbox, [_export_folder(tmp_path, "two")], label="desk"
        )
        assert record.body["key_id"] == register.creates
    finally:
        other.close()
    # ...but this user's outbox never sends it: the key is registered here too.
    plan = plan_export_records(
        key, SERVER, store.outbox, [_export_folder(tmp_path, "three")], label="desk"
    )
    assert [r.kind for r in plan] == [REGISTER_KIND, RECORD_KIND]
    assert plan[0].creates != register.creates


def test_exports_made_with_no_session_are_recorded_at_the_next_chance(
    tmp_path: Path, store: Store
) -> None:
    key = WorkstationKey.load_or_create(tmp_path / "keys")
    offline = _export_folder(tmp_path, "offline")
    gone = _export_folder(tmp_path, "deleted")
    note_unrecorded(key, offline)
    note_unrecorded(key, gone)
    (gone / "manifest.json").unlink()
    assert unrecorded_exports(key) == [offline]
    now = _export_folder(tmp_path, "now")
    plan = plan_export_records(key, SERVER, store.outbox, [now], label="desk")
    records = [r for r in plan if r.kind == RECORD_KIND]
    assert [r.summary for r in records] == ["evidence export offline", "evidence export now"]
    assert unrecorded_exports(key) == []
    # Nothing is recorded twice.
    again = plan_export_records(key, SERVER, store.outbox, [], label="desk")
    assert [r for r in again if r.kind == RECORD_KIND] == []


def test_offline_bookmarks_are_sent_once(tmp_path: Path, store: Store) -> None:
    marks = BookmarkStore(tmp_path / "bookmarks.sqlite")
    local = LocalBookmarks(marks)
    try:
        made, _request = local.add(AT, "made offline", camera_id="cam-1")
        local.add(AT, "a local file", file_path="/clips/x.mp4")
        (request,) = catch_up(local, store.outbox)
        assert request.creates == made.id
        (item,) = _enqueue(store, [request])
        assert catch_up(local, store.outbox) == []  # waiting in the outbox: left to it
        store.outbox.mark_delivered(item.seq, 201, {"id": "bm-9"}, created_id="bm-9")
        assert catch_up(local, store.outbox) == []
        (synced,) = local.list(camera_id="cam-1")
        assert synced.server_id == "bm-9"
    finally:
        marks.close()
