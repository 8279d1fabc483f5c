"""Offline to the end, in the running console against the real server.

A hotline call is raised by hand while the server is away: it shows at once under a local
id, an action is queued on it, and both reach the server once, in order, on the server's id
when it returns. Then the server ends the session (the token is revoked): the console asks
for the password again, the window, wall and outbox stay, and delivery resumes with the new
token. The caller's phone never reaches the log file in full.
"""

from __future__ import annotations

from typing import Any

import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import Console, Services
from console.client import BackendClient
from console.logs import flush_logging
from console.store.outbox import is_local_id
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.leak_guard import ThreadOwnership
from tests.support.live_server import TIMEOUT_S
from tests.support.outbox_worker import incident_body

OPERATOR = "operator-1"
CALLER_NAME = "张三明"
CALLER_PHONE = "138 1234 5678"
PHONE_DIGITS = "13812345678"


def _history(client: BackendClient, incident_id: str) -> list[str]:
    return [str(step.action) for step in client.incident(incident_id).history]


def test_offline_hotline_event_and_a_session_ended_by_the_server(
    qtbot: QtBot,
    console: Console,
    demo_server: Any,
    services: Services,
    thread_ownership: ThreadOwnership,
) -> None:
    services.settings.set("log.level", "DEBUG")  # whatever is logged, the phone is not
    password = demo_server.password(OPERATOR)
    session = sign_in_through_dialog(qtbot, console, OPERATOR, password)
    qtbot.waitUntil(lambda: session.catalog is not None, timeout=30_000)
    catalog = session.catalog
    assert catalog is not None
    camera = catalog.camera(catalog.camera_ids()[0])
    window = session.window
    store = session.store
    title = f"12345 来电 占道经营 {camera.id[-6:]}"

    demo_server.stop()
    try:
        # Raise by hand: the action opens the hotline dialog without a camera.
        action = session.incidents.by_hand.action
        assert action.shortcut().toString() == "Ctrl+Shift+E"
        menu = session.incidents.by_hand.menu
        assert action in menu.actions()
        assert menu.menuAction() in session.window.menuBar().actions()
        window.activateWindow()
        with qtbot.waitSignal(session.raise_dialog_opened, timeout=10_000) as opened:
            qtbot.keyClick(  # type: ignore[no-untyped-call]
                window,
                Qt.Key.Key_E,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
        dialog = opened.args[0]
        assert dialog.camera() is None
        assert dialog.source().value == "hotline_12345"
        dialog.ui.title_edit.setText(title)
        dialog.ui.caller_name_edit.setText(CALLER_NAME)
        dialog.ui.caller_phone_edit.setText(CALLER_PHONE)
        [found] = dialog.search_cameras(camera.id)
        assert found.id == camera.id
        with qtbot.waitSignal(session.events_applied, timeout=10_000) as shown:
            assert dialog.submit(), dialog.message()
        local_id = dialog.request.local_id
        assert is_local_id(local_id)
        assert local_id in shown.args[0].incidents  # the list and detail show it at once
        pending = store.incidents.get(local_id)
        assert pending is not None
        assert pending.number == ""
        assert pending.camera_ids == (camera.id,)
        [queued] = store.outbox.list()
        assert "张*明" in queued.summary
        assert "138****5678" in queued.summary
        assert PHONE_DIGITS not in queued.summary
        assert queued.body["caller_phone"] == PHONE_DIGITS  # sent in full, to the server only

        # Acted on before the server knows it: the action waits behind the creation.
        done: list[object] = []
        session.session.queue_action(
            "incident.action",
            "POST",
            f"/incidents/{local_id}/actions",
            {"action": "accept", "expected_version": pending.version},
            title="accept",
            summary=f"accept {title}",
            on_done=done.append,
        )
        qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: session.pending == 2, timeout=10_000)
    finally:
        with thread_ownership.started_for_a_fixture():  # the session's server, running again
            demo_server.restart()

    # The server is back: the stream reconnects and delivery sends both, on the server's id.
    with qtbot.waitSignal(session.live.local_incident_created, timeout=30_000) as created:
        pass
    assert created.args[0] == local_id
    server_id = created.args[1]
    assert not is_local_id(server_id)
    qtbot.waitUntil(lambda: session.pending == 0, timeout=30_000)
    qtbot.waitUntil(lambda: store.incidents.get(local_id) is None, timeout=10_000)
    reader = BackendClient(demo_server.url)
    try:
        reader.login(OPERATOR, password)
        incident = reader.incident(server_id)
        assert incident.title == title
        assert incident.caller_phone == PHONE_DIGITS
        assert _history(reader, server_id) == ["accept"]

        # The server ends the session: the token is revoked behind the console's back.
        revoked = requests.post(
            f"{demo_server.api}/auth/logout",
            headers={"Authorization": f"Bearer {session.signed_in.client.token}"},
            timeout=TIMEOUT_S,
        )
        assert revoked.status_code == 200, revoked.text
        with qtbot.waitSignal(session.reauth.prompt_shown, timeout=20_000) as prompted:
            # Named by its local id still (the operator's view may lag): rewritten on queueing.
            session.session.queue_action(
                "incident.action",
                "POST",
                f"/incidents/{local_id}/actions",
                {"action": "file", "category": "street_vendor", "priority": 2},
                title="file",
                summary=f"file {title}",
            )
        prompt = prompted.args[0]
        assert prompt.ui.user_edit.text() == OPERATOR
        assert prompt.ui.user_edit.isReadOnly()
        assert session.delivery.paused
        qtbot.waitUntil(lambda: session.pending == 1, timeout=5_000)  # waiting, not lost
        assert console.session is session  # the workspace stays: same session, same window
        assert window.isVisible()

        prompt.ui.password_edit.setText(password)
        prompt.ui.sign_in_button.click()
        qtbot.waitUntil(lambda: session.pending == 0, timeout=30_000)
        assert not session.delivery.paused
        assert session.reauth.dialog is None
        assert console.session is session
        new_token = session.signed_in.client.token
        # The next start resumes with the new token, not the refused one.
        qtbot.waitUntil(
            lambda: services.credentials().load_token(demo_server.url, OPERATOR) == new_token,
            timeout=10_000,
        )
        assert _history(reader, server_id) == ["accept", "file"]
    finally:
        reader.close()

    flush_logging()
    assert services.log_file is not None
    log_text = services.log_file.read_text(encoding="utf-8")
    assert local_id in log_text
    assert "138****5678" in log_text
    assert PHONE_DIGITS not in log_text
    assert CALLER_PHONE not in log_text
    assert CALLER_NAME not in log_text


