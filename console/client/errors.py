"""Every way a call to the backend can fail, as one exception family with a ``kind``.

Callers (the outbox delivery, the synchroniser, the GUI) decide what to do from ``kind``
alone: retry later, ask the operator to sign in, show the server's reason and offer to fix
or discard, or report a broken answer. ``message`` is English for the log; the GUI words
its own text from ``kind`` and the structured fields. No message ever carries a request or
response body, so nothing secret leaks into a log line or a dialog.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class ErrorKind(enum.StrEnum):
    UNREACHABLE = "unreachable"  # no connection (refused, reset, DNS, closed before answering)
    TIMEOUT = "timeout"  # connected, but no answer in time
    UNAUTHORIZED = "unauthorized"  # 401: sign in (again)
    FORBIDDEN = "forbidden"  # 403: the role or department may not do this
    NOT_FOUND = "not_found"  # 404: gone, or not shared with this department
    CONFLICT = "conflict"  # 409/412: the entity's state does not allow it (now)
    VALIDATION = "validation"  # 422/413: the input was refused; ``fields`` says which
    SERVER_ERROR = "server_error"  # 5xx or 429: the server failed or is overloaded
    MALFORMED_RESPONSE = "malformed_response"  # an answer we cannot read or that breaks the schema
    PROTOCOL = "protocol"  # not HTTP as we speak it: bad status line, redirect, 400, 405, ...


class AnswerProblem(enum.StrEnum):
    """What is wrong with an answer of kind ``MALFORMED_RESPONSE``, so that the operator can
    be told what happened rather than a status that looks like success."""

    NOT_JSON = "not_json"  # HTML or anything else: probably not a Tianmu server at all
    INVALID_JSON = "invalid_json"  # said JSON, but is not
    SCHEMA = "schema"  # JSON, but not the shape this console speaks (another version?)
    TOO_LARGE = "too_large"  # larger than any answer to that request can be
    CUT_OFF = "cut_off"  # the connection ended before the answer did
    DAMAGED = "damaged"  # compression or checksum broken
    OTHER = "other"


# Failures worth trying again later without changing the request.
RETRYABLE_KINDS = frozenset(
    {
        ErrorKind.UNREACHABLE,
        ErrorKind.TIMEOUT,
        ErrorKind.SERVER_ERROR,
        ErrorKind.MALFORMED_RESPONSE,
    }
)


@dataclass(frozen=True, slots=True)
class FieldError:
    """One refused input: ``field`` is a dotted path such as ``title`` or ``entries.0.dwell_s``."""

    field: str
    message: str


class BackendError(Exception):
    """A failed backend call. See ``ErrorKind`` for the kinds.

    ``status`` is the HTTP status when an answer arrived, ``code`` the server's stable
    machine-readable error code when it sent one (``illegal_transition``, ``camera_offline``,
    ...), ``operation`` a short description such as ``GET /incidents/7`` (no query string).
    """

    kind: ErrorKind = ErrorKind.PROTOCOL

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        operation: str = "",
        server_message: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.operation = operation
        self.server_message = server_message

    @property
    def retryable(self) -> bool:
        """Whether the same request may succeed later (network, overload, server fault)."""
        return self.kind in RETRYABLE_KINDS

    @property
    def reason(self) -> str:
        """The server's reason in one line (code and message), for an operator's queue entry."""
        parts = [part for part in (self.code, self.server_message) if part]
        return ": ".join(parts) if parts else self.message

    def __str__(self) -> str:
        where = f" ({self.operation})" if self.operation else ""
        return f"{self.kind.value}: {self.message}{where}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(kind={self.kind.value!r}, status={self.status!r}, "
            f"code={self.code!r}, message={self.message!r})"
        )


class UnreachableError(BackendError):
    kind = ErrorKind.UNREACHABLE


class TimeoutError_(BackendError):
    """The server did not answer in time (named so it cannot shadow the builtin)."""

    kind = ErrorKind.TIMEOUT


class UnauthorizedError(BackendError):
    kind = ErrorKind.UNAUTHORIZED


class ForbiddenError(BackendError):
    kind = ErrorKind.FORBIDDEN


class NotFoundError(BackendError):
    kind = ErrorKind.NOT_FOUND


class ConflictError(BackendError):
    """The entity's state forbids the request; ``allowed_actions`` says what it does allow."""

    kind = ErrorKind.CONFLICT

    def __init__(
        self,
        message: str,
        *,
        current_state: str | None = None,
        allowed_actions: Sequence[str] = (),
        current_version: int | None = None,
        status: int | None = None,
        code: str | None = None,
        operation: str = "",
        server_message: str = "",
    ) -> None:
        super().__init__(
            message,
            status=status,
            code=code,
            operation=operation,
            server_message=server_message,
        )
        self.current_state = current_state
        self.allowed_actions = tuple(allowed_actions)
        self.current_version = current_version

    @property
    def reason(self) -> str:
        text = super().reason
        if self.current_state:
            text += f" (state: {self.current_state}"
            if self.allowed_actions:
                text += f"; allowed: {', '.join(self.allowed_actions)}"
            text += ")"
        return text


