"""The review window with real clips, real libvlc and no server: keys, the timeline, gaps,
snapshots, the A–B range and its export, and files that cannot be played."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from console.app import Services
from console.evidence import verify_export
from console.gui.review.clip_tile import ClipTile
from console.gui.review.window import ReviewWindow
from console.gui.wall.snapshot import KEY_CAMERA_ID, KEY_CAPTURED_AT, read_snapshot_tags
from console.video.clip_control import ClipState
from console.video.clip_info import write_sidecar
from tests.gui.review.frame_match import shown_picture, which_frame
from tests.gui.review.recorded import START, recorded


@pytest.fixture
def window(qtbot, services: Services):  # type: ignore[no-untyped-def]
    window = ReviewWindow(services.runner)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    yield window
    controllers = [t.player.source.controller for t in window.tiles if t.player is not None]
    window.close()
    for controller in controllers:
        if controller is not None:
            assert controller.join(10.0)


def _open(qtbot, window: ReviewWindow, *paths: Path) -> list[ClipTile]:  # type: ignore[no-untyped-def]
    before = len(window.tiles)
    window.open_paths(list(paths))
    qtbot.waitUntil(lambda: len(window.tiles) == before + len(paths), timeout=20_000)
    tiles = window.tiles[before:]
    for tile in tiles:
        if tile.player is not None and not tile.player.info.damage:
            qtbot.waitUntil(lambda t=tile: t.player.state is ClipState.READY, timeout=20_000)
    return tiles


def _settle(qtbot, ms: int = 500) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(ms)


def test_keys_play_step_jump_and_change_speed(qtbot, window: ReviewWindow) -> None:
    clip = recorded(0)
    (tile,) = _open(qtbot, window, clip.path)
    assert window.group.now() == START
    qtbot.keyClick(window, Qt.Key.Key_Right)  # +5 s
    assert window.group.now() == START + timedelta(seconds=5)
    qtbot.keyClick(window, Qt.Key.Key_Period)  # one frame on
    qtbot.keyClick(window, Qt.Key.Key_Period)
    qtbot.keyClick(window, Qt.Key.Key_Comma)  # one back
    assert window.group.now() == START + timedelta(seconds=5, milliseconds=40)
    _settle(qtbot)
    shown, _ = which_frame(shown_picture(tile.player.source), clip.path, 5040)
    assert shown == 5040
    assert "08:00:05.040" in window.clock_label.text()
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.group.rate == 2.0
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    assert window.group.rate == 0.5
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.group.playing
    _settle(qtbot, 1000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.group.playing
    moved = (window.group.now() - START).total_seconds() - 5.04
    assert 0.3 < moved < 0.8  # about half a second of recording in a second
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # -30 s: clamps
    assert window.group.now() == START
    # The speed stays as set for a clip opened next.
    (second,) = _open(qtbot, window, recorded(1).path)
    assert second.player.rate == 0.5


def test_timeline_click_seeks_and_shows_spans(qtbot, window: ReviewWindow) -> None:
    _open(qtbot, window, recorded(0).path)
    timeline = window.timeline
    middle = START + timedelta(seconds=10)
    x = round(timeline.x_of(middle))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, timeline.height() // 2))
    now = window.group.now()
    assert now is not None
    assert abs((now - middle).total_seconds()) < timeline.visible_seconds / timeline.width() * 2
    seconds = timeline.visible_seconds
    timeline.zoom(0.5)
    assert timeline.visible_seconds == pytest.approx(max(60.0, seconds * 0.5))
    timeline.zoom(1e7)
    assert timeline.visible_seconds == 7 * 24 * 3600


def test_a_clip_with_no_recording_at_the_time_says_so_not_a_frozen_picture(
    qtbot, window: ReviewWindow
) -> None:
    first, second = recorded(0), recorded(1, delay_s=6.0)
    tiles = {t.player.info.path: t for t in _open(qtbot, window, first.path, second.path)}
    early, late = tiles[first.path], tiles[second.path]
    window.seek(START + timedelta(seconds=3))
    _settle(qtbot)
    assert early.covered
    assert not late.covered
    picture = late.grab().toImage()
    middle = picture.pixelColor(picture.width() // 4, picture.height() * 3 // 4)
    assert middle == QColor(0, 0, 0)  # black, not the clip's last picture
    window.seek(START + timedelta(seconds=8))
    _settle(qtbot)
    assert late.covered


def test_snapshot_is_full_size_and_tagged_with_the_clips_wall_clock(
    qtbot, window: ReviewWindow
) -> None:
    clip = recorded(0)
    _open(qtbot, window, clip.path)
    window.seek(START + timedelta(seconds=7, milliseconds=320))
    _settle(qtbot)
    with qtbot.waitSignal(window.snapshot_saved, timeout=10_000) as saved:
        window.snapshot()
    path = Path(saved.args[0])
    tags = read_snapshot_tags(path)
    assert tags[KEY_CAMERA_ID] == "cam-01"
    assert tags[KEY_CAPTURED_AT] == "2026-12-04T08:00:07.320+00:00"
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert (image.width(), image.height()) == (640, 360)


def test_a_b_range_exports_a_signed_folder_that_verifies(qtbot, window: ReviewWindow) -> None:
    _open(qtbot, window, recorded(0).path, recorded(1, delay_s=6.0).path)
    window.seek(START + timedelta(seconds=4))
    qtbot.keyClick(window, Qt.Key.Key_A)
    window.seek(START + timedelta(seconds=10))
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.selected_range() == (START + timedelta(seconds=4), START + timedelta(seconds=10))
    with qtbot.waitSignal(window.exported, timeout=120_000) as done:
        window.export_range()
    result = done.args[0]
    assert len(result.files) >= 2
    assert verify_export(result.folder).ok


def test_bad_files_get_a_reason_and_the_good_clip_plays_on(
    qtbot, window: ReviewWindow, tmp_path: Path
) -> None:
    clip = recorded(0)
    noise = tmp_path / "noise.mp4"
    noise.write_bytes(bytes((i * 7919) % 251 for i in range(400_000)))
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(clip.path.read_bytes()[: clip.size // 3])
    write_sidecar(truncated, START, "cut", "cam-cut")
    tiles = _open(qtbot, window, clip.path, noise, truncated)
    broken = next(tile for tile in tiles if tile.camera_name == "noise.mp4")
    assert "damaged" in broken.problem
    assert broken.player is None
    cut = next(tile for tile in tiles if tile.player is not None and tile.player.info.damage)
    assert "truncated" in cut.note
    qtbot.waitUntil(lambda: cut.player.state is ClipState.READY, timeout=20_000)
    good = next(
        tile for tile in tiles if tile.player is not None and tile.player.info.path == clip.path
    )
    qtbot.keyClick(window, Qt.Key.Key_Space)
    _settle(qtbot, 800)
    assert window.group.playing
    assert good.player.playing
    qtbot.keyClick(window, Qt.Key.Key_Space)


def test_tianmu_review_runs_with_no_server(tmp_path: Path) -> None:
    clip = recorded(0)
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANMU_HOME=str(home))
    env.pop("TIANMU_SERVER_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "console", "review", str(clip.path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = home / "log" / "tianmu.log"
    try:
        deadline = time.monotonic() + 60
        shown = False
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and "shows its first picture" in log.read_text(errors="replace"):
                shown = True
                break
            time.sleep(0.2)
        assert process.poll() is None, "tianmu review ended by itself"
        assert shown, "tianmu review showed no picture"
        text = log.read_text(errors="replace")
        assert "Sign" not in text
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def test_the_login_dialog_offers_review_without_signing_in(qtbot, services: Services) -> None:
    from console.app import Console

    console = Console(services, server_url="http://127.0.0.1:9")  # nothing listens there
    try:
        console.start(try_resume=False)
        dialog = console.login_dialog
        assert dialog is not None
        assert dialog.ui.review_button.text() == "Review clips offline"
        dialog.ui.review_button.click()
        review = console.review_window
        assert isinstance(review, ReviewWindow)
        qtbot.waitUntil(review.isVisible)
        assert console.session is None
        _open(qtbot, review, recorded(0).path)
        assert review.tiles[0].player is not None
        controller = review.tiles[0].player.source.controller
    finally:
        console.shutdown()
    assert controller is not None
    assert controller.join(10.0)
