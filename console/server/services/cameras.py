"""Regions and cameras, seen through department sharing.

A camera is visible to a caller whose department owns it or is in its share list; an
administrator sees all. Everything else answers as if the camera did not exist (404).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from console.domain.model import Camera, CameraKind, CameraStatus, GeoPoint, Region, RegionKind
from console.server.db.tables import CameraRow, CameraShareRow, RegionRow
from console.server.services import audit, events
from console.server.services.caller import Caller
from console.server.services.errors import Conflict, Invalid, NotFound, Unavailable
from console.server.services.paging import decode_cursor, encode_cursor
from console.wire.cameras import StreamsOut, StreamUrlsOut
from console.wire.events import CameraStatusData, EventType

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StreamUrls:
    """Where a camera's main and sub streams can be pulled."""

    main_http: str
    main_rtsp: str
    sub_http: str
    sub_rtsp: str


StreamResolver = Callable[[str, int], StreamUrls]
"""(camera id, camera ordinal in the catalogue) -> its stream URLs."""


def region_of(row: RegionRow) -> Region:
    return Region(
        id=row.id,
        code=row.code,
        name=row.name,
        kind=RegionKind(row.kind),
        parent_id=row.parent_id,
        center=GeoPoint(row.lat, row.lon),
    )


def list_regions(session: Session) -> list[Region]:
    return [region_of(row) for row in session.scalars(select(RegionRow).order_by(RegionRow.code))]


def region_and_descendants(session: Session, region_id: str) -> set[str]:
    """``region_id`` and every region below it (the tree is a few hundred rows)."""
    children: dict[str | None, list[str]] = defaultdict(list)
    for rid, parent in session.execute(select(RegionRow.id, RegionRow.parent_id)):
        children[parent].append(rid)
    found: set[str] = set()
    pending = [region_id]
    while pending:
        current = pending.pop()
        if current in found:
            continue
        found.add(current)
        pending.extend(children.get(current, ()))
    return found


def visible_clause(caller: Caller) -> ColumnElement[bool]:
    """SQL condition: the camera row is visible to ``caller``."""
    if caller.is_admin:
        return CameraRow.id.is_not(None)
    shared = exists().where(
        CameraShareRow.camera_id == CameraRow.id,
        CameraShareRow.department_id == caller.department_id,
    )
    return or_(CameraRow.owner_department_id == caller.department_id, shared)


def visible_camera_ids(session: Session, caller: Caller) -> set[str] | None:
    """Ids of the cameras ``caller`` may see, or None meaning all of them (administrators)."""
    if caller.is_admin:
        return None
    return set(session.scalars(select(CameraRow.id).where(visible_clause(caller))))


def _shares(session: Session, camera_ids: Sequence[str]) -> dict[str, set[str]]:
    shares: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(camera_ids), 500):
        chunk = camera_ids[start : start + 500]
        query = select(CameraShareRow.camera_id, CameraShareRow.department_id).where(
            CameraShareRow.camera_id.in_(chunk)
        )
        for camera_id, department_id in session.execute(query):
            shares[camera_id].add(department_id)
    return shares


def camera_of(row: CameraRow, shared_with: Iterable[str] = ()) -> Camera:
    return Camera(
        id=row.id,
        name=row.name,
        kind=CameraKind(row.kind),
        region_id=row.region_id,
        position=GeoPoint(row.lat, row.lon),
        status=CameraStatus(row.status),
        owner_department_id=row.owner_department_id,
        shared_with=frozenset(shared_with),
        ptz=row.ptz,
        heading_deg=row.heading_deg,
        fov_deg=row.fov_deg,
    )


@dataclass(frozen=True, slots=True)
class CameraFilter:
    region_id: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    kind: CameraKind | None = None
    status: CameraStatus | None = None


