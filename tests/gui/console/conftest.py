"""Fixtures for the whole-console tests: the real demo server on loopback with the real camera
simulator behind its stream addresses, and the console (services, sign-in) on top."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from pytestqt.qtbot import QtBot

from console.app import Console, Services, SessionWiring
from tests.support.console_services import running_console
from tests.support.live_server import TIMEOUT_S, LiveDemoServer, serve_live_demo

FEEDS = 3


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    yield from serve_live_demo(tmp_path_factory.mktemp("console-server"), FEEDS, "console tests")


@pytest.fixture
def console(services: Services, demo_server: LiveDemoServer) -> Iterator[Console]:
    with running_console(services, demo_server.url, demo_server.passwords) as made:
        yield made


def sign_in(qtbot: QtBot, console: Console, username: str, password: str) -> SessionWiring:
    """Type into the login dialog, press Sign in, and wait for the main window."""
    console.start(try_resume=False)
    dialog = console.login_dialog
    assert dialog is not None
    dialog.ui.user_edit.setText(username)
    dialog.ui.password_edit.setText(password)
    with qtbot.waitSignal(console.session_started, timeout=20_000) as started:
        dialog.ui.sign_in_button.click()
    session = started.args[0]
    assert isinstance(session, SessionWiring)
    return session


class Api:
    """Plain HTTP to the demo server as one user (a second workstation, for checking)."""

    def __init__(self, server: LiveDemoServer, username: str) -> None:
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {server.token(username)}"
        self._api = server.api

    def get(self, path: str, **params: object) -> object:
        response = self._session.get(self._api + path, params=params, timeout=TIMEOUT_S)
        response.raise_for_status()
        return response.json()

    def post(self, path: str, body: object) -> object:
        response = self._session.post(self._api + path, json=body, timeout=TIMEOUT_S)
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self._session.close()
