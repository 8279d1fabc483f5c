"""A signed-in HTTP session against the Tianmu API, as the field simulator uses it.

One ``ApiSession`` per demo user. It signs in lazily, signs in again once when a token
expires (401), and puts a timeout on every call. Tokens and passwords never reach the log.
"""

from __future__ import annotations

import logging
from typing import Any

import requests

from console.wire import API_PREFIX

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """The server answered with an error; ``code`` is the stable code from its error body."""

    def __init__(self, status: int, code: str, message: str = "") -> None:
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status = status
        self.code = code


def api_root(base_url: str) -> str:
    """``http://host:port/api/v1`` whether or not ``base_url`` already ends with the prefix."""
    root = base_url.rstrip("/")
    return root if root.endswith(API_PREFIX) else root + API_PREFIX


class ApiSession:
    """Calls the API as one user; not thread-safe (the simulator uses it from one thread)."""

    def __init__(self, base_url: str, username: str, password: str, *, timeout_s: float) -> None:
        self.root = api_root(base_url)
        self.username = username
        self._password = password
        self._timeout_s = timeout_s
        self._http = requests.Session()
        self._token: str | None = None
        self.user: dict[str, Any] | None = None

    def close(self) -> None:
        self._http.close()

    def login(self) -> None:
        response = self._http.post(
            f"{self.root}/auth/login",
            json={"username": self.username, "password": self._password},
            timeout=self._timeout_s,
        )
        _raise_for_error(response)
        body = response.json()
        self._token = body["token"]
        self.user = body.get("user")
        logger.debug("signed in as %s", self.username)

    def call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        files: list[tuple[str, tuple[str, bytes, str]]] | None = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """The decoded JSON answer; raises ``ApiError`` for error statuses."""
        if self._token is None:
            self.login()
        response = self._send(method, path, json, params, data, files, idempotency_key)
        if response.status_code == 401:
            self.login()
            response = self._send(method, path, json, params, data, files, idempotency_key)
        _raise_for_error(response)
        if not response.content:
            return None
        return response.json()

    def _send(
        self,
        method: str,
        path: str,
        json: Any,
        params: dict[str, Any] | None,
        data: dict[str, Any] | None,
        files: list[tuple[str, tuple[str, bytes, str]]] | None,
        idempotency_key: str | None,
    ) -> requests.Response:
        headers = {"Authorization": f"Bearer {self._token}"}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        return self._http.request(
            method,
            f"{self.root}{path}",
            json=json,
            params=params,
            data=data,
            files=files,
            headers=headers,
            timeout=self._timeout_s,
        )


def _raise_for_error(response: requests.Response) -> None:
    if response.status_code < 400:
        return
    code, message = "http_error", response.reason or ""
    try:
        detail = response.json().get("error", {})
        code = detail.get("code", code)
        message = detail.get("message", message)
    except (ValueError, AttributeError):
        pass
    raise ApiError(response.status_code, code, message)
