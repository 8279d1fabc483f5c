"""When a patrol screen's next page starts playing hidden (pre-roll): a lead time before the
step is due, on an injected clock; pauses hold it back, a short dwell pre-rolls at once, the
operator's first verdict starts it early, and screens stepping together pre-roll on the
common step."""

from __future__ import annotations

from console.domain.model import PatrolPlan, PatrolVerdict
from console.wall.patrol import PatrolRun, StepMode

CAMERAS = tuple(f"c{i:02d}" for i in range(1, 25))  # 6 pages of 4


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def run_of(
    clock: Clock,
    *,
    screens: int = 1,
    dwell_s: int = 10,
    mode: StepMode = StepMode.TOGETHER,
    count: int = 24,
) -> PatrolRun:
    plan = PatrolPlan("p", "Preroll", CAMERAS[:count], dwell_s=dwell_s)
    run = PatrolRun(plan, tiles_per_page=4, clock=clock, screens=screens, step_mode=mode)
    run.start()
    return run


def test_the_next_page_plays_only_the_lead_time_before_its_step() -> None:
    clock = Clock()
    run = run_of(clock)
    assert run.step_due_in(0) == 10.0
    assert not run.preroll_due(0, 3.0)
    clock.now += 6.9
    assert not run.preroll_due(0, 3.0)
    clock.now += 0.1
    assert run.step_due_in(0) == 3.0
    assert run.preroll_due(0, 3.0)
    clock.now += 3.0
    assert run.tick_screens() == [0]
    assert not run.preroll_due(0, 3.0), "a new step: its next page waits again"


def test_no_lead_or_a_dwell_shorter_than_the_lead_pre_rolls_at_once() -> None:
    clock = Clock()
    assert run_of(clock).preroll_due(0, None)
    assert run_of(clock, dwell_s=2).preroll_due(0, 3.0)


def test_a_paused_patrol_holds_the_pre_roll_back() -> None:
    clock = Clock()
    run = run_of(clock)
    clock.now += 5.0
    run.pause()
    clock.now += 60.0
    assert run.step_due_in(0) == 5.0
    assert not run.preroll_due(0, 3.0)
    run.resume()
    clock.now += 2.0
    assert run.preroll_due(0, 3.0)


def test_the_last_page_has_nothing_to_pre_roll() -> None:
    clock = Clock()
    run = run_of(clock, count=4)
    clock.now += 9.5
    assert run.upcoming_on(0) is None
    assert not run.preroll_due(0, 3.0)
    assert not run.preroll_due(0, None)


def test_a_verdict_starts_the_pre_roll_unless_judging_does_not_end_the_step() -> None:
    clock = Clock()
    run = run_of(clock)
    clock.now += 1.0
    run.mark(CAMERAS[0], PatrolVerdict.OK)
    assert run.preroll_due(0, 3.0)
    assert not run.preroll_due(0, 3.0, judging_ends_step=False)


def test_screens_stepping_together_pre_roll_on_the_common_step() -> None:
    clock = Clock()
    run = run_of(clock, screens=2)
    clock.now += 8.0
    assert run.step_due_in(0) == run.step_due_in(1) == 2.0
    assert run.preroll_due(0, 3.0)
    assert run.preroll_due(1, 3.0)
    clock.now += 2.0
    assert run.tick_screens() == [0, 1]
    assert run.step_due_in(0) == run.step_due_in(1) == 10.0
    assert not run.preroll_due(1, 3.0)
    # A screen that joins the step late and sits a turn out: see test_patrol_together.py.


def test_screens_on_their_own_dwell_pre_roll_each_on_its_own_clock() -> None:
    clock = Clock()
    run = run_of(clock, screens=2, mode=StepMode.OWN_DWELL)
    clock.now += 4.0
    run.advance_screen(0)
    clock.now += 3.5
    assert run.step_due_in(1) == 2.5
    assert run.preroll_due(1, 3.0)
    assert run.step_due_in(0) == 6.5
    assert not run.preroll_due(0, 3.0)
    clock.now += 2.5
    assert run.tick_screens() == [1]
    assert not run.preroll_due(1, 3.0)
    clock.now += 1.0
    assert run.preroll_due(0, 3.0)
