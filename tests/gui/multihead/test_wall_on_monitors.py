"""The wall on a real X server with two or three monitors (Xorg, dummy video driver): pages
detached full screen to monitors, sent from one monitor to another, the workspace back on the
same monitors after a restart and after ``kill -9``, and a monitor unplugged under a page.

Each console is a child process on Qt's xcb platform (``console_child.py``), with live
cameras from the wall tests' feeds. RandR's own list of monitors is the reference for where
windows must be."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.gui.multihead.conftest import StartConsole
from tests.support.multihead import MultiheadDisplay, multihead_display

pytestmark = [pytest.mark.media, pytest.mark.slow]

PAGES = [["4", ["cam-home"]], ["1", ["cam-away"]], ["4", ["cam-a", "cam-b"]]]


def window_of(report: dict[str, Any], page: int) -> dict[str, Any]:
    window = report["pages"][page]["window"]
    assert window is not None, f"page {page + 1} has no window of its own: {report}"
    return window  # type: ignore[no-any-return]


def assert_full_screen_on(
    x: MultiheadDisplay, report: dict[str, Any], page: int, name: str
) -> None:
    """Page ``page`` fills RandR's monitor ``name`` in a window of its own."""
    monitors = {m.name: m for m in x.monitors()}
    window = window_of(report, page)
    assert report["pages"][page]["screen_ref"] == name
    assert window["screen"] == name
    assert window["geometry"] == list(monitors[name].rect)
    assert window["full_screen"]
    assert window["visible"]
    assert window["holds_page"]


def test_a_page_detached_to_screen_2_fills_it_with_live_pictures(
    start_console: StartConsole,
) -> None:
    with multihead_display(heads=2) as x:
        console = start_console(x, pages=PAGES[:2])
        screens = console.first_report["screens"]
        assert [s["name"] for s in screens] == [m.name for m in x.monitors()]
        assert [s["geometry"] for s in screens] == [list(m.rect) for m in x.monitors()]

        report = console.do("send", page=1, screen=2)

        assert_full_screen_on(x, report, 1, "DUMMY1")
        assert report["main_window_screen"] == "DUMMY0"
        assert report["main_window_pages"] == [0]
        assert report["pages"][1]["tile_cameras"] == ["cam-away"]
        assert console.do("wait_live", pages=[0, 1])["live"], "both monitors play"
        # And the X server has the moving pictures on that monitor.
        pixels = console.do("grab_screen", screen="DUMMY1")
        assert pixels == {"size": [1280, 720], "black": False, "moving": True}
        assert console.quit() == 0


def test_send_to_screen_n_on_three_monitors(start_console: StartConsole) -> None:
    with multihead_display(heads=3) as x:
        console = start_console(x, pages=PAGES)
        console.do("send", page=1, screen=2)
        report = console.do("send", page=2, screen=3)
        assert_full_screen_on(x, report, 1, "DUMMY1")
        assert_full_screen_on(x, report, 2, "DUMMY2")
        assert report["main_window_pages"] == [0]
        assert console.do("wait_live", pages=[0, 1, 2])["live"]

        # Page 2 moves to monitor 3: the page there goes back to the main window.
        report = console.do("send", page=1, screen=3)
        assert_full_screen_on(x, report, 1, "DUMMY2")
        assert report["pages"][2]["window"] is None
        assert report["main_window_pages"] == [0, 2]
        assert report["pages"][2]["tile_cameras"][:2] == ["cam-a", "cam-b"]
        assert console.do("wait_live", pages=[1])["live"]
        assert console.quit() == 0


