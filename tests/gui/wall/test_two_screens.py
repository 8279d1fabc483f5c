"""Two monitors: a page detached to screen 2, the workspace saved, the process killed, and a
new process that puts the page back on screen 2 with its camera playing.

Qt picks its platform once per process, so each console runs in a child process on the
offscreen platform configured with two screens (``offscreen:configfile=screens.json``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.wall.conftest import Feeds

pytestmark = [pytest.mark.media, pytest.mark.slow]

CHILD = Path(__file__).with_name("two_screens_child.py")
ROOT = Path(__file__).resolve().parents[3]
SCREENS = {
    "screens": [
        {"name": "OFF-LEFT", "x": 0, "y": 0, "width": 1280, "height": 720, "dpi": 96, "dpr": 1},
        {"name": "OFF-RIGHT", "x": 1280, "y": 0, "width": 1280, "height": 720, "dpi": 96, "dpr": 1},
    ]
}


def run_console(phase: str, workspace: Path, feeds: Feeds, config: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [
            sys.executable,
            str(CHILD),
            phase,
            str(workspace),
            feeds.small.http_url,
            feeds.large.http_url,
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0, f"the {phase} console failed:\n{done.stderr[-3000:]}"
    assert lines, f"the {phase} console said nothing:\n{done.stderr[-3000:]}"
    return json.loads(lines[-1].removeprefix("RESULT "))  # type: ignore[no-any-return]


def test_a_detached_page_comes_back_on_its_screen_after_a_crash(
    feeds: Feeds, tmp_path: Path
) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    workspace = tmp_path / "data" / "wall-workspace.json"

    before = run_console("detach", workspace, feeds, config)
    assert before["screens"] == ["OFF-LEFT", "OFF-RIGHT"]
    assert before["window_screen"] == "OFF-RIGHT"
    assert before["full_screen"]
    assert before["window_geometry"] == [1280, 0, 1280, 720]
    assert before["page_view_in_window"]
    assert before["live"], "the detached page plays on screen 2"
    assert before["main_window_pages"] == [0]
    assert before["saved"]

    saved = json.loads(workspace.read_text("utf-8"))
    assert saved["pages"][1]["screen"] == {"name": "OFF-RIGHT", "index": 1}
    assert saved["pages"][1]["cameras"] == ["cam-away"]

    after = run_console("restore", workspace, feeds, config)
    assert after["window_screen"] == "OFF-RIGHT"
    assert after["full_screen"]
    assert after["page_view_in_window"]
    assert after["camera"] == "cam-away"
    assert after["live"]
    assert after["home_tile_camera"] == "cam-home"
    assert after["main_window_pages"] == [0]


def test_a_missing_screen_brings_the_page_home(feeds: Feeds, tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    workspace = tmp_path / "wall-workspace.json"
    run_console("detach", workspace, feeds, config)
    one_screen = {"screens": [dict(SCREENS["screens"][0], name="OTHER")]}
    config.write_text(json.dumps(one_screen), encoding="utf-8")
    after = run_console("restore", workspace, feeds, config)
    assert after["window_screen"] is None
    assert after["main_window_pages"] == [0, 1]
    assert after["camera"] == "cam-away"
    assert after["live"]
