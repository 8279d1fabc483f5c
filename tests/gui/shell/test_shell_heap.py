"""A signed-in console sets its long-lived objects aside from the garbage collector's full
passes, and hands them back when the session ends."""

from __future__ import annotations

import gc

from tests.gui.shell.conftest import sign_in_through_dialog


def test_sign_in_sets_the_heap_aside_and_sign_out_hands_it_back(
    qtbot, console, demo_server
) -> None:
    assert gc.get_freeze_count() == 0
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    qtbot.waitUntil(session.window.isVisible)
    assert gc.get_freeze_count() > 10_000  # modules, classes, the window and its features
    console.sign_out()
    assert console.session is None
    assert gc.get_freeze_count() == 0
