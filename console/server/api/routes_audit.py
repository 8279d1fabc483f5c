"""The audit trail (supervisors and administrators)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from console.server.api.deps import CallerDep, QueryId, State
from console.server.api.errors import documented
from console.server.services import audit
from console.wire.audit import AuditOut, AuditPage
from console.wire.common import NO_NUL

router = APIRouter(tags=["audit"])


@router.get("/audit", response_model=AuditPage, responses=documented(401, 403, 422))
def list_audit(
    caller: CallerDep,
    state: State,
    actor_id: QueryId = None,
    action: Annotated[str | None, Query(max_length=60, pattern=NO_NUL)] = None,
    since: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=500, pattern=NO_NUL)] = None,
) -> AuditPage:
    """Newest first."""
    with state.db.read() as session:
        rows, next_cursor = audit.list_audit(
            session,
            caller,
            actor_id=actor_id,
            action=action,
            since=since,
            limit=limit,
            cursor=cursor,
        )
        items = [
            AuditOut(
                id=r.id,
                at=r.at,
                actor_id=r.actor_id,
                actor_role=r.actor_role,
                action=r.action,
                entity_type=r.entity_type,
                entity_id=r.entity_id,
                detail=r.detail or {},
            )
            for r in rows
        ]
    return AuditPage(items=items, next_cursor=next_cursor)
