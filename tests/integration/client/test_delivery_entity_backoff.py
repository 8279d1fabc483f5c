"""One record the server keeps failing on (5xx) holds back only its own later actions.

The console talks to the real server through a proxy that answers 500 to every request on
one incident; actions on other incidents keep flowing, those on the failing one keep their
order and go out, once each, when the server stops failing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from console.client import BackendClient, DeliveryStatus, OutboxDelivery
from console.client.delivery import QueuedItem
from console.client.transport import RawAnswer
from console.store import OutboxState, Store
from console.wire import IncidentIn
from tests.support.failing_proxy import FailingProxy
from tests.support.live_server import LiveDemoServer
from tests.support.outbox_worker import incident_body
from tests.support.polling import wait_for

MakeClient = Callable[..., BackendClient]


@pytest.fixture
def proxy(demo_server: LiveDemoServer) -> Iterator[FailingProxy]:
    running = FailingProxy(demo_server.url).start()
    try:
        yield running
    finally:
        running.stop()


def _act(store: Store, incident_id: str, body: dict[str, object]) -> int:
    return store.outbox.enqueue(
        "incident.action",
        "POST",
        f"/incidents/{incident_id}/actions",
        body,
        summary=f"{body['action']} {incident_id}",
    ).seq


def test_a_record_failing_with_5xx_does_not_hold_back_other_records(
    make_client: MakeClient,
    demo_server: LiveDemoServer,
    proxy: FailingProxy,
    store: Store,
    unique: str,
) -> None:
    direct = make_client()
    broken = direct.create_incident(IncidentIn(**incident_body(f"{unique}-broken"))).id
    fine = direct.create_incident(IncidentIn(**incident_body(f"{unique}-fine"))).id
    proxy.set_rule(lambda method, path: 500 if broken in path else None)
    client = BackendClient(proxy.url, token=direct.token)

    file_fields = {"category": "garbage", "priority": 3}
    broken_accept = _act(store, broken, {"action": "accept"})
    fine_accept = _act(store, fine, {"action": "accept"})
    broken_file = _act(store, broken, {"action": "file", **file_fields})
    fine_file = _act(store, fine, {"action": "file", **file_fields})
    raised = store.outbox.enqueue(
        "incident.raise", "POST", "/incidents", incident_body(f"{unique}-new"), summary="raise"
    ).seq

    lock = threading.Lock()
    delivered: list[int] = []

    def on_delivered(item: QueuedItem, answer: RawAnswer) -> None:
        with lock:
            delivered.append(item.seq)

    delivery = OutboxDelivery(
        client,
        store.outbox,
        on_delivered=on_delivered,
        backoff_base_s=0.2,
        backoff_cap_s=0.5,
        idle_check_s=0.2,
    )
    result = delivery.run_round()
    # Everything else went out in one round, in order; the broken record's head backs off.
    # (Its short backoff may run out mid-round: then it is tried again, still alone.)
    assert (result.delivered, result.failed) == (3, False)
    assert result.deferred >= 1
    assert delivered == [fine_accept, fine_file, raised]
    assert direct.incident(fine).state == "filed"
    head = store.outbox.get(broken_accept)
    assert head is not None
    assert head.state is OutboxState.PENDING
    assert head.attempts == result.deferred == len(proxy.requests_to(broken))
    assert head.last_error is not None
    # Its later action was never sent: order on the record holds.
    assert store.outbox.get(broken_file).attempts == 0  # type: ignore[union-attr]

    # The worker keeps trying the broken head on its own backoff, alone.
    delivery.start()
    try:
        wait_for(lambda: len(proxy.requests_to(broken)) >= 3, what="retries of the broken head")
        assert direct.incident(broken).state == "reported"
        assert store.outbox.pending_count() == 2
        proxy.set_rule(None)  # the server recovers
        wait_for(lambda: store.outbox.pending_count() == 0, what="the broken record delivered")
    finally:
        assert delivery.stop(10.0)
        client.close()
    assert delivery.state.status is DeliveryStatus.STOPPED
    with lock:
        assert delivered[-2:] == [broken_accept, broken_file]
    served = [status for _m, _p, status in proxy.requests_to(broken)]
    assert served[-2:] == [200, 200]
    assert all(status == 500 for status in served[:-2])
    history = [str(step.action) for step in direct.incident(broken).history]
    assert history == ["accept", "file"]


def test_when_the_server_is_away_the_whole_queue_waits(
    make_client: MakeClient, store: Store, unique: str
) -> None:
    """No connection at all is not one record's fault: nothing overtakes the failed head."""
    direct = make_client()
    first = direct.create_incident(IncidentIn(**incident_body(f"{unique}-1"))).id
    second = direct.create_incident(IncidentIn(**incident_body(f"{unique}-2"))).id
    away = BackendClient("http://127.0.0.1:9", token=direct.token, timeout=(0.5, 1.0))
    _act(store, first, {"action": "accept"})
    _act(store, second, {"action": "accept"})
    try:
        result = OutboxDelivery(away, store.outbox, backoff_base_s=5.0).run_round()
    finally:
        away.close()
    assert result.failed
    assert result.delivered == result.deferred == 0
    assert [item.attempts for item in store.outbox.list()] == [1, 0]
    assert store.outbox.next_due() is None
    store.outbox.retry_waiting()
    result = OutboxDelivery(direct, store.outbox).run_round()
    assert result.delivered == 2
