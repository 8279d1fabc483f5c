"""A monitor unplugged in the middle of a patrol over two, on Debian's Xorg with the dummy
driver (xrandr switches the head off while the console runs): the patrol goes on in the main
window with the pages the lost monitor had not shown yet, each pre-rolled; the cameras it had
shown keep their screen, tile and live time; its raise-event dialog comes to the main window
with what was typed; the record reaches the real demo server once, every camera in it once.

The console runs in a child process (``patrol_lost_screen_child.py``) on Qt's xcb platform;
the live pictures are real ffmpeg feeds played by libvlc."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from console.client import BackendClient
from console.domain.model import PatrolVerdict
from console.wire.patrol import PatrolPlanIn
from tests.gui.wall.conftest import Feeds
from tests.gui.wall.test_patrol_screens import OPERATOR, client, demo_server  # noqa: F401
from tests.support.backend_process import die_with_parent
from tests.support.live_server import LiveDemoServer
from tests.support.multihead import multihead_display

pytestmark = [pytest.mark.media, pytest.mark.slow]

CHILD = Path(__file__).with_name("patrol_lost_screen_child.py")
ROOT = Path(__file__).resolve().parents[3]
TIMEOUT_S = 240


def run_console(env: dict[str, str], args: list[str], on_remove: Any, log: Path) -> dict[str, Any]:
    """Run the child; when it asks, ``on_remove(monitor)`` and tell it so; its RESULT."""
    with open(log, "wb") as errors:
        process = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            preexec_fn=die_with_parent,
        )
        assert process.stdin is not None
        assert process.stdout is not None
        result: dict[str, Any] | None = None
        try:
            for line in process.stdout:
                if line.startswith("REMOVE "):
                    on_remove(line.removeprefix("REMOVE ").strip())
                    process.stdin.write("removed\n")
                    process.stdin.flush()
                elif line.startswith("RESULT "):
                    result = json.loads(line.removeprefix("RESULT "))
            status = process.wait(TIMEOUT_S)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(10)
    tail = log.read_text("utf-8", "replace")[-4000:]
    assert status == 0, f"the patrol console failed:\n{tail}"
    assert result is not None, f"the patrol console said nothing:\n{tail}"
    return result


def test_a_monitor_unplugged_mid_patrol_hands_its_pages_to_the_main_window(
    feeds: Feeds,
    demo_server: LiveDemoServer,  # noqa: F811
    client: BackendClient,  # noqa: F811
    tmp_path: Path,
) -> None:
    ids = [camera.id for camera in client.iter_cameras(page_size=100)][:24]
    assert len(ids) == 24
    plan = client.create_patrol_plan(PatrolPlanIn(name="unplugged", camera_ids=ids, dwell_s=60))
    removed: list[str] = []
    with multihead_display(heads=2, size=(1280, 720)) as x:
        names = [monitor.name for monitor in x.monitors()]

        def unplug(monitor: str) -> None:
            x.remove_head(monitor)
            removed.append(monitor)

        args = [
            str(tmp_path),
            demo_server.url,
            demo_server.password(OPERATOR),
            plan.id,
            feeds.small.http_url,
            feeds.large.http_url,
        ]
        env = {**x.env(), "TIANMU_HOME": str(tmp_path / "home")}
        result = run_console(env, args, unplug, tmp_path / "console.log")
        monitors_after = [monitor.name for monitor in x.monitors()]

    main, away = names
    assert result["away_monitor"] == away
    assert removed == [away]
    assert monitors_after == [main]
    assert result["screens_after"] == [main], "Qt saw the monitor go"
    assert result["first_cameras"] == [ids[0:4], ids[4:8]]
    assert result["first_all_live"]
    # The dialog opened on monitor 2, on its window, modal to it alone.
    raised = result["raised"]
    assert raised["camera"] == ids[4]
    assert raised["parent_is_away_window"]
    assert raised["screen"] == away
    assert raised["modality"] == "WindowModal"
    # The monitor goes: the patrol notices and goes on.
    assert result["lost_seen"], "the patrol noticed the lost screen"
    assert result["lost"] == [1]
    assert result["running"]
    assert result["progress_lost"] == [False, True]
    assert "monitor gone" in result["progress_text"]
    assert result["dialog_after"] == {
        "alive": True,
        "parent_is_main": True,
        "visible": True,
        "screen": main,
        "title": "Ladder at the gate",
    }
    assert result["away_page_home"], "the operator's page came to the main window"
    # Its own page 1, then pages 3, 4, 5, 6 in plan order (2 was monitor 2's, shown there).
    assert result["shown_after"] == [ids[0:4], ids[8:12], ids[12:16], ids[16:20], ids[20:24]]
    assert all(result["standby_live"]), "each next page played while hidden"
    live = {(s, k): seconds for s, k, seconds in result["step_live"]}
    for step in range(1, 5):
        assert live[(0, step)] < 0.5, f"pre-rolled steps are live at once: {live}"
    assert not result["running_at_end"]
    assert result["pages_after"] == 2
    assert result["main_window_pages"] == [0, 1]
    assert result["queued_count"] == 1
    assert result["delivered"], result["outbox_counts"]
    assert result["outbox_counts"].get("delivered") == 1

    records = [r for r in client.patrol_records() if r.plan_id == plan.id]
    assert len(records) == 1, "delivered exactly once"
    entries = records[0].entries
    assert [e.camera_id for e in entries] == ids, "every camera once, in plan order"
    by_id = {e.camera_id: e for e in entries}
    for index, camera in enumerate(ids):
        entry = by_id[camera]
        assert entry.tile == index % 4
        assert entry.note != "not_reached", entry
        if 4 <= index < 8:  # shown on monitor 2 before it went
            assert (entry.screen, entry.monitor) == (1, away), entry
        else:
            assert (entry.screen, entry.monitor) == (0, main), entry
    assert by_id[ids[4]].verdict is PatrolVerdict.ABNORMAL
    for camera in ids[5:8]:
        entry = by_id[camera]
        assert entry.live_s is not None
        assert 0.5 < entry.live_s <= entry.dwell_s + 0.05, entry


def test_a_monitor_standing_in_for_an_unplugged_one_carries_on_its_patrol(
    feeds: Feeds,
    demo_server: LiveDemoServer,  # noqa: F811
    client: BackendClient,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Three heads, a page on the middle one: unplugged, the wall puts its pages on the
    monitor now at its place; the patrol goes on there, its keys with it."""
    ids = [camera.id for camera in client.iter_cameras(page_size=100)][24:48]
    plan = client.create_patrol_plan(PatrolPlanIn(name="stand-in", camera_ids=ids, dwell_s=60))
    with multihead_display(heads=3, size=(1280, 720)) as x:
        names = [monitor.name for monitor in x.monitors()]
        args = [
            str(tmp_path),
            demo_server.url,
            demo_server.password(OPERATOR),
            plan.id,
            feeds.small.http_url,
            feeds.large.http_url,
            "stand_in",
        ]
        env = {**x.env(), "TIANMU_HOME": str(tmp_path / "home")}
        result = run_console(env, args, x.remove_head, tmp_path / "console.log")

    main, middle, right = names
    assert result["away_monitor"] == middle
    assert result["screens_after"] == [main, right]
    assert not result["lost_seen"], "not lost: another monitor stands in"
    assert result["screen_1_window"] == right
    assert result["screen_1_in_front"], "the patrol's page, not the operator's, in front"
    assert result["screen_names"] == [main, right]
    assert result["focus"]
    assert result["judged_by_keys"] == 4, "X before, Shift+Space there after"
    assert result["dialog_alive"]
    assert not result["running_at_end"]
    assert result["queued_count"] == 1
    assert result["delivered"], result["outbox_counts"]
    records = [r for r in client.patrol_records() if r.plan_id == plan.id]
    assert len(records) == 1
    by_id = {e.camera_id: e for e in records[0].entries}
    assert list(by_id) == ids
    where = {(by_id[c].screen, by_id[c].monitor) for c in ids[4:8]}
    assert where == {(1, middle)}, "shown there before the cable went"
    assert {(by_id[c].screen, by_id[c].monitor) for c in ids[12:16] + ids[20:24]} == {(1, right)}
    assert {(by_id[c].screen, by_id[c].monitor) for c in ids[0:4] + ids[8:12]} == {(0, main)}
    assert {by_id[c].verdict for c in ids[4:8]} == {
        PatrolVerdict.ABNORMAL,
        PatrolVerdict.OK,
    }
