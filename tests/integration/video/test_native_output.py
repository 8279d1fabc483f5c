"""Native output: libvlc draws a real stream into a tile's native window on a real X server,
the tile's strips say its name and state, and a frozen camera is still noticed.

Qt picks its platform once per process, so the tile runs in a child process on the ``xcb``
platform of a private Xvfb (the suite itself runs offscreen, where widgets have no native
windows and tiles paint)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support.live_stream import LiveStream
from tests.support.xvfb import private_xvfb

pytestmark = [pytest.mark.media]

CHILD = Path(__file__).with_name("native_output_child.py")
ROOT = Path(__file__).resolve().parents[3]


def test_libvlc_draws_into_the_tile_and_a_frozen_camera_is_noticed(
    own_live_stream: LiveStream, tmp_path: Path
) -> None:
    stop_file = tmp_path / "stop"

    def stop_camera_when_asked() -> None:
        deadline = time.monotonic() + 90
        while not stop_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        own_live_stream.stop_camera()

    watcher = threading.Thread(target=stop_camera_when_asked, daemon=True)
    watcher.start()
    with private_xvfb() as display:
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display, PYTHONPATH=str(ROOT))
        env["TIANMU_HOME"] = str(tmp_path / "home")
        done = subprocess.run(
            [sys.executable, str(CHILD), own_live_stream.http_url, str(stop_file)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0, done.stderr[-3000:]
    assert lines, done.stderr[-3000:]
    result = json.loads(lines[-1].removeprefix("RESULT "))

    assert result["platform"] == "xcb"
    assert result["live"], "the camera went live in a native window"
    assert result["shows_native"]
    # The console holds no pictures: libvlc drew them, and the X server shows them.
    assert not result["in_memory_picture"]
    assert result["size"][0] > 500
    assert result["size"][1] > 250
    assert result["colours"] > 20, "the native window shows a picture, not a flat colour"
    assert result["changed"], "the picture moves"
    # The green "Live" badge in the top strip (painted by Qt around the native window).
    badge = result["badge_live"]
    red, green, blue = (badge >> 16) & 255, (badge >> 8) & 255, badge & 255
    assert green > red
    assert green > blue
    assert result["stale"], "a frozen camera is marked although no picture reaches the console"


def test_without_native_windows_tiles_paint_whatever_the_preference(qapp: object) -> None:
    from console.gui.video_tile import draws_into_window, make_source
    from console.video.output import VideoOutput, set_preferred_output

    set_preferred_output(VideoOutput.NATIVE)
    try:
        source = make_source("http://127.0.0.1:9/live.ts", "offscreen tile")
        assert source is not None
        assert not draws_into_window(source), "offscreen widgets have no native windows"
        source.dispose()
    finally:
        set_preferred_output(VideoOutput.PAINTED)
