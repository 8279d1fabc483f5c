"""100,000 cached incidents: every filter and sort the incident list offers gives right answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.incident import IncidentState, Priority
from console.store import IncidentFilter, IncidentSort, open_store
from tests.unit.store.incident_factory import make_incidents


def _lead_unit(body) -> str | None:  # type: ignore[no-untyped-def]
    active = [a.unit_id for a in body.assignments if a.active]
    return active[-1] if active else None


@pytest.mark.slow
def test_filters_and_sorts_over_100k_incidents(tmp_path: Path) -> None:
    bodies = make_incidents(100_000, seed=21)
    store = open_store(tmp_path / "store")
    try:
        store.incidents.upsert(bodies)
        assert store.incidents.count() == 100_000
        cases = {
            "all": (IncidentFilter(), lambda b: True),
            "open work": (
                IncidentFilter(
                    states=frozenset({IncidentState.DISPATCHED, IncidentState.IN_PROGRESS})
                ),
                lambda b: b.state in {IncidentState.DISPATCHED, IncidentState.IN_PROGRESS},
            ),
            "urgent": (
                IncidentFilter(priorities=frozenset({Priority.P1})),
                lambda b: b.priority is Priority.P1,
            ),
            "fire brigade": (
                IncidentFilter(unit_id="unit-fire"),
                lambda b: _lead_unit(b) == "unit-fire",
            ),
            "text": (IncidentFilter(text="金海路1"), lambda b: "金海路1" in b.title + b.address),
            "combined": (
                IncidentFilter(states=frozenset({IncidentState.REPORTED}), text="交通事故"),
                lambda b: b.state is IncidentState.REPORTED and "交通事故" in b.title + b.category,
            ),
        }
        for name, (where, predicate) in cases.items():
            chosen = [b for b in bodies if predicate(b)]
            by_updated = sorted(chosen, key=lambda b: (b.updated_at, b.id), reverse=True)
            by_priority = sorted(
                chosen, key=lambda b: (-int(b.priority), b.updated_at, b.id), reverse=True
            )
            for sort, expected in (
                (IncidentSort.UPDATED, by_updated),
                (IncidentSort.PRIORITY, by_priority),
            ):
                page = store.incidents.query(where, sort=sort, offset=100, limit=50)
                assert page.total == len(chosen), name
                assert [i.id for i in page.items] == [b.id for b in expected[100:150]], (name, sort)
    finally:
        store.close()
