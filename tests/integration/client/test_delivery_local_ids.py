"""Events raised while the server is away, acted on before they exist, delivered on return.

Against the real server: the console queues a creation under a local id and actions on that
id (in the path, and in another request's ``merged_into``) while the server is down; when it
returns, each action reaches the server exactly once, in order, on the server's id, even
with the console's outbox closed and reopened between the creation and the actions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.client import BackendClient, OutboxDelivery
from console.client.delivery import created_id, send_item
from console.store import OutboxState, Store, open_store
from console.store.outbox import is_local_id, new_local_id
from tests.support.live_server import LiveDemoServer
from tests.support.outbox_worker import incident_body

MakeClient = Callable[..., BackendClient]


@pytest.fixture
def server_away(demo_server: LiveDemoServer) -> Iterator[LiveDemoServer]:
    """The demo server taken away for the test's first part; always back afterwards."""
    demo_server.stop()
    try:
        yield demo_server
    finally:
        demo_server.restart()


def _raise(store: Store, title: str) -> str:
    local_id = new_local_id()
    store.outbox.enqueue(
        "incident.raise",
        "POST",
        "/incidents",
        incident_body(title),
        summary=f"raise {title}",
        creates=local_id,
    )
    return local_id


def _act(store: Store, incident_id: str, body: dict[str, object]) -> int:
    item = store.outbox.enqueue(
        "incident.action",
        "POST",
        f"/incidents/{incident_id}/actions",
        body,
        summary=f"{body['action']} {incident_id}",
    )
    return item.seq


def _actions(client: BackendClient, incident_id: str) -> list[str]:
    return [str(step.action) for step in client.incident(incident_id).history]


def test_actions_on_an_event_raised_offline_land_once_in_order_on_its_server_id(
    server_away: LiveDemoServer, make_client: MakeClient, tmp_path: Path, unique: str
) -> None:
    folder = tmp_path / "store"
    store = open_store(folder)
    # Signed in before the outage: the token is all delivery needs.
    server_away.restart()
    client = make_client()
    server_away.stop()

    first = _raise(store, f"{unique}-first")
    accept = _act(store, first, {"action": "accept", "expected_version": 1})
    second = _raise(store, f"{unique}-second")
    filing = _act(store, first, {"action": "file", "category": "street_vendor", "priority": 2})
    merge = _act(store, second, {"action": "merge", "merged_into": first})
    assert store.outbox.get(accept).entity == f"/incidents/{first}"  # type: ignore[union-attr]

    # The server is away: nothing goes, nothing is lost, the queue waits as a whole.
    delivery = OutboxDelivery(client, store.outbox, backoff_base_s=0.05, backoff_cap_s=0.2)
    result = delivery.run_round()
    assert result.failed
    assert result.delivered == 0
    assert store.outbox.pending_count() == 5

    # The server returns; only the first creation gets through before the console stops.
    server_away.restart()
    store.outbox.retry_waiting()
    head = store.outbox.next_due()
    assert head is not None
    assert head.creates == first
    answer = send_item(client, head)
    server_first = created_id(answer)
    assert server_first is not None
    assert not is_local_id(server_first)
    store.outbox.mark_delivered(head.seq, answer.status, answer.text, created_id=server_first)
    store.close()

    # A new start of the console: the mapping and the rewritten requests are on disk.
    store = open_store(folder)
    try:
        assert store.outbox.server_id(first) == server_first
        rewritten = store.outbox.get(accept)
        assert rewritten is not None
        assert rewritten.path == f"/incidents/{server_first}/actions"
        assert rewritten.entity == f"/incidents/{server_first}"
        # A version seen on the local stand-in means nothing on the server's record.
        assert "expected_version" not in rewritten.body
        assert store.outbox.get(filing).path == rewritten.path  # type: ignore[union-attr]
        waiting_merge = store.outbox.get(merge)
        assert waiting_merge is not None
        assert waiting_merge.body["merged_into"] == server_first
        assert waiting_merge.path == f"/incidents/{second}/actions"  # second not yet created

        # An action queued now, on the old local id, is named by the server's id at once.
        late = _act(store, first, {"action": "cancel", "reason": "caller rang back"})
        late_item = store.outbox.get(late)
        assert late_item is not None
        assert late_item.path == f"/incidents/{server_first}/actions"

        delivery = OutboxDelivery(client, store.outbox, backoff_base_s=0.05, backoff_cap_s=0.2)
        result = delivery.run_round()
        assert (result.delivered, result.rejected, result.failed) == (5, 0, False)
        assert store.outbox.pending_count() == 0
        server_second = store.outbox.server_id(second)
        assert server_second is not None

        # Exactly once each, in the order they were made, on the right records.
        assert _actions(client, server_first) == ["accept", "file", "cancel"]
        merged = client.incident(server_second)
        assert merged.state == "merged"
        assert merged.merged_into == server_first
        assert _actions(client, server_second) == ["merge"]
        assert sorted(i.title for i in client.iter_incidents(q=unique)) == [
            f"{unique}-first",
            f"{unique}-second",
        ]
        delivered = store.outbox.list([OutboxState.DELIVERED])
        assert [item.seq for item in delivered] == sorted(item.seq for item in delivered)
        assert all(item.attempts >= 1 for item in delivered)

        # Sent again (a lost answer, a crash before it was recorded), nothing repeats.
        for item in delivered:
            again = send_item(client, item)
            assert again.headers.get("idempotent-replayed", "").lower() == "true", item.path
        assert _actions(client, server_first) == ["accept", "file", "cancel"]
    finally:
        store.close()


def test_a_request_naming_an_uncreated_record_waits_for_its_creation(
    make_client: MakeClient, store: Store, unique: str
) -> None:
    """``merged_into`` names a record whose creation failed on the server: the merge waits
    (per-entity backoff lets other records go on, but not this one)."""
    outbox = store.outbox
    target = _raise(store, f"{unique}-target")
    other = _raise(store, f"{unique}-other")
    merge = _act(store, other, {"action": "merge", "merged_into": target})
    creation = outbox.next_due()
    assert creation is not None
    assert creation.creates == target
    outbox.mark_failed_retryable(
        creation.seq, "HTTP 500", creation.next_attempt_at.replace(year=2100), alone=True
    )
    # The other record's creation goes; its merge does not, while the target is not created.
    nxt = outbox.next_due()
    assert nxt is not None
    assert nxt.creates == other
    answer = send_item(make_client(), nxt)
    outbox.mark_delivered(nxt.seq, answer.status, answer.text, created_id=created_id(answer))
    assert outbox.next_due() is None
    held = outbox.get(merge)
    assert held is not None
    assert held.body["merged_into"] == target
    assert json.loads(answer.text)["title"] == f"{unique}-other"
