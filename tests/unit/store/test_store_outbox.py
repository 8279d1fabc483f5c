"""The outbox: durable queueing, delivery order, backoff, rejections, fixes and discards."""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta
from pathlib import Path

import pytest

from console.store import (
    Encoding,
    Outbox,
    OutboxChange,
    OutboxError,
    OutboxState,
    Store,
    backoff_delay,
    entity_of,
    open_store,
)
from tests.unit.store.conftest import ManualClock


def _action(outbox: Outbox, incident: str, action: str = "accept") -> int:
    item = outbox.enqueue(
        "incident.action",
        "POST",
        f"/incidents/{incident}/actions",
        {"action": action},
        summary=f"{action} {incident}",
    )
    return item.seq


def _drain_seqs(outbox: Outbox) -> list[int]:
    """Deliver everything due now, in the order the outbox hands it out."""
    delivered = []
    while (item := outbox.next_due()) is not None:
        outbox.mark_delivered(item.seq, 200, {"ok": True})
        delivered.append(item.seq)
    return delivered


def test_enqueue_writes_a_pending_item_with_a_fresh_key(store: Store, clock: ManualClock) -> None:
    outbox = store.outbox
    first = outbox.enqueue(
        "incident.raise",
        "post",
        "/incidents",
        {"title": "占道经营", "priority": 2, "due_at": clock.now},
        summary="raise 占道经营",
    )
    second = outbox.enqueue("alert.ack", "POST", "/alerts/a1/acknowledge", {}, summary="ack")
    assert first.state is OutboxState.PENDING
    assert first.method == "POST"
    assert first.attempts == 0
    assert first.created_at == first.next_attempt_at == clock.now
    assert first.body == {"title": "占道经营", "priority": 2, "due_at": clock.now.isoformat()}
    assert first.encoding is Encoding.JSON
    assert first.entity is None
    assert second.entity == "/alerts/a1"
    assert second.seq > first.seq
    assert len({first.idempotency_key, second.idempotency_key}) == 2
    assert outbox.pending_count() == 2
    assert outbox.get(first.seq) == first


def test_bodies_that_cannot_be_sent_are_refused_at_enqueue(store: Store) -> None:
    with pytest.raises(ValueError, match="NaN|Out of range"):
        store.outbox.enqueue("x", "POST", "/x", {"lat": float("nan")}, summary="x")
    with pytest.raises(TypeError):
        store.outbox.enqueue("x", "POST", "/x", {"thing": object()}, summary="x")
    assert store.outbox.pending_count() == 0


def test_items_are_delivered_in_the_order_they_were_made(store: Store) -> None:
    seqs = [_action(store.outbox, f"inc-{i % 3}") for i in range(9)]
    assert _drain_seqs(store.outbox) == seqs
    assert store.outbox.pending_count() == 0
    delivered = store.outbox.list([OutboxState.DELIVERED])
    assert [item.response_status for item in delivered] == [200] * 9
    assert all(item.attempts == 1 for item in delivered)


def test_a_failing_head_holds_the_whole_queue_until_its_retry_time(
    store: Store, clock: ManualClock
) -> None:
    outbox = store.outbox
    first = _action(outbox, "inc-1")
    second = _action(outbox, "inc-2")
    head = outbox.next_due()
    assert head is not None
    assert head.seq == first
    retry_at = clock.now + timedelta(seconds=4)
    failed = outbox.mark_failed_retryable(first, "connection refused", retry_at)
    assert (failed.attempts, failed.last_error, failed.state) == (
        1,
        "connection refused",
        OutboxState.PENDING,
    )

    assert outbox.next_due() is None  # second is independent but must not overtake
    assert outbox.next_attempt_time() == retry_at
    clock.advance(3.9)
    assert outbox.next_due() is None
    clock.advance(0.1)
    assert _drain_seqs(outbox) == [first, second]


def test_retry_now_skips_the_backoff(store: Store, clock: ManualClock) -> None:
    seq = _action(store.outbox, "inc-1")
    store.outbox.mark_failed_retryable(seq, "timeout", clock.now + timedelta(minutes=1))
    assert store.outbox.next_due() is None
    store.outbox.retry_now(seq)
    due = store.outbox.next_due()
    assert due is not None
    assert due.seq == seq


