"""Deterministic synthetic incidents and alerts (server bodies) for store tests and benchmarks."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from console.domain.incident import IncidentSource, IncidentState, Priority
from console.domain.model import AlertKind, AlertStatus
from console.wire.alerts import AlertOut
from console.wire.incidents import AssignmentOut, IncidentOut

EPOCH = datetime(2025, 3, 1, tzinfo=UTC)
UNITS = ("unit-police", "unit-enforcement", "unit-transport", "unit-fire", "unit-armed", "unit-em")
CATEGORIES = ("占道经营", "乱堆乱放", "道路积水", "交通事故", "烟火", "违章停车", "噪音扰民")
STREETS = ("嘉积大道", "金海路", "爱华路", "富海路", "银海路", "博鳌大道", "潭门渔港路")
_DISPATCHED_STATES = frozenset(
    {
        IncidentState.DISPATCHED,
        IncidentState.SIGNED,
        IncidentState.IN_PROGRESS,
        IncidentState.FEEDBACK,
        IncidentState.VERIFYING,
    }
)


def make_incidents(count: int, *, seed: int = 11) -> list[IncidentOut]:
    rng = random.Random(seed)
    states = list(IncidentState)
    incidents: list[IncidentOut] = []
    for serial in range(1, count + 1):
        state = rng.choice(states)
        created = EPOCH + timedelta(seconds=serial * 7)
        updated = created + timedelta(seconds=rng.randrange(0, 86_400))
        incident_id = f"inc-{serial:07d}"
        assignments = []
        if state in _DISPATCHED_STATES:
            assignments.append(
                AssignmentOut(
                    id=f"asg-{serial:07d}",
                    incident_id=incident_id,
                    unit_id=rng.choice(UNITS),
                    dispatched_by="user-op1",
                    dispatched_at=created + timedelta(minutes=5),
                )
            )
        incidents.append(
            IncidentOut(
                id=incident_id,
                number=f"QH{created:%Y%m%d}{serial:06d}",
                title=f"{rng.choice(STREETS)}{rng.randint(1, 300)}号{rng.choice(CATEGORIES)}",
                category=rng.choice(CATEGORIES),
                priority=Priority(rng.randint(1, 4)),
                source=rng.choice(list(IncidentSource)),
                state=state,
                lat=rng.uniform(18.95, 19.45),
                lon=rng.uniform(110.20, 110.70),
                created_by="user-op1",
                created_at=created,
                updated_at=updated,
                address=f"琼海市{rng.choice(STREETS)}",
                version=rng.randint(1, 12),
                assignments=assignments,
            )
        )
    return incidents


def make_alerts(count: int, *, seed: int = 5) -> list[AlertOut]:
    rng = random.Random(seed)
    return [
        AlertOut(
            id=f"alert-{serial:07d}",
            kind=rng.choice(list(AlertKind)),
            camera_id=f"46900200001320{serial % 500:06d}",
            lat=rng.uniform(18.95, 19.45),
            lon=rng.uniform(110.20, 110.70),
            detected_at=EPOCH + timedelta(seconds=serial * 3),
            confidence=rng.uniform(0.3, 0.99),
            status=rng.choice(list(AlertStatus)),
        )
        for serial in range(1, count + 1)
    ]
