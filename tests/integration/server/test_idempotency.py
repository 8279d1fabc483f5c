"""Idempotency-Key: a repeated request returns the first answer and changes nothing."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

import requests

from tests.integration.server.conftest import TIMEOUT, Client, Server

Clients = Callable[[str], Client]

BODY = {
    "title": "井盖缺失",
    "category": "facility",
    "priority": 2,
    "source": "hotline_12345",
    "lat": 19.25,
    "lon": 110.46,
}


def _count(client: Client, title: str) -> int:
    response = client.get("/incidents", params={"q": title, "limit": 1000})
    assert response.status_code == 200
    return int(response.json()["total"])


def test_the_same_key_twice_creates_one_incident_and_returns_the_same_body(
    server: Server, clients: Clients
) -> None:
    op = clients("op")
    title = f"idem-{uuid.uuid4().hex[:8]}"
    key = str(uuid.uuid4())
    first = op.post("/incidents", json={**BODY, "title": title}, headers={"Idempotency-Key": key})
    second = op.post("/incidents", json={**BODY, "title": title}, headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert _count(op, title) == 1


def test_a_key_is_per_user(server: Server, clients: Clients) -> None:
    title = f"peruser-{uuid.uuid4().hex[:8]}"
    key = str(uuid.uuid4())
    a = clients("op").post(
        "/incidents", json={**BODY, "title": title}, headers={"Idempotency-Key": key}
    )
    b = clients("sup").post(
        "/incidents", json={**BODY, "title": title}, headers={"Idempotency-Key": key}
    )
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    assert _count(clients("op"), title) == 2


def test_a_key_reused_for_another_request_is_refused(server: Server, clients: Clients) -> None:
    op = clients("op")
    key = str(uuid.uuid4())
    assert op.post("/incidents", json=BODY, headers={"Idempotency-Key": key}).status_code == 201
    other = op.post(
        "/incidents", json={**BODY, "title": "something else"}, headers={"Idempotency-Key": key}
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"


def test_concurrent_duplicates_create_one_incident(server: Server, clients: Clients) -> None:
    token = clients("op").token
    title = f"race-{uuid.uuid4().hex[:8]}"
    key = str(uuid.uuid4())
    barrier = threading.Barrier(8)
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send() -> None:
        with requests.Session() as http:
            barrier.wait(timeout=TIMEOUT)
            response = http.post(
                server.url("/incidents"),
                json={**BODY, "title": title},
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
                timeout=30,
            )
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(answers) == 8
    assert {r.status_code for r in answers} == {201}
    assert len({r.json()["id"] for r in answers}) == 1
    assert len({r.content for r in answers}) == 1
    assert _count(clients("op"), title) == 1


def test_repeating_an_action_with_its_key_does_not_apply_it_twice(
    server: Server, clients: Clients
) -> None:
    op = clients("op")
    created = op.post("/incidents", json=BODY).json()
    key = str(uuid.uuid4())
    path = f"/incidents/{created['id']}/actions"
    first = op.post(path, json={"action": "accept"}, headers={"Idempotency-Key": key})
    again = op.post(path, json={"action": "accept"}, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 200
    assert first.json()["version"] == again.json()["version"] == 2
    # Without the key the repeat is a new request, and the state machine refuses it.
    assert op.post(path, json={"action": "accept"}).status_code == 409
