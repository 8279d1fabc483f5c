"""A tiny real HTTP server on loopback that answers whatever the test scripts.

``ScriptedServer`` serves every request with ``server.reply`` (a ``Reply``, or a function of
the request count returning one) and counts the requests it saw. A ``Reply`` can be a
well-formed answer, an answer cut off before its declared length, raw bytes that are not
HTTP at all, a connection closed without a word, or silence (until the client gives up).
Every answer closes the connection, so one broken reply cannot poison the next.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    """What to answer. ``mode``: ``normal``, ``truncate``, ``raw``, ``close``, ``silent``."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "application/json"
    mode: str = "normal"
    headers: tuple[tuple[str, str], ...] = field(default=())


ReplySource = Reply | Callable[[int], Reply]


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        return

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        reply = self.server.next_reply(self.command, self.path, dict(self.headers))
        self.close_connection = True
        if reply.mode == "close":
            return
        if reply.mode == "silent":
            self.server.silence.wait(30)
            return
        if reply.mode == "raw":
            self.wfile.write(reply.body)
            self.wfile.flush()
            return
        self.send_response_only(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        declared = len(reply.body) + (64 if reply.mode == "truncate" else 0)
        self.send_header("Content-Length", str(declared))
        self.send_header("Connection", "close")
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)
        self.wfile.flush()
        if reply.mode == "truncate":
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve


class ScriptedServer(ThreadingHTTPServer):
    """See the module docstring. ``requests`` lists (method, path, headers) received."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.reply: ReplySource = Reply()
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.silence = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self.serve_forever, name="scripted-http", daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def next_reply(self, method: str, path: str, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append((method, path, headers))
            count = len(self.requests)
            source = self.reply
        return source(count) if callable(source) else source

    def script(self, reply: ReplySource) -> None:
        with self._lock:
            self.reply = reply
            self.requests = []

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.silence.set()
        self.shutdown()
        self.server_close()
        self._thread.join(5)
