"""Deterministic, realistic incidents for the incident list's store tests and benchmark.

The world is the demo city's shape (13 towns, 209 villages) with the six linked units and a
few dozen operators. Each incident has a minor category of the catalogue, a village, a
creator, a deadline by its category's time limit with the server's time-limit block, a lead
unit once dispatched, and for hotline calls a caller. States follow a busy centre: most
incidents are closed, a fair share is being handled, some wait for verification.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from console.domain.categories import CATEGORIES, category
from console.domain.incident import SLA_TIMED_STATES, IncidentSource, IncidentState, Priority
from console.domain.model import GeoPoint, Region, Unit, UnitKind
from console.domain.sla import level_at, sla_times
from console.wire.incidents import AssignmentOut, IncidentOut
from tests.support.catalog_factory import make_world

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
UNITS = (
    ("unit-police", "公安局"),
    ("unit-enforcement", "综合行政执法局"),
    ("unit-transport", "交通运输局"),
    ("unit-fire", "消防救援大队"),
    ("unit-armed", "武警中队"),
    ("unit-em", "应急管理局"),
)
OPERATORS = tuple(f"user-op{n}" for n in range(1, 31))
STREETS = ("嘉积大道", "金海路", "爱华路", "富海路", "银海路", "博鳌大道", "潭门渔港路")
CALLERS = ("张三明", "李四", "王小红", "陈建国", "林海")
_STATE_WEIGHTS = {
    IncidentState.CLOSED: 50,
    IncidentState.REPORTED: 3,
    IncidentState.ACCEPTED: 2,
    IncidentState.FILED: 2,
    IncidentState.DISPATCHED: 6,
    IncidentState.SIGNED: 4,
    IncidentState.IN_PROGRESS: 8,
    IncidentState.FEEDBACK: 4,
    IncidentState.VERIFYING: 3,
    IncidentState.REOPENED: 2,
    IncidentState.RETURNED: 1,
    IncidentState.DELAY_REQUESTED: 1,
    IncidentState.SUSPENDED: 1,
    IncidentState.MERGED: 2,
    IncidentState.CANCELLED: 4,
    IncidentState.REJECTED: 7,
}
_LED = frozenset(
    {
        IncidentState.DISPATCHED,
        IncidentState.SIGNED,
        IncidentState.IN_PROGRESS,
        IncidentState.FEEDBACK,
        IncidentState.VERIFYING,
        IncidentState.REOPENED,
        IncidentState.DELAY_REQUESTED,
        IncidentState.SUSPENDED,
        IncidentState.CLOSED,
    }
)


@dataclass(frozen=True)
class IncidentWorld:
    regions: list[Region]
    units: list[Unit]
    incidents: list[IncidentOut]

    @property
    def towns(self) -> list[Region]:
        return [r for r in self.regions if r.kind.value == "town"]


def make_units() -> list[Unit]:
    return [
        Unit(unit_id, name, UnitKind.LINKED_UNIT, None, f"dept-{unit_id}", position=None)
        for unit_id, name in UNITS
    ]


def make_incident_world(count: int, *, seed: int = 3) -> IncidentWorld:
    rng = random.Random(seed)
    regions = make_world(0, seed=seed).regions
    villages = [r for r in regions if r.kind.value == "village"]
    states = list(_STATE_WEIGHTS)
    weights = list(_STATE_WEIGHTS.values())
    minors = [item.code for item in CATEGORIES]
    incidents: list[IncidentOut] = []
    span = timedelta(days=365).total_seconds()
    for serial in range(1, count + 1):
        state = rng.choices(states, weights)[0]
        created = NOW - timedelta(seconds=span * (count - serial) / count + rng.randrange(600))
        updated = min(NOW, created + timedelta(seconds=rng.randrange(0, 3 * 86_400)))
        code = rng.choice(minors)
        policy = category(code).policy
        due = created + policy.handle
        times = sla_times(created, due, policy)
        running = state in SLA_TIMED_STATES
        level = level_at(times, NOW if running else updated)
        village = rng.choice(villages)
        incident_id = f"inc-{serial:07d}"
        source = rng.choice(list(IncidentSource))
        street = rng.choice(STREETS)
        assignments = []
        if state in _LED:
            assignments.append(
                AssignmentOut.model_construct(
                    id=f"asg-{serial:07d}",
                    incident_id=incident_id,
                    unit_id=rng.choice(UNITS)[0],
                    dispatched_by=rng.choice(OPERATORS),
                    dispatched_at=created + timedelta(minutes=5),
                    due_at=due,
                )
            )
        hotline = source is IncidentSource.HOTLINE_12345
        incidents.append(
            IncidentOut.model_construct(
                id=incident_id,
                number=f"QH{created:%Y%m%d}{serial:06d}",
                title=f"{street}{rng.randint(1, 300)}号{category(code).name}",
                category=code,
                priority=Priority(rng.randint(1, 4)),
                source=source,
                state=state,
                lat=village.center.lat + rng.uniform(-0.01, 0.01),
                lon=village.center.lon + rng.uniform(-0.01, 0.01),
                created_by=rng.choice(OPERATORS),
                created_at=created,
                updated_at=updated,
                address=f"琼海市{village.name}{street}",
                region_id=village.id,
                due_at=due,
                version=rng.randint(1, 12),
                assignments=assignments,
                caller_name=rng.choice(CALLERS) if hotline else "",
                caller_phone=f"138{rng.randrange(10**8):08d}" if hotline else "",
                sla_level=level,
            )
        )
    return IncidentWorld(regions, make_units(), incidents)


__all__ = ["NOW", "GeoPoint", "IncidentWorld", "make_incident_world", "make_units"]
