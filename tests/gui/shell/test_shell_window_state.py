"""The main window comes back maximised when it was left maximised, and goes back to where it
was when the operator restores it; a layout file from before this was kept still works."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from console.gui.main_window import MainWindow
from console.gui.window_state import SavedLayout, read_layout, write_layout

# Inside the offscreen platform's screen, which clamps window geometry.
NORMAL = QRect(30, 40, 640, 480)


def shown_window(qtbot: QtBot, layout: SavedLayout | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    if layout is not None:
        window.apply_layout(layout)
    window.show()
    qtbot.waitExposed(window)
    return window


def left_window(qtbot: QtBot, *, maximised: bool) -> SavedLayout:
    """A window placed at NORMAL (then maximised if asked), as its user leaves it."""
    window = shown_window(qtbot)
    window.setGeometry(NORMAL)
    qtbot.waitUntil(lambda: window.geometry() == NORMAL, timeout=5_000)
    if maximised:
        window.showMaximized()
        qtbot.waitUntil(lambda: window.isMaximized() and window.geometry() != NORMAL)
    layout = window.saved_layout()
    window.close()
    return layout


def test_a_maximised_window_comes_back_maximised_and_restores_to_its_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "window-state.ini"
    write_layout("operator-1", left_window(qtbot, maximised=True), path)
    write_layout("operator-2", left_window(qtbot, maximised=False), path)

    kept = read_layout("operator-1", path)
    assert kept is not None
    assert kept.maximised is True
    assert kept.normal_geometry == (30, 40, 640, 480)

    window = shown_window(qtbot, kept)
    qtbot.waitUntil(window.isMaximized, timeout=5_000)
    assert window.normalGeometry() == NORMAL
    window.showNormal()
    qtbot.waitUntil(lambda: window.geometry() == NORMAL, timeout=5_000)
    assert not window.isMaximized()

    # The other user left theirs as it was, not maximised.
    other = read_layout("operator-2", path)
    assert other is not None
    assert other.maximised is False
    window = shown_window(qtbot, other)
    qtbot.waitUntil(lambda: window.geometry() == NORMAL, timeout=5_000)
    assert not window.isMaximized()


def test_the_saved_state_wins_over_the_geometry_blob(qtbot: QtBot) -> None:
    # Qt's geometry blob says "maximised" too; the kept state says otherwise and is obeyed.
    left = left_window(qtbot, maximised=True)
    layout = SavedLayout(
        left.geometry, left.state, maximised=False, normal_geometry=(30, 40, 640, 480)
    )
    window = shown_window(qtbot, layout)
    qtbot.waitUntil(lambda: window.geometry() == NORMAL, timeout=5_000)
    assert not window.isMaximized()


def test_a_layout_from_before_the_state_was_kept_still_restores(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "window-state.ini"
    left = left_window(qtbot, maximised=True)
    write_layout("operator-1", SavedLayout(left.geometry, left.state), path)
    assert "maximised" not in path.read_text("latin-1")
    kept = read_layout("operator-1", path)
    assert kept is not None
    assert kept.maximised is None
    assert kept.normal_geometry is None
    window = shown_window(qtbot, kept)
    # The geometry blob alone brings the maximised window back.
    qtbot.waitUntil(window.isMaximized, timeout=5_000)
    window.showNormal()
    qtbot.waitUntil(lambda: window.geometry() == NORMAL, timeout=5_000)


def test_a_normal_geometry_off_every_screen_is_brought_back(qtbot: QtBot) -> None:
    left = left_window(qtbot, maximised=False)
    # The monitor it was on is gone: the window lands on a screen, whole.
    layout = SavedLayout(
        left.geometry, left.state, maximised=False, normal_geometry=(9000, 9000, 640, 480)
    )
    window = shown_window(qtbot, layout)
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: screen.contains(window.geometry()), timeout=5_000)
    assert window.size() == NORMAL.size()
