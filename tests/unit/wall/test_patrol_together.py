"""Screens stepping together keep one step clock, monitors lost or not (injected clock): every
screen showing a page turns at the same moment, once a dwell; a screen with nothing left
shows nothing and holds nobody back; a screen that had shown everything and is given a lost
monitor's pages joins the common step, sitting one turn out when it came in with less than
half a dwell left."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.model import PatrolPlan
from console.wall.patrol import NOTE_NOT_REACHED, PatrolRun, PatrolState, StepMode

DWELL_S = 10.0


class Clocks:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return datetime(2026, 3, 4, 22, 0, tzinfo=UTC) + timedelta(seconds=self.now)


def run_of(
    clocks: Clocks, cameras: int, screens: int, mode: StepMode = StepMode.TOGETHER
) -> PatrolRun:
    plan = PatrolPlan(
        "plan-t", "Together", tuple(f"k{i:02d}" for i in range(cameras)), dwell_s=int(DWELL_S)
    )
    return PatrolRun(
        plan,
        tiles_per_page=4,
        clock=clocks.monotonic,
        wall_clock=clocks.wall,
        screens=screens,
        step_mode=mode,
        monitors=("A", "B", "C", "D"),
    )


def numbers(run: PatrolRun, screens: int) -> list[int | None]:
    return [p.number if (p := run.current_on(s)) is not None else None for s in range(screens)]


@pytest.mark.parametrize("seed", range(30))
def test_every_screen_turns_at_once_once_a_dwell_whatever_monitor_is_lost(seed: int) -> None:
    rng = random.Random(seed)
    clocks = Clocks()
    screens = rng.randint(2, 4)
    run = run_of(clocks, rng.randint(4, 90), screens)
    run.start()
    turned_at = clocks.now
    alive = list(range(1, screens))
    while run.state is not PatrolState.FINISHED:
        clocks.now += 1.0
        if alive and rng.random() < 0.06:
            run.drop_screen(alive.pop(rng.randrange(len(alive))))
            if run.state is PatrolState.FINISHED:
                break
        showing = [s for s in range(screens) if run.current_on(s) is not None]
        assert showing, "something is on screen until the patrol ends"
        left = DWELL_S - (clocks.now - turned_at)
        assert {run.remaining_s(screen=s) for s in showing} == {max(0.0, left)}
        moved = run.tick_screens()
        if left <= 0:
            assert moved == showing, "every screen with a page turns, at the same moment"
            turned_at = clocks.now
        else:
            assert moved == []
    entries = run.record_body()["entries"]
    assert len({e["camera_id"] for e in entries}) == len(entries) == len(run.plan.camera_ids)
    assert all(e["note"] != NOTE_NOT_REACHED for e in entries), "nothing left unseen"
    assert all(e["dwell_s"] <= DWELL_S for e in entries), "no screen waited for another"


def test_a_screen_with_nothing_left_shows_nothing_and_holds_no_one_back() -> None:
    clocks = Clocks()
    run = run_of(clocks, 20, 2)  # screen 0: pages 0, 2, 4; screen 1: pages 1, 3
    run.start()
    clocks.now += DWELL_S
    assert run.tick_screens() == [0, 1]
    clocks.now += DWELL_S
    assert run.tick_screens() == [0, 1]
    assert numbers(run, 2) == [4, None]
    row = run.progress()[1]
    assert (row.finished, row.cameras, row.remaining_s) == (True, 0, 0.0)
    assert run.step_due_in(1) is None
    clocks.now += DWELL_S
    assert run.tick_screens() == [0]
    assert run.state is PatrolState.FINISHED


def given_idle_main_screen_and_a_screen_with_pages_left(clocks: Clocks) -> PatrolRun:
    """Three screens stepping together; the main window (0) has shown all its pages, screen 1
    still has page 7 to show, screen 2 page 8. Round-robin dealing, and dealing a lost
    screen's pages to those with least left, never leave it so when the screens step together
    from the start; a patrol begun on each screen's own dwell and then set to step together
    does."""
    run = run_of(clocks, 40, 3, StepMode.OWN_DWELL)  # 0: 0, 3, 6, 9; 1: 1, 4, 7; 2: 2, 5, 8
    run.start()
    for _ in range(4):
        run.advance_screen(0)
    run.step_mode = StepMode.TOGETHER
    assert run.advance_all() == [1, 2]  # a common step begins
    assert numbers(run, 3) == [None, 4, 5]
    assert run.screen_done(0)
    return run


def test_an_idle_screen_given_pages_late_in_the_step_sits_one_turn_out() -> None:
    clocks = Clocks()
    run = given_idle_main_screen_and_a_screen_with_pages_left(clocks)
    clocks.now += 7.0  # 3 s of the step left: less than half a dwell
    assert run.drop_screen(1) == [0]
    # Screen 0 shows the lost screen's page at once; screen 2 keeps the step's time.
    assert numbers(run, 3) == [7, None, 5]
    assert run.step_due_in(2) == pytest.approx(3.0)
    assert run.step_due_in(0) == pytest.approx(3.0 + DWELL_S)
    assert run.remaining_s(screen=0) == pytest.approx(3.0 + DWELL_S)
    assert run.preroll_due(2, 3.0)
    clocks.now += 2.5
    assert run.tick_screens() == []
    clocks.now += 0.5
    assert run.tick_screens() == [2], "screen 2 turns on time; screen 0 sits this turn out"
    assert numbers(run, 3) == [7, None, 8]
    assert run.step_due_in(0) == run.step_due_in(2) == pytest.approx(DWELL_S)
    clocks.now += DWELL_S
    assert run.tick_screens() == [0, 2], "back in step"
    assert run.state is PatrolState.FINISHED
    entries = {e["camera_id"]: e for e in run.record_body()["entries"]}
    assert entries["k28"] | {} == entries["k28"] | {"screen": 0, "monitor": "A", "tile": 0}
    assert entries["k28"]["dwell_s"] == pytest.approx(3.0 + DWELL_S)
    assert entries["k32"]["dwell_s"] == pytest.approx(DWELL_S)


def test_an_idle_screen_given_pages_early_in_the_step_turns_with_the_others() -> None:
    clocks = Clocks()
    run = given_idle_main_screen_and_a_screen_with_pages_left(clocks)
    clocks.now += 4.0  # 6 s left: at least half a dwell
    assert run.drop_screen(1) == [0]
    assert numbers(run, 3) == [7, None, 5]
    assert run.step_due_in(0) == run.step_due_in(2) == pytest.approx(6.0)
    # Paused for a minute: the step's clock and the page's wait alike.
    run.pause()
    clocks.now += 60.0
    assert run.tick_screens() == []
    run.resume()
    assert run.step_due_in(0) == pytest.approx(6.0)
    clocks.now += 6.0
    assert run.tick_screens() == [0, 2]
    assert numbers(run, 3) == [None, None, 8]
    run.stop()
    entries = {e["camera_id"]: e for e in run.record_body()["entries"]}
    assert entries["k28"]["dwell_s"] == pytest.approx(6.0), "from the takeover, pause left out"
    assert entries["k20"]["dwell_s"] == pytest.approx(DWELL_S)


def test_judging_everything_turns_a_screen_sitting_out_too() -> None:
    clocks = Clocks()
    run = given_idle_main_screen_and_a_screen_with_pages_left(clocks)
    clocks.now += 8.0
    run.drop_screen(1)
    assert run.step_due_in(0) == pytest.approx(2.0 + DWELL_S)
    assert run.advance_all() == [0, 2], "the operator moves every screen on"
    assert numbers(run, 3) == [None, None, 8]
    assert run.step_due_in(2) == pytest.approx(DWELL_S)


def test_an_idle_screen_given_pages_when_no_other_shows_one_begins_a_new_step() -> None:
    clocks = Clocks()
    run = run_of(clocks, 20, 2, StepMode.OWN_DWELL)  # 0: pages 0, 2, 4; 1: pages 1, 3
    run.start()
    for _ in range(3):
        run.advance_screen(0)
    run.step_mode = StepMode.TOGETHER
    clocks.now += 9.0
    assert run.drop_screen(1) == [0]
    assert numbers(run, 2) == [3, None]
    assert run.step_due_in(0) == pytest.approx(DWELL_S), "a whole dwell, nobody waiting"
    clocks.now += DWELL_S - 0.5
    assert run.tick_screens() == []
    clocks.now += 0.5
    assert run.tick_screens() == [0]
    assert run.state is PatrolState.FINISHED
