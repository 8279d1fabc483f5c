"""Sign-in, the caller's own record, departments and the health probe."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import select

import console
from console.domain.model import Department
from console.server.api.deps import CallerDep, State
from console.server.api.errors import documented
from console.server.db.tables import DepartmentRow
from console.server.services import auth
from console.server.services.clock import utcnow
from console.server.services.errors import NotFound, Unauthenticated
from console.wire.auth import DepartmentOut, LoginIn, LoginOut, UserOut, department_out, user_out
from console.wire.common import OkOut
from console.wire.events import HealthOut

router = APIRouter()


@router.post(
    "/auth/login",
    response_model=LoginOut,
    tags=["auth"],
    responses=documented(400, 401, 422),
    summary="Sign in; returns a bearer token",
)
def login(body: LoginIn, request: Request, state: State) -> LoginOut:
    client = request.client.host if request.client else ""
    with state.db.write() as session:
        result = auth.login(
            session, body.username, body.password, ttl=state.settings.token_ttl, client=client
        )
    if result is None:
        raise Unauthenticated("wrong username or password", code="bad_credentials")
    token, expires_at, user = result
    return LoginOut(token=token, expires_at=expires_at, user=user_out(user))


@router.post(
    "/auth/logout",
    response_model=OkOut,
    tags=["auth"],
    responses=documented(400, 401),
    summary="Revoke the token this request carries",
)
def logout(request: Request, caller: CallerDep, state: State) -> OkOut:
    with state.db.write() as session:
        auth.logout(session, caller, request.state.token)
    return OkOut()


@router.get("/me", response_model=UserOut, tags=["auth"], responses=documented(401, 404))
def me(caller: CallerDep, state: State) -> UserOut:
    with state.db.read() as session:
        user = auth.get_user(session, caller.user_id)
    if user is None:
        raise NotFound("the signed-in user no longer exists")
    return user_out(user)


@router.get(
    "/departments", response_model=list[DepartmentOut], tags=["auth"], responses=documented(401)
)
def departments(caller: CallerDep, state: State) -> list[DepartmentOut]:
    with state.db.read() as session:
        rows = session.scalars(select(DepartmentRow).order_by(DepartmentRow.code))
        return [department_out(Department(id=r.id, name=r.name, code=r.code)) for r in rows]


@router.get("/health", response_model=HealthOut, tags=["meta"])
def health(state: State) -> HealthOut:
    return HealthOut(
        status="ok", version=console.__version__, demo=state.settings.demo, now=utcnow()
    )
