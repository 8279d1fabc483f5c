"""Video patrol plans and the records operators file after walking them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.domain.model import PatrolEntry, PatrolPlan, PatrolRecord, PatrolVerdict, Role
from console.server.db.tables import PatrolPlanRow, PatrolRecordRow
from console.server.services import audit
from console.server.services.caller import Caller
from console.server.services.cameras import check_visible
from console.server.services.clock import new_id
from console.server.services.errors import Forbidden, Invalid, NotFound


def plan_of(row: PatrolPlanRow) -> PatrolPlan:
    return PatrolPlan(
        id=row.id,
        name=row.name,
        camera_ids=tuple(row.camera_ids),
        dwell_s=row.dwell_s,
        owner_id=row.owner_id,
    )


def _may_see_all(caller: Caller) -> bool:
    return caller.role in (Role.SUPERVISOR, Role.ADMIN)


def list_plans(session: Session, caller: Caller) -> list[PatrolPlan]:
    """Shared plans (no owner), the caller's own, and for supervisors everyone's."""
    query = select(PatrolPlanRow).order_by(PatrolPlanRow.name, PatrolPlanRow.id)
    if not _may_see_all(caller):
        query = query.where(
            or_(PatrolPlanRow.owner_id.is_(None), PatrolPlanRow.owner_id == caller.user_id)
        )
    return [plan_of(row) for row in session.scalars(query)]


def _plan_row(session: Session, caller: Caller, plan_id: str) -> PatrolPlanRow:
    row = session.get(PatrolPlanRow, plan_id)
    if row is None or not (_may_see_all(caller) or row.owner_id in (None, caller.user_id)):
        raise NotFound(f"no patrol plan {plan_id}")
    return row


def get_plan(session: Session, caller: Caller, plan_id: str) -> PatrolPlan:
    return plan_of(_plan_row(session, caller, plan_id))


def create_plan(
    session: Session, caller: Caller, *, name: str, camera_ids: list[str], dwell_s: int
) -> PatrolPlan:
    caller.require(Role.OPERATOR, Role.SUPERVISOR)
    cameras = check_visible(session, caller, camera_ids, field="camera_ids")
    row = PatrolPlanRow(
        id=new_id(), name=name.strip(), camera_ids=cameras, dwell_s=dwell_s, owner_id=caller.user_id
    )
    session.add(row)
    audit.record(session, caller, "patrol_plan.create", entity_type="patrol_plan", entity_id=row.id)
    return plan_of(row)


def update_plan(
    session: Session,
    caller: Caller,
    plan_id: str,
    *,
    name: str,
    camera_ids: list[str],
    dwell_s: int,
) -> PatrolPlan:
    caller.require(Role.OPERATOR, Role.SUPERVISOR)
    row = _plan_row(session, caller, plan_id)
    if row.owner_id not in (caller.user_id,) and caller.role is not Role.SUPERVISOR:
        raise Forbidden("only the owner or a supervisor changes a plan")
    row.camera_ids = check_visible(session, caller, camera_ids, field="camera_ids")
    row.name = name.strip()
    row.dwell_s = dwell_s
    audit.record(session, caller, "patrol_plan.update", entity_type="patrol_plan", entity_id=row.id)
    return plan_of(row)


def record_of(row: PatrolRecordRow) -> PatrolRecord:
    return PatrolRecord(
        id=row.id,
        plan_id=row.plan_id,
        operator_id=row.operator_id,
        started_at=row.started_at,
        finished_at=row.finished_at,
        entries=tuple(
            PatrolEntry(
                camera_id=e["camera_id"],
                seen_at=datetime.fromisoformat(e["seen_at"]),
                dwell_s=float(e["dwell_s"]),
                verdict=PatrolVerdict(e["verdict"]),
                note=e.get("note", ""),
                # Rows written before multi-screen patrol lack these.
                screen=e.get("screen"),
                monitor=e.get("monitor"),
                tile=e.get("tile"),
                live_s=e.get("live_s"),
            )
            for e in row.entries
        ),
    )


def create_record(
    session: Session,
    caller: Caller,
    *,
    plan_id: str | None,
    started_at: datetime,
    finished_at: datetime | None,
    entries: list[PatrolEntry],
) -> PatrolRecord:
    caller.require(Role.OPERATOR, Role.SUPERVISOR)
    if plan_id is not None:
        try:
            _plan_row(session, caller, plan_id)
        except NotFound:
            raise Invalid("plan_id", f"no patrol plan {plan_id}") from None
    if finished_at is not None and finished_at < started_at:
        raise Invalid("finished_at", "a patrol cannot finish before it started")
    check_visible(session, caller, [e.camera_id for e in entries], field="entries.camera_id")
    row = PatrolRecordRow(
        id=new_id(),
        plan_id=plan_id,
        operator_id=caller.user_id,
        started_at=started_at,
        finished_at=finished_at,
        entries=[
            {
                "camera_id": e.camera_id,
                "seen_at": e.seen_at.isoformat(),
                "dwell_s": e.dwell_s,
                "verdict": e.verdict.value,
                "note": e.note,
                "screen": e.screen,
                "monitor": e.monitor,
                "tile": e.tile,
                "live_s": e.live_s,
            }
            for e in entries
        ],
    )
    session.add(row)
    audit.record(
        session,
        caller,
        "patrol_record.create",
        entity_type="patrol_record",
        entity_id=row.id,
        detail={"plan_id": plan_id, "entries": len(entries)},
    )
    return record_of(row)


def list_records(
    session: Session, caller: Caller, *, operator_id: str | None, limit: int
) -> list[PatrolRecord]:
    """Operators see their own records; supervisors and administrators anyone's."""
    if not _may_see_all(caller):
        if operator_id not in (None, caller.user_id):
            raise Forbidden("operators see their own patrol records only")
        operator_id = caller.user_id
    query = select(PatrolRecordRow).order_by(PatrolRecordRow.started_at.desc()).limit(limit)
    if operator_id:
        query = query.where(PatrolRecordRow.operator_id == operator_id)
    return [record_of(row) for row in session.scalars(query)]
