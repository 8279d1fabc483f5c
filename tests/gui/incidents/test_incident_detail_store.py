"""What the detail pane reads: the newest version of an incident among many in the store.

The pane shows ``store.incidents.get(id)``; a newer version arriving on the event stream must
replace the stored body whatever else the store holds (it once compared against the first
stored incident's version instead of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.domain.incident import Incident, IncidentSource, IncidentState, Priority
from console.domain.model import GeoPoint
from console.store import Store, open_store
from console.wire.incidents import incident_out

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def incident(n: int) -> Incident:
    return Incident(
        id=f"inc-{n}",
        number=f"QH-20261204-{n:04d}",
        title=f"Event {n}",
        category="garbage",
        priority=Priority.P3,
        source=IncidentSource.OPERATOR,
        state=IncidentState.REPORTED,
        position=GeoPoint(19.24, 110.46),
        created_by="user-op",
        created_at=NOW,
        updated_at=NOW,
        version=1 + n,  # every stored incident at a different version
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "store")
    try:
        yield opened
    finally:
        opened.close()


@pytest.mark.parametrize("position", [0, 1, 4])
def test_a_newer_version_replaces_the_body_among_many(store: Store, position: int) -> None:
    others = [incident(n) for n in range(5)]
    store.incidents.upsert(others)
    stored = others[position]
    newer = replace(
        stored,
        state=IncidentState.ACCEPTED,
        version=stored.version + 1,
        updated_at=NOW + timedelta(minutes=1),
    )
    store.incidents.upsert([incident_out(newer)])
    assert store.incidents.get(stored.id) == newer
    # An older version arriving late changes nothing.
    store.incidents.upsert([incident_out(stored)])
    assert store.incidents.get(stored.id) == newer
    # The others are untouched.
    for other in others:
        if other.id != stored.id:
            assert store.incidents.get(other.id) == other
