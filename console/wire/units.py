"""Units in the field and their status reports."""

from __future__ import annotations

from datetime import datetime

from console.domain.model import GeoPoint, Unit, UnitKind, UnitStatus
from console.wire.common import Latitude, Longitude, RequestModel, Text, WireModel


class UnitOut(WireModel):
    """A node of the unit tree (flat, linked by ``parent_id``); position may be unknown."""

    id: str
    name: str
    kind: UnitKind
    parent_id: str | None = None
    department_id: str
    status: UnitStatus
    lat: float | None = None
    lon: float | None = None
    status_since: datetime | None = None

    def to_domain(self) -> Unit:
        position = (
            GeoPoint(self.lat, self.lon) if self.lat is not None and self.lon is not None else None
        )
        return Unit(
            id=self.id,
            name=self.name,
            kind=self.kind,
            parent_id=self.parent_id,
            department_id=self.department_id,
            status=self.status,
            position=position,
            status_since=self.status_since,
        )


def unit_out(unit: Unit) -> UnitOut:
    return UnitOut(
        id=unit.id,
        name=unit.name,
        kind=unit.kind,
        parent_id=unit.parent_id,
        department_id=unit.department_id,
        status=unit.status,
        lat=unit.position.lat if unit.position is not None else None,
        lon=unit.position.lon if unit.position is not None else None,
        status_since=unit.status_since,
    )


class UnitStatusIn(RequestModel):
    """A unit's status and/or position report. Give both lat and lon, or neither."""

    status: UnitStatus
    lat: Latitude | None = None
    lon: Longitude | None = None
    note: Text = ""
