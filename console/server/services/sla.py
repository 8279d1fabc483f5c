"""The time-limit sweep: incidents move through yellow, orange, red and overdue, climb the
overdue ladder and escalate up the grid as the server's clock passes their instants.

The state is derived from persisted times (the report, the deadline with any granted delay)
and compared with what was last recorded on the row, so a server that was down catches up on
its first sweep and nothing is recorded twice. Each change is one write: the incident's SLA
timeline grows (``sla_history``), its version grows, an audit line records it and an
``incident.changed`` event announces it. Who may read the incident receives that event.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.categories import category
from console.domain.incident import (
    SLA_TIMED_STATES,
    Incident,
    IncidentState,
    sla_update,
)
from console.domain.sla import (
    GRID_ORDER,
    GridLevel,
    automatic_escalations,
    grid_up,
    ladder_at,
    level_at,
    sla_times,
)
from console.server.db.database import Database
from console.server.db.tables import IncidentRow
from console.server.services import audit, incidents
from console.server.services.clock import utcnow
from console.wire.events import EventType

logger = logging.getLogger(__name__)

BATCH = 200
"""Incidents changed per transaction: writers are not held up for long."""


def _behind(
    code: str,
    created_at: datetime,
    due_at: datetime,
    level: str,
    ladder: str,
    escalation: str | None,
    now: datetime,
) -> bool:
    """Whether the recorded level, rung or grid level of an incident is behind ``now``."""
    item = category(code)
    times = sla_times(created_at, due_at, item.policy)
    if level_at(times, now).value != level or ladder_at(times, now).value != ladder:
        return True
    if escalation is None:
        return True
    automatic = grid_up(item.start_level, automatic_escalations(times, now))
    return GRID_ORDER.index(automatic) > GRID_ORDER.index(GridLevel(escalation))


def _candidates(session: Session, now: datetime) -> list[str]:
    """Ids of running incidents whose recorded time-limit state is behind ``now``."""
    timed = [state.value for state in SLA_TIMED_STATES]
    query = select(
        IncidentRow.id,
        IncidentRow.category,
        IncidentRow.created_at,
        IncidentRow.due_at,
        IncidentRow.sla_level,
        IncidentRow.ladder,
        IncidentRow.escalation,
    ).where(IncidentRow.state.in_(timed), IncidentRow.due_at.is_not(None))
    return [
        str(incident_id)
        for incident_id, code, created_at, due_at, level, ladder, escalation in session.execute(
            query
        )
        if due_at is not None and _behind(code, created_at, due_at, level, ladder, escalation, now)
    ]


def _record(session: Session, before: Incident, after: Incident) -> None:
    audit.record(
        session,
        None,
        "incident.sla",
        entity_type="incident",
        entity_id=after.id,
        detail={
            "level": after.sla_level.value,
            "ladder": after.ladder.value,
            "escalation": after.escalation.value if after.escalation else None,
            "steps": [
                {"kind": step.kind.value, "value": step.value, "at": step.at.isoformat()}
                for step in after.sla_history[len(before.sla_history) :]
            ],
            "version": after.version,
        },
        at=after.updated_at,
    )


def advance(session: Session, row: IncidentRow, now: datetime) -> Incident | None:
    """Bring one incident's time-limit state up to ``now``; the changed incident, or None."""
    if IncidentState(row.state) not in SLA_TIMED_STATES:
        return None
    before = incidents.incident_of(row)
    updated = sla_update(before, now)
    if updated is before:
        return None
    after = incidents.stamped(updated, now)
    incidents.save(session, row, after)
    _record(session, before, after)
    incidents.announce(session, after, EventType.INCIDENT_CHANGED)
    return after


def sweep(db: Database, now: datetime | None = None) -> int:
    """One pass over the running incidents; returns how many changed."""
    moment = now or utcnow()
    with db.read() as session:
        pending = _candidates(session, moment)
    changed = 0
    for start in range(0, len(pending), BATCH):
        with db.write() as session:
            for row in incidents.lock_rows(session, pending[start : start + BATCH]):
                if advance(session, row, moment) is not None:
                    changed += 1
    if changed:
        logger.info("time limits: %s incidents moved on", changed)
    return changed
