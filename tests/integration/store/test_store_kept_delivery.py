"""Kept actions of a newer or damaged outbox reach the real server exactly once.

One of the actions had in fact reached the server before its outbox became unreadable (the
answer was lost): delivering it again with its original idempotency key must not repeat it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from console.client import BackendClient, OutboxDelivery
from console.client.delivery import send_item
from console.store import OutboxState, open_store
from tests.support.live_server import LiveDemoServer
from tests.support.outbox_worker import incident_body


def _newer(outbox: Path) -> None:
    with sqlite3.connect(outbox) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'outbox_9999_future'")


def _damaged(outbox: Path) -> None:
    with outbox.open("r+b") as handle:
        handle.write(b"\x00garbage!" * 11 + b"\x00")


@pytest.mark.parametrize("spoil", [_newer, _damaged], ids=["newer", "damaged"])
def test_kept_actions_are_delivered_exactly_once(
    demo_server: LiveDemoServer, tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    client = BackendClient(demo_server.url)
    client.login("operator-1", demo_server.password("operator-1"))
    prefix = f"kept-{uuid.uuid4().hex[:8]}"
    titles = [f"{prefix}-{n}" for n in range(3)]
    store_dir = tmp_path / "store"
    try:
        store = open_store(store_dir)
        queued = [
            store.outbox.enqueue(
                "incident.raise", "POST", "/incidents", incident_body(t), summary=f"raise {t}"
            )
            for t in titles
        ]
        assert send_item(client, queued[0]).status == 201  # reached the server; answer lost
        store.close()
        spoil(store_dir / "outbox.sqlite")

        reopened = open_store(store_dir)
        try:
            assert len(reopened.problems) == 1
            kept = reopened.outbox.list([OutboxState.KEPT])
            assert [item.idempotency_key for item in kept] == [q.idempotency_key for q in queued]
            for item in kept:
                reopened.outbox.deliver_kept(item.seq)
            result = OutboxDelivery(client, reopened.outbox).run_round()
            assert (result.delivered, result.rejected, result.failed) == (3, 0, False)
            assert reopened.outbox.counts() == {OutboxState.DELIVERED: 3}
        finally:
            reopened.close()
        on_server = sorted(i.title for i in client.iter_incidents(q=prefix))
        assert on_server == titles  # each once, the one sent before included
    finally:
        client.close()
