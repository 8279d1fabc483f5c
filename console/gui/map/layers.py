"""The map's layers as the page takes them: one plain JSON-able dict per feature.

Each function turns one console value (a camera of the catalogue, an incident of the store, a
unit, an alert, a vehicle pass, a route guard) into the feature dict of its layer, in WGS-84
(the map view converts where its tiles need GCJ-02). Text goes in as it came: the page shows
every string as text, never as markup.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from console.catalog import CameraCatalog
from console.domain.incident import SLA_TIMED_STATES, TERMINAL_STATES, Incident
from console.domain.model import AlertStatus, Camera, GeoPoint, Unit
from console.domain.sla import SlaLevel
from console.wire.alerts import AlertOut

Feature = dict[str, Any]

OPEN_ALERT_STATUSES = frozenset({AlertStatus.NEW, AlertStatus.ACKNOWLEDGED})


class Layer(enum.StrEnum):
    """The page's layer names, in the order the layer panel lists them."""

    CAMERAS = "cameras"
    EVENTS = "events"
    UNITS = "units"
    ALERTS = "alerts"
    COVERAGE = "coverage"
    TRACK = "track"
    ROUTE = "route"


# ---------------------------------------------------------------------- cameras


def camera_feature(camera: Camera) -> Feature:
    heading = getattr(camera, "heading_deg", None)
    fov = getattr(camera, "fov_deg", None)
    return {
        "id": camera.id,
        "lat": camera.position.lat,
        "lon": camera.position.lon,
        "name": camera.name,
        "status": camera.status.value,
        "kind": camera.kind.value,
        "heading": float(heading) if heading is not None else None,
        "fov": float(fov) if fov is not None else None,
    }


def visible_cameras(catalog: CameraCatalog | None, camera_ids: Iterable[str]) -> list[Camera]:
    """The cameras among ``camera_ids`` this operator may watch: in the catalogue and shared
    (a camera the operator may not see is not on the map at all)."""
    if catalog is None:
        return []
    return [
        catalog.camera(camera_id)
        for camera_id in camera_ids
        if camera_id in catalog and catalog.is_shared(camera_id)
    ]


def camera_features(catalog: CameraCatalog | None) -> list[Feature]:
    if catalog is None:
        return []
    return [camera_feature(camera) for camera in visible_cameras(catalog, catalog.camera_ids())]


# ---------------------------------------------------------------------- events


def is_on_map(incident: Incident) -> bool:
    """Open incidents are drawn; closed, merged, cancelled and rejected ones are not."""
    return incident.state not in TERMINAL_STATES


def is_overdue(incident: Incident, now: datetime | None = None) -> bool:
    """Past its deadline while its clock runs (the server's word, or the deadline itself)."""
    if incident.sla_level is SlaLevel.OVERDUE:
        return True
    if incident.due_at is None or incident.state not in SLA_TIMED_STATES:
        return False
    return incident.due_at < (now or datetime.now(UTC))


def event_feature(incident: Incident, now: datetime | None = None) -> Feature:
    return {
        "id": incident.id,
        "lat": incident.position.lat,
        "lon": incident.position.lon,
        "number": incident.number,
        "title": incident.title,
        "state": incident.state.value,
        "priority": f"P{int(incident.priority)}",
        "overdue": is_overdue(incident, now),
    }


# ---------------------------------------------------------------------- units


def unit_feature(unit: Unit, trail: list[list[float]]) -> Feature | None:
    """A unit with a known position (None without one: it cannot be drawn)."""
    if unit.position is None:
        return None
    return {
        "id": unit.id,
        "lat": unit.position.lat,
        "lon": unit.position.lon,
        "name": unit.name,
        "status": unit.status.value,
        "trail": trail,
    }


# ---------------------------------------------------------------------- alerts


def is_open_alert(alert: AlertOut) -> bool:
    return alert.status in OPEN_ALERT_STATUSES


def alert_feature(alert: AlertOut, title: str, priority: int, *, fresh: bool) -> Feature:
    return {
        "id": alert.id,
        "lat": alert.lat,
        "lon": alert.lon,
        "title": title,
        "priority": f"P{int(priority)}",
        "fresh": fresh,
    }


# ---------------------------------------------------------------------- patrol coverage


def coverage_feature(camera: Camera) -> Feature:
    return {"id": camera.id, "lat": camera.position.lat, "lon": camera.position.lon}


# ---------------------------------------------------------------------- vehicle track


class VehiclePassLike(Protocol):
    """A vehicle pass as the client gives it (with ``position``, or ``lat`` and ``lon``)."""

    @property
    def id(self) -> str: ...
    @property
    def plate(self) -> str: ...
    @property
    def time(self) -> datetime: ...
    @property
    def checkpoint_name(self) -> str: ...


def in_time_order(passes: Iterable[VehiclePassLike]) -> list[VehiclePassLike]:
    return sorted(passes, key=lambda item: (item.time, item.id))


def track_features(passes: Iterable[VehiclePassLike]) -> list[Feature]:
    """The passes in time order (the page joins them into a polyline in the order given)."""
    features = []
    for item in in_time_order(passes):
        lat, lon = lat_lon(item)
        features.append(
            {
                "id": item.id,
                "lat": lat,
                "lon": lon,
                "time": item.time.isoformat(),
                # Local date and time: a week's track spans days.
                "time_label": item.time.astimezone().strftime("%m-%d %H:%M"),
                "label": item.checkpoint_name,
                "plate": item.plate,
            }
        )
    return features


# ---------------------------------------------------------------------- route guard


def route_features(guard: Any) -> list[Feature]:
    """A route guard as its path, its checkpoints and its posts.

    ``guard`` is the client's route guard: ``id``, ``name``, ``path`` (points) and
    ``checkpoints`` / ``posts`` with a ``name`` and a place (see ``lat_lon``).
    """
    path = [list(lat_lon(point)) for point in guard.path]
    features: list[Feature] = []
    if path:
        features.append(
            {
                "id": f"{guard.id}:path",
                "kind": "path",
                "name": guard.name,
                "lat": path[0][0],
                "lon": path[0][1],
                "path": path,
            }
        )
    for kind, places in (("checkpoint", guard.checkpoints), ("post", guard.posts)):
        for index, place in enumerate(places):
            features.append(
                {
                    "id": f"{guard.id}:{kind}:{index}",
                    "kind": kind,
                    "name": _field(place, "name"),
                    "lat": lat_lon(place)[0],
                    "lon": lat_lon(place)[1],
                    "path": [],
                }
            )
    return features


def route_points(guard: Any) -> list[tuple[float, float]]:
    """Every point of a route guard, for fitting the map to it."""
    return [lat_lon(point) for point in (*guard.path, *guard.checkpoints, *guard.posts)]


def lat_lon(item: Any) -> tuple[float, float]:
    """WGS-84 latitude and longitude of a point given as a GeoPoint, ``[lat, lon]``, a dict
    or an object with ``position`` (domain values) or ``lat`` and ``lon`` (wire values)."""
    if isinstance(item, GeoPoint):
        return item.lat, item.lon
    if isinstance(item, (list, tuple)):
        return float(item[0]), float(item[1])
    position = _field(item, "position") if _has(item, "position") else None
    if isinstance(position, GeoPoint):
        return position.lat, position.lon
    return float(_field(item, "lat")), float(_field(item, "lon"))


def _has(item: Any, name: str) -> bool:
    return name in item if isinstance(item, dict) else hasattr(item, name)


def _field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)