def test_the_workspace_comes_back_on_the_same_monitors_after_a_restart_and_a_kill(
    start_console: StartConsole, tmp_path: Path
) -> None:
    with multihead_display(heads=3) as x:
        first = start_console(x, pages=PAGES)
        first.do("send", page=1, screen=2)
        first.do("send", page=2, screen=3)
        assert first.do("wait_saved")["saved"]
        assert first.quit() == 0

        # A normal restart: every page on its monitor, playing.
        second = start_console(x, restore=True)
        report = second.first_report
        assert_full_screen_on(x, report, 1, "DUMMY1")
        assert_full_screen_on(x, report, 2, "DUMMY2")
        assert report["main_window_pages"] == [0]
        assert second.do("wait_live", pages=[0, 1, 2])["live"]

        # The operator swaps the two monitors' pages, then the console is killed outright.
        second.do("send", page=2, screen=2)
        second.do("send", page=1, screen=3)
        assert second.do("wait_saved")["saved"]
        second.kill()

        saved = json.loads((tmp_path / "wall-workspace.json").read_text("utf-8"))
        assert [p.get("screen") for p in saved["pages"]] == [
            None,
            {"name": "DUMMY2", "index": 2},
            {"name": "DUMMY1", "index": 1},
        ]
        third = start_console(x, restore=True)
        report = third.first_report
        assert_full_screen_on(x, report, 1, "DUMMY2")
        assert_full_screen_on(x, report, 2, "DUMMY1")
        assert [p["cameras"] for p in report["pages"]] == [c for _l, c in PAGES]
        assert third.do("wait_live", pages=[0, 1, 2])["live"]
        assert third.quit() == 0


def test_an_unplugged_monitor_gives_its_page_back_with_nothing_lost(
    start_console: StartConsole, tmp_path: Path
) -> None:
    with multihead_display(heads=3) as x:
        console = start_console(x, pages=PAGES)
        console.do("send", page=1, screen=2)
        before = console.do("send", page=2, screen=3)
        assert console.do("wait_live", pages=[1, 2])["live"]

        x.remove_head("DUMMY1")  # the middle monitor, under page 2
        report = console.do("wait_screens", count=2)
        assert report["ok"], report
        # Page 2 is back in the main window, as it was; page 3 stays alone on its monitor.
        assert report["main_window_pages"] == [0, 1]
        assert report["pages"][1]["window"] is None
        assert_full_screen_on(x, report, 2, "DUMMY2")
        assert [p["layout"] for p in report["pages"]] == [p["layout"] for p in before["pages"]]
        assert [p["cameras"] for p in report["pages"]] == [c for _l, c in PAGES]
        assert report["pages"][1]["tile_cameras"] == ["cam-away"]
        console.do("show", page=1)
        assert console.do("wait_live", pages=[1, 2])["live"], "both pages play where they are"

        x.remove_head("DUMMY2")  # the last detached page's monitor
        report = console.do("wait_screens", count=1)
        assert report["ok"], report
        assert report["main_window_pages"] == [0, 1, 2]
        assert all(p["window"] is None for p in report["pages"])
        assert [p["cameras"] for p in report["pages"]] == [c for _l, c in PAGES]
        console.do("show", page=2)
        assert console.do("wait_live", pages=[2])["live"]

        assert console.do("wait_saved")["saved"]
        saved = json.loads((tmp_path / "wall-workspace.json").read_text("utf-8"))
        assert [p.get("screen") for p in saved["pages"]] == [None, None, None]

        # Plugged in again, the monitor takes a page as before.
        x.add_head("DUMMY1", position=(1280, 0))
        assert console.do("wait_screens", count=2)["ok"]
        report = console.do("send", page=1, screen=2)
        assert_full_screen_on(x, report, 1, "DUMMY1")
        assert console.do("wait_live", pages=[1])["live"]
        assert console.quit() == 0


def test_a_page_whose_monitor_is_unplugged_takes_a_free_monitor_in_its_place(
    start_console: StartConsole,
) -> None:
    with multihead_display(heads=3) as x:
        console = start_console(x, pages=PAGES[:2])
        console.do("send", page=1, screen=2)
        assert console.do("wait_live", pages=[1])["live"]

        x.remove_head("DUMMY1")
        report = console.do("wait_screens", count=2)
        # Monitor 3 is now the second one and nobody's: the page goes on showing there.
        window = window_of(report, 1)
        assert window["screen"] == "DUMMY2"
        assert window["geometry"] == [2560, 0, 1280, 720]
        assert window["full_screen"]
        assert report["main_window_pages"] == [0]
        assert report["pages"][1]["tile_cameras"] == ["cam-away"]
        assert console.do("wait_live", pages=[1])["live"]
        assert console.quit() == 0
