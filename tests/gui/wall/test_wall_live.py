"""The wall on real streams: drops from the camera tree, swaps, layouts that keep players,
maximise and restore by mouse and keys, the stream switch without a black gap, hidden pages
that stop decoding, zoom, snapshots and the main-stream budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.catalog.cameras import CameraCatalog
from console.gui.camera_tree.tree_model import CameraTreeModel
from console.gui.mime import encode_camera_ids
from console.gui.wall.budget_label import StreamBudgetLabel
from console.gui.wall.dnd import encode_tile
from console.gui.wall.snapshot import KEY_CAMERA_ID, KEY_CAMERA_NAME, read_snapshot_tags
from console.gui.wall.streams import STARTS_PER_TURN
from console.wall.layout import preset
from console.wall.stream_policy import StreamChoice
from tests.gui.wall.conftest import Feeds, WallRig
from tests.gui.wall.support import FIRST_PICTURE_MS, drop, is_black, wait_for_pictures
from tests.support.catalog_factory import make_world

pytestmark = [pytest.mark.media, pytest.mark.slow]


def test_a_camera_dragged_from_the_tree_lands_on_that_tile_and_plays(
    qtbot: QtBot, rig: WallRig
) -> None:
    world = make_world(60, villages=4, seed=3)
    model = CameraTreeModel(CameraCatalog(world.regions, world.cameras))
    camera = world.cameras[5]
    mime = model.mimeData([model.index_of_camera(camera.id)])
    assert mime is not None
    view = rig.view.current_view()
    assert view is not None
    assert drop(view.tile(2), mime)
    assert rig.wall.page(rig.wall.current).visible_cameras() == [None, None, camera.id, None]
    tile = view.tile(2)
    assert tile.camera_id == camera.id
    assert view.selected == 2
    wait_for_pictures(qtbot, tile)
    painted = tile.grab().toImage()
    assert not is_black(painted)


def test_several_cameras_fill_tiles_from_the_drop_and_swaps_keep_the_players(
    qtbot: QtBot, rig: WallRig
) -> None:
    view = rig.view.current_view()
    assert view is not None
    drop(view.tile(0), encode_camera_ids(["cam-a", "cam-b"]))
    tile_a, tile_b = view.tile(0), view.tile(1)
    assert (tile_a.camera_id, tile_b.camera_id) == ("cam-a", "cam-b")
    wait_for_pictures(qtbot, tile_a)
    wait_for_pictures(qtbot, tile_b)
    player_a = tile_a.supervisor
    drop(view.tile(3), encode_tile(view.token, 0, "cam-a"))
    assert rig.wall.page(rig.wall.current).visible_cameras() == [None, "cam-b", None, "cam-a"]
    assert view.tile(3) is tile_a, "the tile (and its player) moved with its camera"
    assert tile_a.supervisor is player_a
    assert view.tile(1) is tile_b
    # A tile from another page is not a swap.
    assert not drop(view.tile(0), encode_tile("another page", 1, None))
    assert rig.wall.page(rig.wall.current).visible_cameras() == [None, "cam-b", None, "cam-a"]


def test_layout_changes_keep_players_of_cameras_that_stay(qtbot: QtBot, rig: WallRig) -> None:
    page = rig.wall.current
    rig.wall.place(page, 0, ["cam-a", "cam-b", "cam-c", "cam-d"])
    view = rig.view.current_view()
    assert view is not None
    wait_for_pictures(qtbot, view.tile(0))
    players = [tile.supervisor for tile in view.tiles]
    rig.view.set_layout("9")
    assert len(view.tiles) == 9
    assert [tile.supervisor for tile in view.tiles[:4]] == players
    rig.view.set_layout("1")
    assert len(view.tiles) == 1
    assert view.tile(0).supervisor is players[0]
    rig.view.set_layout("6")
    assert view.tile(0).supervisor is players[0]
    assert [t.camera_id for t in view.tiles] == ["cam-a", "cam-b", "cam-c", "cam-d", None, None]
    qtbot.waitUntil(lambda: view.tile(3).supervisor is not None, timeout=5_000)


def test_maximise_switches_to_the_main_stream_without_a_black_gap(
    qtbot: QtBot, rig: WallRig, feeds: Feeds
) -> None:
    rig.view.set_layout("9")
    page = rig.wall.current
    rig.wall.place(page, 0, ["cam-a", "cam-b"])
    view = rig.view.current_view()
    assert view is not None
    tile = view.tile(1)
    wait_for_pictures(qtbot, tile)
    assert tile.choice is StreamChoice.SUB
    assert tile.playing_url == feeds.small.http_url
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    assert view.maximised == 1
    assert not view.tile(0).isVisible()
    qtbot.waitUntil(
        lambda: tile.pending is not None or tile.choice is StreamChoice.MAIN, timeout=3_000
    )
    grabs = 0
    while tile.pending is not None:
        assert not is_black(tile.grab().toImage()), "the old picture stays up during the switch"
        grabs += 1
        qtbot.wait(50)
    assert tile.choice is StreamChoice.MAIN
    assert tile.playing_url == feeds.large.http_url
    wait_for_pictures(qtbot, tile)
    assert tile.grab_frame().width() == 640
    # The covered tile keeps its sub stream so going back is instant.
    assert view.tile(0).choice is StreamChoice.SUB
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    assert view.maximised == -1
    qtbot.waitUntil(lambda: tile.choice is StreamChoice.SUB, timeout=FIRST_PICTURE_MS)
    assert view.tile(0).isVisible()


def test_keys_pick_move_maximise_and_return(qtbot: QtBot, rig: WallRig) -> None:
    rig.view.set_layout("16")
    view = rig.view.current_view()
    assert view is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert view.selected == 4
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected == 5
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected == 9
    qtbot.keyClicks(view, "12")
    assert view.selected == 11, "two digits typed together pick tile 12"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.maximised == 11
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert (view.selected, view.maximised) == (10, 10), "arrows walk the maximised view"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.maximised == -1
    assert view.selected == 10


def test_a_page_switch_stops_decoding_on_the_hidden_page(qtbot: QtBot, rig: WallRig) -> None:
    rig.wall.assign(0, 0, "cam-a")
    rig.wall.assign(1, 0, "cam-b")
    first = rig.view.page_view(0)
    second = rig.view.page_view(1)
    wait_for_pictures(qtbot, first.tile(0))
    source = first.tile(0).supervisor.source  # type: ignore[union-attr]
    assert second.tile(0).supervisor is None, "the hidden page decodes nothing"
    qtbot.keyClick(rig.view, Qt.Key.Key_PageDown)
    assert rig.wall.current == 1
    qtbot.waitUntil(lambda: first.tile(0).supervisor is None, timeout=2_000)
    assert first.tile(0).choice is StreamChoice.NONE
    qtbot.waitUntil(lambda: source.controller is None, timeout=2_000)  # type: ignore[union-attr]
    wait_for_pictures(qtbot, second.tile(0))
    rig.wall.step_page(1)
    wait_for_pictures(qtbot, first.tile(0))
    qtbot.waitUntil(lambda: second.tile(0).supervisor is None, timeout=2_000)


def test_a_minimised_window_stops_decoding(qtbot: QtBot, rig: WallRig) -> None:
    rig.wall.assign(0, 0, "cam-a")
    view = rig.view.current_view()
    assert view is not None
    wait_for_pictures(qtbot, view.tile(0))
    rig.view.showMinimized()
    qtbot.waitUntil(lambda: view.tile(0).supervisor is None, timeout=3_000)
    rig.view.showNormal()
    wait_for_pictures(qtbot, view.tile(0))


def test_wheel_zooms_and_drag_pans_a_maximised_tile(qtbot: QtBot, rig: WallRig) -> None:
    rig.wall.assign(0, 0, "cam-a")
    view = rig.view.current_view()
    assert view is not None
    tile = view.tile(0)
    wait_for_pictures(qtbot, tile)
    before = tile.grab().toImage()
    view.maximise(0)

    def wheel(steps: int) -> None:
        position = QPointF(tile.width() / 2, tile.height() / 2)
        event = QWheelEvent(
            position,
            tile.mapToGlobal(position),
            QPoint(0, 0),
            QPoint(0, 120 * steps),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(tile, event)

    wheel(3)
    assert tile.zoom == pytest.approx(1.25**3)
    assert tile.zoom_centre == pytest.approx((0.5, 0.5))
    start = QPoint(tile.width() // 2, tile.height() // 2)
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tile, start + QPoint(100, 0))
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    assert tile.zoom_centre[0] < 0.5, "dragging right shows more of the left"
    assert tile.grab().toImage() != before
    qtbot.waitUntil(lambda: tile.wanted_choice is StreamChoice.MAIN, timeout=2_000)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert tile.zoom == 1.0
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.maximised == -1
    view.select(0)
    wheel(2)
    assert tile.zoom == 1.0, "a tile in the grid does not zoom"


def test_a_snapshot_lands_in_the_evidence_folder_with_its_camera(
    qtbot: QtBot, rig: WallRig, home: Path
) -> None:
    rig.wall.assign(0, 1, "cam-a")
    view = rig.view.current_view()
    assert view is not None
    wait_for_pictures(qtbot, view.tile(1))
    view.select(1)
    with qtbot.waitSignal(rig.view.snapshot_saved, timeout=5_000) as saved:
        assert rig.view.take_snapshot()
    camera_id, path = saved.args
    assert camera_id == "cam-a"
    assert Path(path).parent == home / "evidence" / "snapshots"
    tags = read_snapshot_tags(Path(path))
    assert tags[KEY_CAMERA_ID] == "cam-a"
    assert tags[KEY_CAMERA_NAME] == "Camera cam-a"
    assert "CapturedAt" in tags
    view.select(0)
    with qtbot.waitSignal(rig.view.snapshot_failed, timeout=1_000):
        assert not rig.view.take_snapshot()


def test_the_main_stream_budget_is_kept_and_shown(qtbot: QtBot, rig: WallRig) -> None:
    label = StreamBudgetLabel()
    qtbot.addWidget(label)
    rig.streams.budget_changed.connect(label.show_result)
    rig.streams.set_max_main(1)
    rig.view.resize(1800, 1000)  # four tiles of about 900x480: larger than a sub stream
    rig.view.set_layout("4")
    rig.wall.place(rig.wall.current, 0, ["cam-a", "cam-b"])
    view = rig.view.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: rig.streams.result.main_wanted == 2, timeout=3_000)
    assert rig.streams.result.main_granted == 1
    assert label.text() == "Main streams 1/1 (1 waiting)"
    qtbot.waitUntil(
        lambda: sorted(tile.wanted_choice.value for tile in view.tiles[:2]) == ["main", "sub"],
        timeout=5_000,
    )


def test_a_camera_without_addresses_says_so(qtbot: QtBot, rig: WallRig) -> None:
    rig.wall.assign(0, 0, "missing-1")
    view = rig.view.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: "No stream address" in view.tile(0)._notice, timeout=5_000)
    assert view.tile(0).supervisor is None


def test_a_full_page_starts_its_players_over_several_turns(qtbot: QtBot, rig: WallRig) -> None:
    # Sixteen new players in one evaluation would hold the GUI thread for the whole page; each
    # turn of the event loop starts a few, and every tile plays in the end.
    cameras = [f"cam-{cell}" for cell in range(16)]
    for camera_id in cameras:
        rig.streams.addresses.get(camera_id)  # asks the (network-lane) resolver once
    qtbot.waitUntil(
        lambda: all(rig.streams.addresses.get(c) is not None for c in cameras), timeout=10_000
    )
    page = rig.wall.current
    rig.wall.set_layout(page, preset("16"))
    for cell, camera_id in enumerate(cameras):
        rig.wall.assign(page, cell, camera_id)
    view = rig.view.current_view()
    assert view is not None
    assert len(view.tiles) == 16
    rig.streams.evaluate()  # before any timer of the event loop runs
    assert sum(tile.supervisor is not None for tile in view.tiles) == STARTS_PER_TURN
    qtbot.waitUntil(lambda: all(tile.supervisor is not None for tile in view.tiles), timeout=10_000)
