"""Cached regions, cameras and units: the slowly changing catalogue of the city.

Callers give and get ``console.domain`` values; rows never leave this module. Bulk loads
go through Core ``executemany`` (no ORM unit of work), which keeps a 50,000-camera refresh
well under a second.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Row, Select, Table, delete, func, literal, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console.domain.model import (
    Camera,
    CameraKind,
    CameraStatus,
    GeoPoint,
    Region,
    RegionKind,
    Unit,
    UnitKind,
    UnitStatus,
)
from console.store.cache_schema import CacheBase, CameraRow, RegionRow, UnitRow
from console.store.sessions import Sessions

logger = logging.getLogger(__name__)

_BATCH = 5_000


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def table_of(model: type[CacheBase]) -> Table:
    """The Core table behind a mapped class (for bulk statements without the ORM)."""
    return cast(Table, model.__table__)


def upsert_rows(session: Session, model: type[CacheBase], rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, replacing every column of rows whose primary key exists."""
    if not rows:
        return
    table = table_of(model)
    statement = sqlite_insert(table)
    keys = [column.name for column in table.primary_key.columns]
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: statement.excluded[name] for name in rows[0] if name not in keys},
    )
    for start in range(0, len(rows), _BATCH):
        session.execute(statement, list(rows[start : start + _BATCH]))


def replace_rows(session: Session, model: type[CacheBase], rows: Sequence[dict[str, Any]]) -> None:
    """Make the table hold exactly ``rows`` (a full refresh from the server)."""
    table = table_of(model)
    session.execute(delete(table))
    for start in range(0, len(rows), _BATCH):
        session.execute(table.insert(), list(rows[start : start + _BATCH]))


# ---------------------------------------------------------------------- regions


def _region_row(region: Region) -> dict[str, Any]:
    return {
        "id": region.id,
        "code": region.code,
        "name": region.name,
        "kind": region.kind.value,
        "parent_id": region.parent_id,
        "lat": region.center.lat,
        "lon": region.center.lon,
    }


def _region(row: Row[Any]) -> Region:
    return Region(
        id=row.id,
        code=row.code,
        name=row.name,
        kind=RegionKind(row.kind),
        parent_id=row.parent_id,
        center=GeoPoint(row.lat, row.lon),
    )


class RegionCache:
    """The administrative tree (city, towns, villages) as last fetched."""

    def __init__(self, database: Sessions) -> None:
        self._db = database

    def replace_all(self, regions: Iterable[Region]) -> None:
        with self._db.write() as session:
            replace_rows(session, RegionRow, [_region_row(r) for r in regions])

    def upsert(self, regions: Iterable[Region]) -> None:
        with self._db.write() as session:
            upsert_rows(session, RegionRow, [_region_row(r) for r in regions])

    def get(self, region_id: str) -> Region | None:
        with self._db.read() as session:
            row = session.execute(select(RegionRow.__table__).where(RegionRow.id == region_id))
            found = row.first()
            return _region(found) if found is not None else None

    def all(self) -> list[Region]:
        """Every region by code (statistical codes are hierarchical: parents come first)."""
        with self._db.read() as session:
            rows = session.execute(select(RegionRow.__table__).order_by(RegionRow.code)).all()
        return [_region(row) for row in rows]

    def subtree_ids(self, root_id: str) -> set[str]:
        """``root_id`` and the ids of every region below it."""
        with self._db.read() as session:
            return set(session.scalars(select(subtree(root_id).c.id)))


def subtree(root_id: str) -> Any:
    """A recursive CTE of ``root_id`` and its descendants (column ``id``)."""
    tree = select(literal(root_id).label("id")).cte("region_tree", recursive=True)
    tree = tree.union_all(select(RegionRow.id).where(RegionRow.parent_id == tree.c.id))
    return tree


# ---------------------------------------------------------------------- cameras


def _camera_row(camera: Camera) -> dict[str, Any]:
    return {
        "id": camera.id,
        "name": camera.name,
        "kind": camera.kind.value,
        "region_id": camera.region_id,
        "lat": camera.position.lat,
        "lon": camera.position.lon,
        "status": camera.status.value,
        "owner_department_id": camera.owner_department_id,
        "shared_with": json.dumps(sorted(camera.shared_with)),
        "ptz": camera.ptz,
        "heading_deg": camera.heading_deg,
        "fov_deg": camera.fov_deg,
    }


_CAMERA_KINDS = {kind.value: kind for kind in CameraKind}
_CAMERA_STATUSES = {status.value: status for status in CameraStatus}
_NOBODY: frozenset[str] = frozenset()


