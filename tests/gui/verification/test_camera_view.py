"""``CameraView`` plays one camera live outside the wall, against the real demo server and
its camera simulator: pictures arrive, hiding stops the player, a camera that cannot play
says why, and nothing is left running."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from console.app import SessionWiring
from console.gui.camera_view import CameraView
from console.video.supervisor import StreamState
from tests.gui.verification.conftest import offline_camera, online_camera
from tests.support.live_server import LiveDemoServer

pytestmark = [pytest.mark.media, pytest.mark.slow]

FIRST_PICTURE_MS = 25_000


def test_camera_view_plays_stops_and_explains(
    qtbot: QtBot, signed_in: SessionWiring, demo_server: LiveDemoServer
) -> None:
    camera = online_camera(demo_server)
    view = CameraView(signed_in.session)
    qtbot.addWidget(view)
    assert view.state_text() == "No camera"
    assert view.grab_picture() is None

    view.resize(480, 270)
    view.set_camera(camera.id)
    assert view.tile.supervisor is None, "nothing plays while the view is hidden"
    view.show()
    qtbot.waitUntil(
        lambda: (
            view.tile.supervisor is not None
            and view.tile.supervisor.state is StreamState.LIVE
            and view.grab_picture() is not None
        ),
        timeout=FIRST_PICTURE_MS,
    )
    assert view.state_text() == "Live"
    assert view.tile.camera_name == camera.name
    picture = view.grab_picture()
    assert picture is not None
    # The stream's display size, whatever size the tile shows it at.
    assert (picture.width(), picture.height()) == (480, 270)

    # Hidden: the player stops; shown again: a new one plays.
    view.hide()
    assert view.tile.supervisor is None
    view.show()
    qtbot.waitUntil(lambda: view.grab_picture() is not None, timeout=FIRST_PICTURE_MS)

    # A camera the catalogue knows is offline never starts a player.
    with qtbot.waitSignal(view.state_changed, timeout=5_000):
        view.set_camera(offline_camera(demo_server).id)
    assert view.tile.supervisor is None
    assert view.state_text() == "The camera is offline"

    view.set_camera(None)
    assert view.state_text() == "No camera"
    assert view.tile.supervisor is None
    view.close()