def test_a_rejection_holds_later_items_on_the_same_entity_only(store: Store) -> None:
    outbox = store.outbox
    dispatch = _action(outbox, "inc-1", "dispatch")
    other = _action(outbox, "inc-2", "accept")
    follow_up = _action(outbox, "inc-1", "start_verification")
    unrelated = outbox.enqueue("patrol.record", "POST", "/patrol-records", {}, summary="patrol")

    head = outbox.next_due()
    assert head is not None
    assert head.seq == dispatch
    rejected = outbox.mark_rejected(dispatch, 422, "unit_id: field required")
    assert rejected.state is OutboxState.REJECTED
    assert (rejected.response_status, rejected.reason) == (422, "unit_id: field required")

    assert _drain_seqs(outbox) == [other, unrelated.seq]
    pending = outbox.list([OutboxState.PENDING])
    assert [(item.seq, item.held_by) for item in pending] == [(follow_up, dispatch)]
    assert outbox.get(follow_up).held_by == dispatch  # type: ignore[union-attr]
    assert outbox.pending_count() == 1


def test_fixing_a_rejected_item_sends_it_before_what_it_held(store: Store) -> None:
    outbox = store.outbox
    dispatch = _action(outbox, "inc-1", "dispatch")
    follow_up = _action(outbox, "inc-1", "start_verification")
    outbox.next_due()
    original = outbox.mark_rejected(dispatch, 422, "unit_id: field required")

    fixed = outbox.edit_and_retry(dispatch, {"action": "dispatch", "unit_id": "unit-police"})
    assert fixed.state is OutboxState.PENDING
    assert fixed.body == {"action": "dispatch", "unit_id": "unit-police"}
    assert fixed.idempotency_key != original.idempotency_key  # a new request
    assert fixed.reason is None
    assert _drain_seqs(outbox) == [dispatch, follow_up]


def test_retrying_an_unchanged_item_keeps_its_key(store: Store) -> None:
    outbox = store.outbox
    seq = _action(outbox, "inc-1", "close")
    outbox.next_due()
    rejected = outbox.mark_rejected(seq, 409, "illegal_transition: state is feedback")
    same_body = outbox.edit_and_retry(seq, {"action": "close"})
    assert same_body.idempotency_key == rejected.idempotency_key
    outbox.next_due()
    outbox.mark_rejected(seq, 409, "still illegal")
    as_is = outbox.edit_and_retry(seq)
    assert as_is.idempotency_key == rejected.idempotency_key


def test_discarding_a_rejected_item_releases_what_it_held(store: Store) -> None:
    outbox = store.outbox
    dispatch = _action(outbox, "inc-1", "dispatch")
    follow_up = _action(outbox, "inc-1", "start_verification")
    outbox.next_due()
    outbox.mark_rejected(dispatch, 409, "illegal_transition")
    assert outbox.next_due() is None
    discarded = outbox.discard(dispatch)
    assert discarded.state is OutboxState.DISCARDED
    assert _drain_seqs(outbox) == [follow_up]


def test_operations_refuse_items_in_the_wrong_state(store: Store, clock: ManualClock) -> None:
    outbox = store.outbox
    seq = _action(outbox, "inc-1")
    with pytest.raises(OutboxError, match="pending"):
        outbox.edit_and_retry(seq, {"action": "x"})
    outbox.mark_delivered(seq, 200, None)
    with pytest.raises(OutboxError, match="delivered"):
        outbox.discard(seq)
    with pytest.raises(OutboxError, match="delivered"):
        outbox.mark_rejected(seq, 422, "late")
    with pytest.raises(OutboxError, match="delivered"):
        outbox.mark_failed_retryable(seq, "late", clock.now)
    with pytest.raises(OutboxError, match="no outbox item"):
        outbox.discard(9999)
    again = outbox.mark_delivered(seq, 200, None)  # a repeated confirmation changes nothing
    assert again.attempts == 1


def test_a_discarded_item_that_the_server_applied_anyway_is_recorded_delivered(
    store: Store,
) -> None:
    seq = _action(store.outbox, "inc-1")
    in_flight = store.outbox.next_due()
    assert in_flight is not None
    store.outbox.discard(seq)
    assert store.outbox.mark_delivered(seq, 200, "{}").state is OutboxState.DELIVERED


def test_multipart_files_are_stored_durably_and_removed_after_delivery(
    store: Store, tmp_path: Path
) -> None:
    photo = tmp_path / "snap.png"
    photo.write_bytes(b"\x89PNG fake but real bytes")
    item = store.outbox.enqueue(
        "incident.verify",
        "POST",
        "/incidents/inc-9/verifications",
        {"verdict": "pass", "camera_ids": "c1,c2"},
        files=[
            ("media", "../../etc/现场 1.jpg", "image/jpeg", b"\xff\xd8\xff jpeg"),
            ("media", "snap.png", "image/png", photo),
        ],
        summary="verify inc-9",
    )
    assert item.encoding is Encoding.MULTIPART
    assert [f.filename for f in item.files] == ["../../etc/现场 1.jpg", "snap.png"]
    stored = [f.path for f in item.files]
    assert all(path.parent == store.outbox.files_dir for path in stored)
    assert stored[0].read_bytes() == b"\xff\xd8\xff jpeg"
    assert item.files[1].sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert item.files[1].size == photo.stat().st_size
    assert store.outbox.next_due() == item

    store.outbox.mark_delivered(item.seq, 200, {"id": "inc-9"})
    assert not any(path.exists() for path in stored)


