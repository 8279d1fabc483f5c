"""A canary password and the token it earns appear in no file the console wrote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from console.app import Console, build_services
from console.credentials import CredentialStore
from console.gui.docks import DockId
from console.store import OutboxState
from tests.gui.shell.conftest import CANARY_PASSWORD, CANARY_USER, sign_in_through_dialog

WRONG_CANARY = "canary-wrong-0b4d2e77-密码"


def _forms(secret: str) -> list[bytes]:
    """The shapes a secret could take in a file: raw, URL-encoded, JSON-escaped, UTF-16."""
    return list(
        {
            secret.encode("utf-8"),
            quote(secret, safe="").encode(),
            secret.encode("unicode_escape"),
            secret.encode("utf-16-le"),
        }
    )


def _files_holding(root: Path, secret: str) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(form in data for form in _forms(secret)):
                found.append(str(path.relative_to(root)))
    return found


def test_canary_password_and_token_reach_no_file(qtbot, qapp, tianmu_home, demo_server) -> None:
    config = tianmu_home / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text('[log]\nlevel = "DEBUG"\n')  # log all there is
    services = build_services(qapp)
    console = Console(services, server_url=demo_server.url, stream_backoff_s=(0.2, 1.0))
    token = ""
    try:
        console.start(try_resume=False)
        dialog = console.login_dialog
        assert dialog is not None
        # A wrong try first: the failed attempt must leave no trace either.
        dialog.ui.user_edit.setText(CANARY_USER)
        dialog.ui.password_edit.setText(WRONG_CANARY)
        dialog.ui.sign_in_button.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)
        assert dialog.message() == "Wrong user name or password."

        session = sign_in_through_dialog(qtbot, console, CANARY_USER, CANARY_PASSWORD)
        token = session.signed_in.token
        assert len(token) >= 16
        window = session.window

        # Some work: browse and search the tree, queue an action, look at the figures,
        # move a dock, save the settings.
        qtbot.waitUntil(lambda: session.catalog is not None, timeout=30_000)
        session.camera_panel.set_search_text("嘉积")
        now = datetime.now(UTC)
        session.store.outbox.enqueue(
            "patrol.record",
            "POST",
            "/patrol-records",
            {"started_at": now - timedelta(minutes=5), "finished_at": now, "entries": []},
            summary="canary run",
        )
        delivered = OutboxState.DELIVERED
        qtbot.waitUntil(lambda: session.store.outbox.counts().get(delivered) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: session.pending == 0, timeout=10_000)
        session.open_diagnostics().refresh()
        window.dock(DockId.ALERTS).close()
        services.settings.set("video.max_main_streams", 6)
        qtbot.waitUntil(
            lambda: CredentialStore().load_token(demo_server.url, CANARY_USER) == token,
            timeout=5_000,
        )
        window.close()  # quit as the operator does
    finally:
        console.shutdown()
    from console.logs import teardown_logging

    teardown_logging()  # flush and close the log file

    written = sorted(str(p.relative_to(tianmu_home)) for p in tianmu_home.rglob("*") if p.is_file())
    # The check means something only if the console did write its files.
    assert "log/tianmu.log" in written
    assert "config/settings.toml" in written
    assert "config/window-state.ini" in written
    assert any(name.endswith("outbox.sqlite") for name in written)
    assert any(name.endswith("cache.sqlite") for name in written)
    assert (tianmu_home / "log" / "tianmu.log").stat().st_size > 0

    assert _files_holding(tianmu_home, CANARY_PASSWORD) == []
    assert _files_holding(tianmu_home, WRONG_CANARY) == []
    assert _files_holding(tianmu_home, token) == []

    # The token went to the keyring (kernel memory here), where the next start finds it.
    assert CredentialStore().load_token(demo_server.url, CANARY_USER) == token
    CredentialStore().forget_token(demo_server.url, CANARY_USER)
