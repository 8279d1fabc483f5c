"""Plate searches over ANPR checkpoint passes (卡口过车).

Passes come from the traffic simulator (``demo/traffic.py``) over the checkpoint cameras in
the database. A pass is readable by whoever may see its checkpoint camera; its snapshot is
drawn and stored the first time the pass is shown, under an id derived from the pass, as a
file of that camera, so ``GET /media/{id}`` applies the same camera rule. Searching for a plate is sensitive: every search is audited
with the plate, the window and how many passes were shown, also when none were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.model import CameraKind, GeoPoint, MediaKind
from console.domain.vehicles import PlateError, VehiclePass, compass, normalize_plate
from console.server.db.tables import CameraRow, MediaRow
from console.server.demo.plate_snapshot import snapshot_png
from console.server.demo.traffic import LOCAL_TIME, Checkpoint, SimulatedPass, Traffic
from console.server.services import audit
from console.server.services.caller import Caller
from console.server.services.cameras import visible_camera_ids
from console.server.services.clock import utcnow
from console.server.services.errors import Invalid
from console.server.services.media import IMAGE_TYPES, MediaStore, Upload

DEFAULT_WINDOW = timedelta(hours=24)
MAX_WINDOW = timedelta(days=31)
MAX_PASSES = 500  # a window this busy is cut to its latest passes


@dataclass(frozen=True, slots=True)
class Search:
    """A plate search before it is recorded: the canonical plate, the resolved window, the
    passes the caller may see, and the snapshots drawn for passes shown for the first time."""

    plate: str
    since: datetime
    until: datetime
    passes: list[SimulatedPass]
    pictures: dict[str, bytes] = field(default_factory=dict)  # media id -> PNG


EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def window(since: datetime | None, until: datetime | None) -> tuple[datetime, datetime]:
    """The search window: ``until`` defaults to now, ``since`` to 24 h before ``until``."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise Invalid(name, "must lie between the years 2000 and 2100")
    end = until or utcnow()
    start = since or end - DEFAULT_WINDOW
    if start >= end:
        raise Invalid("since", "since must be earlier than until")
    if end - start > MAX_WINDOW:
        raise Invalid("since", f"a search spans at most {MAX_WINDOW.days} days")
    return start, end


def plate_or_invalid(text: str) -> str:
    try:
        return normalize_plate(text)
    except PlateError as exc:
        raise Invalid("plate", str(exc)) from None


@lru_cache(maxsize=4)
def _traffic(seed: int, checkpoints: tuple[Checkpoint, ...]) -> Traffic:
    return Traffic(seed, checkpoints)


def _checkpoints(session: Session) -> tuple[Checkpoint, ...]:
    query = (
        select(CameraRow.id, CameraRow.name, CameraRow.lat, CameraRow.lon, CameraRow.heading_deg)
        .where(CameraRow.kind == CameraKind.CHECKPOINT.value)
        .order_by(CameraRow.id)
    )
    return tuple(
        Checkpoint(camera_id, name, GeoPoint(lat, lon), heading)
        for camera_id, name, lat, lon, heading in session.execute(query)
    )


def _media_id(item: SimulatedPass) -> str:
    return f"vp-{item.id}"


def _draw(item: SimulatedPass) -> bytes:
    local = item.time.astimezone(LOCAL_TIME)
    return snapshot_png(item.plate, local, item.checkpoint.name, shade=int(item.id[:4], 16))


def find(
    session: Session,
    caller: Caller,
    *,
    seed: int,
    plate: str,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Search:
    """The passes of ``plate`` in the window that the caller may see, oldest first, with the
    snapshots not stored yet drawn. Reads only: drawing takes a while, so it happens outside
    the write transaction that ``record`` then runs."""
    canonical = plate_or_invalid(plate)
    start, end = window(since, until)
    simulated = _traffic(seed, _checkpoints(session)).passes(canonical, start, min(end, utcnow()))
    visible = visible_camera_ids(session, caller)
    if visible is not None:
        simulated = [p for p in simulated if p.checkpoint.camera_id in visible]
    simulated = simulated[-MAX_PASSES:]
    wanted = [_media_id(p) for p in simulated]
    stored = set(session.scalars(select(MediaRow.id).where(MediaRow.id.in_(wanted))))
    pictures = {_media_id(p): _draw(p) for p in simulated if _media_id(p) not in stored}
    return Search(canonical, start, end, simulated, pictures)


def prepare(store: MediaStore, found: Search) -> None:
    """Write the new snapshots' bytes to the media directory before ``record`` names them."""
    for data in found.pictures.values():
        store.put(data)


def record(session: Session, caller: Caller, store: MediaStore, found: Search) -> list[VehiclePass]:
    """Store the new snapshots and audit the search (in a write transaction); the passes."""
    passes = []
    for item in found.passes:
        media_id = _media_id(item)
        if session.get(MediaRow, media_id) is None:
            data = found.pictures.get(media_id) or _draw(item)
            store.save(
                session,
                None,
                Upload(f"{media_id}.png", "image/png", data),
                kind=MediaKind.SNAPSHOT,
                field="snapshot",
                allowed=IMAGE_TYPES,
                captured_at=item.time,
                camera_id=item.checkpoint.camera_id,
                media_id=media_id,
            )
            session.flush()
        passes.append(
            VehiclePass(
                id=item.id,
                plate=item.plate,
                time=item.time,
                checkpoint_id=item.checkpoint.camera_id,
                checkpoint_name=item.checkpoint.name,
                camera_id=item.checkpoint.camera_id,
                position=item.checkpoint.position,
                direction=compass(item.travel_bearing_deg),
                snapshot_media_id=media_id,
            )
        )
    audit.record(
        session,
        caller,
        "vehicle_pass.search",
        entity_type="plate",
        entity_id=found.plate,
        detail={
            "since": found.since.isoformat(),
            "until": found.until.isoformat(),
            "passes": len(passes),
        },
    )
    return passes
