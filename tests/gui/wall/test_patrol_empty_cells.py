"""An empty cell of a running patrol's page says there is no camera there; it does not invite
the operator to drop one, as an empty cell of their own page does."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from console.gui.wall.tile import WallTile


def _empty_tile_picture(qtbot: QtBot, *, on_patrol: bool) -> QImage:
    tile = WallTile(0, "page")
    tile.on_patrol = on_patrol
    qtbot.addWidget(tile)
    tile.resize(320, 180)
    tile.show()
    qtbot.waitExposed(tile)
    return tile.grab().toImage()


def test_an_empty_patrol_cell_draws_another_text_than_an_own_one(qtbot: QtBot) -> None:
    own = _empty_tile_picture(qtbot, on_patrol=False)
    patrol = _empty_tile_picture(qtbot, on_patrol=True)
    again = _empty_tile_picture(qtbot, on_patrol=False)
    assert own == again  # the picture of an empty cell is stable
    assert own != patrol  # another text is drawn in the middle
