"""Fixtures for the wall's tests: live camera streams (real ffmpeg encoders behind a real
relay), a task runner, and a wall view wired as the console wires it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.gui.video_tile import RepaintClock
from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.stream_policy import StreamPolicy
from tests.support.live_stream import LiveStream


@dataclass
class Feeds:
    """Two live cameras: ``small`` stands in for sub streams, ``large`` for main streams."""

    small: LiveStream
    large: LiveStream

    def resolver(self) -> Callable[[str], tuple[str | None, str | None]]:
        """Every camera plays these two feeds, except ids starting ``missing-`` (the backend
        knows no such camera)."""

        def resolve(camera_id: str) -> tuple[str | None, str | None]:
            if camera_id.startswith("missing-"):
                raise LookupError(f"unknown camera {camera_id}")
            return self.small.http_url, self.large.http_url

        return resolve


@pytest.fixture(scope="module")
def feeds() -> Iterator[Feeds]:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed for the wall tests")
    with LiveStream("SUB", size="320x180") as small, LiveStream("MAIN") as large:
        yield Feeds(small, large)


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    """The private TIANMU_HOME of this test."""
    return _isolated_home


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(5.0)


@dataclass
class WallRig:
    wall: Wall
    library: LayoutLibrary
    streams: WallStreams
    view: WallView
    clock: RepaintClock


@pytest.fixture
def rig(qtbot: QtBot, feeds: Feeds, runner: TaskRunner) -> Iterator[WallRig]:
    wall = Wall([WallPage(preset("4")), WallPage(preset("4"))])
    library = LayoutLibrary()
    streams = WallStreams(runner, feeds.resolver(), policy=StreamPolicy(max_main=4))
    clock = RepaintClock()
    view = WallView(
        wall, library, streams, runner, camera_name=lambda cid: f"Camera {cid}", clock=clock
    )
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    yield WallRig(wall, library, streams, view, clock)
    view.dispose()
