"""One HTTP exchange with the backend, turned into bytes or a ``BackendError``.

This is the only module that touches ``requests`` exceptions: whatever goes wrong on the
wire (refused, reset, timed out, cut off, not HTTP at all, an error page from a proxy) leaves
here as a ``BackendError`` of the right kind. Bodies are read in full with a size cap while
the status is known, so a truncated answer still says which status it carried.
"""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import requests
import urllib3.exceptions
from pydantic import ValidationError as PydanticValidationError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from console.client.errors import (
    ERROR_CLASSES,
    AnswerProblem,
    BackendError,
    ConflictError,
    ErrorKind,
    FieldError,
    MalformedResponseError,
    ProtocolError,
    TimeoutError_,
    UnreachableError,
    ValidationError,
    kind_for_status,
)
from console.scrub import scrub
from console.wire.common import ErrorOut

logger = logging.getLogger(__name__)

Timeout = tuple[float, float]
SessionFactory = Callable[[], requests.Session]

# Methods a repeat cannot harm. POST and PATCH join them only with an Idempotency-Key.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_KEYED_METHODS = IDEMPOTENT_METHODS | {"POST", "PATCH"}
RETRY_STATUSES = (502, 503, 504)
MAX_SERVER_TEXT = 300


@dataclass(frozen=True, slots=True)
class RawAnswer:
    """A complete answer: status, media type (lower case, no parameters) and the body."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]

    @property
    def ok(self) -> bool:
        return 200 <= self.status <= 299

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        for nested in current.args:
            if isinstance(nested, BaseException) and id(nested) not in seen:
                yield from _chain(nested)
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException) and id(reason) not in seen:
            yield from _chain(reason)
        current = current.__cause__ or current.__context__


def _caused_by(exc: BaseException, *types: type[BaseException]) -> bool:
    return any(isinstance(link, types) for link in _chain(exc))


def transport_error(exc: BaseException, operation: str, status: int | None = None) -> BackendError:
    """Map an exception raised while talking HTTP to a ``BackendError``."""
    kw: dict[str, Any] = {"operation": operation, "status": status}
    if isinstance(exc, BackendError):
        return exc
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return TimeoutError_("the server did not accept the connection in time", **kw)
    if isinstance(exc, requests.exceptions.Timeout) or _caused_by(
        exc, urllib3.exceptions.ReadTimeoutError, TimeoutError
    ):
        return TimeoutError_("the server did not answer in time", **kw)
    if isinstance(exc, requests.exceptions.SSLError):
        return ProtocolError("the secure connection failed (certificate or TLS)", **kw)
    if isinstance(
        exc, requests.exceptions.ChunkedEncodingError | urllib3.exceptions.IncompleteRead
    ):
        return MalformedResponseError(
            "the answer was cut off before its end", problem=AnswerProblem.CUT_OFF, **kw
        )
    if isinstance(exc, requests.exceptions.ContentDecodingError | urllib3.exceptions.DecodeError):
        return MalformedResponseError(
            "the answer's compression is damaged", problem=AnswerProblem.DAMAGED, **kw
        )
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return ProtocolError("the server redirected too often", **kw)
    if isinstance(
        exc,
        requests.exceptions.InvalidURL
        | requests.exceptions.MissingSchema
        | requests.exceptions.InvalidSchema
        | requests.exceptions.InvalidHeader,
    ):
        return ProtocolError("the request could not be formed (check the server address)", **kw)
    if isinstance(exc, requests.exceptions.RetryError):
        return ERROR_CLASSES[ErrorKind.SERVER_ERROR]("the server kept failing", **kw)
    if _caused_by(exc, http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
        return UnreachableError("the connection closed before an answer arrived", **kw)
    if _caused_by(exc, http.client.HTTPException, urllib3.exceptions.HeaderParsingError):
        return ProtocolError("the server's answer is not valid HTTP", **kw)
    if isinstance(exc, requests.exceptions.ConnectionError | OSError):
        return UnreachableError("the server cannot be reached", **kw)
    if isinstance(exc, requests.exceptions.RequestException | urllib3.exceptions.HTTPError):
        return ProtocolError("the exchange with the server failed", **kw)
    # Anything else is a defect somewhere below us; it still must not take the console down.
    logger.error("unexpected failure during %s", operation, exc_info=exc)
    return ProtocolError("the exchange with the server failed unexpectedly", **kw)


def _clip(text: str) -> str:
    text = scrub(" ".join(text.split()))
    return text if len(text) <= MAX_SERVER_TEXT else text[: MAX_SERVER_TEXT - 1] + "…"


def error_from_answer(answer: RawAnswer, operation: str) -> BackendError:
    """The ``BackendError`` for a non-2xx answer, with the server's details when it sent any."""
    status = answer.status
    kind = kind_for_status(status)
    detail = None
    if media_type(answer.content_type) in ("application/json", "application/problem+json"):
        try:
            detail = ErrorOut.model_validate_json(answer.body).error
        except (PydanticValidationError, ValueError):
            detail = None
    code = _clip(detail.code) if detail is not None else None
    server_message = _clip(detail.message) if detail is not None else ""
    if status == 409 and code == "idempotency_conflict":
        kind = ErrorKind.CONFLICT
    message = _default_message(kind, status)
    common: dict[str, Any] = {
        "status": status,
        "code": code,
        "operation": operation,
        "server_message": server_message,
    }
    if kind is ErrorKind.CONFLICT:
        return ConflictError(
            message,
            current_state=detail.current_state if detail is not None else None,
            allowed_actions=tuple(detail.allowed_actions or ()) if detail is not None else (),
            current_version=detail.current_version if detail is not None else None,
            **common,
        )
    if kind is ErrorKind.VALIDATION:
        fields = (
            [FieldError(_clip(f.field), _clip(f.message)) for f in detail.fields[:50]]
            if detail is not None
            else []
        )
        return ValidationError(message, fields=fields, **common)
    return ERROR_CLASSES[kind](message, **common)


