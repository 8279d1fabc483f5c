"""The incident list's filters and sorts on a real SQLite store give exactly the incidents a
plain Python reading of the same bodies gives, page by page, alone and combined."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from console.domain.categories import CATEGORIES
from console.domain.incident import TERMINAL_STATES, IncidentState, Priority
from console.domain.privacy import mask_name
from console.store import Store, open_store
from console.store.cache_schema import NO_DEADLINE
from console.store.incidents import IncidentFilter, IncidentSort, Mine
from console.wire.incidents import IncidentOut
from tests.integration.store.incident_world import NOW, IncidentWorld, make_incident_world

Predicate = Callable[[IncidentOut], bool]


@pytest.fixture(scope="module")
def world() -> IncidentWorld:
    return make_incident_world(6_000, seed=17)


@pytest.fixture(scope="module")
def store(world: IncidentWorld, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(tmp_path_factory.mktemp("incident-filter") / "store")
    opened.regions.replace_all(world.regions)
    opened.units.replace_all(world.units)
    opened.incidents.upsert(world.incidents)
    try:
        yield opened
    finally:
        opened.close()


def _lead(body: IncidentOut) -> str | None:
    active = [a.unit_id for a in body.assignments if a.active]
    return active[-1] if active else None


def _due_key(body: IncidentOut) -> datetime:
    sla = body.sla
    return sla.due_at if sla is not None and sla.running else NO_DEADLINE


def _town_of(world: IncidentWorld) -> Callable[[str | None], str | None]:
    parents = {r.id: r.parent_id for r in world.regions}
    return lambda region_id: parents.get(region_id) if region_id else None


_KEYS: dict[IncidentSort, Callable[[IncidentOut], Any]] = {
    IncidentSort.UPDATED: lambda b: (),
    IncidentSort.PRIORITY: lambda b: (-int(b.priority),),
    IncidentSort.NUMBER: lambda b: (b.number,),
    IncidentSort.TITLE: lambda b: (b.title,),
    IncidentSort.STATE: lambda b: (b.state.value,),
    IncidentSort.CATEGORY: lambda b: (b.category,),
    IncidentSort.PLACE: lambda b: (b.region_id or "",),
    IncidentSort.UNIT: lambda b: (_lead(b) or "",),
    IncidentSort.DUE: lambda b: (_due_key(b),),
}


def _expected(
    bodies: list[IncidentOut], keep: Predicate, sort: IncidentSort, descending: bool
) -> list[str]:
    chosen = [b for b in bodies if keep(b)]
    chosen.sort(key=lambda b: (*_KEYS[sort](b), b.updated_at, b.id), reverse=descending)
    return [b.id for b in chosen]


def _cases(world: IncidentWorld) -> dict[str, tuple[IncidentFilter, Predicate]]:
    town = world.towns[4].id
    town_of = _town_of(world)
    in_town: Predicate = lambda b: b.region_id == town or town_of(b.region_id) == town  # noqa: E731
    mine = Mine("user-op7", "unit-fire")
    is_mine: Predicate = lambda b: b.created_by == "user-op7" or _lead(b) == "unit-fire"  # noqa: E731
    overdue: Predicate = lambda b: _due_key(b) < NOW  # noqa: E731
    awaiting: Predicate = lambda b: b.state in (IncidentState.FEEDBACK, IncidentState.VERIFYING)  # noqa: E731
    traffic = frozenset(c.code for c in CATEGORIES if c.major == "traffic")
    open_states = frozenset(set(IncidentState) - TERMINAL_STATES)

    def text(word: str) -> Predicate:
        return lambda b: (
            word.casefold() in f"{b.number} {b.title} {b.category} {b.address}".casefold()
        )

    return {
        "everything": (IncidentFilter(), lambda b: True),
        "mine": (IncidentFilter(mine=mine), is_mine),
        "mine without a unit": (
            IncidentFilter(mine=Mine("user-op7")),
            lambda b: b.created_by == "user-op7",
        ),
        "overdue": (IncidentFilter(overdue_at=NOW), overdue),
        "awaiting verification": (IncidentFilter(awaiting_verification=True), awaiting),
        "town": (IncidentFilter(region_id=town), in_town),
        "unit": (IncidentFilter(unit_id="unit-police"), lambda b: _lead(b) == "unit-police"),
        "minor category": (
            IncidentFilter(categories=frozenset({"street_vendor"})),
            lambda b: b.category == "street_vendor",
        ),
        "major category": (IncidentFilter(categories=traffic), lambda b: b.category in traffic),
        "state": (
            IncidentFilter(states=frozenset({IncidentState.IN_PROGRESS})),
            lambda b: b.state is IncidentState.IN_PROGRESS,
        ),
        "open": (IncidentFilter(states=open_states), lambda b: b.state in open_states),
        "priority": (
            IncidentFilter(priorities=frozenset({Priority.P1})),
            lambda b: b.priority is Priority.P1,
        ),
        "text": (IncidentFilter(text="金海路1"), text("金海路1")),
        "text in the number, any case": (IncidentFilter(text="qh2026"), text("qh2026")),
        "text with LIKE wildcards": (IncidentFilter(text="%_"), lambda b: False),
        "mine and overdue in a town": (
            IncidentFilter(mine=mine, overdue_at=NOW, region_id=town),
            lambda b: is_mine(b) and overdue(b) and in_town(b),
        ),
        "awaiting verification in one state": (
            IncidentFilter(awaiting_verification=True, states=frozenset({IncidentState.VERIFYING})),
            lambda b: b.state is IncidentState.VERIFYING,
        ),
        "awaiting verification and a state that is not": (
            IncidentFilter(awaiting_verification=True, states=frozenset({IncidentState.CLOSED})),
            lambda b: False,
        ),
        "unit, category, state and text": (
            IncidentFilter(
                unit_id="unit-enforcement",
                categories=traffic | {"garbage"},
                states=open_states,
                text="路",
            ),
            lambda b: (
                _lead(b) == "unit-enforcement"
                and b.category in traffic | {"garbage"}
                and b.state in open_states
                and text("路")(b)
            ),
        ),
        "overdue by a later clock": (
            IncidentFilter(overdue_at=NOW + timedelta(days=1), unit_id="unit-police"),
            lambda b: _due_key(b) < NOW + timedelta(days=1) and _lead(b) == "unit-police",
        ),
    }


def test_every_filter_alone_and_combined_in_every_order(store: Store, world: IncidentWorld) -> None:
    cases = _cases(world)
    for name, (where, keep) in cases.items():
        matching = sum(1 for b in world.incidents if keep(b))
        if name not in ("text with LIKE wildcards",) and "not" not in name:
            assert matching > 0, f"{name}: the world should have matches"
        for sort in IncidentSort:
            for descending in (True, False):
                expected = _expected(world.incidents, keep, sort, descending)
                first = store.incidents.list_page(
                    where, sort=sort, descending=descending, offset=0, limit=60
                )
                assert first.total == len(expected), (name, sort)
                assert [r.id for r in first.rows] == expected[:60], (name, sort, descending)
                # A page deep in the list (where the store may pick another plan).
                deep = max(0, len(expected) - 30)
                last = store.incidents.list_page(
                    where, sort=sort, descending=descending, offset=deep, limit=60
                )
                assert [r.id for r in last.rows] == expected[deep:], (name, sort, descending)


def test_domain_pages_and_list_rows_agree(store: Store, world: IncidentWorld) -> None:
    where, _keep = _cases(world)["mine"]
    page = store.incidents.query(where, sort=IncidentSort.DUE, descending=False, limit=25)
    rows = store.incidents.list_page(where, sort=IncidentSort.DUE, descending=False, limit=25)
    assert [i.id for i in page.items] == [r.id for r in rows.rows]
    assert page.total == rows.total


def test_a_position_is_where_the_list_shows_the_incident(
    store: Store, world: IncidentWorld
) -> None:
    for name in ("everything", "town", "text", "overdue"):
        where, keep = _cases(world)[name]
        for sort in (IncidentSort.UPDATED, IncidentSort.TITLE, IncidentSort.DUE):
            expected = _expected(world.incidents, keep, sort, True)
            for row in (0, len(expected) // 2, len(expected) - 1):
                found = store.incidents.position(expected[row], where, sort=sort, descending=True)
                assert found == row, (name, sort)
    outside = next(b for b in world.incidents if b.state is not IncidentState.IN_PROGRESS)
    state_only = IncidentFilter(states=frozenset({IncidentState.IN_PROGRESS}))
    assert store.incidents.position(outside.id, state_only) is None


def test_list_rows_carry_places_units_deadlines_and_masked_callers(
    store: Store, world: IncidentWorld
) -> None:
    names = {r.id: r.name for r in world.regions}
    parents = {r.id: r.parent_id for r in world.regions}
    units = {u.id: u.name for u in world.units}
    bodies = {b.id: b for b in world.incidents}
    rows = store.incidents.list_page(IncidentFilter(), limit=400).rows
    assert len(rows) == 400
    for row in rows:
        body = bodies[row.id]
        assert row.title == body.title
        assert row.village == names[body.region_id or ""]
        assert row.town == names[parents[body.region_id or ""] or ""]
        assert row.unit_name == (units[_lead(body) or ""] if _lead(body) else "")
        assert body.sla is not None
        assert row.due_at == body.sla.due_at
        assert row.sla_level == body.sla_level.value
        assert row.sla_running == body.sla.running
        if body.caller_name:
            assert row.caller.startswith(mask_name(body.caller_name))
            assert body.caller_name not in row.caller
            assert body.caller_phone not in row.caller
        else:
            assert row.caller == ""


def test_a_newer_version_moves_the_incident_between_filters(
    store: Store, world: IncidentWorld
) -> None:
    body = next(
        b for b in world.incidents if b.state is IncidentState.IN_PROGRESS and b.sla is not None
    )
    verifying = IncidentFilter(awaiting_verification=True)
    before = store.incidents.list_page(verifying, limit=1).total
    assert body.sla is not None
    moved = body.model_copy(
        update={
            "state": IncidentState.VERIFYING,
            "version": body.version + 1,
            "sla": body.sla.model_copy(update={"running": False}),
        }
    )
    try:
        store.incidents.upsert([moved])
        assert store.incidents.list_page(verifying, limit=1).total == before + 1
        assert store.incidents.position(body.id, verifying) is not None
        assert store.incidents.position(body.id, IncidentFilter(overdue_at=NOW)) is None
        store.incidents.upsert([body])  # an older version changes nothing
        assert store.incidents.position(body.id, verifying) is not None
    finally:
        store.incidents.upsert(
            [
                moved.model_copy(
                    update={"version": body.version + 2, "state": body.state, "sla": body.sla}
                )
            ]
        )
