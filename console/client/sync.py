"""Keeping the local store in step with the server.

Two jobs, each split into a network half and a store half so the GUI can run the first on
its network lane and the second on its single store lane:

* the working set — regions, cameras (paged), units, recent incidents and alerts:
  ``fetch_working_set(client)`` then ``apply_working_set(store, working_set)``;
* live events — ``resolve_events(client, events)`` turns a batch of ``EventOut`` into one
  ``StoreUpdate`` (fetching an entity when an event only names it: notify-then-fetch), and
  ``apply_update(store, update)`` writes it, then records the last event id (once the store
  has had a full refresh: before that, the id would claim more than the store holds).

``Synchroniser`` bundles both halves for callers that have no lanes (tools, tests).
The store is used through small protocols (``console.store.Store`` satisfies them), so this
module does not depend on the store package.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from console.client.errors import BackendError, ErrorKind, MalformedResponseError
from console.client.rest import BackendClient
from console.domain.model import Camera, CameraStatus, Region, Unit
from console.wire import AlertOut, IncidentOut, UnitOut
from console.wire.events import CameraStatusData, EventOut, EventType

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
D = TypeVar("D")


# ---------------------------------------------------------------------- store protocols


class RegionsLike(Protocol):
    def replace_all(self, regions: Iterable[Region]) -> None: ...


class CamerasLike(Protocol):
    def replace_all(self, cameras: Iterable[Camera]) -> None: ...
    def set_status(self, camera_id: str, status: CameraStatus) -> bool: ...


class UnitsLike(Protocol):
    def replace_all(self, units: Iterable[Unit]) -> None: ...
    def upsert(self, units: Iterable[Unit]) -> None: ...


class IncidentsLike(Protocol):
    def upsert(self, incidents: Iterable[Any]) -> None: ...
    def remove(self, incident_ids: Iterable[str]) -> None: ...
    def clear(self, *, keep: Iterable[str] = ()) -> None: ...


class AlertsLike(Protocol):
    def upsert(self, alerts: Iterable[Any]) -> None: ...


class MetaLike(Protocol):
    last_event_id: int | None
    last_full_refresh: datetime | None


class StoreLike(Protocol):
    """The parts of ``console.store.Store`` the synchroniser writes to."""

    @property
    def regions(self) -> RegionsLike: ...
    @property
    def cameras(self) -> CamerasLike: ...
    @property
    def units(self) -> UnitsLike: ...
    @property
    def incidents(self) -> IncidentsLike: ...
    @property
    def alerts(self) -> AlertsLike: ...
    @property
    def meta(self) -> MetaLike: ...


# ---------------------------------------------------------------------- the working set


@dataclass(frozen=True)
class WorkingSet:
    """Everything the console keeps locally, as fetched at ``fetched_at``."""

    fetched_at: datetime
    regions: list[Region]
    cameras: list[Camera]
    units: list[Unit]
    incidents: list[IncidentOut]
    alerts: list[AlertOut]


def _domain(items: Iterable[Any], convert: Callable[[Any], D], what: str) -> list[D]:
    """Convert wire models to domain values; a value the domain refuses is a bad answer."""
    out: list[D] = []
    for item in items:
        try:
            out.append(convert(item))
        except (ValueError, TypeError) as exc:
            raise MalformedResponseError(
                f"the server sent {what} the console cannot use ({type(exc).__name__})"
            ) from None
    return out


def fetch_working_set(
    client: BackendClient,
    *,
    incidents_since: timedelta = timedelta(days=7),
    alerts_since: timedelta = timedelta(days=1),
    max_incidents: int = 5_000,
    max_alerts: int = 2_000,
    now: datetime | None = None,
) -> WorkingSet:
    """Fetch the working set (network only; raises ``BackendError``)."""
    moment = now or datetime.now(UTC)
    regions = _domain(client.regions(), lambda r: r.to_domain(), "a region")
    cameras = _domain(client.iter_cameras(), lambda c: c.to_domain(), "a camera")
    units = _domain(client.units(), lambda u: u.to_domain(), "a unit")
    incidents: list[IncidentOut] = []
    for incident in client.iter_incidents(updated_since=moment - incidents_since):
        incidents.append(incident)
        if len(incidents) >= max_incidents:
            break
    alerts: list[AlertOut] = []
    for alert in client.iter_alerts(since=moment - alerts_since):
        alerts.append(alert)
        if len(alerts) >= max_alerts:
            break
    # Domain checks on the bodies the store keeps verbatim, before anything is written.
    _domain(incidents, lambda i: i.to_domain(), "an incident")
    _domain(alerts, lambda a: a.to_domain(), "an alert")
    logger.info(
        "fetched the working set: %d regions, %d cameras, %d units, %d incidents, %d alerts",
        len(regions),
        len(cameras),
        len(units),
        len(incidents),
        len(alerts),
    )
    return WorkingSet(moment, regions, cameras, units, incidents, alerts)


def apply_working_set(
    store: StoreLike,
    working_set: WorkingSet,
    *,
    reset: bool = False,
    keep_incidents: Iterable[str] = (),
) -> None:
    """Write a fetched working set (store lane). ``reset`` first forgets cached incidents,
    after the server said it no longer holds the events needed to bring them up to date, but
    for ``keep_incidents``: those live events wrote after the working set was asked for."""
    store.regions.replace_all(working_set.regions)
    store.cameras.replace_all(working_set.cameras)
    store.units.replace_all(working_set.units)
    if reset:
        store.incidents.clear(keep=keep_incidents)
    store.incidents.upsert(working_set.incidents)
    store.alerts.upsert(working_set.alerts)
    store.meta.last_full_refresh = working_set.fetched_at


def forget_full_refresh(store: StoreLike) -> None:
    """The server said it no longer holds the events after the store's position (store
    lane): the store no longer holds everything up to any later position either, so none is
    recorded until the full refresh that follows has landed. A console closed before then
    resumes from its old position, is told to reset again, and refreshes."""
    store.meta.last_full_refresh = None


# ---------------------------------------------------------------------- live events


@dataclass
class StoreUpdate:
    """The store writes a batch of events comes down to (newest value per entity)."""

    alerts: dict[str, AlertOut] = field(default_factory=dict)
    incidents: dict[str, IncidentOut] = field(default_factory=dict)
    removed_incidents: set[str] = field(default_factory=set)
    units: dict[str, Unit] = field(default_factory=dict)
    camera_status: dict[str, CameraStatus] = field(default_factory=dict)
    last_event_id: int | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.alerts
            or self.incidents
            or self.removed_incidents
            or self.units
            or self.camera_status
        )


def _model(model: type[M], data: dict[str, Any]) -> M | None:
    try:
        return model.model_validate(data)
    except PydanticValidationError:
        return None


def _named_id(data: dict[str, Any]) -> str | None:
    value = data.get("id")
    return value if isinstance(value, str) and 0 < len(value) <= 64 else None


def _fetch_incident(client: BackendClient | None, data: dict[str, Any]) -> IncidentOut | str | None:
    """The incident an event names: from the event if complete, else from the server.

    Returns the id alone when the server says it is gone (or no longer visible to us).
    """
    complete = _model(IncidentOut, data)
    if complete is not None:
        return complete
    incident_id = _named_id(data)
    if incident_id is None or client is None:
        return None
    try:
        return client.incident(incident_id)
    except BackendError as error:
        if error.kind is ErrorKind.NOT_FOUND:
            return incident_id
        raise


def resolve_events(client: BackendClient | None, events: Sequence[EventOut]) -> StoreUpdate:
    """Turn events into store writes (network lane: may fetch entities; raises
    ``BackendError`` only when a needed fetch fails for a reason other than "gone")."""
    update = StoreUpdate()
    for event in events:
        data = event.data
        kind = event.type
        if kind in (EventType.ALERT_CREATED, EventType.ALERT_UPDATED):
            alert = _model(AlertOut, data)
            if alert is None and client is not None and (alert_id := _named_id(data)):
                alert = client.alert(alert_id)
            if alert is not None:
                update.alerts[alert.id] = alert
        elif kind in (EventType.INCIDENT_CREATED, EventType.INCIDENT_CHANGED):
            found = _fetch_incident(client, data)
            if isinstance(found, IncidentOut):
                update.removed_incidents.discard(found.id)
                current = update.incidents.get(found.id)
                if current is None or found.version >= current.version:
                    update.incidents[found.id] = found
            elif isinstance(found, str):
                update.incidents.pop(found, None)
                update.removed_incidents.add(found)
        elif kind in (EventType.UNIT_MOVED, EventType.UNIT_STATUS):
            unit = _model(UnitOut, data)
            if unit is None and client is not None and (unit_id := _named_id(data)):
                unit = client.unit(unit_id)
            if unit is not None:
                converted = _domain([unit], lambda u: u.to_domain(), "a unit")
                update.units[unit.id] = converted[0]
        elif kind is EventType.CAMERA_STATUS:
            status = _model(CameraStatusData, data)
            if status is not None:
                try:
                    update.camera_status[status.camera_id] = CameraStatus(status.status)
                except ValueError:
                    logger.warning("camera.status event with unknown status %r", status.status)
        if update.last_event_id is None or event.id > update.last_event_id:
            update.last_event_id = event.id
    return update


def apply_update(store: StoreLike, update: StoreUpdate) -> None:
    """Write a resolved batch of events, then record how far the stream got (store lane)."""
    if update.alerts:
        store.alerts.upsert(update.alerts.values())
    if update.incidents:
        store.incidents.upsert(update.incidents.values())
    if update.removed_incidents:
        store.incidents.remove(update.removed_incidents)
    if update.units:
        store.units.upsert(update.units.values())
    for camera_id, status in update.camera_status.items():
        store.cameras.set_status(camera_id, status)
    # A stored position promises that the store holds everything up to it. Events only say
    # what changed after the stream began, so until a full refresh has landed the promise
    # does not hold: a console restarted then must start without a position, and refresh.
    if update.last_event_id is not None and store.meta.last_full_refresh is not None:
        store.meta.last_event_id = update.last_event_id


class Synchroniser:
    """Both halves of synchronisation run in the calling thread (for tools and tests).

    The GUI instead runs the ``fetch_*``/``resolve_*`` functions on its network lane and the
    ``apply_*`` functions on its store lane.
    """

    def __init__(self, client: BackendClient, store: StoreLike) -> None:
        self._client = client
        self._store = store

    def full_refresh(self, *, reset: bool = False) -> WorkingSet:
        working_set = fetch_working_set(self._client)
        apply_working_set(self._store, working_set, reset=reset)
        return working_set

    def handle_events(self, events: Sequence[EventOut]) -> StoreUpdate:
        update = resolve_events(self._client, events)
        apply_update(self._store, update)
        return update


__all__ = [
    "StoreLike",
    "StoreUpdate",
    "Synchroniser",
    "WorkingSet",
    "apply_update",
    "apply_working_set",
    "fetch_working_set",
    "forget_full_refresh",
    "resolve_events",
]
