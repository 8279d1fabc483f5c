"""The patrol's verdict keys typed through a real X server with two monitors (Debian's Xorg,
dummy video driver): the keys act on the selected tile of the screen that has the focus, and
on nothing else.

A patrol runs over the main window (monitor 1) and a page detached to monitor 2, stepping
together. The test gives the focus as the X server gives it (``XSetInputFocus``, or a click on
a tile of monitor 2) and presses keys with XTEST (``x_input.py``); the console, a child process
on Qt's xcb platform (``patrol_keys_child.py``), says what it made of them. The record then
goes through the real outbox to the real demo server, which must say on which screen, monitor
and tile every camera was shown and what the keys decided."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.client import BackendClient
from console.domain.model import PatrolVerdict
from console.scrub import clear_secrets
from console.wire.patrol import PatrolPlanIn
from tests.gui.multihead.remote import RemoteConsole
from tests.gui.multihead.x_input import XInput
from tests.gui.wall.conftest import Feeds
from tests.support.live_server import LiveDemoServer, start_demo_server
from tests.support.multihead import multihead_display

pytestmark = [pytest.mark.media, pytest.mark.slow]

CHILD = Path(__file__).with_name("patrol_keys_child.py")
OPERATOR = "operator-1"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("patrol-keys"), camera_count=300)
    yield server
    server.close()


@pytest.fixture
def client(demo_server: LiveDemoServer) -> Iterator[BackendClient]:
    backend = BackendClient(demo_server.url)
    backend.login(OPERATOR, demo_server.password(OPERATOR))
    yield backend
    backend.close()
    clear_secrets()


def centre(rect: list[int]) -> tuple[int, int]:
    x, y, width, height = rect
    return x + width // 2, y + height // 2


def inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    x, y, width, height = inner
    ox, oy, owidth, oheight = outer
    return ox <= x and oy <= y and x + width <= ox + owidth and y + height <= oy + oheight


def judged_besides(state: dict[str, Any], before: dict[str, str]) -> dict[str, str]:
    return {c: v for c, v in state["judged"].items() if before.get(c) != v}


def test_verdict_keys_typed_through_the_x_server_act_on_the_focused_screen(
    feeds: Feeds,
    demo_server: LiveDemoServer,
    client: BackendClient,
    tmp_path: Path,
) -> None:
    cameras = [camera.id for camera in client.iter_cameras(page_size=100)][:16]
    plan = client.create_patrol_plan(
        PatrolPlanIn(name="keys through X", camera_ids=cameras, dwell_s=600)
    )
    setup = {
        "workdir": str(tmp_path),
        "server_url": demo_server.url,
        "password": demo_server.password(OPERATOR),
        "plan_id": plan.id,
        "sub_url": feeds.small.http_url,
        "main_url": feeds.large.http_url,
    }
    with multihead_display(heads=2, size=(1280, 720)) as x:
        monitors = {m.name: m for m in x.monitors()}
        assert list(monitors) == ["DUMMY0", "DUMMY1"]
        keyboard = XInput(x.display)
        env = {**x.env(), "TIANMU_HOME": str(tmp_path / "home")}
        with RemoteConsole(env, setup, tmp_path / "console.log", child=CHILD) as console:
            started = console.do("start")
            assert started["all_live"], "both screens play their first step"
            main, away = started["screens"]
            assert (main["monitor"], away["monitor"]) == ("DUMMY0", "DUMMY1")
            assert main["cameras"] == cameras[0:4]
            assert away["cameras"] == cameras[4:8]
            assert started["judged"] == {}

            # Monitor 2's window gets the X input focus; Space marks its selected tile only.
            keyboard.focus(away["window_id"])
            state = console.do("wait_focus", screen=1)
            assert state["ok"], state
            assert state["screens"][1]["selected"] == 0
            keyboard.key("space")
            state = console.do("wait_judged", count=1)
            assert state["judged"] == {cameras[4]: "ok"}, "that camera, and only it"

            # A click on monitor 2's third tile selects it; X there: abnormal, and the
            # raise-event dialog opens on monitor 2 (where the X server put it).
            keyboard.click(*centre(state["screens"][1]["tiles"][2]))
            state = console.do("state")
            assert state["screens"][1]["selected"] == 2, state
            assert state["focused_screen"] == 1
            keyboard.key("x")
            state = console.do("wait_dialog", open=True)
            assert state["ok"], state
            assert state["judged"] == {cameras[4]: "ok", cameras[6]: "abnormal"}
            assert state["raised"] == [{"camera": cameras[6], "snapshot": True, "source": "patrol"}]
            (dialog,) = state["dialogs"]
            assert dialog["monitor"] == "DUMMY1"
            assert dialog["parent_is_screen_2"]
            assert dialog["modality"] == "WindowModal"
            on_server = keyboard.window_geometry(dialog["window_id"])
            assert inside(on_server, monitors["DUMMY1"].rect), (on_server, monitors)
            # The dialog takes the keys typed now: a Space goes into it, not onto a camera.
            assert dialog["active"], "the dialog has the focus"
            assert keyboard.focused_window() == dialog["window_id"]
            before = state["judged"]
            keyboard.key("space", "Escape")
            state = console.do("wait_dialog", open=False)
            assert state["ok"], state
            assert judged_besides(state, before) == {}

            # The main window's turn: Space there marks its selected tile only.
            keyboard.focus(main["window_id"])
            state = console.do("wait_focus", screen=0)
            assert state["ok"], state
            keyboard.key("space")
            state = console.do("wait_judged", count=3)
            assert judged_besides(state, before) == {cameras[0]: "ok"}

            # Back to monitor 2 by a click on its second tile (the click asks the X server
            # for the focus); Shift+Space there: the rest of that screen normal, no more.
            keyboard.click(*centre(state["screens"][1]["tiles"][1]))
            state = console.do("wait_focus", screen=1)
            assert state["ok"], state
            assert state["screens"][1]["selected"] == 1
            keyboard.key("shift+space")
            state = console.do("wait_judged", count=5)
            assert state["judged"] == {
                cameras[0]: "ok",
                cameras[4]: "ok",
                cameras[5]: "ok",
                cameras[6]: "abnormal",
                cameras[7]: "ok",
            }
            assert [s["step"] for s in state["screens"]] == [0, 0], (
                "screen 2 waits for the main window"
            )

            stopped = console.do("stop")
            assert stopped["queued"]
            assert stopped["delivered"], stopped
            assert console.quit() == 0

    (record,) = [r for r in client.patrol_records() if r.plan_id == plan.id]
    entries = {e.camera_id: e for e in record.entries}
    assert [e.camera_id for e in record.entries] == cameras
    verdicts = {c: entries[c].verdict for c in cameras[:8]}
    assert verdicts == {
        cameras[0]: PatrolVerdict.OK,
        cameras[1]: PatrolVerdict.SKIPPED,
        cameras[2]: PatrolVerdict.SKIPPED,
        cameras[3]: PatrolVerdict.SKIPPED,
        cameras[4]: PatrolVerdict.OK,
        cameras[5]: PatrolVerdict.OK,
        cameras[6]: PatrolVerdict.ABNORMAL,
        cameras[7]: PatrolVerdict.OK,
    }
    for index, camera in enumerate(cameras[:8]):
        entry = entries[camera]
        assert entry.screen == index // 4, entry
        assert entry.monitor == ("DUMMY0", "DUMMY1")[index // 4], entry
        assert entry.tile == index % 4, entry
        assert (entry.live_s or 0.0) > 0, entry
    assert {entries[c].note for c in cameras[8:]} == {"not_reached"}
