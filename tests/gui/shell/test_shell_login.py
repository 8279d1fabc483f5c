"""Signing in against the real server: right and wrong credentials, unreachable server."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from console.app import Console
from console.gui.crash_dialog import open_crash_dialogs
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.scripted_http import Reply, ScriptedServer


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


# ---------------------------------------------------------------------- servers that are not ours

_FIFTY_MB = 50 * 1024 * 1024
_HTML = b"<!doctype html><html><head><title>Router</title></head><body>Welcome</body></html>"


def _undeclared_body(size: int) -> bytes:
    # No Content-Length: the client can only find out how large it is by reading.
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
    return head + b"[" + b"0," * (size // 2) + b"0]"


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        pytest.param(
            Reply(200, _HTML, "text/html; charset=utf-8"), "This is not a Tianmu server", id="html"
        ),
        pytest.param(
            Reply(200, b'{"token": "abc", "user": {"id"', "application/json"),
            "This is not a Tianmu server",
            id="broken-json",
        ),
        pytest.param(
            Reply(200, b'{"status": "ok", "version": 3}', "application/json"),
            "in a form this console does not understand",
            id="other-schema",
        ),
        pytest.param(
            lambda: Reply(200, b"0" * _FIFTY_MB, "application/json"),
            "far too large",
            id="50mb-declared",
        ),
        pytest.param(
            lambda: Reply(body=_undeclared_body(_FIFTY_MB), mode="raw"),
            "far too large",
            id="50mb-undeclared",
        ),
        pytest.param(
            Reply(404, _HTML, "text/html"),
            "There is no Tianmu sign-in at this address (HTTP 404)",
            id="html-404",
        ),
        pytest.param(
            Reply(200, b'{"token": "abc"', "application/json", mode="truncate"),
            "cut off or damaged",
            id="cut-off",
        ),
    ],
)
def test_login_against_a_server_that_is_not_tianmu_says_what_happened(
    qtbot, console: Console, reply: Reply | Callable[[], Reply], expected: str
) -> None:
    server = ScriptedServer().start()
    try:
        # The 50 MB bodies are made only for their own test, not held for the whole session.
        server.script(reply if isinstance(reply, Reply) else reply())
        console.start(try_resume=False)
        dialog = console.login_dialog
        assert dialog is not None
        dialog.ui.server_edit.setText(server.url)
        dialog.ui.user_edit.setText("operator-1")
        dialog.ui.password_edit.setText("whatever")
        dialog.ui.sign_in_button.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
        message = dialog.message()
        assert expected in message
        # A status of success is never reported as a refusal.
        assert "HTTP 200" not in message
        assert "refused" not in message
        assert console.session is None
        assert dialog.ui.sign_in_button.isEnabled()
        assert [method for method, _path, _headers in server.requests] == ["POST"]
    finally:
        server.stop()