def list_cameras(
    session: Session, caller: Caller, where: CameraFilter, *, limit: int, cursor: str | None
) -> tuple[list[Camera], str | None, int]:
    """A page of visible cameras ordered by id, the next cursor, and the total match count."""
    conditions: list[ColumnElement[bool]] = [visible_clause(caller)]
    if where.region_id:
        conditions.append(CameraRow.region_id.in_(region_and_descendants(session, where.region_id)))
    if where.kind is not None:
        conditions.append(CameraRow.kind == where.kind.value)
    if where.status is not None:
        conditions.append(CameraRow.status == where.status.value)
    if where.bbox is not None:
        west, south, east, north = where.bbox
        conditions.append(CameraRow.lat.between(south, north))
        conditions.append(CameraRow.lon.between(west, east))
    if where.q:
        pattern = "%" + where.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(CameraRow.name.like(pattern, escape="\\"), CameraRow.id.like(pattern, escape="\\"))
        )
    total = session.scalar(select(func.count()).select_from(CameraRow).where(*conditions)) or 0
    query = select(CameraRow).where(*conditions).order_by(CameraRow.id).limit(limit + 1)
    if cursor:
        (after,) = decode_cursor(cursor, 1)
        query = query.where(CameraRow.id > str(after))
    rows = list(session.scalars(query))
    page = rows[:limit]
    shares = _shares(session, [row.id for row in page])
    next_cursor = encode_cursor(page[-1].id) if len(rows) > limit else None
    return [camera_of(row, shares.get(row.id, ())) for row in page], next_cursor, total


def camera_row(session: Session, caller: Caller, camera_id: str) -> CameraRow:
    """The visible camera, or ``NotFound`` (also when it exists but is not shared)."""
    row = session.scalar(select(CameraRow).where(CameraRow.id == camera_id, visible_clause(caller)))
    if row is None:
        raise NotFound(f"no camera {camera_id}")
    return row


def get_camera(session: Session, caller: Caller, camera_id: str) -> Camera:
    row = camera_row(session, caller, camera_id)
    return camera_of(row, _shares(session, [row.id]).get(row.id, ()))


def check_visible(
    session: Session, caller: Caller, camera_ids: Iterable[str], *, field: str
) -> list[str]:
    """The ids, in order and without repeats, after checking each is a visible camera."""
    unique = list(dict.fromkeys(camera_ids))
    if not unique:
        return unique
    query = select(CameraRow.id).where(CameraRow.id.in_(unique), visible_clause(caller))
    known = set(session.scalars(query))
    for index, camera_id in enumerate(unique):
        if camera_id not in known:
            raise Invalid(f"{field}.{index}", f"no camera {camera_id}")
    return unique


def streams(
    session: Session, caller: Caller, camera_id: str, resolver: StreamResolver | None
) -> StreamsOut:
    """The camera's stream URLs; the fetch itself is audited (who watched which camera)."""
    row = camera_row(session, caller, camera_id)
    if resolver is None:
        raise Unavailable("no media server is configured", code="no_media")
    if row.status != CameraStatus.ONLINE.value:
        raise Conflict(f"camera {camera_id} is offline", code="camera_offline")
    urls = resolver(row.id, row.ordinal)
    audit.record(session, caller, "stream.fetch", entity_type="camera", entity_id=row.id)
    return StreamsOut(
        camera_id=row.id,
        main=StreamUrlsOut(http=urls.main_http, rtsp=urls.main_rtsp),
        sub=StreamUrlsOut(http=urls.sub_http, rtsp=urls.sub_rtsp),
    )


def set_status(session: Session, camera_id: str, status: CameraStatus) -> bool:
    """Mark a camera online/offline (simulators, health checks); emits ``camera.status``."""
    row = session.get(CameraRow, camera_id)
    if row is None:
        raise NotFound(f"no camera {camera_id}")
    if row.status == status.value:
        return False
    row.status = status.value
    events.emit(
        session,
        EventType.CAMERA_STATUS,
        CameraStatusData(camera_id=camera_id, status=status.value),
        camera_id=camera_id,
    )
    return True
