"""Evidence snapshots at the stream's own size, whatever size the tile shows: from the wall's
snapshot command, from "raise an event" on a tile, and from an abnormal patrol verdict on a
16-tile wall; and the tile's own picture, said so in the log, when the source cannot give
one in time."""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from console.domain.model import PatrolPlan, PatrolVerdict
from console.gui.patrol.runner import PatrolRunner
from console.gui.video_tile import RepaintClock
from console.gui.wall.session_wall import SessionWall
from console.gui.wall.snapshot import (
    KEY_CAMERA_ID,
    KEY_CAMERA_NAME,
    KEY_CAPTURED_AT,
    HeldPicture,
    SnapshotLabel,
    SnapshotRequest,
    now_utc,
    read_snapshot_tags,
)
from console.gui.wall.streams import WallStreams
from console.gui.wall.tile import WallTile
from console.gui.wall.wall_view import WallView
from console.tasks import TaskRunner
from console.video.av_source import PyAvSource
from console.video.source import VideoSource
from console.video.vlc_source import VlcSource
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.stream_policy import StreamPolicy
from console.wall.workspace import Workspace
from tests.gui.wall.conftest import Feeds
from tests.gui.wall.support import FIRST_PICTURE_MS, wait_for_pictures
from tests.support.live_stream import silent_tcp_server

pytestmark = [pytest.mark.media, pytest.mark.slow]

STREAM_SIZE = (640, 360)  # the simulator's sub stream, and ``feeds.large``
FALLBACK_LINE = "taken from the tile's picture"


def _full_size_feeds(feeds: Feeds) -> Callable[[str], tuple[str | None, str | None]]:
    """Every camera's sub and main stream is the 640x360 feed."""
    return lambda _camera_id: (feeds.large.http_url, feeds.large.http_url)


def _picture_size(tile: WallTile) -> tuple[int, int] | None:
    supervisor = tile.supervisor
    if supervisor is None or supervisor.source is None:
        return None
    with supervisor.source.hold_frame() as frame:
        return None if frame is None else (frame.width, frame.height)


def _wait_for_tile_sized_pictures(qtbot: QtBot, tile: WallTile) -> None:
    """Until the tile plays and its source hands pictures smaller than the stream."""
    wait_for_pictures(qtbot, tile)

    def tile_sized() -> bool:
        size = _picture_size(tile)
        return size is not None and size[0] < STREAM_SIZE[0] and size[1] < STREAM_SIZE[1]

    qtbot.waitUntil(tile_sized, timeout=15_000)


def _assert_evidence(path: Path, camera_id: str, camera_name: str) -> None:
    image = QImage(str(path))
    assert image.size().toTuple() == STREAM_SIZE, "the stream's own size, not the tile's"
    tags = read_snapshot_tags(path)
    assert tags[KEY_CAMERA_ID] == camera_id
    assert tags[KEY_CAMERA_NAME] == camera_name
    assert tags[KEY_CAPTURED_AT]


def _snapshot_temporaries() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("tianmu-snapshot-*"))


@pytest.fixture
def view16(qtbot: QtBot, feeds: Feeds, runner: TaskRunner) -> Iterator[WallView]:
    wall = Wall([WallPage(preset("16"))])
    streams = WallStreams(runner, _full_size_feeds(feeds), policy=StreamPolicy(max_main=4))
    view = WallView(
        wall,
        LayoutLibrary(),
        streams,
        runner,
        camera_name=lambda camera_id: f"Camera {camera_id}",
        clock=RepaintClock(),
    )
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.dispose()


def test_a_16_tile_walls_snapshot_has_the_streams_full_size(
    qtbot: QtBot, view16: WallView, home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="console.gui.wall.snapshot")
    view16.wall.assign(0, 5, "cam-16")
    page = view16.current_view()
    assert page is not None
    tile = page.tile(5)
    _wait_for_tile_sized_pictures(qtbot, tile)
    page.select(5)
    before = _snapshot_temporaries()
    with qtbot.waitSignal(view16.snapshot_saved, timeout=10_000) as saved:
        assert view16.take_snapshot()
    camera_id, path = saved.args
    assert camera_id == "cam-16"
    assert Path(path).parent == home / "evidence" / "snapshots"
    _assert_evidence(Path(path), "cam-16", "Camera cam-16")
    assert FALLBACK_LINE not in caplog.text, "the decoder gave the picture itself"
    assert _snapshot_temporaries() <= before, "libvlc's file does not stay behind"


def test_raise_event_from_a_tile_attaches_a_full_size_snapshot(
    qtbot: QtBot, feeds: Feeds, runner: TaskRunner, tmp_path: Path
) -> None:
    session = SessionWall(
        Workspace(Wall([WallPage(preset("16"))]), LayoutLibrary()),
        tmp_path / "workspace.json",
        runner,
        _full_size_feeds(feeds),
        known=lambda _camera_id: None,
        camera_name=lambda camera_id: f"Camera {camera_id}",
        load_plans=list,
        save_plan=None,
        submit_patrol_record=lambda _body: None,
    )
    # Standing in for the main window, which would hold these in its docks and status bar.
    for widget in (session.view, session.patrol_widget, session.budget_label):
        qtbot.addWidget(widget)
    try:
        session.view.resize(1280, 760)
        session.view.show()
        qtbot.waitExposed(session.view)
        session.wall.assign(0, 2, "cam-raise")
        page = session.view.current_view()
        assert page is not None
        _wait_for_tile_sized_pictures(qtbot, page.tile(2))
        with qtbot.waitSignal(session.raise_event_requested, timeout=10_000) as raised:
            assert session.raise_event_from_tile(page, 2)
        camera_id, path, source = raised.args
        assert (camera_id, source) == ("cam-raise", "operator")
        assert path, "the event comes with its snapshot"
        _assert_evidence(Path(path), "cam-raise", "Camera cam-raise")
    finally:
        session.dispose()


