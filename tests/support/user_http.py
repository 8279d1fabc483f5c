"""Plain HTTP to the live demo server as one of its users: a unit's phone, a detector, a second
workstation — whatever a test needs done on the server besides the console under test."""

from __future__ import annotations

from typing import Any

import requests

from tests.support.live_server import TIMEOUT_S, LiveDemoServer


class UserHttp:
    """Signed in as ``username`` with the server's token for it."""

    def __init__(self, server: LiveDemoServer, username: str) -> None:
        self.api = server.api
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {server.token(username)}"

    def get(self, path: str, **params: Any) -> Any:
        answer = self.session.get(self.api + path, params=params, timeout=TIMEOUT_S)
        assert answer.ok, f"GET {path}: {answer.status_code} {answer.text}"
        return answer.json()

    def post(self, path: str, body: Any) -> Any:
        answer = self.session.post(self.api + path, json=body, timeout=TIMEOUT_S)
        assert answer.ok, f"POST {path}: {answer.status_code} {answer.text}"
        return answer.json()

    def close(self) -> None:
        self.session.close()
