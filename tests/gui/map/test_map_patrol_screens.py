"""The map's patrol coverage with the patrol on two wall screens: the cameras the detached
screen shows count as seen this shift as well as the main window's (signed-in console, real
demo server, real map page offscreen)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.app import SessionWiring
from console.domain.model import PatrolPlan
from console.gui.map.feature import MapFeature
from console.wall.model import WallPage
from tests.gui.map.test_map_feature_live import (  # noqa: F401 (the fixtures)
    WAIT_MS,
    map_server,
    pytestmark,
    wiring,
)


def test_cameras_patrolled_on_every_screen_count_as_covered(
    qtbot: QtBot,
    wiring: SessionWiring,  # noqa: F811
) -> None:
    feature: MapFeature = wiring.map
    camera_ids = [f["id"] for f in feature.view.features("cameras")][8:16]
    covered = {f["id"] for f in feature.view.features("coverage")}
    assert not covered & set(camera_ids)
    view = wiring.wall.view
    wall = view.wall
    index = wall.add_page(WallPage(wall.page(wall.current).layout))
    view.send_page_to_screen(index, 1)  # the offscreen platform has one monitor: it will do
    patrol = wiring.wall.patrol
    patrol.start(PatrolPlan("", "two screens", tuple(camera_ids), dwell_s=60), tiles_per_page=4)
    try:
        assert patrol.screen_count == 2
        assert patrol.run is not None
        on_screen_1 = patrol.run.current_on(1)
        assert on_screen_1 is not None
        assert list(on_screen_1.camera_ids) == camera_ids[4:8]
        qtbot.waitUntil(
            lambda: set(camera_ids) <= {f["id"] for f in feature.view.features("coverage")},
            timeout=WAIT_MS,
        )
    finally:
        patrol.stop()
