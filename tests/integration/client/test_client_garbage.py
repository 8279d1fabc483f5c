"""Whatever a server answers, every client call returns a valid model or raises BackendError.

A real HTTP server on loopback (``tests.support.scripted_http``) answers with generated
garbage: random bytes, cut-off JSON, wrong shapes, wrong content types, huge numbers, HTML
error pages, odd status codes, bytes that are not HTTP, closed connections, silence.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.client import BackendClient, BackendError, ErrorKind
from console.client.errors import kind_for_status
from console.wire import ActionIn, IncidentIn
from tests.support.scripted_http import Reply, ScriptedServer

NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC).isoformat()
VALID_REGIONS = [
    {"id": "r1", "code": "469002", "name": "琼海市", "kind": "city", "lat": 19.2, "lon": 110.4}
]
VALID_INCIDENT = {
    "id": "i1",
    "number": "QH-1",
    "title": "t",
    "category": "road",
    "priority": 2,
    "source": "operator",
    "state": "reported",
    "lat": 19.2,
    "lon": 110.4,
    "created_by": "u",
    "created_at": NOW,
    "updated_at": NOW,
}

INCIDENT_IN = IncidentIn(
    title="t", category="road", priority=2, source="operator", lat=19.2, lon=110.4
)


def _open_events(client: BackendClient) -> Any:
    response = client.open_events(5, read_timeout=2.0)
    response.close()
    return response


CALLS: dict[str, Callable[[BackendClient], Any]] = {
    "health": lambda c: c.health(),
    "login": lambda c: c.login("operator-1", "pw"),
    "me": lambda c: c.me(),
    "regions": lambda c: c.regions(),
    "cameras": lambda c: list(c.iter_cameras(page_size=10)),
    "camera_streams": lambda c: c.camera_streams("cam/../1"),
    "units": lambda c: c.units(),
    "alerts": lambda c: c.alerts_page(),
    "incident": lambda c: c.incident("i1"),
    "incidents": lambda c: list(c.iter_incidents()),
    "create_incident": lambda c: c.create_incident(INCIDENT_IN, idempotency_key="k-1"),
    "action": lambda c: c.incident_action("i1", ActionIn(action="accept")),
    "verification": lambda c: c.add_verification(
        "i1", verdict="pass", media=[("media", "a.jpg", "image/jpeg", b"\xff\xd8")]
    ),
    "patrol_plans": lambda c: c.patrol_plans(),
    "recordings": lambda c: c.recordings(),
    "media": lambda c: c.media("m1"),
    "send": lambda c: c.send("POST", "/incidents", json_body={"a": 1}, idempotency_key="k"),
    "events": _open_events,
}


@pytest.fixture(scope="module")
def garbage_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def client(garbage_server: ScriptedServer) -> Iterator[BackendClient]:
    client = BackendClient(garbage_server.url, timeout=(1.0, 2.0), retries=0, token="tok-garbage")
    yield client
    client.close()


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    choice = draw(st.integers(0, 8))
    if choice == 0:
        return draw(st.binary(max_size=300))
    if choice == 1:
        valid = json.dumps(draw(st.sampled_from([VALID_REGIONS, VALID_INCIDENT]))).encode()
        return valid[: draw(st.integers(0, len(valid) - 1))]
    if choice == 2:
        return json.dumps(draw(_json_values)).encode()
    if choice == 3:
        number = draw(st.sampled_from(["1e400", "-1e400", "9" * 500, "1" + "0" * 4000, "NaN"]))
        return (
            json.dumps(VALID_INCIDENT).replace("19.2", number).replace("2,", number + ",").encode()
        )
    if choice == 4:
        return b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
    if choice == 5:
        return b"[" * 5000 + b"]" * 5000
    if choice == 6:
        return json.dumps({"error": draw(_json_values)}).encode()
    if choice == 7:
        return json.dumps(VALID_REGIONS).encode()
    return json.dumps(VALID_INCIDENT).encode()


replies = st.builds(
    Reply,
    status=st.sampled_from(
        [
            200,
            201,
            204,
            100,
            101,
            301,
            302,
            400,
            401,
            403,
            404,
            405,
            409,
            412,
            413,
            418,
            422,
            429,
            500,
            502,
            503,
            504,
            599,
        ]
    ),
    body=bodies(),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/json; charset=utf-8",
            "text/html",
            "text/plain",
            "text/event-stream",
            "application/octet-stream",
            None,
            "\u00e9/\u00e9",
        ]
    ),
    mode=st.sampled_from(["normal", "normal", "normal", "truncate", "raw", "close"]),
)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(reply=replies, call=st.sampled_from(sorted(CALLS)))
def test_garbage_becomes_a_backend_error_never_another_exception(
    garbage_server: ScriptedServer, client: BackendClient, reply: Reply, call: str
) -> None:
    garbage_server.script(reply)
    error: BackendError | None = None
    try:
        CALLS[call](client)
    except BackendError as caught:
        error = caught
    if error is None:
        # A success: the answer was well formed for this call. The event stream is read
        # later, so only its head has to be right here; a 204 has no body to cut off.
        assert reply.mode == "normal" or (
            reply.mode == "truncate" and (call == "events" or reply.status == 204)
        ), reply
        assert 200 <= reply.status <= 299
        return
    assert isinstance(error.kind, ErrorKind)
    assert error.message
    well_formed_head = reply.mode in ("normal", "truncate")
    if well_formed_head and 200 <= reply.status <= 299:
        assert error.kind in (ErrorKind.MALFORMED_RESPONSE, ErrorKind.PROTOCOL), repr(error)
    elif well_formed_head and reply.status >= 300:
        assert error.kind is kind_for_status(reply.status), repr(error)
    elif reply.mode == "close":
        assert error.kind is ErrorKind.UNREACHABLE, repr(error)


def test_silence_is_a_timeout(garbage_server: ScriptedServer, client: BackendClient) -> None:
    garbage_server.script(Reply(mode="silent"))
    with pytest.raises(BackendError) as caught:
        client.regions()
    assert caught.value.kind is ErrorKind.TIMEOUT


def test_an_oversized_answer_is_refused(garbage_server: ScriptedServer) -> None:
    from console.client import rest

    client = BackendClient(garbage_server.url, timeout=(1.0, 5.0), retries=0)
    garbage_server.script(Reply(body=b"[" + b" " * (rest.MAX_JSON_BYTES + 10) + b"]"))
    try:
        with pytest.raises(BackendError) as caught:
            client.regions()
        assert caught.value.kind is ErrorKind.MALFORMED_RESPONSE
        assert "larger than" in caught.value.message
    finally:
        client.close()


def test_a_valid_answer_still_parses(garbage_server: ScriptedServer, client: BackendClient) -> None:
    garbage_server.script(Reply(body=json.dumps(VALID_REGIONS).encode()))
    regions = client.regions()
    assert [r.id for r in regions] == ["r1"]
    method, path, headers = garbage_server.requests[-1]
    assert (method, path) == ("GET", "/api/v1/regions")
    assert headers["Authorization"] == "Bearer tok-garbage"


# ---------------------------------------------------------------------- which calls repeat


@pytest.fixture
def retrying_client(garbage_server: ScriptedServer) -> Iterator[BackendClient]:
    client = BackendClient(
        garbage_server.url, timeout=(1.0, 1.0), retries=2, backoff_factor=0.01, token="t"
    )
    yield client
    client.close()


def _hits(server: ScriptedServer, call: Callable[[], Any]) -> int:
    with pytest.raises(BackendError):
        call()
    return len(server.requests)


def test_only_idempotent_calls_are_repeated_on_503(
    garbage_server: ScriptedServer, retrying_client: BackendClient
) -> None:
    unavailable = Reply(status=503, body=b'{"error": {"code": "busy"}}')
    garbage_server.script(unavailable)
    assert _hits(garbage_server, retrying_client.regions) == 3
    garbage_server.script(unavailable)
    assert _hits(garbage_server, lambda: retrying_client.create_incident(INCIDENT_IN)) == 1
    garbage_server.script(unavailable)
    keyed = lambda: retrying_client.create_incident(INCIDENT_IN, idempotency_key="k-2")  # noqa: E731
    assert _hits(garbage_server, keyed) == 3
    garbage_server.script(unavailable)
    plan = lambda: retrying_client.send("PUT", "/patrol-plans/p1", json_body={"name": "x"})  # noqa: E731
    assert _hits(garbage_server, plan) == 3


def test_a_post_without_key_is_not_repeated_after_a_read_timeout(
    garbage_server: ScriptedServer, retrying_client: BackendClient
) -> None:
    garbage_server.script(Reply(mode="silent"))
    assert _hits(garbage_server, lambda: retrying_client.create_incident(INCIDENT_IN)) == 1
    garbage_server.script(Reply(mode="silent"))
    keyed = lambda: retrying_client.create_incident(INCIDENT_IN, idempotency_key="k-3")  # noqa: E731
    assert _hits(garbage_server, keyed) == 3


def test_the_last_retry_answer_decides(
    garbage_server: ScriptedServer, retrying_client: BackendClient
) -> None:
    def flaky(count: int) -> Reply:
        if count < 3:
            return Reply(status=502, body=b"<html>bad gateway</html>", content_type="text/html")
        return Reply(body=json.dumps(VALID_REGIONS).encode())

    garbage_server.script(flaky)
    assert [r.id for r in retrying_client.regions()] == ["r1"]
    assert len(garbage_server.requests) == 3