def test_a_form_without_files_can_still_be_multipart(store: Store) -> None:
    item = store.outbox.enqueue(
        "incident.feedback",
        "POST",
        "/incidents/i/feedback",
        {"result": "fixed", "text": "已处理"},
        summary="feedback",
        multipart=True,
    )
    assert item.encoding is Encoding.MULTIPART
    assert item.files == ()


def test_files_left_by_a_crash_before_commit_are_swept(store_dir: Path, clock: ManualClock) -> None:
    first = open_store(store_dir, clock=clock)
    kept = first.outbox.enqueue(
        "x",
        "POST",
        "/incidents/i/feedback",
        {},
        files=[("f", "a.jpg", "image/jpeg", b"a")],
        summary="x",
    )
    orphan = first.outbox.files_dir / "0123-orphan.jpg"
    orphan.write_bytes(b"written, then the process died before the row committed")
    (first.outbox.files_dir / "4567-half.jpg.part").write_bytes(b"half")
    first.close()

    second = open_store(store_dir, clock=clock)
    try:
        assert sorted(p.name for p in second.outbox.files_dir.iterdir()) == [
            kept.files[0].path.name
        ]
    finally:
        second.close()


def test_listeners_hear_each_committed_change(store: Store) -> None:
    heard: list[OutboxChange] = []
    store.outbox.add_listener(heard.append)

    def broken(_change: OutboxChange) -> None:
        raise RuntimeError("a listener bug must not undo the write")

    store.outbox.add_listener(broken)
    seq = _action(store.outbox, "inc-1")
    store.outbox.next_due()
    store.outbox.mark_rejected(seq, 409, "no")
    store.outbox.discard(seq)
    assert heard == [
        OutboxChange(seq, OutboxState.PENDING),
        OutboxChange(seq, OutboxState.REJECTED),
        OutboxChange(seq, OutboxState.DISCARDED),
    ]
    store.outbox.remove_listener(heard.append)
    _action(store.outbox, "inc-2")
    assert len(heard) == 3
    assert store.outbox.get(seq).state is OutboxState.DISCARDED  # type: ignore[union-attr]


def test_counts_list_and_prune(store: Store, clock: ManualClock) -> None:
    outbox = store.outbox
    delivered = _action(outbox, "inc-1")
    rejected = _action(outbox, "inc-2")
    pending = _action(outbox, "inc-3")
    outbox.next_due()
    outbox.mark_delivered(delivered, 201, {})
    outbox.next_due()
    outbox.mark_rejected(rejected, 422, "bad")
    assert outbox.counts() == {
        OutboxState.DELIVERED: 1,
        OutboxState.REJECTED: 1,
        OutboxState.PENDING: 1,
    }
    assert [i.seq for i in outbox.list()] == [delivered, rejected, pending]
    assert [i.seq for i in outbox.list(limit=2)] == [delivered, rejected]
    clock.advance(3600)
    assert outbox.prune(clock.now - timedelta(minutes=30)) == 1
    assert [i.seq for i in outbox.list()] == [rejected, pending]
    newest = _action(outbox, "inc-4")
    assert newest > pending  # numbers are never reused after a prune


@pytest.mark.parametrize(
    ("path", "entity"),
    [
        ("/incidents/inc-7/actions", "/incidents/inc-7"),
        ("/api/v1/incidents/inc-7/feedback", "/incidents/inc-7"),
        ("/alerts/a-1/promote?x=1", "/alerts/a-1"),
        ("/units/u-2/status", "/units/u-2"),
        ("/incidents", None),
        ("/patrol-records", None),
    ],
)
def test_entity_is_what_the_path_changes(path: str, entity: str | None) -> None:
    assert entity_of(path) == entity


def test_backoff_grows_is_capped_and_jittered() -> None:
    rng = random.Random(3)
    assert backoff_delay(0) == 0.0
    for attempt, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (6, 32.0), (7, 60.0), (500, 60.0)]:
        delays = [backoff_delay(attempt, rng=rng) for _ in range(200)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert max(delays) - min(delays) > ceiling / 4  # really spread out