def _default_message(kind: ErrorKind, status: int) -> str:
    return {
        ErrorKind.UNAUTHORIZED: "sign-in needed (the session is missing or expired)",
        ErrorKind.FORBIDDEN: "this account may not do that",
        ErrorKind.NOT_FOUND: "not found on the server (or not shared with this department)",
        ErrorKind.CONFLICT: "the server refused: the item has changed or is in another state",
        ErrorKind.VALIDATION: "the server refused the input",
        ErrorKind.SERVER_ERROR: f"the server failed (HTTP {status})",
    }.get(kind, f"unexpected answer from the server (HTTP {status})")


def _retry(retries: int, methods: frozenset[str], backoff_factor: float) -> Retry:
    return Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        redirect=0,
        allowed_methods=methods,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=backoff_factor,
        backoff_max=5.0,
        raise_on_status=False,
        # A hostile or confused Retry-After could park a worker for hours.
        respect_retry_after_header=False,
    )


class Transport:
    """HTTP sessions for the client, one set per thread; see the module docstring.

    Each thread gets a session whose urllib3 ``Retry`` repeats only idempotent methods, and
    one that also repeats POST/PATCH, used only for requests carrying an ``Idempotency-Key``.
    Connection failures before a request was sent are retried for every method (nothing
    reached the server). The event stream uses a session without retries: it has its own.
    """

    def __init__(
        self,
        *,
        retries: int = 2,
        backoff_factor: float = 0.3,
        session_factory: SessionFactory = requests.Session,
    ) -> None:
        self._retries = max(0, retries)
        self._backoff = backoff_factor
        self._factory = session_factory
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[requests.Session] = []

    def session(self, kind: str) -> requests.Session:
        """The calling thread's session of ``kind``: ``plain``, ``keyed`` or ``stream``."""
        sessions: dict[str, requests.Session] | None = getattr(self._local, "sessions", None)
        if sessions is None:
            sessions = {}
            self._local.sessions = sessions
        found = sessions.get(kind)
        if found is None:
            found = self._build(kind)
            sessions[kind] = found
            with self._lock:
                self._all.append(found)
        return found

    def _build(self, kind: str) -> requests.Session:
        session = self._factory()
        # Proxies and .netrc from the environment must not redirect or re-authenticate us.
        session.trust_env = False
        if kind == "stream":
            retry = Retry(total=0, connect=0, read=0, status=0, redirect=0, raise_on_status=False)
        elif kind == "keyed":
            retry = _retry(self._retries, _KEYED_METHODS, self._backoff)
        else:
            retry = _retry(self._retries, IDEMPOTENT_METHODS, self._backoff)
        adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=4)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._all = self._all, []
        for session in sessions:
            session.close()
        self._local = threading.local()


def _size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MiB"
    return f"{limit / 1024:g} KiB"


def read_body(response: requests.Response, limit: int, operation: str) -> bytes:
    """Read a streamed response's whole body (at most ``limit`` bytes) and close it.

    An answer that declares more than ``limit`` is refused before a byte of it is read; one
    that does not declare its size is read until it passes the limit, never further.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        response.close()
        raise _too_large(limit, response.status_code, operation)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(chunk_size=min(64 * 1024, limit + 1)):
            size += len(chunk)
            if size > limit:
                raise _too_large(limit, response.status_code, operation)
            chunks.append(chunk)
    except BackendError:
        raise
    except Exception as exc:
        raise transport_error(exc, operation, response.status_code) from None
    finally:
        response.close()
    return b"".join(chunks)


def _too_large(limit: int, status: int, operation: str) -> MalformedResponseError:
    return MalformedResponseError(
        f"the answer is larger than {_size_text(limit)}",
        problem=AnswerProblem.TOO_LARGE,
        status=status,
        operation=operation,
    )
