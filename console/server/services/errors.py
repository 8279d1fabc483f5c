"""Failures the service layer reports, each with an HTTP status and a stable code."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A refusal with an HTTP ``status``, a machine-readable ``code`` and extra body fields."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        fields: list[tuple[str, str]] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.fields = fields or []
        self.extra = extra


class Unauthenticated(ApiError):
    status = 401
    code = "unauthenticated"


class Forbidden(ApiError):
    status = 403
    code = "forbidden"


class NotFound(ApiError):
    status = 404
    code = "not_found"


class Conflict(ApiError):
    status = 409
    code = "conflict"


class Invalid(ApiError):
    """Input that parses but does not make sense (unknown reference, bad combination)."""

    status = 422
    code = "validation_error"

    def __init__(self, field: str, message: str, **extra: Any) -> None:
        super().__init__(message, fields=[(field, message)], **extra)


class PayloadTooLarge(ApiError):
    status = 413
    code = "payload_too_large"


class Unavailable(ApiError):
    status = 503
    code = "unavailable"
