"""The patrol's pre-roll lead time on a real wall with live streams: the standby page holds
the next cameras without players until the lead time before the step (the patrol's clock is
injected, so what is counted is players, not seconds), then plays them hidden so the step is
live at once. The lead is learnt from the first page's cameras, timed from being shown cold
to their first picture, with a margin: shorter than the configured ``preroll_s``, which is
the lead before anything was timed. A step forced before the lead time ("Next page") shows
its page at once and starts its players there, and the record's live time says how long
each camera was really live."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.domain.model import PatrolPlan
from console.gui.patrol.runner import PatrolRunner
from console.gui.wall.page_view import WallPageView
from console.tasks import TaskRunner
from console.video.supervisor import StreamState
from tests.gui.wall.conftest import WallRig

pytestmark = [pytest.mark.media, pytest.mark.slow]

CAMERAS = tuple(f"cam-{i:02d}" for i in range(12))  # three pages of four
DWELL_S = 10.0
LEAD_S = 3.0  # the configured lead
# The first page's cameras' time to a picture by the patrol's clock (exact in binary, as the
# learnt lead is compared with the clock's differences).
FIRST_PICTURE_S = 0.75
LEARNT_LEAD_S = FIRST_PICTURE_S * 1.25 + 0.5  # PrerollLead's spread and margin
TICKS_MS = 600  # a few of the runner's 200 ms ticks
LIVE_MS = 25_000  # first pictures on a loaded two-core machine


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def players(view: WallPageView | None) -> int:
    assert view is not None
    return sum(1 for tile in view.tiles if tile.supervisor is not None or tile.pending)


def settle(qtbot: QtBot, rig: WallRig) -> None:
    """Let the runner tick and the wall apply its stream decisions (players start two per
    turn of the event loop)."""
    qtbot.wait(TICKS_MS)
    rig.streams.evaluate()
    qtbot.wait(100)


def all_live(view: WallPageView | None) -> bool:
    assert view is not None
    return all(
        tile.supervisor is not None and tile.supervisor.state is StreamState.LIVE
        for tile in view.tiles
        if tile.camera_id is not None
    )


def test_the_standby_page_plays_only_from_the_lead_time(
    qtbot: QtBot, rig: WallRig, runner: TaskRunner
) -> None:
    clock = Clock()
    records: list[dict[str, Any]] = []
    patrol = PatrolRunner(rig.view, runner, records.append, clock=clock, preroll_s=LEAD_S)
    plan = PatrolPlan("p", "Lead time", CAMERAS, dwell_s=int(DWELL_S))
    begun = clock.now
    patrol.start(plan, tiles_per_page=4)
    assert patrol.preroll_lead_s() == LEAD_S, "nothing timed yet: the configured lead"
    shown, standby = patrol.shown_view(), patrol.standby_view()
    assert standby is not None
    assert [t.camera_id for t in standby.tiles] == list(CAMERAS[4:8]), "in place at once"
    clock.now += FIRST_PICTURE_S
    qtbot.waitUntil(lambda: all_live(patrol.shown_view()), timeout=LIVE_MS)
    # Timed until their pictures move (a second picture), looked at every 40 ms.
    qtbot.waitUntil(lambda: patrol.lead.seen == 4, timeout=LIVE_MS)
    settle(qtbot, rig)
    assert players(shown) == 4
    assert players(standby) == 0, "nothing decodes for the next page yet"
    assert patrol.preroll_lead_s() == pytest.approx(LEARNT_LEAD_S)

    clock.now = begun + DWELL_S - LEAD_S
    settle(qtbot, rig)
    assert players(standby) == 0, "the configured lead is longer than its cameras need"
    clock.now = begun + DWELL_S - LEARNT_LEAD_S - 0.2
    settle(qtbot, rig)
    assert players(standby) == 0, "still more than the learnt lead before the step"

    clock.now = begun + DWELL_S - LEARNT_LEAD_S
    qtbot.waitUntil(lambda: players(standby) == 4, timeout=5_000)
    qtbot.waitUntil(lambda: all_live(standby), timeout=LIVE_MS)
    assert not standby.isVisible(), "it plays hidden"

    lives: list[tuple[int, int, float]] = []
    patrol.step_live.connect(lambda screen, step, seconds: lives.append((screen, step, seconds)))
    clock.now = begun + DWELL_S
    qtbot.waitUntil(lambda: patrol.shown_view() is standby, timeout=5_000)
    assert lives, "the pre-rolled step was live when it showed"
    assert lives[0] == (0, 1, 0.0)
    following = patrol.standby_view()
    assert following is not None
    assert [t.camera_id for t in following.tiles] == list(CAMERAS[8:12])
    settle(qtbot, rig)
    assert players(following) == 0, "its players stopped; the third page waits its turn"

    # "Next page" a second into the step: the third page is cold, shows at once and starts
    # its players where the operator sees them.
    clock.now += 1.0
    started = clock.now
    patrol.next_page()
    # Whatever the runner looks at from now on is half a second into the step.
    clock.now += 0.5
    assert patrol.shown_view() is following
    assert following.isVisible()
    assert not lives[1:], "a cold page is not live when it shows"
    qtbot.waitUntil(lambda: players(following) == 4, timeout=5_000)
    qtbot.waitUntil(lambda: all_live(following), timeout=LIVE_MS)
    qtbot.waitUntil(lambda: len(lives) == 2, timeout=5_000)
    assert lives[1] == (0, 2, 0.5)
    clock.now = started + 4.0
    settle(qtbot, rig)
    patrol.stop()
    qtbot.waitUntil(lambda: bool(records), timeout=5_000)  # handed over on the store lane
    (record,) = records
    live_s = {entry["camera_id"]: entry["live_s"] for entry in record["entries"]}
    dwell_s = {entry["camera_id"]: entry["dwell_s"] for entry in record["entries"]}
    for camera_id in CAMERAS[8:]:
        assert dwell_s[camera_id] == pytest.approx(4.0)
        assert live_s[camera_id] == pytest.approx(3.5), "live from the look after the start"
    for camera_id in CAMERAS[4:8]:
        assert live_s[camera_id] == pytest.approx(1.0), "live the whole time it was shown"
