"""Live events: written in the same transaction as the change they announce.

Ids come from the table's auto-increment and only grow. A reader that resumes "after id N"
must never miss an event that commits later with a smaller id, so on PostgreSQL every
transaction that writes events first takes one advisory lock, held to commit: event ids are
then handed out in commit order. (SQLite writers are serialised by ``BEGIN IMMEDIATE``.)
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from console.server.db.database import EVENTS_WRITTEN
from console.server.db.tables import EventRow
from console.server.services.clock import utcnow
from console.wire.events import EventType

PG_CHANNEL = "tianmu_events"
_PG_EVENT_LOCK = 0x7469616E6D75  # "tianmu"


def emit(
    session: Session,
    event_type: EventType,
    payload: BaseModel,
    *,
    camera_id: str | None = None,
    unit_ids: Iterable[str] = (),
    incident_id: str | None = None,
) -> None:
    """Queue one event; it becomes visible when the surrounding transaction commits.

    ``camera_id`` limits it to those who may see the camera; ``incident_id`` to those who
    may read the incident when the event is sent (the stream checks the read rule then).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_EVENT_LOCK})
        # Delivered at commit to every server process listening (see server.notifier).
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": PG_CHANNEL})
    units = sorted(set(unit_ids))
    session.add(
        EventRow(
            type=event_type.value,
            at=utcnow(),
            data=payload.model_dump_json(),
            scope_camera_id=camera_id,
            scope_unit_ids=",".join(units) if units else None,
            scope_incident_id=incident_id,
        )
    )
    session.info[EVENTS_WRITTEN] = True


def after(session: Session, last_id: int, limit: int) -> list[EventRow]:
    """Events with id greater than ``last_id``, oldest first."""
    query = select(EventRow).where(EventRow.id > last_id).order_by(EventRow.id).limit(limit)
    return list(session.scalars(query))


def bounds(session: Session) -> tuple[int | None, int | None]:
    """The smallest and largest retained event id (None, None when there are none)."""
    low, high = session.execute(select(func.min(EventRow.id), func.max(EventRow.id))).one()
    return low, high


def needs_reset(last_id: int, low: int | None, high: int | None) -> bool:
    """Whether a client that has seen everything up to ``last_id`` can no longer catch up."""
    if low is None or high is None:
        return last_id > 0
    return last_id < low - 1 or last_id > high


def prune(session: Session, keep: int) -> int:
    """Drop all but the newest ``keep`` (at least one) events; returns how many went."""
    high = session.scalar(select(func.max(EventRow.id)))
    if high is None:
        return 0
    cutoff = high - max(keep, 1)
    result = session.execute(delete(EventRow).where(EventRow.id <= cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
