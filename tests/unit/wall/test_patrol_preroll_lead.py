"""The learnt pre-roll lead (``PrerollLead``) with the run's lead-time rule on an injected
clock: the configured lead until first pictures were timed, then each page's neediest
camera's time with a margin, never more than the configured lead; pauses, short dwells,
both step modes."""

from __future__ import annotations

import pytest

from console.domain.model import PatrolPlan
from console.wall.patrol import PatrolRun, PrerollLead, StepMode

CAMERAS = tuple(f"c{i:02d}" for i in range(1, 25))  # 6 pages of 4
CEILING_S = 3.0


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def run_of(
    clock: Clock, *, screens: int = 1, dwell_s: int = 10, mode: StepMode = StepMode.TOGETHER
) -> PatrolRun:
    plan = PatrolPlan("p", "Lead", CAMERAS, dwell_s=dwell_s)
    run = PatrolRun(plan, tiles_per_page=4, clock=clock, screens=screens, step_mode=mode)
    run.start()
    return run


def learnt(*times: float) -> PrerollLead:
    """A lead that timed the first page's cameras cold (c01, c02…) at ``times``."""
    lead = PrerollLead(margin_s=0.5, spread=1.25, min_seen=4)
    for number, seconds in enumerate(times, start=1):
        lead.record(f"c{number:02d}", seconds)
    return lead


def test_the_configured_lead_stands_until_enough_first_pictures_were_timed() -> None:
    lead = learnt(0.8, 0.9, 1.0)
    assert lead.lead_s(CAMERAS[4:8], CEILING_S) == CEILING_S
    assert lead.lead_s(CAMERAS[4:8], None) is None, "no ceiling: the whole dwell"
    lead.record("c04", 1.2)
    assert lead.lead_s(CAMERAS[4:8], CEILING_S) == pytest.approx(1.2 * 1.25 + 0.5)
    assert lead.lead_s((), CEILING_S) == 0.0, "an empty page plays nothing"


def test_a_page_starts_its_learnt_lead_before_its_step_not_the_configured_one() -> None:
    clock = Clock()
    run = run_of(clock)
    lead = learnt(0.6, 0.7, 0.8, 0.8)
    upcoming = run.upcoming_on(0)
    assert upcoming is not None
    lead_s = lead.lead_s(upcoming.camera_ids, CEILING_S)
    assert lead_s is not None
    assert lead_s == pytest.approx(0.8 * 1.25 + 0.5)
    assert run.preroll_due_in(0, lead_s) == pytest.approx(10.0 - lead_s)
    clock.now += 10.0 - CEILING_S
    assert not run.preroll_due(0, lead_s), "the configured lead would pre-roll here"
    clock.now += CEILING_S - lead_s - 0.01
    assert not run.preroll_due(0, lead_s)
    clock.now += 0.01
    assert run.preroll_due(0, lead_s)
    assert run.preroll_due_in(0, lead_s) == 0.0


def test_a_camera_slow_before_sets_its_pages_lead_and_the_configured_lead_caps_it() -> None:
    lead = learnt(0.6, 0.7, 0.8, 0.8)
    lead.record("c07", 1.6)  # slow the last time it was asked
    assert lead.need_s("c07") == 1.6
    assert lead.lead_s(("c05", "c06", "c07"), CEILING_S) == pytest.approx(1.6 * 1.25 + 0.5)
    lead.record("c08", 9.0)
    assert lead.lead_s(("c05", "c08"), CEILING_S) == CEILING_S


def test_a_fast_camera_needs_no_less_than_a_start_takes_now() -> None:
    lead = learnt(0.2)
    for number in range(2, 10):
        lead.record(f"x{number}", 1.5)  # the machine got busy since
    assert lead.need_s("c01") == 1.5, "its own time from a quiet moment is not enough now"


def test_old_times_are_forgotten() -> None:
    lead = PrerollLead(recent=8, per_camera=2, min_seen=4)
    for number in range(8):
        lead.record(f"slow{number}", 2.5)
    for number in range(8):
        lead.record(f"fast{number}", 0.4)
    assert lead.need_s("unseen") == 0.4
    lead.record("c01", 2.0)
    lead.record("c01", 0.5)
    lead.record("c01", 0.5)
    assert lead.need_s("c01") == 0.5, "its last few times only"


def test_a_dwell_shorter_than_the_lead_pre_rolls_at_once() -> None:
    clock = Clock()
    run = run_of(clock, dwell_s=1)
    lead_s = learnt(0.8, 0.9, 1.0, 1.2).lead_s(CAMERAS[4:8], CEILING_S)
    assert lead_s is not None
    assert lead_s > 1.0
    assert run.preroll_due(0, lead_s)
    assert run.preroll_due_in(0, lead_s) == 0.0


def test_a_paused_patrol_holds_the_learnt_pre_roll_back() -> None:
    clock = Clock()
    run = run_of(clock)
    lead_s = 1.5
    clock.now += 5.0
    run.pause()
    clock.now += 60.0
    assert run.preroll_due_in(0, lead_s) is None, "nothing runs down while paused"
    assert not run.preroll_due(0, lead_s)
    run.resume()
    assert run.preroll_due_in(0, lead_s) == pytest.approx(3.5)
    clock.now += 3.5
    assert run.preroll_due(0, lead_s)


def test_screens_on_their_own_dwell_count_down_each_to_its_own_pre_roll() -> None:
    clock = Clock()
    run = run_of(clock, screens=2, mode=StepMode.OWN_DWELL)
    clock.now += 4.0
    run.advance_screen(0)
    assert run.preroll_due_in(0, 1.5) == pytest.approx(8.5)
    assert run.preroll_due_in(1, 1.5) == pytest.approx(4.5)
    together = run_of(clock, screens=2)
    clock.now += 4.0
    assert together.preroll_due_in(0, 1.5) == together.preroll_due_in(1, 1.5) == 4.5


def test_the_last_page_has_nothing_to_count_down_to() -> None:
    clock = Clock()
    plan = PatrolPlan("p", "Lead", CAMERAS[:4], dwell_s=10)
    run = PatrolRun(plan, tiles_per_page=4, clock=clock)
    run.start()
    assert run.preroll_due_in(0, 1.0) is None


def test_a_lead_needs_sensible_settings() -> None:
    with pytest.raises(ValueError, match="spread"):
        PrerollLead(spread=0.5)
    with pytest.raises(ValueError, match="margin"):
        PrerollLead(margin_s=-1.0)


def test_only_the_latest_cameras_timed_are_remembered() -> None:
    lead = PrerollLead(min_seen=1, cameras_kept=2, recent=64)
    lead.record("slow", 9.0)
    lead.record("a", 0.2)
    lead.record("slow", 9.0)  # timed again: the latest once more
    assert lead.need_s("slow") == 9.0
    for _ in range(15):
        lead.record("b", 0.2)  # new: "a" is forgotten, "slow" kept
        lead.record("c", 0.2)  # new: now "slow" goes too
    # A camera forgotten counts as never seen: the 95th percentile of the recent times.
    assert lead.need_s("slow") == 0.2
    assert lead.need_s("slow") == lead.need_s("never-timed")
