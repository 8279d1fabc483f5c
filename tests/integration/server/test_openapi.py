"""docs/openapi.json is the committed contract; it must match what the code serves."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from console.server.openapi import render
from tests.integration.server.conftest import TIMEOUT, Server

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


def test_the_committed_document_matches_the_code() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == render(), (
        "docs/openapi.json is stale; regenerate it with "
        "`python -m console.server.openapi > docs/openapi.json`"
    )


def test_the_running_server_serves_the_same_document(server: Server) -> None:
    served = requests.get(server.url("/openapi.json"), timeout=TIMEOUT).json()
    assert served == json.loads(DOCUMENT.read_text(encoding="utf-8"))
    assert "Idempotency-Key" in json.dumps(served["paths"]["/api/v1/incidents"]["post"])
    assert "/api/v1/alerts" in served["paths"]
    assert "post" in served["paths"]["/api/v1/alerts"]
