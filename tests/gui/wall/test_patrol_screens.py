"""A patrol over two screens, end to end: a page detached to screen 2, the plan dealt to both
screens with each screen's next page pre-rolled, verdicts by keys on the screen that has the
focus (Shift+Space: the rest of that screen normal), the raise-event dialog on the monitor of
the abnormal camera, the operator's pages back afterwards, and the record with the screen
and tile of every camera through the real outbox to the real demo server.

Qt picks its platform once per process, so the console runs in a child process on the
offscreen platform configured with two screens (``offscreen:configfile=screens.json``); the
live pictures are real ffmpeg feeds played by libvlc."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.client import BackendClient
from console.domain.model import PatrolVerdict
from console.scrub import clear_secrets
from console.wire.patrol import PatrolPlanIn
from tests.gui.wall.conftest import Feeds
from tests.support.live_server import LiveDemoServer, start_demo_server
from tests.support.multihead import MultiheadDisplay, multihead_display

pytestmark = [pytest.mark.media, pytest.mark.slow]

CHILD = Path(__file__).with_name("patrol_screens_child.py")
ROOT = Path(__file__).resolve().parents[3]
OPERATOR = "operator-1"
SCREENS = {
    "screens": [
        {"name": "OFF-LEFT", "x": 0, "y": 0, "width": 1280, "height": 720, "dpi": 96, "dpr": 1},
        {"name": "OFF-RIGHT", "x": 1280, "y": 0, "width": 1280, "height": 720, "dpi": 96, "dpr": 1},
    ]
}


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("patrol-screens"), camera_count=300)
    yield server
    server.close()


@pytest.fixture
def client(demo_server: LiveDemoServer) -> Iterator[BackendClient]:
    backend = BackendClient(demo_server.url)
    backend.login(OPERATOR, demo_server.password(OPERATOR))
    yield backend
    backend.close()
    clear_secrets()


@pytest.fixture
def two_heads() -> Iterator[MultiheadDisplay]:
    with multihead_display(heads=2, size=(1280, 720)) as server:
        yield server


def make_plan(client: BackendClient, name: str) -> tuple[str, list[str]]:
    cameras = [camera.id for camera in client.iter_cameras(page_size=100)][:16]
    assert len(cameras) == 16
    plan = client.create_patrol_plan(PatrolPlanIn(name=name, camera_ids=cameras, dwell_s=60))
    return plan.id, cameras


def run_child(
    env_extra: dict[str, str],
    mode: str,
    work: Path,
    demo_server: LiveDemoServer,
    plan_id: str,
    feeds: Feeds,
) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(env_extra)
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [
            sys.executable,
            str(CHILD),
            mode,
            str(work),
            demo_server.url,
            demo_server.password(OPERATOR),
            plan_id,
            feeds.small.http_url,
            feeds.large.http_url,
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0, f"the patrol console failed:\n{done.stderr[-4000:]}"
    assert lines, f"the patrol console said nothing:\n{done.stderr[-4000:]}"
    return json.loads(lines[-1].removeprefix("RESULT "))  # type: ignore[no-any-return]


def check_patrol_over_two_screens(
    result: dict[str, Any],
    mode: str,
    cameras: list[str],
    client: BackendClient,
    plan_id: str,
    screen_names: tuple[str, str],
) -> None:
    left, right = screen_names
    assert result["screens"][:2] == [left, right]
    assert result["away_window_screen"] == right
    assert result["screen_count"] == 2
    assert result["monitors"] == [left, right]
    assert result["main_page_in_main_window"]
    assert result["away_page_in_away_window"]
    assert result["away_window_shows_patrol"], "the patrol stands in front of the operator's page"
    # Step 1 reads the plan in order across the screens; step 2 is pre-rolled behind each.
    assert result["first_cameras"] == [cameras[0:4], cameras[4:8]]
    assert result["first_all_live"], "both screens play their first step"
    assert result["standby_prerolled"], "both screens' next step plays while hidden"
    assert result["away_focus"]
    assert result["focused_screen_away"] == 1
    assert result["main_focus"]
    assert result["focused_screen_main"] == 0
    raised = result["raised"]
    assert raised["camera"] == cameras[4]
    assert raised["snapshot"]
    assert raised["source"] == "patrol"
    assert raised["dialog_screen"] == right, "the dialog opens where the camera was patrolled"
    assert 1280 <= raised["dialog_centre"][0] < 2560
    assert raised["parent_is_away_window"], "that screen's dialog, modal to its window alone"
    assert raised["modality"] == "WindowModal"
    assert result["dialog_open_meanwhile"] == [True], "the main window's keys worked meanwhile"
    assert result["main_marker"] == "Normal"
    if mode == "together":
        assert result["away_judged"] == [4, 4], "X then Shift+Space judged all of screen 2"
        assert result["still_step_0"], "screen 2 waits for the main window's step"
        assert "Detached screen 1 (" + right + "): page 1 of 2" in result["progress_text"]
    else:
        assert not result["still_step_0"], "screen 2 moved on as soon as it was judged"
        assert result["away_judged"] == [0, 4], "screen 2 shows its next, unjudged step"
    assert result["second_cameras"] == [cameras[8:12], cameras[12:16]]
    live = {(screen, step): seconds for screen, step, seconds in result["step_live"]}
    assert set(live) >= {(0, 1), (1, 1)}, live
    assert live[(0, 1)] < 0.5, f"pre-rolled steps are live at once: {live}"
    assert live[(1, 1)] < 0.5, f"pre-rolled steps are live at once: {live}"
    assert [0, 1, 2] in result["shown"]
    assert [1, 1, 2] in result["shown"]
    # The operator's pages are back where they were, the patrol's pages gone.
    assert result["pages_after"] == 2
    assert result["home_current"] == 0
    assert result["home_back"]
    assert result["away_window_back"], "screen 2 shows the operator's page again"
    assert result["queued"]
    assert result["delivered"], result["outbox_counts"]
    assert result["outbox_counts"].get("delivered") == 1

    records = [r for r in client.patrol_records() if r.plan_id == plan_id]
    assert len(records) == 1, "delivered exactly once"
    entries = {e.camera_id: e for e in records[0].entries}
    assert [e.camera_id for e in records[0].entries] == cameras
    for index, camera in enumerate(cameras[:16]):
        entry = entries[camera]
        page = index // 4
        assert entry.screen == page % 2, (camera, entry)
        assert entry.tile == index % 4
        assert entry.monitor == (left if page % 2 == 0 else right)
        assert entry.live_s is not None
        assert 0 <= entry.live_s <= entry.dwell_s + 0.05
    assert entries[cameras[4]].verdict is PatrolVerdict.ABNORMAL
    assert {entries[c].verdict for c in cameras[5:8]} == {PatrolVerdict.OK}
    assert {entries[c].verdict for c in cameras[0:4]} == {PatrolVerdict.OK}
    assert {entries[c].verdict for c in cameras[8:16]} == {PatrolVerdict.SKIPPED}
    assert (entries[cameras[9]].live_s or 0.0) > 0.2, "pre-rolled: live while on screen"


@pytest.mark.parametrize("mode", ["together", "own_dwell"])
def test_a_patrol_over_two_screens_records_where_each_camera_was(
    mode: str, feeds: Feeds, demo_server: LiveDemoServer, client: BackendClient, tmp_path: Path
) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    plan_id, cameras = make_plan(client, f"two screens {mode}")
    env = {
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "TIANMU_HOME": str(tmp_path / "home"),
    }
    result = run_child(env, mode, tmp_path, demo_server, plan_id, feeds)
    check_patrol_over_two_screens(result, mode, cameras, client, plan_id, ("OFF-LEFT", "OFF-RIGHT"))


def test_a_patrol_over_two_heads_of_a_real_x_server(
    feeds: Feeds,
    demo_server: LiveDemoServer,
    client: BackendClient,
    tmp_path: Path,
    two_heads: MultiheadDisplay,
) -> None:
    """The same patrol on Debian's Xorg with the dummy driver and two heads: real windows,
    real focus and real full-screen placement on the second monitor."""
    names = tuple(monitor.name for monitor in two_heads.monitors())
    assert len(names) == 2
    plan_id, cameras = make_plan(client, "two heads")
    env = {**two_heads.env(), "TIANMU_HOME": str(tmp_path / "home")}
    result = run_child(env, "together", tmp_path, demo_server, plan_id, feeds)
    check_patrol_over_two_screens(
        result, "together", cameras, client, plan_id, (names[0], names[1])
    )
