"""The patrol engine with an injected clock: pages, dwell, pause, verdicts, dead and skipped
cameras, the record body (validated by the wire schema) and the coverage summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.model import PatrolPlan, PatrolVerdict
from console.wall.patrol import (
    NOTE_NOT_REACHED,
    NOTE_UNJUDGED,
    PatrolError,
    PatrolRun,
    PatrolState,
    pages_of,
)
from console.wire.patrol import PatrolRecordIn


class Clocks:
    def __init__(self) -> None:
        self.now = 100.0
        self.start = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.now - 100.0)


PLAN = PatrolPlan("plan-1", "Roads", tuple(f"c{i}" for i in range(1, 10)), dwell_s=10)


def test_pages_cut_the_plan_and_expand_groups_without_repeats() -> None:
    groups = {"g1": ["c1", "c2", "c3"]}
    plan = PatrolPlan("p", "mixed", ("g1", "c2", "c4", "c5"), dwell_s=5)
    pages = pages_of(plan, 2, lambda entry: groups.get(entry, [entry]))
    assert [p.camera_ids for p in pages] == [("c1", "c2"), ("c3", "c4"), ("c5",)]
    assert [p.number for p in pages] == [0, 1, 2]
    with pytest.raises(ValueError, match="at least one"):
        pages_of(plan, 0)


def test_a_full_patrol_with_verdicts_dwell_and_dead_cameras() -> None:
    clocks = Clocks()
    run = PatrolRun(PLAN, tiles_per_page=4, clock=clocks.monotonic, wall_clock=clocks.wall)
    first = run.start()
    assert first is not None
    assert first.camera_ids == ("c1", "c2", "c3", "c4")
    assert run.upcoming is not None
    assert run.upcoming.camera_ids == ("c5", "c6", "c7", "c8")
    for camera in ("c1", "c2", "c3"):
        run.report_live(camera)
    run.mark("c1", PatrolVerdict.OK)
    run.mark("c2", PatrolVerdict.ABNORMAL, "smoke")
    clocks.now += 9.9
    assert run.tick() is None
    assert run.remaining_s() == pytest.approx(0.1)
    clocks.now += 0.1
    second = run.tick()
    assert second is not None
    assert second.number == 1
    with pytest.raises(PatrolError):
        run.mark("c1", PatrolVerdict.OK)
    for camera in second.camera_ids:
        run.report_live(camera)
        run.mark(camera, PatrolVerdict.OK)
    assert run.all_judged()
    clocks.now += 3
    third = run.advance()
    assert third is not None
    assert third.camera_ids == ("c9",)
    run.pause()
    clocks.now += 100
    assert run.tick() is None, "a paused patrol waits"
    run.resume()
    clocks.now += 4
    run.stop()
    assert run.state is PatrolState.FINISHED
    body = run.record_body()
    PatrolRecordIn.model_validate(body)
    entries = {e["camera_id"]: e for e in body["entries"]}
    assert [e["camera_id"] for e in body["entries"]] == list(PLAN.camera_ids)
    assert entries["c1"]["verdict"] == "ok"
    assert entries["c1"]["dwell_s"] == pytest.approx(10.0)
    assert entries["c2"] == entries["c2"] | {"verdict": "abnormal", "note": "smoke"}
    assert entries["c3"]["verdict"] == "skipped"
    assert entries["c3"]["note"] == NOTE_UNJUDGED
    assert entries["c4"]["verdict"] == "dead", "shown, never a picture, not judged"
    assert entries["c5"]["dwell_s"] == pytest.approx(3.0)
    assert entries["c9"]["verdict"] == "dead"
    assert entries["c9"]["dwell_s"] == pytest.approx(4.0), "paused time is not dwell"
    assert body["plan_id"] == "plan-1"
    assert body["started_at"] == "2025-03-01T08:00:00+00:00"
    coverage = run.coverage()
    assert (coverage.planned, coverage.seen, coverage.ok, coverage.abnormal) == (9, 9, 5, 1)
    assert (coverage.dead, coverage.unjudged, coverage.not_reached) == (2, 1, 0)
    assert coverage.seen_ratio == 1.0


def test_stopping_early_leaves_cameras_not_reached() -> None:
    clocks = Clocks()
    run = PatrolRun(PLAN, tiles_per_page=4, clock=clocks.monotonic, wall_clock=clocks.wall)
    run.start()
    run.report_live("c1")
    run.mark("c1", PatrolVerdict.OK)
    clocks.now += 2
    run.stop()
    entries = run.record_body()["entries"]
    assert [e["note"] for e in entries[4:]] == [NOTE_NOT_REACHED] * 5
    assert all(e["verdict"] == "skipped" and e["dwell_s"] == 0 for e in entries[4:])
    coverage = run.coverage()
    assert (coverage.seen, coverage.not_reached, coverage.dead) == (4, 5, 3)
    assert coverage.seen_ratio == pytest.approx(4 / 9)


def test_commands_that_do_not_fit_the_state() -> None:
    run = PatrolRun(PLAN)
    with pytest.raises(PatrolError):
        run.record_body()
    run.start()
    with pytest.raises(PatrolError, match="already started"):
        run.start()
    empty = PatrolRun(PatrolPlan("e", "empty", ()))
    assert empty.start() is None
    assert empty.state is PatrolState.FINISHED
    assert empty.record_body()["entries"] == []
