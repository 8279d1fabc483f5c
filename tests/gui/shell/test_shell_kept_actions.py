"""Actions kept from an outbox that could not be opened stay in front of the operator.

A real store whose outbox was written by a newer version is opened by a real session
against the real server: the dialog lists the actions in plain text, the status bar shows
them until they are decided, and Deliver sends them (once) while Discard asks first.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

from console.app import Console, store_directory
from console.gui.kept_actions import KeptActionsDialog
from console.store import OutboxState, open_store
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.outbox_worker import incident_body

USER = "operator-3"


def _leave_a_newer_outbox(store_dir: Path, titles: list[str]) -> None:
    store = open_store(store_dir)
    for title in titles:
        store.outbox.enqueue(
            "incident.raise", "POST", "/incidents", incident_body(title), summary=f"Raise {title}"
        )
    store.close()
    with sqlite3.connect(store_dir / "outbox.sqlite") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'outbox_9999_future'")


def test_kept_actions_are_shown_and_delivered_or_discarded(
    qtbot, console: Console, demo_server, monkeypatch, tmp_path: Path
) -> None:
    prefix = f"kept-<b>{uuid.uuid4().hex[:6]}</b>"  # markup must show as written
    titles = [f"{prefix}-{n}" for n in range(3)]
    _leave_a_newer_outbox(store_directory(demo_server.url, USER), titles)

    session = sign_in_through_dialog(qtbot, console, USER, demo_server.password(USER))
    review = session.kept_actions
    qtbot.waitUntil(lambda: review.dialog is not None and review.dialog.isVisible(), timeout=10_000)
    dialog = review.dialog
    assert isinstance(dialog, KeptActionsDialog)
    field = review.field
    assert field.isVisibleTo(session.window)
    assert "3" in field.label.text()
    texts = dialog.listed_texts()
    assert [text.splitlines()[0] for text in texts] == [f"Raise {t}" for t in titles]
    assert session.window.status.pending_label.text() == "Unsent: 0"  # nothing sent yet

    # Export all three: a file the operator can keep; the actions stay until decided.
    target = tmp_path / "kept.jsonl"
    monkeypatch.setattr(dialog, "ask_export_path", lambda: str(target))
    dialog.ui.export_button.click()
    qtbot.waitUntil(lambda: str(target) in dialog.status_text(), timeout=10_000)
    exported = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["body"]["title"] for row in exported] == titles
    assert "3" in field.label.text()

    # Discard the last one: the operator is asked first, and a "no" changes nothing.
    first, second, third = (int(s) for s in dialog.ticked())
    dialog.set_ticked([third])
    monkeypatch.setattr(dialog, "confirm_discard", lambda count: False)
    dialog.ui.discard_button.click()
    assert session.store.outbox.get(third).state is OutboxState.KEPT  # type: ignore[union-attr]
    monkeypatch.setattr(dialog, "confirm_discard", lambda count: count == 1)
    with qtbot.waitSignal(review.kept_counted, timeout=10_000) as counted:
        dialog.ui.discard_button.click()
    assert counted.args == [2]
    assert "2" in field.label.text()

    # Deliver the other two: they reach the server, and the banner goes.
    dialog.set_ticked([first, second])
    with qtbot.waitSignal(review.kept_counted, timeout=10_000) as counted:
        dialog.ui.deliver_button.click()
    assert counted.args == [0]
    assert not field.isVisibleTo(session.window)
    client = session.signed_in.client

    def on_server() -> list[str]:
        return sorted(i.title for i in client.iter_incidents(q=uuid_part(prefix)))

    qtbot.waitUntil(lambda: on_server() == titles[:2], timeout=20_000)
    assert session.store.outbox.get(third).state is OutboxState.DISCARDED  # type: ignore[union-attr]


def uuid_part(prefix: str) -> str:
    return prefix.split("<b>", 1)[1].split("</b>", 1)[0]
