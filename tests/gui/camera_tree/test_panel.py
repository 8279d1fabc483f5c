"""CameraTreePanel end to end: search, favourites, context menu, double-click, drag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from console.domain.model import CameraStatus
from console.gui.camera_tree.icons import TreeIcon, tree_icon
from console.gui.camera_tree.panel import CameraTreePanel
from console.gui.camera_tree.roles import CAMERA_ID_ROLE, COUNTS_ROLE
from console.gui.mime import decode_camera_ids

# Qt's offscreen platform says this on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def same_icon(left, right) -> bool:
    return left.pixmap(16, 16).toImage() == right.pixmap(16, 16).toImage()


def brute_force(world, query: str) -> list[str]:
    needle = query.lower()
    return [c.id for c in world.cameras if needle in c.name.lower() or needle in c.id.lower()]


def commit_ime_text(widget, text: str) -> None:
    """Type Chinese the way an input method delivers it: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def find_action(menu, name):
    return next(a for a in menu.actions() if a.objectName() == name)


@pytest.fixture
def panel(qtbot, catalog_7500):
    widget = CameraTreePanel(catalog_7500)
    qtbot.addWidget(widget)
    widget.resize(360, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shared_camera(world, status=CameraStatus.ONLINE) -> str:
    return next(c.id for c in world.cameras if c.status is status and c.id not in world.not_shared)


def test_tree_shows_7500_cameras_with_counts(panel, world_7500):
    model = panel.tree_model
    city = model.index(0, 0)
    online = sum(c.status is CameraStatus.ONLINE for c in world_7500.cameras)
    assert city.data() == f"琼海市 ({online}/7500)"
    assert panel.tree_view.isExpanded(city)
    assert panel.stack.currentWidget() is panel.tree_view
    assert not panel.favourites_view.isVisible()  # no favourites yet


def test_typing_shows_exactly_the_matching_cameras_and_esc_returns(qtbot, panel, world_7500):
    panel.search_edit.setFocus()
    commit_ime_text(panel.search_edit, "路口")  # QTest can only type ASCII keys
    qtbot.keyClicks(panel.search_edit, "1")
    qtbot.waitUntil(lambda: panel.is_searching() and panel.results_model.query == "路口1")

    shown = panel.results_model.camera_ids()
    expected = brute_force(world_7500, "路口1")
    assert set(shown) == set(expected)
    assert len(shown) == len(expected)
    assert panel.results_view.isVisible()
    assert not panel.tree_view.isVisible()
    assert str(len(expected)) in panel.results_label.text()

    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Escape)
    assert panel.search_edit.text() == ""
    assert not panel.is_searching()
    assert panel.tree_view.isVisible()


def test_esc_in_the_result_list_also_returns_to_the_tree(qtbot, panel):
    panel.set_search_text("卫生院")
    assert panel.is_searching()
    panel.results_view.setFocus()
    qtbot.keyClick(panel.results_view, Qt.Key.Key_Escape)
    assert not panel.is_searching()
    assert panel.search_edit.text() == ""


def test_narrow_id_search(panel, world_7500):
    target = world_7500.cameras[1234]
    panel.set_search_text(target.id)
    assert panel.results_model.camera_ids() == [target.id]


def test_status_change_updates_icon_and_counts(qtbot, panel, world_7500, catalog_7500):
    camera_id = shared_camera(world_7500)
    panel.reveal_camera(camera_id)
    index = panel.tree_model.index_of_camera(camera_id)
    town = index.parent().parent()
    online, total = town.data(COUNTS_ROLE)
    repainted = []
    panel.tree_model.dataChanged.connect(lambda *args: repainted.append(args))

    catalog_7500.set_status(camera_id, CameraStatus.OFFLINE)

    qtbot.waitUntil(lambda: len(repainted) > 0)
    assert same_icon(index.data(Qt.ItemDataRole.DecorationRole), tree_icon(TreeIcon.CAMERA_OFFLINE))
    assert town.data(COUNTS_ROLE) == (online - 1, total)
    assert f"({online - 1}/{total})" in town.data()


