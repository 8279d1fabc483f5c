"""Fixtures for the verification tests: the real demo server on loopback with live camera
feeds, and the console signed in on top of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from console.app import Console, Services, SessionWiring
from console.domain.model import Camera, CameraStatus
from tests.gui.console.conftest import sign_in
from tests.support.console_services import running_console
from tests.support.live_server import LiveDemoServer, serve_live_demo

OPERATOR = "operator-1"
FEEDS = 2


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    yield from serve_live_demo(
        tmp_path_factory.mktemp("verification-server"), FEEDS, "verification tests"
    )


@pytest.fixture
def console(services: Services, demo_server: LiveDemoServer) -> Iterator[Console]:
    with running_console(services, demo_server.url, demo_server.passwords) as made:
        yield made


@pytest.fixture
def signed_in(qtbot: QtBot, console: Console, demo_server: LiveDemoServer) -> SessionWiring:
    session = sign_in(qtbot, console, OPERATOR, demo_server.password(OPERATOR))
    qtbot.waitUntil(lambda: session.catalog is not None, timeout=20_000)
    return session


def visible_cameras(server: LiveDemoServer, username: str = OPERATOR) -> list[Camera]:
    """The cameras ``username``'s department may see, in the world's order."""
    department = next(u.department_id for u in server.world.users if u.username == username)
    return [
        camera
        for camera in server.world.cameras
        if camera.owner_department_id == department or department in camera.shared_with
    ]


def online_camera(server: LiveDemoServer, n: int = 0) -> Camera:
    return [c for c in visible_cameras(server) if c.status is CameraStatus.ONLINE][n]


def offline_camera(server: LiveDemoServer) -> Camera:
    return next(c for c in visible_cameras(server) if c.status is not CameraStatus.ONLINE)
