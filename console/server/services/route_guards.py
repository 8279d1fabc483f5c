"""Routes guarded for major events (重大活动安保), with the cameras along them.

A route is stored as its path, checkpoints and posts. The cameras along it are not stored:
they are the cameras the reader may see within ``ALONG_M`` of the path, found when the route
is read, so sharing changes and new cameras show up at once. Every signed-in user may read
routes (they carry no personal data); the cameras follow the camera rule.
"""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.geo import path_position
from console.domain.model import GeoPoint
from console.domain.vehicles import RouteGuard, RoutePoint, RoutePost
from console.server.db.tables import CameraRow, RouteGuardRow
from console.server.services.caller import Caller
from console.server.services.cameras import visible_clause
from console.server.services.errors import NotFound

ALONG_M = 150.0
"""How close to the path a camera must stand to count as one of the route's cameras."""

_METRES_PER_DEG_LAT = 111_195.0


def save(session: Session, route: RouteGuard) -> None:
    """Insert or replace a route (its ``camera_ids`` are ignored: they are found on read)."""
    row = session.get(RouteGuardRow, route.id) or RouteGuardRow(id=route.id)
    row.name = route.name
    row.path = [[p.lat, p.lon] for p in route.path]
    row.checkpoints = [
        {"name": c.name, "lat": c.position.lat, "lon": c.position.lon} for c in route.checkpoints
    ]
    row.posts = [
        {"name": p.name, "lat": p.position.lat, "lon": p.position.lon, "unit_id": p.unit_id}
        for p in route.posts
    ]
    session.add(row)


def cameras_along(
    session: Session, caller: Caller, path: tuple[GeoPoint, ...], within_m: float = ALONG_M
) -> tuple[str, ...]:
    """Visible cameras within ``within_m`` of ``path``, in the order a vehicle passes them."""
    if not path:
        return ()
    margin_lat = within_m / _METRES_PER_DEG_LAT
    mid_lat = sum(p.lat for p in path) / len(path)
    margin_lon = margin_lat / max(0.1, math.cos(math.radians(mid_lat)))
    query = select(CameraRow.id, CameraRow.lat, CameraRow.lon).where(
        CameraRow.lat.between(
            min(p.lat for p in path) - margin_lat, max(p.lat for p in path) + margin_lat
        ),
        CameraRow.lon.between(
            min(p.lon for p in path) - margin_lon, max(p.lon for p in path) + margin_lon
        ),
        visible_clause(caller),
    )
    found: list[tuple[float, str]] = []
    for camera_id, lat, lon in session.execute(query):
        where = path_position(GeoPoint(lat, lon), path)
        if where.off_m <= within_m:
            found.append((where.along_m, camera_id))
    return tuple(camera_id for _, camera_id in sorted(found))


def _route_of(session: Session, caller: Caller, row: RouteGuardRow) -> RouteGuard:
    path = tuple(GeoPoint(float(lat), float(lon)) for lat, lon in row.path)
    return RouteGuard(
        id=row.id,
        name=row.name,
        path=path,
        checkpoints=tuple(
            RoutePoint(str(c["name"]), GeoPoint(float(c["lat"]), float(c["lon"])))
            for c in row.checkpoints
        ),
        posts=tuple(
            RoutePost(
                str(p["name"]),
                GeoPoint(float(p["lat"]), float(p["lon"])),
                str(p["unit_id"]) if p.get("unit_id") else None,
            )
            for p in row.posts
        ),
        camera_ids=cameras_along(session, caller, path),
    )


def list_routes(session: Session, caller: Caller) -> list[RouteGuard]:
    rows = session.scalars(select(RouteGuardRow).order_by(RouteGuardRow.id))
    return [_route_of(session, caller, row) for row in rows]


def get_route(session: Session, caller: Caller, route_id: str) -> RouteGuard:
    row = session.get(RouteGuardRow, route_id)
    if row is None:
        raise NotFound(f"no route guard {route_id}")
    return _route_of(session, caller, row)
