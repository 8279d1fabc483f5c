"""Unsent actions of a newer or damaged outbox are kept for the operator, not dropped.

The outbox is set aside and exported (see test_store_health); its unsent actions then wait
in the new outbox as *kept* items, with their idempotency keys, until the operator delivers,
exports or discards them.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from console.store import OutboxError, OutboxState, export_actions, open_store
from console.store.kept import MARKER_SUFFIX
from tests.unit.store.conftest import ManualClock

PAGE = 4096


def _queue(store_dir: Path, count: int, *, body_size: int = 10) -> list[str]:
    """Queue ``count`` actions on distinct incidents; returns their idempotency keys."""
    store = open_store(store_dir)
    keys = [
        store.outbox.enqueue(
            "incident.action",
            "POST",
            f"/incidents/inc-{index}/actions",
            {"action": "accept", "marker": f"marker-{index:04d}-" + "x" * body_size},
            summary=f"accept incident {index}",
        ).idempotency_key
        for index in range(count)
    ]
    store.close()
    return keys


def _make_newer(store_dir: Path) -> None:
    with sqlite3.connect(store_dir / "outbox.sqlite") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'outbox_9999_future'")
        connection.execute("ALTER TABLE outbox_items ADD COLUMN priority INTEGER DEFAULT 3")


def test_a_newer_outbox_offers_its_unsent_actions_with_their_keys(store_dir: Path) -> None:
    keys = _queue(store_dir, 4)
    store = open_store(store_dir)
    store.outbox.mark_delivered(1, 201, {"id": "already"})  # sent: nothing to keep
    store.close()
    _make_newer(store_dir)

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.salvage is not None
        kept = reopened.outbox.list([OutboxState.KEPT])
        assert [item.idempotency_key for item in kept] == keys[1:]
        assert [item.summary for item in kept] == [f"accept incident {n}" for n in (1, 2, 3)]
        assert kept[0].body["marker"].startswith("marker-0001-")
        assert (reopened.kept.kept, reopened.kept.unusable) == (3, 0)
        # Not sent until the operator says so.
        assert reopened.outbox.pending_count() == 0
        assert reopened.outbox.next_due() is None
    finally:
        reopened.close()


def test_a_damaged_outbox_offers_what_could_be_read_and_counts_the_rest(
    store_dir: Path,
) -> None:
    count = 60
    keys = _queue(store_dir, count, body_size=1500)  # about two rows per page
    outbox = store_dir / "outbox.sqlite"
    data = bytearray(outbox.read_bytes())
    page = data.find(b"marker-0030-") // PAGE
    data[page * PAGE : (page + 1) * PAGE] = b"\xff" * PAGE
    outbox.write_bytes(bytes(data))

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.salvage is not None
        kept = reopened.outbox.list([OutboxState.KEPT])
        assert len(kept) == problem.salvage.recovered
        assert reopened.kept.unusable == problem.salvage.unreadable
        assert len(kept) + reopened.kept.unusable == count
        assert {item.idempotency_key for item in kept} < set(keys)
    finally:
        reopened.close()


def test_kept_actions_survive_a_restart_and_are_taken_in_once(store_dir: Path) -> None:
    _queue(store_dir, 3)
    _make_newer(store_dir)
    open_store(store_dir).close()
    [export] = store_dir.glob("outbox-salvaged-*.jsonl")
    assert export.with_name(export.name + MARKER_SUFFIX).exists()

    again = open_store(store_dir)
    try:
        assert again.problems == []
        assert again.kept.kept == 0
        assert len(again.outbox.list([OutboxState.KEPT])) == 3
    finally:
        again.close()

    # A crash after the actions were kept but before the marker: taking in again is harmless.
    export.with_name(export.name + MARKER_SUFFIX).unlink()
    third = open_store(store_dir)
    try:
        assert third.kept.kept == 0
        assert len(third.outbox.list([OutboxState.KEPT])) == 3
    finally:
        third.close()


def test_deliver_export_and_discard(store_dir: Path, clock: ManualClock, tmp_path: Path) -> None:
    keys = _queue(store_dir, 3)
    _make_newer(store_dir)
    store = open_store(store_dir, clock=clock)
    try:
        first, second, third = store.outbox.list([OutboxState.KEPT])

        delivered = store.outbox.deliver_kept(first.seq)
        assert delivered.state is OutboxState.PENDING
        assert delivered.idempotency_key == keys[0]  # the server recognises a repeat
        due = store.outbox.next_due()
        assert due is not None
        assert due.seq == first.seq

        target = tmp_path / "exported.jsonl"
        assert export_actions([second], target) == 1
        [line] = target.read_text(encoding="utf-8").splitlines()
        assert json.loads(line)["idempotency_key"] == keys[1]
        assert store.outbox.get(second.seq).state is OutboxState.KEPT  # type: ignore[union-attr]

        dropped = store.outbox.discard(third.seq)
        assert dropped.state is OutboxState.DISCARDED
        with pytest.raises(OutboxError):
            store.outbox.deliver_kept(third.seq)
        assert [i.seq for i in store.outbox.list([OutboxState.KEPT])] == [second.seq]
    finally:
        store.close()


def test_a_kept_action_holds_back_later_ones_on_its_incident(store_dir: Path) -> None:
    _queue(store_dir, 1)
    _make_newer(store_dir)
    store = open_store(store_dir)
    try:
        [kept] = store.outbox.list([OutboxState.KEPT])
        later = store.outbox.enqueue(
            "incident.action", "POST", "/incidents/inc-0/actions", {"action": "close"}, summary="c"
        )
        elsewhere = store.outbox.enqueue(
            "incident.action", "POST", "/incidents/inc-9/actions", {"action": "close"}, summary="e"
        )
        assert store.outbox.get(later.seq).held_by == kept.seq  # type: ignore[union-attr]
        due = store.outbox.next_due()
        assert due is not None
        assert due.seq == elsewhere.seq
    finally:
        store.close()


def test_rows_that_cannot_be_requests_are_counted_not_kept(store_dir: Path) -> None:
    store_dir.mkdir(parents=True)
    good = {
        "seq": 1,
        "idempotency_key": "k-good",
        "kind": "incident.raise",
        "method": "POST",
        "path": "/incidents",
        "body": {"title": "t"},
        "encoding": "json",
        "summary": "raise",
        "state": "pending",
        "created_at": "2025-03-01 08:00:00.000000",
    }
    rows = [
        good,
        {**good, "seq": 2, "idempotency_key": "k-host", "path": "//evil.example/x"},
        {**good, "seq": 3, "idempotency_key": "k-body", "body": "{not json", "body_unparsed": True},
        {**good, "seq": 4, "idempotency_key": "k-sent", "state": "delivered"},
        {"seq": 5, "unreadable": True, "error": "damaged page"},
        {**good, "seq": 6, "idempotency_key": "k-verb", "method": "GET"},
    ]
    export = store_dir / "outbox-salvaged-20250301T080000Z-broken.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")

    store = open_store(store_dir)
    try:
        [kept] = store.outbox.list([OutboxState.KEPT])
        assert kept.idempotency_key == "k-good"
        assert kept.created_at.year == 2025
        assert (store.kept.kept, store.kept.unusable) == (1, 5)
    finally:
        store.close()
