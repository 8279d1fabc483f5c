"""The append-only audit trail: written beside the action it records, in the same transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.model import Role
from console.server.db.tables import AuditRow
from console.server.services.caller import Caller
from console.server.services.clock import utcnow
from console.server.services.errors import Invalid
from console.server.services.paging import decode_cursor, encode_cursor


def record(
    session: Session,
    caller: Caller | None,
    action: str,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Append one audit line. There is deliberately no way here to change or remove one."""
    session.add(
        AuditRow(
            at=at or utcnow(),
            actor_id=caller.user_id if caller else None,
            actor_role=caller.role.value if caller else None,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            detail=detail or {},
        )
    )


def list_audit(
    session: Session,
    caller: Caller,
    *,
    actor_id: str | None,
    action: str | None,
    since: datetime | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[AuditRow], str | None]:
    caller.require(Role.SUPERVISOR, Role.ADMIN)
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit + 1)
    if actor_id:
        query = query.where(AuditRow.actor_id == actor_id)
    if action:
        query = query.where(AuditRow.action == action)
    if since is not None:
        query = query.where(AuditRow.at >= since)
    if cursor:
        (before,) = decode_cursor(cursor, 1)
        if not isinstance(before, int):
            raise Invalid("cursor", "not a cursor this server issued")
        query = query.where(AuditRow.id < before)
    rows = list(session.scalars(query))
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return rows[:limit], next_cursor
