"""The outbox's order with per-record waits and local ids, on a real SQLite outbox.

A 5xx on one record makes only that record wait; no connection makes the whole queue wait.
An outbox written before local ids existed (revision outbox_0001) is migrated in place and
keeps its queue and its numbering.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from console.store import Store, open_store
from console.store.engine import make_engine
from console.store.migrate import StoreDatabase, alembic_config, head_revision
from console.store.outbox import Outbox, OutboxState, new_local_id


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = open_store(tmp_path / "store", clock=clock)
    yield opened
    opened.close()


def _act(outbox: Outbox, incident: str, action: str) -> int:
    return outbox.enqueue(
        "incident.action",
        "POST",
        f"/incidents/{incident}/actions",
        {"action": action},
        summary=action,
    ).seq


def test_a_record_the_server_fails_on_waits_alone(store: Store, clock: Clock) -> None:
    outbox = store.outbox
    a1 = _act(outbox, "a", "accept")
    b1 = _act(outbox, "b", "accept")
    a2 = _act(outbox, "a", "file")
    b2 = _act(outbox, "b", "file")
    retry_at = clock.now + timedelta(seconds=10)
    outbox.mark_failed_retryable(a1, "HTTP 500", retry_at, alone=True)

    sent = []
    while (item := outbox.next_due()) is not None:
        outbox.mark_delivered(item.seq, 200, "{}")
        sent.append(item.seq)
    assert sent == [b1, b2]  # a2 waits behind a1, b goes on
    assert outbox.next_attempt_time() == retry_at
    assert outbox.retry_waiting() == 0  # the server being back does not end a record's own wait
    clock.now = retry_at
    assert [outbox.next_due().seq] == [a1]  # type: ignore[union-attr]
    outbox.mark_delivered(a1, 200, "{}")
    assert outbox.next_due().seq == a2  # type: ignore[union-attr]


def test_no_connection_holds_the_whole_queue_until_the_server_is_back(
    store: Store, clock: Clock
) -> None:
    outbox = store.outbox
    a1 = _act(outbox, "a", "accept")
    _act(outbox, "b", "accept")
    outbox.mark_failed_retryable(a1, "connection refused", clock.now + timedelta(minutes=1))
    assert outbox.next_due() is None
    assert outbox.retry_waiting() == 1
    assert outbox.next_due().seq == a1  # type: ignore[union-attr]


def test_a_local_id_holds_its_record_and_is_replaced_once_created(store: Store) -> None:
    outbox = store.outbox
    local = new_local_id()
    creation = outbox.enqueue(
        "incident.raise", "POST", "/incidents", {"title": "t"}, summary="raise", creates=local
    )
    assert creation.entity == f"/incidents/{local}"
    act = _act(outbox, local, "accept")
    unrelated = _act(outbox, "other", "accept")
    with pytest.raises(ValueError, match="not a local id"):
        outbox.enqueue("x", "POST", "/incidents", {}, summary="x", creates="42")

    outbox.mark_failed_retryable(
        creation.seq, "HTTP 503", creation.next_attempt_at + timedelta(hours=1), alone=True
    )
    assert outbox.next_due().seq == unrelated  # type: ignore[union-attr]
    outbox.mark_delivered(unrelated, 200, "{}")
    assert outbox.next_due() is None  # the action waits for its record's creation
    assert outbox.waiting_local_ids() == {local}

    outbox.retry_now(creation.seq)
    outbox.mark_delivered(creation.seq, 201, '{"id": "srv-9"}', created_id="srv-9")
    assert outbox.server_id(local) == "srv-9"
    assert outbox.waiting_local_ids() == set()
    moved = outbox.get(act)
    assert moved is not None
    assert (moved.path, moved.entity) == ("/incidents/srv-9/actions", "/incidents/srv-9")
    assert outbox.next_due().seq == act  # type: ignore[union-attr]


def test_an_outbox_from_before_local_ids_keeps_its_queue(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / StoreDatabase.OUTBOX.filename
    engine = make_engine(path, StoreDatabase.OUTBOX.synchronous)
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(StoreDatabase.OUTBOX, connection), "outbox_0001")
            connection.commit()
    finally:
        engine.dispose()
    when = "2026-12-01 08:00:00.000000"
    with sqlite3.connect(path) as db:
        for seq in (7, 9):
            db.execute(
                "INSERT INTO outbox_items (seq, idempotency_key, kind, method, path, body,"
                " encoding, entity, summary, state, attempts, created_at, updated_at,"
                " next_attempt_at) VALUES (?, ?, 'incident.action', 'POST',"
                " '/incidents/a/actions', '{\"action\": \"accept\"}', 'json', '/incidents/a',"
                " 'accept', ?, 0, ?, ?, ?)",
                (seq, f"key-{seq}", "delivered" if seq == 9 else "pending", when, when, when),
            )

    store = open_store(folder)
    try:
        with sqlite3.connect(path) as db:
            [(revision,)] = db.execute("SELECT version_num FROM alembic_version").fetchall()
        assert revision == head_revision(StoreDatabase.OUTBOX)
        [old] = store.outbox.list([OutboxState.PENDING])
        assert (old.seq, old.idempotency_key, old.creates) == (7, "key-7", None)
        fresh = store.outbox.enqueue("x", "POST", "/x", {}, summary="x")
        assert fresh.seq > 9  # numbers are never reused across the migration
        assert store.outbox.next_due().seq == 7  # type: ignore[union-attr]
    finally:
        store.close()
