"""``OutboxDelivery`` against the real server: refusals reach the operator, order holds."""

from __future__ import annotations

import threading
from collections.abc import Callable

from console.client import BackendClient, BackendError, DeliveryStatus, ErrorKind, OutboxDelivery
from console.client.delivery import DeliveryState, QueuedItem
from console.store import OutboxState, Store
from console.wire import IncidentIn
from tests.support.live_server import LiveDemoServer
from tests.support.outbox_worker import incident_body
from tests.support.polling import wait_for

MakeClient = Callable[..., BackendClient]


def test_refusals_are_kept_for_the_operator_and_others_flow_on(
    make_client: MakeClient, store: Store, unique: str
) -> None:
    client = make_client()
    outbox = store.outbox
    incident_id = client.create_incident(IncidentIn(**incident_body(f"{unique}-a"))).id
    actions = f"/incidents/{incident_id}/actions"

    refused = outbox.enqueue("incident.act", "POST", actions, {"action": "close"}, summary="close")
    held = outbox.enqueue("incident.act", "POST", actions, {"action": "accept"}, summary="accept")
    other = outbox.enqueue(
        "incident.raise", "POST", "/incidents", incident_body(f"{unique}-b"), summary="raise b"
    )
    invalid = outbox.enqueue(
        "incident.raise", "POST", "/incidents", {**incident_body(""), "title": ""}, summary="raise"
    )

    rejections: list[tuple[int, BackendError]] = []
    delivery = OutboxDelivery(
        client, outbox, on_rejected=lambda item, error: rejections.append((item.seq, error))
    )
    result = delivery.run_round()
    assert (result.delivered, result.rejected, result.failed) == (1, 2, False)

    first = outbox.get(refused.seq)
    assert first is not None
    assert first.state is OutboxState.REJECTED
    assert first.response_status == 409
    assert first.reason is not None
    assert "illegal_transition" in first.reason
    assert "allowed: accept" in first.reason
    waiting = outbox.get(held.seq)
    assert waiting is not None
    assert waiting.state is OutboxState.PENDING
    assert waiting.held_by == refused.seq
    assert outbox.get(other.seq).state is OutboxState.DELIVERED  # type: ignore[union-attr]
    bad = outbox.get(invalid.seq)
    assert bad is not None
    assert bad.state is OutboxState.REJECTED
    assert bad.response_status == 422
    assert "title" in (bad.reason or "")
    assert [(seq, error.kind) for seq, error in rejections] == [
        (refused.seq, ErrorKind.CONFLICT),
        (invalid.seq, ErrorKind.VALIDATION),
    ]

    # The operator drops the refused close and fixes the empty title: both flow again.
    outbox.discard(refused.seq)
    outbox.edit_and_retry(invalid.seq, incident_body(f"{unique}-c"))
    result = delivery.run_round()
    assert result.delivered == 2
    assert client.incident(incident_id).state == "accepted"
    assert sorted(i.title for i in client.iter_incidents(q=unique)) == [
        f"{unique}-a",
        f"{unique}-b",
        f"{unique}-c",
    ]


def test_a_refused_token_pauses_delivery_until_sign_in(
    demo_server: LiveDemoServer, store: Store, unique: str
) -> None:
    client = BackendClient(demo_server.url, token="expired-token")
    outbox = store.outbox
    lock = threading.Lock()
    states: list[DeliveryState] = []
    delivered: list[QueuedItem] = []

    def on_state(state: DeliveryState) -> None:
        with lock:
            states.append(state)

    delivery = OutboxDelivery(
        client,
        outbox,
        on_state=on_state,
        on_delivered=lambda item, answer: delivered.append(item),
        idle_check_s=0.5,
    )
    try:
        delivery.start()
        item = outbox.enqueue(
            "incident.raise", "POST", "/incidents", incident_body(unique), summary=unique
        )
        wait_for(lambda: delivery.state.status is DeliveryStatus.LOGIN_NEEDED, what="pause")
        waiting = outbox.get(item.seq)
        assert waiting is not None
        assert waiting.attempts == 0  # a refused token is not the item's fault
        client.login("operator-3", demo_server.password("operator-3"))
        delivery.resume()
        wait_for(lambda: outbox.pending_count() == 0, what="delivery after sign-in")
    finally:
        assert delivery.stop(10.0)
        client.close()
    assert [i.seq for i in delivered] == [item.seq]
    with lock:
        assert states[-1].status is DeliveryStatus.STOPPED
