"""Vehicle passes seen by ANPR checkpoints, and routes guarded for major events."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from console.domain.model import GeoPoint
from console.domain.vehicles import Compass, RouteGuard, RoutePoint, RoutePost, VehiclePass
from console.wire.common import WireModel

LatLon = tuple[float, float]


class VehiclePassOut(WireModel):
    """One sighting of a plate. ``direction`` is the way the vehicle was travelling (eight
    winds); ``snapshot_media_id`` names its picture (``GET /media/{id}``)."""

    id: str
    plate: str
    time: datetime
    checkpoint_id: str
    checkpoint_name: str
    camera_id: str
    lat: float
    lon: float
    direction: Compass
    snapshot_media_id: str | None = None

    def to_domain(self) -> VehiclePass:
        return VehiclePass(
            id=self.id,
            plate=self.plate,
            time=self.time,
            checkpoint_id=self.checkpoint_id,
            checkpoint_name=self.checkpoint_name,
            camera_id=self.camera_id,
            position=GeoPoint(self.lat, self.lon),
            direction=self.direction,
            snapshot_media_id=self.snapshot_media_id,
        )


def vehicle_pass_out(item: VehiclePass) -> VehiclePassOut:
    return VehiclePassOut(
        id=item.id,
        plate=item.plate,
        time=item.time,
        checkpoint_id=item.checkpoint_id,
        checkpoint_name=item.checkpoint_name,
        camera_id=item.camera_id,
        lat=item.position.lat,
        lon=item.position.lon,
        direction=item.direction,
        snapshot_media_id=item.snapshot_media_id,
    )


class VehiclePassList(WireModel):
    """The passes of one plate in a time window, oldest first (empty when none)."""

    plate: str = Field(description="the plate as searched, in canonical spelling (琼C·12345)")
    since: datetime
    until: datetime
    items: list[VehiclePassOut]


class RoutePointOut(WireModel):
    name: str
    lat: float
    lon: float


class RoutePostOut(WireModel):
    name: str
    lat: float
    lon: float
    unit_id: str | None = None


class RouteGuardOut(WireModel):
    """A guarded route: ``path`` is ``[[lat, lon], ...]`` in travel order; ``camera_ids`` are
    the reader's visible cameras within 150 m of it, in the order a vehicle passes them."""

    id: str
    name: str
    path: list[LatLon]
    checkpoints: list[RoutePointOut] = []
    posts: list[RoutePostOut] = []
    camera_ids: list[str] = []

    def to_domain(self) -> RouteGuard:
        return RouteGuard(
            id=self.id,
            name=self.name,
            path=tuple(GeoPoint(lat, lon) for lat, lon in self.path),
            checkpoints=tuple(RoutePoint(c.name, GeoPoint(c.lat, c.lon)) for c in self.checkpoints),
            posts=tuple(RoutePost(p.name, GeoPoint(p.lat, p.lon), p.unit_id) for p in self.posts),
            camera_ids=tuple(self.camera_ids),
        )


def route_guard_out(route: RouteGuard) -> RouteGuardOut:
    return RouteGuardOut(
        id=route.id,
        name=route.name,
        path=[(p.lat, p.lon) for p in route.path],
        checkpoints=[
            RoutePointOut(name=c.name, lat=c.position.lat, lon=c.position.lon)
            for c in route.checkpoints
        ],
        posts=[
            RoutePostOut(name=p.name, lat=p.position.lat, lon=p.position.lon, unit_id=p.unit_id)
            for p in route.posts
        ],
        camera_ids=list(route.camera_ids),
    )


class RouteGuardList(WireModel):
    items: list[RouteGuardOut]
