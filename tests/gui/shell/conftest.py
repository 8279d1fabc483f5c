"""Fixtures for the shell tests: the real demo server on loopback and a console on top."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from console.app import Console, Services, SessionWiring
from console.credentials import CredentialStore

# A password and a token that must never reach a file; see test_shell_canary.py.
CANARY_USER = "supervisor-2"
CANARY_PASSWORD = "canary-Pw-7f3a9c1e-天目"


def _load_support(name: str) -> ModuleType:
    # tests/ is not a package on sys.path; load the shared helper by path.
    module_name = f"tianmu_tests_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    path = Path(__file__).resolve().parents[2] / "support" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


live_server = _load_support("live_server")


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    server = live_server.start_demo_server(
        tmp_path_factory.mktemp("demo-server"), extra_users={CANARY_USER: CANARY_PASSWORD}
    )
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def tianmu_home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture(autouse=True)
def _forget_tokens(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tokens kept in the (kernel) keyring outlive the test process; take them out."""
    yield
    if "demo_server" not in request.fixturenames:
        return
    server = request.getfixturevalue("demo_server")
    store = CredentialStore()
    for username in server.passwords:
        store.forget_token(server.url, username)


@pytest.fixture
def console(services: Services, demo_server: object) -> Iterator[Console]:
    made = Console(services, server_url=demo_server.url, stream_backoff_s=(0.2, 1.0))  # type: ignore[attr-defined]
    try:
        yield made
    finally:
        made.shutdown()


def sign_in_through_dialog(qtbot, console: Console, username: str, password: str) -> SessionWiring:
    """Type into the login dialog, press Sign in, and wait for the main window."""
    dialog = console.login_dialog
    if dialog is None:
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