def test_a_wrong_password_or_a_prompt_put_aside_loses_nothing(
    qtbot: QtBot, console: Console, demo_server: Any
) -> None:
    user = "operator-2"
    password = demo_server.password(user)
    session = sign_in_through_dialog(qtbot, console, user, password)
    session.reauth.set_ask_again_ms(300)
    title = f"重新登录前排队的事件 {id(session)}"
    revoked = requests.post(
        f"{demo_server.api}/auth/logout",
        headers={"Authorization": f"Bearer {session.signed_in.client.token}"},
        timeout=TIMEOUT_S,
    )
    assert revoked.status_code == 200, revoked.text
    with qtbot.waitSignal(session.reauth.prompt_shown, timeout=20_000) as prompted:
        session.session.queue_action(
            "incident.raise",
            "POST",
            "/incidents",
            incident_body(title),
            title="raise",
            summary=f"raise {title}",
        )
    prompt = prompted.args[0]
    prompt.ui.password_edit.setText("not-the-password")
    prompt.ui.sign_in_button.click()
    qtbot.waitUntil(lambda: "Wrong user name or password" in prompt.message(), timeout=10_000)
    assert prompt.isVisible()
    assert session.delivery.paused

    # Put aside: the session stays, and the prompt comes back while it is needed.
    with qtbot.waitSignal(session.reauth.prompt_shown, timeout=5_000) as again:
        prompt.reject()
        assert session.reauth.dialog is None
        assert console.session is session
    prompt = again.args[0]
    qtbot.waitUntil(lambda: session.pending == 1, timeout=5_000)
    prompt.ui.password_edit.setText(password)
    prompt.ui.sign_in_button.click()
    qtbot.waitUntil(lambda: session.pending == 0, timeout=30_000)
    assert not session.reauth.needed
    reader = BackendClient(demo_server.url)
    try:
        reader.login(user, password)
        assert [i.title for i in reader.iter_incidents(q=title)] == [title]
    finally:
        reader.close()
