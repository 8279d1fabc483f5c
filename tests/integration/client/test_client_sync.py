"""Loading the working set and applying live events into a real local store."""

from __future__ import annotations

import queue
from collections.abc import Callable
from datetime import UTC, datetime

from console.client import (
    BackendClient,
    EventStream,
    Synchroniser,
    apply_update,
    apply_working_set,
    fetch_working_set,
    resolve_events,
)
from console.domain.model import UnitStatus
from console.store import Store
from console.wire import ActionIn, IncidentIn, UnitStatusIn
from console.wire.events import EventOut, EventType
from tests.support.live_server import LiveDemoServer
from tests.support.polling import wait_for

MakeClient = Callable[..., BackendClient]


def test_a_full_refresh_fills_the_store(
    demo_server: LiveDemoServer, make_client: MakeClient, store: Store, unique: str
) -> None:
    client = make_client()
    raised = client.create_incident(
        IncidentIn(
            title=unique, category="road", priority=2, source="operator", lat=19.2, lon=110.4
        )
    )
    working_set = Synchroniser(client, store).full_refresh()
    assert len(store.regions.all()) == len(demo_server.world.regions)
    assert store.cameras.count() == demo_server.visible_camera_count("operator-1")
    assert len(store.units.all()) == len(demo_server.world.units)
    cached = store.incidents.get(raised.id)
    assert cached is not None
    assert cached.title == unique
    assert store.meta.last_full_refresh == working_set.fetched_at


def collect_until(
    events: queue.Queue[EventOut], done: Callable[[list[EventOut]], bool]
) -> list[EventOut]:
    seen: list[EventOut] = []
    while not done(seen):
        seen.append(events.get(timeout=20))
    return seen


def test_live_events_reach_the_store(make_client: MakeClient, store: Store, unique: str) -> None:
    client = make_client()
    apply_working_set(store, fetch_working_set(client))  # network lane, then store lane
    incoming: queue.Queue[EventOut] = queue.Queue()
    stream = EventStream(client, on_event=incoming.put, last_event_id=None)
    stream.start()
    try:
        wait_for(lambda: stream.state.status == "connected", what="connected")
        raised = client.create_incident(
            IncidentIn(
                title=unique, category="road", priority=2, source="operator", lat=19.2, lon=110.4
            )
        )
        client.incident_action(raised.id, ActionIn(action="accept"))
        unit = client.units()[0]
        client.report_unit_status(
            unit.id, UnitStatusIn(status="out_of_service", lat=19.3, lon=110.5)
        )

        def complete(seen: list[EventOut]) -> bool:
            changed = any(
                e.type == EventType.INCIDENT_CHANGED and e.data["id"] == raised.id for e in seen
            )
            moved = any(
                e.type in (EventType.UNIT_STATUS, EventType.UNIT_MOVED) and e.data["id"] == unit.id
                for e in seen
            )
            return changed and moved

        batch = collect_until(incoming, complete)
    finally:
        assert stream.stop(5.0)

    update = resolve_events(client, batch)  # network lane
    apply_update(store, update)  # store lane
    cached = store.incidents.get(raised.id)
    assert cached is not None
    assert cached.state == "accepted"
    cached_unit = store.units.get(unit.id)
    assert cached_unit is not None
    assert cached_unit.status is UnitStatus.OUT_OF_SERVICE
    assert store.meta.last_event_id == max(e.id for e in batch)


def test_an_event_that_only_names_the_incident_is_fetched(
    make_client: MakeClient, store: Store, unique: str
) -> None:
    client = make_client()
    raised = client.create_incident(
        IncidentIn(
            title=unique, category="road", priority=2, source="operator", lat=19.2, lon=110.4
        )
    )
    events = [
        EventOut(id=10, type=EventType.INCIDENT_CHANGED, data={"id": raised.id}),
        EventOut(id=11, type=EventType.INCIDENT_CHANGED, data={"id": "gone-incident"}),
        EventOut(
            id=12, type=EventType.CAMERA_STATUS, data={"camera_id": "x", "status": "nonsense"}
        ),
    ]
    update = resolve_events(client, events)
    assert update.incidents[raised.id].title == unique
    assert update.removed_incidents == {"gone-incident"}
    assert not update.camera_status
    apply_update(store, update)
    assert store.incidents.get(raised.id) is not None
    # No full refresh yet: the store does not hold what came before event 10, so it keeps
    # no position, and a restart refreshes instead of resuming past what it never had.
    assert store.meta.last_event_id is None
    store.meta.last_full_refresh = datetime.now(UTC)
    apply_update(store, update)
    assert store.meta.last_event_id == 12
