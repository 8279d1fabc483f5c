"""Units: the tree of linked units, town teams and members, with status and position."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.model import GeoPoint, Role, Unit, UnitKind, UnitStatus
from console.server.db.tables import UnitRow
from console.server.services import events
from console.server.services.caller import Caller
from console.server.services.clock import utcnow
from console.server.services.errors import Forbidden, Invalid, NotFound
from console.wire.events import EventType
from console.wire.units import unit_out


def unit_of(row: UnitRow) -> Unit:
    position = GeoPoint(row.lat, row.lon) if row.lat is not None and row.lon is not None else None
    return Unit(
        id=row.id,
        name=row.name,
        kind=UnitKind(row.kind),
        parent_id=row.parent_id,
        department_id=row.department_id,
        status=UnitStatus(row.status),
        position=position,
        status_since=row.status_since,
    )


def list_units(session: Session) -> list[Unit]:
    return [unit_of(row) for row in session.scalars(select(UnitRow).order_by(UnitRow.id))]


def subtree_ids(session: Session, unit_id: str) -> set[str]:
    """``unit_id`` and every unit below it (teams and members of a linked unit or town)."""
    children: dict[str | None, list[str]] = {}
    for uid, parent in session.execute(select(UnitRow.id, UnitRow.parent_id)):
        children.setdefault(parent, []).append(uid)
    found: set[str] = set()
    pending = [unit_id]
    while pending:
        current = pending.pop()
        if current not in found:
            found.add(current)
            pending.extend(children.get(current, ()))
    return found


def get_unit(session: Session, unit_id: str) -> Unit:
    row = session.get(UnitRow, unit_id)
    if row is None:
        raise NotFound(f"no unit {unit_id}")
    return unit_of(row)


def report_status(
    session: Session,
    caller: Caller,
    unit_id: str,
    *,
    status: UnitStatus,
    lat: float | None,
    lon: float | None,
    note: str = "",
) -> Unit:
    """A status and/or position report. Unit users report for their own unit and the teams
    and members under it; duty staff and administrators (field ingest) for any. Emits unit.status when the status
    changed, otherwise unit.moved when the position did."""
    row = session.get(UnitRow, unit_id, with_for_update=True)
    if row is None:
        raise NotFound(f"no unit {unit_id}")
    if caller.role is Role.UNIT and (
        caller.unit_id is None or unit_id not in subtree_ids(session, caller.unit_id)
    ):
        raise Forbidden("unit users report for their own unit only")
    if (lat is None) != (lon is None):
        raise Invalid("lat" if lat is None else "lon", "give both lat and lon, or neither")
    status_changed = row.status != status.value
    moved = lat is not None and (row.lat, row.lon) != (lat, lon)
    if status_changed:
        row.status = status.value
        row.status_since = utcnow()
    if moved:
        row.lat, row.lon = lat, lon
    unit = unit_of(row)
    if status_changed:
        events.emit(session, EventType.UNIT_STATUS, unit_out(unit))
    elif moved:
        events.emit(session, EventType.UNIT_MOVED, unit_out(unit))
    return unit
