"""Fixtures for the raise-event tests: the real server on loopback (small world), a real
outbox in a temporary store, a task runner, and real tagged PNG snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from console.domain.model import Camera
from console.gui.wall.snapshot import snapshot_file_name, tag_snapshot, write_snapshot
from console.server.live import LiveServer
from console.store import Store, open_store
from console.tasks import TaskRunner
from tests.integration.server.conftest import TIMEOUT, start_server
from tests.integration.server.world import CENTRE, PASSWORDS, SmallWorld


@dataclass
class Backend:
    """The running server and a requests session signed in as the duty operator ``op``."""

    live: LiveServer
    world: SmallWorld
    http: requests.Session
    api: str

    @property
    def url(self) -> str:
        return self.live.url

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return self.http.get(self.api + path, timeout=TIMEOUT, **kwargs)  # type: ignore[arg-type]

    def camera(self, n: int = 0) -> Camera:
        """A camera the operator's department may see."""
        visible = sorted(self.world.cameras_visible_to(CENTRE))
        wanted = visible[n]
        return next(c for c in self.world.cameras if c.id == wanted)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    live, app, world, _media = start_server(tmp_path_factory.mktemp("raise-server"), "sqlite")
    api = live.url + "/api/v1"
    http = requests.Session()
    try:
        answer = http.post(
            api + "/auth/login",
            json={"username": "op", "password": PASSWORDS["op"]},
            timeout=TIMEOUT,
        )
        answer.raise_for_status()
        http.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield Backend(live, world, http, api)
    finally:
        http.close()
        live.stop()
        app.state.tianmu.db.dispose()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "store")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    try:
        yield tasks
    finally:
        tasks.shutdown()
        tasks.deleteLater()


def make_snapshot(folder: Path, camera: Camera) -> Path:
    """A tagged PNG as the wall writes it: a painted picture with the camera and time inside."""
    image = QImage(640, 360, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(640, 360))
    gradient.setColorAt(0.0, QColor("#1b5e20"))
    gradient.setColorAt(1.0, QColor("#ffb300"))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, camera.name)
    painter.end()
    when = datetime.now(UTC)
    tagged = tag_snapshot(image, camera.id, camera.name, when)
    return write_snapshot(tagged, folder, snapshot_file_name(camera.id, when))


@pytest.fixture
def snapshot(tmp_path: Path, backend: Backend) -> Path:
    return make_snapshot(tmp_path / "evidence", backend.camera())


@pytest.fixture
def opened(qapp: QApplication) -> Iterator[list[QWidget]]:
    """Dialogs that delete themselves on close; whatever is still open is closed at the end."""
    widgets: list[QWidget] = []
    yield widgets
    for widget in widgets:
        if shiboken6.isValid(widget):
            widget.close()
    QApplication.sendPostedEvents(None, 0)  # run the deferred deletes now
