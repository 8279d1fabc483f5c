"""How answers and transport failures become ``BackendError`` kinds, and the retry backoff."""

from __future__ import annotations

import json
import random

import pytest
import requests
import urllib3.exceptions

from console.client.errors import (
    ConflictError,
    ErrorKind,
    MalformedResponseError,
    ValidationError,
    kind_for_status,
)
from console.client.events import backoff_s
from console.client.rest import BackendClient, form_fields, parse_answer
from console.client.transport import RawAnswer, error_from_answer, transport_error
from console.scrub import clear_secrets
from console.wire import RegionOut


def answer(status: int, body: object, content_type: str = "application/json") -> RawAnswer:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return RawAnswer(status, content_type, raw, {})


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, ErrorKind.UNAUTHORIZED),
        (403, ErrorKind.FORBIDDEN),
        (404, ErrorKind.NOT_FOUND),
        (409, ErrorKind.CONFLICT),
        (412, ErrorKind.CONFLICT),
        (413, ErrorKind.VALIDATION),
        (422, ErrorKind.VALIDATION),
        (429, ErrorKind.SERVER_ERROR),
        (500, ErrorKind.SERVER_ERROR),
        (503, ErrorKind.SERVER_ERROR),
        (400, ErrorKind.PROTOCOL),
        (405, ErrorKind.PROTOCOL),
        (302, ErrorKind.PROTOCOL),
        (100, ErrorKind.PROTOCOL),
    ],
)
def test_status_decides_the_kind(status: int, kind: ErrorKind) -> None:
    assert kind_for_status(status) is kind
    assert (
        error_from_answer(answer(status, b"<html>oops</html>", "text/html"), "GET /x").kind is kind
    )


def test_an_illegal_transition_carries_state_and_allowed_actions() -> None:
    body = {
        "error": {
            "code": "illegal_transition",
            "message": "cannot close an incident that is reported",
            "current_state": "reported",
            "allowed_actions": ["accept", "reject"],
        }
    }
    error = error_from_answer(answer(409, body), "POST /incidents/1/actions")
    assert isinstance(error, ConflictError)
    assert error.code == "illegal_transition"
    assert error.current_state == "reported"
    assert error.allowed_actions == ("accept", "reject")
    assert "allowed: accept, reject" in error.reason
    assert not error.retryable


def test_a_validation_error_lists_its_fields() -> None:
    body = {
        "error": {
            "code": "validation_error",
            "message": "the request is not valid",
            "fields": [{"field": "title", "message": "too long"}],
        }
    }
    error = error_from_answer(answer(422, body), "POST /incidents")
    assert isinstance(error, ValidationError)
    assert [(f.field, f.message) for f in error.fields] == [("title", "too long")]
    assert "title: too long" in error.reason


def test_server_text_is_scrubbed_and_clipped() -> None:
    body = {"error": {"code": "x", "message": "token=abcdef123456 " + "y" * 1000}}
    error = error_from_answer(answer(500, body), "GET /x")
    assert "abcdef123456" not in error.reason
    assert len(error.server_message) <= 300
    assert error.retryable


def test_wrong_content_type_and_schema_mismatch_are_malformed() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        parse_answer(answer(200, [], "text/html"), list[RegionOut], "GET /regions")
    assert getattr(caught.value, "kind", None) is ErrorKind.MALFORMED_RESPONSE
    secret_shape = [{"id": "r1", "code": "c", "name": "n", "kind": "planet", "lat": 1, "lon": 2}]
    with pytest.raises(MalformedResponseError) as caught:
        parse_answer(answer(200, secret_shape), list[RegionOut], "GET /regions")
    assert getattr(caught.value, "kind", None) is ErrorKind.MALFORMED_RESPONSE
    assert "planet" not in str(caught.value)  # values never reach a message
    with pytest.raises(MalformedResponseError) as caught:
        parse_answer(answer(200, b'[{"id": "r1", "co'), list[RegionOut], "GET /regions")
    assert "not valid JSON" in str(caught.value)


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (requests.exceptions.ConnectTimeout("x"), ErrorKind.TIMEOUT),
        (requests.exceptions.ReadTimeout("x"), ErrorKind.TIMEOUT),
        (requests.exceptions.ConnectionError("refused"), ErrorKind.UNREACHABLE),
        (requests.exceptions.ChunkedEncodingError("cut"), ErrorKind.MALFORMED_RESPONSE),
        (requests.exceptions.ContentDecodingError("gz"), ErrorKind.MALFORMED_RESPONSE),
        (requests.exceptions.InvalidURL("bad"), ErrorKind.PROTOCOL),
        (
            requests.exceptions.ConnectionError(
                urllib3.exceptions.ProtocolError("aborted", ConnectionResetError())
            ),
            ErrorKind.UNREACHABLE,
        ),
        (RuntimeError("a defect below"), ErrorKind.PROTOCOL),
    ],
)
def test_transport_failures_map_to_kinds(exc: Exception, kind: ErrorKind) -> None:
    assert transport_error(exc, "GET /x").kind is kind


def test_backoff_doubles_to_the_cap_with_bounded_jitter() -> None:
    rng = random.Random(3)
    for attempt, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (5, 16.0), (6, 30.0), (50, 30.0)]:
        for _ in range(50):
            delay = backoff_s(attempt, base_s=1.0, cap_s=30.0, rng=rng)
            assert 0.8 * ceiling <= delay <= 1.2 * ceiling
    assert backoff_s(0, base_s=1.0, cap_s=30.0, rng=rng) == 0.0


def test_form_fields_flatten_lists_and_drop_none() -> None:
    assert form_fields({"verdict": "pass", "camera_ids": ["a", "b"], "x": None, "n": 3}) == {
        "verdict": "pass",
        "camera_ids": "a,b",
        "n": "3",
    }


def test_the_token_is_registered_as_a_secret_and_credentials_in_urls_are_refused() -> None:
    from console.scrub import scrub

    client = BackendClient("http://127.0.0.1:9", token="tok-very-secret-1234")
    try:
        assert "tok-very-secret-1234" not in scrub("sent tok-very-secret-1234 to the server")
    finally:
        client.close()
        clear_secrets()
    with pytest.raises(ValueError, match="credentials"):
        BackendClient("http://user:pw@127.0.0.1:9")
    with pytest.raises(ValueError, match="http"):
        BackendClient("ftp://127.0.0.1:9")


def test_an_empty_password_is_refused_before_anything_is_sent() -> None:
    client = BackendClient("http://127.0.0.1:9")
    try:
        with pytest.raises(ValidationError) as caught:
            client.login("operator-1", "")
        assert [f.field for f in caught.value.fields] == ["password"]
    finally:
        client.close()
