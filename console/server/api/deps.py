"""Dependencies shared by the routers: the server state, the caller, idempotent writes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session

from console.server.api.state import ServerState
from console.server.services import auth, idempotency
from console.server.services.caller import Caller
from console.server.services.errors import Invalid, PayloadTooLarge, Unauthenticated
from console.server.services.media import Upload
from console.wire.common import NO_NUL

_bearer = HTTPBearer(
    auto_error=False,
    description="A token from POST /auth/login, sent as `Authorization: Bearer <token>`.",
)


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.tianmu
    return state


State = Annotated[ServerState, Depends(get_state)]


def current_caller(
    request: Request,
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    if credentials is None or not credentials.credentials:
        raise Unauthenticated("sign in first (Authorization: Bearer <token>)")
    with state.db.read() as session:
        caller = auth.authenticate(session, credentials.credentials)
    request.state.token = credentials.credentials
    return caller


CallerDep = Annotated[Caller, Depends(current_caller)]

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="Repeat a request safely: the same key (per user) returns the first "
        "answer and changes nothing.",
    ),
]

_NUL = re.compile("\x00")

PathId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[^\x00]+$")]
"""An entity id in a path."""

QueryId = Annotated[str | None, Query(max_length=64, pattern=NO_NUL)]
"""An optional entity id in a query string."""

QueryText = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]
"""An optional search text in a query string."""


def write(
    state: ServerState,
    caller: Caller,
    key: str | None,
    request: Request,
    payload: str,
    work: Callable[[Session], tuple[int, BaseModel]],
) -> Response:
    """Run ``work`` as one idempotent write transaction and answer with its JSON."""
    request_hash = idempotency.fingerprint(request.method, request.url.path, payload)
    answer = idempotency.run(state.db, caller, key, request.method, request_hash, work)
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else None
    return Response(
        content=answer.body,
        status_code=answer.status,
        media_type="application/json",
        headers=headers,
    )


def clean_text(value: str, field: str, *, max_length: int = 10_000) -> str:
    """Form text checked like JSON text fields (length, no NUL)."""
    if _NUL.search(value):
        raise Invalid(field, "must not contain NUL characters")
    if len(value) > max_length:
        raise Invalid(field, f"at most {max_length} characters")
    return value


def read_upload(upload: object, field: str, max_bytes: int) -> Upload:
    """The bytes of one multipart file, refusing anything larger than ``max_bytes``."""
    from starlette.datastructures import UploadFile

    if not isinstance(upload, UploadFile):
        raise Invalid(field, "expected a file")
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"{field} is larger than {max_bytes} bytes")
    return Upload(
        filename=upload.filename or "",
        content_type=upload.content_type or "",
        data=data,
    )


_known_queries: dict[int, frozenset[str]] = {}


def forbid_unknown_query(request: Request) -> None:
    """Refuse query parameters the operation does not declare (strict input, like bodies)."""
    from fastapi.routing import APIRoute

    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _known_queries.get(id(route))
    if known is None:
        known = frozenset(_query_names(route.dependant))
        _known_queries[id(route)] = known
    unknown = sorted(set(request.query_params.keys()) - known)
    if unknown:
        raise Invalid(unknown[0], "unknown query parameter")


def _query_names(dependant: Any) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names
