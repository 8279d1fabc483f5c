"""Cache repositories take and give domain values, and filter like the views expect."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from console.client.sync import WorkingSet, apply_working_set
from console.domain.incident import IncidentState, Priority
from console.domain.model import (
    AlertKind,
    AlertStatus,
    CameraKind,
    CameraStatus,
    GeoPoint,
    Unit,
    UnitKind,
    UnitStatus,
)
from console.store import IncidentFilter, IncidentSort, Store
from console.wire.incidents import incident_out
from tests.support.catalog_factory import make_world
from tests.unit.store.incident_factory import make_alerts, make_incidents


def test_regions_and_cameras_round_trip_as_domain_values(store: Store) -> None:
    world = make_world(600, villages=40)
    store.regions.replace_all(world.regions)
    store.cameras.replace_all(world.cameras)
    assert {r.id: r for r in store.regions.all()} == {r.id: r for r in world.regions}
    assert store.cameras.count() == 600
    by_id = {c.id: c for c in store.cameras.query()}
    assert by_id == {c.id: c for c in world.cameras}
    shared = replace(world.cameras[0], shared_with=frozenset({"dept-a", "dept-b"}))
    store.cameras.upsert([shared])
    assert store.cameras.get(shared.id) == shared


def test_camera_queries_by_region_subtree_text_status_and_kind(store: Store) -> None:
    world = make_world(2_000, villages=60)
    store.regions.replace_all(world.regions)
    store.cameras.replace_all(world.cameras)
    town = world.regions[3]
    below = {r.id for r in world.regions if r.id == town.id or r.parent_id == town.id}
    assert store.regions.subtree_ids(town.id) == below
    assert store.regions.subtree_ids(world.regions[0].id) == {r.id for r in world.regions}

    def expect(predicate: object) -> list[str]:
        chosen = [c for c in world.cameras if predicate(c)]  # type: ignore[operator]
        return [c.id for c in sorted(chosen, key=lambda c: (c.name, c.id))]

    got = [c.id for c in store.cameras.query(region_id=town.id)]
    assert got == expect(lambda c: c.region_id in below)
    assert got  # the sample town has cameras
    got = [c.id for c in store.cameras.query(region_id=town.id, text="路口")]
    assert got == expect(lambda c: c.region_id in below and "路口" in c.name)
    got = [c.id for c in store.cameras.query(statuses=[CameraStatus.OFFLINE])]
    assert got == expect(lambda c: c.status is CameraStatus.OFFLINE)
    got = [c.id for c in store.cameras.query(kinds=[CameraKind.SCHOOL], text="小学")]
    assert got == expect(lambda c: c.kind is CameraKind.SCHOOL and "小学" in c.name)
    some = world.cameras[17]
    assert [c.id for c in store.cameras.query(text=some.id)] == [some.id]
    assert store.cameras.query(text="100%_") == []  # LIKE wildcards are taken literally
    page = store.cameras.query(limit=10, offset=5)
    assert [c.id for c in page] == expect(lambda c: True)[5:15]


def test_camera_status_events_and_full_refresh(store: Store) -> None:
    world = make_world(50, villages=5)
    store.cameras.replace_all(world.cameras)
    target = world.cameras[0]
    flipped = CameraStatus.OFFLINE if target.status is CameraStatus.ONLINE else CameraStatus.ONLINE
    assert store.cameras.set_status(target.id, flipped)
    assert store.cameras.get(target.id).status is flipped  # type: ignore[union-attr]
    assert not store.cameras.set_status("no-such-camera", flipped)
    store.cameras.replace_all(world.cameras[:10])
    assert store.cameras.count() == 10
    assert store.cameras.get(world.cameras[20].id) is None


def test_units_round_trip_with_and_without_position(store: Store) -> None:
    since = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    units = [
        Unit("u-police", "公安", UnitKind.LINKED_UNIT, None, "dept-police"),
        Unit(
            "u-p-1",
            "巡逻一组",
            UnitKind.TEAM,
            "u-police",
            "dept-police",
            UnitStatus.EN_ROUTE,
            GeoPoint(19.24, 110.46),
            since,
        ),
    ]
    store.units.replace_all(units)
    assert store.units.all() == sorted(units, key=lambda u: u.id)
    moved = replace(units[1], position=GeoPoint(19.25, 110.47), status=UnitStatus.ON_SCENE)
    store.units.upsert([moved])
    assert store.units.get("u-p-1") == moved


def test_incidents_round_trip_and_older_versions_never_win(store: Store) -> None:
    [body] = make_incidents(1)
    incident = body.to_domain()
    store.incidents.upsert([incident])
    assert store.incidents.get(incident.id) == incident

    newer = replace(
        incident,
        title="更新后的标题",
        version=incident.version + 1,
        updated_at=incident.updated_at + timedelta(minutes=1),
    )
    store.incidents.upsert([newer])
    store.incidents.upsert([incident])  # a late page of a full refresh
    assert store.incidents.get(incident.id) == newer
    page = store.incidents.query(IncidentFilter(text="更新后"))
    assert [i.id for i in page.items] == [incident.id]
    assert store.incidents.query(IncidentFilter(text=incident.title)).total == 0

    store.incidents.remove([incident.id])
    assert store.incidents.get(incident.id) is None
    assert store.incidents.count() == 0


def _reference(bodies: list, where: IncidentFilter, sort: IncidentSort) -> list[str]:  # type: ignore[type-arg]
    def lead_unit(body):  # type: ignore[no-untyped-def]
        active = [a.unit_id for a in body.assignments if a.active]
        return active[-1] if active else None

    text = where.text.strip().casefold()
    chosen = [
        b
        for b in bodies
        if (not where.states or b.state in where.states)
        and (not where.priorities or b.priority in where.priorities)
        and (where.unit_id is None or lead_unit(b) == where.unit_id)
        and (not text or text in " ".join((b.number, b.title, b.category, b.address)).casefold())
    ]
    if sort is IncidentSort.PRIORITY:
        chosen.sort(key=lambda b: (-int(b.priority), b.updated_at, b.id), reverse=True)
    else:
        chosen.sort(key=lambda b: (b.updated_at, b.id), reverse=True)
    return [b.id for b in chosen]


def test_incident_filters_sorts_and_pages_match_a_reference(store: Store) -> None:
    bodies = make_incidents(3_000, seed=4)
    store.incidents.upsert(bodies)
    cases = [
        IncidentFilter(),
        IncidentFilter(states=frozenset({IncidentState.DISPATCHED, IncidentState.IN_PROGRESS})),
        IncidentFilter(priorities=frozenset({Priority.P1})),
        IncidentFilter(priorities=frozenset({Priority.P1, Priority.P3})),
        IncidentFilter(unit_id="unit-fire"),
        IncidentFilter(text="金海路"),
        IncidentFilter(text="QH2025"),
        IncidentFilter(
            states=frozenset({IncidentState.SIGNED}),
            priorities=frozenset({Priority.P2}),
            text="路",
        ),
    ]
    for where in cases:
        for sort in (IncidentSort.UPDATED, IncidentSort.PRIORITY):
            expected = _reference(bodies, where, sort)
            page = store.incidents.query(where, sort=sort, offset=0, limit=40)
            assert page.total == len(expected), where
            assert [i.id for i in page.items] == expected[:40], (where, sort)
            later = store.incidents.query(where, sort=sort, offset=40, limit=25)
            assert [i.id for i in later.items] == expected[40:65], (where, sort)
    sample = store.incidents.query(IncidentFilter(), limit=1).items[0]
    assert incident_out(sample) == next(b for b in bodies if b.id == sample.id)


def test_alerts_newest_first_with_filters_and_prune(store: Store) -> None:
    bodies = make_alerts(300)
    store.alerts.upsert(bodies)
    newest = store.alerts.query(limit=5)
    assert [a.id for a in newest] == [b.id for b in sorted(bodies, key=lambda b: b.detected_at)][
        ::-1
    ][:5]
    fresh = store.alerts.query(statuses=[AlertStatus.NEW], kinds=[AlertKind.SMOKE_FIRE], limit=500)
    assert {a.id for a in fresh} == {
        b.id for b in bodies if b.status is AlertStatus.NEW and b.kind is AlertKind.SMOKE_FIRE
    }
    assert store.alerts.count([AlertStatus.NEW]) == sum(b.status is AlertStatus.NEW for b in bodies)
    handled = replace(bodies[0].to_domain(), status=AlertStatus.DISMISSED, dismiss_reason="误报")
    store.alerts.upsert([handled])
    assert store.alerts.get(handled.id) == handled
    cutoff = bodies[100].detected_at
    assert store.alerts.prune(cutoff) == 100
    assert store.alerts.count() == 200


def test_meta_keeps_the_stream_position_and_refresh_time(store: Store) -> None:
    assert store.meta.last_event_id is None
    assert store.meta.last_full_refresh is None
    store.meta.last_event_id = 41
    store.meta.last_event_id = 42
    moment = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    store.meta.last_full_refresh = moment
    assert store.meta.last_event_id == 42
    assert store.meta.last_full_refresh == moment
    store.meta.last_event_id = None
    assert store.meta.last_event_id is None


def test_a_reset_refresh_keeps_incidents_live_events_wrote_while_it_was_fetched(
    store: Store,
) -> None:
    # A stream reset forgets the cache before the fetched working set lands, but an incident
    # a live event brought in after the working set was asked for is newer than that set.
    stale, live, fetched = make_incidents(3)
    store.incidents.upsert([stale, live])
    working_set = WorkingSet(
        fetched_at=datetime.now(UTC),
        regions=[],
        cameras=[],
        units=[],
        incidents=[fetched],
        alerts=[],
    )
    apply_working_set(store, working_set, reset=True, keep_incidents={live.id})
    assert store.incidents.get(stale.id) is None
    assert store.incidents.get(live.id) is not None
    assert store.incidents.get(fetched.id) is not None
    assert store.incidents.count() == 2
