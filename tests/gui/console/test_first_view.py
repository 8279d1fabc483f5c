"""A newcomer's first sign-in opens a workspace worth having; later sign-ins bring back what
the operator left.

The real demo server on loopback with its camera simulator (three live feeds behind thousands
of camera addresses), the real console signing in through its dialog, libvlc playing into the
tiles, and the workspace and window layout files on disk between sign-ins.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from console.app import Console, Services, SessionWiring, workspace_file
from console.domain.model import CameraStatus
from console.gui.docks import DockId
from console.video.supervisor import StreamState
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.workspace import workspace_to_dict
from tests.gui.console.conftest import FEEDS, sign_in
from tests.support.console_services import running_console
from tests.support.live_server import LiveDemoServer, start_demo_server

pytestmark = [pytest.mark.media, pytest.mark.slow]

NEWCOMER = "operator-3"
FIRST_VIEW_MS = 20_000
LIVE_MS = 30_000


def department_of(server: LiveDemoServer, username: str) -> str:
    return next(u.department_id for u in server.world.users if u.username == username)


def wait_for_first_view(qtbot: QtBot, session: SessionWiring) -> None:
    first_view = session.first_view
    assert first_view is not None, "a first sign-in arranges the first view"
    qtbot.waitUntil(lambda: first_view.choice is not None, timeout=FIRST_VIEW_MS)


def test_first_sign_in_shows_live_cameras_and_later_ones_keep_the_operators_wall(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer
) -> None:
    world = demo_server.world
    ordinal = {camera.id: n for n, camera in enumerate(world.cameras)}
    department = department_of(demo_server, NEWCOMER)

    session = sign_in(qtbot, console, NEWCOMER, demo_server.password(NEWCOMER))
    wait_for_first_view(qtbot, session)
    window = session.window
    qtbot.waitUntil(window.isMaximized, timeout=5_000)
    for dock_id in (DockId.WALL, DockId.MAP, DockId.ALERTS):
        assert window.dock(dock_id).isVisible(), dock_id
    # The map beside the wall (to its right, level with it), not tabbed behind anything.
    wall_box = window.dock(DockId.WALL).geometry()
    map_box = window.dock(DockId.MAP).geometry()
    assert map_box.left() >= wall_box.right()
    assert map_box.top() < wall_box.bottom()
    assert wall_box.top() < map_box.bottom()
    assert not window.tabifiedDockWidgets(window.dock(DockId.MAP))

    page = session.wall.wall.page(session.wall.wall.current)
    shown = page.visible_cameras()
    assert None not in shown, "every tile of the first page has a camera"
    assert len(set(shown)) == len(shown)
    for camera_id in shown:
        assert camera_id is not None
        camera = world.cameras_by_id[camera_id]
        assert camera.status is CameraStatus.ONLINE
        assert camera.owner_department_id == department or department in camera.shared_with
    # The demo serves every camera from one of its feeds: each feed is on the wall.
    assert {ordinal[c] % FEEDS for c in shown if c is not None} == set(range(FEEDS))
    view = session.wall.view.current_view()
    assert view is not None
    qtbot.waitUntil(
        lambda: all(
            tile.supervisor is not None and tile.supervisor.state is StreamState.LIVE
            for tile in view.tiles
        ),
        timeout=LIVE_MS,
    )

    # The operator makes the wall theirs and leaves the window smaller, then signs out.
    kept = [shown[0], None, shown[2], None]
    session.wall.wall.fill(session.wall.wall.current, kept)
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized(), timeout=5_000)
    console.sign_out()

    again = sign_in(qtbot, console, NEWCOMER, demo_server.password(NEWCOMER))
    assert again.first_view is None, "only a first sign-in gets the first view"
    assert again.wall.wall.page(again.wall.wall.current).visible_cameras() == kept
    qtbot.waitUntil(again.window.isVisible, timeout=5_000)
    qtbot.wait(500)
    assert not again.window.isMaximized()


def test_a_saved_wall_is_not_a_first_sign_in(
    qtbot: QtBot, console: Console, demo_server: LiveDemoServer
) -> None:
    username = "operator-2"
    path = workspace_file(demo_server.url, username)
    path.parent.mkdir(parents=True, exist_ok=True)
    camera = next(c for c in demo_server.world.cameras if c.status is CameraStatus.ONLINE)
    saved = workspace_to_dict(Wall([WallPage(preset("9"), [camera.id])]), LayoutLibrary())
    path.write_text(json.dumps(saved), "utf-8")

    session = sign_in(qtbot, console, username, demo_server.password(username))
    assert session.first_view is None
    qtbot.waitUntil(session.window.isVisible, timeout=5_000)
    qtbot.wait(500)
    assert not session.window.isMaximized()
    page = session.wall.wall.page(0)
    assert page.layout.name == "9"
    assert page.visible_cameras() == [camera.id] + [None] * 8


@pytest.fixture(scope="module")
def silent_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    """The demo world without a camera simulator: the server streams no video."""
    server = start_demo_server(tmp_path_factory.mktemp("silent-server"), camera_count=300)
    try:
        yield server
    finally:
        server.close()


def test_a_server_without_video_leaves_the_window_as_it_comes(
    qtbot: QtBot, services: Services, silent_server: LiveDemoServer
) -> None:
    with running_console(services, silent_server.url, silent_server.passwords) as made:
        session = sign_in(qtbot, made, NEWCOMER, silent_server.password(NEWCOMER))
        first_view = session.first_view
        assert first_view is not None
        qtbot.waitUntil(lambda: first_view.choice is not None, timeout=FIRST_VIEW_MS)
        assert first_view.choice is not None
        assert not first_view.choice.streams_video
        assert first_view.choice.asked == 1, "one refusal is enough to know"
        qtbot.wait(300)
        assert not session.window.isMaximized()
        assert session.wall.wall.page(0).visible_cameras() == [None] * 4
