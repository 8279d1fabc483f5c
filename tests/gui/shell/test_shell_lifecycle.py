"""Across starts: window layout per user, the kept session, signing out, the language."""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from console.app import Console, Services
from console.credentials import CredentialStore
from console.gui.docks import DockId
from console.i18n import remove_translators
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.console_services import console_services


def _restart(qapp: QApplication, services: Services, console: Console, demo_server) -> Console:
    """Quit the way the operator does (close the window), then start a fresh console."""
    assert console.session is not None
    with_window = console.session.window
    with_window.close()
    services.runner.shutdown()  # lets the layout write finish, like the real quit
    return Console(
        services_for_restart(qapp), server_url=demo_server.url, stream_backoff_s=(0.2, 1.0)
    )


_extra_services = ExitStack()


def services_for_restart(qapp: QApplication) -> Services:
    return _extra_services.enter_context(console_services(qapp))


def teardown_function() -> None:
    _extra_services.close()


def test_window_layout_is_restored_per_user(qtbot, qapp, services, console, demo_server) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    qtbot.waitUntil(session.window.isVisible)
    session.window.dock(DockId.MAP).close()
    session.window.resize(640, 480)  # within the offscreen screen, which clamps geometry
    second = _restart(qapp, services, console, demo_server)
    try:
        # The same user gets the map closed again and the smaller window ...
        session = sign_in_through_dialog(
            qtbot, second, "operator-1", demo_server.password("operator-1")
        )
        window = session.window
        qtbot.waitUntil(window.isVisible)
        assert not window.dock(DockId.MAP).isVisible()
        assert window.dock(DockId.WALL).isVisible()
        assert (window.width(), window.height()) == (640, 480)
        second.sign_out()
        assert second.login_dialog is not None
        # ... another user on the same workstation gets the default arrangement.
        other = sign_in_through_dialog(
            qtbot, second, "operator-2", demo_server.password("operator-2")
        )
        qtbot.waitUntil(other.window.isVisible)
        assert other.window.dock(DockId.MAP).isVisible()
    finally:
        second.shutdown()


def test_a_maximised_window_is_restored_maximised_per_user(
    qtbot, qapp, services, console, demo_server
) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", demo_server.password("operator-1")
    )
    window = session.window
    qtbot.waitUntil(window.isVisible)
    window.setGeometry(30, 40, 640, 480)  # within the offscreen screen, which clamps geometry
    qtbot.waitUntil(lambda: window.geometry() == QRect(30, 40, 640, 480))
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    second = _restart(qapp, services, console, demo_server)
    try:
        session = sign_in_through_dialog(
            qtbot, second, "operator-1", demo_server.password("operator-1")
        )
        window = session.window
        qtbot.waitUntil(window.isVisible)
        assert window.isMaximized()
        window.showNormal()
        qtbot.waitUntil(lambda: window.geometry() == QRect(30, 40, 640, 480))
        second.sign_out()
        # Another user on the same workstation gets the window as it comes.
        other = sign_in_through_dialog(
            qtbot, second, "operator-2", demo_server.password("operator-2")
        )
        qtbot.waitUntil(other.window.isVisible)
        assert not other.window.isMaximized()
    finally:
        second.shutdown()


def test_kept_session_resumes_and_sign_out_ends_it(
    qtbot, qapp, services, console, demo_server
) -> None:
    session = sign_in_through_dialog(
        qtbot, console, "supervisor-1", demo_server.password("supervisor-1")
    )
    token = session.signed_in.token
    qtbot.waitUntil(
        lambda: CredentialStore().load_token(demo_server.url, "supervisor-1") == token,
        timeout=5_000,
    )
    second = _restart(qapp, services, console, demo_server)
    try:
        with qtbot.waitSignal(second.session_started, timeout=20_000) as started:
            second.start()
        resumed = started.args[0]
        assert resumed.signed_in.resumed
        assert resumed.signed_in.user.username == "supervisor-1"
        assert second.login_dialog is None
        assert "Supervisor" in resumed.window.status.user_label.text()

        second.sign_out()
        assert second.login_dialog is not None
        assert second.login_dialog.isVisible()
        assert second.login_dialog.ui.user_edit.text() == "supervisor-1"
        qtbot.waitUntil(
            lambda: CredentialStore().load_token(demo_server.url, "supervisor-1") is None,
            timeout=5_000,
        )
    finally:
        second.shutdown()


def test_chinese_interface(qtbot, qapp, tianmu_home, demo_server) -> None:
    (tianmu_home / "config").mkdir(exist_ok=True)
    (tianmu_home / "config" / "settings.toml").write_text('language = "zh_CN"\n')
    built = services_for_restart(qapp)
    console = Console(built, server_url=demo_server.url, stream_backoff_s=(0.2, 1.0))
    try:
        console.start(try_resume=False)
        dialog = console.login_dialog
        assert dialog is not None
        assert dialog.ui.sign_in_button.text() == "登录"
        session = sign_in_through_dialog(
            qtbot, console, "operator-1", demo_server.password("operator-1")
        )
        window = session.window
        assert window.windowTitle() == "天目综合指挥操作台"
        assert "值班员" in window.status.user_label.text()
        assert window.dock(DockId.WALL).windowTitle() == "视频墙"
    finally:
        console.shutdown()
        remove_translators(qapp)
