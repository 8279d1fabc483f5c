"""The wall model: pages, placing and swapping cameras, layouts, screens, events."""

from __future__ import annotations

import pytest

from console.wall.layout import preset
from console.wall.model import ScreenRef, Wall, WallChange, WallEvent, WallPage


@pytest.fixture
def wall_and_events() -> tuple[Wall, list[WallEvent]]:
    wall = Wall([WallPage(preset("4")), WallPage(preset("9"))])
    events: list[WallEvent] = []
    wall.add_listener(events.append)
    return wall, events


def test_place_fills_consecutive_cells_and_reports_them(wall_and_events) -> None:
    wall, events = wall_and_events
    assert wall.place(0, 1, ["a", "b", "c", "d"]) == [1, 2, 3]
    assert wall.page(0).visible_cameras() == [None, "a", "b", "c"]
    assert events == [WallEvent(WallChange.CAMERAS, 0, (1, 2, 3))]


def test_a_camera_moves_rather_than_showing_twice(wall_and_events) -> None:
    wall, events = wall_and_events
    wall.place(0, 0, ["a", "b"])
    events.clear()
    wall.assign(0, 3, "a")
    assert wall.page(0).visible_cameras() == [None, "b", None, "a"]
    assert events == [WallEvent(WallChange.CAMERAS, 0, (0, 3))]


def test_swap_exchanges_two_tiles(wall_and_events) -> None:
    wall, _ = wall_and_events
    wall.place(0, 0, ["a", "b"])
    wall.swap(0, 0, 3)
    assert wall.page(0).visible_cameras() == [None, "b", None, "a"]


def test_a_smaller_layout_remembers_the_cameras_it_cannot_show(wall_and_events) -> None:
    wall, events = wall_and_events
    wall.place(1, 0, [f"c{i}" for i in range(9)])
    wall.set_layout(1, preset("4"))
    assert wall.page(1).visible_cameras() == ["c0", "c1", "c2", "c3"]
    assert events[-1] == WallEvent(WallChange.LAYOUT, 1)
    wall.set_layout(1, preset("9"))
    assert wall.page(1).visible_cameras() == [f"c{i}" for i in range(9)]


def test_detaching_the_current_page_moves_the_main_window_on(wall_and_events) -> None:
    wall, events = wall_and_events
    right = ScreenRef("OFF-RIGHT", 1)
    wall.set_screen(0, right)
    assert wall.current == 1
    assert wall.main_window_pages() == [1]
    assert wall.page_on_screen(right) == 0
    assert [e.change for e in events] == [WallChange.CURRENT, WallChange.SCREEN]
    wall.set_screen(0, None)
    assert wall.main_window_pages() == [0, 1]


def test_pages_step_wrap_and_removal_keeps_a_sensible_current(wall_and_events) -> None:
    wall, _ = wall_and_events
    third = wall.add_page()
    assert third == 2
    wall.step_page(-1)
    assert wall.current == 2
    wall.step_page(1)
    assert wall.current == 0
    wall.set_current(2)
    wall.remove_page(2)
    assert wall.current == 1
    wall.remove_page(0)
    assert wall.current == 0
    with pytest.raises(ValueError, match="at least one page"):
        wall.remove_page(0)


def test_a_failing_listener_does_not_stop_the_others(wall_and_events) -> None:
    wall, events = wall_and_events

    def broken(_event: WallEvent) -> None:
        raise RuntimeError("boom")

    wall.add_listener(broken)
    wall.add_listener(events.append)
    wall.assign(0, 0, "a")
    assert len(events) == 2
