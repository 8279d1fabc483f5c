"""A detached page's window and the application quitting: Qt 6 asks every top-level window to
close before it quits and gives up quitting if one refuses. The window of a detached page
refuses only the window manager's close (the page goes home then); the application's own close
is accepted and the page keeps its monitor in the workspace."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage


def detached_view(qtbot: QtBot, runner: TaskRunner) -> WallView:
    wall = Wall([WallPage(preset("4"), ["cam-1"]), WallPage(preset("4"), ["cam-2"])])
    view = WallView(wall, LayoutLibrary(), WallStreams(runner, lambda _c: (None, None)), runner)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.send_page_to_screen(1, 1)
    qtbot.waitUntil(lambda: view.screen_window(1) is not None, timeout=5_000)
    window = view.screen_window(1)
    assert window is not None
    qtbot.waitUntil(window.isVisible, timeout=5_000)
    return view


def test_the_applications_close_is_accepted_and_the_page_keeps_its_monitor(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    view = detached_view(qtbot, runner)
    window = view.screen_window(1)
    assert window is not None
    try:
        assert window.close(), "the detached page's window refused to close: the app cannot quit"
        assert not window.isVisible()
        assert view.wall.pages[1].screen is not None
        assert view.wall.pages[1].cameras[0] == "cam-2"
    finally:
        view.dispose()


def test_asking_for_the_page_back_brings_it_home_with_its_cameras(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    # The window manager's close (a spontaneous event, which Python cannot make) and Ctrl+W
    # both end in this request.
    view = detached_view(qtbot, runner)
    window = view.screen_window(1)
    assert window is not None
    try:
        window.return_requested.emit()
        qtbot.waitUntil(lambda: view.wall.pages[1].screen is None, timeout=5_000)
        assert view.wall.pages[1].cameras[0] == "cam-2"
    finally:
        view.dispose()
