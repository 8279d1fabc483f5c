"""Signing in against the real server: right and wrong credentials, unreachable server."""

from __future__ import annotations

from console.app import Console
from console.gui.crash_dialog import open_crash_dialogs
from tests.gui.shell.conftest import sign_in_through_dialog


def test_login_right_opens_main_window_with_user_and_role(
    qtbot, console: Console, demo_server
) -> None:
    console.start(try_resume=False)
    dialog = console.login_dialog
    assert dialog is not None
    assert dialog.isVisible()
    # The server comes from the command line; the dialog shows it.
    assert dialog.ui.server_edit.text() == demo_server.url
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    window = session.window
    qtbot.waitUntil(window.isVisible)
    assert console.login_dialog is None  # closed and deleted
    assert session.signed_in.user.username == "operator-1"
    user_text = window.status.user_label.text()
    assert "值班员1" in user_text
    assert "Operator" in user_text
    qtbot.waitUntil(lambda: "Connected" in window.status.connection_label.text(), timeout=10_000)


def test_login_wrong_password_says_so_and_stays(qtbot, console: Console, demo_server) -> None:
    console.start(try_resume=False)
    dialog = console.login_dialog
    assert dialog is not None
    dialog.ui.user_edit.setText("operator-1")
    dialog.ui.password_edit.setText("not-the-password")
    dialog.ui.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)
    assert dialog.message() == "Wrong user name or password."
    assert dialog.isVisible()
    assert console.session is None
    assert dialog.ui.sign_in_button.isEnabled()
    assert open_crash_dialogs() == []
    # The operator can correct the password and get in.
    sign_in_through_dialog(qtbot, console, "operator-1", demo_server.password("operator-1"))


def test_login_unreachable_server_says_so(qtbot, console: Console) -> None:
    console.start(try_resume=False)
    dialog = console.login_dialog
    assert dialog is not None
    dialog.ui.server_edit.setText("http://127.0.0.1:9")  # discard port: nothing listens
    dialog.ui.user_edit.setText("operator-1")
    dialog.ui.password_edit.setText("whatever")
    dialog.ui.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=15_000)
    assert "cannot be reached" in dialog.message()
    assert console.session is None


def test_login_checks_fields_before_asking_the_server(qtbot, console: Console) -> None:
    console.start(try_resume=False)
    dialog = console.login_dialog
    assert dialog is not None
    dialog.ui.server_edit.setText("ftp://example")
    dialog.ui.user_edit.setText("operator-1")
    dialog.ui.password_edit.setText("x")
    dialog.ui.sign_in_button.click()
    assert not dialog.is_busy()
    assert dialog.message().startswith("The server address must be an http://")
    dialog.ui.server_edit.setText("http://127.0.0.1:1")
    dialog.ui.password_edit.clear()
    dialog.ui.sign_in_button.click()
    assert dialog.message() == "Enter your password."
