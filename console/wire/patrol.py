"""Video patrol (视频巡检): plans and the records of patrols walked."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, Field

from console.domain.model import PatrolEntry, PatrolPlan, PatrolRecord, PatrolVerdict
from console.wire.common import Ident, Name, RequestModel, Text, WireModel


class PatrolPlanIn(RequestModel):
    name: Name
    camera_ids: list[Ident] = Field(min_length=1, max_length=2000)
    dwell_s: int = Field(default=10, ge=1, le=3600)


class PatrolPlanOut(WireModel):
    id: str
    name: str
    camera_ids: list[str]
    dwell_s: int
    owner_id: str | None = None

    def to_domain(self) -> PatrolPlan:
        return PatrolPlan(
            id=self.id,
            name=self.name,
            camera_ids=tuple(self.camera_ids),
            dwell_s=self.dwell_s,
            owner_id=self.owner_id,
        )


def patrol_plan_out(plan: PatrolPlan) -> PatrolPlanOut:
    return PatrolPlanOut(
        id=plan.id,
        name=plan.name,
        camera_ids=list(plan.camera_ids),
        dwell_s=plan.dwell_s,
        owner_id=plan.owner_id,
    )


class PatrolEntryIn(RequestModel):
    camera_id: Ident
    seen_at: AwareDatetime
    dwell_s: float = Field(ge=0, le=86_400)
    verdict: PatrolVerdict
    note: Text = ""
    # Where and how the camera was shown; absent from consoles older than multi-screen patrol.
    screen: int | None = Field(default=None, ge=0, le=63)
    monitor: Name | None = None
    tile: int | None = Field(default=None, ge=0, le=255)
    live_s: float | None = Field(default=None, ge=0, le=86_400)


class PatrolRecordIn(RequestModel):
    plan_id: Ident | None = None
    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    entries: list[PatrolEntryIn] = Field(default_factory=list, max_length=10_000)


class PatrolEntryOut(WireModel):
    camera_id: str
    seen_at: datetime
    dwell_s: float
    verdict: PatrolVerdict
    note: str = ""
    screen: int | None = None
    monitor: str | None = None
    tile: int | None = None
    live_s: float | None = None


class PatrolRecordOut(WireModel):
    id: str
    plan_id: str | None = None
    operator_id: str
    started_at: datetime
    finished_at: datetime | None = None
    entries: list[PatrolEntryOut] = []

    def to_domain(self) -> PatrolRecord:
        return PatrolRecord(
            id=self.id,
            plan_id=self.plan_id,
            operator_id=self.operator_id,
            started_at=self.started_at,
            finished_at=self.finished_at,
            entries=tuple(
                PatrolEntry(
                    camera_id=e.camera_id,
                    seen_at=e.seen_at,
                    dwell_s=e.dwell_s,
                    verdict=e.verdict,
                    note=e.note,
                    screen=e.screen,
                    monitor=e.monitor,
                    tile=e.tile,
                    live_s=e.live_s,
                )
                for e in self.entries
            ),
        )


def patrol_record_out(record: PatrolRecord) -> PatrolRecordOut:
    return PatrolRecordOut(
        id=record.id,
        plan_id=record.plan_id,
        operator_id=record.operator_id,
        started_at=record.started_at,
        finished_at=record.finished_at,
        entries=[
            PatrolEntryOut(
                camera_id=e.camera_id,
                seen_at=e.seen_at,
                dwell_s=e.dwell_s,
                verdict=e.verdict,
                note=e.note,
                screen=e.screen,
                monitor=e.monitor,
                tile=e.tile,
                live_s=e.live_s,
            )
            for e in record.entries
        ],
    )