def _camera(row: Any) -> Camera:
    # Called 50,000 times for a full tree: positional unpacking and dictionary look-ups
    # instead of attribute access and Enum() calls.
    (camera_id, name, kind, region_id, lat, lon, status, owner, shared, ptz, heading, fov) = row
    return Camera(
        id=camera_id,
        name=name,
        kind=_CAMERA_KINDS[kind],
        region_id=region_id,
        position=GeoPoint(lat, lon),
        status=_CAMERA_STATUSES[status],
        owner_department_id=owner,
        shared_with=frozenset(json.loads(shared)) if shared != "[]" else _NOBODY,
        ptz=bool(ptz),
        heading_deg=heading,
        fov_deg=fov,
    )


class CameraCache:
    """Cameras as last fetched, with their live online/offline status."""

    def __init__(self, database: Sessions) -> None:
        self._db = database

    def replace_all(self, cameras: Iterable[Camera]) -> None:
        with self._db.write() as session:
            replace_rows(session, CameraRow, [_camera_row(c) for c in cameras])

    def upsert(self, cameras: Iterable[Camera]) -> None:
        with self._db.write() as session:
            upsert_rows(session, CameraRow, [_camera_row(c) for c in cameras])

    def set_status(self, camera_id: str, status: CameraStatus) -> bool:
        """Apply a ``camera.status`` event; False when the camera is not cached."""
        with self._db.write() as session:
            result = session.execute(
                update(CameraRow).where(CameraRow.id == camera_id).values(status=status.value)
            )
        return bool(getattr(result, "rowcount", 0))

    def get(self, camera_id: str) -> Camera | None:
        with self._db.read() as session:
            found = session.execute(
                select(CameraRow.__table__).where(CameraRow.id == camera_id)
            ).first()
        return _camera(found) if found is not None else None

    def count(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.count()).select_from(CameraRow)) or 0)

    def query(
        self,
        *,
        region_id: str | None = None,
        text: str = "",
        statuses: Iterable[CameraStatus] = (),
        kinds: Iterable[CameraKind] = (),
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Camera]:
        """Cameras in ``region_id``'s subtree whose name or id contains ``text``, by name."""
        query: Select[Any] = select(CameraRow.__table__)
        if region_id is not None:
            query = query.where(CameraRow.region_id.in_(select(subtree(region_id).c.id)))
        if text.strip():
            pattern = like_pattern(text.strip())
            query = query.where(
                or_(
                    CameraRow.name.like(pattern, escape="\\"),
                    CameraRow.id.like(pattern, escape="\\"),
                )
            )
        status_values = [s.value for s in statuses]
        if status_values:
            query = query.where(CameraRow.status.in_(status_values))
        kind_values = [k.value for k in kinds]
        if kind_values:
            query = query.where(CameraRow.kind.in_(kind_values))
        query = query.order_by(CameraRow.name, CameraRow.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._db.read() as session:
            rows = session.execute(query).all()
        return [_camera(row) for row in rows]


# ---------------------------------------------------------------------- units


def _unit_row(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind.value,
        "parent_id": unit.parent_id,
        "department_id": unit.department_id,
        "status": unit.status.value,
        "lat": unit.position.lat if unit.position is not None else None,
        "lon": unit.position.lon if unit.position is not None else None,
        "status_since": unit.status_since,
    }


def _unit(row: Row[Any]) -> Unit:
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


class UnitCache:
    """Linked units, town teams and field members, with their last status and position."""

    def __init__(self, database: Sessions) -> None:
        self._db = database

    def replace_all(self, units: Iterable[Unit]) -> None:
        with self._db.write() as session:
            replace_rows(session, UnitRow, [_unit_row(u) for u in units])

    def upsert(self, units: Iterable[Unit]) -> None:
        """Apply unit updates (``unit.moved`` / ``unit.status`` events carry whole units)."""
        with self._db.write() as session:
            upsert_rows(session, UnitRow, [_unit_row(u) for u in units])

    def get(self, unit_id: str) -> Unit | None:
        with self._db.read() as session:
            found = session.execute(select(UnitRow.__table__).where(UnitRow.id == unit_id)).first()
        return _unit(found) if found is not None else None

    def all(self) -> list[Unit]:
        with self._db.read() as session:
            rows = session.execute(select(UnitRow.__table__).order_by(UnitRow.id)).all()
        return [_unit(row) for row in rows]