def test_an_abnormal_patrol_verdict_attaches_a_full_size_snapshot(
    qtbot: QtBot, view16: WallView, runner: TaskRunner
) -> None:
    cameras = [f"cam-p{n:02d}" for n in range(1, 3)]
    patrol = PatrolRunner(view16, runner, lambda _body: None, advance_when_judged=False)
    raised: list[tuple[str, str]] = []
    patrol.raise_event_requested.connect(lambda camera, path: raised.append((camera, path)))
    patrol.start(PatrolPlan("plan-16", "16 tiles", tuple(cameras), dwell_s=600), tiles_per_page=16)
    try:
        page = patrol.shown_view()
        assert page is not None
        assert len(page.tiles) == 16
        tile = page.tile_for(cameras[1])
        assert tile is not None
        _wait_for_tile_sized_pictures(qtbot, tile)
        patrol.mark(cameras[1], PatrolVerdict.ABNORMAL)
        qtbot.waitUntil(lambda: bool(raised), timeout=10_000)
        camera_id, path = raised[0]
        assert camera_id == cameras[1]
        assert path, "the event comes with its snapshot"
        _assert_evidence(Path(path), cameras[1], f"Camera {cameras[1]}")
    finally:
        patrol.stop()


# ---------------------------------------------------------------- the tile's picture instead


def _held_picture() -> HeldPicture:
    """A tile-sized picture of a 640x360 stream."""
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor(20, 120, 200))
    return HeldPicture(image, STREAM_SIZE)


class Outcome:
    def __init__(self) -> None:
        self.saved: list[str] = []
        self.failed: list[str] = []


def _request(
    runner: TaskRunner,
    owner: QObject,
    source: VideoSource | None,
    outcome: Outcome,
    timeout_ms: int,
    folder: Path,
) -> SnapshotRequest:
    return SnapshotRequest(
        runner,
        owner,
        source,
        _held_picture(),
        SnapshotLabel("cam-x", "Camera X", now_utc()),
        folder,
        on_saved=outcome.saved.append,
        on_failed=outcome.failed.append,
        timeout_ms=timeout_ms,
    )


def _assert_fallback_saved(outcome: Outcome) -> None:
    assert outcome.failed == []
    path = Path(outcome.saved[0])
    image = QImage(str(path))
    assert image.size().toTuple() == STREAM_SIZE, "scaled to the stream's size"
    assert image.pixelColor(320, 180) == QColor(20, 120, 200)
    assert read_snapshot_tags(path)[KEY_CAMERA_ID] == "cam-x"


def test_a_source_that_does_not_answer_in_time_leaves_the_tiles_picture(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="console.gui.wall.snapshot")
    server, url = silent_tcp_server()
    source = PyAvSource("silent", open_timeout_s=30.0)
    owner = QObject()
    try:
        source.open(url)  # connects, then waits for an answer that never comes
        outcome = Outcome()
        request = _request(runner, owner, source, outcome, 300, tmp_path)
        request.start()
        assert outcome.saved == [], "nothing is waited for on this thread"
        qtbot.waitUntil(lambda: bool(outcome.saved or outcome.failed), timeout=10_000)
        _assert_fallback_saved(outcome)
        assert request.kind == "tile"
        assert "no full-size picture within 0.3 s" in caplog.text
    finally:
        source.dispose()
        server.close()


def test_without_a_source_the_tiles_picture_is_kept_at_once(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="console.gui.wall.snapshot")
    outcome = Outcome()
    owner = QObject()
    _request(runner, owner, None, outcome, 60_000, tmp_path).start()
    qtbot.waitUntil(lambda: bool(outcome.saved or outcome.failed), timeout=10_000)
    _assert_fallback_saved(outcome)
    assert "cannot take full-size pictures" in caplog.text


def test_a_full_picture_that_comes_too_late_is_thrown_away(
    qtbot: QtBot, feeds: Feeds, runner: TaskRunner, tmp_path: Path
) -> None:
    source = VlcSource("late")
    owner = QObject()
    release = threading.Event()
    try:
        source.request_size(320, 180)
        source.open(feeds.large.http_url)
        qtbot.waitUntil(lambda: source.frame_counter > 0, timeout=FIRST_PICTURE_MS)
        controller = source.controller
        assert controller is not None
        before = _snapshot_temporaries()
        # The controller is busy with something else until the tile's picture is saved.
        controller.call("busy", lambda _player: release.wait(10))
        outcome = Outcome()
        request = _request(runner, owner, source, outcome, 0, tmp_path)
        request.start()
        qtbot.waitUntil(lambda: bool(outcome.saved or outcome.failed), timeout=10_000)
        _assert_fallback_saved(outcome)
        release.set()
        # libvlc still writes its picture; the file is deleted when it arrives.
        qtbot.waitUntil(
            lambda: any(operation == "snapshot" for operation, _ in controller.calls),
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: _snapshot_temporaries() <= before, timeout=10_000)
        assert len(list(tmp_path.glob("*.png"))) == 1, "only the tile's picture was kept"
        assert len(outcome.saved) == 1, "answered once"
        assert outcome.failed == []
    finally:
        release.set()
        source.dispose()
