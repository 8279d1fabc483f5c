"""A real server on loopback (the small test world) holding real recorded clips."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.client import BackendClient
from console.server.live import LiveServer
from console.server.media.clips import Clip, make_clips
from console.server.services import recordings
from console.wire.media import RecordingOut
from tests.integration.server.conftest import start_server
from tests.integration.server.world import CENTRE, PASSWORDS, SmallWorld

RECORDED_AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@dataclass
class RecordingServer:
    live: LiveServer
    app: Any
    world: SmallWorld
    recordings: list[RecordingOut]
    files: dict[str, Path]  # recording id -> the server's file

    def client(self, username: str = "op") -> BackendClient:
        client = BackendClient(self.live.url, timeout=(2.0, 10.0), retries=0)
        client.login(username, PASSWORDS[username])
        return client


@pytest.fixture(scope="session")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> list[Clip]:
    folder = tmp_path_factory.mktemp("review-recorded")
    return make_clips(
        folder,
        ["东门路口", "西门广场", "南站"],
        start=RECORDED_AT,
        seconds=4,
        size=(320, 180),
        fps=10,
    )


@pytest.fixture
def recording_server(tmp_path: Path, recorded: list[Clip]) -> Iterator[RecordingServer]:
    (tmp_path / "server").mkdir()
    live, app, world, _media = start_server(tmp_path / "server", "sqlite")
    camera = sorted(world.cameras_visible_to(CENTRE))[0]
    files: dict[str, Path] = {}
    try:
        with app.state.tianmu.db.write() as session:
            for n, clip in enumerate(recorded):
                own = tmp_path / "server" / f"rec{n}.mp4"
                shutil.copyfile(clip.path, own)
                start = RECORDED_AT + timedelta(minutes=n)
                row = recordings.register(session, camera, start, start + timedelta(seconds=4), own)
                files[row.id] = own
        server = RecordingServer(live, app, world, [], files)
        server.recordings = server.client().recordings(camera_id=camera)
        yield server
    finally:
        live.stop()
        app.state.tianmu.db.dispose()
