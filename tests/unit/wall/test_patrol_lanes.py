"""The patrol engine over several screens, with an injected clock: how the plan is dealt to
the screens, stepping together or on each screen's own dwell, live time, the record's screen
fields, pause and stop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.model import PatrolPlan, PatrolVerdict
from console.wall.patrol import (
    NOTE_NOT_REACHED,
    PatrolError,
    PatrolRun,
    PatrolState,
    StepMode,
    pages_of,
)
from console.wire.patrol import PatrolRecordIn


class Clocks:
    def __init__(self) -> None:
        self.now = 50.0
        self.start = datetime(2026, 1, 2, 20, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.now - 50.0)


CAMERAS = tuple(f"c{i:02d}" for i in range(1, 21))  # 20 cameras: 5 pages of 4


def plan(count: int = 20, dwell_s: int = 10) -> PatrolPlan:
    return PatrolPlan("plan-s", "Night", CAMERAS[:count], dwell_s=dwell_s)


def run_of(
    clocks: Clocks, screens: int, mode: StepMode = StepMode.TOGETHER, count: int = 20
) -> PatrolRun:
    return PatrolRun(
        plan(count),
        tiles_per_page=4,
        clock=clocks.monotonic,
        wall_clock=clocks.wall,
        screens=screens,
        step_mode=mode,
        monitors=("DP-1", "HDMI-1"),
    )


def cameras_on(run: PatrolRun, screen: int) -> tuple[str, ...]:
    page = run.current_on(screen)
    return page.camera_ids if page is not None else ()


def test_pages_are_dealt_round_robin_so_a_step_reads_the_plan_in_order() -> None:
    pages = pages_of(plan(), 4, screens=2)
    assert [(p.number, p.screen, p.step) for p in pages] == [
        (0, 0, 0),
        (1, 1, 0),
        (2, 0, 1),
        (3, 1, 1),
        (4, 0, 2),
    ]
    with pytest.raises(ValueError, match="screen"):
        pages_of(plan(), 4, screens=0)


def test_screens_step_together_and_preroll_their_own_next_page() -> None:
    clocks = Clocks()
    run = run_of(clocks, 2)
    run.start()
    assert cameras_on(run, 0) == CAMERAS[0:4]
    assert cameras_on(run, 1) == CAMERAS[4:8]
    upcoming = [run.upcoming_on(0), run.upcoming_on(1)]
    assert [page.camera_ids if page else () for page in upcoming] == [
        CAMERAS[8:12],
        CAMERAS[12:16],
    ]
    assert (run.steps_on(0), run.steps_on(1)) == (3, 2)
    # Judging all of screen 1 does not move it on: the step waits for screen 0's dwell.
    for camera in CAMERAS[4:8]:
        run.mark(camera, PatrolVerdict.OK)
    assert run.all_judged(1)
    assert not run.all_judged()
    clocks.now += 9.5
    assert run.tick_screens() == []
    clocks.now += 0.5
    assert run.tick_screens() == [0, 1]
    assert cameras_on(run, 0) == CAMERAS[8:12]
    assert cameras_on(run, 1) == CAMERAS[12:16]
    assert run.advance_all() == [0, 1]
    # Screen 1 has run out of pages: it shows nothing while screen 0 shows the last page.
    assert cameras_on(run, 0) == CAMERAS[16:20]
    assert run.current_on(1) is None
    assert run.screen_done(1)
    rows = run.progress()
    assert (rows[0].step, rows[0].steps, rows[0].finished) == (2, 3, False)
    assert (rows[1].step, rows[1].steps, rows[1].finished) == (2, 2, True)
    assert rows[1].monitor == "HDMI-1"
    clocks.now += 10
    assert run.tick_screens() == [0]
    assert run.state is PatrolState.FINISHED


def test_each_screen_on_its_own_dwell() -> None:
    clocks = Clocks()
    run = run_of(clocks, 2, StepMode.OWN_DWELL, count=16)
    run.start()
    clocks.now += 4
    # Screen 1's operator judged everything: it moves on alone, its dwell starting anew.
    assert run.advance_screen(1) == [1]
    assert cameras_on(run, 1) == CAMERAS[12:16]
    assert cameras_on(run, 0) == CAMERAS[0:4]
    assert run.remaining_s(screen=0) == pytest.approx(6)
    assert run.remaining_s(screen=1) == pytest.approx(10)
    clocks.now += 6
    assert run.tick_screens() == [0]
    assert cameras_on(run, 0) == CAMERAS[8:12]
    clocks.now += 4
    assert run.tick_screens() == [1]
    assert run.screen_done(1)
    assert not run.screen_done(0)
    assert run.state.value == "running"
    clocks.now += 6
    assert run.tick_screens() == [0]
    assert run.state is PatrolState.FINISHED
    entries = {e["camera_id"]: e for e in run.record_body()["entries"]}
    assert entries["c01"]["dwell_s"] == pytest.approx(10)
    assert entries["c05"]["dwell_s"] == pytest.approx(4)
    assert entries["c13"]["dwell_s"] == pytest.approx(10)


def test_live_time_counts_live_pictures_on_screen_without_pauses() -> None:
    clocks = Clocks()
    run = run_of(clocks, 2, count=8)
    run.start()
    run.report_live("c01")  # pre-rolled: live from the first moment
    clocks.now += 2
    run.report_live("c05")
    clocks.now += 1
    run.report_lost("c05")  # froze for two seconds
    clocks.now += 2
    run.report_live("c05")
    run.pause()
    clocks.now += 30
    run.report_live("c06")  # while paused: counts from the resume
    run.resume()
    clocks.now += 5
    run.stop()
    entries = {e["camera_id"]: e for e in run.record_body()["entries"]}
    assert entries["c01"]["dwell_s"] == pytest.approx(10)
    assert entries["c01"]["live_s"] == pytest.approx(10)
    assert entries["c05"]["live_s"] == pytest.approx(1 + 5)
    assert entries["c06"]["live_s"] == pytest.approx(5)
    assert entries["c02"]["live_s"] == 0
    assert entries["c02"]["verdict"] == "dead"
    for entry in entries.values():
        assert entry["live_s"] <= entry["dwell_s"] + 1e-9


def test_the_record_says_where_each_camera_was_shown() -> None:
    clocks = Clocks()
    run = run_of(clocks, 2, count=18)
    run.start()
    run.report_live("c07")
    run.mark("c07", PatrolVerdict.ABNORMAL, "gate open")
    run.mark("c02", PatrolVerdict.OK)
    clocks.now += 3
    run.stop()
    body = run.record_body()
    PatrolRecordIn.model_validate(body)
    entries = {e["camera_id"]: e for e in body["entries"]}
    assert [e["camera_id"] for e in body["entries"]] == list(CAMERAS[:18])
    assert entries["c02"] | {} == entries["c02"] | {
        "screen": 0,
        "monitor": "DP-1",
        "tile": 1,
        "verdict": "ok",
    }
    assert entries["c07"] | {} == entries["c07"] | {
        "screen": 1,
        "monitor": "HDMI-1",
        "tile": 2,
        "verdict": "abnormal",
        "note": "gate open",
        "live_s": 3.0,
    }
    # Not reached: nowhere shown, no live time.
    assert entries["c09"]["note"] == NOTE_NOT_REACHED
    assert (entries["c09"]["screen"], entries["c09"]["tile"], entries["c09"]["live_s"]) == (
        None,
        None,
        None,
    )
    assert run.coverage().not_reached == 10


def test_marks_and_commands_that_do_not_fit() -> None:
    clocks = Clocks()
    run = run_of(clocks, 3, count=8)  # 2 pages for 3 screens: screen 2 never shows one
    run.start()
    assert run.current_on(2) is None
    assert run.screen_of("c05") == 1
    assert run.screen_of("c09") is None
    assert run.unjudged_on(1) == list(CAMERAS[4:8])
    run.pause()
    assert run.tick_screens() == []
    run.stop()
    assert run.state is PatrolState.FINISHED
    assert run.advance_screen(0) == []
    assert run.progress()[0].finished
    one = PatrolRun(plan(4), clock=clocks.monotonic, wall_clock=clocks.wall)
    assert one.screens == 1
    one.start()
    assert one.progress()[0].monitor == ""
    one.stop()
    assert one.record_body()["entries"][0]["monitor"] is None


def test_a_screen_lost_mid_patrol_hands_its_pages_on_and_keeps_what_it_showed() -> None:
    clocks = Clocks()
    run = run_of(clocks, 2, count=20)  # screen 0: pages 0, 2, 4; screen 1: pages 1, 3
    run.start()
    run.report_live("c05")
    run.mark("c06", PatrolVerdict.ABNORMAL, "ladder")
    clocks.now += 4
    # Screen 1's monitor is unplugged 4 s into the first step.
    assert run.drop_screen(1) == [0]
    assert run.screen_lost(1)
    assert run.current_on(1) is None
    assert run.screen_of("c05") is None, "not on screen any more"
    # Screen 0 carries on with its own page, then the rest of the plan in order.
    assert cameras_on(run, 0) == CAMERAS[0:4]
    assert [p.number for p in run.pages] == [0, 1, 2, 3, 4]
    upcoming = run.upcoming_on(0)
    assert upcoming is not None
    assert upcoming.camera_ids == CAMERAS[8:12]
    assert run.steps_on(0) == 4
    assert run.steps_on(1) == 1
    rows = run.progress()
    assert rows[1].lost
    assert rows[1].finished
    assert not rows[0].lost
    shown = []
    while run.state is not PatrolState.FINISHED:
        clocks.now += 10
        assert run.tick_screens() == [0]
        shown.append(cameras_on(run, 0))
    assert shown[:3] == [CAMERAS[8:12], CAMERAS[12:16], CAMERAS[16:20]]
    assert run.drop_screen(1) == [], "once is enough"
    body = run.record_body()
    PatrolRecordIn.model_validate(body)
    entries = {e["camera_id"]: e for e in body["entries"]}
    assert [e["camera_id"] for e in body["entries"]] == list(CAMERAS), "every camera once"
    # What screen 1 showed keeps where, how long and its verdict.
    assert entries["c05"] | {} == entries["c05"] | {
        "screen": 1,
        "monitor": "HDMI-1",
        "tile": 0,
        "dwell_s": 4.0,
        "live_s": 4.0,
        "verdict": "skipped",
    }
    assert entries["c06"]["verdict"] == "abnormal"
    assert entries["c06"]["note"] == "ladder"
    # Its pages not shown yet were patrolled on screen 0.
    assert entries["c13"] | {} == entries["c13"] | {"screen": 0, "monitor": "DP-1", "tile": 0}
    assert entries["c13"]["dwell_s"] == pytest.approx(10)
    assert run.coverage().not_reached == 0


def test_a_lost_screens_pages_go_to_the_least_busy_screens_and_wake_an_idle_one() -> None:
    clocks = Clocks()
    cameras = tuple(f"k{i:02d}" for i in range(40))  # 10 pages of 4 on 3 screens
    run = PatrolRun(
        PatrolPlan("plan-k", "Wide", cameras, dwell_s=10),
        tiles_per_page=4,
        clock=clocks.monotonic,
        wall_clock=clocks.wall,
        screens=3,
        step_mode=StepMode.OWN_DWELL,
        monitors=("A", "B", "C"),
    )
    run.start()
    # Screen 0 raced through its pages (0, 3, 6, 9); screen 2 shows its last (2, 5, 8).
    for _ in range(4):
        run.advance_screen(0)
    run.advance_screen(2)
    run.advance_screen(2)
    assert run.screen_done(0)
    assert cameras_on(run, 2) == cameras[32:36]
    clocks.now += 3
    assert run.drop_screen(1) == [0, 2]  # it still had pages 4 and 7
    # The idle screen 0 shows page 4 at once with a whole dwell; screen 2, with nothing else
    # left either, takes page 7 after the one it shows.
    assert cameras_on(run, 0) == cameras[16:20]
    assert run.current_on(0).screen == 0  # type: ignore[union-attr]
    assert run.remaining_s(screen=0) == pytest.approx(10)
    assert run.remaining_s(screen=2) == pytest.approx(7)
    assert run.upcoming_on(2).camera_ids == cameras[28:32]  # type: ignore[union-attr]
    assert (run.steps_on(0), run.steps_on(1), run.steps_on(2)) == (5, 1, 4)
    assert [row.step for row in run.progress()] == [4, 1, 2]
    with pytest.raises(PatrolError):
        run.drop_screen(0)
    run.stop()
    entries = {e["camera_id"]: e for e in run.record_body()["entries"]}
    assert entries["k16"]["screen"] == 0
    assert entries["k04"]["screen"] == 1
    assert entries["k04"]["monitor"] == "B"
    assert entries["k28"]["note"] == NOTE_NOT_REACHED, "page 7 was still to come"
    assert entries["k32"]["screen"] == 2


def test_a_screen_lost_on_its_last_page_can_end_the_patrol() -> None:
    clocks = Clocks()
    run = run_of(clocks, 2, StepMode.OWN_DWELL, count=8)
    run.start()
    run.advance_screen(0)
    assert run.screen_done(0)
    assert run.drop_screen(1) == []
    assert run.state is PatrolState.FINISHED
    assert run.coverage().seen == 8
