"""An HTTP proxy on loopback that passes requests to a real server, or fails chosen ones.

``FailingProxy(upstream_url)`` forwards every request (method, path, headers, body) to the
upstream server and relays its answer, except those for which ``fail(method, path)``
returns a status: those are answered with that status (a 5xx, say) and never reach the
server. ``seen`` lists (method, path, status) of every request, in arrival order. The event
stream is not proxied (answers are read whole); point the client's stream elsewhere or
leave it unused.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

FailRule = Callable[[str, str], int | None]
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class _Handler(BaseHTTPRequestHandler):
    server: FailingProxy
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        return

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status = self.server.fail_status(self.command, self.path)
        if status is not None:
            payload = json.dumps(
                {"error": {"code": "scripted_failure", "message": "failed by the test proxy"}}
            ).encode()
            self.server.record(self.command, self.path, status)
            self._answer(status, payload, {"Content-Type": "application/json"})
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        answer = requests.request(
            self.command,
            self.server.upstream + self.path,
            headers=headers,
            data=body,
            timeout=30,
            allow_redirects=False,
        )
        self.server.record(self.command, self.path, answer.status_code)
        relayed = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
        relayed.pop("Content-Encoding", None)
        self._answer(answer.status_code, answer.content, relayed)

    def _answer(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        self.close_connection = True
        self.send_response_only(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve


class FailingProxy(ThreadingHTTPServer):
    """See the module docstring."""

    daemon_threads = True

    def __init__(self, upstream_url: str, fail: FailRule | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = upstream_url.rstrip("/")
        self._fail = fail
        self._lock = threading.Lock()
        self.seen: list[tuple[str, str, int]] = []
        self._thread = threading.Thread(
            target=self.serve_forever, name="failing-proxy", daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def set_rule(self, fail: FailRule | None) -> None:
        with self._lock:
            self._fail = fail

    def fail_status(self, method: str, path: str) -> int | None:
        with self._lock:
            rule = self._fail
        return rule(method, path) if rule is not None else None

    def record(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.seen.append((method, path, status))

    def requests_to(self, fragment: str) -> list[tuple[str, str, int]]:
        with self._lock:
            return [entry for entry in self.seen if fragment in entry[1]]

    def start(self) -> FailingProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(5)
