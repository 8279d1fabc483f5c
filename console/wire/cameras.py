"""Regions, cameras and their stream addresses."""

from __future__ import annotations

from pydantic import Field

from console.domain.model import Camera, CameraKind, CameraStatus, GeoPoint, Region, RegionKind
from console.wire.common import Page, WireModel


class RegionOut(WireModel):
    """A node of the administrative tree (flat, linked by ``parent_id``)."""

    id: str
    code: str
    name: str
    kind: RegionKind
    parent_id: str | None = None
    lat: float
    lon: float

    def to_domain(self) -> Region:
        return Region(
            id=self.id,
            code=self.code,
            name=self.name,
            kind=self.kind,
            parent_id=self.parent_id,
            center=GeoPoint(self.lat, self.lon),
        )


def region_out(region: Region) -> RegionOut:
    return RegionOut(
        id=region.id,
        code=region.code,
        name=region.name,
        kind=region.kind,
        parent_id=region.parent_id,
        lat=region.center.lat,
        lon=region.center.lon,
    )


class CameraOut(WireModel):
    id: str
    name: str
    kind: CameraKind
    region_id: str
    lat: float
    lon: float
    status: CameraStatus
    owner_department_id: str
    shared_with: list[str] = []
    ptz: bool = False
    heading_deg: float | None = Field(
        default=None,
        ge=0,
        le=360,
        description="where the lens points: degrees clockwise from true north (0 = north)",
    )
    fov_deg: float | None = Field(
        default=None, gt=0, le=360, description="horizontal field of view in degrees"
    )

    def to_domain(self) -> Camera:
        return Camera(
            id=self.id,
            name=self.name,
            kind=self.kind,
            region_id=self.region_id,
            position=GeoPoint(self.lat, self.lon),
            status=self.status,
            owner_department_id=self.owner_department_id,
            shared_with=frozenset(self.shared_with),
            ptz=self.ptz,
            heading_deg=self.heading_deg,
            fov_deg=self.fov_deg,
        )


def camera_out(camera: Camera) -> CameraOut:
    return CameraOut(
        id=camera.id,
        name=camera.name,
        kind=camera.kind,
        region_id=camera.region_id,
        lat=camera.position.lat,
        lon=camera.position.lon,
        status=camera.status,
        owner_department_id=camera.owner_department_id,
        shared_with=sorted(camera.shared_with),
        ptz=camera.ptz,
        heading_deg=camera.heading_deg,
        fov_deg=camera.fov_deg,
    )


class CameraPage(Page[CameraOut]):
    """A page of cameras; ``total`` counts every match, not just this page."""


class StreamUrlsOut(WireModel):
    """One stream of a camera, by transport."""

    http: str
    rtsp: str


class StreamsOut(WireModel):
    """Where to pull a camera's pictures: main (full) and sub (light) stream."""

    camera_id: str
    main: StreamUrlsOut
    sub: StreamUrlsOut
