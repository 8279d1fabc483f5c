"""Fixtures for the alert queue tests: the real demo server on loopback, whose cameras all
carry markup in their names, a detector that posts alerts through the real ingest endpoint,
and a signed-in console on top."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from console.app import Services, SessionWiring
from console.server.demo.world import World, build_world
from tests.gui.console.conftest import sign_in
from tests.support.console_services import running_console
from tests.support.live_server import TIMEOUT_S, LiveDemoServer, start_demo_server
from tests.support.user_http import UserHttp

OPERATOR = "operator-1"
DETECTOR = "admin"
MARKUP = "<b>bold</b><img src='file:///etc/passwd'><script>x()</script> %2 %1"


def hostile_camera_name(number: int) -> str:
    # Starts with a tag, so Qt would guess rich text wherever it is not told otherwise.
    return f"<h1>Cam {number}</h1>{MARKUP}"


def hostile_world() -> World:
    world = build_world(camera_count=120)
    cameras = tuple(
        dataclasses.replace(camera, name=hostile_camera_name(number))
        for number, camera in enumerate(world.cameras)
    )
    return dataclasses.replace(world, cameras=cameras)


def png_bytes(colour: str = "#d84315") -> bytes:
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


class Http(UserHttp):
    """A user of the server who may also ingest detections as an analytics box does."""

    def post_alert(self, kind: str, camera_id: str, *, snapshot: bytes | None = None) -> str:
        """Ingest one detection as an analytics box does; returns the alert's id."""
        files = {"snapshot": ("snap.png", io.BytesIO(snapshot), "image/png")} if snapshot else None
        response = self.session.post(
            self.api + "/alerts",
            data={"kind": kind, "camera_id": camera_id, "confidence": "0.87"},
            files=files,
            timeout=TIMEOUT_S,
        )
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    def close(self) -> None:
        self.session.close()


@pytest.fixture(scope="module")
def alert_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("alert-server"), world=hostile_world())
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def detector(alert_server: LiveDemoServer) -> Iterator[Http]:
    made = Http(alert_server, DETECTOR)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def reader(alert_server: LiveDemoServer) -> Iterator[Http]:
    """The operator's view of the server, over plain HTTP, for checking what landed."""
    made = Http(alert_server, OPERATOR)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def camera_ids(reader: Http) -> list[str]:
    """Cameras the operator may see (alerts on them reach the operator's console)."""
    page = reader.get("/cameras", limit=20)
    ids = [str(camera["id"]) for camera in page["items"]]
    assert len(ids) >= 6
    return ids


@pytest.fixture
def wiring(
    qtbot: QtBot, services: Services, alert_server: LiveDemoServer
) -> Iterator[SessionWiring]:
    with running_console(services, alert_server.url, alert_server.passwords) as console:
        session = sign_in(qtbot, console, OPERATOR, alert_server.passwords[OPERATOR])
        # The queue is live once the stream is connected and the working set is in.
        qtbot.waitUntil(lambda: session.catalog is not None, timeout=30_000)
        yield session