def test_selected_cameras_drag_as_one_payload(panel, world_7500):
    ids = [c.id for c in world_7500.cameras if c.id not in world_7500.not_shared][:3]
    hidden = next(iter(world_7500.not_shared))
    view, model = panel.tree_view, panel.tree_model
    selection = view.selectionModel()
    for camera_id in [*ids, hidden]:
        selection.select(model.index_of_camera(camera_id), QItemSelectionModel.SelectionFlag.Select)

    payload = decode_camera_ids(model.mimeData(view.selectedIndexes()))

    assert sorted(payload) == sorted(ids)
    assert view.dragEnabled()
    assert not model.flags(model.index_of_camera(hidden)) & Qt.ItemFlag.ItemIsDragEnabled


def test_context_menu_actions_emit_signals(qtbot, panel, world_7500):
    camera_id = shared_camera(world_7500)
    menu = panel.context_menu_for(camera_id)
    with qtbot.waitSignal(panel.camera_open_requested) as opened:
        find_action(menu, "open_on_wall").trigger()
    assert opened.args == [camera_id]
    with qtbot.waitSignal(panel.camera_locate_requested) as located:
        find_action(menu, "show_on_map").trigger()
    assert located.args == [camera_id]
    find_action(menu, "copy_id").trigger()
    assert QGuiApplication.clipboard().text() == camera_id


def test_cameras_not_shared_cannot_be_opened(qtbot, panel, world_7500):
    hidden = next(iter(world_7500.not_shared))
    menu = panel.context_menu_for(hidden)
    assert not find_action(menu, "open_on_wall").isEnabled()
    panel.reveal_camera(hidden)
    with qtbot.assertNotEmitted(panel.camera_open_requested):
        panel.tree_view.doubleClicked.emit(panel.tree_model.index_of_camera(hidden))


def test_favourites_toggle_from_menu_and_star_and_are_persisted(qtbot, world_7500, catalog_7500):
    saved: list[list[str]] = []
    panel = CameraTreePanel(catalog_7500, persist_favourites=saved.append)
    qtbot.addWidget(panel)
    panel.show()
    first, second = (c.id for c in world_7500.cameras[:2])

    with qtbot.waitSignal(panel.favourites_changed) as changed:
        find_action(panel.context_menu_for(first), "toggle_favourite").trigger()
    assert changed.args == [[first]]
    assert saved == [[first]]
    assert panel.favourites_view.isVisible()
    assert panel.favourites_model.camera_ids() == [first]
    assert "(1)" in panel.favourites_header.text()

    panel.reveal_camera(second)
    assert panel.favourite_button.isEnabled()
    assert not panel.favourite_button.isChecked()
    qtbot.mouseClick(panel.favourite_button, Qt.MouseButton.LeftButton)
    assert saved[-1] == [first, second]
    assert panel.favourite_button.isChecked()

    menu = panel.context_menu_for(first)
    assert find_action(menu, "toggle_favourite").text() == "Remove from favourites"
    find_action(menu, "toggle_favourite").trigger()
    assert saved[-1] == [second]
    assert panel.favourites_model.camera_ids() == [second]


def test_double_click_opens_a_camera(qtbot, panel, world_7500):
    camera_id = shared_camera(world_7500)
    panel.reveal_camera(camera_id)
    index = panel.tree_model.index_of_camera(camera_id)
    rect = panel.tree_view.visualRect(index)
    assert rect.isValid()
    viewport = panel.tree_view.viewport()
    with qtbot.waitSignal(panel.camera_open_requested) as opened:
        # An item view only reports a double-click that follows a click on the same item.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [camera_id]


def test_show_in_tree_from_results(panel, world_7500):
    target = world_7500.cameras[77]
    panel.set_search_text(target.id)
    menu = panel.context_menu_for(target.id, offer_reveal=True)
    find_action(menu, "show_in_tree").trigger()
    assert not panel.is_searching()
    assert panel.tree_view.currentIndex().data(CAMERA_ID_ROLE) == target.id