class ValidationError(BackendError):
    """The server refused the input; ``fields`` lists which fields and why."""

    kind = ErrorKind.VALIDATION

    def __init__(
        self,
        message: str,
        *,
        fields: Sequence[FieldError] = (),
        status: int | None = None,
        code: str | None = None,
        operation: str = "",
        server_message: str = "",
    ) -> None:
        super().__init__(
            message,
            status=status,
            code=code,
            operation=operation,
            server_message=server_message,
        )
        self.fields = tuple(fields)

    @property
    def reason(self) -> str:
        text = super().reason
        if self.fields:
            text += " (" + "; ".join(f"{f.field}: {f.message}" for f in self.fields[:5]) + ")"
        return text


class ServerError(BackendError):
    kind = ErrorKind.SERVER_ERROR


class MalformedResponseError(BackendError):
    """An answer that cannot be used; ``problem`` says in what way."""

    kind = ErrorKind.MALFORMED_RESPONSE

    def __init__(
        self, message: str, *, problem: AnswerProblem = AnswerProblem.OTHER, **details: Any
    ) -> None:
        super().__init__(message, **details)
        self.problem = problem


class ProtocolError(BackendError):
    kind = ErrorKind.PROTOCOL


ERROR_CLASSES: dict[ErrorKind, type[BackendError]] = {
    ErrorKind.UNREACHABLE: UnreachableError,
    ErrorKind.TIMEOUT: TimeoutError_,
    ErrorKind.UNAUTHORIZED: UnauthorizedError,
    ErrorKind.FORBIDDEN: ForbiddenError,
    ErrorKind.NOT_FOUND: NotFoundError,
    ErrorKind.CONFLICT: ConflictError,
    ErrorKind.VALIDATION: ValidationError,
    ErrorKind.SERVER_ERROR: ServerError,
    ErrorKind.MALFORMED_RESPONSE: MalformedResponseError,
    ErrorKind.PROTOCOL: ProtocolError,
}


def kind_for_status(status: int) -> ErrorKind:
    """The kind of a non-2xx answer, from its status alone."""
    if status == 401:
        return ErrorKind.UNAUTHORIZED
    if status == 403:
        return ErrorKind.FORBIDDEN
    if status in (404, 410):
        return ErrorKind.NOT_FOUND
    if status in (409, 412):
        return ErrorKind.CONFLICT
    if status in (413, 422):
        return ErrorKind.VALIDATION
    if status == 429 or 500 <= status <= 599:
        return ErrorKind.SERVER_ERROR
    return ErrorKind.PROTOCOL


__all__ = [
    "ERROR_CLASSES",
    "AnswerProblem",
    "RETRYABLE_KINDS",
    "BackendError",
    "ConflictError",
    "ErrorKind",
    "FieldError",
    "ForbiddenError",
    "MalformedResponseError",
    "NotFoundError",
    "ProtocolError",
    "ServerError",
    "TimeoutError_",
    "UnauthorizedError",
    "UnreachableError",
    "ValidationError",
    "kind_for_status",
]
