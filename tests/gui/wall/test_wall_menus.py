"""The wall's menus and toolbar: entries other features add to a tile's context menu, menus
that go once closed, the "Send to screen" button whose text and arrow both show in English and
Chinese, and a toolbar that follows a change of language at run time.

No pictures are needed here: every camera resolves to no stream, so no player starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from console.gui.wall.page_view import WallPageView
from console.gui.wall.streams import WallStreams
from console.gui.wall.tile import WallTile
from console.gui.wall.wall_view import WallView
from console.i18n import install_translator, remove_translators
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage

pytestmark = pytest.mark.qt_log_ignore(
    # What the offscreen platform says when a popup menu opens; not about our code.
    "This plugin does not support raise",
    "This plugin does not support grabbing",
)


@dataclass
class Opened:
    """One right click's worth: the menu and the tile it is for."""

    menu: QMenu
    view: WallPageView
    cell: int


@pytest.fixture
def view(qtbot: QtBot, runner: TaskRunner) -> Iterator[WallView]:
    wall = Wall([WallPage(preset("4"), ["cam-1", "cam-2"]), WallPage(preset("4"))])
    streams = WallStreams(runner, lambda _camera_id: (None, None))
    made = WallView(wall, LayoutLibrary(), streams, runner)
    qtbot.addWidget(made)
    made.resize(1100, 600)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.dispose()


def open_tile_menu(qtbot: QtBot, view: WallView, cell: int) -> Opened:
    """Right-click the tile the way Qt reports it, and wait for its menu to pop up."""
    page = view.current_view()
    assert page is not None
    page.tile(cell).customContextMenuRequested.emit(QPoint(10, 10))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5_000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.objectName() == "wall_tile_menu"
    return Opened(menu, page, cell)


def tile_menus(view: WallView) -> list[QMenu]:
    return view.findChildren(QMenu, "wall_tile_menu")


def texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_extensions_add_entries_that_trigger_and_can_be_taken_out(
    qtbot: QtBot, view: WallView
) -> None:
    chosen: list[tuple[WallPageView, int, str | None]] = []

    def look_closer(menu: QMenu, page: WallPageView, cell: int, tile: WallTile) -> None:
        action = menu.addAction("Look closer")
        action.setObjectName("look_closer_action")
        action.setEnabled(tile.camera_id is not None)
        action.triggered.connect(lambda: chosen.append((page, cell, tile.camera_id)))

    def broken(menu: QMenu, page: WallPageView, cell: int, tile: WallTile) -> None:
        raise RuntimeError("this extension is broken")

    view.add_tile_menu_extension(broken)
    remove = view.add_tile_menu_extension(look_closer)

    opened = open_tile_menu(qtbot, view, 1)
    entries = texts(opened.menu)
    assert entries[0] == "Snapshot", "the wall's own entries come first"
    assert entries[-1] == "Look closer", "a broken extension does not stop the next one"
    action = opened.menu.findChild(QAction, "look_closer_action")
    assert action is not None
    assert action.isEnabled()
    # Chosen with the keyboard, as an operator would: the menu closes, the entry runs.
    opened.menu.setActiveAction(action)
    qtbot.keyClick(opened.menu, Qt.Key.Key_Return)
    assert chosen == [(opened.view, 1, "cam-2")]
    qtbot.waitUntil(lambda: not shiboken6.isValid(opened.menu), timeout=5_000)

    # A tile without a camera: the extension sees that too.
    empty = open_tile_menu(qtbot, view, 3)
    action = empty.menu.findChild(QAction, "look_closer_action")
    assert action is not None
    assert not action.isEnabled()
    empty.menu.close()

    remove()
    later = open_tile_menu(qtbot, view, 0)
    assert "Look closer" not in texts(later.menu)
    assert later.menu.findChild(QAction, "look_closer_action") is None
    later.menu.close()
    assert len(chosen) == 1


