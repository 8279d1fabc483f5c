"""Regions, cameras and stream addresses."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from console.domain.model import CameraKind, CameraStatus
from console.server.api.deps import CallerDep, PathId, QueryId, QueryText, State
from console.server.api.errors import documented
from console.server.services import cameras
from console.server.services.errors import Invalid
from console.wire.cameras import (
    CameraOut,
    CameraPage,
    RegionOut,
    StreamsOut,
    camera_out,
    region_out,
)
from console.wire.common import NO_NUL

router = APIRouter(tags=["cameras"])


@router.get("/regions", response_model=list[RegionOut], responses=documented(401))
def list_regions(caller: CallerDep, state: State) -> list[RegionOut]:
    """The administrative tree as a flat list (city, towns, villages) linked by parent_id."""
    with state.db.read() as session:
        return [region_out(r) for r in cameras.list_regions(session)]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise Invalid("bbox", "expected west,south,east,north in degrees") from None
    box = (west, south, east, north)
    if any(v != v for v in box) or not (
        -180 <= west <= east <= 180 and -90 <= south <= north <= 90
    ):
        raise Invalid("bbox", "expected west <= east within ±180 and south <= north within ±90")
    return box


@router.get("/cameras", response_model=CameraPage, responses=documented(401, 422))
def list_cameras(
    caller: CallerDep,
    state: State,
    region_id: QueryId = None,
    q: QueryText = None,
    bbox: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_NUL, description="west,south,east,north (WGS-84 degrees)"),
    ] = None,
    kind: CameraKind | None = None,
    status: CameraStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    cursor: Annotated[str | None, Query(max_length=500, pattern=NO_NUL)] = None,
) -> CameraPage:
    """Cameras the caller's department may see; ``region_id`` matches its descendants too."""
    where = cameras.CameraFilter(
        region_id=region_id, q=q or None, bbox=_bbox(bbox), kind=kind, status=status
    )
    with state.db.read() as session:
        items, next_cursor, total = cameras.list_cameras(
            session, caller, where, limit=limit, cursor=cursor
        )
    return CameraPage(items=[camera_out(c) for c in items], next_cursor=next_cursor, total=total)


@router.get("/cameras/{camera_id}", response_model=CameraOut, responses=documented(401, 404))
def get_camera(camera_id: PathId, caller: CallerDep, state: State) -> CameraOut:
    with state.db.read() as session:
        return camera_out(cameras.get_camera(session, caller, camera_id))


@router.get(
    "/cameras/{camera_id}/streams",
    response_model=StreamsOut,
    responses=documented(401, 404, 409, 503),
)
def get_streams(camera_id: PathId, caller: CallerDep, state: State) -> StreamsOut:
    """Main and sub stream URLs (audited as ``stream.fetch``). 409 ``camera_offline`` when
    the camera is offline; 503 ``no_media`` when no media server is configured."""
    with state.db.write() as session:
        return cameras.streams(session, caller, camera_id, state.settings.stream_resolver)
