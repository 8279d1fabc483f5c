"""A guard in front of every route: JSON bodies nested deeper than any schema are refused.

Python's JSON decoder recurses once per level, so a body of a few thousand brackets ends in
``RecursionError`` wherever it is parsed (FastAPI's body reader, a route's own parser).
No request schema nests more than a few levels, so the guard counts brackets before any
parser runs and answers 422 with a clear message instead. Only bodies that may be JSON are
looked at (a JSON media type, or none); multipart uploads stream through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from console.server.api.errors import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_JSON_DEPTH = 32
"""Far above the deepest request schema, far below the decoder's recursion limit."""

_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})
# A JSON string (escapes included), or one bracket outside strings.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_OPENERS = frozenset(b"[{")


def nesting_depth(body: bytes, *, stop_above: int | None = None) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a scalar).

    Counting stops as soon as ``stop_above`` is exceeded. Malformed text gets an estimate;
    the parser refuses it later anyway.
    """
    depth = deepest = 0
    for token in _TOKENS.finditer(body):
        first = token.group()[0]
        if first in _OPENERS:
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop_above is not None and deepest > stop_above:
                    break
        elif first != ord('"'):
            depth = max(0, depth - 1)
    return deepest


def _may_be_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-type":
            media_type = bytes(value).split(b";")[0].strip().lower()
            if media_type:
                return media_type == b"application/json" or media_type.endswith(b"+json")
    return True  # no content type: FastAPI reads the body as JSON


class JsonDepthGuard:
    """ASGI middleware refusing JSON bodies nested deeper than ``max_depth`` with 422."""

    def __init__(self, app: App, max_depth: int = MAX_JSON_DEPTH) -> None:
        self.app = app
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("method") not in _WITH_BODY
            or not _may_be_json(scope)
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client is gone: nobody to answer
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if nesting_depth(body, stop_above=self.max_depth) > self.max_depth:
            response = error_response(
                422,
                "validation_error",
                f"the JSON body is nested deeper than {self.max_depth} levels",
                fields=[("body", f"nested deeper than {self.max_depth} levels")],
            )
            await response(scope, receive, send)
            return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