def test_tile_menus_do_not_pile_up(qtbot: QtBot, view: WallView) -> None:
    view.add_tile_menu_extension(
        lambda menu, _page, _cell, _tile: menu.addAction("Extra").setObjectName("extra")
    )
    assert tile_menus(view) == []
    before = len(view.findChildren(QMenu))

    def close_with_escape(menu: QMenu) -> None:
        qtbot.keyClick(menu, Qt.Key.Key_Escape)

    def choose_stream_figures(menu: QMenu) -> None:
        figures = next(a for a in menu.actions() if a.text() == "Show stream figures")
        menu.setActiveAction(figures)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    closers = [QMenu.close, close_with_escape, QMenu.hide, choose_stream_figures] * 3
    for number, close in enumerate(closers):
        opened = open_tile_menu(qtbot, view, number % 4)
        assert len(tile_menus(view)) == 1
        close(opened.menu)
        qtbot.waitUntil(lambda m=opened.menu: not shiboken6.isValid(m), timeout=5_000)
        assert tile_menus(view) == []
        assert len(view.findChildren(QMenu)) == before
    # The entry chosen through the menus took effect on the tiles (toggled three times).
    page = view.current_view()
    assert page is not None
    assert page.tile(3).stats_visible


# ---------------------------------------------------------------- the "Send to screen" button


def changed_pixels(before: QImage, after: QImage) -> QRect:
    """The smallest rectangle holding every pixel that differs between the two pictures."""
    assert before.size() == after.size()
    box = QRect()
    for y in range(before.height()):
        for x in range(before.width()):
            if before.pixel(x, y) != after.pixel(x, y):
                box = box.united(QRect(x, y, 1, 1))
    return box


def ink_of_text_and_arrow(button: QToolButton) -> tuple[QRect, QRect]:
    """Where the button's text and its menu arrow are drawn: what its text adds to the
    picture, and what its menu adds to a button without text."""
    text, menu = button.text(), button.menu()
    whole = button.grab().toImage()
    button.setText("")
    arrow_only = button.grab().toImage()
    button.setMenu(None)  # type: ignore[arg-type]
    bare = button.grab().toImage()
    button.setMenu(menu)
    button.setText(text)
    return changed_pixels(arrow_only, whole), changed_pixels(bare, arrow_only)


def assert_text_clear_of_arrow(button: QToolButton) -> None:
    assert button.width() >= button.sizeHint().width()
    text, arrow = ink_of_text_and_arrow(button)
    assert not text.isEmpty()
    assert not arrow.isEmpty()
    # The whole text is drawn (nothing cut off) ...
    assert text.width() >= button.fontMetrics().tightBoundingRect(button.text()).width() - 1
    assert text.left() > 0
    # ... and the arrow sits clear to its right, inside the button.
    assert arrow.left() - text.right() >= 4, (text, arrow)
    assert arrow.right() < button.width() - 1


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Send to screen"), ("zh_CN", "发送到屏幕")]
)
def test_send_to_screen_shows_its_text_and_its_arrow(
    qtbot: QtBot, qapp: QApplication, runner: TaskRunner, language: str, expected: str
) -> None:
    locale = QLocale()
    install_translator(qapp, language)
    try:
        wall = Wall([WallPage(preset("4"))])
        made = WallView(wall, LayoutLibrary(), WallStreams(runner, lambda _c: (None, None)), runner)
        qtbot.addWidget(made)
        made.resize(1100, 400)
        made.show()
        qtbot.waitExposed(made)
        button = made.findChild(QToolButton, "wall_screens_button")
        assert button is not None
        assert button.text() == expected
        assert_text_clear_of_arrow(button)
        made.dispose()
    finally:
        remove_translators(qapp)
        QLocale.setDefault(locale)


def test_the_toolbar_follows_the_language_at_run_time(
    qtbot: QtBot, qapp: QApplication, view: WallView
) -> None:
    button = view.findChild(QToolButton, "wall_screens_button")
    assert button is not None
    labels = [label.text() for label in view.findChildren(QLabel)]
    assert "Page 1 of 2" in labels
    locale = QLocale()
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        qtbot.waitUntil(lambda: button.text() == "发送到屏幕", timeout=5_000)
        assert "第 1/2 页" in [label.text() for label in view.findChildren(QLabel)]
        buttons = [b.text() for b in view.findChildren(QToolButton)]
        assert "截图" in buttons
        assert "新增页面" in buttons
        # The shorter text gets a narrower button, still clear of its arrow.
        qtbot.waitUntil(lambda: button.width() == button.sizeHint().width(), timeout=5_000)
        assert_text_clear_of_arrow(button)
    finally:
        remove_translators(qapp)
        QLocale.setDefault(locale)
    qtbot.waitUntil(lambda: button.text() == "Send to screen", timeout=5_000)
