"""Hostile input as classes: deep JSON on every JSON route, blank required texts everywhere
the contract names one, and control characters in what the server writes to its log."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from console.server.api.body_depth import MAX_JSON_DEPTH
from console.wire import ErrorOut, IncidentOut
from console.wire.common import NOT_BLANK
from tests.integration.server.conftest import TIMEOUT, Client, Server

Clients = Callable[[str], Client]

DEPTH = 1_000
"""Deep enough to exhaust Python's JSON decoder (a RecursionError when not guarded)."""


def _document(server: Server) -> dict[str, Any]:
    document: dict[str, Any] = requests.get(server.url("/openapi.json"), timeout=TIMEOUT).json()
    return document


def _json_operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(method, path) of every operation that takes a JSON body, path ids filled in."""
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                filled = path.replace("/api/v1", "", 1)
                for name in ("incident_id", "alert_id", "plan_id", "unit_id"):
                    filled = filled.replace("{" + name + "}", "no-such-id")
                found.append((method.upper(), filled))
    return found


def _nested(depth: int, kind: str) -> str:
    if kind == "array":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@pytest.mark.parametrize("kind", ["array", "object"])
def test_deep_json_is_refused_with_a_clear_422_on_every_json_route(
    server: Server, clients: Clients, kind: str
) -> None:
    operations = _json_operations(_document(server))
    assert len(operations) >= 8
    body = _nested(DEPTH, kind)
    wrong = []
    for method, path in operations:
        response = clients("op").http.request(
            method,
            server.url(path),
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=TIMEOUT,
        )
        message = response.json().get("error", {}).get("message", "")
        if response.status_code != 422 or "nested deeper" not in message:
            wrong.append(f"{method} {path}: {response.status_code} {message}")
    assert not wrong, "\n".join(wrong)


def test_the_depth_guard_reads_strings_as_text_and_passes_shallow_bodies_on(
    server: Server, clients: Clients
) -> None:
    op = clients("op")
    brackets = "[{" * 90
    raised = op.post(
        "/incidents",
        json={
            "title": brackets,
            "category": "garbage",
            "priority": 3,
            "source": "operator",
            "lat": 19.2,
            "lon": 110.4,
            "description": '\\"' + "[" * 5_000,
        },
    )
    assert raised.status_code == 201, raised.text
    assert IncidentOut.model_validate(raised.json()).title == brackets
    # At the limit the body reaches the route's own validation, which names the problem.
    shallow = op.post("/incidents", data=_nested(MAX_JSON_DEPTH, "array"))
    assert shallow.status_code == 422
    assert "nested deeper" not in shallow.json()["error"]["message"]
    # Without a content type the body is still read as JSON, and still guarded.
    deep = op.post("/patrol-plans", data=_nested(DEPTH, "object"), headers={"Content-Type": ""})
    assert deep.status_code == 422
    assert "nested deeper" in deep.json()["error"]["message"]


# ----------------------------------------------------------------------------- blank texts

BLANKS = ("   ", "\t\n", "\u3000", "\u00a0 ")
"""Spaces, tab and newline, the ideographic space of Chinese input, no-break space."""

INCIDENT = {
    "title": "垃圾堆放",
    "category": "garbage",
    "priority": "3",
    "source": "operator",
    "lat": "19.2",
    "lon": "110.4",
}

# (method, path in the document, field, how to send) -> a body with that field made blank.
BlankCase = tuple[str, str, str, str]
BLANK_CASES: dict[BlankCase, dict[str, Any]] = {
    ("POST", "/incidents", "title", "json"): {**INCIDENT, "priority": 3, "lat": 19.2},
    ("POST", "/incidents", "category", "json"): {**INCIDENT, "priority": 3, "lat": 19.2},
    ("POST", "/incidents", "title", "form"): INCIDENT,
    ("POST", "/incidents", "category", "form"): INCIDENT,
    ("POST", "/incidents/{incident_id}/actions", "category", "json"): {
        "action": "file",
        "priority": 2,
    },
    ("POST", "/incidents/{incident_id}/feedback", "text", "form"): {"result": "fixed"},
    ("POST", "/incidents/{incident_id}/escalate", "reason", "json"): {},
    ("POST", "/alerts/{alert_id}/dismiss", "reason", "json"): {},
    ("POST", "/alerts/{alert_id}/promote", "title", "json"): {},
    ("POST", "/alerts/{alert_id}/promote", "category", "json"): {},
    ("POST", "/patrol-plans", "name", "json"): {"camera_ids": ["x"]},
    ("PUT", "/patrol-plans/{plan_id}", "name", "json"): {"camera_ids": ["x"]},
    ("POST", "/auth/login", "username", "json"): {"password": "op-pass"},
    ("POST", "/workstation-keys", "label", "json"): {"public_key": "A" * 43 + "="},
    ("POST", "/exports", "officer", "json"): {"key_id": "k", "camera_ids": ["x"]},
}


def _schema_fields(document: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(name, schema) of the properties of a body schema, through $ref and anyOf."""
    if "$ref" in schema:
        yield from _schema_fields(document, _resolve(document, schema))
        return
    for choice in schema.get("anyOf", ()):
        yield from _schema_fields(document, choice)
    yield from schema.get("properties", {}).items()


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    resolved: dict[str, Any] = document["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return resolved


def _patterns(schema: dict[str, Any]) -> set[str]:
    return {schema.get("pattern", "")} | {c.get("pattern", "") for c in schema.get("anyOf", ())}


def _required_texts(document: dict[str, Any]) -> set[BlankCase]:
    """Every (operation, field) whose schema says: not blank."""
    found = set()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
                how = "json" if media_type == "application/json" else "form"
                for name, field in _schema_fields(document, content["schema"]):
                    if NOT_BLANK in _patterns(field):
                        found.add((method.upper(), path.replace("/api/v1", "", 1), name, how))
    return found


def test_every_required_human_text_in_the_contract_refuses_blank_text(
    server: Server, clients: Clients
) -> None:
    assert _required_texts(_document(server)) == set(BLANK_CASES)
    wrong = []
    for (method, path, field, how), body in BLANK_CASES.items():
        filled = path
        for name in ("incident_id", "alert_id", "plan_id"):
            filled = filled.replace("{" + name + "}", "no-such-id")
        for blank in BLANKS:
            sent = {**body, field: blank}
            kwargs: dict[str, Any] = {"json": sent}
            if how == "form":  # multipart, as the console sends forms
                kwargs = {"files": [(name, (None, str(value))) for name, value in sent.items()]}
            response = clients("op").http.request(
                method, server.url(filled), timeout=TIMEOUT, **kwargs
            )
            fields = (
                {f.field: f.message for f in ErrorOut.model_validate(response.json()).error.fields}
                if response.status_code == 422
                else {}
            )
            if "white space" not in fields.get(field, ""):
                wrong.append(f"{method} {path} {field}={blank!r} ({how}): {response.text[:200]}")
    assert not wrong, "\n".join(wrong)


def test_a_title_with_text_around_spaces_is_kept_and_trimmed(
    server: Server, clients: Clients
) -> None:
    raised = clients("op").post("/incidents", json={**INCIDENT, "title": "  占道  ", "lat": 19.2})
    assert raised.status_code == 201, raised.text
    assert raised.json()["title"] == "占道"


# ----------------------------------------------------------------------------- the log


FORGED = "2026-12-04 09:00:00,000 INFO console.server.services.auth: admin signed in"


def test_the_log_formatter_escapes_messages_and_marks_traceback_lines() -> None:
    import logging

    from console.server.log_lines import CONTINUATION, EscapingFormatter

    formatter = EscapingFormatter(logging.Formatter("%(levelname)s %(message)s"))
    try:
        raise ValueError(f"bad\n{FORGED}")
    except ValueError:
        record = logging.LogRecord(
            "t", logging.ERROR, __file__, 1, "user %s", (f"x\n{FORGED}",), sys.exc_info()
        )
    first, *rest = formatter.format(record).split("\n")
    assert first == f"ERROR user x\\n{FORGED}"
    assert rest
    assert all(line.startswith(CONTINUATION) for line in rest)
    assert any(FORGED in line for line in rest)
    assert json.dumps(formatter.format(record)).count("\\u001b") == 0
