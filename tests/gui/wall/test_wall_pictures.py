"""Whole-wall pictures: 4 and 9 live tiles painted side by side, every cell with a picture;
tiles of any size copy their pictures unscaled.

Set ``TIANMU_WALL_SHOTS`` to a folder to keep the grabs for a look."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from console.gui.video_tile import place
from console.gui.wall.tile import WallTile
from tests.gui.wall.conftest import WallRig
from tests.gui.wall.support import is_black, wait_for_pictures

pytestmark = [pytest.mark.media, pytest.mark.slow]


@pytest.mark.parametrize("layout", ["4", "9"])
def test_every_tile_of_a_full_wall_shows_live_pictures(
    qtbot: QtBot, rig: WallRig, layout: str, tmp_path: Path
) -> None:
    rig.view.set_layout(layout)
    count = int(layout)
    rig.wall.place(rig.wall.current, 0, [f"cam-{n:02d}" for n in range(1, count + 1)])
    view = rig.view.current_view()
    assert view is not None
    for tile in view.tiles:
        wait_for_pictures(qtbot, tile)
    qtbot.wait(200)  # one more repaint of every tile
    shot = rig.view.grab()
    folder = Path(os.environ.get("TIANMU_WALL_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    assert shot.save(str(folder / f"wall_{layout}.png"))
    image = shot.toImage()
    offset = view.mapTo(rig.view, view.rect().topLeft())
    for tile in view.tiles:
        area = QRect(offset + tile.pos(), tile.size())
        assert not is_black(image.copy(area)), f"tile {tile.cell + 1} shows a picture"


def _copied_unscaled(tile: WallTile) -> bool:
    """Whether the tile's current picture fits it so that painting copies it unscaled."""
    source = tile.supervisor.source if tile.supervisor is not None else None
    if source is None:
        return False
    ratio = tile.devicePixelRatioF()
    with source.hold_frame() as frame:
        if frame is None:
            return False
        picture = (frame.width, frame.height)
        placement = place((tile.width(), tile.height()), ratio, picture, frame.display_size)
    return placement.point is not None


def test_tiles_of_any_size_copy_their_pictures_unscaled(qtbot: QtBot, rig: WallRig) -> None:
    """Tiles that are no cells of a 16:9 grid (an odd window size, the toolbar above them)
    get pictures that libvlc fitted to them, so painting copies them: no tile size makes the
    GUI thread scale pictures."""
    rig.view.resize(1283, 757)
    rig.view.set_layout("9")
    rig.wall.place(rig.wall.current, 0, [f"cam-{n:02d}" for n in range(1, 10)])
    view = rig.view.current_view()
    assert view is not None
    sizes = {(tile.width(), tile.height()) for tile in view.tiles}
    assert any(width * 9 != height * 16 for width, height in sizes), sizes
    for tile in view.tiles:
        wait_for_pictures(qtbot, tile)
    qtbot.waitUntil(lambda: all(map(_copied_unscaled, view.tiles)), timeout=15_000)
