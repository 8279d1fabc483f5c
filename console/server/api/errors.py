"""Every error leaves the server as an ``ErrorOut`` body with a stable code."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from console.server.services.errors import ApiError
from console.wire.common import ErrorDetail, ErrorOut, FieldErrorOut

logger = logging.getLogger(__name__)

_LOCATIONS = {"body", "query", "path", "header", "cookie", "form"}

_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
}


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    fields: list[tuple[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    detail = ErrorDetail(
        code=code,
        message=message,
        fields=[FieldErrorOut(field=f, message=m) for f, m in fields or []],
        **extra,
    )
    body = ErrorOut(error=detail).model_dump(mode="json", exclude_none=True)
    return JSONResponse(body, status_code=status, headers=headers)


def _field_name(location: tuple[Any, ...]) -> str:
    parts = list(location)
    if len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(str(part) for part in parts) or "body"


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(
        exc.status, exc.code, exc.message, fields=exc.fields, headers=headers, **exc.extra
    )


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = [(_field_name(tuple(e.get("loc", ()))), str(e.get("msg", ""))) for e in exc.errors()]
    return error_response(422, "validation_error", "the request is not valid", fields=fields)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "error"
    message = exc.detail if isinstance(exc.detail, str) else phrase
    return error_response(
        status,
        _CODES.get(status, phrase.lower().replace(" ", "_")),
        message,
        headers=getattr(exc, "headers", None),
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "the server failed; the error is logged")


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the error statuses a route may answer.

    422 is always included: any parameter can be malformed, and the body is ``ErrorOut``
    (not FastAPI's default validation schema).
    """
    out: dict[int | str, dict[str, Any]] = {}
    for status in sorted({*statuses, 422}):
        out[status] = {"model": ErrorOut, "description": HTTPStatus(status).phrase}
    return out
